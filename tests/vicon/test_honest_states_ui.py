"""The call window tells the truth about a degraded call (real engines, real hub, namespace).

A frozen picture with live sound says "Video paused: poor connection" on that tile and the call
stays "Connected"; the hub going away while media flows says "Hub offline; the call continues",
not "reconnecting". Checked in Indonesian, with screenshots.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from conferencing.hub.embedded import EmbeddedHub
from tests.conferencing.adapt_scenarios import HangingVideoSource
from tests.vicon.conftest import NETNS_ADDR, in_netns, install_indonesian, rerun_in_netns
from tests.vicon.test_call_window import BANDUNG, PEKANBARU, _close, _open, _remote_tile


@pytest.mark.netns
def test_paused_video_and_hub_offline_are_said_in_indonesian(
    qtbot: QtBot, request: pytest.FixtureRequest, screenshots: Path, tmp_path: Path
) -> None:
    if not in_netns():
        rerun_in_netns(request.node.nodeid)
        return
    translator = install_indonesian(tmp_path)
    hub = EmbeddedHub()
    hub.start(host=NETNS_ADDR)
    a = _open(BANDUNG, hub)
    b = _open(PEKANBARU, hub)
    try:
        a.resize(1366, 768)
        qtbot.waitUntil(
            lambda: len(a.tiles) > 1 and _remote_tile(a).frames_shown > 5, timeout=20000
        )
        tile = _remote_tile(a)
        assert tile.status_text == ""
        # Pekanbaru's camera hangs; its sound goes on.
        b.controller.replace_video_source(HangingVideoSource())
        qtbot.waitUntil(lambda: tile.video_paused, timeout=5000)
        assert tile.status_text == "Video terhenti: koneksi buruk"
        assert a.state_text == "Terhubung"  # a paused picture is not a lost call
        qtbot.wait(200)
        assert a.grab().save(str(screenshots / "call_window_video_paused_id.png"))
        # The hub goes away while the media flows on.
        hub.stop()
        qtbot.waitUntil(lambda: a.banner.property("state") == "hub_offline", timeout=10000)
        assert a.state_text == "Hub luring; panggilan tetap berjalan", a.state_text
        assert a.chat.input.isEnabled()  # chat goes over the peer link, not the hub
        qtbot.wait(200)
        assert a.grab().save(str(screenshots / "call_window_hub_offline_id.png"))
    finally:
        _close(a, b)
        if hub.server is not None:
            hub.stop()
        QCoreApplication.removeTranslator(translator)
