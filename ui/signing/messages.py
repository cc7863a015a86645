"""The signing core's coded messages in the UI language (verification and identity errors).

The one place mapping ``mou.signing.VerifyCode`` and ``mou.signing.identity.IdentityCode`` to texts (see :mod:`ui.messages`).
Per-signature verdicts are coded by ``mou.signing.Verdict`` and worded in
:meth:`ui.signing.verify_dialog.VerifyDialog.verdict_text`.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP

from mou.messages import DomainMessage
from mou.signing import VerificationReport
from mou.signing.identity import IdentityError
from ui.datestyle import iso_date_text
from ui.messages import MessageTable, message_text
from ui.plain_errors import plain_text

VERIFY = MessageTable(
    "VerifyMessages",
    {
        "verify.empty_file": QT_TRANSLATE_NOOP("VerifyMessages", "The file is empty."),
        "verify.not_a_pdf": QT_TRANSLATE_NOOP("VerifyMessages", "The file is not a PDF."),
        "verify.unreadable_pdf": QT_TRANSLATE_NOOP(
            "VerifyMessages",
            "The PDF cannot be read; it may be incomplete or damaged.",
        ),
        "verify.too_large": QT_TRANSLATE_NOOP(
            "VerifyMessages", "The file is larger than {limit_mb} MB, too large for an agreement."
        ),
        "verify.too_many_signatures": QT_TRANSLATE_NOOP(
            "VerifyMessages", "The file carries more than {limit} signatures; it was not checked."
        ),
    },
)

# Why one signature is not trusted, not bound to its field, or was changed after signing
# (``mou.signing.trust.TrustProblem`` and ``mou.signing.changes.ChangeProblem`` codes).
TRUST = MessageTable(
    "TrustMessages",
    {
        "trust.no_anchor": QT_TRANSLATE_NOOP(
            "TrustMessages",
            "The certificate is not one of the offices or certificate authorities you trust.",
        ),
        "trust.expired": QT_TRANSLATE_NOOP(
            "TrustMessages", "The certificate had expired at the time it was checked for."
        ),
        "trust.not_yet_valid": QT_TRANSLATE_NOOP(
            "TrustMessages", "The certificate was not yet valid at the time it was checked for."
        ),
        "trust.not_for_signing": QT_TRANSLATE_NOOP(
            "TrustMessages", "The certificate is not meant for signing documents."
        ),
        "trust.revoked": QT_TRANSLATE_NOOP(
            "TrustMessages", "The certificate authority has revoked this certificate."
        ),
        "trust.revocation_unknown": QT_TRANSLATE_NOOP(
            "TrustMessages",
            "Whether the certificate was revoked could not be checked. Try again when online.",
        ),
        "trust.bad_chain": QT_TRANSLATE_NOOP(
            "TrustMessages",
            "The chain of certificate authorities behind this certificate does not hold.",
        ),
        "trust.wrong_office": QT_TRANSLATE_NOOP(
            "TrustMessages", "This field belongs to another party than the office that signed it."
        ),
        "trust.unexpected_field": QT_TRANSLATE_NOOP(
            "TrustMessages", "No party of this agreement is expected to sign this field."
        ),
        "trust.same_key": QT_TRANSLATE_NOOP(
            "TrustMessages", "The same signing key already signed another party's field."
        ),
        "change.new_field": QT_TRANSLATE_NOOP(
            "TrustMessages", "A new form field was added after signing; it can cover the text."
        ),
        "change.removed_field": QT_TRANSLATE_NOOP(
            "TrustMessages", "A form field or signature was removed after signing."
        ),
        "change.new_annotation": QT_TRANSLATE_NOOP(
            "TrustMessages", "An annotation or page was added after signing."
        ),
        "change.removed_annotation": QT_TRANSLATE_NOOP(
            "TrustMessages", "An annotation was removed after signing."
        ),
        "change.moved_field": QT_TRANSLATE_NOOP(
            "TrustMessages", "A signature field was moved after signing."
        ),
        "change.new_appearance": QT_TRANSLATE_NOOP(
            "TrustMessages", "An unsigned signature field was painted over after signing."
        ),
        "change.several_signatures": QT_TRANSLATE_NOOP(
            "TrustMessages", "Several fields were signed in one step after signing."
        ),
        "change.trailing_bytes": QT_TRANSLATE_NOOP(
            "TrustMessages", "Data was appended after the end of the signed document."
        ),
        "change.too_complex": QT_TRANSLATE_NOOP(
            "TrustMessages", "The later updates of this document are too large to check."
        ),
    },
)


def problem_text(code: str) -> str:
    """A signature's trust or change problem in the UI language ("" when there is none)."""
    if not code:
        return ""
    return message_text(DomainMessage(code, {}, ""), TRUST) if TRUST.knows(code) else ""


