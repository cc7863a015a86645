"""Verification of the signatures of an agreement PDF (pyHanko).

Checks every signature against explicit trust roots and reports, per signature, whether anything
was changed or added after it.
"""

from __future__ import annotations

import datetime as dt
import enum
import io
from dataclasses import dataclass, field

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.x509.oid import NameOID

from mou.messages import DomainMessage
from mou.signing.fields import collect_fields
from mou.signing.identity import fingerprint_sha256


class Verdict(enum.StrEnum):
    """The outcome of one signature, most severe first."""

    TAMPERED = "tampered"  # the signed bytes no longer match the signature
    INVALID = "invalid"  # the signature itself is broken or unreadable
    MODIFIED = "modified"  # intact, but content was added or changed after signing
    UNTRUSTED = "untrusted"  # intact and unchanged, but signed by a certificate nobody trusts
    VALID = "valid"


@dataclass(frozen=True)
class SignatureCheck:
    """Verification result of one signature."""

    field_name: str
    signer: str  # certificate CN, e.g. "Wali Kota Bandung"
    office: str  # certificate O, e.g. "Pemerintah Kota Bandung"
    signing_time: dt.datetime | None  # from a time-stamp token when present, else the claimed time
    timestamped: bool  # B-T: a trusted time-stamp token is embedded
    intact: bool
    valid: bool
    trusted: bool
    modification_level: str  # NONE / LTA_UPDATES / FORM_FILLING / ANNOTATIONS / OTHER
    docmdp_ok: bool | None
    coverage: str  # ENTIRE_FILE / ENTIRE_REVISION / CONTIGUOUS_BLOCK_FROM_START
    fingerprint_sha256: str
    verdict: Verdict
    verdict_text: str

    @property
    def ok(self) -> bool:
        """True only for a valid, trusted, unmodified signature."""
        return self.verdict is Verdict.VALID


class VerifyCode(enum.StrEnum):
    """Why a file could not be checked at all (see :mod:`mou.messages`).

    Per-signature outcomes are coded by :class:`Verdict`.
    """

    EMPTY_FILE = "verify.empty_file"
    NOT_A_PDF = "verify.not_a_pdf"
    UNREADABLE_PDF = "verify.unreadable_pdf"


@dataclass(frozen=True)
class VerificationReport:
    """All signatures of one PDF. ``error`` is set when the file could not be checked at all.

    ``error`` is English; ``error_message`` carries the same with a ``VerifyCode`` for the UI.
    """

    signatures: list[SignatureCheck] = field(default_factory=list)
    unsigned_fields: list[str] = field(default_factory=list)
    error: str | None = None
    error_code: str = ""
    error_params: dict[str, str | int] = field(default_factory=dict)

    @property
    def error_message(self) -> DomainMessage | None:
        """``error`` as a coded message (None when the file was checked)."""
        if self.error is None:
            return None
        return DomainMessage(self.error_code, self.error_params, self.error)

    @property
    def ok(self) -> bool:
        """True when the PDF has at least one signature and every signature is valid."""
        return self.error is None and bool(self.signatures) and all(s.ok for s in self.signatures)

    def summary(self) -> str:
        """One line for a status bar or the CLI's last line."""
        if self.error:
            return f"NOT VERIFIED: {self.error}"
        if not self.signatures:
            return "NOT VERIFIED: the PDF carries no signature."
        bad = [s for s in self.signatures if not s.ok]
        if not bad:
            return f"OK: {len(self.signatures)} valid signature(s)."
        return f"FAILED: {len(bad)} of {len(self.signatures)} signature(s) failed."


# --------------------------------------------------------------------------------------------
# Verification


def _name_part(cert: x509.Certificate, oid: x509.ObjectIdentifier) -> str:
    values = cert.subject.get_attributes_for_oid(oid)
    return str(values[0].value) if values else ""


def _asn1_certs(certs: list[x509.Certificate]):
    from asn1crypto import x509 as asn1_x509

    der = serialization.Encoding.DER
    return [asn1_x509.Certificate.load(c.public_bytes(der)) for c in certs]


def _verdict(
    intact: bool, valid: bool, trusted: bool, level, coverage_entire: bool
) -> tuple[Verdict, str]:
    from pyhanko.sign.diff_analysis import ModificationLevel

    if not intact:
        return Verdict.TAMPERED, (
            "TAMPERED: the signed content was changed after signing (digest does not match)."
        )
    if not valid:
        return Verdict.INVALID, "INVALID: the cryptographic signature does not verify."
    if not coverage_entire and (level is None or level > ModificationLevel.FORM_FILLING):
        what = {
            ModificationLevel.ANNOTATIONS: "annotations were added or changed",
        }.get(level, "pages or content were added or changed")
        return Verdict.MODIFIED, f"MODIFIED AFTER SIGNING: {what} in a later update."
    if not trusted:
        return Verdict.UNTRUSTED, (
            "UNKNOWN SIGNER: intact, but the certificate is not among the trusted offices."
        )
    later = "" if coverage_entire else " Later updates only add signatures or fill fields."
    return Verdict.VALID, f"VALID: intact, trusted and unchanged since signing.{later}"


