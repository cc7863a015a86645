"""Live page preview of the draft: the working copy typeset as the final document, marked KONSEP.

The PDF is built off the GUI thread (a ``QThreadPool`` job opens its own database session and
runs ``mou.publication.draft_document`` and the renderer), a moment after typing pauses. Only the
newest request counts: while one render runs, further requests collapse into one more render
after it, and a result older than the newest request is dropped. Pages are rasterised by PDFium
on the GUI thread, visible pages first, because PDFium must not run on two threads at once (the
Archive's viewer uses it on the GUI thread).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import (
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mou.db import Database
from ui.context import AppContext
from ui.pdf_pages import PageLabel, visible_pages
from ui.signing.pdfium_pages import PdfiumPages, PdfOpenError

DEBOUNCE_MS = 300
_GAP = 10
Overrides = Mapping[str, Mapping[str, Any]]


def render_draft(
    database: Database, agreement_id: int, overrides: Overrides | None, paper: str
) -> bytes:
    """The draft PDF of ``agreement_id`` (Qt-free; what the background job runs)."""
    from mou.pdf.render import render_pdf_bytes
    from mou.publication import draft_document

    with database.session() as session:
        doc = draft_document(session, agreement_id, clause_overrides=overrides, paper=paper)  # type: ignore[arg-type]
    return render_pdf_bytes(doc)[0]


class _Results(QObject):
    """Carries a job's outcome back to the GUI thread (queued, since it is emitted elsewhere)."""

    done = Signal(int, bytes)  # generation, PDF bytes
    failed = Signal(int)  # generation


class _RenderJob(QRunnable):
    def __init__(
        self,
        results: _Results,
        generation: int,
        database: Database,
        agreement_id: int,
        overrides: Overrides | None,
        paper: str,
    ) -> None:
        super().__init__()
        self.results = results  # keeps the carrier alive while the job runs
        self.generation = generation
        self.args = (database, agreement_id, overrides, paper)

    def run(self) -> None:
        try:
            data = render_draft(*self.args)
        except Exception:  # any refusal (no parties, a closed database): the view says so
            self.results.failed.emit(self.generation)
            return
        self.results.done.emit(self.generation, data)


