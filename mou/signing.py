"""PAdES signing and verification of the agreement PDF (pyHanko).

Each signatory signs into its own visible field (``ETSI.CAdES.detached``, PAdES B-B, or B-T when a
time-stamp authority URL is configured). The first signature is written as an incremental update
onto the rendered PDF, the second onto the first, so both stay valid. Verification checks every
signature against explicit trust roots (the counterpart certificates this office accepted, plus
its own) and reports, per signature, whether anything was changed or added after it.
"""

from __future__ import annotations

import datetime as dt
import enum
import io
import unicodedata
from dataclasses import dataclass, field

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.x509.oid import NameOID

from mou.identity import OfficeIdentity, fingerprint_sha256
from mou.messages import DomainMessage

Box = tuple[float, float, float, float]

# Indonesian zones for the time printed in the visible signature (fixed offsets, no DST).
_ZONES = {
    "WIB": dt.timezone(dt.timedelta(hours=7), "WIB"),
    "WITA": dt.timezone(dt.timedelta(hours=8), "WITA"),
    "WIT": dt.timezone(dt.timedelta(hours=9), "WIT"),
}


class SigningCode(enum.StrEnum):
    """Codes of ``SigningError`` (see :mod:`mou.messages`)."""

    BAD_IMAGE = "signing.bad_image"
    UNREADABLE_PDF = "signing.unreadable_pdf"
    ALREADY_SIGNED = "signing.already_signed"
    NO_FIELD = "signing.no_field"
    FAILED = "signing.failed"
    TIMESTAMP_FAILED = "signing.timestamp_failed"


class SigningError(Exception):
    """Signing failed: unreadable PDF, field already signed, bad image, time-stamp server down.

    ``message`` carries a ``SigningCode`` and params; ``str()`` keeps the library's detail.
    """

    def __init__(self, text: str = "", *, code: str = "", **params: str | int) -> None:
        self.message = DomainMessage(code, params, text)
        super().__init__(text)


@dataclass(frozen=True)
class SignatureField:
    """A signature field found in a PDF. ``page`` is 0-based."""

    name: str
    page: int
    box: Box
    signed: bool


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
# Signing


