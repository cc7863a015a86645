"""Presenting: a second video track (the "screen") beside the camera, tuned for detail.

A presentation is a slide, a document page or a shared screen: mostly still, full of small
text. It is sent as its own track, at its own resolution (1920x1080 and more are kept) and a low
frame rate (:data:`SCREEN_FPS`), by an encoder set for sharp text (:class:`ScreenVp8Encoder`)
instead of the camera's motion-friendly real-time settings. Congestion control
(:mod:`conferencing.adaptation`) never scales it; only a link that cannot carry its bitrate
lowers that bitrate (REMB).

* :class:`SlideSource` sends the newest still image (RGB) at :data:`SCREEN_FPS`; an unchanged
  image is converted once.
* :func:`synthetic_slide` draws a detailed still (a table of small text, fine lines) for the
  headless ``call --present-synthetic WxH`` and the tests.
* :class:`PresenterState` is who presents in the room, as the hub announced it
  (``presenter`` messages, docs/protocol.md §3): one presenter at a time, enforced by the hub.
"""

from __future__ import annotations

import asyncio
import fractions
import multiprocessing
import threading
from dataclasses import dataclass

import av
import numpy as np
from aiortc import MediaStreamTrack
from aiortc.codecs.vpx import Vp8Encoder, number_of_threads
from aiortc.mediastreams import MediaStreamError

from conferencing.events import EngineEvent
from conferencing.media import VIDEO_CLOCK, VideoSource, _PacedTrack

SCREEN_FPS = 5  # a slide does not move: spend the bits on detail, not on frames
SCREEN_BPS = 2_500_000  # about 500 kbit per frame at 5 fps: small text stays sharp
SCREEN_MIN_BPS = 300_000  # the least a link that cannot carry more gets
MAX_SCREEN_SIDE = 3840  # larger images are scaled down to this (4K)
#: A keyframe may take at most this share of a frame's budget, in percent. A still 1080p slide
#: full of text is several hundred kilobytes at full quality: sent at once it overruns socket
#: buffers and the retransmission history. Capped, the first picture is a little soft and the
#: next frames (which change nothing) refine it within a second or two.
MAX_INTRA_PCT = 300


class ScreenVp8Encoder(Vp8Encoder):
    """VP8 for a presentation: sharp text at a low frame rate.

    aiortc's encoder is set for camera video (constant bitrate, 1.5 Mbit/s at most, noise
    sensitivity, a quantizer allowed up to 56). Here: variable bitrate up to :data:`SCREEN_BPS`,
    a fine quantizer range, no noise filter (it smears text), a capped keyframe that later
    frames refine, and the codec clock in the frames' own 90 kHz units so the rate control
    knows a frame lasts 200 ms.
    """

    def __init__(self, bps: int = SCREEN_BPS) -> None:
        super().__init__()
        self.bps = bps
        self.remb_bps: int | None = None
        self.frames = 0
        self.keyframes = 0
        self.codecs_opened = 0  # a new codec starts the slide over from a blurred keyframe
        self.last_size: tuple[int, int] | None = None

    @property  # type: ignore[override]
    def target_bitrate(self) -> int:
        """The bitrate the codec aims at."""
        return self.bps

    @target_bitrate.setter
    def target_bitrate(self, bitrate: int) -> None:
        # aiortc writes each REMB estimate here. Follow it down only when the link really
        # carries less than the presentation needs (REMB on an idle link reports what arrived).
        self.remb_bps = int(bitrate)

    def effective_bps(self) -> int:
        """The rate to encode at: :attr:`bps`, lowered to what REMB says gets through."""
        if self.remb_bps is None or self.remb_bps >= self.bps // 2:
            return self.bps
        return max(SCREEN_MIN_BPS, int(self.remb_bps * 1.5))

    def encode(
        self, frame: av.frame.Frame, force_keyframe: bool = False
    ) -> tuple[list[bytes], int]:
        """Encode one frame (a new codec when the size or, by over 25 %, the rate changed)."""
        assert isinstance(frame, av.VideoFrame)
        if frame.format.name != "yuv420p":
            frame = frame.reformat(format="yuv420p")
        bps = self.effective_bps()
        codec = self.codec
        if codec is not None and (
            (frame.width, frame.height) != (codec.width, codec.height)
            or abs(bps - codec.bit_rate) / codec.bit_rate > 0.25
        ):
            self.codec = codec = None
        if force_keyframe:
            frame.pict_type = av.video.frame.PictureType.I
        if codec is None:
            codec = self.codec = _screen_codec(frame.width, frame.height, bps)
            self.codecs_opened += 1
            force_keyframe = True
        data = b"".join(bytes(packet) for packet in codec.encode(frame))
        self.frames += 1
        self.keyframes += int(force_keyframe)
        self.last_size = (frame.width, frame.height)
        payloads = self._packetize(data, self.picture_id)
        timestamp = int(frame.pts * frame.time_base * VIDEO_CLOCK) if frame.pts is not None else 0
        self.picture_id = (self.picture_id + 1) % (1 << 15)
        return payloads, timestamp


