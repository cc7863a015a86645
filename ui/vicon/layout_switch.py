"""The call window's layouts: Gallery (offices in a grid) or Speaker (the active speaker large).

In both, our own self view is a small thumbnail: in Gallery a corner overlay over the grid (a
full tile only while nobody else is in the call), in Speaker the corner of the
:class:`~ui.vicon.speaker_view.SpeakerView` (the same view the room display shows). The offices'
video the SFU forwards follows what is on screen: the gallery page, or the speaker and the strip.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Slot
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QPushButton, QWidget

from ui.vicon.gallery import Gallery
from ui.vicon.speaker_view import SELF_KEY, SpeakerView
from ui.vicon.video_tile import VideoTile

SELF_THUMB_RATIO = 0.22  # width of the gallery's self thumbnail, of the gallery's width
SELF_THUMB_MIN_WIDTH = 160
MIN_VISIBLE_PX = 24  # a strip thumbnail cut off to less than this is not "on screen"


def gallery_tiles(tiles: dict[str, VideoTile], self_key: str = SELF_KEY) -> list[VideoTile]:
    """The tiles the gallery's grid places: the other offices, or the self view when alone."""
    others = [tile for key, tile in tiles.items() if key != self_key]
    return others or [tiles[self_key]]


def place_self_view(self_tile: VideoTile, gallery: Gallery) -> None:
    """Put the self view as a small overlay in the grid's bottom-right corner (unless the grid
    holds it, when nobody else is in the call)."""
    if self_tile in gallery.page_tiles():
        self_tile.setMinimumSize(QSize(200, 150))  # VideoTile's own minimum
        return
    host = gallery.tile_host
    width = max(SELF_THUMB_MIN_WIDTH, int(host.width() * SELF_THUMB_RATIO))
    height = width * 9 // 16
    self_tile.setMinimumSize(1, 1)  # the tile's own 200x150 minimum is for grid cells
    self_tile.setGeometry(
        QRect(host.width() - width - 8, host.height() - height - 8, width, height)
    )
    self_tile.show()
    self_tile.raise_()


class CallLayout(QObject):
    """The Gallery / Speaker switch of one call window (a button among the call controls)."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.controller = window.controller
        self.mode = "gallery"
        gallery: Gallery = window.gallery
        splitter = gallery.parentWidget()
        self.view = SpeakerView(splitter)
        splitter.insertWidget(splitter.indexOf(gallery) + 1, self.view)
        # The gallery's share of the first layout, for a window that opens in Speaker.
        splitter.setStretchFactor(splitter.indexOf(self.view), 3)
        self.view.hide()
        self.view.set_office(
            SELF_KEY, self.tr("{office} (you)").format(office=self.controller.office)
        )
        self.button = QPushButton(self.tr("Speaker view"), window.controls)
        self.button.setCheckable(True)
        self.button.setToolTip(self.tr("Show the office that is speaking large"))
        self.button.toggled.connect(lambda on: self.set_mode("speaker" if on else "gallery"))
        window.controls.layout().insertWidget(2, self.button)
        self._sent: frozenset[str] | None = None
        self.settings: Any = None  # set below, once the switch is wired

        # The gallery's page decides the visible set only in Gallery mode.
        gallery.sig_visible_changed.disconnect(self.controller.set_visible_peers)
        gallery.sig_visible_changed.connect(self._gallery_visible)
        c = self.controller
        c.sig_participant_joined.connect(self._joined)
        c.sig_participant_left.connect(self._left)
        c.sig_frame.connect(self.view.set_image)
        if window.media is not None:
            window.media.sig_preview.connect(self._self_image)
        window.hosting.sig_active.connect(self._active)
        gallery.tile_host.installEventFilter(self)
        self.view.installEventFilter(self)
        # The last call's layout (Settings.call_layout); each later choice is kept for the next.
        self.settings = getattr(window, "settings", None)
        if self.settings is not None and self.settings.call_layout == "speaker":
            self.set_mode("speaker")

    # ------------------------------------------------------------------ mode

    def set_mode(self, mode: str) -> None:
        """Show ``"gallery"`` or ``"speaker"`` (and remember it, when the window has settings)."""
        self.mode = mode
        if self.settings is not None and self.settings.call_layout != mode:
            self.settings.call_layout = mode
            self.settings.sync()  # kept even if the app does not end cleanly
        speaker = mode == "speaker"
        if self.button.isChecked() != speaker:
            self.button.setChecked(speaker)
        self.button.setText(self.tr("Gallery view") if speaker else self.tr("Speaker view"))
        self.button.setToolTip(
            self.tr("Show every office in a grid")
            if speaker
            else self.tr("Show the office that is speaking large")
        )
        # The splitter gives a widget it shows again its old (zero) share: hand over the area.
        gallery, splitter = self.window.gallery, self.view.parentWidget()
        sizes = splitter.sizes()
        index_g, index_v = splitter.indexOf(gallery), splitter.indexOf(self.view)
        area = sizes[index_g] + sizes[index_v]
        gallery.setVisible(not speaker)
        self.view.setVisible(speaker)
        if area > 0:  # before the window is first laid out, the splitter shares out itself
            sizes[index_v], sizes[index_g] = (area, 0) if speaker else (0, area)
            splitter.setSizes(sizes)
        self._send_visible()

    def speaker_visible(self) -> frozenset[str]:
        """The offices the speaker view shows: the speaker and the strip thumbnails on screen."""
        bounds = self.view.rect()
        return frozenset(
            key
            for key, rect in self.view.layout_rects().items()
            if key != SELF_KEY and rect.intersected(bounds).width() >= MIN_VISIBLE_PX
        )

    def _send_visible(self) -> None:
        if self.mode == "speaker":
            wanted = self.speaker_visible()
        else:
            wanted = self.window.gallery.visible_peers()
        if wanted != self._sent:
            self._sent = wanted
            self.controller.set_visible_peers(wanted)

    # ------------------------------------------------------------------ events

    @Slot(object)
    def _gallery_visible(self, _peers: object) -> None:
        self._send_visible()

    @Slot(str, str)
    def _joined(self, peer_id: str, office: str) -> None:
        self.view.set_office(peer_id, office)
        self._send_visible()

    @Slot(str, str)
    def _left(self, peer_id: str, _office: str) -> None:
        self.view.remove(peer_id)
        self._send_visible()

    @Slot(str)
    def _active(self, key: str) -> None:
        self.view.set_active(key)
        self._send_visible()

    @Slot(QImage)
    def _self_image(self, image: QImage) -> None:
        self.view.set_image(SELF_KEY, image)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize:
            if watched is self.view:
                self._send_visible()
            elif isinstance(watched, QWidget):
                place_self_view(self.window.self_tile, self.window.gallery)
        return False


def attach_layout(window: Any) -> CallLayout:
    """Give ``window`` (a CallWindow) the Gallery / Speaker switch."""
    layout = CallLayout(window)
    window.call_layout = layout
    return layout
