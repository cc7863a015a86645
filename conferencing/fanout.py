"""One local source, many peer connections.

aiortc pulls frames from a track with ``recv()``; two senders pulling from the same track would
each get half the frames. :class:`TrackFanout` reads the source once and hands every frame to
each subscriber track (newest wins, so a slow peer drops frames instead of adding latency). It
also restamps timestamps from its own clock, which keeps RTP timestamps monotonic when the
source is replaced mid-call, and substitutes black video or silence when the camera is off or
the microphone muted. A quiet or muted microphone sends one frame every 400 ms
(:mod:`conferencing.dtx`).

Congestion control (:mod:`conferencing.adaptation`) sets a quality tier on each video
subscriber: its frames are scaled down and thinned to the tier's size and frame rate before
that peer's encoder sees them. With a shared encoder the fan-out encodes once per tier in use,
so peers on a good link are not held down by one on a bad link, and no peer gets more than its
link carries.
"""

from __future__ import annotations

import asyncio
import contextlib
import fractions
import time
from collections import deque

import av
import numpy as np
from aiortc import MediaStreamTrack, RTCRtpSender
from aiortc.mediastreams import MediaStreamError

from conferencing.adaptation import TIERS, Tier
from conferencing.dtx import SilenceGate
from conferencing.media import AUDIO_RATE, VIDEO_CLOCK
from conferencing.sharedencoder import SharedVp8Encoder
from conferencing.speaking import frame_dbfs

MAX_PACKET_BACKLOG = 4  # encoded frames a peer may lag behind (about 130 ms at 30 fps)


class FanoutTrack(MediaStreamTrack):
    """What one peer connection sends: frames handed over by a :class:`TrackFanout`."""

    def __init__(self, fanout: TrackFanout, depth: int) -> None:
        super().__init__()
        self.kind = fanout.kind
        self._fanout = fanout
        self._frames: deque[av.frame.Frame | av.Packet] = deque(maxlen=depth)
        self._ready = asyncio.Event()
        self._awaiting_keyframe = True  # packets only: a peer's first packet must be a keyframe
        self.tier: int | None = None  # None: the source as it is (no congestion control yet)
        self._last_sent: float | None = None  # pts seconds of the last frame sent (fps cap)
        self.sent_size: tuple[int, int] | None = None

    def set_tier(self, tier: int | None) -> None:
        """Send at quality step ``tier`` of :data:`~conferencing.adaptation.TIERS` from now on."""
        if tier == self.tier:
            return
        self.tier = tier
        if self._fanout.encoder is not None:
            # Another tier's packets come from another encoder: start it at a keyframe.
            self._frames.clear()
            self._awaiting_keyframe = True
            self._fanout.encoder_for(tier).request_keyframe()

    def _shape(self, frame: av.VideoFrame) -> av.VideoFrame | None:
        """Scale and thin a raw frame to this peer's tier (None: skip it for the frame rate)."""
        if self.tier is None:
            self.sent_size = (frame.width, frame.height)
            return frame
        tier = TIERS[self.tier]
        seconds = float(frame.pts * frame.time_base) if frame.pts is not None else 0.0
        if self._last_sent is not None and seconds - self._last_sent < 0.9 / tier.fps:
            return None
        self._last_sent = seconds
        out = scaled(frame, tier)
        self.sent_size = (out.width, out.height)
        return out

    def _offer(self, frame: av.frame.Frame | av.Packet) -> None:
        if isinstance(frame, av.Packet):
            self._offer_packet(frame)
            return
        self._frames.append(frame)
        self._ready.set()

    def _offer_packet(self, packet: av.Packet) -> None:
        encoder = self._fanout.encoder
        assert encoder is not None
        if len(self._frames) >= MAX_PACKET_BACKLOG:
            # This peer's sender fell behind (or is not connected yet). Dropping one encoded
            # packet would corrupt every later frame, and sending the backlog would add latency:
            # drop it all and resume at the next keyframe.
            self._frames.clear()
            self._awaiting_keyframe = True
            encoder.request_keyframe()
        if self._awaiting_keyframe:
            if not packet.is_keyframe:
                return
            self._awaiting_keyframe = False
        self._frames.append(packet)
        self._ready.set()

    def attach_sender(self, sender: RTCRtpSender) -> None:
        """With a shared encoder, route this sender's keyframe requests (PLI) to it."""
        encoder = self._fanout.encoder
        if encoder is None:
            return
        original = sender._send_keyframe
        fanout = self._fanout

        def send_keyframe() -> None:
            original()
            fanout.encoder_for(self.tier).request_keyframe()

        sender._send_keyframe = send_keyframe  # type: ignore[method-assign]

    async def recv(self) -> av.frame.Frame | av.Packet:
        while True:
            while not self._frames:
                if self.readyState != "live":
                    raise MediaStreamError
                self._ready.clear()
                await self._ready.wait()
            item = self._frames.popleft()
            if not isinstance(item, av.VideoFrame):
                return item
            shaped = self._shape(item)
            if shaped is not None:
                return shaped

    def stop(self) -> None:
        super().stop()
        self._fanout._unsubscribe(self)
        self._ready.set()


