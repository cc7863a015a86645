"""One VP8 encode for every peer connection (opt-in: ``CallEngine(shared_encoder=True)``).

aiortc encodes once per peer connection, so a full mesh of N offices costs N-1 VP8 encodes per
office. aiortc also sends pre-encoded ``av.Packet`` objects (``Encoder.pack``), so the fan-out
can encode each frame once and hand the same packets to every sender.

Congestion control still works per peer: the fan-out (:mod:`conferencing.fanout`) keeps one
encoder per quality tier in use (:mod:`conferencing.adaptation`), each with a fixed budget for
its size, and each peer gets the packets of its own tier. Trade-offs, which is why it is opt-in:

* the bitrate moves in tier steps, not continuously as with one encoder per peer;
* a keyframe requested by one peer (PLI after loss, or a peer joining) goes to every peer of
  its tier.
"""

from __future__ import annotations

import multiprocessing

import av
from aiortc.codecs.vpx import MAX_BITRATE, MIN_BITRATE, number_of_threads


def bitrate_for(width: int, height: int, fps: float) -> int:
    """A fixed target bitrate: about 0.1 bit per pixel per frame, within aiortc's VP8 limits."""
    return int(max(MIN_BITRATE, min(MAX_BITRATE, width * height * fps * 0.1)))


class SharedVp8Encoder:
    """Encodes frames to VP8 packets with aiortc's real-time settings; keyframes on request."""

    def __init__(self, fps: float = 30.0, *, budget_bps: int | None = None) -> None:
        self.fps = fps
        self.budget_bps = budget_bps  # a tier's ceiling (None: from the picture size only)
        self._codec: av.video.codeccontext.VideoCodecContext | None = None
        self._keyframe = True
        self.frames_encoded = 0
        self.keyframes = 0

    def request_keyframe(self) -> None:
        """Make the next frame a keyframe (a peer joined or reported loss). Thread-safe enough:
        a flag read by the encoding thread."""
        self._keyframe = True

    def _open(self, width: int, height: int) -> av.video.codeccontext.VideoCodecContext:
        codec = av.CodecContext.create("libvpx", "w")
        bitrate = bitrate_for(width, height, self.fps)
        if self.budget_bps is not None:
            bitrate = min(bitrate, self.budget_bps)
        codec.width, codec.height = width, height
        codec.bit_rate = bitrate
        codec.pix_fmt = "yuv420p"
        codec.gop_size = 3000  # keyframes only when asked for, like aiortc
        codec.qmin, codec.qmax = 2, 56
        codec.options = {
            "bufsize": str(bitrate),
            "cpu-used": "-6",
            "deadline": "realtime",
            "lag-in-frames": "0",
            "minrate": str(bitrate),
            "maxrate": str(bitrate),
            "noise-sensitivity": "4",
            "overshoot-pct": "15",
            "partitions": "0",
            "static-thresh": "1",
            "undershoot-pct": "100",
        }
        # aiortc's own rule; two threads on a busy 2-core machine made encoding 40x slower.
        codec.thread_count = number_of_threads(width * height, multiprocessing.cpu_count())
        return codec

    def encode(self, frame: av.VideoFrame) -> list[av.Packet]:
        """Encode one frame (runs in an executor thread); returns packets stamped like the frame."""
        if frame.format.name != "yuv420p":
            frame = frame.reformat(format="yuv420p")
        if self._codec is None or (frame.width, frame.height) != (
            self._codec.width,
            self._codec.height,
        ):
            self._codec = self._open(frame.width, frame.height)
            self._keyframe = True
        if self._keyframe:
            self._keyframe = False
            self.keyframes += 1
            frame.pict_type = av.video.frame.PictureType.I
        packets = list(self._codec.encode(frame))
        for packet in packets:
            packet.pts = frame.pts
            packet.time_base = frame.time_base
        self.frames_encoded += 1
        return packets
