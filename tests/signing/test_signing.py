"""Two-party PAdES signing and verification, checked by pyHanko, poppler and qpdf."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import socket
import subprocess
from pathlib import Path

import numpy
import pytest
from PIL import Image

from mou.signing import SigningError, TrustAnchors, Verdict, sign_pdf, signature_fields, verify_pdf
from mou.signing.identity import OfficeIdentity, create_identity, import_identity
from tests.signing.conftest import IssuedP12, SignedAgreement
from tests.signing.tsa import LocalTsa


def _trust(*identities: OfficeIdentity):
    return [i.certificate for i in identities]


def test_both_signatures_valid_with_pyhanko(
    signed_agreement: SignedAgreement, bandung_identity, palangkaraya_identity
) -> None:
    report = verify_pdf(
        signed_agreement.after_both, _trust(bandung_identity, palangkaraya_identity)
    )
    assert report.ok, report.summary()
    first, second = report.signatures
    assert (first.field_name, first.signer, first.office) == (
        "TandaTangan1",
        "Wali Kota Bandung",
        "Pemerintah Kota Bandung",
    )
    assert second.office == "Pemerintah Kota Palangkaraya"
    # The first signature sees only the second signing as a later change: form filling.
    assert first.modification_level == "FORM_FILLING" and first.coverage == "ENTIRE_REVISION"
    assert second.modification_level == "NONE" and second.coverage == "ENTIRE_FILE"
    for check in report.signatures:
        assert check.intact and check.valid and check.trusted and check.verdict is Verdict.VALID
        assert check.signing_time is not None and check.signing_time.tzinfo is not None
        assert abs(dt.datetime.now(dt.UTC) - check.signing_time) < dt.timedelta(hours=1)
    assert report.unsigned_fields == []
    assert report.summary().startswith("OK")


def test_after_first_signature_second_field_waits(
    signed_agreement: SignedAgreement, bandung_identity
) -> None:
    report = verify_pdf(signed_agreement.after_first, _trust(bandung_identity))
    assert report.ok
    assert [s.field_name for s in report.signatures] == ["TandaTangan1"]
    assert report.unsigned_fields == ["TandaTangan2"]
    fields = {f.name: f for f in signature_fields(signed_agreement.after_first)}
    assert fields["TandaTangan1"].signed and not fields["TandaTangan2"].signed
    assert fields["TandaTangan2"].page == signed_agreement.slots[1].page
    assert fields["TandaTangan2"].box == signed_agreement.slots[1].box


def test_pdfsig_and_qpdf_accept_the_signed_file(
    signed_agreement: SignedAgreement, tmp_path: Path
) -> None:
    path = tmp_path / "signed.pdf"
    path.write_bytes(signed_agreement.after_both)
    sig = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True)
    assert sig.returncode == 0, sig.stderr
    assert sig.stdout.count("Signature Validation: Signature is Valid.") == 2, sig.stdout
    assert sig.stdout.count("ETSI.CAdES.detached") == 2
    assert "Wali Kota Bandung" in sig.stdout and "Wali Kota Palangkaraya" in sig.stdout
    check = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "No syntax or stream encoding errors" in check.stdout


def test_changed_byte_is_tampered(
    signed_agreement: SignedAgreement, bandung_identity, palangkaraya_identity
) -> None:
    data = signed_agreement.after_both
    at = data.index(b"/Creator (Lintas ")
    tampered = data[:at] + b"/Creator (Lintaz " + data[at + len(b"/Creator (Lintas ") :]
    assert len(tampered) == len(data)
    report = verify_pdf(tampered, _trust(bandung_identity, palangkaraya_identity))
    assert not report.ok
    assert [s.verdict for s in report.signatures] == [Verdict.TAMPERED, Verdict.TAMPERED]
    assert all("TAMPERED" in s.verdict_text for s in report.signatures)
    assert report.summary().startswith("FAILED")


def _add_page(data: bytes) -> bytes:
    """An incremental update that appends a page with text, as a forger would."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    content = generic.StreamObject(stream_data=b"BT /F1 24 Tf 72 700 Td (Pasal tambahan) Tj ET")
    font = generic.DictionaryObject(
        {
            generic.NameObject("/Type"): generic.NameObject("/Font"),
            generic.NameObject("/Subtype"): generic.NameObject("/Type1"),
            generic.NameObject("/BaseFont"): generic.NameObject("/Helvetica"),
        }
    )
    page = generic.DictionaryObject(
        {
            generic.NameObject("/Type"): generic.NameObject("/Page"),
            generic.NameObject("/MediaBox"): generic.ArrayObject(
                [
                    generic.NumberObject(0),
                    generic.NumberObject(0),
                    generic.NumberObject(609),
                    generic.NumberObject(935),
                ]
            ),
            generic.NameObject("/Contents"): writer.add_object(content),
            generic.NameObject("/Resources"): generic.DictionaryObject(
                {
                    generic.NameObject("/Font"): generic.DictionaryObject(
                        {generic.NameObject("/F1"): font}
                    )
                }
            ),
        }
    )
    writer.insert_page(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_page_added_after_signing_is_reported(
    signed_agreement: SignedAgreement, bandung_identity, palangkaraya_identity, tmp_path: Path
) -> None:
    forged = _add_page(signed_agreement.after_both)
    path = tmp_path / "forged.pdf"
    path.write_bytes(forged)
    pages = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert "Pages:           6" in pages  # the page really is there
    report = verify_pdf(forged, _trust(bandung_identity, palangkaraya_identity))
    assert not report.ok
    for check in report.signatures:
        assert check.intact and check.valid and check.trusted  # the signed bytes are untouched...
        assert check.verdict is Verdict.MODIFIED  # ...but something was added afterwards
        assert check.modification_level == "OTHER"
        assert "MODIFIED AFTER SIGNING" in check.verdict_text


def test_unknown_signer_is_untrusted(
    signed_agreement: SignedAgreement, bandung_identity, tmp_path: Path, signature_png: bytes
) -> None:
    report = verify_pdf(signed_agreement.after_both, _trust(bandung_identity))
    assert not report.ok
    assert [s.verdict for s in report.signatures] == [Verdict.VALID, Verdict.UNTRUSTED]
    assert "UNKNOWN SIGNER" in report.signatures[1].verdict_text
    stranger = create_identity(
        tmp_path / "x.p12",
        "pw",
        common_name="Wali Kota Palsu",
        organization="Pemerintah Kota Palsu",
    )
    forged = sign_pdf(
        signed_agreement.unsigned,
        stranger,
        field_name="TandaTangan1",
        signer_name="Palsu",
        signer_title="Wali Kota Palsu",
        signature_png=signature_png,
    )
    report = verify_pdf(forged, _trust(bandung_identity))
    assert report.signatures[0].verdict is Verdict.UNTRUSTED
    assert report.signatures[0].signer == "Wali Kota Palsu"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"hello, not a pdf", "not a PDF"),
        (b"%PDF-1.7\n%garbage without objects", "cannot be read"),
    ],
)
def test_unreadable_files_get_a_clear_error(data: bytes, message: str) -> None:
    report = verify_pdf(data, [])
    assert not report.ok
    assert message in (report.error or "")


