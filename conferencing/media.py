"""Local media sources for the call engine.

A :class:`VideoSource` or :class:`AudioSource` hands the engine one aiortc track. The engine
fans that track out to every peer connection (see :mod:`conferencing.fanout`), so a source is
read once however many offices are in the call.

* :class:`SyntheticVideoSource` draws moving colour bars, the office name and a clock, and a
  machine-readable *stamp* (see :mod:`conferencing.stamp`) carrying a frame counter, the send
  time in milliseconds and a tag of the office name, so receivers can check pixels and measure
  glass-to-glass latency.
* :class:`SyntheticAudioSource` plays a quiet tone.
* :class:`PushVideoSource` / :class:`PushAudioSource` take frames pushed from another thread,
  which is how the Qt camera and microphone feed the engine.
"""

from __future__ import annotations

import asyncio
import fractions
import math
import threading
import time
from abc import ABC, abstractmethod
from datetime import datetime

import av
import numpy as np
from aiortc import MediaStreamTrack
from aiortc.mediastreams import MediaStreamError

from conferencing import stamp
from conferencing.audio_processing import AudioProcessor

VIDEO_CLOCK = 90_000
AUDIO_RATE = 48_000
AUDIO_PTIME = 0.020  # 20 ms Opus frames
AUDIO_SAMPLES = int(AUDIO_RATE * AUDIO_PTIME)


class VideoSource(ABC):
    """Something that produces video frames of a fixed nominal size and rate."""

    width: int
    height: int
    fps: int

    @abstractmethod
    def track(self) -> MediaStreamTrack:
        """The aiortc track the engine reads (the same object on every call)."""


class AudioSource(ABC):
    """Something that produces 48 kHz audio in 20 ms frames."""

    @abstractmethod
    def track(self) -> MediaStreamTrack:
        """The aiortc track the engine reads (the same object on every call)."""


class _PacedTrack(MediaStreamTrack):
    """A track that releases one frame every ``period`` seconds of wall-clock time."""

    def __init__(self, period: float) -> None:
        super().__init__()
        self._period = period
        self._start: float | None = None
        self._index = 0

    async def _pace(self) -> int:
        """Sleep until the next frame is due and return its index."""
        if self.readyState != "live":
            raise MediaStreamError("track ended")
        now = time.monotonic()
        if self._start is None:
            self._start = now
        due = self._start + self._index * self._period
        if due > now:
            await asyncio.sleep(due - now)
        elif now - due > 1.0:
            # Far behind (the loop was blocked): skip ahead instead of bursting frames.
            self._index = int((now - self._start) / self._period)
        index = self._index
        self._index += 1
        return index


# --------------------------------------------------------------------------- synthetic video

# BT.601 limited-range YUV of eight colour bars (white, yellow, cyan, green, magenta, red, blue, black).
_BARS_YUV = [
    (235, 128, 128),
    (210, 16, 146),
    (170, 166, 16),
    (145, 54, 34),
    (106, 202, 222),
    (81, 90, 240),
    (41, 240, 110),
    (16, 128, 128),
]


