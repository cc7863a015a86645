"""Printing a signed agreement: pypdfium2 renders the pages (with signature appearances) into a QPrinter.

QtPdf does not draw signature widgets (pyHanko's stamps are form fields), so pages are rasterised
by PDFium with forms enabled. The printer's paper defaults to the document's own size; F4 is
set with ``SizeMatchPolicy.ExactMatch`` because Qt otherwise snaps 215 x 330 mm to 8.5 x 13 in.
Each printed page carries a stamp saying it is a print of an electronically signed document,
with the file's SHA-256, so a paper copy can be matched to the signed original.

A signed PDF to which anything was added after a signature (an overlay field, an annotation,
bytes after the end) is refused here, whoever asks: PDFium would draw the addition onto paper
that carries the signed-document stamp. Whether the signers are trusted is the caller's
question (``SignedDocumentDialog`` prints only a fully verified document).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QObject, QRectF, QSizeF, Qt, Signal, Slot
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from ui.signing.pdfium_pages import PdfiumPages, PdfOpenError

MM_PER_PT = 25.4 / 72
MAX_DPI = 300  # enough for text and signatures on paper; keeps one F4 page under ~40 MB
STAMP_TEXT = "Cetakan dokumen yang ditandatangani secara elektronik"


class PrintError(Exception):
    """The PDF cannot be opened for printing, or the printer cannot start.

    ``modified`` is True when printing was refused because the signed file was changed after
    signing (the caller words that for the user).
    """

    def __init__(self, text: str, *, modified: bool = False) -> None:
        super().__init__(text)
        self.modified = modified


def _changed_after_signing(data: bytes, report) -> bool:
    """True when a signature of ``data`` is broken or followed by a disallowed change."""
    if report is None:
        from mou.signing import verify_pdf

        # No trust is needed to see that something was added after a signature.
        report = verify_pdf(data, [])
    return report.error is None and report.modified


def f4_page_size() -> QPageSize:
    """F4 exactly (215 x 330 mm), not Qt's nearest match, 8.5 x 13 in (Folio)."""
    return QPageSize(
        QSizeF(215, 330), QPageSize.Unit.Millimeter, "F4", QPageSize.SizeMatchPolicy.ExactMatch
    )


def page_size_for(width_pt: float, height_pt: float) -> QPageSize:
    """The QPageSize of a PDF page: F4 and A4 by name, anything else exactly as given."""
    width_mm, height_mm = width_pt * MM_PER_PT, height_pt * MM_PER_PT
    if abs(width_mm - 215) < 1 and abs(height_mm - 330) < 1:
        return f4_page_size()
    if abs(width_mm - 210) < 1 and abs(height_mm - 297) < 1:
        return QPageSize(QPageSize.PageSizeId.A4)
    return QPageSize(
        QSizeF(width_mm, height_mm),
        QPageSize.Unit.Millimeter,
        "",
        QPageSize.SizeMatchPolicy.ExactMatch,
    )


