"""Exchange between cities: signed ``.lintas`` packages, trusted certificates, branches, reconcile.

A ``.lintas`` file is a zip holding ``package.json`` (canonical JSON: the agreement's revisions
with their full content and hashes, the annex as part of each revision, comments and approvals),
``certificate.pem`` (the sending office's certificate) and ``signature.bin`` (the office key's
signature over ``package.json``: ECDSA/SHA-256 for EC keys, PKCS#1 v1.5/SHA-256 for RSA keys as
BSrE issues them).

Import checks, in this order, and refuses with a clear message: the file is a package; the
signature matches the certificate (else *tampered*); the certificate is trusted by this office
(else *untrusted*, with its fingerprint so staff can compare it by phone); the sender is the office
that certificate was trusted for; every revision's hash matches its content. Import never
overwrites local work: unsaved edits are saved as a local round first, and when both sides edited
the same base the two heads are kept as a branch until ``reconcile`` merges them.

Modules: :mod:`~mou.exchange.card` (office cards and trust), :mod:`~mou.exchange.package` (format,
signature, export, verified reading), :mod:`~mou.exchange.importing` (revisions, branches,
comments, approvals), :mod:`~mou.exchange.merge` (reconcile), :mod:`~mou.exchange.errors`. The
names below are the public API; the UI imports them from ``mou.exchange``.
"""

from __future__ import annotations

from mou.exchange.card import (
    CARD_FORMAT,
    VERSION,
    office_card,
    read_office_card,
    revoke_trust,
    trust_certificate,
    trust_office_card,
    trusted_certificates,
)
from mou.exchange.errors import (
    PackageCode,
    PackageError,
    TamperedPackageError,
    UntrustedPackageError,
)
from mou.exchange.importing import ImportResult, import_package
from mou.exchange.merge import (
    Choice,
    Conflict,
    common_ancestor,
    merge_content,
    reconcile,
    reconcile_preview,
)
from mou.exchange.package import (
    FORMAT,
    MAX_PACKAGE_BYTES,
    SUFFIX,
    VerifiedPackage,
    build_payload,
    export_package,
    read_package,
)

__all__ = [
    "CARD_FORMAT",
    "FORMAT",
    "MAX_PACKAGE_BYTES",
    "SUFFIX",
    "VERSION",
    "Choice",
    "Conflict",
    "ImportResult",
    "PackageCode",
    "PackageError",
    "TamperedPackageError",
    "UntrustedPackageError",
    "VerifiedPackage",
    "build_payload",
    "common_ancestor",
    "export_package",
    "import_package",
    "merge_content",
    "office_card",
    "read_office_card",
    "read_package",
    "reconcile",
    "reconcile_preview",
    "revoke_trust",
    "trust_certificate",
    "trust_office_card",
    "trusted_certificates",
]
