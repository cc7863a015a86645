"""The interface between the call engine and a media topology."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, Protocol

import av
from aiortc import MediaStreamTrack, RTCConfiguration

from conferencing import protocol as p
from conferencing.call_identity import CallIdentity, PeerVerification, TrustedOffices
from conferencing.events import EngineEvent
from conferencing.media import VideoSource


class TopologyHost(Protocol):
    """What a topology may ask of the engine that owns it (all on the engine loop)."""

    peer_id: str
    office: str
    room: str
    # Signs our DTLS fingerprints (None: we cannot prove who we are, the call still works).
    call_identity: CallIdentity | None
    trusted_offices: TrustedOffices  # pinned office certificates of the peers we can verify

    @property
    def video_source(self) -> VideoSource:
        """The local camera (or test pattern): its size picks the SFU's simulcast layers."""

    def rtc_configuration(self) -> RTCConfiguration:
        """ICE servers from the hub's welcome plus the engine's transport policy."""

    def new_local_track(self, kind: str) -> MediaStreamTrack:
        """A fresh outbound track of ``kind`` fed by the local source."""

    async def send_signal(self, to: str, kind: str, session: int, sdp: str | None = None) -> None:
        """Relay an offer/answer/restart/bye to another peer through the hub."""

    async def send_relay(self, to: str, data: dict[str, Any]) -> None:
        """Send an app-level ``relay`` to one peer through the hub (identity bindings)."""

    def emit(self, event: EngineEvent) -> None:
        """Report an event to the engine's listeners."""

    def remote_video_frame(self, peer_id: str, frame: av.VideoFrame) -> None:
        """A decoded remote video frame arrived."""

    def remote_screen_frame(self, peer_id: str, frame: av.VideoFrame) -> None:
        """A decoded frame of a remote presentation (the screen track) arrived."""

    def remote_audio_frame(self, peer_id: str, frame: av.AudioFrame) -> None:
        """A decoded remote audio frame arrived."""

    def envelope_received(self, peer_id: str, office: str, envelope: dict[str, Any]) -> None:
        """A chat/app envelope arrived on the message channel (already de-duplicated)."""

    def media_health_changed(self) -> None:
        """Some peer's media stalled or recovered; the engine recomputes its overall state."""


class Topology(ABC):
    """A way of connecting the local office to the others in the room."""

    def __init__(self, host: TopologyHost) -> None:
        self.host = host
        self.visible: frozenset[str] | None = None  # offices on screen (None: all of them)

    async def set_visible_peers(self, peer_ids: frozenset[str]) -> None:
        """Only these offices' video is on screen (the gallery's page).

        Kept even by a topology that receives everyone anyway (the mesh), so that a switch
        hands it to the next topology (``conferencing/switching.py``); the SFU pauses the rest.
        """
        self.visible = frozenset(peer_ids)

    @abstractmethod
    async def start(self, peers: list[p.PeerInfo], *, newcomer: bool) -> None:
        """Connect to the peers present at (re)join; ``newcomer`` after the first welcome."""

    @abstractmethod
    async def peer_joined(self, peer: p.PeerInfo) -> None:
        """The hub announced another office."""

    @abstractmethod
    async def peer_left(self, peer_id: str) -> None:
        """The hub announced an office left."""

    @abstractmethod
    async def signal(self, message: p.Signal) -> None:
        """An offer/answer/restart/bye relayed by the hub."""

    @abstractmethod
    async def send_envelope(self, peer_id: str | None, envelope: dict[str, Any]) -> None:
        """Send reliably to one peer or (``None``) to all."""

    @abstractmethod
    async def tick(self) -> None:
        """Called about twice a second: stall detection, recovery, stats."""

    @abstractmethod
    def participants(self) -> dict[str, str]:
        """peer_id -> office of everyone connected or being connected."""

    @abstractmethod
    def reconnecting(self) -> bool:
        """True while any peer's media is being recovered."""

    def media_flowing(self) -> bool:
        """True while media from some peer still arrives (the call goes on without the hub)."""
        return False

    @abstractmethod
    async def close(self) -> None:
        """Hang up every peer connection."""

    async def identity_received(self, peer_id: str, data: dict[str, Any]) -> None:
        """A signed call-identity binding from ``peer_id`` arrived."""
        # Default: a topology that cannot verify ignores it, and its peers stay unverified.
        return None

    async def announce_identity(self) -> None:
        """Send our signed binding on every current link (the identity just became known)."""
        return None

    def verification(self, peer_id: str) -> PeerVerification | None:
        """Who is on the link to ``peer_id``, as far as proven (``None``: unknown peer)."""
        return None


#: Decoded remote frames allowed to wait before older ones are skipped.
MAX_VIDEO_BACKLOG = 2


def newest_frame(track: Any, frame: Any) -> tuple[Any, int]:
    """``frame``, or a newer one already decoded, and how many were skipped to reach it.

    aiortc queues decoded frames without bound: a consumer that fell behind once (a busy CPU)
    would show the past for ever, so it skips to the newest.
    """
    skipped = 0
    backlog = getattr(track, "_queue", None)
    while backlog is not None and backlog.qsize() > MAX_VIDEO_BACKLOG:
        newer = backlog.get_nowait()
        if newer is None:
            break
        frame = newer
        skipped += 1
    return frame, skipped