class SignedPdfPrinter(QObject):
    """Renders a signed PDF onto any QPrinter (paper, preview or PDF file), page by page."""

    page_printed = Signal(int, int)  # (page number 1-based, pages in this job)

    def __init__(self, data: bytes, parent: QObject | None = None, *, report=None) -> None:
        """``report``: a ``VerificationReport`` of ``data`` already made (else one is made)."""
        super().__init__(parent)
        if _changed_after_signing(data, report):
            raise PrintError(
                "The document was changed after signing; it is not printed.", modified=True
            )
        self.data = data
        self.report = report  # the verification the caller decided to print on (None: none)
        self.sha256 = hashlib.sha256(data).hexdigest()
        try:
            self._pdfium = PdfiumPages(data)
        except PdfOpenError as exc:
            raise PrintError(f"The PDF cannot be opened for printing: {exc}") from exc
        self.page_count = self._pdfium.page_count
        self.page_size_pt = self._pdfium.page_size_pt(0)

    def close(self) -> None:
        """Release PDFium's document."""
        self._pdfium.close()

    def default_page_size(self) -> QPageSize:
        """The document's own paper (F4 or A4 for agreements)."""
        return page_size_for(*self.page_size_pt)

    def configure(self, printer: QPrinter) -> None:
        """Paper of the document, no margins (the PDF has its own), portrait."""
        layout = QPageLayout(
            self.default_page_size(),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
            QPageLayout.Unit.Millimeter,
        )
        printer.setPageLayout(layout)
        printer.setFullPage(True)
        printer.setFromTo(1, self.page_count)
        printer.setDocName(f"Lintas {self.sha256[:12]}")

    def render_page(self, index: int, dpi: float) -> QImage:
        """One page as an RGB image at ``dpi``, signature appearances included."""
        return self._pdfium.render(index, dpi)

    def _pages(self, printer: QPrinter) -> list[int]:
        first, last = printer.fromPage(), printer.toPage()
        if first <= 0 or last <= 0:
            first, last = 1, self.page_count
        first, last = max(first, 1), min(last, self.page_count)
        pages = list(range(first - 1, last))
        if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
            pages.reverse()
        return pages

    def _copies(self, printer: QPrinter) -> tuple[int, bool]:
        """(copies we must loop ourselves, collate). Drivers that copy natively get 1 here."""
        copies = max(printer.copyCount(), 1)
        if (
            printer.supportsMultipleCopies()
            or printer.outputFormat() == QPrinter.OutputFormat.NativeFormat
        ):
            return 1, printer.collateCopies()
        return copies, printer.collateCopies()

    @Slot(QPrinter)
    def print_to(self, printer: QPrinter) -> int:
        """Print onto ``printer`` (also the slot for QPrintPreviewDialog.paintRequested).

        Returns the number of sheets drawn. Pages are scaled to fit the printer's paper keeping
        their aspect ratio, so a document printed on a different paper is never cropped.
        """
        pages = self._pages(printer)
        copies, collate = self._copies(printer)
        if collate:
            order = [p for _ in range(copies) for p in pages]
        else:
            order = [p for p in pages for _ in range(copies)]
        if not order:
            return 0
        dpi = min(printer.resolution(), MAX_DPI)
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintError("The printer could not be started.")
        try:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            for sheet, index in enumerate(order):
                if sheet:
                    printer.newPage()
                target = QRectF(printer.paperRect(QPrinter.Unit.DevicePixel))
                target.moveTo(0, 0)
                image = self.render_page(index, dpi)
                placed = _fit(image.width(), image.height(), target)
                painter.drawImage(placed, image)
                self._stamp(painter, placed, index + 1, printer.resolution())
                self.page_printed.emit(index + 1, len(order))
        finally:
            painter.end()
        return len(order)

    def _stamp(self, painter: QPainter, page: QRectF, number: int, dpi: int) -> None:
        """Two small grey lines at the top edge: what this paper is, and the signed file's hash."""
        painter.save()
        # Monospace and no ligatures: the hash must read (and extract) exactly, and a
        # proportional font turns "ff" in a hash into one ligature glyph.
        font = QFont("DejaVu Sans Mono")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSizeF(6)  # points, so the stamp is the same size at any printer resolution
        font.setFeature(QFont.Tag("liga"), 0)
        painter.setFont(font)
        painter.setPen(QColor(90, 90, 90))
        top = 5 / 25.4 * dpi  # 5 mm from the top edge, inside the PDF's 18 mm top margin
        line = QRectF(page.left(), page.top() + top, page.width(), 10 / 25.4 * dpi)
        text = f"{STAMP_TEXT} · halaman {number} dari {self.page_count}\nSHA-256 {self.sha256}"
        painter.drawText(line, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), text)
        painter.restore()


def _fit(width: int, height: int, target: QRectF) -> QRectF:
    scale = min(target.width() / width, target.height() / height)
    w, h = width * scale, height * scale
    return QRectF(
        target.left() + (target.width() - w) / 2, target.top() + (target.height() - h) / 2, w, h
    )


def new_printer(document: SignedPdfPrinter, *, high_resolution: bool = True) -> QPrinter:
    """A printer set up for ``document``: its paper, no margins, all pages."""
    printer = QPrinter(
        QPrinter.PrinterMode.HighResolution
        if high_resolution
        else QPrinter.PrinterMode.ScreenResolution
    )
    document.configure(printer)
    return printer


