"""The shortcuts that make B-LTA signing and LTV verification fast change nothing they produce.

- The stamp font: pyHanko drops the OpenType layout tables from the embedded subset anyway, so
  Lintas removes them before subsetting (fontTools would decompile them first). The embedded
  font program must be byte for byte what pyHanko's own factory embeds (checked with qpdf).
- The /Contents room reserved up front for a time-stamped signature: the file is still one
  valid signature per revision, and ``qpdf --check`` and ``pdfsig`` accept it.
- The TLS context shared by every fetcher is one object, and it verifies certificates.
"""

from __future__ import annotations

import base64
import io
import json
import ssl
import subprocess
from pathlib import Path

from mou.signing import sign as sign_module
from mou.signing import sign_pdf, verify_pdf
from mou.signing.ltv import _tls_context, fetcher_backend
from tests.signing.conftest import SignedAgreement
from tests.signing.tsa import LocalTsa


def _embedded_fonts(path: Path) -> dict[str, bytes]:
    """FontName (without the random subset prefix) -> embedded TrueType program, via qpdf."""
    out = subprocess.run(
        ["qpdf", "--json=2", "--json-stream-data=inline", "--decode-level=generalized", str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    objects = json.loads(out)["qpdf"][1]
    fonts: dict[str, bytes] = {}
    for value in objects.values():
        body = value.get("value")
        if not isinstance(body, dict) or body.get("/Type") != "/FontDescriptor":
            continue
        if "/FontFile2" in body:
            stream = objects["obj:" + body["/FontFile2"]]["stream"]
            name = body["/FontName"].split("+", 1)[-1]
            fonts.setdefault(name, b"")
            fonts[name] += base64.b64decode(stream["data"])
    return fonts


def _stamp_font_pdf(factory, text: str, path: Path) -> Path:
    """A PDF holding only the stamp font as pyHanko embeds it for ``text`` (via ``factory``)."""
    from pyhanko.pdf_utils.writer import PdfFileWriter

    writer = PdfFileWriter()
    engine = factory.create_font_engine(writer)
    engine.shape(text)
    engine.prepare_write()
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def _without_save_time(program: bytes) -> dict[str, bytes]:
    """Every table of the font program, raw, with head.modified and head.checkSumAdjustment
    zeroed: fontTools stamps the second it saves a subset (and the checksums follow it)."""
    from fontTools.ttLib.sfnt import SFNTReader

    reader = SFNTReader(io.BytesIO(program))
    tables = {tag: bytes(reader[tag]) for tag in reader.tables}
    head = bytearray(tables["head"])
    head[8:12] = bytes(4)  # checkSumAdjustment
    head[28:36] = bytes(8)  # modified
    tables["head"] = bytes(head)
    return tables


def test_stamp_font_subset_is_exactly_pyhankos(
    signed_agreement: SignedAgreement, bandung_identity, signature_png: bytes, tmp_path: Path
) -> None:
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory

    from mou.pdf.styles import STAMP_FONT

    # The stamp's own text (the time line changes every second, so it is fixed here).
    text = "Ditandatangani secara elektronik\nMuhammad Farhan Ščęsný\nWali Kota Bandung\n"
    text += "05-12-2026 12:43:05 WIB"
    ours = _stamp_font_pdf(sign_module._stamp_font_factory(str(STAMP_FONT)), text, tmp_path / "a")
    stock = _stamp_font_pdf(GlyphAccumulatorFactory(str(STAMP_FONT)), text, tmp_path / "b")
    fast, reference = _embedded_fonts(ours), _embedded_fonts(stock)
    assert list(fast) == list(reference) == ["LintasBonum-Regular"]
    # The same font program, byte for byte (but for the second it was saved at).
    assert _without_save_time(fast["LintasBonum-Regular"]) == _without_save_time(
        reference["LintasBonum-Regular"]
    )
    # And the layout tables really are absent from what pyHanko embeds (as before).
    from fontTools.ttLib import TTFont

    program = fast["LintasBonum-Regular"]
    assert len(program) > 1000
    face = TTFont(io.BytesIO(program))
    assert not {"GPOS", "GSUB", "GDEF"} & set(face.keys())
    # A real signature embeds that font in its stamp.
    signed = tmp_path / "signed.pdf"
    signed.write_bytes(
        sign_pdf(
            signed_agreement.unsigned,
            bandung_identity,
            field_name="TandaTangan1",
            signer_name="Muhammad Farhan Ščęsný",
            signer_title="Wali Kota Bandung",
            signature_png=signature_png,
        )
    )
    names = subprocess.run(["pdffonts", str(signed)], capture_output=True, text=True).stdout
    assert names.count("LintasBonum-Regular") >= 2  # the body's and the stamp's subsets


def test_time_stamped_signature_with_reserved_room_is_sound(
    signed_agreement: SignedAgreement, bandung_identity, signature_png: bytes, tmp_path: Path
) -> None:
    tsa = LocalTsa()
    url = tsa.start()
    try:
        signed = sign_pdf(
            signed_agreement.unsigned,
            bandung_identity,
            field_name="TandaTangan1",
            signer_name="A",
            signer_title="Wali Kota Bandung",
            signature_png=signature_png,
            timestamp_url=url,
        )
    finally:
        tsa.stop()
    report = verify_pdf(signed, [bandung_identity.certificate], tsa_anchors=[tsa.root_cert])
    assert report.ok and report.signatures[0].timestamped
    path = tmp_path / "stamped.pdf"
    path.write_bytes(signed)
    assert subprocess.run(["qpdf", "--check", str(path)], capture_output=True).returncode == 0
    sig = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout
    assert "Signature is Valid." in sig


def test_one_verifying_tls_context_for_every_fetch() -> None:
    context = _tls_context()
    assert context is _tls_context()
    assert context.verify_mode is ssl.CERT_REQUIRED and context.check_hostname
    owned = fetcher_backend()
    assert owned.backend.per_request_timeout == 10
