"""The signaling hub: rooms, presence and relay over aiohttp WebSockets.

Media never passes through the hub; it only admits offices with invite tokens, tells everyone
who is present, relays offers/answers between peers and hands out the ICE (STUN/TURN) servers.
Every frame is validated by :mod:`conferencing.protocol`; a malformed one gets an ``error``
reply and the connection stays open. A client whose socket drops without ``leave`` stays a
*ghost* for ``grace_s`` seconds, so a short network cut or a client restart does not end its
calls: when it rejoins with the same peer id nobody sees it leave.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import ssl
from dataclasses import dataclass, field

from aiohttp import WSMsgType, web

from conferencing import protocol as p
from conferencing.hub.tokens import TokenClaims, TokenError, verify_token

log = logging.getLogger(__name__)

WS_PATH = "/ws"
HARD_FRAME_LIMIT = 1024 * 1024  # frames above this close the socket; above 64 KiB get an error


@dataclass(eq=False)
class Member:
    """One admitted office in a room."""

    peer_id: str
    office: str
    claims: TokenClaims
    ws: web.WebSocketResponse | None
    ghost_timer: asyncio.TimerHandle | None = None


@dataclass
class Room:
    """The offices of one session."""

    name: str
    members: dict[str, Member] = field(default_factory=dict)

    def present(self) -> list[Member]:
        return [m for m in self.members.values() if m.ws is not None]


class HubServer:
    """The hub. ``await start()`` binds it; ``url`` is then the WebSocket address to join."""

    def __init__(
        self,
        host: str,
        port: int,
        secret: bytes,
        *,
        ice_servers: list[p.IceServer] | None = None,
        ssl_context: ssl.SSLContext | None = None,
        max_peers: int = 4,
        grace_s: float = 20.0,
    ) -> None:
        self.host = host
        self.port = port
        self._secret = secret
        self.ice_servers = list(ice_servers or [])
        self._ssl = ssl_context
        self.max_peers = max_peers
        self.grace_s = grace_s
        self.rooms: dict[str, Room] = {}
        self._runner: web.AppRunner | None = None
        self._sockets: set[web.WebSocketResponse] = set()
        self.errors_sent = 0

    # ------------------------------------------------------------------ lifecycle

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_get(WS_PATH, self._handle_ws)
        app.router.add_get("/health", self._handle_health)
        return app

    async def start(self) -> None:
        """Bind and serve (returns once listening; ``port=0`` picks a free port)."""
        self._runner = web.AppRunner(self.app(), access_log=None, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(
            self._runner, self.host, self.port, ssl_context=self._ssl, reuse_address=True
        )
        await site.start()
        server = site._server
        if self.port == 0 and server is not None and server.sockets:  # type: ignore[union-attr]
            self.port = server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        log.info("hub listening on %s", self.url)

    async def stop(self) -> None:
        """Close every socket and stop listening."""
        for ws in list(self._sockets):
            with contextlib.suppress(Exception):
                await ws.close(code=1001, message=b"hub shutting down")
        for room in self.rooms.values():
            for member in room.members.values():
                if member.ghost_timer is not None:
                    member.ghost_timer.cancel()
        self.rooms.clear()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    @property
    def url(self) -> str:
        """``ws(s)://host:port/ws`` (``0.0.0.0`` is shown as 127.0.0.1)."""
        scheme = "wss" if self._ssl is not None else "ws"
        host = "127.0.0.1" if self.host in ("0.0.0.0", "", "::") else self.host
        if ":" in host:
            host = f"[{host}]"
        return f"{scheme}://{host}:{self.port}{WS_PATH}"

    async def _handle_health(self, request: web.Request) -> web.Response:
        rooms = {name: len(room.present()) for name, room in self.rooms.items()}
        return web.json_response(
            {"ok": True, "protocol": p.VERSION, "rooms": len(rooms), "peers": sum(rooms.values())}
        )

    # ------------------------------------------------------------------ connection

    async def _handle_ws(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(heartbeat=5.0, max_msg_size=HARD_FRAME_LIMIT)
        await ws.prepare(request)
        self._sockets.add(ws)
        state: dict[str, Member | None] = {"member": None}
        try:
            async for msg in ws:
                if msg.type == WSMsgType.TEXT:
                    raw: str | bytes = msg.data
                elif msg.type == WSMsgType.BINARY:
                    raw = msg.data
                else:
                    break
                try:
                    message = p.parse(raw, allowed=p.CLIENT_TYPES)
                    await self._dispatch(ws, state, message)
                except p.ProtocolError as exc:
                    await self._send_error(ws, exc.code, exc.message, exc.ref)
                    if exc.code in p.FATAL_CODES:
                        await ws.close()
                        break
                except Exception:  # the hub must keep serving whatever one client sends
                    log.exception("hub failed on a message")
                    await self._send_error(ws, "internal", "the hub could not process that message")
        finally:
            self._sockets.discard(ws)
            member = state["member"]
            if member is not None and member.ws is ws:
                self._ghost(member)
        return ws

    async def _send(self, ws: web.WebSocketResponse | None, message: p.Message) -> None:
        if ws is None or ws.closed:
            return
        with contextlib.suppress(ConnectionError, RuntimeError):
            await ws.send_str(p.encode(message))

    async def _send_error(
        self, ws: web.WebSocketResponse, code: str, message: str, ref: str | None = None
    ) -> None:
        self.errors_sent += 1
        await self._send(ws, p.Error(code=code, message=message, ref=ref))

    async def _dispatch(
        self, ws: web.WebSocketResponse, state: dict[str, Member | None], message: p.Message
    ) -> None:
        member = state["member"]
        if isinstance(message, p.Ping):
            await self._send(ws, p.Pong(nonce=message.nonce))
            return
        if isinstance(message, p.Join):
            if member is not None:
                raise p.ProtocolError(
                    p.E_ALREADY_JOINED, "this connection has already joined a room", "join"
                )
            state["member"] = await self._join(ws, message)
            return
        if member is None:
            raise p.ProtocolError(
                p.E_NOT_JOINED, "send 'join' with an invite token first", message.type
            )
        room = self._room_of(member)
        if isinstance(message, p.Signal):
            target = room.members.get(message.to or "") if room else None
            if message.to is None or target is None or target.ws is None or target is member:
                raise p.ProtocolError(
                    p.E_UNKNOWN_PEER, f"peer '{message.to}' is not in the room", "signal"
                )
            await self._send(
                target.ws,
                p.Signal(message.kind, message.session, message.sdp, from_=member.peer_id),
            )
        elif isinstance(message, p.Relay):
            if len(json.dumps(message.data)) > p.MAX_RELAY_BYTES:
                raise p.ProtocolError(
                    p.E_TOO_LARGE, f"relay data larger than {p.MAX_RELAY_BYTES} bytes", "relay"
                )
            out = p.Relay(message.data, from_=member.peer_id)
            if message.to is not None:
                target = room.members.get(message.to) if room else None
                if target is None or target.ws is None or target is member:
                    raise p.ProtocolError(
                        p.E_UNKNOWN_PEER, f"peer '{message.to}' is not in the room", "relay"
                    )
                await self._send(target.ws, out)
            elif room is not None:
                for other in room.present():
                    if other is not member:
                        await self._send(other.ws, out)
        elif isinstance(message, p.Leave):
            state["member"] = None
            await self._remove(member)
            await ws.close()

    # ------------------------------------------------------------------ membership

    def _room_of(self, member: Member) -> Room | None:
        return self.rooms.get(member.claims.room)

    async def _join(self, ws: web.WebSocketResponse, message: p.Join) -> Member:
        try:
            claims = verify_token(self._secret, message.token, message.room)
        except TokenError as exc:
            raise p.ProtocolError(exc.code, exc.reason, "join") from None
        room = self.rooms.setdefault(message.room, Room(message.room))
        existing = room.members.get(message.peer_id)
        if existing is not None:
            if existing.office != claims.office:
                raise p.ProtocolError(
                    p.E_PEER_ID_TAKEN, "that peer id is in use by another office", "join"
                )
            # The same office reconnecting (its old socket may not have timed out yet): take over.
            if existing.ghost_timer is not None:
                existing.ghost_timer.cancel()
                existing.ghost_timer = None
            old_ws, existing.ws = existing.ws, ws
            if old_ws is not None and old_ws is not ws:
                with contextlib.suppress(Exception):
                    await old_ws.close(code=4000, message=b"replaced by a new connection")
            member = existing
        else:
            if len(room.members) >= self.max_peers:
                raise p.ProtocolError(
                    p.E_ROOM_FULL,
                    f"room '{room.name}' already has {self.max_peers} offices",
                    "join",
                )
            member = Member(message.peer_id, claims.office, claims, ws)
            room.members[member.peer_id] = member
        others = [m for m in room.present() if m is not member]
        await self._send(
            ws,
            p.Welcome(
                peer_id=member.peer_id,
                room=room.name,
                office=member.office,
                peers=[p.PeerInfo(m.peer_id, m.office) for m in others],
                ice_servers=self.ice_servers,
                expires_at=claims.expires_at,
            ),
        )
        for other in others:
            await self._send(other.ws, p.PeerJoined(member.peer_id, member.office))
        log.info("%s joined room %s as %s", member.office, room.name, member.peer_id)
        return member

    def _ghost(self, member: Member) -> None:
        member.ws = None
        loop = asyncio.get_running_loop()
        member.ghost_timer = loop.call_later(
            self.grace_s, lambda: asyncio.ensure_future(self._remove(member))
        )

    async def _remove(self, member: Member) -> None:
        room = self._room_of(member)
        if room is None or room.members.get(member.peer_id) is not member:
            return
        if member.ghost_timer is not None:
            member.ghost_timer.cancel()
            member.ghost_timer = None
        del room.members[member.peer_id]
        for other in room.present():
            await self._send(other.ws, p.PeerLeft(member.peer_id, member.office))
        if not room.members:
            del self.rooms[room.name]
        log.info("%s left room %s", member.office, room.name)
