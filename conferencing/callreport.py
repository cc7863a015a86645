"""Measurements of one engine's call: what ``main.py call --report`` prints.

A :class:`CallReport` attaches to a :class:`~conferencing.engine.CallEngine` as a listener and
frame observer. It reads the synthetic stamp of every remote frame, so it can tell whose frame
arrived, check it decoded intact, and compute glass-to-glass latency from the stamped send time.

Per peer it also reports the received picture's freezes (gaps of more than :data:`FREEZE_S`
between two video frames: ``video_freezes``, ``longest_video_freeze_ms``, and the same after
the first :data:`SETTLE_S` seconds as ``video_freezes_settled``), the smallest and largest
picture received (``resolution_min``/``resolution_max`` as ``"WxH"``), the mean received
``bitrate_kbps``, and under ``sent`` what congestion control made us send to that peer.
``tracks`` lists the video tracks received from the peer, its camera and its presentation
(``[{"kind": "camera"|"screen", "resolution": "WxH", "fps": n}]``: the largest camera picture, the
newest presentation size, frames a second over the track's life).
"""

from __future__ import annotations

import statistics
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import av

from conferencing import stamp
from conferencing.engine import CallEngine
from conferencing.events import (
    ConnectionStateChanged,
    EngineError,
    EngineEvent,
    MediaAdapted,
    ParticipantJoined,
    StatsUpdated,
)

FREEZE_S = 1.0  # a gap between two video frames longer than this is a freeze
SETTLE_S = 5.0  # the start of a call (bitrate ramp, first keyframe) is reported apart


@dataclass
class PeerFigures:
    """What arrived from one peer."""

    frames: int = 0
    stamped: int = 0
    first_at: float | None = None
    last_at: float | None = None
    last_counter: int | None = None
    counters_increasing: bool = True
    tags: set[int] = field(default_factory=set)
    latencies_ms: list[float] = field(default_factory=list)
    arrivals: list[float] = field(default_factory=list)
    stamped_arrivals: list[float] = field(default_factory=list)
    rtt_ms: float | None = None
    loss_pct: float | None = None
    losses_pct: list[float] = field(default_factory=list)
    sizes: set[tuple[int, int]] = field(default_factory=set)
    bitrates_kbps: list[float] = field(default_factory=list)
    sent: list[MediaAdapted] = field(default_factory=list)
    screen: TrackFigures = field(default_factory=lambda: TrackFigures())


@dataclass
class TrackFigures:
    """Frames of one received video track: how many, the newest size, first and last arrival."""

    frames: int = 0
    size: tuple[int, int] | None = None
    first_at: float | None = None
    last_at: float | None = None

    def add(self, frame: av.VideoFrame, now: float) -> None:
        """Count one frame that arrived at monotonic time ``now``."""
        self.frames += 1
        self.size = (frame.width, frame.height)
        self.first_at = now if self.first_at is None else self.first_at
        self.last_at = now

    def as_dict(self, kind: str) -> dict[str, Any]:
        """``{"kind", "resolution", "fps"}`` of the track."""
        span = (self.last_at or 0.0) - (self.first_at or 0.0)
        fps = round((self.frames - 1) / span, 1) if span > 0 else 0.0
        return {"kind": kind, "resolution": _size_text(self.size), "fps": fps}


