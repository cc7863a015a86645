"""On-screen view of a (signed) agreement PDF, rendered by PDFium so signature stamps show.

Pages are stacked in a scroll area and rendered at the width the view offers (fit width) or at a
chosen zoom. Rendering happens page by page when a page scrolls into view, so a 20-page agreement
opens at once and memory stays proportional to what was looked at.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.pdf_pages import PageLabel, visible_pages
from ui.signing.pdfium_pages import PdfiumPages, PdfOpenError

_ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
_GAP = 12


class SignedPdfView(QWidget):
    """Shows a PDF with its signature appearances; ``page_changed(current, total)`` on scroll."""

    page_changed = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pages: PdfiumPages | None = None
        self._labels: list[PageLabel] = []
        self._zoom: float | None = None  # None = fit width
        self.error = QLabel(self)
        self.error.setObjectName("pdfViewError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("QLabel#pdfViewError { color: #c62828; }")
        self.error.hide()
        self.fit_button = QPushButton(self.tr("Fit width"), self)
        self.fit_button.setCheckable(True)
        self.fit_button.setChecked(True)
        self.fit_button.clicked.connect(self.fit_width)
        self.zoom_out_button = QPushButton(self.tr("Zoom out"), self)
        self.zoom_out_button.clicked.connect(lambda: self._step_zoom(-1))
        self.zoom_in_button = QPushButton(self.tr("Zoom in"), self)
        self.zoom_in_button.clicked.connect(lambda: self._step_zoom(+1))
        self.page_label = QLabel(self)
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 6, 6, 0)
        bar.addWidget(self.fit_button)
        bar.addWidget(self.zoom_out_button)
        bar.addWidget(self.zoom_in_button)
        bar.addStretch(1)
        bar.addWidget(self.page_label)
        self._sheet = QWidget(self)
        self._sheet_layout = QVBoxLayout(self._sheet)
        self._sheet_layout.setSpacing(_GAP)
        self._sheet_layout.setContentsMargins(_GAP, _GAP, _GAP, _GAP)
        self._sheet_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(self._sheet)
        self.scroll.setWidgetResizable(True)
        # Always reserve the scroll bar: otherwise fitting the width makes it appear, which
        # narrows the viewport, which changes the fit, and the pages jump.
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.scroll.setBackgroundRole(QPalette.ColorRole.Dark)
        self.scroll.verticalScrollBar().valueChanged.connect(self._schedule)
        self.scroll.viewport().installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.error)
        layout.addWidget(self.scroll, 1)
        # Rendering is deferred and coalesced: resizes and scrolls arrive in bursts.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(30)
        self._timer.timeout.connect(self._render_visible)
        self._update_page_label()

    # ---- public API ----------------------------------------------------------------------------

    @property
    def page_count(self) -> int:
        """Pages of the open document (0 when none)."""
        return self._pages.page_count if self._pages else 0

    def set_pdf(self, data: bytes) -> bool:
        """Show ``data``; False (and a message in the view) when it is not a readable PDF."""
        self.clear()
        try:
            self._pages = PdfiumPages(data)
        except PdfOpenError:
            # PDFium's own reason is technical English; the user needs to know what to do.
            self.error.setText(
                self.tr("The document cannot be shown: the file is damaged or not a PDF.")
            )
            self.error.show()
            self._update_page_label()
            return False
        self.error.hide()
        for index in range(self._pages.page_count):
            label = PageLabel(index, self._sheet)
            self._labels.append(label)
            self._sheet_layout.addWidget(label)
        self._relayout()
        return True

    def clear(self) -> None:
        """Close the document and remove the pages."""
        for label in self._labels:
            label.deleteLater()
        self._labels.clear()
        if self._pages is not None:
            self._pages.close()
            self._pages = None
        self._update_page_label()

    def page_image(self, index: int) -> QImage | None:
        """The rendered image of page ``index`` (None until it has been rendered)."""
        return self._labels[index].image() if 0 <= index < len(self._labels) else None

    def scroll_to_page(self, index: int) -> None:
        """Bring page ``index`` (0-based) to the top of the view."""
        if 0 <= index < len(self._labels):
            self.scroll.verticalScrollBar().setValue(self._labels[index].y() - _GAP)
            self._render_visible()

    @Slot()
    def fit_width(self) -> None:
        """Scale pages to the width of the view."""
        self._zoom = None
        self.fit_button.setChecked(True)
        self._relayout()

    def set_zoom(self, zoom: float) -> None:
        """Fixed zoom: 1.0 shows the page at its printed size on a 96 dpi screen."""
        self._zoom = max(0.25, min(zoom, 4.0))
        self.fit_button.setChecked(False)
        self._relayout()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        """Room for a readable page."""
        return QSize(720, 900)

    # ---- internals -----------------------------------------------------------------------------

    def _step_zoom(self, direction: int) -> None:
        current = self._zoom if self._zoom is not None else self._fit_zoom()
        if direction > 0:
            bigger = [z for z in _ZOOMS if z > current + 1e-6]
            self.set_zoom(bigger[0] if bigger else _ZOOMS[-1])
        else:
            smaller = [z for z in _ZOOMS if z < current - 1e-6]
            self.set_zoom(smaller[-1] if smaller else _ZOOMS[0])

    def _fit_zoom(self) -> float:
        if self._pages is None:
            return 1.0
        width_pt, _ = self._pages.page_size_pt(0)
        available = self.scroll.viewport().width() - 2 * _GAP
        return max(available, 100) / (width_pt * 96 / 72)

    def _page_pixels(self, index: int) -> QSize:
        assert self._pages is not None
        zoom = self._zoom if self._zoom is not None else self._fit_zoom()
        width_pt, height_pt = self._pages.page_size_pt(index)
        scale = zoom * 96 / 72
        return QSize(max(int(width_pt * scale), 1), max(int(height_pt * scale), 1))

    def _relayout(self) -> None:
        if self._pages is None:
            return
        for label in self._labels:
            size = self._page_pixels(label.index)
            label.setFixedSize(size)
            if label.rendered_width != size.width():
                label.clear()  # stale resolution: render again when visible
                label.rendered_width = 0
        self._schedule()

    @Slot()
    def _schedule(self) -> None:
        self._timer.start()
        self._update_page_label()

    def _visible(self) -> list[PageLabel]:
        return visible_pages(self.scroll, self._labels)

    @Slot()
    def _render_visible(self) -> None:
        if self._pages is None:
            return
        ratio = self.devicePixelRatioF()
        for label in self._visible():
            label.rasterise(self._pages, ratio)
        self._update_page_label()

    def _current_page(self) -> int:
        visible = self._visible()
        return visible[0].index + 1 if visible else (1 if self._labels else 0)

    def _update_page_label(self) -> None:
        total = self.page_count
        current = self._current_page() if total else 0
        self.page_label.setText(
            self.tr("Page {current} of {total}").format(current=current, total=total)
            if total
            else self.tr("No document")
        )
        self.page_changed.emit(current, total)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt naming)
        """Fit-width follows the viewport's width (not the view's: the scroll area resizes its
        viewport after the view has been told about its own new size)."""
        if watched is self.scroll.viewport() and event.type() == QEvent.Type.Resize:
            if self._zoom is None:
                self._relayout()
            else:
                self._schedule()
        return super().eventFilter(watched, event)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        """Release PDFium when the view goes away."""
        self.clear()
        super().closeEvent(event)
