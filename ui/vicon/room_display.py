"""Room display: the speaker view full screen on a chosen screen (the meeting-room TV).

The call window stays on the laptop with every control; this window only shows. It follows the
call controller's frames, the self view and the engine's active speaker (through the hosting
panel of :mod:`ui.vicon.host_controls`).
"""

from __future__ import annotations

import contextlib
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QImage, QKeySequence, QScreen, QShortcut
from PySide6.QtWidgets import QMenu, QVBoxLayout, QWidget

from ui.vicon.speaker_view import SELF_KEY, SpeakerView


class RoomDisplay(QWidget):
    """A frameless full-screen window with the speaker view (Esc closes it)."""

    def __init__(self, window: Any) -> None:
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.setWindowTitle(self.tr("Lintas — room display"))
        self.view = SpeakerView(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self.close)
        self.window_ = window
        controller = window.controller
        self.view.set_office(SELF_KEY, self.tr("{office} (you)").format(office=controller.office))
        for peer_id, office in controller.participants().items():
            self.view.set_office(peer_id, office)
        for key, tile in window.tiles.items():
            if tile.image is not None:
                self.view.set_image(key, tile.image)
        controller.sig_participant_joined.connect(self.view.set_office)
        controller.sig_participant_left.connect(lambda peer, _office: self.view.remove(peer))
        controller.sig_frame.connect(self.view.set_image)
        if window.media is not None:
            window.media.sig_preview.connect(self._self_image)

    def _self_image(self, image: QImage) -> None:
        self.view.set_image(SELF_KEY, image)

    def show_on(self, screen: QScreen) -> None:
        """Full screen on ``screen``."""
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        self.showFullScreen()

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        controller = self.window_.controller
        for signal, slot in (
            (controller.sig_frame, self.view.set_image),
            (controller.sig_participant_joined, self.view.set_office),
        ):
            with contextlib.suppress(RuntimeError, TypeError):
                signal.disconnect(slot)
        super().closeEvent(event)


def screens_menu(parent: QWidget, choose: Any) -> QMenu:
    """A menu with one entry per connected screen; ``choose(screen)`` on a click."""
    menu = QMenu(parent)
    for index, screen in enumerate(QGuiApplication.screens(), start=1):
        size = screen.geometry().size()
        text = QCoreApplication.translate("RoomDisplay", "Screen {n}: {name} ({w}×{h})").format(
            n=index, name=screen.name() or "-", w=size.width(), h=size.height()
        )
        action = menu.addAction(text)
        action.triggered.connect(lambda _checked=False, s=screen: choose(s))
    return menu
