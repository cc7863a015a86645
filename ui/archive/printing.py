"""Printing from the archive: the signing area's renderer on a printer set to the office's paper.

``ui.signing.print`` sets the printer to the document's own paper; the archive starts from the
paper chosen in Settings (F4 or A4) and the number of copies, and the user can still change
both in the print dialog. Pages are scaled to fit, never cropped.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from ui.signing.print import SignedPdfPrinter, f4_page_size, new_printer


def paper_page_size(paper: str) -> QPageSize:
    """F4 exactly (215 x 330 mm, ExactMatch) or A4."""
    return f4_page_size() if paper == "f4" else QPageSize(QPageSize.PageSizeId.A4)


def configured_printer(
    document: SignedPdfPrinter, paper: str, *, copies: int = 1, high_resolution: bool = True
) -> QPrinter:
    """A printer for ``document`` on ``paper`` with ``copies``, no margins (the PDF has its own)."""
    printer = new_printer(document, high_resolution=high_resolution)
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


def print_to_pdf_file(document: SignedPdfPrinter, path: str, paper: str, *, copies: int = 1) -> int:
    """Print into a PDF file (what "Print to file" does); returns the sheets printed."""
    printer = configured_printer(document, paper, copies=copies)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(path)
    return document.print_to(printer)


def preview_dialog(
    document: SignedPdfPrinter, paper: str, parent: QWidget | None = None
) -> QPrintPreviewDialog:
    """A print preview on ``paper`` (not yet shown); its Print button prints the same pages."""
    printer = configured_printer(document, paper, high_resolution=False)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(
        QCoreApplication.translate("ArchivePrinting", "Print preview — {pages} pages").format(
            pages=document.page_count
        )
    )
    dialog.paintRequested.connect(document.print_to)
    dialog.finished.connect(lambda *_: document.close())  # release PDFium's copy of the file
    dialog.setProperty("lintasPaper", paper)
    dialog._archive_printer = printer  # the QPrinter must live as long as the dialog
    dialog._archive_document = document
    return dialog


def print_with_dialog(document: SignedPdfPrinter, paper: str, parent: QWidget | None = None) -> int:
    """Ask for printer, copies, pages and paper, then print; sheets printed (0 if cancelled)."""
    printer = configured_printer(document, paper)
    dialog = QPrintDialog(printer, parent)
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintCollateCopies, True)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return 0
    return document.print_to(printer)
