"""Gallery / Speaker layouts and the host's end of the meeting in real call windows.

Three real engines through the real hub (re-runs itself under ``unshare -rn``, see conftest).
The office whose tone is on is shown large in Speaker mode; the self view is smaller than the
other offices in both modes; the SFU's visible set follows the speaker view; when the host ends
the meeting the banner says so (English and Indonesian), never "Call failed".
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from conferencing.hub.embedded import EmbeddedHub
from tests.vicon.conftest import NETNS_ADDR, in_netns, install_indonesian, rerun_in_netns
from ui.vicon.call_window import SELF_ID, CallWindow
from ui.vicon.controller import CallController
from ui.vicon.devices import LocalMedia

BANDUNG = "Pemerintah Kota Bandung"
PEKANBARU = "Pemerintah Kota Pekanbaru"
PALANGKARAYA = "Pemerintah Kota Palangkaraya"
ROOM = "kb-bandung-pekanbaru"


def _open(office: str, hub: EmbeddedHub, *, host: bool = False) -> CallWindow:
    media = LocalMedia(office)  # no devices in tests: synthetic pattern and tone
    controller = CallController(
        office, video_source=media.video_source(), audio_source=media.audio_source()
    )
    window = CallWindow(controller, media, title=ROOM)
    window.resize(1366, 768)
    window.show()
    controller.join(hub.url, ROOM, hub.invite(ROOM, office, 600, host=host))
    return window


def _peer_of(window: CallWindow, office: str) -> str:
    return next(pid for pid, t in window.tiles.items() if pid and t.office == office)


def _end_for_everyone(button_text: str) -> None:
    """Answer the host's Leave question with "End for everyone" once it is open."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, click)
            return
        next(b for b in box.buttons() if b.text() == button_text).click()

    QTimer.singleShot(50, click)


#: What the user reads, per UI language.
WORDS = {
    "en": {
        "speaker": "Speaker view",
        "gallery": "Gallery view",
        "ended": "The host ended the meeting.",
        "failed": "Call failed",
        "end": "End for everyone",
        "problem": "Problem:",
        "removed": "The host removed this office from the meeting.",
    },
    "id": {
        "speaker": "Tampilan pembicara",
        "gallery": "Tampilan galeri",
        "ended": "Tuan rumah mengakhiri rapat.",
        "failed": "Panggilan gagal",
        "end": "Akhiri untuk semua",
        "problem": "Masalah:",
        "removed": "Tuan rumah mengeluarkan kantor ini dari rapat.",
    },
}


@pytest.mark.netns
@pytest.mark.parametrize("language", ["en", "id"])
def test_speaker_layout_self_thumbnail_and_host_ended_banner(
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

        # Gallery: the self view is a thumbnail, smaller than the other offices' tiles.
        qtbot.waitUntil(lambda: host.tiles[pekanbaru].isVisible(), timeout=5000)
        own, other = host.self_tile.geometry(), host.tiles[pekanbaru].geometry()
        assert own.width() < other.width() and own.height() < other.height()
        assert host.self_tile.isVisible()
        assert host.self_tile not in host.gallery.page_tiles()

        # Speaker: only Pekanbaru's tone is on, so Pekanbaru is large.
        layout = host.call_layout
        assert layout.button.text() == words["speaker"]
        layout.button.click()
        assert layout.mode == "speaker" and layout.button.text() == words["gallery"]
        assert layout.view.isVisible() and not host.gallery.isVisible()
        host.controls.mute_button.click()
        second.controls.mute_button.click()
        qtbot.waitUntil(lambda: layout.view.active == pekanbaru, timeout=20000)
        rects = layout.view.layout_rects()
        assert rects[pekanbaru].width() > 3 * rects[palangkaraya].width()
        assert rects[pekanbaru].width() > 3 * rects[SELF_ID].width()
        # The SFU would forward the speaker and the strip: both offices, never ourselves.
        qtbot.waitUntil(
            lambda: host.controller.visible_peers == frozenset({pekanbaru, palangkaraya}),
            timeout=5000,
        )

        # The speaker changes: Palangkaraya's tone on, Pekanbaru's off.
        first.controls.mute_button.click()
        second.controls.mute_button.click()
        qtbot.waitUntil(lambda: layout.view.active == palangkaraya, timeout=20000)
        rects = layout.view.layout_rects()
        assert rects[palangkaraya].width() > 3 * rects[pekanbaru].width()
        assert rects[pekanbaru].width() > rects[SELF_ID].width() // 2
        qtbot.waitUntil(lambda: palangkaraya in layout.view.images, timeout=10000)
        host.grab().save(str(screenshots / f"call_speaker_layout_{language}.png"))

        # Back to Gallery: the gallery's page decides the visible set again.
        layout.button.click()
        assert layout.mode == "gallery" and host.gallery.isVisible()

        # The host removes Palangkaraya: it is told so, not "Call failed", and gets no Rejoin.
        engine = host.controller.engine
        engine.submit(engine.remove_office(palangkaraya))
        qtbot.waitUntil(lambda: second.controller.state == "failed", timeout=15000)
        banner = second.banner.text()
        assert banner.startswith(words["removed"]), banner
        assert words["failed"] not in banner and "Call failed" not in banner
        assert second.controls.rejoin_button.isHidden()
        qtbot.waitUntil(lambda: palangkaraya not in host.tiles, timeout=10000)

        # The host ends the meeting: the others are told so, not "Call failed".
        _end_for_everyone(words["end"])
        host.controls.sig_leave.emit()
        qtbot.waitUntil(lambda: first.controller.state == "failed", timeout=15000)
        banner = first.banner.text()
        assert banner.startswith(words["ended"]), banner
        assert words["failed"] not in banner and "Call failed" not in banner
        assert "hub" not in banner.lower()
        assert first.controls.rejoin_button.isHidden()  # the host closed it: no Rejoin
        assert words["problem"] not in first.chat.transcript.toPlainText()  # said once, above
        first.grab().save(str(screenshots / f"call_host_ended_{language}.png"))
    finally:
        if translator is not None:
            QCoreApplication.removeTranslator(translator)
        for window in windows:
            window.close()
        hub.stop()
