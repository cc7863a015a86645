"""Debian's headless Chromium driven over the Chrome DevTools protocol (no selenium).

Used inside a private network namespace (``unshare -rn``) with a veth pair: Chromium, like
aioice, ignores loopback ICE candidates, so both ends of the call need a non-loopback address.
The browser trusts exactly the hub's certificate (``--ignore-certificate-errors-spki-list`` with
its SPKI hash), as a person would after comparing the fingerprint; nothing else is accepted.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import itertools
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import aiohttp

#: A veth pair inside the namespace; the hub listens on the first address.
VETH_SETUP = (
    "ip link set lo up && ip addr add 127.0.0.2/8 dev lo && "
    "ip link add gst0 type veth peer name gst1 && "
    "ip addr add 10.77.0.1/24 dev gst0 && ip addr add 10.77.0.2/24 dev gst1 && "
    "ip link set gst0 up && ip link set gst1 up"
)
HUB_HOST = "10.77.0.1"


def _die_with_parent() -> None:
    """In the child before exec: Linux ends Chromium when the test process dies, even killed
    (a failed scenario must not leave a browser running on a shared machine)."""
    import ctypes
    import signal

    pr_set_pdeathsig = 1
    ctypes.CDLL("libc.so.6", use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


def chromium_unavailable() -> str | None:
    """Why a browser test cannot run here, or ``None``."""
    if shutil.which("chromium") is None:
        return "Debian's chromium is not installed (apt-get install chromium)"
    return None


def spki_hash(cert_pem: bytes) -> str:
    """base64(SHA-256(SubjectPublicKeyInfo)) of a PEM certificate, as Chromium's flag wants it."""
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    cert = x509.load_pem_x509_certificate(cert_pem)
    spki = cert.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return base64.b64encode(hashlib.sha256(spki).digest()).decode("ascii")


