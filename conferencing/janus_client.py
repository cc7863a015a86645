"""A small client for the Janus WebRTC server's JSON API over WebSockets (VideoRoom only).

What Lintas needs of Janus and no more: a session (kept alive), handles attached to the
VideoRoom plugin, requests matched to their replies by transaction with a timeout, and the
plugin's unsolicited events (publishers joining and leaving) delivered to a callback.

Janus is trusted with nothing it does not prove: every frame is bounded in size before it is
parsed, only JSON objects are accepted, the number of pending requests is bounded, and its
errors become :class:`JanusError` with a stable :class:`SfuCode` (the UI words them; Janus's
own text, which may name rooms and addresses, goes to the log only).

The hub uses the same client with its API secret (rooms) and, on the Admin API, with its admin
secret (per-office tokens); offices use a token that opens the VideoRoom plugin only.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import secrets
from collections.abc import Awaitable, Callable
from enum import StrEnum
from typing import Any

import aiohttp

log = logging.getLogger(__name__)

VIDEOROOM = "janus.plugin.videoroom"
SUBPROTOCOL = "janus-protocol"
ADMIN_SUBPROTOCOL = "janus-admin-protocol"
MAX_FRAME_BYTES = 256 * 1024  # an SDP with candidates is < 16 KiB; a room list stays small
MAX_PENDING = 64  # requests awaiting a reply on one connection
REQUEST_TIMEOUT_S = 10.0
KEEPALIVE_S = 15.0  # Janus drops a session after session_timeout (default 60 s) of silence

EventCallback = Callable[[dict[str, Any]], Awaitable[None] | None]


class SfuCode(StrEnum):
    """Why the SFU cannot carry the call (``EngineError.code``; worded in ``ui.vicon.messages``)."""

    UNREACHABLE = "sfu-unreachable"  # the media server does not answer
    REFUSED = "sfu-refused"  # it refused a request (a wrong pin or token, a full room)
    TIMEOUT = "sfu-timeout"  # it accepted the connection but did not reply in time
    PROTOCOL = "sfu-protocol"  # it sent something that is not its API


class JanusError(Exception):
    """A Janus request failed. ``code`` is stable; ``janus_code`` is Janus's own number."""

    def __init__(self, code: SfuCode, reason: str, janus_code: int | None = None) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason
        self.janus_code = janus_code


def _transaction() -> str:
    return secrets.token_hex(8)


