"""Host controls enforced by the hub, and the active speaker, with real engines in a namespace.

The scenarios (``tests/conferencing/host_scenarios.py``) run real aiortc engines through the
real hub under ``unshare -rn``; these tests assert on what each office observed.
"""

from __future__ import annotations

import functools

import pytest

from tests.conferencing.netns import run_scenario

pytestmark = [pytest.mark.netns, pytest.mark.slow]
MODULE = "tests.conferencing.host_scenarios"


@functools.cache
def _controls() -> dict:
    return run_scenario("controls", module=MODULE)


def test_the_host_is_the_holder_of_the_host_invitation() -> None:
    r = _controls()
    assert r["a_is_host"] is True and r["b_is_host"] is False
    assert r["b_sees_host"] is True


def test_active_speaker_from_real_audio_tone_against_silence() -> None:
    r = _controls()
    # Bandung sends a tone, Pekanbaru silence: Pekanbaru's engine names Bandung the speaker.
    assert r["speaker_at_b"] is True
    assert r["speaking_at_b"] == ["Pemerintah Kota Bandung"]
    assert r["levels_at_b"]["bandung"] > 0.4 and r["levels_at_b"]["pekanbaru_own"] < 0.1
    # Bandung's own microphone makes it the speaker at home too; silent Pekanbaru never speaks.
    assert r["speaker_at_a"] is True and r["pekanbaru_speaking_at_a"] is False
    # Reported at a bounded rate (about 10 Hz).
    assert 5 <= r["level_reports_per_s_at_b"] <= 11


def test_a_non_hosts_controls_are_refused_by_the_hub() -> None:
    r = _controls()
    assert r["b_refusals"] == 4  # lock, end, remove, mute: each refused with not-host
    after = r["after_refusals"]
    assert after["locked"] is False and after["a_muted"] is False
    assert after["a_state"] == "connected"
    assert after["participants_a"] == ["Pemerintah Kota Pekanbaru"]
    # A non-host's "admit" leaves the waiting office in the lobby.
    assert r["c_still_waiting_after_b_admit"] is True


def test_locked_session_lobby_then_admit() -> None:
    r = _controls()
    assert r["lobby_at_host"] == ["Pemerintah Kota Palangkaraya"]
    assert r["lobby_at_b"] == []  # only the host is told who waits
    # While waiting: told to wait, no peers, nobody sees it join.
    assert r["c_waiting"] is True
    assert r["c_participants_while_waiting"] == 0
    assert r["a_saw_c_while_waiting"] is False
    assert r["c_join"] == "joined"
    assert r["c_participants"] == ["Pemerintah Kota Bandung", "Pemerintah Kota Pekanbaru"]
    assert r["lobby_after_admit"] == []


def test_lobby_deny_and_the_denied_office_is_refused_again() -> None:
    r = _controls()
    assert r["d_join"] == "lobby-denied"
    assert r["d_rejoin"] == "lobby-denied"
    assert r["a_saw_d"] is False


def test_mute_request_mutes_and_the_office_can_unmute() -> None:
    r = _controls()
    assert r["b_mute_request_from"] == ["Pemerintah Kota Bandung"]
    assert r["b_muted"] is True
    assert r["b_unmuted_itself"] is True


def test_raise_hand_seen_by_everyone_repeat_is_a_no_op() -> None:
    r = _controls()
    assert r["hand_seen"] == {"host": True, "palangkaraya": True, "repeat_announced": 0}
    assert r["hands_after_lower"] == []


def test_remove_disconnects_and_refuses_the_rejoin() -> None:
    r = _controls()
    assert r["c_outcome"] == "removed"
    assert r["b_saw_c_leave"] is True
    assert r["c_rejoin"] == "removed"


def test_end_for_everyone() -> None:
    r = _controls()
    assert r["a_outcome"] == "session-ended" and r["b_outcome"] == "session-ended"
    assert r["b_rejoin"] == "session-ended"
    assert r["room_members_after_end"] == 0


def test_headless_call_lock_lobby_deny_admit_end() -> None:
    r = run_scenario("cli", module=MODULE)
    deny, admit = r["deny"], r["admit"]
    assert deny["host"]["is_host"] and deny["host"]["locked"]
    assert deny["host"]["lobby_seen"] == ["Pemerintah Kota Pekanbaru"]
    assert deny["guest_rc"] == 3
    assert deny["guest"]["waited_in_lobby"] and deny["guest"]["outcome"] == "lobby-denied"
    assert admit["guest_rc"] == 0 and admit["guest"]["waited_in_lobby"]
    assert admit["host"]["hands_seen"] == ["Pemerintah Kota Pekanbaru"]
    assert admit["guest"]["outcome"] == "session-ended"
    assert admit["host"]["outcome"] == "session-ended"
