"""Printing the signed PDF through QPrinter into a PDF file, and checking a printed page's QR code.

The QR is read back from the printed page with ``zbarimg`` (zbar-tools), so the check covers the
whole path: rendered PDF → signed → printed → scanned text → the app's record.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import numpy
import pytest
from PIL import Image
from pytestqt.qtbot import QtBot

from mou.signed_archive import QrVerdict
from mou.signing import signature_fields
from tests.archive.conftest import SCREENSHOTS, Side, app_context
from tests.archive.test_offline_signing import run_offline_flow
from ui.archive.qr_check import QrCheckDialog
from ui.signing.print import SignedPdfPrinter, print_to_pdf_file

F4_PT = (215 / 25.4 * 72, 330 / 25.4 * 72)


def _pdfinfo(path: Path) -> tuple[int, tuple[float, float]]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", out, re.M)
    return pages, (float(size.group(1)), float(size.group(2)))


def _page_png(pdf: Path, page: int, dpi: int, out: Path) -> Image.Image:
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile",
         str(pdf), str(out)],
        check=True,
    )  # fmt: skip
    return Image.open(out.with_suffix(".png")).convert("RGB")


def _ink_pixels(image: Image.Image, box_pt: tuple[float, ...], dpi: int) -> int:
    """Blue pen pixels inside a signature box (PDF points, origin bottom-left)."""
    scale = dpi / 72
    x1, y1, x2, y2 = box_pt
    top = image.height - y2 * scale
    crop = image.crop((int(x1 * scale), int(top), int(x2 * scale), int(top + (y2 - y1) * scale)))
    pixels = numpy.asarray(crop).astype(int)
    r, g, b = pixels[..., 0], pixels[..., 1], pixels[..., 2]
    return int(((b > 90) & (b - r > 50) & (b - g > 40)).sum())


def _scan_qr(pdf: Path, folder: Path) -> str:
    """The QR text of the first printed page, as a scanner would read it (zbarimg)."""
    for dpi in (200, 300, 400):  # small printed codes need a finer scan
        _page_png(pdf, 1, dpi, folder / f"scan-{dpi}")
        scan = subprocess.run(
            ["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable",
             str(folder / f"scan-{dpi}.png")],
            capture_output=True, text=True,
        )  # fmt: skip
        if scan.returncode == 0 and scan.stdout.strip():
            return scan.stdout.strip()
    raise AssertionError("zbarimg found no QR code on the printed page")


@pytest.fixture
def signed_pdf(agreed: tuple[Side, Side, str], signature_png: bytes) -> tuple[bytes, Side, str]:
    a, b, uuid = agreed
    return run_offline_flow(a, b, signature_png), a, uuid


def test_printing_the_signed_pdf_to_a_file_keeps_f4_pages_and_the_signatures(
    qtbot: QtBot, signed_pdf: tuple[bytes, Side, str], tmp_path: Path
) -> None:
    final, _a, _uuid = signed_pdf
    document = SignedPdfPrinter(final)
    out = tmp_path / "printed.pdf"
    sheets = print_to_pdf_file(document, str(out), "f4", copies=2)
    assert sheets == 2 * document.page_count
    pages, (width, height) = _pdfinfo(out)
    assert pages == 2 * document.page_count
    assert abs(width - F4_PT[0]) < 1 and abs(height - F4_PT[1]) < 1  # 215 x 330 mm, not Folio
    fields = signature_fields(final)
    assert [f.name for f in fields] == ["TandaTangan1", "TandaTangan2"]
    # Both signature images are on the printed page (first copy and second copy alike).
    for copy in (0, 1):
        number = copy * document.page_count + fields[0].page + 1
        image = _page_png(out, number, 72, tmp_path / f"page-{copy}")
        for field in fields:
            assert _ink_pixels(image, field.box, 72) > 150, (copy, field.name)
        if copy == 0:
            SCREENSHOTS.mkdir(exist_ok=True)
            image.save(SCREENSHOTS / "archive_printed_signature_page.png")
    document.close()


def test_printed_page_qr_matches_the_record_and_others_do_not(
    qtbot: QtBot, signed_pdf: tuple[bytes, Side, str], tmp_path: Path
) -> None:
    if shutil.which("zbarimg") is None:
        pytest.skip("zbarimg (zbar-tools) is not installed")
    final, a, uuid = signed_pdf
    document = SignedPdfPrinter(final)
    out = tmp_path / "printed.pdf"
    # Settings say A4 here: the F4 pages are scaled onto A4 paper, nothing cropped.
    assert print_to_pdf_file(document, str(out), "a4") == document.page_count
    document.close()
    pages, (width, height) = _pdfinfo(out)
    assert pages == document.page_count
    assert abs(width - 595.28) < 1 and abs(height - 841.89) < 1
    scanned = _scan_qr(out, tmp_path)
    assert scanned.startswith("LINTAS-KB;") and uuid in scanned

    dialog = QrCheckDialog(app_context(a))
    qtbot.addWidget(dialog)
    dialog.code.setText(scanned)
    dialog.check_button.click()
    assert dialog.result is not None and dialog.result.verdict is QrVerdict.MATCH
    assert "Matches the app's record" in dialog.verdict.text()

    agreement_id, revision = scanned.split(";id=")[1].split(";rev=")
    forged = f"LINTAS-KB;id={agreement_id};rev={'0' * 64}"
    dialog.code.setText(forged)
    assert dialog.check().verdict is QrVerdict.UNKNOWN_REVISION
    assert "Does not match" in dialog.verdict.text()
    dialog.code.setText(f"LINTAS-KB;id={'f' * 32};rev={revision}")
    assert dialog.check().verdict is QrVerdict.UNKNOWN_AGREEMENT
    dialog.code.setText("https://example.org/not-ours")
    assert dialog.check().verdict is QrVerdict.NOT_LINTAS
    assert "Not a Lintas page code" in dialog.verdict.text()
