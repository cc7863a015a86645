"""Fixtures for the vicon UI tests: a private network namespace and a real hub.

aioice ignores 127.0.0.1 when gathering ICE candidates, so two engines on one machine only
connect when another address exists. Networked tests therefore re-run themselves inside a
user+network namespace (``unshare -rn``, no root needed) whose loopback also carries
127.0.0.2; nothing leaves that namespace.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from conferencing.hub.server import HubServer
from conferencing.hub.tokens import issue_token, new_secret

ROOT = Path(__file__).resolve().parents[2]
NETNS_ENV = "LINTAS_VICON_IN_NETNS"
NETNS_ADDR = "127.0.0.2"
SCREENSHOTS = ROOT / "screenshots"


def in_netns() -> bool:
    """True inside the namespace made by :func:`rerun_in_netns`."""
    return os.environ.get(NETNS_ENV) == "1"


def rerun_in_netns(nodeid: str, timeout: float = 240) -> None:
    """Run one test again inside a fresh network namespace and fail if it fails there."""
    if shutil.which("unshare") is None or shutil.which("ip") is None:
        pytest.skip("needs unshare and ip (util-linux, iproute2) for a private network namespace")
    probe = subprocess.run(["unshare", "-rn", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"unprivileged network namespaces unavailable: {probe.stderr.decode().strip()}")
    script = (
        f"ip link set lo up && ip addr add {NETNS_ADDR}/8 dev lo && "
        f'exec "{sys.executable}" -m pytest -q -x -p no:cacheprovider "{nodeid}"'
    )
    env = {**os.environ, NETNS_ENV: "1", "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        ["unshare", "-rn", "sh", "-c", script],
        cwd=ROOT,
        env=env,
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


class ThreadedHub:
    """A real :class:`HubServer` on its own asyncio loop thread, like the app embeds it."""

    def __init__(self, host: str) -> None:
        self.secret = new_secret()
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.server = HubServer(host, 0, self.secret)
        asyncio.run_coroutine_threadsafe(self.server.start(), self.loop).result(10)

    @property
    def url(self) -> str:
        """The hub's ws:// address."""
        return self.server.url

    def token(self, room: str, office: str) -> str:
        """An invite token signed by this hub."""
        return issue_token(self.secret, room, office, 600)

    def close(self) -> None:
        """Stop the hub and its loop."""
        asyncio.run_coroutine_threadsafe(self.server.stop(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)


@pytest.fixture
def netns_hub() -> Iterator[ThreadedHub]:
    """A hub listening on the namespace's 127.0.0.2 (only valid inside the namespace)."""
    hub = ThreadedHub(NETNS_ADDR)
    yield hub
    hub.close()


@pytest.fixture
def screenshots() -> Path:
    """The (gitignored) folder screenshots are written to."""
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS
