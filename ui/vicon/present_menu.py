"""The call window's "Present" button and presenting mode.

The menu offers the screen, a window, an agreement draft, a PDF or the app catalogue. Asking to
present goes to the hub's presenter slot (one presenter at a time); while anyone presents, the
call window shows :class:`~ui.vicon.presentation_view.PresentationStage` (the presentation
large, the offices as thumbnails) in place of the video grid. A document is presented page by
page (Previous/Next, Page Up/Down); the presenter sees its own page, the others the decoded
track. Refusals are said in words: who presents, and that only the host can take over.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, Slot
from PySide6.QtGui import QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QMenu,
    QPushButton,
    QSplitter,
    QWidget,
)

from conferencing.messages import DomainMessage
from conferencing.presenting import SlideSource
from ui.messages import message_text
from ui.vicon.frames import image_from_rgb
from ui.vicon.messages import HUB
from ui.vicon.presentation_view import PresentationFeed, PresentationStage
from ui.vicon.screen_source import (
    DocumentError,
    ScreenGrabber,
    agreement_draft_pages,
    agreement_titles,
    catalogue_pages,
    pdf_pages,
)


class PresentingPanel(QObject):
    """Presenting for one call window: the button, the stage, the pages, the engine calls."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.controller = window.controller
        self.database: Any = None  # set by the app (set_database); agreement drafts need it
        self.pages: list[np.ndarray] = []
        self.page = 0
        self.source: SlideSource | None = None
        self.presenter_id = ""
        self.presenter_office = ""
        self.presenting = False
        self.feed = PresentationFeed(self.controller.engine, self)
        self.grabber = ScreenGrabber(self)
        self.stage = PresentationStage()
        self._build_controls()
        self._place_stage()
        self._wire()

    # ------------------------------------------------------------------ construction

    def _build_controls(self) -> None:
        self.button = QPushButton(
            QCoreApplication.translate("PresentMenu", "Present"), self.window.controls
        )
        self.menu = QMenu(self.button)
        self.button.setMenu(self.menu)
        self.menu.aboutToShow.connect(self._fill_menu)
        layout = self.window.controls.layout()
        layout.insertWidget(2, self.button)
        self.prev_button = QPushButton(
            QCoreApplication.translate("PresentMenu", "Previous page"), self.stage.nav
        )
        self.next_button = QPushButton(
            QCoreApplication.translate("PresentMenu", "Next page"), self.stage.nav
        )
        self.stop_button = QPushButton(
            QCoreApplication.translate("PresentMenu", "Stop presenting"), self.stage.nav
        )
        for button in (self.prev_button, self.next_button, self.stop_button):
            self.stage.nav_layout.addWidget(button)
        self.prev_button.clicked.connect(lambda: self.show_page(self.page - 1))
        self.next_button.clicked.connect(lambda: self.show_page(self.page + 1))
        self.stop_button.clicked.connect(self.stop)
        QShortcut(QKeySequence("PgDown"), self.window, activated=self.next_button.click)
        QShortcut(QKeySequence("PgUp"), self.window, activated=self.prev_button.click)
        self._update_nav()

    def _place_stage(self) -> None:
        gallery = getattr(self.window, "gallery", None) or self.window._grid_host
        self._grid = gallery
        splitter = gallery.parentWidget()
        self._splitter = splitter if isinstance(splitter, QSplitter) else None
        if self._splitter is not None:
            self._splitter.insertWidget(self._splitter.indexOf(gallery), self.stage)
            self._splitter.setStretchFactor(self._splitter.indexOf(self.stage), 3)
        self.stage.hide()
        self.stage.add_thumbnail("", QCoreApplication.translate("PresentMenu", "You"))
        for peer_id, office in self.controller.participants().items():
            self.stage.add_thumbnail(peer_id, office)

    def _wire(self) -> None:
        c = self.controller
        self.feed.sig_presenter.connect(self._on_presenter)
        self.feed.sig_refused.connect(self._on_refused)
        self.feed.sig_image.connect(self._on_remote_image)
        c.sig_participant_joined.connect(self.stage.add_thumbnail)
        c.sig_participant_left.connect(
            lambda peer_id, _office: self.stage.remove_thumbnail(peer_id)
        )
        c.sig_frame.connect(self.stage.thumbnail_image)
        c.sig_state_changed.connect(self._on_state)
        media = getattr(self.window, "media", None)
        if media is not None:
            media.sig_preview.connect(lambda image: self.stage.thumbnail_image("", image))
        self.grabber.sig_frame.connect(self._on_grabbed)
        self.grabber.sig_unavailable.connect(self._capture_unavailable)

    def set_database(self, database: Any) -> None:
        """The office's database, for "Present an agreement draft"."""
        self.database = database

    # ------------------------------------------------------------------ the menu

    @Slot()
    def _fill_menu(self) -> None:
        menu = self.menu
        menu.clear()
        menu.addAction(
            QCoreApplication.translate("PresentMenu", "Share your screen"), self.share_screen
        )
        menu.addAction(
            QCoreApplication.translate("PresentMenu", "Share a window"),
            lambda: self.share_screen(window=True),
        )
        drafts = menu.addMenu(
            QCoreApplication.translate("PresentMenu", "Present an agreement draft")
        )
        titles = agreement_titles(self.database) if self.database is not None else []
        for agreement_id, title in titles[:30]:
            drafts.addAction(title[:80], lambda a=agreement_id: self.present_agreement(a))
        if not titles:
            drafts.addAction(
                QCoreApplication.translate("PresentMenu", "No agreements in this office yet")
            ).setEnabled(False)
        menu.addAction(
            QCoreApplication.translate("PresentMenu", "Present a PDF…"), self._choose_pdf
        )
        menu.addAction(
            QCoreApplication.translate("PresentMenu", "Present the app catalogue"),
            self.present_catalogue,
        )
        if self.presenter_id and not self.presenting:
            menu.addSeparator()
            menu.addAction(
                QCoreApplication.translate("PresentMenu", "Take over the presentation"),
                self.take_over,
            )
        if self.presenting:
            menu.addSeparator()
            menu.addAction(QCoreApplication.translate("PresentMenu", "Stop presenting"), self.stop)

    def present_agreement(self, agreement_id: int) -> None:
        """Present the agreement's draft (its working copy, KONSEP on every page)."""
        self.present_pages(agreement_draft_pages(self.database, agreement_id))

    def present_catalogue(self) -> None:
        """Present the shipped app catalogue, page by page."""
        self.present_pages(catalogue_pages())

    def _choose_pdf(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.window,
            QCoreApplication.translate("PresentMenu", "Present a PDF"),
            str(Path.home()),
            QCoreApplication.translate("PresentMenu", "PDF documents (*.pdf)"),
        )
        if name:
            self.present_pdf(Path(name))

    def present_pdf(self, path: Path) -> None:
        """Present the PDF at ``path``; a file that is not a PDF is said so."""
        try:
            pages = pdf_pages(path.read_bytes())
        except (OSError, DocumentError):
            self._notice(
                QCoreApplication.translate(
                    "PresentMenu", "That file cannot be presented: it is not a PDF Lintas can open."
                )
            )
            return
        self.present_pages(pages)

    def present_pages(self, pages: list[np.ndarray], *, take_over: bool = False) -> None:
        """Ask to present ``pages`` (the hub decides; the first page goes out once granted)."""
        self.grabber.stop()
        self.pages, self.page = pages, 0
        self._request(SlideSource(pages[0]), take_over)

    def take_over(self) -> None:
        """Present over someone else's presentation (the hub allows the host only).

        What was prepared last is presented; with nothing prepared, the app catalogue."""
        if not self.pages:
            self.pages, self.page = catalogue_pages(), 0
        self._request(SlideSource(self.pages[self.page]), True)

    def _request(self, source: SlideSource, take_over: bool) -> None:
        self.source = source
        engine = self.controller.engine
        self.controller.run(engine.start_presenting(source, take_over=take_over))

    def share_screen(self, *, window: bool = False, windows: Any = None) -> None:
        """Share the screen, or a window the user picks (from ``windows``, by default every
        capturable one); where it cannot be captured, say so."""
        chosen = None
        if window:
            from ui.vicon.window_picker import pick_window

            chosen = pick_window(self.window, windows)
            if chosen is None:  # cancelled, or nothing to share (the chooser said so)
                return
        self.pages, self.page = [], 0
        self.source = None
        self.grabber.start(window=chosen)

    @Slot(object)
    def _on_grabbed(self, rgb: np.ndarray) -> None:
        if self.source is None:
            self._request(SlideSource(rgb), False)
        else:
            self.source.show(rgb)
            if self.presenting:
                self.stage.show_image(image_from_rgb(rgb))

    @Slot()
    def _capture_unavailable(self) -> None:
        self._notice(
            QCoreApplication.translate(
                "PresentMenu",
                "Screen sharing is not available on this computer. Present a document instead: "
                "an agreement draft, a PDF or the app catalogue.",
            )
        )

    def show_page(self, index: int) -> None:
        """Go to page ``index`` of the document being presented."""
        if not self.pages or not 0 <= index < len(self.pages) or self.source is None:
            return
        self.page = index
        self.source.show(self.pages[index])
        if self.presenting:
            self.stage.show_image(image_from_rgb(self.pages[index]))
        self._update_nav()

    @Slot()
    def stop(self) -> None:
        """Stop presenting."""
        self.grabber.stop()
        self.source = None
        self.controller.run(self.controller.engine.stop_presenting())

    # ------------------------------------------------------------------ engine events

    @Slot(str, str, bool, bool)
    def _on_presenter(self, peer_id: str, office: str, is_self: bool, taken_over: bool) -> None:
        self.presenter_id, self.presenter_office = peer_id, office
        self.presenting = is_self
        if taken_over:
            self.grabber.stop()
            self._notice(
                QCoreApplication.translate(
                    "PresentMenu", "{office} took over the presentation."
                ).format(office=office)
            )
        if not peer_id:
            self._set_mode(False)
            return
        if is_self:
            self.stage.set_caption(QCoreApplication.translate("PresentMenu", "You are presenting"))
            if self.pages:
                self.stage.show_image(image_from_rgb(self.pages[self.page]))
        else:
            self.stage.set_caption(
                QCoreApplication.translate("PresentMenu", "Presentation from {office}").format(
                    office=office
                )
            )
            self.stage.picture.clear()
            self.stage.picture.image = None
        self._set_mode(True)

    @Slot(str, str)
    def _on_refused(self, code: str, office: str) -> None:
        self.source = None
        self.grabber.stop()
        self._notice(message_text(DomainMessage(code, {"office": office}, ""), HUB))

    @Slot(str, QImage)
    def _on_remote_image(self, peer_id: str, image: QImage) -> None:
        if peer_id == self.presenter_id and not self.presenting:
            self.stage.show_image(image)

    @Slot(str, str)
    def _on_state(self, state: str, _reason: str) -> None:
        if state in ("left", "failed"):
            self.presenter_id = ""
            self.presenting = False
            self.grabber.stop()
            self._set_mode(False)

    def _set_mode(self, on: bool) -> None:
        splitter = self._splitter
        sizes = splitter.sizes() if splitter is not None else []
        self.stage.setVisible(on)
        self._grid.setVisible(not on)
        if splitter is not None and on != (sizes[splitter.indexOf(self.stage)] > 0):
            # The stage takes the grid's room (a splitter leaves a shown widget at its old size).
            shown, hidden = (self.stage, self._grid) if on else (self._grid, self.stage)
            room = sizes[splitter.indexOf(shown)] + sizes[splitter.indexOf(hidden)]
            sizes[splitter.indexOf(shown)], sizes[splitter.indexOf(hidden)] = room, 0
            splitter.setSizes(sizes)
        self._update_nav()

    def _update_nav(self) -> None:
        document = self.presenting and len(self.pages) > 1
        self.prev_button.setVisible(document)
        self.next_button.setVisible(document)
        self.stop_button.setVisible(self.presenting)
        self.prev_button.setEnabled(self.page > 0)
        self.next_button.setEnabled(self.page < len(self.pages) - 1)
        self.stage.page_label.setText(
            QCoreApplication.translate("PresentMenu", "Page {page} of {count}").format(
                page=self.page + 1, count=len(self.pages)
            )
            if document
            else ""
        )

    def _notice(self, text: str) -> None:
        self.window.chat.add_notice(text)

    def close(self) -> None:
        """Detach from the engine (the window is closing)."""
        self.grabber.stop()
        self.feed.stop()


def attach_presenting(window: QWidget) -> PresentingPanel:
    """Give ``window`` (a CallWindow) its Present button and presenting mode."""
    panel = PresentingPanel(window)
    window.presenting = panel  # type: ignore[attr-defined]
    return panel
