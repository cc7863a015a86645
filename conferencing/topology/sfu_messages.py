"""Chat and app messages in an SFU session: through the hub, chunked like the data channel.

Janus forwards media, not our messages, so in an SFU session every envelope goes to each office
as a hub ``relay``, and one relay is at most :data:`~conferencing.protocol.MAX_RELAY_BYTES`.
A draft with its signed PDF, or a ceremony's document, is far larger. An envelope that does not
fit goes as the data channel's binary chunks (:mod:`conferencing.channel`, ``docs/protocol.md``
section 8), each base64-encoded in its own relay and put together by the same
:class:`~conferencing.channel.Reassembler`, with the same bounds on unfinished messages.

The hub budgets every connection to :attr:`~conferencing.hub.limits.HubLimits.rate_per_s`
messages a second, and closes one that floods. :class:`RelayPacer` keeps us under it: a large
message to seven offices takes a few seconds instead of getting us thrown out.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import json
import time
from collections import deque
from typing import Any

from conferencing import channel
from conferencing import protocol as p

ENVELOPE_KIND = "sfu-envelope"
#: What fits in one hub relay with its wrapping.
MAX_ENVELOPE_CHARS = p.MAX_RELAY_BYTES - 1024
#: Relays we send a second, below the hub's default budget of 50 (the rest is for everything else).
RELAYS_PER_S = 40
#: Offices whose unfinished chunked messages we hold (one reassembler each).
MAX_SENDERS = 64


def relay_payloads(envelope: dict[str, Any]) -> list[dict[str, Any]]:
    """The relay data that carry ``envelope``: itself if it fits, else its chunks.

    Raises :class:`~conferencing.channel.ChannelError` above the data channel's size limit.
    """
    if len(json.dumps(envelope)) <= MAX_ENVELOPE_CHARS:
        return [{"t": ENVELOPE_KIND, "e": envelope}]
    return [
        {"t": ENVELOPE_KIND, "c": base64.b64encode(chunk).decode("ascii")}
        for chunk in channel.encode(envelope, chunked=True)
        if isinstance(chunk, bytes)
    ]


class RelayReassembler:
    """Envelopes from relayed chunks, one bounded :class:`~conferencing.channel.Reassembler` per
    office."""

    def __init__(self) -> None:
        self._by_peer: dict[str, channel.Reassembler] = {}

    def feed(self, peer_id: str, data: dict[str, Any]) -> dict[str, Any] | None:
        """The envelope in (or completed by) relay ``data`` from ``peer_id``; ``None`` if none yet.

        Raises :class:`~conferencing.channel.ChannelError` for anything malformed.
        """
        if "e" in data:
            envelope = data["e"]
            if not isinstance(envelope, dict):
                raise channel.ChannelError("relayed envelope is not an object")
            return envelope
        chunk = data.get("c")
        # base64 of one chunk: its header and at most CHUNK_BYTES of data (checked before decoding)
        if not isinstance(chunk, str) or len(chunk) > 4 * (channel.CHUNK_BYTES + 64) // 3:
            raise channel.ChannelError("relayed chunk is missing or too large")
        try:
            raw = base64.b64decode(chunk, validate=True)
        except (binascii.Error, ValueError):
            raise channel.ChannelError("relayed chunk is not base64") from None
        reassembler = self._by_peer.get(peer_id)
        if reassembler is None:
            while len(self._by_peer) >= MAX_SENDERS:
                self._by_peer.pop(next(iter(self._by_peer)))
            reassembler = self._by_peer[peer_id] = channel.Reassembler()
        return reassembler.feed(raw)

    def forget(self, peer_id: str) -> None:
        """Drop what an office that left had half sent."""
        self._by_peer.pop(peer_id, None)


class RelayPacer:
    """Waits before a relay that would exceed :data:`RELAYS_PER_S` over the last second."""

    def __init__(self, per_s: int = RELAYS_PER_S) -> None:
        self.per_s = per_s
        self._sent: deque[float] = deque()

    async def wait(self) -> None:
        """Return when one more relay may go."""
        while True:
            now = time.monotonic()
            while self._sent and now - self._sent[0] >= 1.0:
                self._sent.popleft()
            if len(self._sent) < self.per_s:
                self._sent.append(now)
                return
            await asyncio.sleep(1.0 - (now - self._sent[0]) + 0.001)
