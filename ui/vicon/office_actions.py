"""The host's actions on another office, from its tile: ask it to mute, or remove it.

Each remote tile gets a small "⋯" button in its bottom-right corner while this office hosts the
meeting (the hub's room state says who hosts; non-hosts never see the button). The hub enforces
both actions (docs/protocol.md §11): a request to mute is a request the other office sees in its
chat, and a removed office cannot come back into this session, so removal asks first and names
the office. The tile goes when the hub reports the office left.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt
from PySide6.QtWidgets import QMenu, QMessageBox, QToolButton, QWidget
from shiboken6 import isValid

SELF_ID = ""  # the call window's key for our own tile (ui/vicon/call_window.py)
BUTTON_TOP = 30  # below the tile's signal bars (8 px from the top, 16 px tall)


def _t(text: str) -> str:
    return QCoreApplication.translate("OfficeActions", text)


def confirm_removal(parent: QWidget, office: str) -> bool:
    """Ask the host whether to remove ``office`` for good from this session."""
    box = QMessageBox(parent)
    box.setObjectName("removeOfficeDialog")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_t("Remove an office"))
    box.setText(_t("Remove {office} from this session?").format(office=office))
    box.setInformativeText(
        _t("The office leaves the call at once and cannot join this session again.")
    )
    cancel = box.addButton(_t("Cancel"), QMessageBox.ButtonRole.RejectRole)
    remove = box.addButton(_t("Remove"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(cancel)  # an Enter pressed by habit removes nobody
    box.exec()
    return box.clickedButton() is remove


class OfficeButton(QToolButton):
    """The "⋯" button on one remote tile, with the host's menu for that office."""

    def __init__(self, tile: QWidget, office: str) -> None:
        super().__init__(tile)
        self.setObjectName("officeActions")
        self.setText("⋯")
        self.setToolTip(_t("Host actions for {office}").format(office=office))
        self.setAccessibleName(self.toolTip())
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setStyleSheet(
            "QToolButton#officeActions { background: rgba(0,0,0,170); color: white; "
            "border-radius: 4px; padding: 2px 10px; font-weight: bold; }"
            "QToolButton#officeActions::menu-indicator { image: none; }"
        )
        self.menu_ = QMenu(self)
        self.mute_action = self.menu_.addAction(_t("Ask to mute"))
        self.remove_action = self.menu_.addAction(_t("Remove from the session…"))
        self.setMenu(self.menu_)
        tile.installEventFilter(self)
        self._place()

    def _place(self) -> None:
        # Top right, under the signal bars: the bottom right of the last tile lies under the
        # self view's thumbnail, the bottom left holds the name bar, the top left the identity.
        tile = self.parentWidget()
        self.adjustSize()
        self.move(tile.width() - self.width() - 8, BUTTON_TOP)
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize:
            self._place()
        return False


class OfficeActions(QObject):
    """Keeps the host's "⋯" buttons on the remote tiles of one call window."""

    def __init__(self, hosting: Any) -> None:
        super().__init__(hosting)
        self.hosting = hosting
        self.window = hosting.window
        self.engine = hosting.engine
        self.buttons: dict[str, OfficeButton] = {}
        self.window.controller.sig_participant_joined.connect(lambda *_args: self.sync())
        # Connected after the window's own handler, so the tile is gone when this runs: the
        # button is forgotten at once, not only when Qt deletes the tile that holds it.
        self.window.controller.sig_participant_left.connect(lambda *_args: self.sync())
        # The same menu on the participants list: it stays on screen in the Speaker layout and
        # while someone presents, when most tiles are hidden.
        people = self.window.participants
        people.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        people.customContextMenuRequested.connect(self._list_menu)

    @property
    def is_host(self) -> bool:
        """Whether the hub's room state says this office hosts the meeting."""
        return bool(self.hosting.room.is_host)

    def button_for(self, peer_id: str) -> OfficeButton | None:
        """The "⋯" button on ``peer_id``'s tile (None when there is none: not the host)."""
        button = self.buttons.get(peer_id)
        return button if button is not None and isValid(button) else None

    def sync(self) -> None:
        """Give each remote tile its button while hosting; take them away otherwise."""
        tiles = self.window.tiles
        for peer_id in list(self.buttons):
            button = self.buttons[peer_id]
            if peer_id not in tiles or not isValid(button) or not self.is_host:
                if isValid(button):
                    button.deleteLater()
                del self.buttons[peer_id]
        if not self.is_host:
            return
        for peer_id, tile in tiles.items():
            if peer_id == SELF_ID or peer_id in self.buttons:
                continue
            button = OfficeButton(tile, tile.office)
            button.mute_action.triggered.connect(lambda _c=False, p=peer_id: self.ask_to_mute(p))
            button.remove_action.triggered.connect(lambda _c=False, p=peer_id: self.remove(p))
            button.show()
            self.buttons[peer_id] = button

    def menu_for(self, peer_id: str, parent: QWidget) -> QMenu | None:
        """The host's menu for ``peer_id`` (None for ourselves, an unknown office, a non-host)."""
        if not self.is_host or peer_id == SELF_ID or peer_id not in self.window.tiles:
            return None
        menu = QMenu(parent)
        menu.setObjectName("officeMenu")
        menu.addAction(_t("Ask to mute"), lambda: self.ask_to_mute(peer_id))
        menu.addAction(_t("Remove from the session…"), lambda: self.remove(peer_id))
        return menu

    def _list_menu(self, pos: QPoint) -> None:
        people = self.window.participants
        item = people.itemAt(pos)
        menu = self.menu_for(people.peer_of(item), people) if item is not None else None
        if menu is not None:
            menu.exec(people.viewport().mapToGlobal(pos))
            menu.deleteLater()

    def _office(self, peer_id: str) -> str:
        tile = self.window.tiles.get(peer_id)
        return tile.office if tile is not None else ""

    def ask_to_mute(self, peer_id: str) -> None:
        """Ask the office to mute (it decides; its microphone is its own)."""
        self.engine.submit(self.engine.ask_to_mute(peer_id))
        self.window.chat.add_notice(
            _t("You asked {office} to mute.").format(office=self._office(peer_id))
        )

    def remove(self, peer_id: str) -> bool:
        """Remove the office after the host confirms; returns whether it was asked to go."""
        office = self._office(peer_id)
        if not office or not confirm_removal(self.window, office):
            return False
        self.engine.submit(self.engine.remove_office(peer_id))
        return True
