"""PAdES signing of the agreement PDF (pyHanko).

Each signatory signs into its own visible field (``ETSI.CAdES.detached``, PAdES B-B, or B-T when a
time-stamp authority URL is configured). The first signature is written as an incremental update
onto the rendered PDF, the second onto the first, so both stay valid.
"""

from __future__ import annotations

import datetime as dt
import enum
import io
import unicodedata

from cryptography.hazmat.primitives import serialization

from mou.messages import DomainMessage
from mou.signing.fields import Box, SignatureField, collect_fields
from mou.signing.identity import OfficeIdentity

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

    return collect_fields(writer.root, enumerate_sig_fields(writer))


