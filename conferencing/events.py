"""Events the call engine reports to its listeners.

Every event is a frozen dataclass deriving from :class:`EngineEvent`. Listeners are plain
callables registered with ``CallEngine.add_listener``; they run ON THE ENGINE THREAD, so a Qt
bridge must re-emit them as queued signals instead of touching widgets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

ConnectionState = Literal[
    "connecting", "connected", "hub_offline", "reconnecting", "left", "failed"
]
TrackKind = Literal["audio", "video"]


@dataclass(frozen=True)
class EngineEvent:
    """Base class of everything the engine reports."""


@dataclass(frozen=True)
class ConnectionStateChanged(EngineEvent):
    """The call as a whole changed state (hub link and media links together).

    ``reconnecting`` means media stopped (a peer's media stalled, or the hub dropped while no
    media flows) and the engine is renegotiating on its own; ``hub_offline`` means only the
    hub link is down while media still flows (the call goes on; nobody new can join); ``left`` follows :meth:`CallEngine.leave`; ``failed`` means the
    engine gave up (for example the hub refused the invite token) and ``reason`` says why, in
    English; ``code`` (one of ``protocol.ERROR_CODES``, or empty) lets the UI translate it.
    """

    state: ConnectionState
    reason: str = ""
    code: str = ""


@dataclass(frozen=True)
class ParticipantJoined(EngineEvent):
    """Another office entered the room.

    ``guest`` is true for a browser guest (the hub marks guest links): it has no office identity,
    is never verified, and live review and the signing ceremony do not run with it.
    """

    peer_id: str
    office: str
    guest: bool = False


@dataclass(frozen=True)
class ParticipantLeft(EngineEvent):
    """Another office left the room (or the hub lost it)."""

    peer_id: str
    office: str


@dataclass(frozen=True)
class TrackAdded(EngineEvent):
    """A remote audio or video track started arriving from ``peer_id``."""

    peer_id: str
    kind: TrackKind


@dataclass(frozen=True)
class StatsUpdated(EngineEvent):
    """Connection quality of one peer, from ``getStats`` about once per second.

    ``rtt_ms`` comes from RTCP receiver reports, ``loss_pct`` and ``bitrate_kbps`` from the
    inbound video (and audio) RTP counters, ``fps`` from the decoded remote video frames.
    ``None`` means "not measured yet".
    """

    peer_id: str
    rtt_ms: float | None
    loss_pct: float | None
    bitrate_kbps: float | None
    fps: float | None


@dataclass(frozen=True)
class VideoPaused(EngineEvent):
    """``peer_id``'s video froze (no new frame for over a second while its track is live) or
    came back (``paused`` false). Its sound may go on: this is about the picture only."""

    peer_id: str
    paused: bool


@dataclass(frozen=True)
class MediaAdapted(EngineEvent):
    """Congestion control changed what we send to ``peer_id`` (:mod:`conferencing.adaptation`).

    ``width`` x ``height`` at ``fps`` frames a second, aiming at ``bitrate_kbps``."""

    peer_id: str
    bitrate_kbps: int
    width: int
    height: int
    fps: int


@dataclass(frozen=True)
class ChatReceived(EngineEvent):
    """A chat line from another office (``sent_at`` is the sender's clock, timezone-aware UTC)."""

    peer_id: str
    office: str
    text: str
    sent_at: datetime


@dataclass(frozen=True)
class AppMessageReceived(EngineEvent):
    """A typed application message (agreement co-review, signing ceremony, ...)."""

    peer_id: str
    office: str
    kind: str
    payload: dict[str, Any] = field(hash=False)


@dataclass(frozen=True)
class EngineError(EngineEvent):
    """Something went wrong that the user should hear about; the call may continue.

    ``message`` is English; ``code`` (one of ``protocol.ERROR_CODES``, or empty) lets the UI
    translate it.
    """

    message: str
    code: str = ""
