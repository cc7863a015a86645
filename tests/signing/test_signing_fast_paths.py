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

import pytest

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


def test_stamp_font_subset_is_exactly_pyhankos(
    signed_agreement: SignedAgreement,
    bandung_identity,
    signature_png: bytes,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory

    def signed() -> bytes:
        return sign_pdf(
            signed_agreement.unsigned,
            bandung_identity,
            field_name="TandaTangan1",
            signer_name="Muhammad Farhan Ščęsný",  # accents: glyphs beyond ASCII in the subset
            signer_title="Wali Kota Bandung",
            signature_png=signature_png,
        )

    ours = tmp_path / "ours.pdf"
    ours.write_bytes(signed())
    sign_module._stamp_font_factory.cache_clear()
    monkeypatch.setattr(sign_module, "_stamp_font_factory", GlyphAccumulatorFactory)
    stock = tmp_path / "stock.pdf"
    stock.write_bytes(signed())
    fast, reference = _embedded_fonts(ours), _embedded_fonts(stock)
    assert "LintasBonum-Regular" in fast
    assert fast == reference  # the same font program, byte for byte
    # And the layout tables really are absent from what pyHanko embeds (as before).
    from fontTools.ttLib import TTFont

    program = fast["LintasBonum-Regular"]
    assert len(program) > 1000
    face = TTFont(io.BytesIO(program))
    assert not {"GPOS", "GSUB", "GDEF"} & set(face.keys())


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
