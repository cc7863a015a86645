"""ICE really fails (a firewall drops every UDP packet), and the hub is behind a dead link.

Two real offices through the real hub inside a private network namespace, nftables dropping all
UDP (the hub's TCP still passes). The engine must say, once and in the user's language, that no
network path was found, never claim the call is connected, and end cleanly.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from conferencing.events import EngineError
from conferencing.linkhealth import MediaCode
from tests.conferencing.netns import run_scenario
from tests.vicon.conftest import install_indonesian
from ui.vicon.messages import engine_error_text

MODULE = "tests.conferencing.adapt_scenarios"


def test_ice_failure_is_said_once_in_words_and_the_call_ends_cleanly(
    qtbot: QtBot, tmp_path: Path
) -> None:
    r = run_scenario("ice_blocked", module=MODULE)
    assert r["said"], r
    assert r["said_after_s"] < 20, r  # aioice alone would keep checking for a minute
    assert r["codes"] == [[MediaCode.ICE_FAILED.value]] * 2, r  # once per office, no other error
    assert r["states_during"] == ["reconnecting", "reconnecting"], r  # never "connected"
    assert r["frames"] == [{}, {}], r  # nothing got through: the failure was real
    assert all(states[-1] == "left" for states in r["states"]), r
    assert r["leave_s"] < 5 and r["topology_after"] == [True, True], r

    event = EngineError("no network path to the other office", MediaCode.ICE_FAILED)
    english = engine_error_text(event)
    assert english.startswith("No network path to the other office was found."), english
    assert "ICE" not in english and "UDP" not in english
    translator = install_indonesian(tmp_path)
    try:
        indonesian = engine_error_text(event)
    finally:
        QCoreApplication.removeTranslator(translator)
    assert indonesian != english and "jaringan" in indonesian.lower(), indonesian


def test_a_connect_to_the_hub_over_a_dead_link_gives_up_in_seconds() -> None:
    # The hub's TCP port silently drops packets, as while a link is down: the attempt ends
    # after the connect bound and is retried afresh (waiting out TCP's SYN back-off kept
    # offices out of a call ~10 s after a 60 s cut; docs/RELIABILITY.md).
    r = run_scenario("hub_blackholed", module=MODULE)
    assert r["outcome"] not in ("joined", "still waiting after 30 s"), r
    assert r["waited_s"] < 5, r
