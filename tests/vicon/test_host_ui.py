"""Host controls and the speaking highlight in real call windows (real engines, real hub).

Re-runs itself under ``unshare -rn`` (see conftest). Bandung hosts (its own invitation is the
host's); the lobby panel admits and denies, the speaking frame follows the office whose tone is
on, and Leave asks: the host may end the meeting for everyone.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from conferencing.hosting_engine import RoomStateChanged
from conferencing.hub.embedded import EmbeddedHub
from tests.vicon.conftest import NETNS_ADDR, in_netns, install_indonesian, rerun_in_netns
from ui.vicon.call_window import CallWindow
from ui.vicon.controller import CallController
from ui.vicon.devices import LocalMedia
from ui.vicon.host_controls import SELF_ID, MeetingPanel

BANDUNG = "Pemerintah Kota Bandung"
PEKANBARU = "Pemerintah Kota Pekanbaru"
PALANGKARAYA = "Pemerintah Kota Palangkaraya"
MEDAN = "Pemerintah Kota Medan"
ROOM = "kb-bandung-pekanbaru"


def _open(office: str, hub: EmbeddedHub, *, host: bool = False) -> CallWindow:
    media = LocalMedia(office)  # no devices in tests: synthetic pattern and tone
    controller = CallController(
        office, video_source=media.video_source(), audio_source=media.audio_source()
    )
    window = CallWindow(controller, media, title=ROOM)
    window.resize(1100, 640)
    window.show()
    controller.join(hub.url, ROOM, hub.invite(ROOM, office, 600, host=host))
    return window


def _peer_of(window: CallWindow, office: str) -> str:
    return next(pid for pid, t in window.tiles.items() if pid and t.office == office)


def _answer_leave(button_text: str, seen: list[list[str]]) -> None:
    """Click ``button_text`` in the Leave question once it is open (records its buttons)."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, click)
            return
        seen.append([b.text() for b in box.buttons()])
        next(b for b in box.buttons() if b.text() == button_text).click()

    QTimer.singleShot(50, click)


