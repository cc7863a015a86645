"""Pages of a PDF on screen: the page labels and their rasterising, shared by every PDF view.

The signed-agreement view (``ui.signing.pdf_view``) and the editor's draft preview
(``ui.agreements.editor.preview``) stack one :class:`PageLabel` per page in a scroll area and
draw only the pages in sight, each at exactly its on-screen width (sharp on HiDPI screens too).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette, QPixmap
from PySide6.QtWidgets import QLabel, QScrollArea, QSizePolicy, QWidget

from ui.signing.pdfium_pages import PdfiumPages


class PageLabel(QLabel):
    """One page: a white placeholder of the right size until it is rendered."""

    def __init__(self, index: int, parent: QWidget) -> None:
        super().__init__(parent)
        self.index = index
        self.rendered_width = 0  # the width the shown pixmap was drawn for (0: none / stale)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("white"))
        self.setPalette(palette)

    def image(self) -> QImage | None:
        """The page as drawn (None until rasterised)."""
        pixmap = self.pixmap()
        return None if pixmap is None or pixmap.isNull() else pixmap.toImage()

    def rasterise(self, pages: PdfiumPages, ratio: float) -> bool:
        """Draw the page at the label's width (``ratio``: device pixels); False if up to date."""
        width = self.width()
        if self.rendered_width == width:
            return False
        width_pt, _ = pages.page_size_pt(self.index)
        pixmap = QPixmap.fromImage(pages.render(self.index, width * ratio / width_pt * 72))
        pixmap.setDevicePixelRatio(ratio)
        self.setPixmap(pixmap)
        self.rendered_width = width
        return True


def visible_pages(scroll: QScrollArea, labels: Sequence[PageLabel]) -> list[PageLabel]:
    """The page labels at least partly inside the scroll area's viewport."""
    top = scroll.verticalScrollBar().value()
    bottom = top + scroll.viewport().height()
    return [lb for lb in labels if lb.y() < bottom and lb.y() + lb.height() > top]
