"""Messages in an SFU session: large envelopes in relayed chunks, bounded and paced."""

from __future__ import annotations

import asyncio
import base64
import json
import time

import pytest

from conferencing import channel
from conferencing import protocol as p
from conferencing.topology.sfu_messages import (
    ENVELOPE_KIND,
    MAX_SENDERS,
    RelayPacer,
    RelayReassembler,
    relay_payloads,
)


def envelope(size: int, text: str = "a") -> dict[str, object]:
    return {"t": "app", "id": "e1", "kind": "agreement.revision", "payload": {"x": text * size}}


def test_a_small_envelope_is_one_relay_as_before() -> None:
    small = envelope(100)
    assert relay_payloads(small) == [{"t": ENVELOPE_KIND, "e": small}]


@pytest.mark.parametrize("text", ["a", "é"])  # ASCII, and text the hub counts as \\u00e9
def test_a_large_envelope_goes_in_chunks_each_within_one_relay_and_comes_back_whole(
    text: str,
) -> None:
    big = envelope(400_000 if text == "a" else 40_000, text)
    payloads = relay_payloads(big)
    assert len(payloads) > 1
    for payload in payloads:
        assert len(json.dumps({"t": "relay", "to": "x" * 32, "data": payload})) <= p.MAX_RELAY_BYTES
    reassembler = RelayReassembler()
    results = [reassembler.feed("peer", payload) for payload in payloads]
    assert results[:-1] == [None] * (len(payloads) - 1)
    assert results[-1] == big


def test_an_envelope_above_the_data_channel_limit_is_refused_before_anything_is_sent() -> None:
    with pytest.raises(channel.ChannelError):
        relay_payloads(envelope(channel.MAX_ENVELOPE_BYTES + 1))


@pytest.mark.parametrize(
    "data",
    [
        {"t": ENVELOPE_KIND},  # neither an envelope nor a chunk
        {"t": ENVELOPE_KIND, "e": "not an object"},
        {"t": ENVELOPE_KIND, "c": 42},
        {"t": ENVELOPE_KIND, "c": "not base64!"},
        {"t": ENVELOPE_KIND, "c": "A" * 40_000},  # longer than any chunk: refused undecoded
        {"t": ENVELOPE_KIND, "c": base64.b64encode(b"XYZ" + bytes(40)).decode()},  # bad magic
    ],
)
def test_malformed_relays_are_refused_with_a_channel_error(data: dict[str, object]) -> None:
    with pytest.raises(channel.ChannelError):
        RelayReassembler().feed("peer", data)


def test_chunks_from_two_offices_do_not_mix_and_an_office_that_left_is_forgotten() -> None:
    one, two = relay_payloads(envelope(60_000, "a")), relay_payloads(envelope(60_000, "b"))
    reassembler = RelayReassembler()
    for x, y in zip(one[:-1], two[:-1], strict=True):
        assert reassembler.feed("A", x) is None
        assert reassembler.feed("B", y) is None
    reassembler.forget("A")  # A left half-way: what it sent is dropped
    assert reassembler.feed("A", one[-1]) is None
    assert reassembler.feed("B", two[-1])["payload"]["x"] == "b" * 60_000  # type: ignore[index]


def test_the_offices_held_are_bounded() -> None:
    first = relay_payloads(envelope(60_000))[0]
    reassembler = RelayReassembler()
    for i in range(MAX_SENDERS + 10):
        reassembler.feed(f"peer-{i}", first)
    assert len(reassembler._by_peer) == MAX_SENDERS


def test_the_pacer_lets_a_burst_of_its_rate_through_then_spreads_the_rest() -> None:
    async def body() -> float:
        pacer = RelayPacer(per_s=20)
        started = time.monotonic()
        for _ in range(50):
            await pacer.wait()
        return time.monotonic() - started

    elapsed = asyncio.run(body())
    assert elapsed >= 2.0  # 50 relays at 20 a second: the last 30 wait two more seconds