def paper_page_size(paper: str) -> QPageSize:
    """F4 exactly (215 x 330 mm, ExactMatch) or A4: the office's paper from Settings."""
    return f4_page_size() if paper == "f4" else QPageSize(QPageSize.PageSizeId.A4)


def configured_printer(
    document: SignedPdfPrinter,
    paper: str | None = None,
    *,
    copies: int = 1,
    high_resolution: bool = True,
) -> QPrinter:
    """A printer for ``document``: on ``paper`` ("f4"/"a4", None = the document's own) with
    ``copies``, no margins (the PDF has its own). The user can still change both when printing."""
    printer = new_printer(document, high_resolution=high_resolution)
    if paper is not None:
        printer.setPageLayout(
            QPageLayout(
                paper_page_size(paper),
                QPageLayout.Orientation.Portrait,
                QMarginsF(0, 0, 0, 0),
                QPageLayout.Unit.Millimeter,
            )
        )
    printer.setCopyCount(max(1, copies))
    return printer


def print_to_pdf_file(
    document: SignedPdfPrinter, path: str, paper: str | None = None, *, copies: int = 1
) -> int:
    """Print into a PDF file (what "Print to file" does); returns the sheets printed."""
    printer = configured_printer(document, paper, copies=copies)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(path)
    sheets = document.print_to(printer)
    # From millimetres: Qt's point size of an F4 defined in mm is already rounded (609 x 935).
    _exact_page_boxes(path, printer.pageLayout().fullRect(QPageLayout.Unit.Millimeter).size())
    return sheets


def _exact_page_boxes(path: str, size: QSizeF) -> None:
    """Write the paper's exact size (``size`` in mm) into the page boxes of a PDF Qt printed.

    Qt's PDF engine writes whole points (F4 as 609 x 935, not 609.45 x 935.43). The exact
    numbers have as many characters ("609.000000" / "609.448819"), so they are replaced in
    place and every offset in the file stays right.
    """
    import re

    data = Path(path).read_bytes()
    exact = (size.width() * 72 / 25.4, size.height() * 72 / 25.4)

    def fix(match: re.Match[bytes]) -> bytes:
        numbers = [match.group(2), match.group(3)]
        out = []
        for old, want in zip(numbers, exact, strict=True):
            new = f"{want:.6f}".encode()
            out.append(new if abs(float(old) - want) < 1 and len(new) == len(old) else old)
        return match.group(1) + b"[0 0 " + out[0] + b" " + out[1] + b"]"

    fixed = re.sub(rb"(/(?:MediaBox|TrimBox|CropBox) )\[0 0 (\d+\.\d{6}) (\d+\.\d{6})\]", fix, data)
    if fixed != data:
        Path(path).write_bytes(fixed)


def print_preview(
    document: SignedPdfPrinter, parent: QWidget | None = None, *, paper: str | None = None
) -> QPrintPreviewDialog:
    """A print preview (not yet shown) on ``paper`` (None = the document's own); printing from
    it goes through the same renderer."""
    printer = configured_printer(document, paper, high_resolution=False)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(
        QCoreApplication.translate("SignedPdfPrinter", "Print preview — {pages} pages").format(
            pages=document.page_count
        )
    )
    dialog.paintRequested.connect(document.print_to)
    dialog.finished.connect(lambda *_: document.close())  # release PDFium's copy of the file
    if paper is not None:
        dialog.setProperty("lintasPaper", paper)
    dialog._lintas_printer = printer  # keep the QPrinter alive as long as the dialog
    dialog._lintas_document = document
    return dialog


def print_with_dialog(
    document: SignedPdfPrinter, parent: QWidget | None = None, *, paper: str | None = None
) -> int:
    """Ask for printer, copies, pages and paper (starting from ``paper``, None = the document's
    own), then print; returns sheets printed (0 if cancelled)."""
    printer = configured_printer(document, paper)
    dialog = QPrintDialog(printer, parent)
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintCollateCopies, True)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return 0
    return document.print_to(printer)
