"""Hypothesis fuzzing of the running hub: every malformed frame gets an error, the hub keeps serving."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conferencing import protocol as p
from conferencing.hub.embedded import EmbeddedHub
from conferencing.hub.limits import HubLimits
from tests.conferencing.hubclient import RawClient

KNOWN_CODES = {
    p.E_BAD_JSON,
    p.E_BAD_FRAME,
    p.E_TOO_LARGE,
    p.E_BAD_VERSION,
    p.E_UNKNOWN_TYPE,
    p.E_INVALID,
    p.E_NOT_JOINED,
    p.E_ALREADY_JOINED,
    p.E_TOKEN_INVALID,
    p.E_TOKEN_EXPIRED,
    p.E_TOKEN_ROOM,
    p.E_UNKNOWN_PEER,
    p.E_ROOM_FULL,
    p.E_PEER_ID_TAKEN,
}

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=12,
)
field_names = st.sampled_from(
    [
        "type",
        "v",
        "room",
        "token",
        "peer_id",
        "to",
        "from",
        "kind",
        "session",
        "sdp",
        "data",
        "nonce",
    ]
)
type_names = st.sampled_from([*p.CLIENT_TYPES, *p.HUB_TYPES, "", "JOIN", "x" * 100])

# Near-valid messages reach the deep validation; raw text and binary hit the framing checks.
near_valid = st.fixed_dictionaries(
    {"v": st.sampled_from([2, 2, 2, 1, "2", None]), "type": type_names},
    optional={
        name: json_values
        for name in ["room", "token", "peer_id", "to", "kind", "session", "sdp", "data", "nonce"]
    },
).map(lambda d: json.dumps(d))
garbage_objects = st.dictionaries(field_names | st.text(max_size=8), json_values, max_size=6).map(
    json.dumps
)
raw_text = st.text(max_size=300)
binary = st.binary(max_size=200)
deep = st.integers(min_value=50, max_value=5000).map(lambda n: "[" * n + "]" * n)
huge = st.integers(min_value=p.MAX_MESSAGE_BYTES + 1, max_value=p.MAX_MESSAGE_BYTES + 5000).map(
    lambda n: json.dumps({"v": p.VERSION, "type": "ping", "pad": "x" * n})
)
frames = near_valid | garbage_objects | raw_text | binary | deep | huge


class Fuzzer:
    """One loop and one (re-opened when the hub closes it) connection across all examples."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.loop = asyncio.new_event_loop()
        self.client: RawClient | None = None
        self.replies: dict[str, int] = {}

    def exchange(self, frame: str | bytes) -> dict[str, Any] | None:
        return self.loop.run_until_complete(self._exchange(frame))

    async def _exchange(self, frame: str | bytes) -> dict[str, Any] | None:
        if self.client is None or self.client.ws.closed:
            if self.client is not None:
                await self.client.close()
            self.client = await RawClient.connect(self.url)
        await self.client.send(frame)
        return await self.client.recv(timeout=5)

    def close(self) -> None:
        if self.client is not None:
            self.loop.run_until_complete(self.client.close())
        self.loop.close()


def test_hub_survives_malformed_messages() -> None:
    # The fuzzer is one fast client: lift the message budget so every frame gets its answer.
    hub = EmbeddedHub(
        b"fuzz-secret-0123456789abcdef0123", limits=HubLimits(rate_per_s=1e6, burst=10**6)
    )
    url = hub.start("127.0.0.1", 0)
    fuzzer = Fuzzer(url)
    try:

        @settings(
            max_examples=250, deadline=None, suppress_health_check=list(HealthCheck), database=None
        )
        @given(frames)
        def one(frame: str | bytes) -> None:
            reply = fuzzer.exchange(frame)
            if reply is None and len(frame) > HubLimits().pre_join_max_bytes:
                return  # before a join, an oversized frame closes the socket (1009)
            assert reply is not None, f"hub closed the socket without an error for {frame[:80]!r}"
            if reply["type"] in ("pong", "challenge"):  # a fuzzed frame can be a valid ping/hello
                return
            assert reply["type"] == "error", reply
            assert reply["code"] in KNOWN_CODES, reply
            assert isinstance(reply["message"], str) and reply["message"]
            fuzzer.replies[reply["code"]] = fuzzer.replies.get(reply["code"], 0) + 1

        one()
        # Several distinct failure kinds were exercised, and the hub still admits a real office.
        assert len(fuzzer.replies) >= 5, fuzzer.replies
        assert hub.server is not None and hub.server.errors_sent >= 200

        async def real_join() -> dict[str, Any] | None:
            c = await RawClient.connect(url)
            reply = await c.join("r1", hub.invite("r1", "Pemerintah Kota Bandung"), "peer-ok")
            await c.close()
            return reply

        reply = fuzzer.loop.run_until_complete(real_join())
        assert reply is not None and reply["type"] == "welcome"
    finally:
        fuzzer.close()
        hub.stop()
