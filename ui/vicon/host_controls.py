"""Host controls and the speaking highlight in the call window.

A "Meeting" tab beside Chat: any office raises or lowers its hand; the host also locks the
meeting and admits or denies offices waiting in the lobby. "Leave" asks first: the host chooses
between leaving and ending the meeting for everyone, the others confirm leaving. The hub
enforces all of it (docs/protocol.md §11); the UI only asks. The tile of whoever speaks gets a
green frame; the engine's speaking state already has hysteresis, so it does not flicker.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from conferencing.hosting_engine import MuteRequested, RoomStateChanged
from conferencing.speaking import AudioLevels
from ui.vicon.lobby_panel import LobbyPanel

SELF_ID = ""  # the call window's key for our own tile (ui/vicon/call_window.py)


class SpeakingFrame(QFrame):
    """A green frame over a tile while its office speaks (lets mouse clicks through)."""

    def __init__(self, tile: QWidget) -> None:
        super().__init__(tile)
        self.setObjectName("speakingFrame")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hand = QLabel(self.tr("Hand raised"), self)
        self.hand.setStyleSheet("background: #fff3c4; color: #5a4500; padding: 2px 6px;")
        self.hand.hide()
        tile.installEventFilter(self)
        self.setGeometry(tile.rect())
        self.speaking = False
        self.set_speaking(False)

    def set_speaking(self, speaking: bool) -> None:
        """Show or hide the frame (the hand badge stays as it is)."""
        self.speaking = speaking
        self.setStyleSheet(
            "#speakingFrame { border: 4px solid "
            + ("#2e9d4f" if speaking else "transparent")
            + "; border-radius: 4px; }"
        )
        self.raise_()
        self.show()

    def set_hand(self, up: bool) -> None:
        """Show or hide the raised-hand badge."""
        self.hand.adjustSize()
        self._place_hand()
        self.hand.setVisible(up)

    def _place_hand(self) -> None:
        # Top right, under the signal bars: the top left holds the verification label. The
        # host's "⋯" button sits there too (ui/vicon/office_actions.py): the hand goes beside it.
        right = self.width() - 10
        tile = self.parentWidget()
        button = tile.findChild(QWidget, "officeActions") if tile is not None else None
        if button is not None and button.isVisible():
            right = button.x() - 6
        self.hand.move(max(8, right - self.hand.width()), 30)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
            self._place_hand()
        return False


class MeetingPanel(QWidget):
    """The "Meeting" tab: raise hand for everyone; lock and the lobby for the host."""

    sig_hand = Signal(bool)
    sig_lock = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        col = QVBoxLayout(self)
        self.hand_button = QPushButton(self.tr("Raise hand"), self)
        self.hand_button.setCheckable(True)
        self.hand_button.toggled.connect(self._hand_toggled)
        col.addWidget(self.hand_button)
        # The speaker view full screen on the meeting-room TV; controls stay here.
        self.room_button = QPushButton(self.tr("Show on a room screen"), self)
        col.addWidget(self.room_button)
        self.host_box = QWidget(self)
        host_col = QVBoxLayout(self.host_box)
        host_col.setContentsMargins(0, 8, 0, 0)
        self.lock_box = QCheckBox(self.tr("Lock the meeting"))
        self.lock_box.toggled.connect(self.sig_lock.emit)
        host_col.addWidget(self.lock_box)
        hint = QLabel(self.tr("New offices wait in the lobby until you admit them."), self)
        hint.setWordWrap(True)
        host_col.addWidget(hint)
        host_col.addWidget(QLabel(f"<b>{self.tr('Lobby')}</b>", self.host_box))
        self.lobby = LobbyPanel(self.host_box)
        host_col.addWidget(self.lobby)
        col.addWidget(self.host_box)
        col.addStretch(1)
        self.host_box.hide()

    def _hand_toggled(self, up: bool) -> None:
        self.hand_button.setText(self.tr("Lower hand") if up else self.tr("Raise hand"))
        self.sig_hand.emit(up)

    def show_room(self, state: RoomStateChanged, own_peer_id: str) -> None:
        """Follow the hub's room state (host part only for the host)."""
        self.host_box.setVisible(state.is_host)
        self.lock_box.blockSignals(True)
        self.lock_box.setChecked(state.locked)
        self.lock_box.blockSignals(False)
        self.lobby.set_waiting(state.lobby)
        up = own_peer_id in state.hands
        if self.hand_button.isChecked() != up:
            self.hand_button.blockSignals(True)
            self.hand_button.setChecked(up)
            self.hand_button.setText(self.tr("Lower hand") if up else self.tr("Raise hand"))
            self.hand_button.blockSignals(False)


def _t(text: str) -> str:
    return QCoreApplication.translate("LeaveDialog", text)


