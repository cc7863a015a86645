"""The hub's Janus servers: VideoRoom rooms for sessions too large for a mesh.

The hub holds each server's API secret, admin secret and VideoRoom ``admin_key``; an office
gets only what it needs to join one room (:class:`~conferencing.protocol.SfuInfo`): the Janus
URL, the room number, the room's pin, the publisher id (*feed*) reserved for it and, on a
server with token authentication, a token of its own that opens the VideoRoom plugin only and
is withdrawn when the office leaves. The room's own secret (needed to kick, edit or destroy it)
never leaves the hub.

Placement: :meth:`JanusPool.place` picks the least-loaded server that answers (Janus's own
session count and the offices this hub booked there; :mod:`conferencing.hub.placement`).

:class:`SfuRooms` is the hub's bookkeeping on top: which hub rooms live on Janus, the ticket of
each member, tokens to withdraw. The hub calls it from a few lines in ``server.py``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from conferencing import protocol as p
from conferencing.hub.placement import Placement
from conferencing.janus_client import (
    JanusError,
    JanusHandle,
    JanusSession,
    admin_request,
)

log = logging.getLogger(__name__)

#: Publishers per VideoRoom; also the hub's limit of offices in an SFU session.
MAX_SFU_PUBLISHERS = 16
ROOM_BITRATE_BPS = 768_000  # per publisher: Janus's REMB cap (320x240 to 640x480 VP8)
MAX_ID = 2**52  # room and feed numbers: random, below JavaScript's safe integer limit


@dataclass(frozen=True)
class JanusSpec:
    """One Janus server as the hub operator configures it (the secrets stay in the hub).

    ``admin_url`` (the Admin API) and ``admin_secret`` let the hub give each office its own
    token; without them the server's API must be open to offices (no ``api_secret``), and the
    room pin is the only key.
    """

    url: str
    api_secret: str | None = None
    admin_url: str | None = None
    admin_secret: str | None = None
    admin_key: str | None = None  # the VideoRoom plugin's admin_key (room creation)

    @property
    def tokens(self) -> bool:
        """Whether offices get a token of their own (token authentication on this server)."""
        return bool(self.admin_url and self.admin_secret)


@dataclass(frozen=True)
class RoomTicket:
    """A VideoRoom the hub created: where it is and its secrets (hub only)."""

    server: int  # index into the pool's servers
    url: str
    room: int
    pin: str
    secret: str
    session_id: str  # the hub room it serves


class _Control:
    """The hub's own Janus session and VideoRoom handle on one server (made on first use)."""

    def __init__(self, spec: JanusSpec) -> None:
        self.spec = spec
        self.session: JanusSession | None = None
        self.handle: JanusHandle | None = None
        self.lock = asyncio.Lock()

    async def get(self) -> JanusHandle:
        async with self.lock:
            if self.session is not None and self.session.connection.closed.is_set():
                await self.reset()
            if self.handle is None:
                self.session = await JanusSession.open(
                    self.spec.url, api_secret=self.spec.api_secret
                )
                self.handle = await self.session.attach()
            return self.handle

    async def reset(self) -> None:
        session, self.session, self.handle = self.session, None, None
        if session is not None:
            await session.close()


