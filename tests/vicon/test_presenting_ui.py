"""Presenting in real call windows: two engines through the real hub (inside a network namespace).

Bandung presents its agreement draft (rendered by the final renderer, KONSEP on every page);
Pekanbaru's window shows it large, with the offices as thumbnails, and pages follow. A second
presenter is told who presents; then Pekanbaru shares its screen.
Screenshots of presenter and viewer at 1366x768, in English and Indonesian.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from conferencing.hub.embedded import EmbeddedHub
from tests.vicon.conftest import (
    NETNS_ADDR,
    in_netns,
    install_indonesian,
    make_context,
    open_call_window,
    rerun_in_netns,
)
from ui.vicon.call_window import CallWindow
from ui.vicon.frames import rgb_from_image

BANDUNG = "Pemerintah Kota Bandung"
PEKANBARU = "Pemerintah Kota Pekanbaru"
ROOM = "kb-presenting"


def _open(office: str, hub: EmbeddedHub) -> CallWindow:
    return open_call_window(office, hub, ROOM)


def _in_call(a: CallWindow, b: CallWindow) -> bool:
    return all(any(pid and t.frames_shown > 3 for pid, t in w.tiles.items()) for w in (a, b))


def _run(qtbot: QtBot, tmp_path: Path, screenshots: Path, suffix: str, texts: dict) -> None:
    from tests.agreements_ui.conftest import create_agreement

    context = make_context(tmp_path / "bandung", "Bandung", "Wali Kota Bandung")
    agreement_id = create_agreement(context, "Pekanbaru")
    hub = EmbeddedHub()
    hub.start(host=NETNS_ADDR)
    a, b = _open(BANDUNG, hub), _open(PEKANBARU, hub)
    try:
        qtbot.waitUntil(lambda: _in_call(a, b), timeout=30000)
        a.presenting.set_database(context.database)
        assert a.presenting.button.text() == texts["present"]
        a.presenting.present_agreement(agreement_id)
        viewer = b.presenting.stage
        qtbot.waitUntil(
            lambda: viewer.isVisible() and viewer.picture.image is not None, timeout=20000
        )
        # The viewer: the draft large (a portrait page, 2160 px tall, sharp enough to read),
        # the video grid replaced by thumbnails of both offices.
        image = viewer.picture.image
        assert image.height() == 2160 and image.width() < image.height()
        assert not b.gallery.isVisible()
        assert viewer.caption.text() == texts["from"]
        assert set(viewer.thumbnails) == {"", a.controller.engine.peer_id}
        qtbot.waitUntil(
            lambda: all(t.frames > 0 for t in viewer.thumbnails.values()), timeout=10000
        )
        assert viewer.picture.width() > 3 * viewer.thumbnails[""].width()  # shown large
        # The first page is what arrives (the decoded picture matches the page sent).
        sent = a.presenting.pages[0]
        got = rgb_from_image(image)
        assert got.shape == sent.shape
        assert abs(float(got.mean()) - float(sent.mean())) < 3.0
        # The presenter sees its own page, with page navigation.
        stage = a.presenting.stage
        assert stage.isVisible() and stage.caption.text() == texts["you"]
        assert len(a.presenting.pages) >= 2 and a.presenting.next_button.isVisible()
        qtbot.wait(1500)
        assert a.grab().save(str(screenshots / f"call_window_presenter{suffix}.png"))
        assert b.grab().save(str(screenshots / f"call_window_viewer{suffix}.png"))
        # Next page: the viewer's picture follows.
        first = rgb_from_image(viewer.picture.image)
        a.presenting.next_button.click()
        qtbot.waitUntil(
            lambda: (
                abs(float(rgb_from_image(viewer.picture.image).mean()) - float(first.mean())) > 0.2
            ),
            timeout=10000,
        )
        assert stage.page_label.text() == texts["page2"].format(count=len(a.presenting.pages))
        # A second presenter is told who presents.
        b.presenting.present_catalogue()
        qtbot.waitUntil(lambda: texts["busy"] in _chat_text(b), timeout=10000)
        assert b.presenting.presenting is False
        # Stop: both windows go back to the video grid.
        a.presenting.stop_button.click()
        # The presenter's stage closes when the hub clears the presenter slot (asynchronous).
        qtbot.waitUntil(
            lambda: not viewer.isVisible() and b.gallery.isVisible() and not stage.isVisible(),
            timeout=10000,
        )
        # Pekanbaru shares its screen (Qt's screen capture; offscreen, the virtual screen).
        b.presenting.share_screen()
        qtbot.waitUntil(
            lambda: stage.isVisible() and stage.picture.image is not None, timeout=20000
        )
        screen = QGuiApplication.primaryScreen().size()
        assert (stage.picture.image.width(), stage.picture.image.height()) == (
            screen.width(),
            screen.height(),
        )
        assert stage.caption.text() == texts["from_pekanbaru"]
        b.presenting.stop()
        qtbot.waitUntil(lambda: not stage.isVisible(), timeout=10000)
    finally:
        for window in (a, b):
            window.close()
        hub.stop()


def _chat_text(window: CallWindow) -> str:
    return window.chat.transcript.toPlainText()


@pytest.mark.netns
def test_presenting_an_agreement_draft_shows_it_large_with_thumbnails(
    qtbot: QtBot, request: pytest.FixtureRequest, screenshots: Path, tmp_path: Path
) -> None:
    if not in_netns():
        rerun_in_netns(request.node.nodeid, timeout=300)
        return
    _run(qtbot, tmp_path, screenshots, "", {
        "present": "Present",
        "from": f"Presentation from {BANDUNG}",
        "you": "You are presenting",
        "page2": "Page 2 of {count}",
        "busy": f"{BANDUNG} is presenting",
        "from_pekanbaru": f"Presentation from {PEKANBARU}",
    })  # fmt: skip


@pytest.mark.netns
def test_presenting_in_indonesian(
    qtbot: QtBot, request: pytest.FixtureRequest, screenshots: Path, tmp_path: Path
) -> None:
    if not in_netns():
        rerun_in_netns(request.node.nodeid, timeout=300)
        return
    translator = install_indonesian(tmp_path)
    try:
        _run(qtbot, tmp_path, screenshots, "_id", {
            "present": "Presentasikan",
            "from": f"Presentasi dari {BANDUNG}",
            "you": "Anda sedang mempresentasikan",
            "page2": "Halaman 2 dari {count}",
            "busy": f"{BANDUNG} sedang mempresentasikan",
            "from_pekanbaru": f"Presentasi dari {PEKANBARU}",
        })  # fmt: skip
    finally:
        QCoreApplication.removeTranslator(translator)
