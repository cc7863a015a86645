"""The hub's side of host controls: lobby, admit/deny, mute request, remove, end, hands.

A mixin of :class:`~conferencing.hub.server.HubServer` (kept apart so the server stays about
connections and relay). The rules live in :class:`~conferencing.hub.host.HostRole`; this module
applies them to sockets: who is told what, and who is disconnected. docs/protocol.md §4.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING, Any

from conferencing import protocol as p
from conferencing.hub.host import LOBBY_WAIT_S, LobbyEntry
from conferencing.hub.limits import HubLimits, TokenBucket

if TYPE_CHECKING:
    from conferencing.hub.server import Member, Room

log = logging.getLogger(__name__)

#: Host controls and hands per invitation: a few a second is plenty for a person clicking.
CONTROL_RATE_PER_S = 2.0
CONTROL_BURST = 8


class HostControls:
    """Host controls, mixed into the hub server (which provides ``_send``, ``_remove`` ...)."""

    rooms: dict[str, Room]
    limits: HubLimits
    _control_buckets: dict[str, TokenBucket]

    # Provided by HubServer.
    async def _send(self, ws: Any, message: p.Message) -> None: ...  # pragma: no cover
    async def _send_error(self, ws: Any, code: str, message: str, ref: str | None = None) -> None: ...  # pragma: no cover  # noqa: E501
    async def _remove(self, member: Member) -> None: ...  # pragma: no cover
    async def _enter(self, room: Room, ws: Any, message: p.Join, claims: Any, tid: str) -> Member: ...  # pragma: no cover  # noqa: E501

    # ------------------------------------------------------------------ room state

    def _room_state(self, room: Room, *, for_host: bool) -> p.RoomState:
        host = next(
            (m.peer_id for m in room.members.values() if room.host.is_host(m.token_id)), None
        )
        lobby = (
            [p.PeerInfo(e.peer_id, e.office) for e in room.host.lobby.values()]
            if for_host
            else None
        )
        return p.RoomState(
            locked=room.host.locked,
            hands=sorted(h for h in room.host.hands if h in room.members),
            host=host,
            lobby=lobby,
        )

    async def _announce_room(self, room: Room) -> None:
        """Tell everyone present the room's host, lock and hands (the host also the lobby)."""
        for member in room.present():
            state = self._room_state(room, for_host=room.host.is_host(member.token_id))
            await self._send(member.ws, state)

    # ------------------------------------------------------------------ lobby

    async def _to_lobby(
        self, room: Room, ws: Any, message: p.Join, claims: Any, tid: str, state: dict[str, Any]
    ) -> None:
        """Hold a joining office in the lobby: it is told to wait, the host is told it waits."""
        if message.peer_id in room.host.lobby or message.peer_id in room.members:
            raise p.ProtocolError(
                p.E_PEER_ID_TAKEN, "that peer id is in use by another connection", "join"
            )
        if room.host.lobby_full():
            raise p.ProtocolError(p.E_LOBBY_FULL, "too many offices are waiting already", "join")
        entry = LobbyEntry(message.peer_id, claims.office, tid, ws, message, claims, state)
        entry.timer = asyncio.get_running_loop().call_later(
            LOBBY_WAIT_S, lambda: asyncio.ensure_future(self._lobby_expired(room, entry))
        )
        room.host.wait(entry)
        state["lobby"] = entry
        await self._send(ws, p.LobbyWait())
        await self._announce_room(room)
        log.info("%s waits in the lobby of room %s", claims.office, room.name)

    async def _lobby_expired(self, room: Room, entry: LobbyEntry) -> None:
        if room.host.lobby.get(entry.peer_id) is entry:
            del room.host.lobby[entry.peer_id]
            await self._refuse_waiting(entry, p.E_LOBBY_TIMEOUT, "nobody admitted this office")
            await self._announce_room(room)

    async def _lobby_closed(self, entry: LobbyEntry) -> None:
        """A waiting office went away (its socket closed): it leaves the lobby."""
        entry.state["lobby"] = None
        if entry.timer is not None:
            entry.timer.cancel()
        room = self.rooms.get(entry.join.room)
        if room is not None and room.host.lobby.get(entry.peer_id) is entry:
            del room.host.lobby[entry.peer_id]
            await self._announce_room(room)

    async def _refuse_waiting(self, entry: LobbyEntry, code: str, text: str) -> None:
        entry.state["lobby"] = None
        if entry.timer is not None:
            entry.timer.cancel()
        await self._send_error(entry.ws, code, text, "join")
        with contextlib.suppress(Exception):
            await entry.ws.close(code=4000, message=code.encode())

    async def _let_in(self, room: Room, entry: LobbyEntry) -> None:
        """Finish the join of an admitted office: it gets its welcome, the others see it."""
        if entry.timer is not None:
            entry.timer.cancel()
        entry.state["lobby"] = None
        if entry.ws.closed:
            return
        member = await self._enter(room, entry.ws, entry.join, entry.claims, entry.invitation)
        entry.state["member"] = member
        raise_limit = getattr(entry.ws, "raise_limit", None)
        if raise_limit is not None:
            raise_limit(self.limits.joined_max_bytes + 1)

    async def _room_emptied(self, room: Room) -> None:
        """Nobody is left in the room: offices still waiting cannot be admitted by anyone."""
        for entry in list(room.host.lobby.values()):
            del room.host.lobby[entry.peer_id]
            await self._refuse_waiting(
                entry, p.E_LOBBY_TIMEOUT, "the host left before admitting this office"
            )

    # ------------------------------------------------------------------ controls

    async def _host_message(self, member: Member, room: Room, message: p.Message) -> None:
        """Apply a ``host`` or ``hand`` message from ``member`` (bounded rate, host checked)."""
        bucket = self._control_buckets.get(member.token_id)
        if bucket is None:
            bucket = self._control_buckets[member.token_id] = TokenBucket(
                CONTROL_RATE_PER_S, CONTROL_BURST
            )
        if not bucket.take():
            raise p.ProtocolError(p.E_RATE_LIMITED, "too many controls; slow down", message.type)
        if isinstance(message, p.Hand):
            if room.host.hand(member.peer_id, message.up):
                await self._announce_room(room)
            return
        assert isinstance(message, p.HostControl)
        if not room.host.is_host(member.token_id):
            raise p.ProtocolError(p.E_NOT_HOST, "only the session's host may do that", "host")
        action = message.action
        if action == "lock":
            if room.host.lock([m.token_id for m in room.members.values()]):
                await self._announce_room(room)
        elif action == "unlock":
            changed, waiting = room.host.unlock()
            for entry in waiting:
                await self._let_in(room, entry)
            if changed:
                await self._announce_room(room)
        elif action == "admit":
            entry = room.host.admit(message.peer_id or "")
            if entry is not None:
                await self._let_in(room, entry)
                await self._announce_room(room)
        elif action == "deny":
            entry = room.host.deny(message.peer_id or "")
            if entry is not None:
                await self._refuse_waiting(entry, p.E_LOBBY_DENIED, "the host did not admit you")
                await self._announce_room(room)
        elif action == "end":
            await self._end_session(room, member)
        else:
            await self._act_on_member(room, member, action, message.peer_id or "")

    async def _act_on_member(self, room: Room, host: Member, action: str, peer_id: str) -> None:
        target = room.members.get(peer_id)
        if target is None or target is host:
            raise p.ProtocolError(p.E_UNKNOWN_PEER, f"peer '{peer_id}' is not in the room", "host")
        if action == "mute":
            await self._send(target.ws, p.MuteRequest(from_=host.peer_id))
            return
        # remove: the invitation (and a guest link standing in for it) cannot come back.
        room.host.remove(target.token_id, target.peer_id)
        for member in [m for m in room.members.values() if m.token_id == target.token_id]:
            if member.ws is not None:
                await self._send_error(
                    member.ws, p.E_REMOVED, "the host removed this office from the session"
                )
            await self._remove(member)
        log.info("the host removed %s from room %s", target.office, room.name)

    async def _end_session(self, room: Room, host: Member) -> None:
        """End for everyone: all are told, then disconnected; the room stays closed."""
        waiting = room.host.end()
        for entry in waiting:
            await self._refuse_waiting(entry, p.E_SESSION_ENDED, "the host ended the session")
        members = list(room.members.values())
        for member in members:
            await self._send(member.ws, p.Ended())
        for member in members:
            await self._remove(member)
        log.info("the host ended room %s for everyone", room.name)