class JanusPool:
    """The Janus servers the hub may place rooms on."""

    def __init__(self, servers: list[JanusSpec]) -> None:
        if not servers:
            raise ValueError("a Janus pool needs at least one server")
        self.servers = list(servers)
        self._controls = [_Control(spec) for spec in self.servers]
        self.rooms: dict[str, RoomTicket] = {}  # hub session id -> its room
        self.placement = Placement(self.servers)
        self._booked: dict[str, int] = {}  # hub session id -> offices booked for its room

    async def place(self, session_id: str, offices: int = 1) -> int:
        """The server for a new room of ``offices`` offices: the least loaded that answers."""
        index = await self.placement.pick(offices)
        self._booked[session_id] = offices
        return index

    async def create_room(self, session_id: str, offices: int = 1) -> RoomTicket:
        """Create a VideoRoom with a fresh secret and pin for hub session ``session_id``."""
        index = await self.place(session_id, offices)
        control = self._controls[index]
        spec = self.servers[index]
        ticket = RoomTicket(
            server=index,
            url=spec.url,
            room=secrets.randbelow(MAX_ID - 1) + 1,
            pin=secrets.token_urlsafe(18),
            secret=secrets.token_urlsafe(24),
            session_id=session_id,
        )
        body: dict[str, object] = {
            "request": "create",
            "room": ticket.room,
            "secret": ticket.secret,
            "pin": ticket.pin,
            "is_private": True,
            "permanent": False,
            "publishers": MAX_SFU_PUBLISHERS,
            "bitrate": ROOM_BITRATE_BPS,
            "videocodec": "vp8",
            "audiocodec": "opus",
            "notify_joining": False,
        }
        if spec.admin_key:
            body["admin_key"] = spec.admin_key
        try:
            handle = await control.get()
            await handle.message(body)
        except JanusError:
            await control.reset()  # a dead control session is rebuilt on the next use
            self.placement.resize(index, -self._booked.pop(session_id, 0))
            raise
        self.rooms[session_id] = ticket
        log.info("session %s placed on Janus server %d", session_id, index)
        return ticket

    async def destroy_room(self, ticket: RoomTicket) -> None:
        """Destroy the room (its publishers and subscribers are hung up by Janus)."""
        self.rooms.pop(ticket.session_id, None)
        self.placement.resize(ticket.server, -self._booked.pop(ticket.session_id, 0))
        control = self._controls[ticket.server]
        try:
            handle = await control.get()
            await handle.message(
                {"request": "destroy", "room": ticket.room, "secret": ticket.secret}
            )
        except JanusError as exc:
            log.info("could not destroy Janus room of %s: %s", ticket.session_id, exc.reason)

    async def add_token(self, ticket: RoomTicket) -> str | None:
        """A new Janus token for one office (VideoRoom plugin only); ``None`` without tokens."""
        spec = self.servers[ticket.server]
        if not spec.tokens:
            return None
        token = secrets.token_urlsafe(24)
        assert spec.admin_url is not None and spec.admin_secret is not None
        await admin_request(
            spec.admin_url,
            spec.admin_secret,
            {"janus": "add_token", "token": token, "plugins": ["janus.plugin.videoroom"]},
        )
        return token

    async def remove_token(self, ticket: RoomTicket, token: str) -> None:
        """Withdraw an office's token (it left); best effort."""
        spec = self.servers[ticket.server]
        if not spec.tokens or spec.admin_url is None or spec.admin_secret is None:
            return
        try:
            await admin_request(
                spec.admin_url, spec.admin_secret, {"janus": "remove_token", "token": token}
            )
        except JanusError as exc:
            log.info("could not withdraw a Janus token: %s", exc.reason)

    async def kick(self, ticket: RoomTicket, feed: int) -> None:
        """Remove a publisher (the hub's room secret allows it); best effort."""
        with contextlib.suppress(JanusError):
            handle = await self._controls[ticket.server].get()
            await handle.message(
                {"request": "kick", "room": ticket.room, "secret": ticket.secret, "id": feed}
            )

    async def close(self) -> None:
        """Destroy every room this pool made and close the control sessions."""
        for ticket in list(self.rooms.values()):
            await self.destroy_room(ticket)
        for control in self._controls:
            await control.reset()


@dataclass
class _Seat:
    feed: int
    token: str | None


@dataclass
class _SfuRoom:
    ticket: RoomTicket
    seats: dict[str, _Seat] = field(default_factory=dict)  # peer id -> its feed and token