def _signer_for(identity: OfficeIdentity):
    """A pyHanko signer holding the key in memory only (never written anywhere)."""
    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    der = serialization.Encoding.DER
    key_der = identity.private_key.private_bytes(
        der, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    cert = asn1_x509.Certificate.load(identity.certificate.public_bytes(der))
    chain = [asn1_x509.Certificate.load(c.public_bytes(der)) for c in identity.chain]
    return signers.SimpleSigner(
        signing_cert=cert,
        signing_key=asn1_keys.PrivateKeyInfo.load(key_der),
        cert_registry=SimpleCertificateStore.from_certs(chain),
    )


def _stamp_style(signature_png: bytes | None):
    """Image in the upper part of the box, name/title/time in the lower part."""
    from pyhanko.pdf_utils.images import PdfImage
    from pyhanko.pdf_utils.layout import AxisAlignment, InnerScaling, Margins, SimpleBoxLayoutRule
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.stamp import TextStampStyle

    text_layout = SimpleBoxLayoutRule(
        x_align=AxisAlignment.ALIGN_MID,
        y_align=AxisAlignment.ALIGN_MIN if signature_png else AxisAlignment.ALIGN_MID,
        margins=Margins(2, 2, 2, 2),
        inner_content_scaling=InnerScaling.SHRINK_TO_FIT,
    )
    text_style = TextBoxStyle(font_size=7, leading=9)  # ints: pyHanko layout uses Fraction
    if not signature_png:
        return TextStampStyle(
            stamp_text="%(line1)s\n%(line2)s\n%(line3)s",
            border_width=0,
            text_box_style=text_style,
            inner_content_layout=text_layout,
        )
    try:
        from PIL import Image

        image = Image.open(io.BytesIO(signature_png))
        image.load()
    except Exception as exc:
        raise SigningError(
            f"The signature image is not a readable PNG: {exc}", code=SigningCode.BAD_IMAGE
        ) from exc
    if image.mode not in ("RGB", "RGBA", "L", "LA"):
        image = image.convert("RGBA")
    # The box is about 64 x 32 mm: 1200 px across is over 450 dpi there. A camera-sized image
    # would only bloat every copy of the agreement.
    if image.width > 1200 or image.height > 600:
        image.thumbnail((1200, 600))
    return TextStampStyle(
        stamp_text="%(line1)s\n%(line2)s\n%(line3)s",
        border_width=0,
        background=PdfImage(image),
        background_opacity=1.0,
        background_layout=SimpleBoxLayoutRule(
            x_align=AxisAlignment.ALIGN_MID,
            y_align=AxisAlignment.ALIGN_MAX,
            margins=Margins(left=4, right=4, top=2, bottom=30),
            inner_content_scaling=InnerScaling.SHRINK_TO_FIT,
        ),
        text_box_style=text_style,
        inner_content_layout=text_layout,
    )


def sign_pdf(
    src: bytes,
    identity: OfficeIdentity,
    *,
    field_name: str,
    signer_name: str,
    signer_title: str,
    signature_png: bytes | None,
    page: int = 0,
    box: Box | None = None,
    timestamp_url: str | None = None,
    tz_label: str = "WIB",
    location: str | None = None,
    reason: str | None = None,
) -> bytes:
    """Sign ``src`` into ``field_name`` and return the new PDF (always an incremental update).

    When the field exists (the renderer adds one per party) it is used as is; otherwise it is
    created on ``page`` (0-based) at ``box``. The visible signature shows ``signature_png``, the
    signer's name, title and the signing time in ``tz_label`` (WIB/WITA/WIT). With
    ``timestamp_url`` the signature gets an RFC 3161 time-stamp token (PAdES B-T).
    """
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.sign import fields, signers, timestamps

    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(src), strict=False)
    except (PdfError, ValueError, OSError) as exc:
        raise SigningError(
            f"The PDF to sign cannot be read: {exc}", code=SigningCode.UNREADABLE_PDF
        ) from exc
    existing = {f.name: f for f in _fields_from_writer(writer)}
    spec = None
    if field_name in existing:
        if existing[field_name].signed:
            raise SigningError(
                f"The signature field {field_name} is already signed.",
                code=SigningCode.ALREADY_SIGNED,
                field=field_name,
            )
    else:
        if box is None:
            raise SigningError(
                f"The PDF has no field {field_name} and no box was given to add one.",
                code=SigningCode.NO_FIELD,
                field=field_name,
            )
        spec = fields.SigFieldSpec(sig_field_name=field_name, on_page=page, box=box)
    zone = _ZONES.get(tz_label.upper(), dt.UTC)
    now = dt.datetime.now(dt.UTC).astimezone(zone)
    label = tz_label.upper() if tz_label.upper() in _ZONES else "UTC"
    meta = signers.PdfSignatureMetadata(
        field_name=field_name,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        name=signer_name,
        location=location,
        reason=reason or f"Ditandatangani oleh {signer_title}",
    )
    timestamper = timestamps.HTTPTimeStamper(timestamp_url, timeout=10) if timestamp_url else None
    pdf_signer = signers.PdfSigner(
        meta,
        _signer_for(identity),
        timestamper=timestamper,
        stamp_style=_stamp_style(signature_png),
        new_field_spec=spec,
    )
    text = {
        "line1": _stamp_safe(signer_name),
        "line2": _stamp_safe(signer_title),
        "line3": f"{now:%d-%m-%Y %H:%M:%S} {label}",
    }
    # Reserving the /Contents space up front saves pyHanko a full dummy signing pass (about
    # 40% of the signing time). Only without a time-stamp: token sizes vary by authority.
    reserved = None if timestamp_url else _reserved_hex_chars(identity)
    try:
        try:
            return _sign_once(pdf_signer, writer, text, reserved)
        except Exception as exc:
            if reserved is None or "larger than expected" not in str(exc):
                raise
            fresh = IncrementalPdfFileWriter(io.BytesIO(src), strict=False)
            return _sign_once(pdf_signer, fresh, text, None)
    except SigningError:
        raise
    except Exception as exc:  # pyHanko raises many types (PdfError, SigningError, IOError ...)
        what = "time-stamp server" if timestamp_url and "stamp" in str(exc).lower() else "PDF"
        code = SigningCode.TIMESTAMP_FAILED if what != "PDF" else SigningCode.FAILED
        raise SigningError(f"Signing failed ({what}): {exc}", code=code) from exc


