"""The hub moves a running session between the mesh and the SFU as offices come and go.

Above ``sfu_above`` offices (default 4) a mesh costs every office N-1 encodes; the hub then
opens a Janus room (:class:`~conferencing.hub.janus_pool.SfuRooms`) and tells every office in
the session, each with its own ticket, in a ``topology`` message (docs/protocol.md). The office
whose join crossed the line gets its ticket in its welcome. When the session shrinks back to
``sfu_above`` or fewer (and stays so for :data:`DEMOTE_DELAY_S`), the hub sends ``topology``
without a ticket: back to the mesh. Nobody
leaves the hub room, so peer ids, presence and invitations are untouched; each office connects
the new way first and hangs up the old way once the new one carries media
(``conferencing/switching.py``). The Janus room of a session moving back to the mesh is kept
for :data:`DEMOTE_GRACE_S` seconds, so the video goes on while the mesh comes up.

``epoch`` counts the switches of a room; an office ignores a switch that is not newer than the
last one it applied (a replay is a no-op). Janus failing leaves the session a mesh.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Iterable
from typing import Any, Protocol

from conferencing import protocol as p
from conferencing.hub.janus_pool import SfuRooms

log = logging.getLogger(__name__)

#: Seconds a session's Janus room outlives its move back to the mesh (media goes on meanwhile).
DEMOTE_GRACE_S = 15.0
#: A session that shrank stays on the SFU this long before it moves back: a meeting breaking up
#: (offices leaving within seconds of each other) is not reshuffled, and an office that drops
#: and rejoins at once does not cost two switches.
DEMOTE_DELAY_S = 5.0


class _Member(Protocol):
    peer_id: str
    ws: Any
    claims: Any


class _Room(Protocol):
    name: str
    members: dict[str, Any]

    def present(self) -> Iterable[Any]: ...


Send = Callable[[Any, p.Message], Awaitable[None]]


class SessionSwitching:
    """The hub's side of switching; the server calls it at three points of a join and a leave."""

    def __init__(self, sfu: SfuRooms, send: Send) -> None:
        self.sfu = sfu
        self._send = send
        self.epochs: dict[str, int] = {}  # room -> the last switch announced in it
        self._promoting: set[str] = set()  # rooms moved to Janus by the join being admitted
        self._teardowns: set[asyncio.Task[None]] = set()

    @property
    def enabled(self) -> bool:
        """Whether the hub has Janus servers to move sessions to."""
        return self.sfu.pool is not None

    def epoch(self, room: str) -> int:
        """The room's last switch number (0: never switched)."""
        return self.epochs.get(room, 0)

    async def before_welcome(self, room: _Room) -> None:
        """A join was admitted: move a mesh that now has more than ``sfu_above`` offices.

        Runs before the newcomer's welcome, so the newcomer gets its ticket there and never
        starts a mesh it would leave a second later.
        """
        if (
            not self.enabled
            or room.name in self.sfu.rooms
            or len(room.members) <= self.sfu.sfu_above
        ):
            return
        if await self.sfu.open_room(room.name, offices=len(room.members)):
            self._promoting.add(room.name)
            log.info("session %s: %d offices, moving to the SFU", room.name, len(room.members))

    async def after_welcome(self, room: _Room, newcomer: _Member) -> None:
        """Give every other office its ticket (the switch to the SFU), after the welcome."""
        if room.name not in self._promoting:
            return
        self._promoting.discard(room.name)
        epoch = self.epochs[room.name] = self.epoch(room.name) + 1
        for member in list(room.present()):
            if member is newcomer:
                continue
            ticket = await self.sfu.seat(room.name, member.peer_id, member.claims.size, False)
            if ticket is None:
                continue  # Janus refused this office a token: it stays on the old links
            await self._send(member.ws, p.TopologySwitch(epoch, ticket))

    async def after_leave(self, room: _Room, offices_before: int) -> None:
        """An office left: a session back at ``sfu_above`` or fewer returns to the mesh.

        After :data:`DEMOTE_DELAY_S`, and only if the session is still that small then.
        """
        if room.name in self.sfu.rooms and len(room.members) <= self.sfu.sfu_above < offices_before:
            task = asyncio.ensure_future(self._demote_later(room))
            self._teardowns.add(task)
            task.add_done_callback(self._teardowns.discard)

    async def _demote_later(self, room: _Room) -> None:
        await asyncio.sleep(DEMOTE_DELAY_S)
        remaining = len(room.members)
        if room.name not in self.sfu.rooms or not 0 < remaining <= self.sfu.sfu_above:
            return  # it grew again, or it ended: stays as it is
        entry = self.sfu.release_room(room.name)
        epoch = self.epochs[room.name] = self.epoch(room.name) + 1
        log.info("session %s: %d offices, back to the mesh", room.name, remaining)
        for member in list(room.present()):
            await self._send(member.ws, p.TopologySwitch(epoch))
        if entry is not None:
            task = asyncio.ensure_future(self._teardown(entry))
            self._teardowns.add(task)
            task.add_done_callback(self._teardowns.discard)

    async def _teardown(self, entry: Any) -> None:
        await asyncio.sleep(DEMOTE_GRACE_S)
        await self.sfu.close_room(entry)

    async def close(self) -> None:
        """The hub stops: Janus rooms waiting for their grace to end are closed now."""
        for task in list(self._teardowns):
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
