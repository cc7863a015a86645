"""Host the hub inside the desktop app ("Host a session"), on its own loop thread."""

from __future__ import annotations

import asyncio
import ssl
import threading

from conferencing import protocol as p
from conferencing.hub.server import HubServer
from conferencing.hub.tokens import DEFAULT_TTL_S, issue_token, new_secret


class EmbeddedHub:
    """A :class:`HubServer` running on a private asyncio loop in a daemon thread.

    Safe to drive from the GUI thread: :meth:`start` blocks until the hub listens and returns
    its URL; :meth:`stop` shuts it down and joins the thread.
    """

    def __init__(
        self,
        secret: bytes | None = None,
        *,
        ice_servers: list[p.IceServer] | None = None,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        self.secret = secret or new_secret()
        self._ice_servers = ice_servers
        self._ssl = ssl_context
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self.server: HubServer | None = None

    def start(self, host: str = "0.0.0.0", port: int = 0) -> str:
        """Start listening on ``host:port`` (0 = any free port) and return the hub URL."""
        if self._thread is not None:
            raise RuntimeError("the embedded hub is already running")
        loop = asyncio.new_event_loop()
        self._loop = loop
        self._thread = threading.Thread(target=loop.run_forever, name="embedded-hub", daemon=True)
        self._thread.start()
        server = HubServer(
            host, port, self.secret, ice_servers=self._ice_servers, ssl_context=self._ssl
        )
        try:
            asyncio.run_coroutine_threadsafe(server.start(), loop).result(timeout=10)
        except BaseException:
            self._shutdown_loop()
            raise
        self.server = server
        return server.url

    @property
    def url(self) -> str:
        """The WebSocket URL of the running hub."""
        if self.server is None:
            raise RuntimeError("the embedded hub is not running")
        return self.server.url

    def invite(self, room: str, office: str, ttl_s: int = DEFAULT_TTL_S) -> str:
        """An invite token for ``office`` to ``room`` signed with this hub's secret."""
        return issue_token(self.secret, room, office, ttl_s)

    def stop(self) -> None:
        """Close every connection, stop listening and join the thread."""
        if self._loop is None:
            return
        if self.server is not None:
            asyncio.run_coroutine_threadsafe(self.server.stop(), self._loop).result(timeout=10)
            self.server = None
        self._shutdown_loop()

    def _shutdown_loop(self) -> None:
        assert self._loop is not None and self._thread is not None
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
        self._loop.close()
        self._loop = None
        self._thread = None