def _screen_codec(width: int, height: int, bps: int) -> av.video.codeccontext.VideoCodecContext:
    codec = av.CodecContext.create("libvpx", "w")
    codec.width = width
    codec.height = height
    codec.bit_rate = bps
    codec.pix_fmt = "yuv420p"
    codec.time_base = fractions.Fraction(1, VIDEO_CLOCK)
    codec.framerate = fractions.Fraction(SCREEN_FPS)
    codec.gop_size = 3000  # keyframes only on request (a new viewer, loss)
    codec.qmin = 2
    codec.qmax = 56
    codec.options = {
        "deadline": "realtime",
        "cpu-used": "8",  # fast: a still picture needs few decisions, the budget is CPU
        "lag-in-frames": "0",
        "static-thresh": "0",  # keep refining unchanged blocks (text sharpens frame by frame)
        "noise-sensitivity": "0",
        "undershoot-pct": "100",
        "overshoot-pct": "15",
        "bufsize": str(2 * bps),
        "maxrate": str(2 * bps),
        "max-intra-rate": str(MAX_INTRA_PCT),
        "partitions": "0",
    }
    codec.thread_count = number_of_threads(width * height, multiprocessing.cpu_count())
    return codec


# --------------------------------------------------------------------------- sources


class _SlideTrack(_PacedTrack):
    kind = "video"

    def __init__(self, source: SlideSource) -> None:
        super().__init__(1.0 / source.fps)
        self._source = source

    async def recv(self) -> av.VideoFrame:
        index = await self._pace()
        frame = self._source._frame()
        if frame is None:
            raise MediaStreamError("presentation ended")
        frame.pts = index * VIDEO_CLOCK // self._source.fps
        frame.time_base = fractions.Fraction(1, VIDEO_CLOCK)
        return frame


class SlideSource(VideoSource):
    """The newest still image (HxWx3 RGB), sent at :data:`SCREEN_FPS` as a presentation.

    Thread-safe :meth:`show` (the UI's screen grabber or page renderer calls it); an image is
    converted to YUV once, not per frame. Sizes are kept (odd sizes lose a pixel, more than
    :data:`MAX_SCREEN_SIDE` is scaled down).
    """

    def __init__(self, image: np.ndarray | None = None, fps: int = SCREEN_FPS) -> None:
        self.fps = fps
        self.width = self.height = 0
        self._lock = threading.Lock()
        self._yuv: av.VideoFrame | None = None
        self._track: _SlideTrack | None = None
        self.images = 0  # how many images were shown (tests, reports)
        if image is not None:
            self.show(image)

    def show(self, rgb: np.ndarray) -> None:
        """Present ``rgb`` (HxWx3 uint8) from the next frame on."""
        if rgb.ndim != 3 or rgb.shape[2] != 3 or rgb.dtype != np.uint8:
            raise ValueError(f"expected an HxWx3 uint8 RGB image, got {rgb.shape} {rgb.dtype}")
        h, w = rgb.shape[:2]
        scale = min(1.0, MAX_SCREEN_SIDE / max(w, h))
        out_w, out_h = max(2, int(w * scale) & ~1), max(2, int(h * scale) & ~1)
        frame = av.VideoFrame.from_ndarray(np.ascontiguousarray(rgb), format="rgb24")
        yuv = frame.reformat(width=out_w, height=out_h, format="yuv420p")
        with self._lock:
            self._yuv = yuv
            self.width, self.height = out_w, out_h
            self.images += 1

    def _frame(self) -> av.VideoFrame | None:
        with self._lock:
            yuv = self._yuv
        if yuv is None:
            return None
        # A fresh frame object per send: encoders read pts later, on their own threads.
        return av.VideoFrame.from_ndarray(yuv.to_ndarray(), format="yuv420p")

    def track(self) -> MediaStreamTrack:
        if self._track is None:
            self._track = _SlideTrack(self)
        return self._track


class IdleTrack(MediaStreamTrack):
    """A video track that sends nothing until stopped: the screen track while nobody presents."""

    kind = "video"

    def __init__(self) -> None:
        super().__init__()
        self._ended = asyncio.Event()

    async def recv(self) -> av.VideoFrame:
        await self._ended.wait()
        raise MediaStreamError("idle track stopped")

    def stop(self) -> None:
        super().stop()
        self._ended.set()


