"""The typed message channel carried on each peer's WebRTC data channel.

Chat and application messages (agreement co-review, signing ceremony) travel as JSON
*envelopes*. Small envelopes go as one text message; larger ones (up to
:data:`MAX_ENVELOPE_BYTES`) are cut into binary chunks because SCTP implementations limit a
single message to about 64 KiB. Every chat/app envelope has an id and is acknowledged; the
sender keeps unacknowledged envelopes in a per-peer :class:`Outbox` that survives a peer
connection being replaced, and resends them on the new data channel, so a network cut loses
nothing. Receivers drop duplicates by id.
"""

from __future__ import annotations

import json
import struct
import time
import uuid
from collections import OrderedDict
from typing import Any

CHUNK_BYTES = 16 * 1024
MAX_ENVELOPE_BYTES = 32 * 1024 * 1024
_MAGIC = b"LC1"
_HEADER = struct.Struct("!3s16sII")  # magic, message id, chunk index, chunk count
#: Bounds on unfinished chunked messages from one peer: a sender that starts many messages and
#: never finishes them must not pin memory (twelve once held 188 MiB for two minutes).
PARTIAL_TIMEOUT_S = 20.0  # an unfinished message is dropped this long after its first chunk
MAX_PARTIALS = 2  # unfinished messages at once; starting another drops the oldest
MAX_PARTIAL_BYTES = MAX_ENVELOPE_BYTES + CHUNK_BYTES  # all unfinished chunks together


class ChannelError(Exception):
    """An envelope could not be sent or was malformed on arrival."""


def new_id() -> str:
    """A random envelope id."""
    return uuid.uuid4().hex


def encode(envelope: dict[str, Any], *, chunked: bool = False) -> list[str | bytes]:
    """The data-channel messages that carry ``envelope`` (one text message, or binary chunks).

    ``chunked``: binary chunks even when one text message would do (the SFU relay's choice).
    """
    text = json.dumps(envelope, separators=(",", ":"), ensure_ascii=False)
    data = text.encode("utf-8")
    if len(data) > MAX_ENVELOPE_BYTES:
        raise ChannelError(
            f"message of {len(data)} bytes exceeds the {MAX_ENVELOPE_BYTES} byte limit"
        )
    if len(data) <= CHUNK_BYTES and not chunked:
        return [text]
    mid = uuid.uuid4().bytes
    count = -(-len(data) // CHUNK_BYTES)
    return [
        _HEADER.pack(_MAGIC, mid, i, count) + data[i * CHUNK_BYTES : (i + 1) * CHUNK_BYTES]
        for i in range(count)
    ]


class Reassembler:
    """Turns incoming data-channel messages back into envelopes, within fixed memory bounds."""

    def __init__(self) -> None:
        self._partial: dict[bytes, tuple[float, int, dict[int, bytes]]] = {}
        self.pending_bytes = 0  # bytes held in unfinished messages

    @property
    def pending_messages(self) -> int:
        """How many chunked messages are started and not finished."""
        return len(self._partial)

    def expire(self, now: float | None = None) -> None:
        """Drop unfinished messages older than :data:`PARTIAL_TIMEOUT_S` (also done on feed)."""
        now = time.monotonic() if now is None else now
        for key in [k for k, (t, _, _) in self._partial.items() if now - t > PARTIAL_TIMEOUT_S]:
            self._drop(key)

    def _drop(self, key: bytes) -> None:
        _started, _count, chunks = self._partial.pop(key)
        self.pending_bytes -= sum(len(c) for c in chunks.values())

    def feed(self, message: str | bytes) -> dict[str, Any] | None:
        """Return the envelope completed by ``message``, or ``None`` while chunks are missing.

        Raises :class:`ChannelError` for anything malformed (the caller reports and moves on).
        """
        if isinstance(message, str):
            return self._decode(message.encode("utf-8"))
        if len(message) < _HEADER.size:
            raise ChannelError("binary message shorter than a chunk header")
        magic, mid, index, count = _HEADER.unpack_from(message)
        if (
            magic != _MAGIC
            or count == 0
            or index >= count
            or count * CHUNK_BYTES > MAX_ENVELOPE_BYTES + CHUNK_BYTES
        ):
            raise ChannelError("malformed chunk header")
        now = time.monotonic()
        self.expire(now)  # a sender that vanished mid-message must not pin memory
        if mid not in self._partial:
            while len(self._partial) >= MAX_PARTIALS:
                self._drop(next(iter(self._partial)))  # the oldest unfinished message goes
            self._partial[mid] = (now, count, {})
        _started, total, chunks = self._partial[mid]
        if total != count:
            self._drop(mid)
            raise ChannelError("chunk count changed within one message")
        data = message[_HEADER.size :]
        if len(data) > CHUNK_BYTES:
            self._drop(mid)
            raise ChannelError("chunk larger than the chunk size")
        growth = len(data) - len(chunks.get(index, b""))
        if self.pending_bytes + growth > MAX_PARTIAL_BYTES:
            self._drop(mid)
            raise ChannelError("unfinished messages exceed the memory bound")
        chunks[index] = data
        self.pending_bytes += growth
        if len(chunks) < count:
            return None
        self._drop(mid)
        return self._decode(b"".join(chunks[i] for i in range(count)))

    @staticmethod
    def _decode(data: bytes) -> dict[str, Any]:
        try:
            envelope = json.loads(data)
        except ValueError as exc:
            raise ChannelError(f"message is not JSON: {exc}") from None
        if not isinstance(envelope, dict) or not isinstance(envelope.get("t"), str):
            raise ChannelError("message is not an envelope object")
        return envelope


class Outbox:
    """Envelopes sent to one peer and not yet acknowledged, in sending order."""

    def __init__(self) -> None:
        self._pending: OrderedDict[str, dict[str, Any]] = OrderedDict()

    def add(self, envelope: dict[str, Any]) -> None:
        self._pending[envelope["id"]] = envelope

    def ack(self, envelope_id: str) -> None:
        self._pending.pop(envelope_id, None)

    def pending(self) -> list[dict[str, Any]]:
        return list(self._pending.values())

    def __len__(self) -> int:
        return len(self._pending)


class SeenIds:
    """A bounded memory of received envelope ids, to drop resent duplicates."""

    def __init__(self, limit: int = 4096) -> None:
        self._ids: OrderedDict[str, None] = OrderedDict()
        self._limit = limit

    def first_time(self, envelope_id: str) -> bool:
        if envelope_id in self._ids:
            return False
        self._ids[envelope_id] = None
        if len(self._ids) > self._limit:
            self._ids.popitem(last=False)
        return True
