"""Printing signed agreements through QPrinter to PDF files, checked with poppler."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QSizeF
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget

from tests.signing.conftest import SignedAgreement
from tests.signing.test_signing import _ink_in_box
from ui.signing.print import (
    STAMP_TEXT,
    PrintError,
    SignedPdfPrinter,
    f4_page_size,
    new_printer,
    print_preview,
)

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


def _to_pdf(document: SignedPdfPrinter, out: Path, *, dpi: int = 110, **options) -> int:
    printer = new_printer(document)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    printer.setResolution(dpi)
    if "copies" in options:
        printer.setCopyCount(options["copies"])
        printer.setCollateCopies(options.get("collate", True))
    if "pages" in options:
        printer.setFromTo(*options["pages"])
    return document.print_to(printer)


def _info(path: Path) -> tuple[int, tuple[float, float]]:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    w, h = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups()
    return pages, (float(w), float(h))


def test_f4_page_size_is_exact_not_folio() -> None:
    size = f4_page_size()
    assert size.size(QPageSize.Unit.Millimeter) == QSizeF(215, 330)
    assert size.id() != QPageSize.PageSizeId.Folio  # Folio is 8.5 x 13 in = 215.9 x 330.2 mm
    assert size.name() == "F4"


def test_print_to_pdf_keeps_pages_paper_and_signatures(
    qtbot, signed_agreement: SignedAgreement, tmp_path: Path
) -> None:
    document = SignedPdfPrinter(signed_agreement.after_both)
    assert document.default_page_size().name() == "F4"
    out = tmp_path / "printed.pdf"
    assert _to_pdf(document, out) == document.page_count
    pages, (width, height) = _info(out)
    assert pages == document.page_count
    assert width == pytest.approx(609.45, abs=1.0) and height == pytest.approx(935.43, abs=1.0)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert text.count(STAMP_TEXT) == pages  # the stamp on every page...
    assert text.count(f"SHA-256 {document.sha256}") == pages  # ...with the file's hash
    for slot in signed_agreement.slots:  # the pyHanko stamps survive printing (QtPdf drops them)
        assert (
            _ink_in_box(out.read_bytes(), slot.page, slot.box, tmp_path, f"p{slot.party_index}")
            > 200
        )
    document.close()


def test_unsigned_field_prints_empty(
    qtbot, signed_agreement: SignedAgreement, tmp_path: Path
) -> None:
    document = SignedPdfPrinter(signed_agreement.after_first)
    out = tmp_path / "half.pdf"
    _to_pdf(document, out)
    first, second = signed_agreement.slots
    assert _ink_in_box(out.read_bytes(), first.page, first.box, tmp_path, "a") > 200
    assert _ink_in_box(out.read_bytes(), second.page, second.box, tmp_path, "b") == 0


def test_copies_and_page_range(qtbot, signed_agreement: SignedAgreement, tmp_path: Path) -> None:
    document = SignedPdfPrinter(signed_agreement.after_both)
    out = tmp_path / "two.pdf"
    assert _to_pdf(document, out, dpi=50, copies=2) == 2 * document.page_count
    assert _info(out)[0] == 2 * document.page_count
    page = signed_agreement.slots[0].page + 1
    single = tmp_path / "one.pdf"
    assert _to_pdf(document, single, dpi=50, pages=(page, page)) == 1
    assert _info(single)[0] == 1
    slot = signed_agreement.slots[0]  # the one sheet is the signature page
    assert _ink_in_box(single.read_bytes(), 0, slot.box, tmp_path, "single") > 50


def test_a4_document_prints_on_a4(qtbot, tmp_path: Path) -> None:
    from mou.pdf.render import render_pdf_bytes
    from mou.pdf.sample import sample_document

    data, _ = render_pdf_bytes(sample_document(paper="a4"))
    document = SignedPdfPrinter(data)
    assert document.default_page_size().id() == QPageSize.PageSizeId.A4
    out = tmp_path / "a4.pdf"
    _to_pdf(document, out, dpi=50)
    _, (width, height) = _info(out)
    assert width == pytest.approx(595.3, abs=1.0) and height == pytest.approx(841.9, abs=1.0)


def test_not_a_pdf_is_refused() -> None:
    with pytest.raises(PrintError, match="cannot be opened"):
        SignedPdfPrinter(b"this is not a pdf")


def test_print_preview_shows_the_signed_pages(qtbot, signed_agreement: SignedAgreement) -> None:
    document = SignedPdfPrinter(signed_agreement.after_both)
    dialog = print_preview(document)
    assert isinstance(dialog, QPrintPreviewDialog)
    qtbot.addWidget(dialog)
    dialog.resize(900, 760)
    dialog.show()
    qtbot.waitExposed(dialog)
    preview = dialog.findChild(QPrintPreviewWidget)
    preview.setCurrentPage(signed_agreement.slots[0].page + 1)
    preview.fitInView()
    qtbot.waitUntil(lambda: preview.pageCount() == document.page_count, timeout=10000)
    assert "5 pages" in dialog.windowTitle()
    SCREENSHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SCREENSHOTS / "signing_print_preview.png"))
    dialog.close()


def test_f4_document_on_a4_paper_is_scaled_to_fit(
    qtbot, signed_agreement: SignedAgreement, tmp_path: Path
) -> None:
    """The user picks A4 in the print dialog: pages shrink to fit, signatures stay visible."""
    document = SignedPdfPrinter(signed_agreement.after_both)
    printer = new_printer(document)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "on-a4.pdf"
    printer.setOutputFileName(str(out))
    printer.setResolution(72)
    assert document.print_to(printer) == document.page_count
    _, (width, height) = _info(out)
    assert width == pytest.approx(595.3, abs=1.0) and height == pytest.approx(841.9, abs=1.0)
    slot = signed_agreement.slots[0]
    scale = min(595.276 / 609.449, 841.89 / 935.433)  # fit by height: 0.9
    offset_x = (595.276 - 609.449 * scale) / 2
    x1, y1, x2, y2 = slot.box
    scaled = (offset_x + x1 * scale, y1 * scale, offset_x + x2 * scale, y2 * scale)
    assert _ink_in_box(out.read_bytes(), slot.page, scaled, tmp_path, "a4fit") > 150


def test_stamp_hash_is_printed_literally_without_ligatures(
    qtbot, signed_agreement: SignedAgreement, tmp_path: Path
) -> None:
    """A proportional font would set "ff"/"fi" in a hash as one ligature glyph."""
    document = SignedPdfPrinter(signed_agreement.after_both)
    document.sha256 = "ff" * 16 + "f1" * 16  # worst case for ligatures
    out = tmp_path / "ligatures.pdf"
    _to_pdf(document, out, dpi=50, pages=(1, 1))
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert f"SHA-256 {document.sha256}" in text
