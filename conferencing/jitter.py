"""A video jitter buffer whose latency cannot build up.

aiortc's :class:`~aiortc.jitterbuffer.JitterBuffer` hands a frame to the decoder only once the
packet after it has arrived, and waits for a missing packet until the buffer wraps (512 packets
by default). Measured under a 1 Mbit rate limit (docs/RELIABILITY.md), that is where the
seconds of latency came from:

* a packet lost for good (its retransmission lost too) held every later frame back until about
  a buffer's worth of packets had arrived: 2-5 s at a few hundred kbit/s;
* after such a stall the buffer released *one* frame per arriving packet, so at about one packet
  per frame (a small picture) the backlog never drained, and the picture stayed seconds late.

:class:`BoundedJitterBuffer` gives up on a missing packet once a later frame is
:data:`MAX_WAIT_MS` newer than the incomplete one (retransmissions have had their chance), skips
to the next frame start and asks the sender for a keyframe, again every :data:`PLI_REPEAT_S`
until one arrives (under loss the request itself may be lost, and the picture would stay
damaged until the next keyframe); :func:`install` also drains every frame that is complete, not
just one per packet, and repeats the NACK of packets still missing every :data:`RENACK_S`
(aiortc repeats it only when another packet goes missing, so a lost retransmission on a quiet
stretch was waited for until the frame had to be given up). Both go through aiortc's receiver as it is (its
jitter buffer, decoder queue and timestamp mapper), no fork.
"""

from __future__ import annotations

import functools
import logging
import time
from typing import Any

from aiortc.codecs.vpx import VpxPayloadDescriptor
from aiortc.jitterbuffer import JitterBuffer, JitterFrame
from aiortc.rtp import RtpPacket

log = logging.getLogger(__name__)

VIDEO_CLOCK = 90_000
#: How long a frame may wait for a missing packet once a newer frame is there. Longer than a
#: retransmission takes on a congested link (RTT up to a few hundred ms), shorter than a freeze.
MAX_WAIT_MS = 400
RENACK_S = 0.08  # packets still missing are asked for again this often
PLI_REPEAT_S = 0.25  # a keyframe request not answered by then is sent again
CAPACITY = 128  # packets; holds a keyframe of the largest tier (a power of two, as aiortc needs)

_SLOTS = ("_RTCRtpReceiver__jitter_buffer", "_RTCRtpReceiver__decoder_queue",
          "_RTCRtpReceiver__timestamp_mapper", "_RTCRtpReceiver__codecs",
          "_RTCRtpReceiver__decoder_thread")  # fmt: skip


def _frame_start(packet: RtpPacket) -> bool:
    """True for the first packet of a VP8 frame (start of partition 0)."""
    try:
        descriptor, _ = VpxPayloadDescriptor.parse(packet.payload)
    except ValueError:
        return False
    return bool(descriptor.partition_start) and descriptor.partition_id == 0


def _keyframe_start(packet: RtpPacket) -> bool:
    """True for the first packet of a VP8 keyframe (RFC 7741: P bit 0 in the payload header)."""
    try:
        descriptor, data = VpxPayloadDescriptor.parse(packet.payload)
    except ValueError:
        return False
    starts = bool(descriptor.partition_start) and descriptor.partition_id == 0
    return starts and bool(data) and not data[0] & 0x01


