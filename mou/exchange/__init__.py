"""Exchange between cities: signed ``.lintas`` packages, trusted keys, branches, reconcile.

A ``.lintas`` file is a fixed header (magic, then the lengths of the three parts), the sending
office's exchange public key, its Ed25519 signature, and the body: zlib-compressed canonical JSON
of the agreement's revisions with their full content and hashes, comments and approvals. The
exchange key is not the signing key: legal staff send drafts without the mayor's password.

Import checks, in this order, and refuses with a clear message: the size; the header; the key is
one this office trusted from the sender's office card (else *untrusted*, before anything of the
body is read); the signature over the raw bytes (else *tampered*); decompression within a maximum
size; JSON within limits of depth and count; the sender is the office that key was trusted for;
every revision's hash matches its content and builds on revisions that exist. Only the parties
to an agreement may change it, each with its own revisions, comments and approvals; an office's
name and head change only through its own card. A replayed package writes nothing. Import never
overwrites local work: unsaved edits are saved as a local round first, and when both sides edited
the same base the two heads are kept as a branch until ``reconcile`` merges them.

Modules: :mod:`~mou.exchange.card` (office cards and trust), :mod:`~mou.exchange.key` (the
exchange key and its endorsement), :mod:`~mou.exchange.limits` (bounded decompression and JSON),
:mod:`~mou.exchange.package` (format, signature, export, verified reading),
:mod:`~mou.exchange.importing` (revisions, branches, comments, approvals),
:mod:`~mou.exchange.merge` (reconcile), :mod:`~mou.exchange.errors`. The names below are the
public API; the UI imports them from ``mou.exchange``.
"""

from __future__ import annotations

from mou.exchange.card import (
    CARD_FORMAT,
    MAX_CARD_BYTES,
    VERSION,
    OfficeCard,
    card_office_name,
    is_trusted,
    office_card,
    office_card_for_certificate,
    read_card,
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
from mou.exchange.key import (
    ExchangeKey,
    ExchangeKeyError,
    create_exchange_key,
    ensure_exchange_key,
    load_endorsement,
    load_exchange_key,
    save_endorsement,
)
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
    "MAX_CARD_BYTES",
    "MAX_PACKAGE_BYTES",
    "ExchangeKey",
    "ExchangeKeyError",
    "OfficeCard",
    "create_exchange_key",
    "ensure_exchange_key",
    "load_endorsement",
    "load_exchange_key",
    "office_card_for_certificate",
    "read_card",
    "card_office_name",
    "is_trusted",
    "save_endorsement",
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
