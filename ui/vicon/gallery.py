"""The gallery: the call's video tiles in a near-square grid, 16 to a page, paged beyond that.

An Apeksi working group can bring twenty or more offices into one session. Sixteen tiles are
still readable on a 1366x768 laptop; more would shrink every face to a stamp. So the gallery
shows one page of at most :data:`PAGE_SIZE` tiles and a "Page 2 of 3" bar to move between pages.

The tiles themselves are the call window's :class:`~ui.vicon.video_tile.VideoTile` widgets: the
gallery only places them, so each keeps its own verification badge and quality indicator
whichever page it is on. Offices whose tile is not on the current page are not painted, so the
gallery reports the offices it shows (:attr:`Gallery.sig_visible_changed`); the call controller
passes that on to the topology, which can stop receiving (pause) the hidden feeds on an SFU.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.vicon.video_tile import VideoTile

#: Tiles on one page: a 4x4 grid, still readable at 1366x768 beside the side panel.
PAGE_SIZE = 16
#: With many tiles a tile may shrink below VideoTile's own minimum, down to this (16:9-ish).
MIN_TILE = QSize(160, 100)


def page_count(tiles: int, page_size: int = PAGE_SIZE) -> int:
    """How many pages ``tiles`` tiles need (at least one, so an empty call shows page 1)."""
    return max(1, math.ceil(tiles / page_size))


def grid_columns(tiles: int) -> int:
    """Columns of a near-square grid for ``tiles`` tiles (wider than tall: screens are)."""
    return max(1, math.ceil(math.sqrt(tiles)))


class Gallery(QWidget):
    """Places tiles on pages of :data:`PAGE_SIZE`; the self view is always first on page 1.

    ``sig_visible_changed(frozenset[str])`` carries the peer ids of the remote offices whose
    tiles are on the current page, each time that set changes.
    """

    sig_visible_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self.setObjectName("gallery")
        self._page_size = page_size
        self._tiles: list[VideoTile] = []
        self._page = 0
        self._visible: frozenset[str] = frozenset()

        #: Parent for the tiles (the call window creates them on it).
        self.tile_host = QWidget(self)
        self._grid = QGridLayout(self.tile_host)
        self._grid.setSpacing(6)
        self._grid.setContentsMargins(0, 0, 0, 0)

        self.previous_button = QPushButton(self.tr("◀ Previous"), self)
        self.previous_button.setAccessibleName(self.tr("Previous page of offices"))
        self.previous_button.clicked.connect(self.previous_page)
        self.next_button = QPushButton(self.tr("Next ▶"), self)
        self.next_button.setAccessibleName(self.tr("Next page of offices"))
        self.next_button.clicked.connect(self.next_page)
        self.page_label = QLabel(self)
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.page_label.setObjectName("galleryPage")
        self.pager = QWidget(self)
        bar = QHBoxLayout(self.pager)
        bar.setContentsMargins(0, 4, 0, 0)
        bar.addStretch(1)
        bar.addWidget(self.previous_button)
        bar.addWidget(self.page_label)
        bar.addWidget(self.next_button)
        bar.addStretch(1)

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.tile_host, 1)
        column.addWidget(self.pager)
        # Page Up / Page Down move between pages, as in a document.
        QShortcut(QKeySequence(Qt.Key.Key_PageDown), self, activated=self.next_page)
        QShortcut(QKeySequence(Qt.Key.Key_PageUp), self, activated=self.previous_page)
        self._layout_page()

    # ------------------------------------------------------------------ state

    @property
    def page(self) -> int:
        """The current page, counted from 0."""
        return self._page

    @property
    def pages(self) -> int:
        """How many pages the tiles fill."""
        return page_count(len(self._tiles), self._page_size)

    @property
    def page_size(self) -> int:
        """Tiles on a full page."""
        return self._page_size

    def page_tiles(self) -> list[VideoTile]:
        """The tiles on the current page, in grid order."""
        start = self._page * self._page_size
        return self._tiles[start : start + self._page_size]

    def visible_peers(self) -> frozenset[str]:
        """Peer ids of the remote offices shown on the current page (never the self view)."""
        return self._visible

    def page_text(self) -> str:
        """What the pager says, e.g. "Page 2 of 3"."""
        return self.tr("Page {page} of {pages}").format(page=self._page + 1, pages=self.pages)

    # ------------------------------------------------------------------ changes

    def set_tiles(self, tiles: Sequence[VideoTile]) -> None:
        """Show these tiles (in this order); the current page stays unless it no longer exists."""
        self._tiles = list(tiles)
        self._page = min(self._page, self.pages - 1)
        self._layout_page()

    @Slot()
    def next_page(self) -> None:
        """Go to the next page (no-op on the last)."""
        self.show_page(self._page + 1)

    @Slot()
    def previous_page(self) -> None:
        """Go to the previous page (no-op on the first)."""
        self.show_page(self._page - 1)

    def show_page(self, page: int) -> None:
        """Go to page ``page`` (from 0), clamped to the pages that exist."""
        page = max(0, min(page, self.pages - 1))
        if page != self._page:
            self._page = page
            self._layout_page()

    def show_peer(self, peer_id: str) -> None:
        """Turn to the page that holds ``peer_id``'s tile (e.g. the office now speaking)."""
        for index, tile in enumerate(self._tiles):
            if tile.peer_id == peer_id:
                self.show_page(index // self._page_size)
                return

    # ------------------------------------------------------------------ layout

    def _layout_page(self) -> None:
        while self._grid.count():
            self._grid.takeAt(0)
        shown = self.page_tiles()
        for tile in self._tiles:
            if tile not in shown:
                tile.hide()
        # Every page of a paged gallery keeps the full page's grid, so tiles keep their size.
        cells = self._page_size if self.pages > 1 else len(shown)
        columns = grid_columns(cells)
        rows = max(1, math.ceil(cells / columns))
        for index, tile in enumerate(shown):
            if len(self._tiles) > 4:
                tile.setMinimumSize(MIN_TILE)  # many tiles: let them shrink to fit the window
            self._grid.addWidget(tile, index // columns, index % columns)
            tile.show()
        # Equal cells even on a half-full last page, so a lone tile does not fill the window.
        for r in range(self._grid.rowCount()):
            self._grid.setRowStretch(r, 1 if r < rows else 0)
        for c in range(self._grid.columnCount()):
            self._grid.setColumnStretch(c, 1 if c < columns else 0)
        self.pager.setVisible(self.pages > 1)
        self.page_label.setText(self.page_text())
        self.previous_button.setEnabled(self._page > 0)
        self.next_button.setEnabled(self._page < self.pages - 1)
        visible = frozenset(t.peer_id for t in shown if t.peer_id)
        if visible != self._visible:
            self._visible = visible
            self.sig_visible_changed.emit(visible)