def synthetic_slide(width: int = 1920, height: int = 1080, title: str = "") -> np.ndarray:
    """A detailed still slide (HxWx3 RGB): a title bar, a table of small text, fine lines.

    Deterministic, so a receiver can compare what it decoded with this very image.
    """
    from PIL import Image, ImageDraw, ImageFont

    if width < 320 or height < 240:
        raise ValueError(f"a slide needs at least 320x240, got {width}x{height}")
    image = Image.new("RGB", (width, height), (250, 250, 246))
    draw = ImageDraw.Draw(image)
    unit = max(1, height // 1080)
    title_font = ImageFont.load_default(size=34 * unit)
    text_font = ImageFont.load_default(size=14 * unit)
    bar = 64 * unit
    draw.rectangle([0, 0, width, bar], fill=(21, 67, 126))
    draw.text(
        (24 * unit, 12 * unit),
        title or "Katalog Aplikasi Smart City - Pemerintah Kota Bandung",
        font=title_font,
        fill=(255, 255, 255),
    )
    rng = np.random.default_rng(400)
    dims = ["Government", "Society", "Living", "Economy", "Environment", "Mobility"]
    words = [
        "layanan",
        "perizinan",
        "pajak",
        "daerah",
        "retribusi",
        "kesehatan",
        "pendidikan",
        "pengaduan",
        "warga",
        "data",
        "terpadu",
        "transportasi",
        "parkir",
        "sampah",
        "air",
        "bersih",
        "kependudukan",
        "anggaran",
    ]
    row_h = 22 * unit
    table_w = width * 2 // 3
    columns = (24 * unit, 90 * unit, 260 * unit, 520 * unit)
    y = bar + 16 * unit
    number = 1
    while y + row_h < height - 16 * unit:
        if number % 2:
            draw.rectangle([16 * unit, y, table_w, y + row_h - 1], fill=(236, 241, 248))
        name = " ".join(rng.choice(words, 2)).title()
        text = " ".join(rng.choice(words, 6))
        cells = (f"{number:03d}", f"Smart {dims[number % 6]}", name, text)
        for x, cell in zip(columns, cells, strict=True):
            draw.text((x, y + 3 * unit), cell, font=text_font, fill=(20, 20, 20))
        y += row_h
        number += 1
    # Fine detail a soft encoder would smear: line pairs of 1 to 4 pixels and a checkerboard.
    left = table_w + 32 * unit
    for step, top in zip((1, 2, 3, 4), range(bar + 16 * unit, height, 110 * unit), strict=False):
        for x in range(left, width - 24 * unit, 2 * step):
            draw.rectangle([x, top, x + step - 1, top + 90 * unit], fill=(0, 0, 0))
    top = bar + 16 * unit + 4 * 110 * unit
    if top + 64 < height:
        cells = np.indices((min(200, height - top - 16), width - 24 * unit - left)).sum(axis=0)
        pixels = np.asarray(image).copy()
        board = (cells // 2) % 2 == 0
        pixels[top : top + board.shape[0], left : left + board.shape[1]][board] = (30, 30, 30)
        return pixels
    return np.asarray(image).copy()


def psnr(a: np.ndarray, b: np.ndarray) -> float:
    """Peak signal-to-noise ratio in dB between two same-sized RGB images (inf when equal)."""
    if a.shape != b.shape:
        raise ValueError(f"sizes differ: {a.shape} vs {b.shape}")
    mse = float(np.mean((a.astype(np.float64) - b.astype(np.float64)) ** 2))
    return float("inf") if mse == 0 else 10.0 * float(np.log10(255.0**2 / mse))


# --------------------------------------------------------------------------- who presents


@dataclass(frozen=True)
class PresenterState:
    """Who presents in the room, as the hub announced it (``peer_id`` ``""``: nobody)."""

    peer_id: str = ""
    office: str = ""

    @property
    def active(self) -> bool:
        """True while someone presents."""
        return bool(self.peer_id)


@dataclass(frozen=True)
class PresenterChanged(EngineEvent):
    """Who presents changed (``peer_id`` ``""``: nobody; ``is_self``: this office).

    ``taken_over`` is true when this office's presentation was ended by another office's (the
    host took over)."""

    peer_id: str
    office: str
    is_self: bool = False
    taken_over: bool = False


@dataclass(frozen=True)
class PresentingRefused(EngineEvent):
    """The hub refused to let this office present (``code``: ``presenter-busy`` or
    ``present-denied``); ``presenter`` is the office presenting now, to tell the user who."""

    code: str
    presenter: str