class JanusConnection:
    """One WebSocket to Janus (API or Admin API): requests, replies and events."""

    def __init__(
        self,
        url: str,
        *,
        api_secret: str | None = None,
        token: str | None = None,
        admin_secret: str | None = None,
        timeout_s: float = REQUEST_TIMEOUT_S,
    ) -> None:
        self.url = url
        self._api_secret = api_secret
        self._token = token
        self._admin_secret = admin_secret
        self.timeout_s = timeout_s
        self._http: aiohttp.ClientSession | None = None
        self._ws: aiohttp.ClientWebSocketResponse | None = None
        self._reader: asyncio.Task[None] | None = None
        # transaction -> future of the reply; "ack" replies are skipped for plugin messages.
        self._pending: dict[str, tuple[asyncio.Future[dict[str, Any]], bool]] = {}
        self._listeners: dict[int, EventCallback] = {}  # handle id -> its events
        self._handlers: set[asyncio.Task[Any]] = set()  # event handlers still running
        self.closed = asyncio.Event()

    async def connect(self) -> JanusConnection:
        """Open the WebSocket. Raises :class:`JanusError` (``UNREACHABLE``)."""
        protocol = ADMIN_SUBPROTOCOL if self._admin_secret else SUBPROTOCOL
        self._http = aiohttp.ClientSession()
        try:
            self._ws = await self._http.ws_connect(
                self.url,
                protocols=(protocol,),
                max_msg_size=MAX_FRAME_BYTES,
                timeout=aiohttp.ClientWSTimeout(ws_close=2),
                heartbeat=None,
            )
        except (TimeoutError, OSError, aiohttp.ClientError) as exc:
            await self._http.close()
            self._http = None
            raise JanusError(SfuCode.UNREACHABLE, f"cannot reach the SFU: {exc}") from None
        self._reader = asyncio.ensure_future(self._read())
        return self

    async def close(self) -> None:
        """Close the socket; pending requests fail with ``UNREACHABLE``."""
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._reader
            self._reader = None
        if self._ws is not None:
            with contextlib.suppress(Exception):
                await self._ws.close()
            self._ws = None
        if self._http is not None:
            await self._http.close()
            self._http = None
        self._fail_pending("the SFU connection closed")
        self.closed.set()

    def listen(self, handle_id: int, callback: EventCallback | None) -> None:
        """Deliver events of ``handle_id`` that answer no request to ``callback``."""
        if callback is None:
            self._listeners.pop(handle_id, None)
        else:
            self._listeners[handle_id] = callback

    async def request(
        self, body: dict[str, Any], *, skip_ack: bool = False, timeout: float | None = None
    ) -> dict[str, Any]:
        """Send ``body`` (``janus`` verb and ids set by the caller) and return the reply.

        ``skip_ack``: a plugin ``message`` is first acknowledged, then answered by an ``event``
        with the same transaction; wait for the event. Raises :class:`JanusError`.
        """
        if self._ws is None or self._ws.closed:
            raise JanusError(SfuCode.UNREACHABLE, "not connected to the SFU")
        if len(self._pending) >= MAX_PENDING:
            raise JanusError(SfuCode.TIMEOUT, "too many SFU requests waiting")
        transaction = _transaction()
        message = {**body, "transaction": transaction}
        if self._admin_secret:
            message["admin_secret"] = self._admin_secret
        else:
            if self._api_secret:
                message["apisecret"] = self._api_secret
            if self._token:
                message["token"] = self._token
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._pending[transaction] = (future, skip_ack)
        try:
            await self._ws.send_str(json.dumps(message))
            reply = await asyncio.wait_for(future, timeout or self.timeout_s)
        except TimeoutError:
            raise JanusError(
                SfuCode.TIMEOUT, f"the SFU did not answer {body.get('janus')}"
            ) from None
        except (ConnectionError, RuntimeError) as exc:
            raise JanusError(SfuCode.UNREACHABLE, f"the SFU connection failed: {exc}") from None
        finally:
            self._pending.pop(transaction, None)
        if reply.get("janus") == "error":
            error = reply.get("error") if isinstance(reply.get("error"), dict) else {}
            code = error.get("code") if isinstance(error.get("code"), int) else None
            raise JanusError(SfuCode.REFUSED, str(error.get("reason", "refused"))[:200], code)
        return reply

    async def _read(self) -> None:
        assert self._ws is not None
        try:
            async for msg in self._ws:
                if msg.type != aiohttp.WSMsgType.TEXT:
                    break  # a frame over MAX_FRAME_BYTES arrives as an ERROR here
                try:
                    data = json.loads(msg.data)
                except (ValueError, RecursionError):
                    log.warning("SFU sent a frame that is not JSON; ignored")
                    continue
                if isinstance(data, dict):
                    await self._route(data)
        except Exception:  # noqa: BLE001 - a broken socket ends the connection, never the loop
            log.info("SFU connection reader ended", exc_info=True)
        finally:
            self._fail_pending("the SFU connection closed")
            self.closed.set()

    async def _route(self, data: dict[str, Any]) -> None:
        transaction = data.get("transaction")
        pending = self._pending.get(transaction) if isinstance(transaction, str) else None
        if pending is not None:
            future, skip_ack = pending
            if skip_ack and data.get("janus") == "ack":
                return
            if not future.done():
                future.set_result(data)
            return
        sender = data.get("sender")
        callback = self._listeners.get(sender) if isinstance(sender, int) else None
        if callback is None:
            return
        try:
            result = callback(data)
        except Exception:
            log.exception("SFU event handler failed")
            return
        if asyncio.iscoroutine(result):
            # Never awaited here: a handler that sends a request would wait for a reply this
            # very reader has to read (a deadlock until the timeout).
            task = asyncio.ensure_future(result)
            self._handlers.add(task)
            task.add_done_callback(self._handler_done)

    def _handler_done(self, task: asyncio.Task[Any]) -> None:
        self._handlers.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("SFU event handler failed", exc_info=task.exception())

    def _fail_pending(self, reason: str) -> None:
        for future, _ in list(self._pending.values()):
            if not future.done():
                future.set_exception(JanusError(SfuCode.UNREACHABLE, reason))