def test_unsigned_pdf_is_not_ok(signed_agreement: SignedAgreement) -> None:
    report = verify_pdf(signed_agreement.unsigned, [])
    assert not report.ok and report.signatures == []
    assert report.unsigned_fields == ["TandaTangan1", "TandaTangan2"]
    assert "no signature" in report.summary()


def test_field_cannot_be_signed_twice_and_bad_image_is_refused(
    signed_agreement: SignedAgreement, bandung_identity
) -> None:
    with pytest.raises(SigningError, match="already signed"):
        sign_pdf(
            signed_agreement.after_first,
            bandung_identity,
            field_name="TandaTangan1",
            signer_name="x",
            signer_title="y",
            signature_png=None,
        )
    with pytest.raises(SigningError, match="not a readable PNG"):
        sign_pdf(
            signed_agreement.unsigned,
            bandung_identity,
            field_name="TandaTangan1",
            signer_name="x",
            signer_title="y",
            signature_png=b"\x89PNG broken",
        )
    with pytest.raises(SigningError, match="cannot be read"):
        sign_pdf(
            b"not a pdf",
            bandung_identity,
            field_name="A",
            signer_name="x",
            signer_title="y",
            signature_png=None,
        )


def test_new_field_is_created_at_the_given_box(bandung_identity, tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(72, 720, "Plain page")
    canvas.showPage()
    canvas.save()
    signed = sign_pdf(
        buffer.getvalue(),
        bandung_identity,
        field_name="Extra",
        signer_name="A",
        signer_title="B",
        signature_png=None,
        page=0,
        box=(100, 100, 280, 190),
    )
    (field,) = signature_fields(signed)
    assert field.name == "Extra" and field.signed and field.page == 0
    assert field.box == (100.0, 100.0, 280.0, 190.0)
    assert verify_pdf(signed, _trust(bandung_identity)).ok


def test_ca_issued_rsa_identity_signs_and_verifies_via_its_root(
    issued_p12: IssuedP12, tmp_path: Path, signed_agreement: SignedAgreement, signature_png: bytes
) -> None:
    identity = import_identity(issued_p12.path, issued_p12.password, tmp_path / "office.p12")
    signed = sign_pdf(
        signed_agreement.unsigned,
        identity,
        field_name="TandaTangan2",
        signer_name="Yohanes Tingang",
        signer_title="Wali Kota Palangkaraya",
        signature_png=signature_png,
    )
    # Trusted through the issuing CA, named as a CA anchor; a plain list only pins it.
    assert verify_pdf(signed, TrustAnchors.authorities([issued_p12.ca_cert])).ok
    assert not verify_pdf(signed, [issued_p12.ca_cert]).ok
    assert verify_pdf(signed, []).signatures[0].verdict is Verdict.UNTRUSTED


def test_b_t_signature_with_a_local_time_stamp_authority(
    signed_agreement: SignedAgreement, bandung_identity, signature_png: bytes
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
    assert tsa.requests >= 1
    # The TSA's CA vouches for the time-stamp only (a plain list would pin it as a signer).
    report = verify_pdf(signed, [bandung_identity.certificate], tsa_anchors=[tsa.root_cert])
    assert report.ok, report.signatures
    check = report.signatures[0]
    assert check.timestamped
    assert abs(dt.datetime.now(dt.UTC) - check.signing_time) < dt.timedelta(minutes=5)


def test_unreachable_time_stamp_server_still_signs_at_b_b_with_a_coded_note(
    signed_agreement: SignedAgreement, bandung_identity
) -> None:
    from mou.signing.ltv import LtvCode, LtvLevel
    from mou.signing.sign import sign_document

    with socket.socket() as sock:  # a port that was free a moment ago and nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = sign_document(
        signed_agreement.unsigned,
        bandung_identity,
        field_name="TandaTangan1",
        signer_name="A",
        signer_title="B",
        signature_png=None,
        timestamp_url=f"http://127.0.0.1:{port}/tsa",
    )
    assert result.level is LtvLevel.B_B
    assert [n.code for n in result.notes] == [LtvCode.TSA_UNREACHABLE]
    check = verify_pdf(result.data, [bandung_identity.certificate]).signatures[0]
    assert check.ok and not check.timestamped


def _ink_in_box(pdf: bytes, page: int, box, tmp_path: Path, name: str) -> int:
    """Count dark, blue-ish pixels inside ``box`` of ``page`` rendered at 72 dpi (1 px = 1 pt)."""
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "72",
            "-f",
            str(page + 1),
            "-l",
            str(page + 1),
            str(path),
            str(tmp_path / name),
        ],
        check=True,
    )
    (png,) = sorted(tmp_path.glob(f"{name}-*.png"))
    image = Image.open(png).convert("RGB")
    x1, y1, x2, y2 = box
    height = image.height
    region = image.crop((int(x1), int(height - y2), int(x2), int(height - y1)))
    pixels = numpy.asarray(region, dtype=numpy.int16)
    r, g, b = pixels[..., 0], pixels[..., 1], pixels[..., 2]
    return int(numpy.count_nonzero((b > 90) & (r < 90) & (g < 110)))