def ask_leave(parent: QWidget, is_host: bool) -> str:
    """Ask how to leave: ``"leave"``, ``"end"`` (host only) or ``""`` (stay)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_t("Leave the meeting"))
    stay = box.addButton(_t("Stay"), QMessageBox.ButtonRole.RejectRole)
    leave = box.addButton(_t("Leave"), QMessageBox.ButtonRole.AcceptRole)
    end = None
    if is_host:
        box.setText(
            _t("Leave the meeting, or end it for every office? Ending disconnects everyone.")
        )
        end = box.addButton(_t("End for everyone"), QMessageBox.ButtonRole.DestructiveRole)
    else:
        box.setText(_t("Leave the meeting? The other offices stay in the call."))
    box.setDefaultButton(stay)
    box.setObjectName("leaveDialog")
    box.exec()
    clicked = box.clickedButton()
    if clicked is leave:
        return "leave"
    if end is not None and clicked is end:
        return "end"
    return ""


class HostingPanel(QObject):
    """Wires host controls and the speaking highlight into one call window."""

    _hop = Signal(object)  # engine thread -> GUI thread
    #: The engine's active speaker changed (a peer id, or SELF_ID); the Speaker layout follows.
    sig_active = Signal(str)

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.controller = window.controller
        self.engine = self.controller.engine
        self.room = RoomStateChanged(None, False, frozenset(), (), False)
        self.speaking: frozenset[str] = frozenset()
        self.frames: dict[str, SpeakingFrame] = {}
        self.panel = MeetingPanel(window)
        window.add_side_panel(self.tr("Meeting"), self.panel)
        self.panel.sig_hand.connect(lambda up: self.engine.submit(self.engine.raise_hand(up)))
        self.panel.sig_lock.connect(lambda on: self.engine.submit(self.engine.lock_room(on)))
        self.panel.lobby.sig_admit.connect(lambda p: self.engine.submit(self.engine.admit(p)))
        self.panel.lobby.sig_deny.connect(lambda p: self.engine.submit(self.engine.deny(p)))
        # "Leave" asks first (the window's own slot still does the leaving).
        window.controls.sig_leave.disconnect(window.leave)
        window.controls.sig_leave.connect(self.leave_clicked)
        self._hop.connect(self._on_event)
        self.controller.sig_muted_on_entry.connect(self._on_muted_on_entry)
        self.engine.add_listener(self._from_engine)
        self.room_display: Any = None
        # The host's "⋯" menu on each remote tile: ask to mute, remove (ui/vicon/office_actions.py).
        from ui.vicon.office_actions import OfficeActions

        self.office_actions = OfficeActions(self)
        self.active = ""  # the engine's active speaker (a peer id, or SELF_ID)
        from ui.vicon.room_display import screens_menu

        self.panel.room_button.clicked.connect(
            lambda: screens_menu(self.panel, self.show_room_display).exec(
                self.panel.room_button.mapToGlobal(self.panel.room_button.rect().bottomLeft())
            )
        )

    def show_room_display(self, screen: Any) -> Any:
        """Show the speaker view full screen on ``screen`` (a QScreen); returns the window."""
        from ui.vicon.room_display import RoomDisplay

        if self.room_display is not None:
            self.room_display.close()
        self.room_display = RoomDisplay(self.window)
        self.room_display.view.set_active(self.active)
        self.room_display.show_on(screen)
        return self.room_display

    def _from_engine(self, event: object) -> None:
        # Engine thread: only the queued hop.
        if isinstance(event, RoomStateChanged | AudioLevels | MuteRequested):
            self._hop.emit(event)

    @Slot(object)
    def _on_event(self, event: object) -> None:
        if isinstance(event, RoomStateChanged):
            self.room = event
            self.panel.show_room(event, self.engine.peer_id)
            self.office_actions.sync()  # first: a hand badge makes room for the host's button
            self._paint_marks()
        elif isinstance(event, AudioLevels):
            own = self.engine.peer_id
            speaking = frozenset(SELF_ID if p == own else p for p in event.speaking)
            if event.active is not None:
                active = SELF_ID if event.active == own else event.active
                if active != self.active:
                    self.active = active
                    self.sig_active.emit(active)
                if self.room_display is not None:
                    self.room_display.view.set_active(self.active)
            if speaking != self.speaking:
                self.speaking = speaking
                self._paint_marks()
        elif isinstance(event, MuteRequested):
            self._show_muted()
            self.window.chat.add_notice(
                self.tr("The host asked you to mute. You are muted; unmute when you need to speak.")
            )

    @Slot(int)
    def _on_muted_on_entry(self, offices: int) -> None:
        self._show_muted()
        self.window.chat.add_notice(
            self.tr(
                "{count} offices are in this meeting, so you joined muted. "
                "Unmute (Ctrl+D) when you need to speak."
            ).format(count=offices)
        )

    def _show_muted(self) -> None:
        button = self.window.controls.mute_button
        if button.isCheckable() and not button.isChecked():
            button.setChecked(True)

    def tile_speaking(self, key: str) -> bool:
        """Whether the tile ``key`` (peer id, or the self tile's key) is highlighted."""
        frame = self.frames.get(key)
        return frame is not None and isValid(frame) and frame.speaking

    def _paint_marks(self) -> None:
        own = self.engine.peer_id
        hands = {SELF_ID if p == own else p for p in self.room.hands}
        # A tile that went (its office left) took its frame with it.
        self.frames = {
            k: f for k, f in self.frames.items() if k in self.window.tiles and isValid(f)
        }
        for key, tile in self.window.tiles.items():
            frame = self.frames.get(key)
            if frame is None or frame.parent() is not tile:
                frame = self.frames[key] = SpeakingFrame(tile)
            frame.set_speaking(key in self.speaking)
            frame.set_hand(key in hands)

    @Slot()
    def leave_clicked(self) -> None:
        """Ask, then leave or end the meeting for everyone."""
        if self.controller.state in ("left", "failed", None):
            self.window.leave()
            return
        choice = ask_leave(self.window, self.room.is_host)
        if choice == "end":
            self.engine.submit(self.engine.end_for_everyone())
        elif choice == "leave":
            self.window.leave()


def attach_hosting(window: QWidget) -> HostingPanel:
    """Give ``window`` (a CallWindow) the Meeting tab, the Leave question and the highlight."""
    panel = HostingPanel(window)
    window.hosting = panel  # type: ignore[attr-defined]
    return panel
