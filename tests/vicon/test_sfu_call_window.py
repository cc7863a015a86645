"""A real call window through the move to Janus and back: the fifth office's view.

Re-runs itself under ``unshare -rn`` with a veth pair (Janus skips loopback; see
tests/conferencing/janus_server.py). A real Janus, the embedded hub with that Janus
(``sfu_above=4``), and four offices already in a mesh call (real engines, each with its own
office identity). Bandung's call window joins as the fifth: the session moves to Janus without
anyone leaving, and the window shows the four others, each verified by its signed publish
binding and each painting video that keeps arriving. It joined muted (five offices). When one
office leaves, the session goes back to the mesh and the three remaining tiles keep painting.
The window is in Indonesian, as most users see it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from conferencing.call_identity import TrustedOffices
from conferencing.engine import CallEngine
from conferencing.hub import switching
from conferencing.hub.embedded import EmbeddedHub
from conferencing.hub.janus_pool import JanusPool
from tests.conferencing.identity_scenarios import make_identity
from tests.conferencing.janus_server import SFU_HOST, SFU_SETUP, JanusServer, janus_unavailable
from tests.vicon.conftest import (
    engines_in_call,
    in_netns,
    install_indonesian,
    open_call_window,
    rerun_in_netns,
)
from ui.vicon.call_window import SELF_ID, CallWindow

ROOM = "apeksi-pokja-smart-city"
BANDUNG = "Pemerintah Kota Bandung"
EARLIER = [f"Pemerintah Kota {c}" for c in ("Pekanbaru", "Palangkaraya", "Medan", "Makassar")]


def _topology(engine: CallEngine) -> str:
    return type(engine.topology).__name__


@pytest.mark.netns
def test_the_fifth_window_moves_the_call_to_janus_sees_everyone_verified_and_back(
    qtbot: QtBot, request: pytest.FixtureRequest, screenshots: Path, tmp_path: Path
) -> None:
    reason = janus_unavailable()
    if reason:
        pytest.skip(reason)
    if not in_netns():
        rerun_in_netns(request.node.nodeid, timeout=300, setup=SFU_SETUP)
        return
    # The production delays (5 s before going back, 15 s of overlap) only make the test wait.
    switching.DEMOTE_DELAY_S = 0.5
    switching.DEMOTE_GRACE_S = 3.0
    translator = install_indonesian(tmp_path)
    identities = {
        office: make_identity(tmp_path, office, f"o{i}")
        for i, office in enumerate([BANDUNG, *EARLIER])
    }
    trusted = TrustedOffices.of([identity.certificate for identity in identities.values()])
    janus = JanusServer(SFU_HOST).start_sync()
    hub = EmbeddedHub(ice_servers=[], janus=JanusPool([janus.spec()]), sfu_above=4)
    hub.start(SFU_HOST, 0)
    engines: list[CallEngine] = []
    window: CallWindow | None = None
    try:
        engines = engines_in_call(
            hub, ROOM, EARLIER, 15, identity=identities.__getitem__, trusted=lambda _: trusted
        )
        assert {_topology(e) for e in engines} == {"MeshTopology"}

        window = open_call_window(BANDUNG, hub, ROOM, identity=identities[BANDUNG], trusted=trusted)
        controller = window.controller

        # The fifth office moves the session to Janus: every office, the window's too.
        qtbot.waitUntil(lambda: controller.engine is not None, timeout=10000)
        qtbot.waitUntil(lambda: _topology(controller.engine) == "SfuTopology", timeout=40000)
        qtbot.waitUntil(lambda: all(_topology(e) == "SfuTopology" for e in engines), timeout=40000)
        qtbot.waitUntil(lambda: len(window.tiles) == 5, timeout=40000)
        remote = {peer: tile for peer, tile in window.tiles.items() if peer != SELF_ID}
        assert sorted(tile.office for tile in remote.values()) == sorted(EARLIER)

        # Each tile names its office as verified, in Indonesian, from the signed binding.
        def verified() -> bool:
            return all(
                tile.verification_label().startswith(f"Terverifikasi: {tile.office}")
                for tile in remote.values()
            )

        qtbot.waitUntil(verified, timeout=40000)
        # Each tile paints video through Janus, and it keeps coming.
        qtbot.waitUntil(
            lambda: all(controller.frames_painted.get(p, 0) >= 10 for p in remote), timeout=30000
        )
        # ... and it keeps coming (counted in frames, not against the clock).
        before = {p: controller.frames_painted[p] for p in remote}
        qtbot.waitUntil(
            lambda: all(controller.frames_painted[p] > before[p] + 5 for p in remote),
            timeout=30000,
        )
        # Five offices: this one joined muted, and the window says so.
        assert window.controls.mute_button.isChecked()
        assert window.controls.mute_button.text() == QCoreApplication.translate(
            "CallControls", "Unmute"
        )
        # The chat says who is verified, with no code to read aloud: there is none through
        # Janus (the verdict rests on the signed publish binding).
        transcript = window.chat.transcript.toPlainText()
        for office in EARLIER:
            assert f"{office} terverifikasi." in transcript, transcript
        assert "Bacakan kode" not in transcript, transcript
        # Nobody was shown as leaving while the session moved.
        assert len(window.tiles) == 5
        window.grab().save(str(screenshots / "call_sfu_five_id.png"))

        # Makassar leaves: four offices go back to the mesh; the window keeps the three others.
        leaver = engines.pop()
        leaver.submit(leaver.leave()).result(15)
        leaver.stop()
        qtbot.waitUntil(lambda: len(window.tiles) == 4, timeout=20000)
        qtbot.waitUntil(lambda: _topology(controller.engine) == "MeshTopology", timeout=40000)
        remaining = [p for p in window.tiles if p != SELF_ID]
        assert sorted(window.tiles[p].office for p in remaining) == sorted(EARLIER[:3])
        after = {p: controller.frames_painted.get(p, 0) for p in remaining}
        qtbot.waitUntil(
            lambda: all(controller.frames_painted.get(p, 0) > after[p] + 10 for p in remaining),
            timeout=30000,
        )
        # On the mesh again, each remaining office is verified over its own link.
        qtbot.waitUntil(
            lambda: all(
                window.tiles[p]
                .verification_label()
                .startswith(f"Terverifikasi: {window.tiles[p].office}")
                for p in remaining
            ),
            timeout=30000,
        )
    finally:
        if window is not None:
            window.controller.shutdown()
            window.close()
        for engine in engines:
            engine.stop()
        hub.stop()
        janus.stop_sync()
        QCoreApplication.removeTranslator(translator)
