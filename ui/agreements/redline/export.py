"""Save a redline as PDF and print it (pages drawn by PDFium into the printer).

The PDF itself comes from ``mou.redline_pdf`` (Indonesian, like the agreement it belongs to).
"""

from __future__ import annotations

from PySide6.QtCore import QMarginsF, QRectF
from PySide6.QtGui import QPageLayout, QPainter
from PySide6.QtPrintSupport import QPrinter

from mou.agreement import AgreementKind, get_agreement
from mou.redline import Redline
from mou.redline_pdf import redline_pdf
from ui.context import AppContext
from ui.signing.pdfium_pages import PdfiumPages
from ui.signing.print import paper_page_size

MAX_DPI = 300

_KIND = {
    AgreementKind.KESEPAKATAN_BERSAMA.value: "Kesepakatan Bersama",
    AgreementKind.PERJANJIAN_KERJA_SAMA.value: "Perjanjian Kerja Sama",
}


def redline_document(context: AppContext, agreement_id: int, redline: Redline) -> bytes:
    """The redline PDF for ``agreement_id`` on the office's paper."""
    with context.database.session() as session:
        agreement = get_agreement(session, agreement_id)
        title = f"{_KIND.get(agreement.kind, agreement.kind)} tentang {agreement.title}"
    return redline_pdf(redline, title=title, paper=context.settings.paper_size)


def configure_printer(printer: QPrinter, paper: str) -> None:
    """The office's paper, no margins (the PDF has its own)."""
    printer.setPageLayout(
        QPageLayout(
            paper_page_size(paper),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
            QPageLayout.Unit.Millimeter,
        )
    )


def print_pdf(data: bytes, printer: QPrinter) -> int:
    """Draw every page of ``data`` onto ``printer``, fitted to the paper; returns pages printed."""
    pages = PdfiumPages(data)
    painter = QPainter()
    if not painter.begin(printer):
        pages.close()
        return 0
    try:
        target = QRectF(printer.pageLayout().paintRectPixels(printer.resolution()))
        target.moveTo(0, 0)
        dpi = min(printer.resolution(), MAX_DPI)
        for index in range(pages.page_count):
            if index:
                printer.newPage()
            image = pages.render(index, dpi)
            scale = min(target.width() / image.width(), target.height() / image.height())
            w, h = image.width() * scale, image.height() * scale
            painter.drawImage(QRectF((target.width() - w) / 2, 0, w, h), image)
        return pages.page_count
    finally:
        painter.end()
        pages.close()
