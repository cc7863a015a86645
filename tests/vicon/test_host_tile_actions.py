"""The host asks an office to mute and removes another, from the tiles of its call window.

Three real engines through the real hub (re-runs itself under ``unshare -rn``, see conftest).
The host opens the "⋯" menu on an office's tile and clicks: the office is muted and told so in
its chat; the removed office is asked first by name, then leaves with its banner saying why,
and its tile goes from the host's window. Non-hosts have no such button.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, Qt, QTimer
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from conferencing.hub.embedded import EmbeddedHub
from tests.vicon.conftest import NETNS_ADDR, in_netns, install_indonesian, rerun_in_netns
from tests.vicon.test_speaker_layout import BANDUNG, PALANGKARAYA, PEKANBARU, _open, _peer_of
from ui.vicon.call_window import CallWindow

WORDS = {
    "en": {
        "mute": "Ask to mute",
        "remove": "Remove from the session…",
        "confirm": "Remove",
        "cancel": "Cancel",
        "asked": "The host asked you to mute.",
        "removed": "The host removed this office from the meeting.",
    },
    "id": {
        "mute": "Minta mematikan mikrofon",
        "remove": "Keluarkan dari sesi…",
        "confirm": "Keluarkan",
        "cancel": "Batal",
        "asked": "Tuan rumah meminta Anda mematikan mikrofon.",
        "removed": "Tuan rumah mengeluarkan kantor ini dari rapat.",
    },
}


def _shot_with_popup(window: QWidget, popup: QWidget, path: Path) -> None:
    """The window with a popup (menu, dialog) drawn where it opened: one picture, as seen."""
    picture = window.grab()
    painter = QPainter(picture)
    at = window.mapFromGlobal(popup.mapToGlobal(QPoint(0, 0)))
    anchor = popup.parentWidget() if isinstance(popup, QMenu) else None
    if anchor is not None:  # the offscreen screen is smaller than the window: Qt moved the menu
        below = anchor.mapTo(window, QPoint(anchor.width() - popup.width(), anchor.height()))
        at = QPoint(max(0, below.x()), below.y())
    if isinstance(popup, QMessageBox):  # a dialog opens centred over its window
        at = QPoint((window.width() - popup.width()) // 2, (window.height() - popup.height()) // 2)
    painter.drawPixmap(at, popup.grab())
    painter.end()
    picture.save(str(path))


def _when_open(kind: type, act: Callable[[QWidget], None]) -> None:
    """Run ``act`` on the popup or modal dialog of ``kind`` once it is open."""

    def poll() -> None:
        widget = QApplication.activePopupWidget() or QApplication.activeModalWidget()
        if not isinstance(widget, kind) or not widget.isVisible():
            QTimer.singleShot(30, poll)
            return
        act(widget)

    QTimer.singleShot(30, poll)


def _choose(menu: QWidget, text: str) -> None:
    assert isinstance(menu, QMenu)
    action = next(a for a in menu.actions() if a.text() == text)
    menu.close()
    action.trigger()


@pytest.mark.netns
@pytest.mark.parametrize("language", ["en", "id"])
def test_host_mutes_and_removes_from_the_tiles(
    qtbot: QtBot, request: pytest.FixtureRequest, screenshots: Path, tmp_path: Path, language: str
) -> None:
    if not in_netns():
        rerun_in_netns(request.node.nodeid)
        return
    hub = EmbeddedHub(ice_servers=[])
    hub.start(NETNS_ADDR, 0)
    windows: list[CallWindow] = []
    words = WORDS[language]
    translator = install_indonesian(tmp_path) if language == "id" else None
    try:
        host = _open(BANDUNG, hub, host=True)
        first = _open(PEKANBARU, hub)
        second = _open(PALANGKARAYA, hub)
        windows += [host, first, second]
        qtbot.waitUntil(lambda: all(len(w.tiles) == 3 for w in windows), timeout=30000)
        pekanbaru, palangkaraya = _peer_of(host, PEKANBARU), _peer_of(host, PALANGKARAYA)
        actions = host.hosting.office_actions
        qtbot.waitUntil(
            lambda: (
                actions.button_for(pekanbaru) is not None
                and actions.button_for(palangkaraya) is not None
            ),
            timeout=10000,
        )
        button = actions.button_for(pekanbaru)
        assert button is not None and button.isVisible()
        # On the tile, inside it, not over the name bar (bottom left).
        tile = host.tiles[pekanbaru]
        assert tile.rect().contains(button.geometry())
        assert button.geometry().left() > tile.width() // 2
        assert button.geometry().top() < tile.height() // 2  # clear of the self thumbnail
        # Non-hosts never get the controls, on any tile.
        for window in (first, second):
            assert not window.hosting.office_actions.buttons
            assert not window.findChildren(QWidget, "officeActions")

        # Ask Pekanbaru to mute: it is muted and told so.
        assert not first.controls.mute_button.isChecked()

        def pick_mute(menu: QWidget) -> None:
            _shot_with_popup(host, menu, screenshots / f"call_host_tile_menu_{language}.png")
            assert [a.text() for a in menu.actions()] == [words["mute"], words["remove"]]
            _choose(menu, words["mute"])

        _when_open(QMenu, pick_mute)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: first.controls.mute_button.isChecked(), timeout=10000)
        assert words["asked"] in first.chat.transcript.toPlainText()
        qtbot.waitUntil(lambda: host.tiles[pekanbaru].muted, timeout=10000)
        assert PEKANBARU in host.chat.transcript.toPlainText()

        # Remove Palangkaraya: asked first, by name; Cancel removes nobody.
        remove_button = actions.button_for(palangkaraya)
        assert remove_button is not None
        seen: list[str] = []

        def cancel(box: QWidget) -> None:
            assert isinstance(box, QMessageBox)
            seen.append(box.text())
            assert [b.text() for b in box.buttons()] == [words["cancel"], words["confirm"]]
            next(b for b in box.buttons() if b.text() == words["cancel"]).click()

        _when_open(
            QMenu, lambda menu: (_when_open(QMessageBox, cancel), _choose(menu, words["remove"]))
        )
        remove_button.showMenu()
        qtbot.waitUntil(lambda: bool(seen), timeout=5000)
        assert PALANGKARAYA in seen[0]
        qtbot.wait(500)
        assert palangkaraya in host.tiles and second.controller.state == "connected"

        def confirm(box: QWidget) -> None:
            assert isinstance(box, QMessageBox)
            _shot_with_popup(host, box, screenshots / f"call_host_remove_confirm_{language}.png")
            next(b for b in box.buttons() if b.text() == words["confirm"]).click()

        _when_open(
            QMenu, lambda menu: (_when_open(QMessageBox, confirm), _choose(menu, words["remove"]))
        )
        remove_button.showMenu()
        qtbot.waitUntil(lambda: second.controller.state == "failed", timeout=15000)
        assert second.banner.text().startswith(words["removed"])
        qtbot.waitUntil(lambda: palangkaraya not in host.tiles, timeout=10000)
        assert actions.button_for(palangkaraya) is None
        assert actions.button_for(pekanbaru) is not None  # the others keep theirs

        # In the Speaker layout the tiles are hidden: the participants list has the same menu.
        host.call_layout.button.click()
        assert not host.gallery.isVisible()
        first.controls.mute_button.click()  # Pekanbaru unmutes
        qtbot.waitUntil(lambda: not host.tiles[pekanbaru].muted, timeout=10000)
        people = host.participants
        row = people.row_of(pekanbaru)
        assert row is not None
        _when_open(QMenu, lambda menu: _choose(menu, words["mute"]))
        # What a right click on the row emits (QTest cannot synthesise context-menu events).
        people.customContextMenuRequested.emit(people.visualItemRect(row).center())
        qtbot.waitUntil(lambda: first.controls.mute_button.isChecked(), timeout=10000)
        # Our own row, and every row of a non-host's list, have no menu.
        assert actions.menu_for("", people) is None
        other = first.hosting.office_actions
        assert other.menu_for(_peer_of(first, BANDUNG), first.participants) is None
    finally:
        if translator is not None:
            QCoreApplication.removeTranslator(translator)
        for window in windows:
            window.close()
        hub.stop()


def test_identity_badge_leaves_room_for_the_host_button(qtbot: QtBot) -> None:
    """On a small tile (a full gallery page) the badge is cut short of the "⋯" button."""
    from ui.vicon.office_actions import OfficeButton
    from ui.vicon.video_tile import VideoTile

    tile = VideoTile("p1", "Pemerintah Kota Palangkaraya, Kalimantan Tengah")
    qtbot.addWidget(tile)
    tile.set_guest(True)  # the longest badge: "Guest (browser), not verified"
    tile.resize(220, 150)
    tile.show()
    qtbot.waitExposed(tile)
    wide, _lines = tile.verification_box()
    button = OfficeButton(tile, tile.office)
    button.show()
    tile.resize(221, 150)  # a resize places the button
    tile.resize(220, 150)
    box, lines = tile.verification_box()
    assert not box.intersects(button.geometry()), (box, button.geometry())
    assert box.width() < wide.width() and all(line for line in lines)