def _text_mask(text: str, size: int) -> np.ndarray:
    """Render ``text`` into a boolean mask (True = ink) with Pillow's built-in font."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.load_default(size=size)
    left, top, right, bottom = font.getbbox(text)
    image = Image.new("L", (max(2, right - left + 4), max(2, bottom - top + 4)), 0)
    ImageDraw.Draw(image).text((2 - left, 2 - top), text, fill=255, font=font)
    return np.asarray(image) > 127


class _SyntheticVideoTrack(_PacedTrack):
    kind = "video"

    def __init__(self, source: SyntheticVideoSource) -> None:
        super().__init__(1.0 / source.fps)
        self._source = source
        w, h = source.width, source.height
        bar_w = max(1, w // len(_BARS_YUV))
        cols = np.minimum(np.arange(w) // bar_w, len(_BARS_YUV) - 1)
        yuv = np.array(_BARS_YUV, dtype=np.uint8)[cols]  # (w, 3)
        self._y = np.repeat(yuv[None, :, 0], h, axis=0)
        self._u = np.repeat(yuv[None, ::2, 1], h // 2, axis=0)
        self._v = np.repeat(yuv[None, ::2, 2], h // 2, axis=0)
        self._font_px = max(10, h // 16)
        self._name = _text_mask(source.office, self._font_px)
        self._clock_second = -1
        self._clock = _text_mask("00:00:00", self._font_px)
        self._tag = stamp.office_tag(source.office)
        self._stamp_h = stamp.stamp_height(w, h)

    def _paste(
        self, y: np.ndarray, u: np.ndarray, v: np.ndarray, mask: np.ndarray, top: int
    ) -> int:
        """Draw white text on a dark box at ``top``; returns the row below it."""
        h, w = y.shape
        mh, mw = mask.shape
        mh, mw = min(mh, h - top), min(mw, w - 4)
        if mh <= 0 or mw <= 0:
            return top
        box = y[top : top + mh, 4 : 4 + mw]
        box[:] = 16
        box[mask[:mh, :mw]] = 235
        # Neutral chroma under the box so the text stays white on black.
        u[top // 2 : (top + mh) // 2, 2 : (4 + mw) // 2] = 128
        v[top // 2 : (top + mh) // 2, 2 : (4 + mw) // 2] = 128
        return top + mh + 2

    def render(self, index: int, now_ms: int) -> av.VideoFrame:
        """Draw frame ``index`` stamped with ``now_ms`` (exposed for tests and benchmarks)."""
        src = self._source
        w, h = src.width, src.height
        y, u, v = self._y.copy(), self._u.copy(), self._v.copy()
        # A black-and-white bar sweeping across (visible on every colour bar), so motion and
        # encoder effort are realistic.
        x = (index * max(2, w // 120)) % w & ~1
        bw = max(4, w // 40) & ~3
        y[:, x : x + bw // 2] = 16
        y[:, x + bw // 2 : x + bw] = 235
        u[:, x // 2 : (x + bw) // 2] = 128
        v[:, x // 2 : (x + bw) // 2] = 128
        second = now_ms // 1000
        if second != self._clock_second:
            self._clock_second = second
            self._clock = _text_mask(
                datetime.fromtimestamp(second).strftime("%H:%M:%S"), self._font_px
            )
        row = self._stamp_h + 4
        row = self._paste(y, u, v, self._name, row)
        self._paste(y, u, v, self._clock, row)
        stamp.draw(y, u, v, stamp.Stamp(index & stamp.COUNTER_MASK, now_ms, self._tag))
        frame = av.VideoFrame.from_ndarray(
            np.concatenate([y.reshape(-1), u.reshape(-1), v.reshape(-1)]).reshape(h * 3 // 2, w),
            format="yuv420p",
        )
        frame.pts = index * VIDEO_CLOCK // src.fps
        frame.time_base = fractions.Fraction(1, VIDEO_CLOCK)
        return frame

    async def recv(self) -> av.VideoFrame:
        index = await self._pace()
        return self.render(index, int(time.time() * 1000))


class SyntheticVideoSource(VideoSource):
    """Moving colour bars with the office name, a clock and a machine-readable stamp."""

    def __init__(self, office: str, width: int = 640, height: int = 480, fps: int = 30) -> None:
        if width < 64 or height < 48 or width % 2 or height % 2:
            raise ValueError(
                f"synthetic video needs an even size of at least 64x48, got {width}x{height}"
            )
        self.office = office
        self.width = width
        self.height = height
        self.fps = fps
        self._track: _SyntheticVideoTrack | None = None

    def track(self) -> MediaStreamTrack:
        if self._track is None:
            self._track = _SyntheticVideoTrack(self)
        return self._track


# --------------------------------------------------------------------------- pushed video


class _PushVideoTrack(_PacedTrack):
    kind = "video"

    def __init__(self, source: PushVideoSource) -> None:
        super().__init__(1.0 / source.fps)
        self._source = source
        self._black: av.VideoFrame | None = None

    async def recv(self) -> av.VideoFrame:
        index = await self._pace()
        src = self._source
        rgb = src._take()
        if rgb is None:
            if self._black is None:
                self._black = av.VideoFrame.from_ndarray(
                    np.zeros((src.height, src.width, 3), np.uint8), format="rgb24"
                ).reformat(format="yuv420p")
            frame = self._black
        else:
            frame = av.VideoFrame.from_ndarray(rgb, format="rgb24").reformat(
                width=src.width, height=src.height, format="yuv420p"
            )
        frame.pts = index * VIDEO_CLOCK // src.fps
        frame.time_base = fractions.Fraction(1, VIDEO_CLOCK)
        return frame


class PushVideoSource(VideoSource):
    """Video pushed from another thread (the Qt camera); the newest frame wins.

    Frames of another size are scaled to ``width`` x ``height``; before the first push the
    track sends black.
    """

    def __init__(self, width: int, height: int, fps: int = 30) -> None:
        self.width = width
        self.height = height
        self.fps = fps
        self._lock = threading.Lock()
        self._latest: np.ndarray | None = None
        self._track: _PushVideoTrack | None = None

    def push(self, frame_rgb: np.ndarray) -> None:
        """Offer an ``HxWx3`` uint8 RGB frame. Thread-safe; the array is copied."""
        if frame_rgb.ndim != 3 or frame_rgb.shape[2] != 3 or frame_rgb.dtype != np.uint8:
            raise ValueError(
                f"expected an HxWx3 uint8 RGB array, got {frame_rgb.shape} {frame_rgb.dtype}"
            )
        copy = np.ascontiguousarray(frame_rgb).copy()
        with self._lock:
            self._latest = copy

    def _take(self) -> np.ndarray | None:
        with self._lock:
            return self._latest

    def track(self) -> MediaStreamTrack:
        if self._track is None:
            self._track = _PushVideoTrack(self)
        return self._track


# --------------------------------------------------------------------------- audio


def _audio_frame(samples: np.ndarray, pts: int) -> av.AudioFrame:
    frame = av.AudioFrame.from_ndarray(samples.reshape(1, -1), format="s16", layout="mono")
    frame.sample_rate = AUDIO_RATE
    frame.pts = pts
    frame.time_base = fractions.Fraction(1, AUDIO_RATE)
    return frame


class _SyntheticAudioTrack(_PacedTrack):
    kind = "audio"

    def __init__(self, source: SyntheticAudioSource) -> None:
        super().__init__(AUDIO_PTIME)
        self._source = source

    async def recv(self) -> av.AudioFrame:
        index = await self._pace()
        start = index * AUDIO_SAMPLES
        t = (np.arange(start, start + AUDIO_SAMPLES) / AUDIO_RATE).astype(np.float64)
        amplitude = self._source.volume * 32767
        samples = (amplitude * np.sin(2 * math.pi * self._source.frequency * t)).astype(np.int16)
        return _audio_frame(samples, start)


class SyntheticAudioSource(AudioSource):
    """A steady sine tone (default 440 Hz, quiet)."""

    def __init__(self, frequency: float = 440.0, volume: float = 0.1) -> None:
        self.frequency = frequency
        self.volume = volume
        self._track: _SyntheticAudioTrack | None = None

    def track(self) -> MediaStreamTrack:
        if self._track is None:
            self._track = _SyntheticAudioTrack(self)
        return self._track


class _PushAudioTrack(_PacedTrack):
    kind = "audio"

    def __init__(self, source: PushAudioSource) -> None:
        super().__init__(AUDIO_PTIME)
        self._source = source

    async def recv(self) -> av.AudioFrame:
        index = await self._pace()
        return _audio_frame(self._source.pull(AUDIO_SAMPLES), index * AUDIO_SAMPLES)


class PushAudioSource(AudioSource):
    """Microphone audio pushed from another thread as s16 mono 48 kHz PCM.

    The buffer is capped at ``max_buffer_ms`` so a stalled reader never builds up latency;
    an underrun is filled with silence. With a ``processor`` (see
    :mod:`conferencing.audio_processing`) every pulled frame goes through WebRTC's echo
    cancellation, noise suppression, gain control and high-pass filter before it is sent.
    """

    def __init__(self, max_buffer_ms: int = 200, processor: AudioProcessor | None = None) -> None:
        self._lock = threading.Lock()
        self._buffer = bytearray()
        self._max_bytes = AUDIO_RATE * 2 * max_buffer_ms // 1000
        self._track: _PushAudioTrack | None = None
        self.processor = processor

    def push(self, pcm_s16_mono_48k: bytes) -> None:
        """Append PCM bytes (thread-safe). Oldest audio is dropped beyond the buffer cap."""
        with self._lock:
            self._buffer += pcm_s16_mono_48k
            excess = len(self._buffer) - self._max_bytes
            if excess > 0:
                del self._buffer[: excess + (excess & 1)]

    def _take(self, samples: int) -> tuple[np.ndarray, float]:
        """The oldest ``samples`` (silence-padded) and how long they waited here, in ms."""
        want = samples * 2
        with self._lock:
            waited_ms = len(self._buffer) / (AUDIO_RATE * 2) * 1000
            chunk = bytes(self._buffer[:want])
            del self._buffer[:want]
        out = np.zeros(samples, np.int16)
        got = np.frombuffer(chunk[: len(chunk) & ~1], np.int16)
        out[: got.size] = got
        return out, waited_ms

    def pull(self, samples: int) -> np.ndarray:
        """The next ``samples`` of microphone audio as sent (processed when a processor is set).

        ``samples`` must be a whole number of 10 ms frames when a processor is set; the track
        pulls 20 ms per Opus frame.
        """
        out, waited_ms = self._take(samples)
        processor = self.processor
        if processor is not None:
            # The buffered audio ahead of this frame is the capture side of the AEC delay.
            out = processor.process_capture(out, capture_delay_ms=waited_ms)
        return out

    def track(self) -> MediaStreamTrack:
        if self._track is None:
            self._track = _PushAudioTrack(self)
        return self._track