def _stamp_safe(text: str) -> str:
    """Text the stamp's built-in font (WinAnsi) can show: accents dropped rather than lost glyphs.

    The signature dictionary keeps the exact Unicode name; only the visible stamp is simplified.
    """
    try:
        text.encode("cp1252")
        return text
    except UnicodeEncodeError:
        pass
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.encode("cp1252", "replace").decode("cp1252")


def _reserved_hex_chars(identity: OfficeIdentity) -> int:
    """Room for the CMS blob in hex digits: certificates plus generous room for attributes."""
    der = serialization.Encoding.DER
    certs = sum(len(c.public_bytes(der)) for c in [identity.certificate, *identity.chain])
    return 2 * (certs + 4096)


def _sign_once(pdf_signer, writer, text: dict[str, str], reserved: int | None) -> bytes:
    out = io.BytesIO()
    pdf_signer.sign_pdf(writer, output=out, appearance_text_params=text, bytes_reserved=reserved)
    return out.getvalue()


def _fields_from_writer(writer) -> list[SignatureField]:
    from pyhanko.sign.fields import enumerate_sig_fields

    return _collect_fields(writer.root, enumerate_sig_fields(writer))


def _collect_fields(root, enumerated) -> list[SignatureField]:
    page_refs, annot_pages = _page_index(root["/Pages"])
    out = []
    for name, value, ref in enumerated:
        field_obj = ref.get_object()
        widget, widget_id = field_obj, getattr(ref, "idnum", None)
        if "/Rect" not in field_obj and "/Kids" in field_obj:
            # A field with separate widget annotations (other tools do this): use the first.
            kid = field_obj.raw_get("/Kids")[0]
            widget, widget_id = kid.get_object(), getattr(kid, "idnum", None)
        rect = widget.get("/Rect")
        box: Box = (0.0, 0.0, 0.0, 0.0)
        if rect is not None:
            x1, y1, x2, y2 = (float(v) for v in rect)
            box = (x1, y1, x2, y2)
        page = -1
        page_ref = widget.raw_get("/P") if "/P" in widget else None
        if page_ref is not None and hasattr(page_ref, "idnum"):
            page = page_refs.get(page_ref.idnum, -1)
        if page < 0 and widget_id is not None:
            page = annot_pages.get(widget_id, -1)  # no /P: find the page listing the widget
        out.append(SignatureField(name=name, page=page, box=box, signed=value is not None))
    return out


def _page_index(pages) -> tuple[dict[int, int], dict[int, int]]:
    """(page object number -> 0-based index, annotation object number -> page index)."""
    order: dict[int, int] = {}
    annots: dict[int, int] = {}

    def walk(node) -> None:
        for kid_ref in node["/Kids"]:
            kid = kid_ref.get_object()
            if kid.get("/Type") == "/Pages":
                walk(kid)
                continue
            index = len(order)
            order[kid_ref.idnum] = index
            listed = kid.get("/Annots") if "/Annots" in kid else None
            for annot in listed or []:
                if hasattr(annot, "idnum"):
                    annots.setdefault(annot.idnum, index)

    walk(pages)
    return order, annots


def signature_fields(data: bytes) -> list[SignatureField]:
    """Every signature field of ``data`` with its page, box and whether it is signed."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import enumerate_sig_fields

    reader = PdfFileReader(io.BytesIO(data), strict=False)
    return _collect_fields(reader.root, enumerate_sig_fields(reader))


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
            f.name for f in _collect_fields(reader.root, _enumerate(reader)) if not f.signed
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