def report_error_text(report: VerificationReport) -> str:
    """Why the file could not be checked at all, in the UI language ("" when it was checked)."""
    message = report.error_message
    return "" if message is None else message_text(message, VERIFY)


IDENTITY = MessageTable(
    "IdentityMessages",
    {
        "identity.password_required": QT_TRANSLATE_NOOP(
            "IdentityMessages", "A password is required to protect the office signing key."
        ),
        "identity.names_required": QT_TRANSLATE_NOOP(
            "IdentityMessages", "The certificate needs the office name and the signer's name."
        ),
        "identity.validity_too_short": QT_TRANSLATE_NOOP(
            "IdentityMessages", "The certificate must be valid for at least one day."
        ),
        "identity.empty": QT_TRANSLATE_NOOP("IdentityMessages", "The identity {name} is empty."),
        "identity.not_pkcs12": QT_TRANSLATE_NOOP(
            "IdentityMessages",
            "The identity {name} is not a PKCS#12 (.p12/.pfx) file or it is damaged.",
        ),
        "identity.cannot_open": QT_TRANSLATE_NOOP(
            "IdentityMessages", "The identity {name} cannot be opened: {detail}"
        ),
        "identity.wrong_password": QT_TRANSLATE_NOOP(
            "IdentityMessages", "The password does not open the identity {name}."
        ),
        "identity.no_key": QT_TRANSLATE_NOOP(
            "IdentityMessages", "The identity {name} holds no private key."
        ),
        "identity.no_certificate": QT_TRANSLATE_NOOP(
            "IdentityMessages", "The identity {name} holds no certificate."
        ),
        "identity.unsupported_key": QT_TRANSLATE_NOOP(
            "IdentityMessages", "The identity {name} holds an unsupported key type for signing."
        ),
        "identity.key_mismatch": QT_TRANSLATE_NOOP(
            "IdentityMessages",
            "The private key in the identity {name} does not match its certificate.",
        ),
        "identity.missing_file": QT_TRANSLATE_NOOP(
            "IdentityMessages", "No signing identity at {path}."
        ),
        "identity.unreadable_file": QT_TRANSLATE_NOOP(
            "IdentityMessages", "Cannot read {path}: {detail}."
        ),
        "identity.expired": QT_TRANSLATE_NOOP(
            "IdentityMessages", "The certificate of {subject} expired on {date}."
        ),
        "identity.not_yet_valid": QT_TRANSLATE_NOOP(
            "IdentityMessages", "The certificate of {subject} is valid only from {date}."
        ),
        "identity.not_for_signing": QT_TRANSLATE_NOOP(
            "IdentityMessages",
            "The certificate of {subject} is not meant for signing documents (its key usage "
            "allows neither digital signature nor non-repudiation).",
        ),
        "identity.unprotected_import": QT_TRANSLATE_NOOP(
            "IdentityMessages", "The imported identity must be protected by a password."
        ),
        "identity.not_a_certificate": QT_TRANSLATE_NOOP(
            "IdentityMessages", "{name} is not an X.509 certificate (PEM or DER)."
        ),
    },
    # Dates come from the core as ISO; screens show the one short form (ui.datestyle).
    params={"date": iso_date_text},
)


def identity_error_text(error: BaseException) -> str:
    """An identity (or file) error in the UI language when the core coded it."""
    if isinstance(error, IdentityError):
        return message_text(error.message, IDENTITY)
    return plain_text(error)


SIGNING = MessageTable(
    "SigningMessages",
    {
        "signing.bad_image": QT_TRANSLATE_NOOP(
            "SigningMessages", "The signature image is not a readable PNG."
        ),
        "signing.unreadable_pdf": QT_TRANSLATE_NOOP(
            "SigningMessages", "The PDF to sign cannot be read."
        ),
        "signing.already_signed": QT_TRANSLATE_NOOP(
            "SigningMessages", "The signature field {field} is already signed."
        ),
        "signing.no_field": QT_TRANSLATE_NOOP(
            "SigningMessages", "The PDF has no signature field {field}."
        ),
        "signing.failed": QT_TRANSLATE_NOOP("SigningMessages", "Signing the PDF failed."),
        "signing.timestamp_failed": QT_TRANSLATE_NOOP(
            "SigningMessages", "The time-stamp server could not be reached or refused."
        ),
        "signing.revoked": QT_TRANSLATE_NOOP(
            "SigningMessages",
            "The signing certificate has been revoked by its issuer. Nothing was signed; ask the "
            "issuer for a new certificate.",
        ),
    },
)


def signing_error_text(code: str, params: Mapping[str, str | int], english: str = "") -> str:
    """A ``mou.signing.SigningError`` (its code and params) in the UI language."""
    return message_text(DomainMessage(code, params, english), SIGNING)