class CallReport:
    """Collects per-peer figures from an engine (thread-safe; observers run on the engine thread)."""

    def __init__(self, engine: CallEngine, *, read_stamps: bool = True) -> None:
        self.engine = engine
        self.read_stamps = read_stamps
        self.peers: dict[str, PeerFigures] = {}
        self.states: list[tuple[float, str, str]] = []
        self.errors: list[str] = []
        self.offices: dict[str, str] = {}
        self.first_frame_at: float | None = None
        self._lock = threading.Lock()
        engine.add_listener(self._on_event)
        engine.add_frame_observer(self._on_frame)
        engine.add_screen_observer(self._on_screen)

    def _on_event(self, event: EngineEvent) -> None:
        with self._lock:
            if isinstance(event, StatsUpdated):
                fig = self.peers.setdefault(event.peer_id, PeerFigures())
                fig.rtt_ms, fig.loss_pct = event.rtt_ms, event.loss_pct
                if event.loss_pct is not None:
                    fig.losses_pct.append(event.loss_pct)
                if event.bitrate_kbps is not None:
                    fig.bitrates_kbps.append(event.bitrate_kbps)
            elif isinstance(event, MediaAdapted):
                self.peers.setdefault(event.peer_id, PeerFigures()).sent.append(event)
            elif isinstance(event, ParticipantJoined):
                self.offices[event.peer_id] = event.office
            elif isinstance(event, ConnectionStateChanged):
                self.states.append((time.monotonic(), event.state, event.reason))
            elif isinstance(event, EngineError):
                self.errors.append(event.message)

    def _on_frame(self, peer_id: str, frame: av.VideoFrame) -> None:
        now = time.monotonic()
        value = stamp.read_frame(frame) if self.read_stamps else None
        wall_ms = int(time.time() * 1000)
        with self._lock:
            fig = self.peers.setdefault(peer_id, PeerFigures())
            fig.frames += 1
            fig.arrivals.append(now)
            fig.sizes.add((frame.width, frame.height))
            if fig.first_at is None:
                fig.first_at = now
            fig.last_at = now
            if self.first_frame_at is None:
                self.first_frame_at = now
            if value is not None:
                fig.stamped += 1
                fig.tags.add(value.tag)
                if fig.last_counter is not None and value.counter <= fig.last_counter:
                    fig.counters_increasing = False
                fig.last_counter = value.counter
                fig.latencies_ms.append(wall_ms - stamp.unwrap_ms(value.sent_ms, wall_ms))
                fig.stamped_arrivals.append(now)

    def _on_screen(self, peer_id: str, frame: av.VideoFrame) -> None:
        with self._lock:
            self.peers.setdefault(peer_id, PeerFigures()).screen.add(frame, time.monotonic())

    def frames_since(self, peer_id: str, since: float) -> bool:
        """True when a frame from ``peer_id`` arrived after monotonic time ``since``."""
        with self._lock:
            fig = self.peers.get(peer_id)
            return fig is not None and fig.last_at is not None and fig.last_at > since

    def as_dict(self, *, warmup_s: float = 2.0) -> dict[str, Any]:
        """The JSON-friendly report.

        ``fps_steady`` and ``latency_ms_steady`` leave out the first ``warmup_s`` seconds of each
        peer's video, while the encoder's bitrate ramps up.
        """
        with self._lock:
            joined = self.engine.joined_at
            first = None
            if joined is not None and self.first_frame_at is not None:
                first = round((self.first_frame_at - joined) * 1000, 1)
            offices = {**self.offices, **self.engine.participants}
            peers: dict[str, Any] = {}
            for peer_id, fig in self.peers.items():
                span = (fig.last_at - fig.first_at) if fig.first_at and fig.last_at else 0.0
                lat = fig.latencies_ms
                steady_from = (fig.first_at or 0.0) + warmup_s
                steady = [t for t in fig.arrivals if t >= steady_from]
                steady_lat = [
                    ms for t, ms in zip(fig.stamped_arrivals, lat, strict=True) if t >= steady_from
                ]
                steady_span = steady[-1] - steady[0] if len(steady) > 1 else 0.0
                peers[peer_id] = {
                    "office": offices.get(peer_id),
                    "frames": fig.frames,
                    "stamped_frames": fig.stamped,
                    "fps": round((fig.frames - 1) / span, 2) if span > 0 else 0.0,
                    "rtt_ms": None if fig.rtt_ms is None else round(fig.rtt_ms, 2),
                    "loss_pct": None if fig.loss_pct is None else round(fig.loss_pct, 2),
                    # One stats interval is a few hundred packets: the median says more.
                    "loss_pct_median": round(statistics.median(fig.losses_pct), 2)
                    if fig.losses_pct
                    else None,
                    "latency_ms_median": round(statistics.median(lat), 1) if lat else None,
                    "fps_steady": round((len(steady) - 1) / steady_span, 2)
                    if steady_span > 0
                    else None,
                    "latency_ms_steady": round(statistics.median(steady_lat), 1)
                    if steady_lat
                    else None,
                    "counters_increasing": fig.counters_increasing,
                    "office_tags": sorted(fig.tags),
                    **_freezes(fig.arrivals),
                    **_resolutions(fig.sizes),
                    "bitrate_kbps": round(statistics.mean(fig.bitrates_kbps), 1)
                    if fig.bitrates_kbps
                    else None,
                    "sent": _sent(fig.sent),
                    "tracks": _tracks(fig),
                    "frames_by_second": _by_second(fig.arrivals),
                }
            return {
                "office": self.engine.office,
                "peer_id": self.engine.peer_id,
                "join_to_first_frame_ms": first,
                "state": self.engine.state,
                "states": [s for _, s, _ in self.states],
                "errors": list(self.errors),
                "peers": peers,
            }