def test_signature_images_are_visible_in_a_poppler_render(
    signed_agreement: SignedAgreement, tmp_path: Path
) -> None:
    for slot in signed_agreement.slots:
        before = _ink_in_box(
            signed_agreement.unsigned, slot.page, slot.box, tmp_path, f"u{slot.party_index}"
        )
        after = _ink_in_box(
            signed_agreement.after_both, slot.page, slot.box, tmp_path, f"s{slot.party_index}"
        )
        assert before == 0
        assert after > 300, f"signature of {slot.field_name} not visible ({after} ink pixels)"
    shots = Path(__file__).resolve().parents[2] / "screenshots"
    shots.mkdir(exist_ok=True)
    page = signed_agreement.slots[0].page + 1
    path = tmp_path / "signed.pdf"
    path.write_bytes(signed_agreement.after_both)
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "60",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(path),
            str(tmp_path / "page"),
        ],
        check=True,
    )
    shutil.copy(tmp_path / "page.png", shots / "pdf_signature_page.png")


def test_third_signature_into_a_new_field_modifies_the_earlier_ones(
    signed_agreement: SignedAgreement, bandung_identity, palangkaraya_identity, tmp_path: Path
) -> None:
    stranger = create_identity(
        tmp_path / "s.p12", "pw", common_name="Orang Lain", organization="Bukan Instansi"
    )
    signed_thrice = sign_pdf(
        signed_agreement.after_both,
        stranger,
        field_name="TandaTanganLain",
        signer_name="Orang Lain",
        signer_title="-",
        signature_png=None,
        page=0,
        box=(400, 60, 560, 120),
    )
    report = verify_pdf(signed_thrice, _trust(bandung_identity, palangkaraya_identity))
    # A field that was not reserved when the parties signed is an addition after their
    # signatures (it could paint anything over the page), so theirs no longer verify.
    assert [s.verdict for s in report.signatures] == [
        Verdict.MODIFIED,
        Verdict.MODIFIED,
        Verdict.UNTRUSTED,
    ]
    assert report.signatures[0].problem == "change.new_field"
    assert not report.ok