def _check_one(embedded, context_factory) -> SignatureCheck:
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    name = embedded.field_name
    try:
        cert_der = embedded.signer_cert.dump()
        cert = x509.load_der_x509_certificate(cert_der)
        signer = _name_part(cert, NameOID.COMMON_NAME) or cert.subject.rfc4514_string()
        office = _name_part(cert, NameOID.ORGANIZATION_NAME)
        fingerprint = fingerprint_sha256(cert)
    except Exception:
        signer, office, fingerprint = "(unreadable certificate)", "", ""
    try:
        status = validate_pdf_signature(embedded, context_factory())
    except (SignatureValidationError, ValueError, KeyError, TypeError) as exc:
        return SignatureCheck(
            field_name=name,
            signer=signer,
            office=office,
            signing_time=None,
            timestamped=False,
            intact=False,
            valid=False,
            trusted=False,
            modification_level="UNKNOWN",
            docmdp_ok=None,
            coverage="UNKNOWN",
            fingerprint_sha256=fingerprint,
            verdict=Verdict.INVALID,
            verdict_text=f"INVALID: the signature cannot be read ({exc}).",
        )
    ts = status.timestamp_validity
    timestamped = ts is not None and bool(ts.intact and ts.valid)
    signing_time = ts.timestamp if timestamped else None
    if signing_time is None:
        signing_time = status.signer_reported_dt or embedded.self_reported_timestamp
    level = status.modification_level
    coverage = status.coverage
    entire = coverage == SignatureCoverageLevel.ENTIRE_FILE
    trusted = bool(status.trusted)
    verdict, text = _verdict(status.intact, status.valid, trusted, level, entire)
    return SignatureCheck(
        field_name=name,
        signer=signer,
        office=office,
        signing_time=signing_time,
        timestamped=timestamped,
        intact=bool(status.intact),
        valid=bool(status.valid),
        trusted=trusted,
        modification_level=level.name if level is not None else "UNKNOWN",
        docmdp_ok=status.docmdp_ok,
        coverage=coverage.name if coverage is not None else "UNKNOWN",
        fingerprint_sha256=fingerprint,
        verdict=verdict,
        verdict_text=text,
    )


def verify_pdf(data: bytes, trusted: list[x509.Certificate]) -> VerificationReport:
    """Check every signature of ``data`` against the ``trusted`` certificates (and nothing else).

    Never raises for a bad file: an unreadable PDF comes back as a report with ``error`` set.
    No network is used (no OCSP/CRL fetching), so the answer is the same offline.
    """
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko_certvalidator import ValidationContext

    if not data:
        return VerificationReport(error="The file is empty.", error_code=VerifyCode.EMPTY_FILE)
    if data.lstrip()[:5] != b"%PDF-":
        return VerificationReport(error="The file is not a PDF.", error_code=VerifyCode.NOT_A_PDF)
    roots = _asn1_certs(trusted)

    def context() -> ValidationContext:
        # A fresh context per signature: contexts cache path-building results.
        return ValidationContext(trust_roots=roots, allow_fetching=False)

    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        embedded = list(reader.embedded_regular_signatures)
        unsigned = [
            f.name for f in collect_fields(reader.root, _enumerate(reader)) if not f.signed
        ]
    except Exception as exc:  # a damaged file: pyHanko raises PdfReadError, ValueError, KeyError...
        return VerificationReport(
            error=f"The PDF cannot be read; it may be incomplete or damaged ({exc}).",
            error_code=VerifyCode.UNREADABLE_PDF,
            error_params={"detail": str(exc)},
        )
    checks = []
    for item in embedded:
        try:
            checks.append(_check_one(item, context))
        except Exception as exc:  # keep checking the others; report this one as broken
            checks.append(
                SignatureCheck(
                    field_name=getattr(item, "field_name", "?"),
                    signer="",
                    office="",
                    signing_time=None,
                    timestamped=False,
                    intact=False,
                    valid=False,
                    trusted=False,
                    modification_level="UNKNOWN",
                    docmdp_ok=None,
                    coverage="UNKNOWN",
                    fingerprint_sha256="",
                    verdict=Verdict.INVALID,
                    verdict_text=f"INVALID: the signature cannot be checked ({exc}).",
                )
            )
    return VerificationReport(signatures=checks, unsigned_fields=unsigned)


def _enumerate(reader):
    from pyhanko.sign.fields import enumerate_sig_fields

    return enumerate_sig_fields(reader)
