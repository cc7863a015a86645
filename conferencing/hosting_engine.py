"""The call engine's side of host controls and active speaker (mixed into ``CallEngine``).

Host controls go to the hub, which alone decides (docs/protocol.md §4): a non-host's request is
refused there, whatever this code sends. The engine reports what the hub says as events:
:class:`RoomStateChanged` (host, lock, hands, and for the host the lobby), :class:`LobbyWaiting`
(we wait to be admitted), :class:`MuteRequested` (the host asked us to mute: we mute, and may
unmute ourselves). Removal and "end for everyone" end the call with the state ``failed`` and
the code ``removed`` / ``session-ended``.

Audio levels (:mod:`conferencing.speaking`) are measured on the engine loop from decoded
remote audio and from our own microphone, and reported as :class:`AudioLevels` at 10 Hz.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import av
from aiortc import MediaStreamTrack

from conferencing import protocol as p
from conferencing.events import EngineEvent
from conferencing.speaking import LevelTapTrack, SpeakerTracker, frame_dbfs

if TYPE_CHECKING:
    from conferencing.signaling import HubClient
    from conferencing.topology.base import Topology

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RoomStateChanged(EngineEvent):
    """The hub said who hosts, whether the room is locked, whose hands are up.

    ``lobby`` holds ``(peer_id, office)`` of the offices waiting to be admitted (only the host
    is told); ``is_host`` is whether this office is the host.
    """

    host: str | None
    locked: bool
    hands: frozenset[str]
    lobby: tuple[tuple[str, str], ...]
    is_host: bool


@dataclass(frozen=True)
class LobbyWaiting(EngineEvent):
    """The session is locked: we wait in the lobby until the host admits us."""


@dataclass(frozen=True)
class MuteRequested(EngineEvent):
    """The host asked us to mute; the engine muted the microphone (we may unmute)."""

    by_office: str


class EngineHosting:
    """Host controls and audio levels for :class:`~conferencing.engine.CallEngine`."""

    peer_id: str
    _hub: HubClient | None
    _topology: Topology | None

    def emit(self, event: Any) -> None:  # provided by the engine
        raise NotImplementedError

    async def set_audio_muted(self, muted: bool) -> None:  # provided by the engine
        raise NotImplementedError

    def _init_hosting(self) -> None:
        self.room_state = RoomStateChanged(None, False, frozenset(), (), False)
        self.speakers = SpeakerTracker()
        self.mic_muted = False  # what the engine sends (our own level reads silence then)

    # ------------------------------------------------------------------ host controls

    @property
    def is_host(self) -> bool:
        """Whether the hub named this office the session's host."""
        return self.room_state.is_host

    async def _host_control(self, action: str, peer_id: str | None = None) -> None:
        if self._hub is None:
            raise RuntimeError("not in a call")
        await self._hub.send(p.HostControl(action=action, peer_id=peer_id))

    async def lock_room(self, locked: bool = True) -> None:
        """Lock (arriving offices wait in the lobby) or unlock (everyone waiting comes in)."""
        await self._host_control("lock" if locked else "unlock")

    async def admit(self, peer_id: str) -> None:
        """Let an office waiting in the lobby into the call."""
        await self._host_control("admit", peer_id)

    async def deny(self, peer_id: str) -> None:
        """Turn an office waiting in the lobby away."""
        await self._host_control("deny", peer_id)

    async def ask_to_mute(self, peer_id: str) -> None:
        """Ask an office to mute (it mutes, and may unmute itself)."""
        await self._host_control("mute", peer_id)

    async def remove_office(self, peer_id: str) -> None:
        """Remove an office from the call; its invitation cannot rejoin this session."""
        await self._host_control("remove", peer_id)

    async def end_for_everyone(self) -> None:
        """End the session for every office (the hub disconnects all, this one too)."""
        await self._host_control("end")

    async def raise_hand(self, up: bool = True) -> None:
        """Raise or lower this office's hand (everyone sees it)."""
        if self._hub is not None:
            await self._hub.send(p.Hand(up=up))

    async def _lobby_waiting(self) -> None:
        self.emit(LobbyWaiting())

    async def _hosting_message(self, message: p.Message) -> bool:
        """Handle a host-control message from the hub; True when it was one."""
        if isinstance(message, p.RoomState):
            lobby = tuple((peer.peer_id, peer.office) for peer in (message.lobby or []))
            state = RoomStateChanged(
                message.host, message.locked, frozenset(message.hands), lobby,
                message.host is not None and message.host == self.peer_id,
            )  # fmt: skip
            if state != self.room_state:  # a repeated state announces nothing
                self.room_state = state
                self.emit(state)
            return True
        if isinstance(message, p.MuteRequest):
            # Only the hub sends this, and only for the host; still a request: we mute, the
            # user can unmute at once.
            await self.set_audio_muted(True)
            office = self._office_of(message.from_ or "")
            self.emit(MuteRequested(office))
            return True
        return isinstance(message, p.LobbyWait | p.Ended)

    def _office_of(self, peer_id: str) -> str:
        topology = self._topology
        return topology.participants().get(peer_id, "") if topology is not None else ""

    # ------------------------------------------------------------------ audio levels

    def _tap_local_audio(self, track: MediaStreamTrack) -> MediaStreamTrack:
        """Our microphone track, measured on its way to the peers."""
        return LevelTapTrack(track, self._local_level)

    def _local_level(self, dbfs: float) -> None:
        self._feed_level(self.peer_id, -120.0 if self.mic_muted else dbfs)

    def _remote_level(self, peer_id: str, frame: av.AudioFrame) -> None:
        self._feed_level(peer_id, frame_dbfs(frame))

    def _feed_level(self, peer_id: str, dbfs: float) -> None:
        report = self.speakers.feed(peer_id, dbfs)
        if report is not None:
            self.emit(report)

    def _forget_speaker(self, peer_id: str) -> None:
        self.speakers.forget(peer_id)
