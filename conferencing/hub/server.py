"""The signaling hub: rooms, presence and relay over aiohttp WebSockets.

Media never passes through the hub; it only admits offices with invite tokens, tells everyone
who is present, relays offers/answers between peers and hands out the ICE (STUN/TURN) servers.
Every frame is validated by :mod:`conferencing.protocol`; a malformed one gets an ``error``
reply and the connection stays open. A client whose socket drops without ``leave`` stays a
*ghost* for ``grace_s`` seconds, so a short network cut does not end its calls: when it rejoins
with the same peer id nobody sees it leave.

Invitations are bound to an install key on first use (the ``join`` signs the hub's one-time
challenge): the same install rejoining under a new peer id (a restarted app) replaces its ghost
at once, and another device holding a copy of the invitation is refused. The host may revoke
an invitation. :class:`~conferencing.hub.limits.HubLimits` bounds what anyone can make the hub
spend before and after joining.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import hashlib
import hmac
import ipaddress
import json
import logging
import secrets
import ssl
import threading
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiohttp import WSMsgType, web, web_ws
from aiohttp._websocket import reader_py

from conferencing import protocol as p
from conferencing.hub.guest_page import GuestPage
from conferencing.hub.host import HostRole
from conferencing.hub.host_hub import HostControls
from conferencing.hub.janus_pool import JanusPool, SfuRooms
from conferencing.hub.ledger import InviteLedger
from conferencing.hub.limits import HubLimits, ThrottledLog, TokenBucket, descriptor_budget
from conferencing.hub.presenter import PresenterSlot
from conferencing.hub.switching import SessionSwitching
from conferencing.hub.tokens import TokenClaims, TokenError, token_room, verify_token
from conferencing.installkey import b64, verify_join

log = logging.getLogger(__name__)

WS_PATH = "/ws"
_READER_SWAP = threading.Lock()


class _HubSocket(web.WebSocketResponse):
    """A WebSocket whose frame limit can be raised once the client has joined.

    aiohttp's compiled frame reader fixes its limit at creation, so this socket is built with
    the pure-Python reader and queue (aiohttp's own, same behaviour) whose limit is a plain
    attribute.
    """

    parser: Any = None

    def _post_start(self, request: Any, protocol: Any, writer: Any) -> None:
        def make(*args: Any, **kwargs: Any) -> Any:
            self.parser = reader_py.WebSocketReader(*args, **kwargs)
            return self.parser

        # Swapped only for this synchronous call; the lock covers hubs on other threads.
        with _READER_SWAP:
            original = web_ws.WebSocketReader, web_ws.WebSocketDataQueue
            web_ws.WebSocketReader = make  # type: ignore[assignment,misc]
            web_ws.WebSocketDataQueue = reader_py.WebSocketDataQueue  # type: ignore[misc]
            try:
                super()._post_start(request, protocol, writer)
            finally:
                web_ws.WebSocketReader, web_ws.WebSocketDataQueue = original  # type: ignore[misc]

    def raise_limit(self, max_bytes: int) -> None:
        """Allow frames up to ``max_bytes`` from now on (after a valid join)."""
        if self.parser is not None:
            self.parser._max_msg_size = max_bytes
            self.parser._max_fragments = max(1024, max_bytes // 256)


@dataclass(eq=False)
class Member:
    """One admitted office in a room."""

    peer_id: str
    office: str
    claims: TokenClaims
    ws: web.WebSocketResponse | None
    token_id: str = ""
    key: str = ""
    ghost_timer: asyncio.TimerHandle | None = None
    # False from admission until its welcome is sent: the hub awaits Janus in between, and
    # nothing (peer-left, relays, room state) may reach a client before its welcome.
    welcomed: bool = True

    @property
    def guest(self) -> bool | None:
        """``True`` for a browser guest link (sent to the others), else ``None`` (omitted)."""
        return True if self.claims.guest else None


@dataclass
class Room:
    """The offices of one session."""

    name: str
    members: dict[str, Member] = field(default_factory=dict)
    presenting: PresenterSlot = field(default_factory=PresenterSlot)  # one presenter at a time
    host: HostRole = field(default_factory=HostRole)  # host, lock, lobby, removed (hub/host.py)

    def present(self) -> list[Member]:
        return [m for m in self.members.values() if m.ws is not None and m.welcomed]


class HubServer(HostControls):
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
        limits: HubLimits | None = None,
        state_file: Path | None = None,
        janus: JanusPool | None = None,
        sfu_above: int = 4,
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
        self.limits = limits or HubLimits()
        self.max_connections = self.limits.max_connections or descriptor_budget()
        self._per_ip: Counter[str] = Counter()
        # Which install each invitation is bound to, and which are revoked (kept in
        # ``state_file`` when given, so a restart forgets neither).
        self.ledger = InviteLedger(state_file)
        # Sessions of more than ``sfu_above`` offices run on Janus (hub/janus_pool.py).
        self.sfu = SfuRooms(janus, sfu_above)
        # A running session moves to the SFU above sfu_above offices and back (hub/switching.py).
        self.switching = SessionSwitching(self.sfu, self._send)
        self._flood_log = ThrottledLog(log, self.limits.log_interval_s)
        self.refused_connections = 0
        self._closing: set[asyncio.Future[Any]] = set()
        # The browser guest page (resources/guest), served on this same port and TLS.
        self.guest_page = GuestPage()
        self._control_buckets: dict[str, TokenBucket] = {}  # host controls per invitation

    # ------------------------------------------------------------------ lifecycle

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_get(WS_PATH, self._handle_ws)
        app.router.add_get("/health", self._handle_health)
        app.router.add_post("/revoke", self._handle_revoke)
        if self.guest_page.available:
            self.guest_page.add_routes(app)
        return app

    async def start(self) -> None:
        """Bind and serve (returns once listening; ``port=0`` picks a free port)."""
        self._install_exception_filter()
        self._runner = web.AppRunner(
            self.app(),
            access_log=None,
            handle_signals=False,
            # An HTTP connection that never upgrades gets no more time than one that never joins.
            keepalive_timeout=self.limits.join_deadline_s,
        )
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
        await self.switching.close()
        await self.sfu.close()
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

    def _install_exception_filter(self) -> None:
        """Turn asyncio's per-event "out of descriptors" reports into one line per interval.

        When descriptors run out, asyncio's accept loop already backs off (it pauses accepting
        for a second); what it also does is report every failed accept, which once wrote 57,000
        lines in seconds.
        """
        loop = asyncio.get_running_loop()
        previous = loop.get_exception_handler()

        def handler(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
            exc = context.get("exception")
            if isinstance(exc, OSError) and exc.errno in (errno.EMFILE, errno.ENFILE):
                self._flood_log.warning(
                    "descriptors", "out of file descriptors: new connections wait and retry"
                )
                return
            if previous is not None:
                previous(loop, context)
            else:
                loop.default_exception_handler(context)

        loop.set_exception_handler(handler)

    async def _handle_revoke(self, request: web.Request) -> web.Response:
        """``POST /revoke`` ``{"token": T, "auth": HMAC}``: the operator withdraws an invitation.

        ``auth`` is ``revoke_auth(secret, T)``: only whoever holds the hub secret (who could
        issue invitations anyway) can withdraw one, from wherever it runs ``main.py revoke``.
        """
        if (request.content_length or 0) > 8192:
            return web.json_response({"ok": False, "error": "too-large"}, status=413)
        try:
            body = await request.json()
            token, auth = str(body["token"]), str(body["auth"])
        except (ValueError, KeyError, TypeError):
            return web.json_response({"ok": False, "error": "bad-request"}, status=400)
        if not hmac.compare_digest(revoke_auth(self._secret, token), auth):
            return web.json_response({"ok": False, "error": "unauthorized"}, status=403)
        revoked = await self.revoke(token)
        return web.json_response({"ok": revoked}, status=200 if revoked else 404)

    async def _handle_health(self, request: web.Request) -> web.Response:
        body: dict[str, Any] = {"ok": True, "protocol": p.VERSION}
        # Counts tell an outsider when sessions run; only the machine's own operator sees them.
        if request.query.get("detail") and _is_loopback(request.remote):
            rooms = {name: len(room.present()) for name, room in self.rooms.items()}
            body.update(rooms=len(rooms), peers=sum(rooms.values()), connections=len(self._sockets))
        return web.json_response(body)

    # ------------------------------------------------------------------ connection

    async def _handle_ws(self, request: web.Request) -> web.StreamResponse:
        ip = request.remote or "?"
        if len(self._sockets) >= self.max_connections or self._per_ip[ip] >= self.limits.max_per_ip:
            # Refused before the upgrade: no WebSocket state is ever allocated for it.
            self.refused_connections += 1
            self._flood_log.warning("busy", "too many connections: refusing new ones")
            return web.Response(status=503, text="the hub is busy; try again shortly")
        # aiohttp refuses a frame whose size EQUALS its limit: +1 so the limit is the largest
        # frame read (a 4096-byte join is within "4 KiB"; the fuzz test found the edge).
        ws = _HubSocket(
            heartbeat=5.0, max_msg_size=self.limits.pre_join_max_bytes + 1, autoping=False
        )
        self._per_ip[ip] += 1
        try:
            await ws.prepare(request)
            self._sockets.add(ws)
            await self._serve(ws)
        finally:
            self._per_ip[ip] -= 1
            if self._per_ip[ip] <= 0:
                del self._per_ip[ip]
            self._sockets.discard(ws)
        return ws

    async def _serve(self, ws: _HubSocket) -> None:
        state: dict[str, Any] = {"member": None, "nonce": None}
        loop = asyncio.get_running_loop()
        deadline = loop.call_later(
            self.limits.join_deadline_s,
            lambda: asyncio.ensure_future(self._join_timeout(ws, state)),
        )
        bucket = TokenBucket(self.limits.rate_per_s, self.limits.burst)
        dropped, last_notice = 0, -1e9
        try:
            async for msg in ws:
                if not bucket.take():
                    # Over budget: not answered (a flood must not buy work), told once a second.
                    dropped += 1
                    if dropped > self.limits.max_dropped:
                        self._flood_log.warning("rate", "closing a connection that kept flooding")
                        await ws.close(code=1008, message=b"rate limit")
                        break
                    if loop.time() - last_notice >= 1.0:
                        last_notice = loop.time()
                        await self._send_error(ws, p.E_RATE_LIMITED, "too many messages; slow down")
                    continue
                if msg.type == WSMsgType.PING:
                    await ws.pong(msg.data)
                    continue
                if msg.type == WSMsgType.PONG:
                    continue
                if msg.type == WSMsgType.TEXT:
                    raw: str | bytes = msg.data
                elif msg.type == WSMsgType.BINARY:
                    raw = msg.data
                else:
                    break
                try:
                    message = p.parse(raw, allowed=p.CLIENT_TYPES)
                    await self._dispatch(ws, state, message)
                    if state["member"] is not None or state.get("lobby") is not None:
                        deadline.cancel()
                except p.ProtocolError as exc:
                    await self._send_error(ws, exc.code, exc.message, exc.ref)
                    if exc.code in p.FATAL_CODES:
                        await ws.close()
                        break
                except Exception:  # the hub must keep serving whatever one client sends
                    log.exception("hub failed on a message")
                    await self._send_error(ws, "internal", "the hub could not process that message")
        finally:
            deadline.cancel()
            if state.get("lobby") is not None:
                await self._lobby_closed(state["lobby"])
            member = state["member"]
            if member is not None and member.ws is ws:
                self._ghost(member)

    async def _join_timeout(self, ws: web.WebSocketResponse, state: dict[str, Any]) -> None:
        if state["member"] is None and not ws.closed:
            await self._send_error(
                ws, p.E_JOIN_TIMEOUT, f"no valid join within {self.limits.join_deadline_s:g} s"
            )
            with contextlib.suppress(Exception):
                await ws.close(code=1008, message=b"join deadline")

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

    async def _dispatch(self, ws: _HubSocket, state: dict[str, Any], message: p.Message) -> None:
        member = state["member"]
        if isinstance(message, p.Ping):
            await self._send(ws, p.Pong(nonce=message.nonce))
            return
        if isinstance(message, p.Hello):
            if member is None:
                state["nonce"] = b64(secrets.token_bytes(32))
                await self._send(ws, p.Challenge(nonce=state["nonce"]))
            return
        if isinstance(message, p.Join):
            if member is not None or state.get("lobby") is not None:
                raise p.ProtocolError(
                    p.E_ALREADY_JOINED, "this connection has already joined a room", "join"
                )
            nonce, state["nonce"] = state["nonce"], None  # a challenge signs one join only
            if nonce is None:
                raise p.ProtocolError(
                    p.E_INVALID, "send 'hello' and sign the hub's challenge before 'join'", "join"
                )
            joined = await self._join(ws, message, nonce, state)
            if joined is None:
                return  # waiting in the lobby of a locked room (hub/host_hub.py)
            state["member"] = joined
            ws.raise_limit(self.limits.joined_max_bytes + 1)
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
                p.Signal(
                    message.kind,
                    message.session,
                    message.sdp,
                    from_=member.peer_id,
                    mid=message.mid,
                ),
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
        elif isinstance(message, p.Present) and room is not None:
            host = room.host.host_invitation  # the host role may take over (hub/host.py)
            if room.presenting.request(member.peer_id, member.token_id, message, host):
                await self._announce_presenter(room)
        elif isinstance(message, p.HostControl | p.Hand) and room is not None:
            await self._host_message(member, room, message)
        elif isinstance(message, p.Leave):
            state["member"] = None
            await self._remove(member)
            await ws.close()

    # ------------------------------------------------------------------ membership

    def _room_of(self, member: Member) -> Room | None:
        return self.rooms.get(member.claims.room)

    async def _join(
        self, ws: web.WebSocketResponse, message: p.Join, nonce: str, state: dict[str, Any]
    ) -> Member | None:
        """Check a join; returns the member, or None when it waits in a locked room's lobby."""
        try:
            claims = verify_token(self._secret, message.token, message.room)
        except TokenError as exc:
            raise p.ProtocolError(exc.code, exc.reason, "join") from None
        tid = claims.invitation_id(message.token)
        self._forget_expired()
        if self.ledger.is_revoked(tid):
            raise p.ProtocolError(
                p.E_TOKEN_REVOKED, "the host has withdrawn this invitation", "join"
            )
        if not verify_join(message.key, message.sig, nonce, message.room, message.peer_id,
                           message.token):  # fmt: skip
            raise p.ProtocolError(
                p.E_BAD_SIGNATURE, "the join was not signed by the key it names", "join"
            )
        bound = self.ledger.bound_key(tid)
        if bound is not None and bound != message.key:
            raise p.ProtocolError(
                p.E_INVITE_IN_USE,
                f"the invitation for {claims.office} is already in use on another device",
                "join",
            )
        room = self.rooms.setdefault(message.room, Room(message.room))
        room.host.note_join(tid, claims)
        refusal = room.host.refusal(tid)
        if refusal is not None:
            raise refusal
        if room.host.must_wait(tid):
            await self._to_lobby(room, ws, message, claims, tid, state)
            return None
        room.host.host_rejoined(tid)
        return await self._enter(room, ws, message, claims, tid)

    async def _enter(
        self, room: Room, ws: web.WebSocketResponse, message: p.Join, claims: TokenClaims, tid: str
    ) -> Member:
        """Admit a checked join into ``room``: welcome it and tell the others."""
        existing = room.members.get(message.peer_id)
        if existing is not None and existing.token_id != tid:
            raise p.ProtocolError(
                p.E_PEER_ID_TAKEN, "that peer id is in use by another connection", "join"
            )
        previous = next((m for m in room.members.values() if m.token_id == tid), None)
        if previous is not None and previous is not existing:
            # The same install is back under a new peer id (its app restarted): the old entry,
            # ghost or half-dead socket, cannot come back, so the others hear it left now.
            await self._remove(previous)
        if existing is not None:
            # The same install reconnecting (its old socket may not have timed out yet).
            if existing.ghost_timer is not None:
                existing.ghost_timer.cancel()
                existing.ghost_timer = None
            old_ws, existing.ws = existing.ws, ws
            if old_ws is not None and old_ws is not ws:
                with contextlib.suppress(Exception):
                    await old_ws.close(code=4000, message=b"replaced by a new connection")
            member = existing
        else:
            limit = self.sfu.capacity(room.name, self.max_peers, claims.size)
            if len(room.members) >= limit:
                if not room.members:
                    del self.rooms[room.name]
                raise p.ProtocolError(
                    p.E_ROOM_FULL,
                    f"room '{room.name}' already has {limit} offices",
                    "join",
                )
            member = Member(message.peer_id, claims.office, claims, ws, tid, message.key)
            member.welcomed = False
            room.members[member.peer_id] = member
        self.ledger.bind(tid, message.key, claims.expires_at)
        room.presenting.note_member(tid)
        await self.switching.before_welcome(room)  # more than sfu_above offices: to Janus
        seat = await self.sfu.seat(
            room.name, member.peer_id, claims.size, first=len(room.members) == 1
        )
        # No await from here to the welcome's send: the peers it lists are exactly those that
        # will hear peer-joined, even if others came or went while Janus was asked.
        others = [m for m in room.present() if m is not member]
        member.welcomed = True
        await self._send(
            ws,
            p.Welcome(
                peer_id=member.peer_id,
                room=room.name,
                office=member.office,
                peers=[p.PeerInfo(m.peer_id, m.office, m.guest) for m in others],
                ice_servers=self.ice_servers,
                expires_at=claims.expires_at,
                sfu=seat,
            ),
        )
        for other in others:
            await self._send(other.ws, p.PeerJoined(member.peer_id, member.office, member.guest))
        await self.switching.after_welcome(room, member)  # the others' tickets, if it moved
        if room.presenting.holder:
            await self._send(ws, self._presenter(room))
        if room.host.has_state():  # who hosts, the lock, raised hands (hub/host_hub.py)
            await self._announce_room(room)
        log.info("%s joined room %s as %s", member.office, room.name, member.peer_id)
        return member

    def _presenter(self, room: Room) -> p.Presenter:
        holder = room.members.get(room.presenting.holder)
        return p.Presenter(holder.peer_id, holder.office) if holder else p.Presenter()

    async def _announce_presenter(self, room: Room) -> None:
        """Tell everyone in ``room`` who presents now (docs/protocol.md §3)."""
        message = self._presenter(room)
        for other in room.present():
            await self._send(other.ws, message)

    async def revoke(self, token: str) -> bool:
        """Withdraw an invitation: it can no longer join, and a connected holder is removed.

        Returns ``False`` when ``token`` is not one this hub signed (nothing to revoke).
        """
        try:
            claims = verify_token(self._secret, token, token_room(token))
        except TokenError:
            return False
        tid = claims.invitation_id(token)
        self.ledger.revoke(tid, claims.expires_at)
        room = self.rooms.get(claims.room)
        for member in [m for m in (room.members.values() if room else []) if m.token_id == tid]:
            ws = member.ws
            await self._send_error_to(
                ws, p.E_TOKEN_REVOKED, "the host has withdrawn this invitation"
            )
            await self._remove(member)
        log.info("invitation for %s to room %s revoked", claims.office, claims.room)
        return True

    async def _send_error_to(self, ws: web.WebSocketResponse | None, code: str, text: str) -> None:
        if ws is not None:
            await self._send_error(ws, code, text)

    def _forget_expired(self) -> None:
        self.ledger.forget_expired()
        for name, room in list(self.rooms.items()):
            if not room.members and not room.host.lobby and not room.host.keeps_room():
                del self.rooms[name]

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
        offices_before = len(room.members)
        del room.members[member.peer_id]
        old_ws, member.ws = member.ws, None  # its handler must not turn it into a ghost
        if old_ws is not None and not old_ws.closed:
            # Closed in the background: the close handshake must not delay telling the others.
            task = asyncio.ensure_future(old_ws.close(code=4000, message=b"removed"))
            self._closing.add(task)
            task.add_done_callback(self._closing.discard)
        for other in room.present():
            await self._send(other.ws, p.PeerLeft(member.peer_id, member.office))
        if room.presenting.left(member.peer_id):
            await self._announce_presenter(room)
        if room.host.left(member.peer_id):
            await self._announce_room(room)
        if not any(m.token_id == member.token_id for m in room.members.values()):
            self._control_buckets.pop(member.token_id, None)
        if not room.members:
            await self._room_emptied(room)
            if not room.host.keeps_room():  # removed invitations, an ended session: kept
                del self.rooms[room.name]
        await self.sfu.left(room.name, member.peer_id, empty=not room.members)
        await self.switching.after_leave(room, offices_before)  # back to the mesh at <= N
        log.info("%s left room %s", member.office, room.name)


def _is_loopback(address: str | None) -> bool:
    try:
        return address is not None and ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False


def revoke_auth(secret: bytes, token: str) -> str:
    """The proof ``POST /revoke`` needs: HMAC-SHA256(secret, "lintas-revoke\n" + token), hex."""
    return hmac.new(secret, b"lintas-revoke\n" + token.encode(), hashlib.sha256).hexdigest()