class Browser:
    """One headless Chromium with fake camera and microphone, and a CDP session on its page."""

    def __init__(
        self, url: str, *, cert_pem: bytes, lang: str = "id", fake_devices: bool = True
    ) -> None:
        self.url = url
        self.fake_devices = fake_devices
        self.cert_pem = cert_pem
        self.lang = lang
        self._profile = Path(tempfile.mkdtemp(prefix="lintas-chromium-"))
        self._proc: subprocess.Popen[bytes] | None = None
        self._session: aiohttp.ClientSession | None = None
        self._ws: aiohttp.ClientWebSocketResponse | None = None
        self._ids = itertools.count(1)
        self.started_at = 0.0

    async def start(self) -> None:
        """Launch Chromium on ``url`` and attach to its page."""
        self.started_at = time.monotonic()
        self._proc = subprocess.Popen(
            [
                "chromium",
                "--headless=new",
                "--no-sandbox",
                # Without fake devices a headless machine has no camera or microphone at all.
                *(["--use-fake-device-for-media-stream"] if self.fake_devices else []),
                "--use-fake-ui-for-media-stream",
                "--autoplay-policy=no-user-gesture-required",
                "--disable-gpu",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-features=WebRtcHideLocalIpsWithMdns,Translate,MediaRouter",
                f"--ignore-certificate-errors-spki-list={spki_hash(self.cert_pem)}",
                f"--lang={self.lang}",
                f"--accept-lang={self.lang}",
                f"--user-data-dir={self._profile}",
                "--remote-debugging-port=0",
                "--window-size=1366,768",
                self.url,
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            # navigator.language follows the locale of the process in headless mode.
            env={**os.environ, "LANGUAGE": self.lang.replace("-", "_"), "LC_ALL": "C.UTF-8"},
            preexec_fn=_die_with_parent,
        )
        port_file = self._profile / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not port_file.exists() or not port_file.read_text().strip():
            if time.monotonic() > deadline or self._proc.poll() is not None:
                raise RuntimeError("chromium did not open its DevTools port")
            await asyncio.sleep(0.1)
        port = int(port_file.read_text().splitlines()[0])
        self._session = aiohttp.ClientSession()
        target = None
        while target is None:
            async with self._session.get(f"http://127.0.0.1:{port}/json/list") as response:
                pages = [t for t in await response.json() if t.get("type") == "page"]
            target = next((t for t in pages if t.get("url", "").startswith("http")), None)
            if target is None:
                if time.monotonic() > deadline:
                    raise RuntimeError("chromium opened no page")
                await asyncio.sleep(0.1)
        self._ws = await self._session.ws_connect(
            target["webSocketDebuggerUrl"], max_msg_size=64 * 1024 * 1024
        )

    async def command(self, method: str, **params: Any) -> dict[str, Any]:
        """Send one CDP command and wait for its result."""
        assert self._ws is not None
        ident = next(self._ids)
        await self._ws.send_str(json.dumps({"id": ident, "method": method, "params": params}))
        while True:
            msg = await asyncio.wait_for(self._ws.receive(), 30)
            if msg.type != aiohttp.WSMsgType.TEXT:
                raise RuntimeError(f"DevTools connection ended: {msg.type}")
            data = json.loads(msg.data)
            if data.get("id") == ident:
                if "error" in data:
                    raise RuntimeError(f"{method}: {data['error']}")
                return data["result"]

    async def evaluate(self, expression: str) -> Any:
        """Evaluate JavaScript in the page (promises awaited) and return its JSON value."""
        for attempt in range(50):
            try:
                result = await self.command(
                    "Runtime.evaluate", expression=expression, awaitPromise=True, returnByValue=True
                )
                break
            except RuntimeError as exc:
                # Right after the page (re)loads there is briefly no execution context.
                if "execution context" not in str(exc) or attempt == 49:
                    raise
                await asyncio.sleep(0.1)
        if "exceptionDetails" in result:
            raise RuntimeError(f"page error: {result['exceptionDetails']}")
        return result["result"].get("value")

    async def wait_for(self, expression: str, timeout: float = 30.0) -> Any:
        """Poll ``expression`` until it is truthy; return its value."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                value = await self.evaluate(expression)
            except RuntimeError as exc:
                # The page may still be loading (no execution context yet): try again.
                if "execution context" not in str(exc) or time.monotonic() > deadline:
                    raise
                value = None
            if value:
                return value
            if time.monotonic() > deadline:
                raise TimeoutError(f"timed out waiting for {expression}")
            await asyncio.sleep(0.2)

    async def report(self) -> dict[str, Any]:
        """The page's own figures (``window.lintasGuestReport``)."""
        return await self.evaluate("window.lintasGuestReport()")

    async def screenshot(self, path: Path) -> None:
        """Save the page as PNG."""
        result = await self.command("Page.captureScreenshot", format="png")
        path.write_bytes(base64.b64decode(result["data"]))

    async def close(self) -> None:
        """Close the DevTools link, end Chromium (this process only) and remove its profile."""
        if self._ws is not None:
            with contextlib.suppress(Exception):
                await self._ws.close()
        if self._session is not None:
            await self._session.close()
        if self._proc is not None and self._proc.poll() is None:
            self._proc.terminate()
            try:
                await asyncio.to_thread(self._proc.wait, 10)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                await asyncio.to_thread(self._proc.wait, 10)
        shutil.rmtree(self._profile, ignore_errors=True)


NETNS_ENV = "LINTAS_BROWSER_IN_NETNS"


def in_veth_netns() -> bool:
    """True inside the namespace made by :func:`rerun_in_veth_netns`."""
    return os.environ.get(NETNS_ENV) == "1"


def rerun_in_veth_netns(nodeid: str, timeout: float = 240) -> None:
    """Run one pytest test again inside a fresh namespace with the veth pair; fail if it fails."""
    import sys

    import pytest

    from tests.conferencing.netns import ROOT, netns_unavailable

    reason = netns_unavailable() or chromium_unavailable()
    if reason:
        pytest.skip(reason)
    script = f'{VETH_SETUP} && exec "{sys.executable}" -m pytest -q -x -p no:cacheprovider "{nodeid}"'
    result = subprocess.run(
        ["unshare", "-rn", "sh", "-c", script],
        cwd=ROOT,
        env={**os.environ, NETNS_ENV: "1", "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode != 0:
        pytest.fail(
            f"{nodeid} failed inside the network namespace:\n{result.stdout[-6000:]}\n"
            f"{result.stderr[-3000:]}",
            pytrace=False,
        )


class BrowserThread:
    """A :class:`Browser` driven from synchronous code (a Qt test) on its own asyncio loop."""

    def __init__(self, browser: Browser) -> None:
        import threading

        self.browser = browser
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()

    def run(self, coro: Any, timeout: float = 60) -> Any:
        """Run ``coro`` on the browser's loop and return its result."""
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(timeout)

    def close(self) -> None:
        """Close the browser and stop the loop."""
        try:
            self.run(self.browser.close(), 30)
        finally:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(10)
            self._loop.close()
