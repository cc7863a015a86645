"""Joining a meeting of five offices or more starts muted, in a real call window.

Re-runs itself under ``unshare -rn`` (see conftest). Four offices are in the call (real engines,
the real hub) when Bandung's call window joins as the fifth: its microphone starts muted, the
Mute button says so, the chat says why and how to speak, the others are told it is muted, and
its muted microphone sends a frame every 400 ms (conferencing/dtx.py). The offices that joined
a smaller call were not muted. Unmuting is one click. In Indonesian, the notice is translated.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from conferencing.engine import CallEngine
from conferencing.events import AppMessageReceived, EngineEvent
from conferencing.hub.embedded import EmbeddedHub
from tests.vicon.conftest import (
    NETNS_ADDR,
    engines_in_call,
    in_netns,
    install_indonesian,
    open_call_window,
    rerun_in_netns,
)
from ui.vicon.call_window import CallWindow
from ui.vicon.controller import MEDIA_STATE_KIND, MUTE_ON_ENTRY_OFFICES

ROOM = "apeksi-komisi-smart-city"
EARLIER = [f"Pemerintah Kota {c}" for c in ("Pekanbaru", "Palangkaraya", "Medan", "Makassar")]
BANDUNG = "Pemerintah Kota Bandung"


@pytest.mark.netns
@pytest.mark.parametrize("language", ["en", "id"])
def test_the_fifth_office_joins_muted_and_unmutes_with_one_click(
    qtbot: QtBot, request: pytest.FixtureRequest, screenshots: Path, tmp_path: Path, language: str
) -> None:
    if not in_netns():
        rerun_in_netns(request.node.nodeid)
        return
    assert MUTE_ON_ENTRY_OFFICES == 5
    translator = install_indonesian(tmp_path) if language == "id" else None
    hub = EmbeddedHub(ice_servers=[])
    hub.start(NETNS_ADDR, 0)
    assert hub.server is not None
    hub.server.max_peers = 5  # no Janus here: a mesh of five
    engines: list[CallEngine] = []
    told: list[tuple[str, object]] = []
    window: CallWindow | None = None
    try:
        engines = engines_in_call(hub, ROOM, EARLIER, 5)

        def heard(event: EngineEvent) -> None:
            if isinstance(event, AppMessageReceived) and event.kind == MEDIA_STATE_KIND:
                told.append((event.office, event.payload.get("audio_muted")))

        engines[0].add_listener(heard)
        window = open_call_window(BANDUNG, hub, ROOM)
        controller = window.controller
        qtbot.waitUntil(lambda: len(window.tiles) == 5, timeout=40000)
        button = window.controls.mute_button
        qtbot.waitUntil(button.isChecked, timeout=20000)
        assert controller.audio_muted and controller.engine.mic_muted
        unmute = QCoreApplication.translate("CallControls", "Unmute")
        assert button.text() == unmute
        transcript = window.chat.transcript.toPlainText()
        expected = QCoreApplication.translate(
            "HostingPanel",
            "{count} offices are in this meeting, so you joined muted. "
            "Unmute (Ctrl+D) when you need to speak.",
        ).format(count=5)
        assert expected in transcript
        if language == "id":
            assert "bergabung" in expected and "Ctrl+D" in expected  # translated, not English
        # The others are told (their tiles show the muted microphone) ...
        qtbot.waitUntil(lambda: (BANDUNG, True) in told, timeout=20000)
        # ... and the offices that joined a call of four or fewer were not muted.
        assert not any(e.mic_muted for e in engines)
        # Muted, the microphone sends a frame every 400 ms, not 50 a second.
        gate = controller.engine.audio_gate
        assert gate is not None
        qtbot.waitUntil(lambda: gate.frames_held > 4 * gate.frames_sent, timeout=20000)
        window.grab().save(str(screenshots / f"call_entry_muted_{language}.png"))

        button.click()  # Unmute
        qtbot.waitUntil(lambda: not controller.engine.mic_muted, timeout=5000)
        assert button.text() == QCoreApplication.translate("CallControls", "Mute")
        qtbot.waitUntil(lambda: (BANDUNG, False) in told, timeout=20000)
    finally:
        if window is not None:
            window.controller.shutdown()
            window.close()
        for engine in engines:
            engine.stop()
        hub.stop()
        if translator is not None:
            QCoreApplication.removeTranslator(translator)