class JanusSession:
    """A Janus session on one connection, kept alive, with VideoRoom handles."""

    def __init__(self, connection: JanusConnection, session_id: int) -> None:
        self.connection = connection
        self.id = session_id
        self._keepalive = asyncio.ensure_future(self._keep_alive())

    @classmethod
    async def open(
        cls,
        url: str,
        *,
        api_secret: str | None = None,
        token: str | None = None,
        timeout_s: float = REQUEST_TIMEOUT_S,
    ) -> JanusSession:
        """Connect and create a session. Raises :class:`JanusError`."""
        connection = JanusConnection(url, api_secret=api_secret, token=token, timeout_s=timeout_s)
        await connection.connect()
        try:
            reply = await connection.request({"janus": "create"})
            session_id = _int(reply.get("data"), "id")
        except BaseException:
            await connection.close()
            raise
        return cls(connection, session_id)

    async def attach(self, on_event: EventCallback | None = None) -> JanusHandle:
        """Attach a VideoRoom handle; ``on_event`` receives its unsolicited events."""
        reply = await self.connection.request(
            {"janus": "attach", "plugin": VIDEOROOM, "session_id": self.id}
        )
        handle = JanusHandle(self, _int(reply.get("data"), "id"))
        self.connection.listen(handle.id, on_event)
        return handle

    async def _keep_alive(self) -> None:
        while True:
            await asyncio.sleep(KEEPALIVE_S)
            try:
                await self.connection.request({"janus": "keepalive", "session_id": self.id})
            except JanusError as exc:
                log.info("SFU keepalive failed: %s", exc.reason)
                if exc.code is SfuCode.UNREACHABLE:
                    return

    async def close(self) -> None:
        """Destroy the session (its handles leave their rooms) and close the socket."""
        self._keepalive.cancel()
        with contextlib.suppress(JanusError):
            await self.connection.request({"janus": "destroy", "session_id": self.id}, timeout=2)
        await self.connection.close()


class JanusHandle:
    """One VideoRoom handle: a publisher or a subscriber."""

    def __init__(self, session: JanusSession, handle_id: int) -> None:
        self.session = session
        self.id = handle_id

    async def message(
        self,
        body: dict[str, Any],
        jsep: dict[str, Any] | None = None,
        *,
        timeout: float | None = None,
    ) -> tuple[dict[str, Any], dict[str, Any] | None]:
        """Send a plugin request; return the plugin's data and the JSEP (if any).

        A plugin-level error (``videoroom: event`` with ``error_code``) raises ``REFUSED``.
        """
        request: dict[str, Any] = {
            "janus": "message",
            "session_id": self.session.id,
            "handle_id": self.id,
            "body": body,
        }
        if jsep is not None:
            request["jsep"] = jsep
        # Synchronous plugin requests (create, destroy, list ...) answer "success" directly.
        reply = await self.session.connection.request(request, skip_ack=True, timeout=timeout)
        data = plugin_data(reply)
        if "error_code" in data:
            raise JanusError(
                SfuCode.REFUSED,
                str(data.get("error", "refused"))[:200],
                data["error_code"] if isinstance(data["error_code"], int) else None,
            )
        reply_jsep = reply.get("jsep")
        return data, reply_jsep if isinstance(reply_jsep, dict) else None

    async def detach(self) -> None:
        """Leave the plugin (best effort)."""
        self.session.connection.listen(self.id, None)
        with contextlib.suppress(JanusError):
            await self.session.connection.request(
                {"janus": "detach", "session_id": self.session.id, "handle_id": self.id},
                timeout=2,
            )


def plugin_data(reply: dict[str, Any]) -> dict[str, Any]:
    """The plugin's ``data`` object in a Janus reply or event (``{}`` when absent)."""
    plugindata = reply.get("plugindata")
    data = plugindata.get("data") if isinstance(plugindata, dict) else None
    return data if isinstance(data, dict) else {}


def _int(obj: Any, key: str) -> int:
    value = obj.get(key) if isinstance(obj, dict) else None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value < 2**53:
        raise JanusError(SfuCode.PROTOCOL, f"the SFU's reply has no valid {key}")
    return value


async def admin_request(
    admin_url: str, admin_secret: str, body: dict[str, Any], timeout_s: float = REQUEST_TIMEOUT_S
) -> dict[str, Any]:
    """One Admin API request on a fresh connection (tokens are added and removed rarely)."""
    connection = JanusConnection(admin_url, admin_secret=admin_secret, timeout_s=timeout_s)
    await connection.connect()
    try:
        return await connection.request(body)
    finally:
        await connection.close()