class SfuRooms:
    """Which hub rooms run on Janus, and each member's ticket (the hub's side of the SFU).

    A room goes to Janus when the first invitation used in it names a session of more than
    ``sfu_above`` offices (the invitation's size claim). Without a pool every room is a mesh.
    """

    def __init__(
        self, pool: JanusPool | None, sfu_above: int = 4, max_peers: int = MAX_SFU_PUBLISHERS
    ) -> None:
        self.pool = pool
        self.sfu_above = sfu_above
        self.max_peers = max_peers
        self.rooms: dict[str, _SfuRoom] = {}

    def capacity(self, room: str, mesh_max: int, size: int) -> int:
        """How many offices ``room`` admits (an SFU room, or one that may become one).

        With Janus servers a mesh moves to the SFU when it grows (``hub/switching.py``), so
        every room admits the SFU's number.
        """
        if room in self.rooms or self.pool is not None:
            return self.max_peers
        return mesh_max

    async def open_room(self, room: str, offices: int) -> bool:
        """Move a running mesh ``room`` of ``offices`` offices to a new Janus room.

        Members get their tickets from :meth:`seat`. ``False`` when Janus fails (a mesh stays).
        """
        if self.pool is None or room in self.rooms:
            return room in self.rooms
        try:
            self.rooms[room] = _SfuRoom(await self.pool.create_room(room, offices=offices))
        except JanusError as exc:
            log.warning("session %s stays a mesh: Janus failed (%s)", room, exc.reason)
            return False
        return True

    def release_room(self, room: str) -> _SfuRoom | None:
        """``room`` goes back to the mesh: forget its Janus room (see :meth:`close_room`)."""
        return self.rooms.pop(room, None)

    async def close_room(self, entry: _SfuRoom) -> None:
        """Withdraw every seat of a released room and destroy it on Janus."""
        if self.pool is None:
            return
        for seat in entry.seats.values():
            await self.pool.kick(entry.ticket, seat.feed)
            if seat.token is not None:
                await self.pool.remove_token(entry.ticket, seat.token)
        await self.pool.destroy_room(entry.ticket)

    async def seat(self, room: str, peer_id: str, size: int, first: bool) -> p.SfuInfo | None:
        """The SFU ticket for ``peer_id`` joining ``room`` (``None``: the room is a mesh).

        ``first``: this join creates the hub room; only then may it move to Janus (a running
        mesh switches later, ``sfu2``). When Janus fails the room stays a mesh.
        """
        entry = self.rooms.get(room)
        if entry is None:
            if not (first and self.pool is not None and size > self.sfu_above):
                return None
            try:
                entry = _SfuRoom(await self.pool.create_room(room, offices=size))
            except JanusError as exc:
                log.warning("session %s stays a mesh: Janus failed (%s)", room, exc.reason)
                return None
            self.rooms[room] = entry
        assert self.pool is not None
        seat = entry.seats.get(peer_id)
        if seat is None:
            try:
                token = await self.pool.add_token(entry.ticket)
            except JanusError as exc:
                log.warning("no Janus token for a member of %s: %s", room, exc.reason)
                return None
            seat = _Seat(secrets.randbelow(MAX_ID - 1) + 1, token)
            entry.seats[peer_id] = seat
        ticket = entry.ticket
        return p.SfuInfo(ticket.url, ticket.room, ticket.pin, seat.feed, seat.token)

    async def left(self, room: str, peer_id: str, *, empty: bool) -> None:
        """``peer_id`` left ``room``: withdraw its token and feed; destroy an empty room."""
        entry = self.rooms.get(room)
        if entry is None or self.pool is None:
            return
        seat = entry.seats.pop(peer_id, None)
        if seat is not None:
            await self.pool.kick(entry.ticket, seat.feed)
            if seat.token is not None:
                await self.pool.remove_token(entry.ticket, seat.token)
        # The room may have gone back to a mesh (or another one replaced it) meanwhile.
        if empty and self.rooms.get(room) is entry:
            del self.rooms[room]
            await self.pool.destroy_room(entry.ticket)

    async def close(self) -> None:
        """Destroy every room (the hub stops)."""
        if self.pool is not None:
            for entry in self.rooms.values():
                for seat in entry.seats.values():
                    if seat.token is not None:
                        await self.pool.remove_token(entry.ticket, seat.token)
            self.rooms.clear()
            await self.pool.close()


# ----------------------------------------------------------------------------- configuration


def load_servers(path: Path) -> list[JanusSpec]:
    """Read the hub's Janus servers from a JSON file (kept 0600: it holds their secrets).

    Format: ``{"servers": [{"url": "ws://10.0.0.5:8188", "api_secret": "...",
    "admin_url": "ws://10.0.0.5:7188", "admin_secret": "...", "admin_key": "..."}]}``; only
    ``url`` is required (docs/sfu.md). Raises ``ValueError`` saying what is wrong.
    """
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"cannot read the Janus server list: {exc}") from None
    servers = raw.get("servers") if isinstance(raw, dict) else None
    if not isinstance(servers, list) or not 1 <= len(servers) <= 32:
        raise ValueError('the Janus server list needs "servers": a list of 1 to 32 servers')
    specs = []
    keys = ("api_secret", "admin_url", "admin_secret", "admin_key")
    for item in servers:
        url = item.get("url") if isinstance(item, dict) else None
        if not isinstance(url, str) or not p.SFU_URL_RE.match(url):
            raise ValueError('every Janus server needs "url": ws://host:port or wss://host:port')
        extra = {k: item.get(k) for k in keys}
        if any(v is not None and not isinstance(v, str) for v in extra.values()):
            raise ValueError(f"the Janus server {url}: {', '.join(keys)} must be strings")
        specs.append(JanusSpec(url=url, **extra))
    return specs


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The hub's SFU options (``main.py hub``)."""
    parser.add_argument(
        "--janus-config",
        metavar="F",
        help="JSON file naming the Janus servers (URL and secrets, docs/sfu.md); without it "
        "every session is a mesh of up to --max-peers offices",
    )
    parser.add_argument(
        "--sfu-above",
        type=int,
        default=4,
        metavar="N",
        help="sessions of more than N invited offices run on Janus from the start (default 4)",
    )


def options_from_args(args: argparse.Namespace) -> dict[str, Any]:
    """``HubServer`` keyword arguments for the options of :func:`add_arguments`."""
    path = getattr(args, "janus_config", None)
    pool = JanusPool(load_servers(Path(path))) if path else None
    return {"janus": pool, "sfu_above": max(0, int(getattr(args, "sfu_above", 4)))}
