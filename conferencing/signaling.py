"""Client side of the hub protocol: one WebSocket, rejoined automatically after a drop.

Joining is ``hello`` -> ``challenge`` -> ``join`` signed with the install key
(:mod:`conferencing.installkey`). A ``wss://`` hub URL may carry its certificate's SHA-256
pin as a fragment, ``wss://host:port/ws#sha256=HEX``: the client then checks that fingerprint
instead of a CA (how an office's self-signed embedded hub is reached).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import ssl
from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit, urlunsplit

import aiohttp

from conferencing import protocol as p
from conferencing.hub.tokens import token_expiry, token_office
from conferencing.installkey import InstallKey
from conferencing.messages import DomainMessage

log = logging.getLogger(__name__)

BACKOFF_S = (0.2, 0.5, 1.0, 2.0, 3.0)
CONNECT_TIMEOUT_S = 2.0  # TCP connect to the hub; then a fresh attempt
PIN_PREFIX = "sha256="
#: Refusals after which retrying cannot help: the invitation itself is no longer good here.
FINAL_CODES = (
    p.E_TOKEN_EXPIRED, p.E_TOKEN_INVALID, p.E_TOKEN_ROOM, p.E_TOKEN_REVOKED, p.E_INVITE_IN_USE,
    p.E_BAD_SIGNATURE, p.E_BAD_VERSION, p.E_LOBBY_DENIED, p.E_LOBBY_TIMEOUT, p.E_REMOVED,
    p.E_SESSION_ENDED,
)  # fmt: skip
#: Hub errors after which the hub disconnects us for good (the host removed us or ended it).
CLOSING_CODES = (p.E_REMOVED, p.E_SESSION_ENDED)
#: How long a client waits in a locked room's lobby (the hub lets it go after 600 s).
LOBBY_WAIT_S = 630.0


def split_pin(url: str) -> tuple[str, bytes | None]:
    """``(url without fragment, SHA-256 pin or None)`` for a ``...#sha256=HEX`` hub URL.

    Raises ``ValueError`` for a fragment that is not a well-formed SHA-256 pin.
    """
    parts = urlsplit(url)
    bare = urlunsplit((parts.scheme, parts.netloc, parts.path, parts.query, ""))
    if not parts.fragment:
        return bare, None
    if not parts.fragment.lower().startswith(PIN_PREFIX):
        raise ValueError("the hub address has an unknown #fragment")
    pin = bytes.fromhex(parts.fragment[len(PIN_PREFIX) :].replace(":", ""))
    if len(pin) != 32:
        raise ValueError("a certificate pin is a SHA-256 fingerprint (32 bytes)")
    return bare, pin


class JoinRefused(Exception):
    """The hub refused to admit us; ``code`` is a protocol error code, ``str()`` the reason."""

    def __init__(self, code: str, message: str, **params: str | int) -> None:
        super().__init__(message)
        self.code = code
        self.params = params

    @property
    def message(self) -> DomainMessage:
        """The refusal as a coded message (``code`` is one of ``protocol.ERROR_CODES``)."""
        return DomainMessage(self.code, self.params, str(self))


class LinkReason(str):
    """Why the hub link went down (English, as before) plus a ``code`` the UI can translate."""

    code: str

    def __new__(cls, text: str, code: str) -> LinkReason:
        reason = super().__new__(cls, text)
        reason.code = code
        return reason


class HubClient:
    """Keeps one joined WebSocket to the hub.

    ``on_message`` gets every validated hub message after the first ``welcome``;
    ``on_link(up, welcome_or_reason, final)`` reports the link dropping (``False``, reason) and
    coming back (``True``, the new :class:`~conferencing.protocol.Welcome`); ``final`` is true
    when the client gives up (the token is no longer accepted). All callbacks run on the engine
    loop.
    """

    def __init__(
        self,
        url: str,
        room: str,
        token: str,
        peer_id: str,
        *,
        on_message: Callable[[p.Message], Awaitable[None]],
        on_link: Callable[[bool, p.Welcome | str, bool], Awaitable[None]],
        ssl_context: ssl.SSLContext | None = None,
        install_key: InstallKey | None = None,
        on_lobby: Callable[[], Awaitable[None]] | None = None,
    ) -> None:
        self.url, pin = split_pin(url)
        # Called when the hub holds us in a locked room's lobby (the join then waits).
        self._on_lobby = on_lobby
        self._closed_by_host: LinkReason | None = None
        self.room = room
        self.token = token
        self.peer_id = peer_id
        # Without a persistent key (a client with no data folder) the key lives as long as this
        # client: reconnects still prove it, a restarted process cannot replace its ghost.
        self.install_key = install_key or InstallKey.generate()
        self._on_message = on_message
        self._on_link = on_link
        self._ssl: ssl.SSLContext | aiohttp.Fingerprint | bool = (
            aiohttp.Fingerprint(pin) if pin is not None else ssl_context or True
        )
        self._session: aiohttp.ClientSession | None = None
        self._ws: aiohttp.ClientWebSocketResponse | None = None
        self._task: asyncio.Task[None] | None = None
        self._closing = False

    async def _connect(self) -> p.Welcome:
        """Open the socket and join; returns the welcome or raises (JoinRefused / OSError ...)."""
        if self._session is None:
            # A connect sent while the link is down can wait out TCP's SYN back-off long after
            # the link is back (~10 s after a 60 s cut): give up and try afresh instead.
            self._session = aiohttp.ClientSession(
                timeout=aiohttp.ClientTimeout(sock_connect=CONNECT_TIMEOUT_S)
            )
        try:
            ws = await self._session.ws_connect(
                self.url,
                ssl=self._ssl,
                heartbeat=5.0,
                max_msg_size=4 * p.MAX_MESSAGE_BYTES,
                timeout=aiohttp.ClientWSTimeout(ws_close=2.0),
            )
        except aiohttp.WSServerHandshakeError as exc:
            if exc.status == 503:  # refused before the upgrade: too many connections
                raise JoinRefused(p.E_HUB_BUSY, "the hub is busy") from None
            raise
        try:
            await ws.send_str(p.encode(p.Hello()))
            challenge = await self._reply(ws)
            if not isinstance(challenge, p.Challenge):
                raise ConnectionError(f"expected challenge, got {challenge.type}")
            sig = self.install_key.sign_join(challenge.nonce, self.room, self.peer_id, self.token)
            join = p.Join(
                room=self.room,
                token=self.token,
                peer_id=self.peer_id,
                key=self.install_key.public_b64,
                sig=sig,
            )
            await ws.send_str(p.encode(join))
            reply = await self._reply(ws)
            if isinstance(reply, p.LobbyWait):
                # A locked room: the welcome (or a refusal) comes when the host decides.
                if self._on_lobby is not None:
                    await self._on_lobby()
                reply = await self._reply(ws, timeout=LOBBY_WAIT_S)
            if not isinstance(reply, p.Welcome):
                raise ConnectionError(f"expected welcome, got {reply.type}")
        except BaseException:
            await ws.close()
            raise
        self._ws = ws
        return reply

    async def _reply(
        self, ws: aiohttp.ClientWebSocketResponse, timeout: float = 10.0
    ) -> p.Message:
        """The hub's next message during the join; an ``error`` raises :class:`JoinRefused`."""
        msg = await asyncio.wait_for(ws.receive(), timeout)
        if msg.type != aiohttp.WSMsgType.TEXT:
            raise ConnectionError("the hub closed the connection during join")
        reply = p.parse(msg.data, allowed=p.HUB_TYPES)
        if isinstance(reply, p.Error):
            params: dict[str, str | int] = {}
            expires_at = token_expiry(self.token) if reply.code == p.E_TOKEN_EXPIRED else None
            if expires_at is not None:  # the hub's reason is English; the UI words the time
                params["expires_at"] = expires_at
            if reply.code == p.E_INVITE_IN_USE:
                params["office"] = token_office(self.token)  # the office the invitation names
            raise JoinRefused(reply.code, reply.message, **params)
        return reply

    async def start(self) -> p.Welcome:
        """Join once (errors propagate), then keep the link up in the background."""
        welcome = await self._connect()
        self._task = asyncio.ensure_future(self._run())
        return welcome

    async def _run(self) -> None:
        while not self._closing:
            reason = await self._read()
            if self._closing:
                return
            if self._closed_by_host is not None:
                # Removed, or the session ended: rejoining would be refused; do not try.
                await self._on_link(False, self._closed_by_host, True)
                return
            await self._on_link(False, reason, False)
            attempt = 0
            while not self._closing:
                await asyncio.sleep(BACKOFF_S[min(attempt, len(BACKOFF_S) - 1)])
                attempt += 1
                try:
                    welcome = await self._connect()
                except JoinRefused as exc:
                    if exc.code == p.E_PEER_ID_TAKEN:
                        continue  # the hub has not noticed our old socket die yet
                    if exc.code in FINAL_CODES:
                        # Retrying cannot help: the invite itself is no longer good.
                        await self._on_link(
                            False,
                            LinkReason(f"the hub refused to readmit us: {exc}", exc.code),
                            True,
                        )
                        return
                    await self._on_link(
                        False, LinkReason(f"the hub refused to readmit us: {exc}", exc.code), False
                    )
                    continue
                except (
                    TimeoutError,
                    OSError,
                    aiohttp.ClientError,
                    ConnectionError,
                    p.ProtocolError,
                ) as exc:
                    log.debug("hub reconnect attempt %d failed: %s", attempt, exc)
                    continue
                await self._on_link(True, welcome, False)
                break

    async def _read(self) -> str:
        ws = self._ws
        assert ws is not None
        try:
            async for msg in ws:
                if msg.type != aiohttp.WSMsgType.TEXT:
                    continue
                try:
                    message = p.parse(msg.data, allowed=p.HUB_TYPES)
                except p.ProtocolError as exc:
                    log.warning("ignoring malformed hub message: %s", exc)
                    continue
                if isinstance(message, p.Ended):
                    self._closed_by_host = LinkReason("the host ended the session", p.E_SESSION_ENDED)
                elif isinstance(message, p.Error) and message.code in CLOSING_CODES:
                    self._closed_by_host = LinkReason(message.message, message.code)
                try:
                    await self._on_message(message)
                except Exception:
                    log.exception("handling hub message %s failed", message.type)
        except (aiohttp.ClientError, OSError) as exc:
            return LinkReason(f"hub link lost: {exc}", p.E_HUB_LINK_LOST)
        return LinkReason("hub link closed", p.E_HUB_LINK_LOST)

    async def send(self, message: p.Message) -> bool:
        """Send if the link is up; returns ``False`` when it is down (the caller retries later)."""
        ws = self._ws
        if ws is None or ws.closed:
            return False
        try:
            await ws.send_str(p.encode(message))
        except (aiohttp.ClientError, OSError, ConnectionError):
            return False
        return True

    async def close(self, *, leave: bool = True) -> None:
        """Leave the room (tells the hub) and stop reconnecting."""
        self._closing = True
        if leave:
            await self.send(p.Leave())
        if self._ws is not None:
            with contextlib.suppress(Exception):
                await self._ws.close()
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
        if self._session is not None:
            await self._session.close()