class BoundedJitterBuffer(JitterBuffer):
    """aiortc's video jitter buffer with a bound on how long a missing packet is waited for."""

    def __init__(self, capacity: int = CAPACITY, max_wait_ms: int = MAX_WAIT_MS) -> None:
        super().__init__(capacity, is_video=True)
        self._max_wait = max_wait_ms * VIDEO_CLOCK // 1000
        self.skips = 0  # incomplete frames given up on (each asks for a keyframe)
        self.payload_type: int | None = None  # of the media packets (RTX already unwrapped)
        self.ssrc: int | None = None
        self._repair_asked: float | None = None  # when we last asked for a keyframe, if waiting

    def add(self, packet: RtpPacket) -> tuple[bool, JitterFrame | None]:
        """Add ``packet``; a frame blocked too long by a missing packet is skipped."""
        self.payload_type = packet.payload_type
        self.ssrc = packet.ssrc
        if self._repair_asked is not None and _keyframe_start(packet):
            self._repair_asked = None
        pli, frame = super().add(packet)
        if frame is None:
            frame = self._complete_head()
        if frame is None and self._skip_stale(packet.timestamp):
            self.skips += 1
            pli = True  # the decoder lost a reference: a keyframe repairs the picture
            frame = self._complete_head() or self._remove_frame(packet.sequence_number)
        now = time.monotonic()
        if pli:
            self._repair_asked = now
        elif self._repair_asked is not None and now - self._repair_asked > PLI_REPEAT_S:
            self._repair_asked = now
            pli = True  # the keyframe has not come: the request (or the keyframe) was lost
        return pli, frame

    def _skip_stale(self, newest_ts: int) -> bool:
        """Drop the frame at the head if it waited too long; True when something was dropped."""
        if self._origin is None:
            return False
        blocked_ts: int | None = None
        for count in range(self._capacity):
            packet = self._packets[(self._origin + count) % self._capacity]
            if packet is None:
                continue
            if blocked_ts is None:
                blocked_ts = packet.timestamp
                # RTP timestamps wrap at 2**32; a newer frame is less than half the range ahead.
                age = (newest_ts - blocked_ts) % (1 << 32)
                if age >= 1 << 31 or age <= self._max_wait:
                    return False
                if count and _frame_start(packet):
                    # Only packets of earlier frames are missing: this frame may be whole.
                    self.remove(count)
                    return True
            elif packet.timestamp != blocked_ts and _frame_start(packet):
                self.remove(count)  # everything before the next complete-able frame
                return True
        return False

    def wants(self, sequence_number: int) -> bool:
        """True when ``sequence_number`` could still complete a frame in the buffer."""
        if self._origin is None:
            return False
        return (sequence_number - self._origin) % (1 << 16) < self._capacity

    def pop_complete(self) -> JitterFrame | None:
        """The next frame that is already complete (``None``: wait for more packets)."""
        if self._origin is None:
            return None
        # aiortc scans from the origin whatever the argument.
        return self._complete_head() or self._remove_frame(self._origin)

    def _complete_head(self) -> JitterFrame | None:
        """The frame at the head if all of it is here (first packet to marker bit), removed.

        aiortc waits for the next frame's first packet to know a frame ended; the marker bit
        says so a frame earlier, and a frame followed by a lost packet is not thrown away.
        """
        if self._origin is None:
            return None
        first = self._packets[self._origin % self._capacity]
        if first is None or not _frame_start(first):
            return None
        packets = []
        for count in range(self._capacity):
            packet = self._packets[(self._origin + count) % self._capacity]
            if packet is None or packet.timestamp != first.timestamp:
                return None
            packets.append(packet)
            if packet.marker:
                self.remove(count + 1)
                data = b"".join(p._data for p in packets)  # type: ignore[attr-defined]
                return JitterFrame(data=data, timestamp=first.timestamp)
        return None


def install(receiver: Any, capacity: int = CAPACITY) -> BoundedJitterBuffer | None:
    """Give aiortc's video ``receiver`` a :class:`BoundedJitterBuffer` that drains fully.

    Returns the buffer, or ``None`` when aiortc's receiver no longer has the expected shape
    (then aiortc's own buffer stays: correct, only slower to recover).
    """
    if not all(hasattr(receiver, slot) for slot in _SLOTS):
        log.warning("aiortc's receiver changed shape: video latency is not bounded")
        return None
    if not isinstance(getattr(receiver, _SLOTS[0]), JitterBuffer):
        return None
    buffer = BoundedJitterBuffer(capacity)
    setattr(receiver, _SLOTS[0], buffer)
    original = receiver._handle_rtp_packet

    @functools.wraps(original)
    async def handle(packet: RtpPacket, arrival_time_ms: int) -> None:
        await original(packet, arrival_time_ms)
        # aiortc queued at most one frame for this packet; queue the others already complete,
        # in order, so a backlog drains at once instead of one frame per packet.
        if getattr(receiver, _SLOTS[4]) is None:
            return  # not decoding yet (aiortc drops frames then too)
        codec = getattr(receiver, _SLOTS[3]).get(buffer.payload_type)
        while codec is not None and (frame := buffer.pop_complete()) is not None:
            frame.timestamp = getattr(receiver, _SLOTS[2]).map(frame.timestamp)
            getattr(receiver, _SLOTS[1]).put((codec, frame))

    receiver._handle_rtp_packet = handle
    nacks = getattr(receiver, "_RTCRtpReceiver__nack_generator", None)
    send_nack = getattr(receiver, "_send_rtcp_nack", None)
    if nacks is not None and send_nack is not None:
        receiver._handle_rtp_packet = _renacking(handle, buffer, nacks, send_nack)
    return buffer


def _renacking(handle: Any, buffer: BoundedJitterBuffer, nacks: Any, send_nack: Any) -> Any:
    """Wrap ``handle`` to repeat the NACK of packets still missing (see :data:`RENACK_S`)."""
    last = [time.monotonic()]

    @functools.wraps(handle)
    async def renack(packet: RtpPacket, arrival_time_ms: int) -> None:
        await handle(packet, arrival_time_ms)
        now = time.monotonic()
        if not nacks.missing or now - last[0] < RENACK_S or buffer.ssrc is None:
            return
        last[0] = now
        stale = {seq for seq in nacks.missing if not buffer.wants(seq)}
        nacks.missing -= stale  # too old to help any frame: stop asking for them
        if nacks.missing:
            await send_nack(buffer.ssrc, sorted(nacks.missing))

    return renack