class DraftPreview(QWidget):
    """The pages of the draft, refreshed ~300 ms after edits stop; scroll position kept.

    ``overrides`` (set by the editor) returns the pasal text typed but not yet autosaved.
    ``sig_updated(page_count)`` fires each time new pages are on screen.
    """

    sig_updated = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.agreement_id: int | None = None
        self.overrides: Callable[[], Overrides | None] = lambda: None
        self.pdf: bytes = b""
        self._pages: PdfiumPages | None = None
        # The open PDFium document, also reachable after the widget is gone (to close it then).
        self._open: list[PdfiumPages | None] = [None]
        self.destroyed.connect(lambda *_a, held=self._open: _close(held))
        self._labels: list[PageLabel] = []
        self.pasal_pages: dict[int, int] = {}  # pasal number -> page index, from the outline
        self._pasal: int | None = None  # the pasal being edited (the view follows it)
        self._generation = 0  # of the newest request
        self._busy = False
        self._again = False
        self._stale = False  # a change arrived while hidden
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._results = _Results()
        self._results.done.connect(self._rendered)
        self._results.failed.connect(self._failed)

        self.paper_combo = QComboBox()
        self.paper_combo.addItem(self.tr("F4 (215 × 330 mm)"), "f4")
        self.paper_combo.addItem(self.tr("A4"), "a4")
        paper = context.settings.paper_size
        self.paper_combo.setCurrentIndex(max(self.paper_combo.findData(paper), 0))
        self.paper_combo.currentIndexChanged.connect(self.render_now)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.note = QLabel(
            self.tr("Draft pages as they will print, marked KONSEP. Unsaved text is included.")
        )
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(QLabel(self.tr("Paper:")))
        bar.addWidget(self.paper_combo)
        bar.addStretch(1)
        bar.addWidget(self.status_label)

        self._sheet = QWidget()
        self._sheet_layout = QVBoxLayout(self._sheet)
        self._sheet_layout.setSpacing(_GAP)
        self._sheet_layout.setContentsMargins(_GAP, _GAP, _GAP, _GAP)
        self._sheet_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self._sheet)
        self.scroll.setWidgetResizable(True)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.scroll.setBackgroundRole(QPalette.ColorRole.Dark)
        self.scroll.verticalScrollBar().valueChanged.connect(lambda _v: self._lazy.start())
        self._pending_top: int | None = None
        self.scroll.verticalScrollBar().rangeChanged.connect(self._range_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.note)
        layout.addWidget(self.scroll, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.render_now)
        self._lazy = QTimer(self)  # pages scrolled into view, coalesced
        self._lazy.setSingleShot(True)
        self._lazy.setInterval(30)
        self._lazy.timeout.connect(self._rasterise_visible)
        self._resized = QTimer(self)
        self._resized.setSingleShot(True)
        self._resized.setInterval(0)
        self._resized.timeout.connect(
            lambda: self._relayout(self.scroll.verticalScrollBar().value())
        )

    # -- requests --------------------------------------------------------------------------

    def set_agreement(self, agreement_id: int | None) -> None:
        """Preview another agreement (its pages replace the current ones)."""
        if agreement_id != self.agreement_id:
            self.agreement_id = agreement_id
            self._generation += 1  # whatever is in flight belongs to the previous agreement
            self._clear()
        self.schedule()

    def schedule(self) -> None:
        """Render again once edits pause for ``DEBOUNCE_MS``."""
        if self.agreement_id is None:
            return
        if not self.isVisible():
            self._stale = True
            return
        self._debounce.start()

    @Slot()
    def render_now(self) -> None:
        """Start a render at once (or right after the one running)."""
        self._debounce.stop()
        if self.agreement_id is None:
            return
        self._generation += 1
        if self._busy:
            self._again = True
            return
        self._busy = True
        self._stale = False
        self.status_label.setText(self.tr("Updating…"))
        job = _RenderJob(
            self._results,
            self._generation,
            self.context.database,
            self.agreement_id,
            self.overrides(),
            str(self.paper_combo.currentData()),
        )
        self._pool.start(job)

    def wait(self, msecs: int = 10000) -> bool:
        """Block until the background render is done (the editor calls it before closing)."""
        return self._pool.waitForDone(msecs)

    def show_pasal(self, number: int | None) -> None:
        """Bring the page of Pasal ``number`` into view (when another pasal is chosen)."""
        self._pasal = number
        page = self.pasal_pages.get(number) if number is not None else None
        if page is not None and page < len(self._labels):
            # From the fixed page sizes, not the labels' positions: the layout may not have
            # placed them yet right after new pages arrived.
            self._scroll_to(sum(label.height() + _GAP for label in self._labels[:page]))

    # -- results ---------------------------------------------------------------------------

    def _finished(self) -> bool:
        """Book-keeping after a job; True when its result is still the newest."""
        self._busy = False
        if self._again:
            self._again = False
            self.render_now()
            return False
        return True

    @Slot(int, bytes)
    def _rendered(self, generation: int, data: bytes) -> None:
        newest = self._finished() and generation == self._generation
        if not newest:
            return  # a newer request is being rendered: this one is already stale
        try:
            pages = PdfiumPages(bytes(data))
        except PdfOpenError:
            self._failed(generation)
            return
        first = not self._labels
        self.pdf = bytes(data)
        self.pasal_pages = _pasal_pages(self.pdf)
        self._show(pages)
        if first:  # chosen before there were pages: show it now
            self.show_pasal(self._pasal)
        self.status_label.setText(self.tr("Pages: %1").replace("%1", str(pages.page_count)))
        self.sig_updated.emit(pages.page_count)

    @Slot(int)
    def _failed(self, generation: int) -> None:
        if self._finished() and generation == self._generation:
            self.status_label.setText(
                self.tr("The preview cannot be drawn yet. Check the parties in Details.")
            )

    # -- pages -----------------------------------------------------------------------------

    @property
    def page_count(self) -> int:
        """Pages of the draft on screen."""
        return len(self._labels)

    def page_image(self, index: int) -> QImage | None:
        """Page ``index`` as shown (None until rasterised)."""
        if not 0 <= index < len(self._labels):
            return None
        return self._labels[index].image()

    def _show(self, pages: PdfiumPages) -> None:
        """Swap in the new document, keeping the labels (and so the scroll position)."""
        keep = self.scroll.verticalScrollBar().value()
        if self._pages is not None:
            self._pages.close()
        self._pages = self._open[0] = pages
        while len(self._labels) > pages.page_count:
            self._labels.pop().deleteLater()
        while len(self._labels) < pages.page_count:
            label = PageLabel(len(self._labels), self._sheet)
            self._labels.append(label)
            self._sheet_layout.addWidget(label)
        self._relayout(keep)

    def _relayout(self, keep: int) -> None:
        """Size the pages to the pane's width, scroll back to ``keep``, draw what is visible."""
        if self._pages is None:
            return
        width = self._page_width()
        for index, label in enumerate(self._labels):
            w_pt, h_pt = self._pages.page_size_pt(index)
            label.setFixedSize(width, max(int(width * h_pt / w_pt), 1))
            label.rendered_width = 0  # the old pixmap stays until this page is drawn again
        self._sheet_layout.activate()
        self._sheet.adjustSize()
        self._scroll_to(keep)

    def _scroll_to(self, top: int) -> None:
        """Scroll to ``top`` now, or as soon as the scroll range has grown to allow it (the
        scroll area sizes the sheet in a later layout pass)."""
        bar = self.scroll.verticalScrollBar()
        bar.setValue(top)
        self._pending_top = top if bar.value() != top else None
        self._rasterise_visible()

    def _range_changed(self, _low: int, high: int) -> None:
        if self._pending_top is not None and high >= self._pending_top:
            self.scroll.verticalScrollBar().setValue(self._pending_top)
            self._pending_top = None
            self._lazy.start()

    def _page_width(self) -> int:
        return max(self.scroll.viewport().width() - 2 * _GAP, 120)

    def _visible(self) -> list[int]:
        return [label.index for label in visible_pages(self.scroll, self._labels)]

    @Slot()
    def _rasterise_visible(self) -> None:
        if self._pages is None:
            return
        ratio = self.devicePixelRatioF()
        for label in visible_pages(self.scroll, self._labels) or self._labels[:1]:
            label.rasterise(self._pages, ratio)

    def _clear(self) -> None:
        for label in self._labels:
            label.deleteLater()
        self._labels.clear()
        if self._pages is not None:
            self._pages.close()
            self._pages = self._open[0] = None
        self.pdf = b""
        self.status_label.clear()

    # -- Qt --------------------------------------------------------------------------------

    def showEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        """Catch up with edits made while the preview was hidden."""
        super().showEvent(event)
        if self._stale or (self.agreement_id is not None and not self.pdf):
            self.render_now()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        """Pages follow the width of the pane."""
        super().resizeEvent(event)
        # The scroll area sizes its viewport after this event: measure once it has.
        self._resized.start()


def _pasal_pages(data: bytes) -> dict[int, int]:
    """Pasal number -> page index, read from the PDF's outline ("Pasal 3 — …")."""
    import pypdfium2

    found: dict[int, int] = {}
    pdf = pypdfium2.PdfDocument(data)
    try:
        for item in pdf.get_toc(max_depth=2):
            title, dest = item.get_title(), item.get_dest()
            words = title.split()
            if dest is not None and len(words) > 1 and words[0] == "Pasal" and words[1].isdigit():
                found[int(words[1])] = dest.get_index()
    finally:
        pdf.close()
    return found


def _close(held: list[PdfiumPages | None]) -> None:
    if held[0] is not None:
        held[0].close()
        held[0] = None
