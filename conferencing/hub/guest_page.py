"""The browser guest page, served by the hub on its own (HTTPS) port.

A counterpart office without Lintas opens ``https://HOST:PORT/guest/#t=TOKEN`` from its
invitation and joins from Chrome or Edge (``resources/guest/``: plain JavaScript speaking
docs/protocol.md). The page shares the hub's TLS and origin, so its WebSocket to ``/ws`` needs
nothing more.

The files are read once, when the hub starts, into a fixed table; a request can only name one
of those entries. No path from a request ever reaches the file system, so there is no directory
listing and no way out of the folder (``..``, encoded slashes, absolute paths all get 404).
Every answer carries a strict Content-Security-Policy: scripts and styles from this origin only,
no inline code, connections only back to this origin, no framing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from aiohttp import web

GUEST_DIR = Path(__file__).resolve().parents[2] / "resources" / "guest"
GUEST_PATH = "/guest/"
GUEST_FILES = {
    "index.html": "text/html; charset=utf-8",
    "guest.js": "text/javascript; charset=utf-8",
    "guest.css": "text/css; charset=utf-8",
}
MAX_FILE_BYTES = 512 * 1024  # the page is a few tens of KiB; refuse to load anything odd
MAX_NAME_CHARS = 64

CSP = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "media-src 'self' blob: mediastream:",
        "connect-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    ]
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(self), microphone=(self), display-capture=(), geolocation=()",
}


@dataclass(frozen=True)
class _File:
    body: bytes
    content_type: str


class GuestPage:
    """The guest page's files, loaded once, and the aiohttp handlers that serve them."""

    def __init__(self, folder: Path = GUEST_DIR) -> None:
        self._files: dict[str, _File] = {}
        for name, content_type in GUEST_FILES.items():
            path = folder / name
            if path.is_file() and path.stat().st_size <= MAX_FILE_BYTES:
                self._files[name] = _File(path.read_bytes(), content_type)

    @property
    def available(self) -> bool:
        """Whether the page ships with this install (the hub serves it only then)."""
        return "index.html" in self._files

    def add_routes(self, app: web.Application) -> None:
        """``GET /guest`` (redirect), ``GET /guest/`` (the page) and ``GET /guest/{name}``."""
        app.router.add_get("/guest", self._redirect)
        app.router.add_get(GUEST_PATH, self._index)
        app.router.add_get(GUEST_PATH + "{name}", self._file)

    async def _redirect(self, request: web.Request) -> web.StreamResponse:
        # Relative, so the fragment with the token is kept by the browser and never sent here.
        raise web.HTTPMovedPermanently(GUEST_PATH, headers=SECURITY_HEADERS)

    async def _index(self, request: web.Request) -> web.StreamResponse:
        return self._serve("index.html")

    async def _file(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info.get("name", "")
        if len(name) > MAX_NAME_CHARS:
            return _not_found()
        return self._serve(name)

    def _serve(self, name: str) -> web.StreamResponse:
        entry = self._files.get(name)
        if entry is None:
            return _not_found()
        return web.Response(
            body=entry.body,
            headers={**SECURITY_HEADERS, "Content-Type": entry.content_type},
        )


def _not_found() -> web.Response:
    return web.Response(
        status=404, text="not found", content_type="text/plain", headers=SECURITY_HEADERS
    )


def guest_link(hub_url: str, token: str) -> str:
    """The browser link for a guest invitation on the hub at ``hub_url`` (``ws(s)://H:P/ws``).

    The token travels in the fragment (``#t=``), which browsers never send to the server, so it
    stays out of any proxy or access log. A ``#sha256=`` pin on ``hub_url`` is dropped: a browser
    cannot be told to pin; the invitation text gives the fingerprint to compare instead.
    """
    base = hub_url.split("#", 1)[0]
    if base.startswith("wss://"):
        base = "https://" + base[len("wss://") :]
    elif base.startswith("ws://"):
        base = "http://" + base[len("ws://") :]
    else:
        raise ValueError("the hub URL must start with ws:// or wss://")
    if base.endswith("/ws"):
        base = base[: -len("/ws")]
    return f"{base.rstrip('/')}{GUEST_PATH}#t={token}"


#: Byte pairs of the fingerprint the invitation quotes: enough to tell a stranger's certificate
#: apart by eye (64 bits), short enough to read aloud over the phone.
FINGERPRINT_PAIRS = 8


def fingerprint_start(hub_url: str, pairs: int = FINGERPRINT_PAIRS) -> str:
    """The first ``pairs`` bytes of the hub certificate's SHA-256 pin, as a browser shows them.

    Chrome and Edge list a certificate's SHA-256 fingerprint as upper-case hex byte pairs
    separated by spaces; the guest compares that with this text. "" when ``hub_url`` carries
    no ``#sha256=`` pin (a hub with a certificate from a real authority raises no warning).
    """
    _base, _sep, fragment = hub_url.partition("#")
    for part in fragment.split("&"):
        key, _eq, value = part.partition("=")
        if key == "sha256" and len(value) >= 2 * pairs:
            value = value.upper()
            return " ".join(value[i : i + 2] for i in range(0, 2 * pairs, 2))
    return ""
