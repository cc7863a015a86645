"""Honest call states, in real calls inside a private network namespace.

The picture and the sound are judged apart; "reconnecting" only when media stopped; a hub
outage alone says the call continues; TURN and gathering problems are coded and bounded.
"""

from __future__ import annotations

from conferencing.linkhealth import MediaCode
from tests.conferencing.netns import run_scenario

MODULE = "tests.conferencing.adapt_scenarios"


def test_frozen_video_with_live_sound_is_a_paused_picture_not_a_lost_call() -> None:
    r = run_scenario("video_freeze", module=MODULE)
    assert r["paused"] and r["resumed"], r
    assert r["paused_events"] == [True, False], r
    # The sound went on meanwhile (50 frames a second), and the call stayed connected.
    assert r["audio_frames_while_paused"] > 50, r
    assert r["state_during"] == "connected" and "reconnecting" not in r["states_b"], r
    assert r["report"]["video_freezes"] >= 1 and r["report"]["longest_video_freeze_ms"] > 1000


def test_hub_down_with_media_flowing_says_hub_offline_not_reconnecting() -> None:
    r = run_scenario("hub_offline", module=MODULE)
    assert r["said_hub_offline"], r
    assert r["media_during_outage"], r
    for states in (r["states_a"], r["states_b"]):
        assert states[-1] == "hub_offline" and "reconnecting" not in states, r


def test_turn_problems_are_coded_and_gathering_gives_up_on_a_dead_server() -> None:
    r = run_scenario("turn_errors", module=MODULE)
    assert MediaCode.TURN_AUTH.value in r["wrong_password"], r
    assert MediaCode.TURN_UNREACHABLE.value in r["absent"], r
    # The right password raises neither (the probe is not just always complaining).
    assert not {MediaCode.TURN_AUTH.value, MediaCode.TURN_UNREACHABLE.value} & set(
        r["right_password"]
    ), r
    # aioice would wait 5 s for a STUN server that never answers; bounded to 2 s.
    assert r["gather_s"] < 4.0, r


def test_answer_to_an_h264_first_offer_is_vp8() -> None:
    r = run_scenario("h264_offer", module=MODULE)
    assert r["offer_video"][0] == "H264", r  # the offer really preferred H.264
    assert r["answer_video"][0] == "VP8" and "H264" not in r["answer_video"], r