def _by_second(arrivals: list[float]) -> dict[str, int]:
    """Frames per whole second of the system's monotonic clock (shared by the processes of one
    machine), so a benchmark can count the frames of a window it chose itself."""
    counts: dict[str, int] = {}
    for moment in arrivals:
        key = str(int(moment))
        counts[key] = counts.get(key, 0) + 1
    return counts


def _freezes(arrivals: list[float]) -> dict[str, Any]:
    """Gaps of over :data:`FREEZE_S` between video frames, overall and after :data:`SETTLE_S`."""
    gaps = [(b - a, a) for a, b in zip(arrivals, arrivals[1:], strict=False)]
    frozen = [(gap, at) for gap, at in gaps if gap > FREEZE_S]
    settled_from = arrivals[0] + SETTLE_S if arrivals else 0.0
    settled = [gap for gap, at in frozen if at >= settled_from]
    return {
        "video_freezes": len(frozen),
        "longest_video_freeze_ms": round(max((g for g, _ in frozen), default=0.0) * 1000, 1),
        "video_freezes_settled": len(settled),
        "longest_video_freeze_ms_settled": round(max(settled, default=0.0) * 1000, 1),
    }


def _size_text(size: tuple[int, int] | None) -> str | None:
    return None if size is None else f"{size[0]}x{size[1]}"


def _resolutions(sizes: set[tuple[int, int]]) -> dict[str, Any]:
    ordered = sorted(sizes, key=lambda wh: (wh[0] * wh[1], wh))
    return {
        "resolution_min": _size_text(ordered[0] if ordered else None),
        "resolution_max": _size_text(ordered[-1] if ordered else None),
    }


def _tracks(fig: PeerFigures) -> list[dict[str, Any]]:
    """The video tracks received from one peer: its camera, then its presentation."""
    tracks = []
    if fig.frames:
        span = (fig.last_at or 0.0) - (fig.first_at or 0.0)
        last = max(fig.sizes, key=lambda wh: wh[0] * wh[1]) if fig.sizes else None
        tracks.append(
            {
                "kind": "camera",
                "resolution": _size_text(last),
                "fps": round((fig.frames - 1) / span, 1) if span > 0 else 0.0,
            }
        )
    if fig.screen.frames:
        tracks.append(fig.screen.as_dict("screen"))
    return tracks


def _sent(changes: list[MediaAdapted]) -> dict[str, Any] | None:
    """What congestion control set for the video we send to one peer."""
    if not changes:
        return None
    sizes = {(c.width, c.height) for c in changes if c.width and c.height}
    rates = [c.bitrate_kbps for c in changes]
    return {
        "bitrate_kbps_first": rates[0],
        "bitrate_kbps_min": min(rates),
        "bitrate_kbps_max": max(rates),
        "bitrate_kbps_last": rates[-1],
        "fps_min": min(c.fps for c in changes),
        **_resolutions(sizes),
    }
