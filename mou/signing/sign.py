"""PAdES signing of the agreement PDF (pyHanko).

Each signatory signs into its own visible field (``ETSI.CAdES.detached``). With the office's
time-stamp authority (TSA) configured, :func:`sign_document` makes the signature long-term valid:
an RFC 3161 time-stamp (B-T), the certificates and OCSP/CRL answers in the DSS (B-LT) and, after
the last signature, a document time-stamp sealing the file (B-LTA); see :mod:`mou.signing.ltv`.
Without a reachable TSA it still signs, at B-B, and says so in a coded note. The first signature
is written as an incremental update onto the rendered PDF, the second onto the first, so both stay
valid.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import io
import unicodedata
from dataclasses import dataclass, field

# Imported at module load on purpose: it registers the 'tst_info' content type with asn1crypto,
# which must happen before asn1crypto builds its reverse OID maps (else time-stamping fails with
# "invalid literal for int(): 'tst_info'" depending on what was imported first).
from asn1crypto import tsp  # noqa: F401
from cryptography.hazmat.primitives import serialization

from mou.messages import DomainMessage
from mou.signing.fields import Box, SignatureField, collect_fields
from mou.signing.identity import OfficeIdentity
from mou.signing.ltv import LtvCode, LtvLevel

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
    REVOKED = "signing.revoked"


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


@functools.cache
def _stamp_font_factory(font_file: str):
    """pyHanko's glyph accumulator for the stamp font, without decompiling layout tables.

    pyHanko's subsetter drops GPOS, GDEF and GSUB from the embedded subset anyway, but fontTools
    decompiles all three before dropping them: about half of the whole signing time. Removing
    them from pyHanko's parsed copy first gives the same subset. Shaping is unaffected: HarfBuzz
    works on its own copy of the font file's bytes.
    """
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory

    class StampFontFactory(GlyphAccumulatorFactory):
        def create_font_engine(self, writer, obj_stream=None):
            engine = super().create_font_engine(writer, obj_stream)
            for tag in _DROPPED_LAYOUT_TABLES:
                if tag in engine.tt:
                    del engine.tt[tag]
            return engine

    return StampFontFactory(font_file)


_DROPPED_LAYOUT_TABLES = ("GPOS", "GDEF", "GSUB")  # pyHanko's subset options drop these


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
    from mou.pdf.styles import STAMP_FONT

    # An embedded TrueType face (not pyHanko's unembedded Courier): every accent of a name shows,
    # and the stamp prints the same everywhere. Ints: pyHanko's layout uses Fraction.
    text_style = TextBoxStyle(font=_stamp_font_factory(str(STAMP_FONT)), font_size=7, leading=9)
    if not signature_png:
        return TextStampStyle(
            stamp_text="Ditandatangani secara elektronik\n%(line1)s\n%(line2)s\n%(line3)s",
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
        stamp_text="Ditandatangani secara elektronik\n%(line1)s\n%(line2)s\n%(line3)s",
        border_width=0,
        background=PdfImage(image),
        background_opacity=1.0,
        background_layout=SimpleBoxLayoutRule(
            x_align=AxisAlignment.ALIGN_MID,
            y_align=AxisAlignment.ALIGN_MAX,
            margins=Margins(left=4, right=4, top=2, bottom=39),
            inner_content_scaling=InnerScaling.SHRINK_TO_FIT,
        ),
        text_box_style=text_style,
        inner_content_layout=text_layout,
    )


@dataclass(frozen=True)
class SignedPdf:
    """A signed PDF, the PAdES level it reached and coded notes for the user (e.g. "B-B only")."""

    data: bytes
    level: LtvLevel
    notes: list[DomainMessage] = field(default_factory=list)


def sign_pdf(src: bytes, identity: OfficeIdentity, **kwargs) -> bytes:
    """Sign like :func:`sign_document` and return only the new PDF bytes."""
    return sign_document(src, identity, **kwargs).data


def sign_document(
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
    timestamper=None,
    ltv: bool = True,
    seal: bool | None = None,
    path_hints: list | None = None,
    revocation_data: tuple[list[bytes], list[bytes]] | None = None,
    tz_label: str = "WIB",
    location: str | None = None,
    reason: str | None = None,
) -> SignedPdf:
    """Sign ``src`` into ``field_name``; the new PDF is always an incremental update.

    When the field exists (the renderer adds one per party) it is used as is; otherwise it is
    created on ``page`` (0-based) at ``box``. The visible signature shows ``signature_png``, the
    signer's name, title and the signing time in ``tz_label`` (WIB/WITA/WIT).

    Long-term validity: with ``timestamp_url`` (the office's TSA; or a pyHanko ``timestamper``)
    the signature gets an RFC 3161 time-stamp, and with ``ltv`` its certificates and OCSP/CRL
    answers go into the DSS; ``seal`` adds a document time-stamp after it (default: when this is
    the last empty signature field), so the file ends B-LTA. ``path_hints`` are extra certificates
    (``cryptography``) that help pyHanko build paths while collecting; ``revocation_data`` (DER CRLs,
    DER OCSP responses) is embedded instead of fetching it. If the TSA does not answer,
    the PDF is signed at B-B with a ``ltv.tsa_unreachable`` note; if revocation data cannot be
    fetched, at B-T with ``ltv.no_validation_data``. A revoked signing certificate raises
    ``SigningError`` (``signing.revoked``) and nothing is signed.
    """
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.sign import fields, signers

    from mou.signing import ltv as ltv_mod
    from mou.signing.timestamps import http_timestamper, probe, self_signed

    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(src), strict=False)
    except (PdfError, ValueError, OSError) as exc:
        raise SigningError(
            f"The PDF to sign cannot be read: {exc}", code=SigningCode.UNREADABLE_PDF
        ) from exc
    found = _fields_from_writer(writer)
    existing = {f.name: f for f in found}
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
    if seal is None:
        seal = not any(not f.signed and f.name != field_name for f in found)
    zone = _ZONES.get(tz_label.upper(), dt.UTC)
    now = dt.datetime.now(dt.UTC).astimezone(zone)
    label = tz_label.upper() if tz_label.upper() in _ZONES else "UTC"
    text = {
        "line1": _stamp_safe(signer_name),
        "line2": _stamp_safe(signer_title),
        "line3": f"{now:%d-%m-%Y %H:%M:%S} {label}",
    }
    style = _stamp_style(signature_png)
    notes: list[DomainMessage] = []
    if timestamper is None and timestamp_url:
        timestamper = http_timestamper(timestamp_url)
    tsa_certs: list = []
    token_bytes = 0
    if timestamper is None:
        notes.append(
            ltv_mod.note(
                LtvCode.NO_TSA, "No time-stamp server is set: signed without a time-stamp."
            )
        )
    else:
        try:
            tsa_certs, token_bytes = probe(timestamper)
        except Exception:  # refused, down, time-out, garbage: sign anyway, at B-B, and say so
            timestamper = None
            notes.append(
                ltv_mod.note(
                    LtvCode.TSA_UNREACHABLE,
                    "The time-stamp server did not answer: signed without a time-stamp. "
                    "Use Extend in the Archive later.",
                )
            )

    def attempt(with_ltv: bool, level: LtvLevel) -> SignedPdf:
        context = None
        if with_ltv:
            hints = [ltv_mod._asn1(c) for c in path_hints or []]
            anchors = [
                *ltv_mod.signer_anchors(identity.certificate, identity.chain),
                *self_signed([*tsa_certs, *hints]),
            ]
            crls, ocsps = revocation_data if revocation_data is not None else (None, None)
            context = ltv_mod.collection_context(
                anchors, [*tsa_certs, *hints], crls=crls, ocsps=ocsps
            )
        meta = signers.PdfSignatureMetadata(
            field_name=field_name,
            subfilter=fields.SigSeedSubFilter.PADES,
            md_algorithm="sha256",
            name=signer_name,
            location=location,
            reason=reason or f"Ditandatangani oleh {signer_title}",
            embed_validation_info=with_ltv,
            use_pades_lta=with_ltv and seal,
            validation_context=context,
        )
        pdf_signer = signers.PdfSigner(
            meta,
            _signer_for(identity),
            timestamper=timestamper,
            stamp_style=style,
            new_field_spec=spec,
        )
        # Reserving the /Contents space up front saves pyHanko a full dummy signing pass (about
        # 40% of the signing time). With a time-stamp, room for a token as large as the probe's.
        reserved = _reserved_hex_chars(identity, token_bytes if timestamper is not None else 0)
        try:
            data = _sign_once(pdf_signer, _writer(src), text, reserved)
        except Exception as exc:
            if reserved is None or "larger than expected" not in str(exc):
                raise
            data = _sign_once(pdf_signer, _writer(src), text, None)
        return SignedPdf(data, level, list(notes))

    try:
        if timestamper is None:
            return attempt(False, LtvLevel.B_B)
        if ltv and _self_signed(identity):
            # A pinned office certificate has no issuer to ask: pyHanko's pre-signing path check
            # cannot run, so sign B-T and add the time-stamp's validation data (and the seal).
            stamped = attempt(False, LtvLevel.B_T)
            crls, ocsps = revocation_data if revocation_data is not None else (None, None)
            try:
                data, _revoked = ltv_mod.add_validation_data(
                    stamped.data,
                    timestamper,
                    tsa_certs=tsa_certs,
                    hints=[ltv_mod._asn1(c) for c in path_hints or []],
                    only_last=True,
                    seal=seal,
                    crls=crls,
                    ocsps=ocsps,
                )
            except Exception:  # responder down: keep the time-stamp, say so (Extend later)
                notes.append(
                    ltv_mod.note(
                        LtvCode.NO_VALIDATION_DATA,
                        "Time-stamped, but the certificate status could not be fetched. "
                        "Use Extend in the Archive later.",
                    )
                )
                return SignedPdf(stamped.data, LtvLevel.B_T, list(notes))
            return SignedPdf(data, LtvLevel.B_LTA if seal else LtvLevel.B_LT, list(notes))
        if ltv:
            try:
                return attempt(True, LtvLevel.B_LTA if seal else LtvLevel.B_LT)
            except Exception as exc:
                if ltv_mod.is_revocation_failure(exc):
                    raise SigningError(
                        "The signing certificate has been revoked by its issuer. Nothing was signed.",
                        code=SigningCode.REVOKED,
                    ) from exc
                # A responder or CRL server that is down must not stop the ceremony: keep the
                # time-stamp, leave the validation data to Extend.
                notes.append(
                    ltv_mod.note(
                        LtvCode.NO_VALIDATION_DATA,
                        "Time-stamped, but the certificate status could not be fetched. "
                        "Use Extend in the Archive later.",
                    )
                )
        return attempt(False, LtvLevel.B_T)
    except SigningError:
        raise
    except Exception as exc:  # pyHanko raises many types (PdfError, SigningError, IOError ...)
        stamp = timestamper is not None and "stamp" in str(exc).lower()
        what = "time-stamp server" if stamp else "PDF"
        code = SigningCode.TIMESTAMP_FAILED if stamp else SigningCode.FAILED
        raise SigningError(f"Signing failed ({what}): {exc}", code=code) from exc


def _self_signed(identity: OfficeIdentity) -> bool:
    """True for an office's own self-made certificate (issuer = subject, no CA behind it)."""
    return identity.certificate.issuer == identity.certificate.subject


def _writer(src: bytes):
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    return IncrementalPdfFileWriter(io.BytesIO(src), strict=False)


def _covered(text: str, font_path: str) -> bool:
    cmap = _font_cmap(font_path)
    return all(ord(c) in cmap for c in text if not c.isspace())


@functools.cache
def _font_cmap(font_path: str) -> frozenset[int]:
    from reportlab.pdfbase.ttfonts import TTFontFile

    return frozenset(TTFontFile(font_path).charToGlyph)


def _stamp_safe(text: str) -> str:
    """The stamp's text as given: its embedded TrueType face shows every accent of a name.

    The old fallback (accents folded for pyHanko's WinAnsi Courier) stays for characters the face
    lacks (none of Liberation Sans's Latin, Greek or Cyrillic ones).
    """
    from mou.pdf.styles import STAMP_FONT

    if _covered(text, str(STAMP_FONT)):
        return text
    try:
        text.encode("cp1252")
        return text
    except UnicodeEncodeError:
        pass
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.encode("cp1252", "replace").decode("cp1252")


def _reserved_hex_chars(identity: OfficeIdentity, token_bytes: int = 0) -> int:
    """Room for the CMS blob in hex digits: certificates, the time-stamp token (its probe's size;
    real tokens differ in nonce and time only) plus generous room for attributes."""
    der = serialization.Encoding.DER
    certs = sum(len(c.public_bytes(der)) for c in [identity.certificate, *identity.chain])
    return 2 * (certs + token_bytes + 4096)


def _sign_once(pdf_signer, writer, text: dict[str, str], reserved: int | None) -> bytes:
    out = io.BytesIO()
    pdf_signer.sign_pdf(writer, output=out, appearance_text_params=text, bytes_reserved=reserved)
    return out.getvalue()


def _fields_from_writer(writer) -> list[SignatureField]:
    from pyhanko.sign.fields import enumerate_sig_fields

    return collect_fields(writer.root, enumerate_sig_fields(writer))
