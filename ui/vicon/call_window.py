"""The call window: video grid with self view, participants, chat, controls and call state."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QImage, QKeySequence, QShortcut
from PySide6.QtMultimedia import QMediaDevices
from PySide6.QtWidgets import (
    QLabel,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.settings import Settings
from ui.vicon.audio import AudioMixer
from ui.vicon.chat_panel import ChatPanel
from ui.vicon.controller import CallController
from ui.vicon.controls import CallControls
from ui.vicon.devices import LocalMedia, camera_choices, microphone_choices
from ui.vicon.gallery import Gallery
from ui.vicon.layout_switch import gallery_tiles, place_self_view
from ui.vicon.messages import call_end_text
from ui.vicon.participants import ParticipantList
from ui.vicon.quality import LinkStats
from ui.vicon.verification import intercepted_notice, verified_notice
from ui.vicon.video_tile import VideoTile

SELF_ID = ""

# Banner colours per state: blue while working, green when up, amber when recovering,
# grey once left, red on failure.
_BANNER_STYLE = {
    "idle": "#546e7a",
    "connecting": "#1565c0",
    "connected": "#2e7d32",
    "hub_offline": "#5d4037",  # the call goes on; only joining and renegotiating wait
    "reconnecting": "#ef6c00",
    "left": "#546e7a",
    "failed": "#c62828",
}


class CallWindow(QWidget):
    """Shows one call driven by a :class:`CallController` and fed by :class:`LocalMedia`.

    Closing the window leaves the call and shuts the engine down; ``sig_closed`` tells the
    owner (the Sessions page) it may forget the window. With ``settings`` the Gallery/Speaker
    choice is remembered for the next call.
    """

    sig_closed = Signal()

    def __init__(
        self,
        controller: CallController,
        media: LocalMedia | None = None,
        *,
        title: str = "",
        identity_path: Path | None = None,
        settings: Settings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        #: The app's settings (None in headless tools): the layout choice is kept there.
        self.settings = settings
        # A call is its own top-level window even when a page owns it.
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.controller = controller
        self.media = media
        self.mixer: AudioMixer | None = None
        self.setWindowTitle(title or self.tr("Lintas — video call"))
        self.resize(1100, 680)

        self.banner = QLabel(self)
        self.banner.setObjectName("callState")
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setMargin(6)
        self.banner.setWordWrap(True)

        # The gallery places the tiles (16 to a page); tiles are created on its tile host.
        self.gallery = Gallery(self)
        self._grid_host = self.gallery.tile_host
        self.tiles: dict[str, VideoTile] = {}
        self.self_tile = VideoTile(SELF_ID, controller.office, is_self=True, parent=self._grid_host)
        self.tiles[SELF_ID] = self.self_tile

        self.participants = ParticipantList(self)
        self.participants.set_self(controller.office)
        self.chat = ChatPanel(self)
        side = QSplitter(Qt.Orientation.Vertical, self)
        side.addWidget(self._titled(self.tr("Participants"), self.participants))
        # Chat is the first tab; other areas (co-review, signing ceremony) add theirs.
        self.side_tabs = QTabWidget(self)
        self.side_tabs.addTab(self.chat, self.tr("Chat"))
        side.addWidget(self.side_tabs)
        side.setStretchFactor(0, 1)
        side.setStretchFactor(1, 2)

        body = QSplitter(Qt.Orientation.Horizontal, self)
        body.addWidget(self.gallery)
        body.addWidget(side)
        body.setStretchFactor(0, 3)
        body.setStretchFactor(1, 1)
        body.setSizes([780, 300])

        self.controls = CallControls(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.banner)
        # Offer to unlock the office identity when this office has one but the call runs without.
        self.identity_bar = None
        if identity_path is not None:
            from ui.vicon.identity_bar import IdentityBar  # loads mou only when there is a file

            self.identity_bar = IdentityBar(controller, identity_path, self)
            self.identity_bar.sig_unlocked.connect(
                lambda: self.chat.add_notice(
                    self.tr("Office identity unlocked: the other offices can now verify you.")
                )
            )
            layout.addWidget(self.identity_bar)
        layout.addWidget(body, 1)
        layout.addWidget(self.controls)

        self._relayout()
        self._wire()
        self._stale_timer = QTimer(self)
        self._stale_timer.setInterval(500)
        self._stale_timer.timeout.connect(self._check_stale)
        self._stale_timer.start()
        # Shortcuts people know from other vicon apps.
        QShortcut(QKeySequence("Ctrl+D"), self, activated=self.controls.mute_button.click)
        QShortcut(QKeySequence("Ctrl+E"), self, activated=self.controls.camera_button.click)
        # Cameras and headsets come and go mid-call (USB): keep the pickers current.
        self._media_devices = QMediaDevices(self)
        self._media_devices.videoInputsChanged.connect(self.refresh_devices)
        self._media_devices.audioInputsChanged.connect(self.refresh_devices)
        self.refresh_devices()
        self.show_state(controller.state, "")
        # The Present button and presenting mode (the presentation large, offices as thumbnails).
        from ui.vicon.present_menu import attach_presenting

        self.presenting = attach_presenting(self)
        # The Meeting tab (hand, lock, lobby), the Leave question and the speaking highlight.
        from ui.vicon.host_controls import attach_hosting

        self.hosting = attach_hosting(self)
        # Gallery / Speaker layouts (follows the hosting panel's active speaker).
        from ui.vicon.layout_switch import attach_layout

        self.call_layout = attach_layout(self)

    def add_side_panel(self, title: str, widget: QWidget) -> int:
        """Add a tab next to Chat (e.g. the agreement under review); returns its index."""
        return self.side_tabs.addTab(widget, title)

    @Slot()
    def refresh_devices(self) -> None:
        """Re-list cameras and microphones in the pickers, keeping the current choice."""
        if self.media is not None:
            self.controls.set_devices(
                camera_choices(self.media.camera_id),
                microphone_choices(self.media.microphone_id),
                self.media.camera_id,
                self.media.microphone_id,
            )

    # ------------------------------------------------------------------ construction helpers

    def _titled(self, title: str, widget: QWidget) -> QWidget:
        box = QWidget(self)
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        label = QLabel(f"<b>{title}</b>", box)
        col.addWidget(label)
        col.addWidget(widget, 1)
        return box

    def _wire(self) -> None:
        c = self.controller
        c.sig_state_changed.connect(self.show_state)
        c.sig_participant_joined.connect(self._on_joined)
        c.sig_participant_left.connect(self._on_left)
        c.sig_frame.connect(self._on_frame)
        c.sig_stats.connect(self._on_stats)
        c.sig_chat.connect(self._on_chat)
        c.sig_error.connect(self._on_error)
        c.sig_peer_media_state.connect(self._on_peer_media_state)
        c.sig_verification.connect(self._on_verification)
        c.sig_video_paused.connect(self._on_video_paused)
        self.gallery.sig_visible_changed.connect(c.set_visible_peers)
        self.chat.sig_send.connect(self._send_chat)
        self.controls.sig_mute_toggled.connect(self._set_muted)
        self.controls.sig_camera_toggled.connect(self._set_camera)
        self.controls.sig_leave.connect(self.leave)
        self.controls.sig_rejoin.connect(self.controller.rejoin)
        self.controls.sig_camera_chosen.connect(self._choose_camera)
        self.controls.sig_microphone_chosen.connect(self._choose_microphone)
        if self.media is not None:
            self.media.sig_preview.connect(self.self_tile.set_image)
            if self.media.last_preview is not None:
                self.self_tile.set_image(self.media.last_preview)
            self.media.sig_error.connect(self._on_error)
            # "No camera found" is said plainly; the test pattern waits in the picker.
            for sentence in self.media.missing():
                self.chat.add_notice(sentence)

    def _relayout(self) -> None:
        """Hand the offices' tiles to the gallery by join order; the self view is a corner
        thumbnail over them (see :mod:`ui.vicon.layout_switch`)."""
        self.gallery.set_tiles(gallery_tiles(self.tiles, SELF_ID))
        place_self_view(self.self_tile, self.gallery)

    # ------------------------------------------------------------------ state

    @Slot(str, str)
    def show_state(self, state: str, reason: str) -> None:
        """Show the call state prominently and enable what makes sense in it."""
        texts = {
            "idle": self.tr("Not connected"),
            "connecting": self.tr("Connecting…"),
            "connected": self.tr("Connected"),
            "hub_offline": self.tr("Hub offline; the call continues"),
            "reconnecting": self.tr("Connection lost — reconnecting…"),
            "left": self.tr("You left the call"),
            "failed": self.tr("Call failed"),
        }
        text = texts.get(state, state)
        ended = call_end_text(self.controller.state_code) if state == "failed" else ""
        # "Hub offline" is complete as it is: the hub's "reconnect or press Rejoin" would
        # contradict "the call continues". The host ending the call is no failure.
        if ended:
            text, state = ended, "left"
        elif reason and state != "hub_offline":
            text = self.tr("{state}: {reason}").format(state=text, reason=reason)
        self.banner.setText(text)
        self.banner.setProperty("state", state)
        colour = _BANNER_STYLE.get(state, "#546e7a")
        self.banner.setStyleSheet(
            f"QLabel#callState {{ background: {colour}; color: white; font-weight: bold; "
            "border-radius: 4px; }"
        )
        in_call = state in ("connecting", "connected", "hub_offline", "reconnecting")
        self.controls.set_in_call(in_call, ended=state in ("left", "failed"))
        if ended:  # the host closed this meeting to us: Rejoin cannot work
            self.controls.rejoin_button.setVisible(False)
        self.chat.set_enabled_for_call(state in ("connected", "hub_offline", "reconnecting"))
        if state in ("left", "failed"):
            for peer_id in [p for p in self.tiles if p != SELF_ID]:
                self._remove_tile(peer_id)
            self.participants.clear_remote()

    @property
    def state_text(self) -> str:
        """What the state banner says right now."""
        return self.banner.text()

    # ------------------------------------------------------------------ events

    @Slot(str, str)
    def _on_joined(self, peer_id: str, office: str) -> None:
        guest = self.controller.is_guest(peer_id)
        if peer_id not in self.tiles:
            self.tiles[peer_id] = VideoTile(peer_id, office, parent=self._grid_host)
            self._relayout()
        self.tiles[peer_id].set_guest(guest)
        self.participants.set_guest(peer_id, guest)
        self.participants.add_participant(peer_id, office)
        if guest:
            self.chat.add_notice(
                self.tr("{office} joined from a browser as a guest (not verified)").format(
                    office=office
                )
            )
        else:
            self.chat.add_notice(self.tr("{office} joined").format(office=office))

    @Slot(str, str)
    def _on_left(self, peer_id: str, office: str) -> None:
        self._remove_tile(peer_id)
        self.participants.remove_participant(peer_id)
        self.chat.add_notice(self.tr("{office} left").format(office=office))

    def _remove_tile(self, peer_id: str) -> None:
        tile = self.tiles.pop(peer_id, None)
        if tile is not None:
            tile.hide()
            tile.deleteLater()
            self._relayout()

    @Slot()
    def _check_stale(self) -> None:
        for tile in self.tiles.values():
            tile.check_stale()

    @Slot(str, QImage)
    def _on_frame(self, peer_id: str, image: QImage) -> None:
        tile = self.tiles.get(peer_id)
        if tile is not None:
            tile.set_image(image)

    @Slot(str, object)
    def _on_stats(self, peer_id: str, event: object) -> None:
        stats = LinkStats.from_event(event)
        tile = self.tiles.get(peer_id)
        if tile is not None:
            tile.set_stats(stats)
        self.participants.set_stats(peer_id, stats)

    @Slot(str, str, str, object)
    def _on_chat(self, peer_id: str, office: str, text: str, sent_at: datetime) -> None:
        self.chat.add_message(office, text, sent_at)

    @Slot(str, bool, bool)
    def _on_peer_media_state(self, peer_id: str, audio_muted: bool, video_enabled: bool) -> None:
        tile = self.tiles.get(peer_id)
        if tile is not None:
            tile.set_muted(audio_muted)
            tile.set_video_off(not video_enabled)

    @Slot(str, bool)
    def _on_video_paused(self, peer_id: str, paused: bool) -> None:
        tile = self.tiles.get(peer_id)
        if tile is not None:
            tile.set_video_paused(paused)

    @Slot(str, object)
    def _on_verification(self, peer_id: str, state: object) -> None:
        """Badge the tile and the list; say it in the chat when verified or intercepted."""
        tile = self.tiles.get(peer_id)
        previous = tile.verification if tile is not None else None
        if tile is not None:
            tile.set_verification(state)  # type: ignore[arg-type]
        self.participants.set_verification(peer_id, state)  # type: ignore[arg-type]
        status = getattr(state, "status", "")
        if previous is not None and previous.status == status:
            return
        office = self.controller.participants().get(peer_id, "")
        if status == "verified":
            self.chat.add_notice(verified_notice(office, state))  # type: ignore[arg-type]
        elif status == "mismatch":
            self.chat.add_notice(intercepted_notice(office))

    @Slot(str)
    def _on_error(self, message: str) -> None:
        self.chat.add_notice(self.tr("Problem: {message}").format(message=message))

    # ------------------------------------------------------------------ user actions

    @Slot(str)
    def _send_chat(self, text: str) -> None:
        def done(_result: object, error: BaseException | None) -> None:
            if error is None:
                self.chat.add_message(self.tr("You"), text)

        self.controller.send_chat(text, done)

    @Slot(bool)
    def _set_muted(self, muted: bool) -> None:
        self.controller.set_audio_muted(muted)
        self.self_tile.set_muted(muted)

    @Slot(bool)
    def _set_camera(self, enabled: bool) -> None:
        self.controller.set_video_enabled(enabled)
        self.self_tile.set_video_off(not enabled)
        if self.media is not None:
            self.media.set_preview_running(enabled)

    @Slot(str)
    def _choose_camera(self, device_id: str) -> None:
        if self.media is not None and device_id != self.media.camera_id:
            self.controller.replace_video_source(self.media.use_camera(device_id))

    @Slot(str)
    def _choose_microphone(self, device_id: str) -> None:
        if self.media is not None and device_id != self.media.microphone_id:
            self.controller.replace_audio_source(self.media.use_microphone(device_id))

    @Slot()
    def leave(self) -> None:
        """Leave the call (the window stays, showing 'left'); once ended, close the window."""
        if self.controller.state in ("connecting", "connected", "hub_offline", "reconnecting"):
            self.controller.leave()
        else:
            self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Closing leaves the call and releases the devices and the engine thread."""
        self.presenting.close()
        self.controller.shutdown()
        if self.media is not None:
            self.media.stop()
        self.sig_closed.emit()
        super().closeEvent(event)
