"""Speaking hysteresis and the active speaker (conferencing/speaking.py), plus the host messages'
validation (conferencing/protocol.py): pure logic with an injected clock."""

from __future__ import annotations

import pytest

from conferencing import protocol as p
from conferencing.speaking import REPORT_HZ, SpeakerTracker


class Clock:
    def __init__(self) -> None:
        self.t = 0.0

    def __call__(self) -> float:
        return self.t


def _run(tracker: SpeakerTracker, clock: Clock, levels: dict[str, float], seconds: float) -> None:
    """Feed 20 ms frames of fixed levels for ``seconds``."""
    for _ in range(int(seconds / 0.02)):
        clock.t += 0.02
        for peer, dbfs in levels.items():
            tracker.feed(peer, dbfs)


def test_speaking_needs_a_sustained_voice_and_survives_pauses_between_words() -> None:
    clock = Clock()
    tracker = SpeakerTracker(clock)
    _run(tracker, clock, {"a": -20.0}, 0.08)  # a click: too short
    assert "a" not in tracker.report().speaking
    _run(tracker, clock, {"a": -20.0}, 0.3)
    assert "a" in tracker.report().speaking
    _run(tracker, clock, {"a": -80.0}, 0.4)  # a pause between words: still speaking
    assert "a" in tracker.report().speaking
    _run(tracker, clock, {"a": -80.0}, 0.6)  # a real silence ends it
    assert "a" not in tracker.report().speaking


def test_active_speaker_holds_while_speaking_then_moves() -> None:
    clock = Clock()
    tracker = SpeakerTracker(clock)
    _run(tracker, clock, {"a": -20.0, "b": -80.0}, 0.5)
    assert tracker.active == "a"
    _run(tracker, clock, {"a": -25.0, "b": -15.0}, 1.0)  # b louder, a still speaking: a stays
    assert tracker.active == "a"
    _run(tracker, clock, {"a": -80.0, "b": -15.0}, 1.2)
    assert tracker.active == "b"
    _run(tracker, clock, {"a": -80.0, "b": -80.0}, 2.0)  # everyone silent: the last one stays
    assert tracker.active == "b"
    tracker.forget("b")
    assert tracker.active is None and "b" not in tracker.report().levels


def test_reports_are_rate_bounded() -> None:
    clock = Clock()
    tracker = SpeakerTracker(clock)
    reports = 0
    for _ in range(200):  # 2 s of 10 ms frames from two offices
        clock.t += 0.01
        for peer in ("a", "b"):
            reports += tracker.feed(peer, -30.0) is not None
    assert reports <= 2 * REPORT_HZ + 1


@pytest.mark.parametrize(
    "raw",
    [
        '{"v":2,"type":"host","action":"explode"}',
        '{"v":2,"type":"host","action":"remove"}',  # a targeted action without peer_id
        '{"v":2,"type":"host","action":"admit","peer_id":"../../x"}',
        '{"v":2,"type":"hand","up":"yes"}',
    ],
)
def test_malformed_host_messages_are_refused(raw: str) -> None:
    with pytest.raises(p.ProtocolError) as info:
        p.parse(raw, allowed=p.CLIENT_TYPES)
    assert info.value.code == p.E_INVALID


def test_host_messages_round_trip() -> None:
    message = p.HostControl(action="remove", peer_id="peer-1234")
    assert p.parse(p.encode(message), allowed=p.CLIENT_TYPES) == message
    state = p.RoomState(locked=True, hands=["peer-1234"], host="host-0001",
                        lobby=[p.PeerInfo("wait-0001", "Pemerintah Kota Medan")])  # fmt: skip
    assert p.parse(p.encode(state), allowed=p.HUB_TYPES) == state
    assert p.parse(p.encode(p.MuteRequest(from_="host-0001")), allowed=p.HUB_TYPES) == (
        p.MuteRequest(from_="host-0001")
    )