def test_huge_signature_image_is_downscaled(
    signed_agreement: SignedAgreement, bandung_identity
) -> None:
    big = Image.new("RGBA", (4000, 1600), (255, 255, 255, 0))
    for x in range(0, 4000, 8):
        big.putpixel((x, 800), (10, 20, 130, 255))
    buffer = io.BytesIO()
    big.save(buffer, format="PNG")
    signed = sign_pdf(
        signed_agreement.unsigned,
        bandung_identity,
        field_name="TandaTangan1",
        signer_name="A",
        signer_title="B",
        signature_png=buffer.getvalue(),
    )
    # Image XObjects are streams, so their dictionaries are never inside compressed object streams.
    widths = [
        int(w) for w in re.findall(rb"/Width (\d+)", signed[len(signed_agreement.unsigned) :])
    ]
    assert widths and max(widths) == 1200
    assert verify_pdf(signed, [bandung_identity.certificate]).ok


def test_accented_signer_names_are_kept_exact_in_the_signature(
    signed_agreement: SignedAgreement, bandung_identity
) -> None:
    from pyhanko.pdf_utils.reader import PdfFileReader

    name = "Ṣāliḥ Ōmar Nur'aini"
    signed = sign_pdf(
        signed_agreement.unsigned,
        bandung_identity,
        field_name="TandaTangan1",
        signer_name=name,
        signer_title="Wali Kota Bandung",
        signature_png=None,
    )
    (embedded,) = PdfFileReader(io.BytesIO(signed)).embedded_signatures
    assert embedded.sig_object["/Name"] == name  # exact in the signature dictionary
    assert verify_pdf(signed, [bandung_identity.certificate]).ok