@pytest.mark.netns
def test_lobby_admit_deny_speaking_highlight_and_leave_choices(
    qtbot: QtBot, request: pytest.FixtureRequest, screenshots: Path, tmp_path: Path
) -> None:
    if not in_netns():
        rerun_in_netns(request.node.nodeid)
        return
    hub = EmbeddedHub(ice_servers=[])
    hub.start(NETNS_ADDR, 0)
    windows: list[CallWindow] = []
    try:
        host = _open(BANDUNG, hub, host=True)
        guest = _open(PEKANBARU, hub)
        windows += [host, guest]
        qtbot.waitUntil(lambda: host.hosting.room.is_host, timeout=20000)
        qtbot.waitUntil(lambda: len(host.tiles) == 2 and len(guest.tiles) == 2, timeout=20000)
        assert not guest.hosting.room.is_host
        assert not host.hosting.panel.host_box.isHidden()
        assert guest.hosting.panel.host_box.isHidden()

        # Speaking highlight: only the office whose tone is on gets the frame, then it moves.
        guest.controls.mute_button.click()
        qtbot.waitUntil(lambda: host.hosting.tile_speaking(SELF_ID), timeout=15000)
        guest_peer = _peer_of(host, PEKANBARU)
        qtbot.waitUntil(lambda: not host.hosting.tile_speaking(guest_peer), timeout=15000)
        host.controls.mute_button.click()
        guest.controls.mute_button.click()
        qtbot.waitUntil(lambda: host.hosting.tile_speaking(guest_peer), timeout=15000)
        qtbot.waitUntil(lambda: not host.hosting.tile_speaking(SELF_ID), timeout=15000)

        # Room display: the speaker view full screen on a chosen screen, the speaker large,
        # ourselves small; the call window keeps its controls.
        screen = QGuiApplication.screens()[-1]
        display = host.hosting.show_room_display(screen)
        qtbot.waitUntil(lambda: display.view.large_key() == guest_peer, timeout=10000)
        qtbot.waitUntil(lambda: guest_peer in display.view.images, timeout=10000)
        assert display.isFullScreen() and display.geometry() == screen.geometry()
        rects = display.view.layout_rects()
        assert rects[guest_peer].width() > 4 * rects[SELF_ID].width()
        assert rects[guest_peer].height() > 2 * rects[SELF_ID].height()
        assert host.controls.isVisible()  # the controls stay on the laptop window
        display.grab().save(str(screenshots / "call_room_display.png"))
        display.close()

        # Raise hand: the host sees the badge on the guest's tile.
        guest.hosting.panel.hand_button.click()
        qtbot.waitUntil(lambda: guest_peer in {*host.hosting.room.hands}, timeout=10000)
        assert not host.hosting.frames[guest_peer].hand.isHidden()

        # Lock: Palangkaraya waits in the lobby; Admit lets it in.
        host.hosting.panel.lock_box.click()
        qtbot.waitUntil(lambda: host.hosting.room.locked, timeout=10000)
        third = _open(PALANGKARAYA, hub)
        windows.append(third)
        lobby = host.hosting.panel.lobby
        qtbot.waitUntil(lambda: len(lobby.waiting()) == 1, timeout=15000)
        assert len(third.tiles) == 1  # nobody yet: it waits
        host.resize(1366, 768)
        host.side_tabs.setCurrentWidget(host.hosting.panel)
        host.grab().save(str(screenshots / "call_host_lobby_en.png"))
        admit, _deny = lobby.row_buttons(lobby.waiting()[0])
        admit.click()
        qtbot.waitUntil(lambda: len(third.tiles) == 3, timeout=20000)
        qtbot.waitUntil(lambda: lobby.waiting() == [], timeout=5000)

        # Medan waits and is denied: it is told in words.
        fourth = _open(MEDAN, hub)
        windows.append(fourth)
        qtbot.waitUntil(lambda: len(lobby.waiting()) == 1, timeout=15000)
        lobby.row_buttons(lobby.waiting()[0])[1].click()
        qtbot.waitUntil(lambda: fourth.controller.state == "failed", timeout=10000)
        assert "host did not" in fourth.banner.text()

        # Leave: a non-host is only asked to confirm; "Stay" keeps it in the call.
        seen: list[list[str]] = []
        _answer_leave("Stay", seen)
        guest.controls.sig_leave.emit()
        assert seen and "End for everyone" not in seen[-1] and "Leave" in seen[-1]
        assert guest.controller.state == "connected"

        # In Indonesian: the Meeting tab of a host with an office waiting, and the Leave words.
        translator = install_indonesian(tmp_path)
        try:
            panel = MeetingPanel()
            panel.show_room(
                RoomStateChanged("h0st", True, frozenset(), (("w1", MEDAN),), True), "h0st"
            )
            panel.resize(420, 300)
            panel.show()
            assert panel.lobby.row_buttons("w1")[0].text() == "Izinkan masuk"
            assert panel.hand_button.text() == "Angkat tangan"
            panel.grab().save(str(screenshots / "call_meeting_tab_lobby_id.png"))
            panel.close()
            assert QCoreApplication.translate("LeaveDialog", "End for everyone") == (
                "Akhiri untuk semua"
            )
        finally:
            QCoreApplication.removeTranslator(translator)

        # The host ends the meeting for everyone.
        _answer_leave("End for everyone", seen)
        host.controls.sig_leave.emit()
        assert "End for everyone" in seen[-1]
        qtbot.waitUntil(lambda: guest.controller.state == "failed", timeout=15000)
        qtbot.waitUntil(lambda: third.controller.state == "failed", timeout=15000)
        assert "host ended the" in guest.banner.text()
    finally:
        for window in windows:
            window.close()
        hub.stop()
