"""The shared message schema: round trips and validation."""

from __future__ import annotations

import json

import pytest

from conferencing import protocol as p

MESSAGES: list[p.Message] = [
    p.Hello(),
    p.Challenge(nonce="n" * 43),
    p.Join(room="r1", token="abc.def", peer_id="peer-a", key="k" * 43, sig="s" * 86),
    p.Signal(kind="candidate", session=2, sdp="candidate:1 1 udp 1 10.0.0.1 9 typ host", mid="0"),
    p.Signal(kind="offer", session=2, sdp="v=0\r\n", to="peer-b"),
    p.Signal(kind="restart", session=3, from_="peer-a"),
    p.Relay(data={"kind": "x", "nested": {"a": [1, None]}}, to="peer-b"),
    p.Leave(),
    p.Ping(nonce=5),
    p.Pong(nonce=5),
    p.Welcome(
        "peer-a",
        "r1",
        "Pemerintah Kota Bandung",
        [p.PeerInfo("peer-b", "Kota Pekanbaru")],
        [p.IceServer(["turn:h:3478"], "u", "pw")],
        1_900_000_000,
    ),
    p.PeerJoined("peer-b", "Kota Pekanbaru"),
    p.PeerLeft("peer-b", "Kota Pekanbaru"),
    p.Error(code=p.E_INVALID, message="field 'room' is required", ref="join"),
]


@pytest.mark.parametrize("message", MESSAGES, ids=lambda m: m.type)
def test_every_message_round_trips(message: p.Message) -> None:
    text = p.encode(message)
    assert json.loads(text)["v"] == p.VERSION
    assert p.parse(text) == message


def test_hub_only_accepts_client_types() -> None:
    with pytest.raises(p.ProtocolError) as info:
        p.parse(p.encode(p.PeerLeft("peer-b", "x")), allowed=p.CLIENT_TYPES)
    assert info.value.code == p.E_UNKNOWN_TYPE


@pytest.mark.parametrize(
    ("raw", "code", "words"),
    [
        ("{", p.E_BAD_JSON, "not valid JSON"),
        ('"text"', p.E_BAD_JSON, "JSON object"),
        ('{"v": 1}', p.E_INVALID, "'type' is required"),
        ('{"v": 9, "type": "ping"}', p.E_BAD_VERSION, "speaks v2"),
        ('{"v": 1, "type": "join"}', p.E_BAD_VERSION, "update Lintas"),
        (
            '{"v": 2, "type": "join", "room": "r", "token": "t", "peer_id": "peer-a"}',
            p.E_INVALID,
            "'key'",
        ),
        (
            '{"v": 2, "type": "signal", "kind": "offer", "session": 1, "to": "peer-b"}',
            p.E_INVALID,
            "needs 'sdp'",
        ),
        ('{"v": 2, "type": "signal", "kind": "hug", "session": 1}', p.E_INVALID, "signal kind"),
        ('{"v": 2, "type": "signal", "kind": "bye", "session": true}', p.E_INVALID, "'session'"),
        (
            '{"v": 2, "type": "join", "room": "r", "token": "t", "peer_id": "a b"}',
            p.E_INVALID,
            "'peer_id'",
        ),
        (
            json.dumps({"v": 2, "type": "ping", "pad": "x" * p.MAX_MESSAGE_BYTES}),
            p.E_TOO_LARGE,
            "larger than",
        ),
        (b"{}", p.E_BAD_FRAME, "binary"),
    ],
)
def test_malformed_input_has_code_and_message(raw: str | bytes, code: str, words: str) -> None:
    with pytest.raises(p.ProtocolError) as info:
        p.parse(raw)
    assert info.value.code == code
    assert words in str(info.value)