class TrackFanout:
    """Reads one source track and feeds every subscriber; owned by the engine loop."""

    def __init__(
        self, kind: str, source: MediaStreamTrack | None, encoder: SharedVp8Encoder | None = None
    ) -> None:
        self.kind = kind
        self.encoder = encoder  # video only: encode once, send packets to every peer
        self._tier_encoders: dict[int, SharedVp8Encoder] = {}  # more encodes only per tier
        self._tier_sent: dict[int, float] = {}
        self._source = source
        self._subscribers: list[FanoutTrack] = []
        self._task: asyncio.Task[None] | None = None
        self.enabled = True
        self._t0 = time.monotonic()
        self._audio_pts = 0
        self._black: np.ndarray | None = None
        # Audio only: a quiet or muted microphone sends a frame every 400 ms (conferencing.dtx).
        self.gate = SilenceGate() if kind == "audio" else None

    def encoder_for(self, tier: int | None) -> SharedVp8Encoder:
        """The shared encoder of quality step ``tier`` (``None``: the unscaled source's)."""
        assert self.encoder is not None
        if tier is None:
            return self.encoder
        encoder = self._tier_encoders.get(tier)
        if encoder is None:
            encoder = SharedVp8Encoder(self.encoder.fps, budget_bps=tier_budget(tier))
            self._tier_encoders[tier] = encoder
        return encoder

    @property
    def frames_encoded(self) -> int | None:
        """Frames the shared encoders encoded, all tiers together (``None``: no shared encoder)."""
        if self.encoder is None:
            return None
        return self.encoder.frames_encoded + sum(
            e.frames_encoded for e in self._tier_encoders.values()
        )

    @property
    def keyframes(self) -> int | None:
        """Keyframes the shared encoders made, all tiers together."""
        if self.encoder is None:
            return None
        return self.encoder.keyframes + sum(e.keyframes for e in self._tier_encoders.values())

    def subscribe(self) -> FanoutTrack:
        """A new track for one peer connection (starts the reader on first use)."""
        depth = 5 if self.kind == "audio" else (MAX_PACKET_BACKLOG + 1 if self.encoder else 1)
        track = FanoutTrack(self, depth=depth)
        self._subscribers.append(track)
        if self.encoder is not None:
            self.encoder.request_keyframe()  # the new peer cannot decode without one
        if self._task is None and self._source is not None:
            self._task = asyncio.ensure_future(self._pump(self._source))
        return track

    def _unsubscribe(self, track: FanoutTrack) -> None:
        with contextlib.suppress(ValueError):
            self._subscribers.remove(track)

    async def set_source(self, source: MediaStreamTrack) -> None:
        """Switch to another source track without renegotiating."""
        await self._cancel()
        self._source = source
        if self._subscribers:
            self._task = asyncio.ensure_future(self._pump(source))

    async def _cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
            self._task = None

    async def close(self) -> None:
        """Stop reading and end every subscriber track."""
        await self._cancel()
        for track in list(self._subscribers):
            track.stop()

    def _substitute(self, frame: av.frame.Frame) -> av.frame.Frame:
        if self.kind == "video":
            shape = (frame.height * 3 // 2, frame.width)
            if self._black is None or self._black.shape != shape:
                self._black = np.full(shape, 128, np.uint8)
                self._black[: frame.height] = 16
            # A fresh frame each time: encoders read pts later from their own threads.
            return av.VideoFrame.from_ndarray(self._black, format="yuv420p")
        silent = av.AudioFrame.from_ndarray(
            np.zeros((1, frame.samples), np.int16), format="s16", layout="mono"
        )
        silent.sample_rate = frame.sample_rate
        return silent

    async def _pump(self, source: MediaStreamTrack) -> None:
        while True:
            try:
                frame = await source.recv()
            except MediaStreamError:
                return
            if not self.enabled:
                frame = self._substitute(frame)
            # Restamp from our own clock: a replaced source starts its pts at zero again.
            if self.kind == "video":
                frame.pts = int((time.monotonic() - self._t0) * VIDEO_CLOCK)
                frame.time_base = fractions.Fraction(1, VIDEO_CLOCK)
            else:
                frame.pts = self._audio_pts
                frame.time_base = fractions.Fraction(1, AUDIO_RATE)
                self._audio_pts += frame.samples
                if self.gate is not None:
                    dbfs = frame_dbfs(frame) if self.enabled else -120.0
                    if not self.gate.admit(dbfs, frame.samples / (frame.sample_rate or AUDIO_RATE)):
                        continue
            if self.encoder is not None and self.kind == "video":
                await self._encode_per_tier(frame)
                continue
            for track in list(self._subscribers):
                track._offer(frame)

    async def _encode_per_tier(self, frame: av.VideoFrame) -> None:
        """One encode per tier in use; each subscriber gets its own tier's packets."""
        groups: dict[int | None, list[FanoutTrack]] = {}
        for track in list(self._subscribers):
            groups.setdefault(track.tier, []).append(track)
        loop = asyncio.get_running_loop()
        for tier, tracks in groups.items():
            source = frame
            if tier is not None:
                if not self._tier_due(tier, frame):
                    continue
                source = scaled(frame, TIERS[tier])
            encoder = self.encoder_for(tier)
            packets = await loop.run_in_executor(None, encoder.encode, source)
            for track in tracks:
                track.sent_size = (source.width, source.height)
                for packet in packets:
                    track._offer(packet)
        for tier in set(self._tier_encoders) - set(groups):
            del self._tier_encoders[tier]  # nobody at that step any more

    def _tier_due(self, tier: int, frame: av.VideoFrame) -> bool:
        """Thin the frame rate of a tier below the source's (one clock per tier)."""
        seconds = float(frame.pts * frame.time_base)
        last = self._tier_sent.get(tier)
        if last is not None and seconds - last < 0.9 / TIERS[tier].fps:
            return False
        self._tier_sent[tier] = seconds
        return True


def scaled(frame: av.VideoFrame, tier: Tier) -> av.VideoFrame:
    """``frame`` at most ``tier.height`` high (same aspect), stamped like the original."""
    width, height = tier.size_for(frame.width, frame.height)
    if (width, height) == (frame.width, frame.height):
        return frame
    out = frame.reformat(width=width, height=height, format="yuv420p")
    out.pts, out.time_base = frame.pts, frame.time_base
    return out


def tier_budget(tier: int) -> int:
    """The fixed bitrate of a shared encoder at quality step ``tier``."""
    step = TIERS[tier]
    return max(120_000, int(step.min_bps * 1.1)) if step.min_bps else 120_000
