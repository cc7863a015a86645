"""A real Janus (Debian's ``janus`` 1.1) started by a test, with a generated minimal config.

Janus, like aioice, skips loopback interfaces when it gathers ICE candidates, so a test gives
it an address on a veth pair (or a dummy interface) inside its own ``unshare -rn`` namespace
(:data:`SFU_SETUP` builds one) and binds Janus to that address only.

The config holds exactly one plugin (VideoRoom, through a folder of symlinks: Janus loads every
``*.so`` it finds) and one transport (WebSockets, with the Admin API on a second port), an API
secret (the hub's), an admin secret (the hub's, for per-office tokens), token authentication
(offices get a token that opens the VideoRoom plugin only) and a VideoRoom ``admin_key`` (only
the hub may create rooms). Several servers can run side by side (two-server placement tests):
each gets its own folder, ports and RTP port range.

Usage::

    async with JanusServer(SFU_HOST) as janus:
        pool = JanusPool([janus.spec()])

or synchronously: ``janus.start_sync()`` / ``janus.stop_sync()``. Stopping sends SIGTERM, waits,
then SIGKILL; the process is also ended by Linux if the test process dies (PR_SET_PDEATHSIG).
"""

from __future__ import annotations

import asyncio
import ctypes
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import aiohttp

from conferencing.hub.janus_pool import JanusSpec

JANUS_BIN = "janus"
PLUGINS = Path("/usr/lib/x86_64-linux-gnu/janus/plugins")
TRANSPORTS = Path("/usr/lib/x86_64-linux-gnu/janus/transports")

#: A namespace with loopback (127.0.0.2 for the hub) and a veth pair for Janus and the offices.
SFU_SETUP = (
    "ip link set lo up && ip addr add 127.0.0.2/8 dev lo && "
    "ip link add sfu0 type veth peer name sfu1 && "
    "ip addr add 10.78.0.1/24 dev sfu0 && ip addr add 10.78.0.2/24 dev sfu1 && "
    "ip link set sfu0 up && ip link set sfu1 up"
)
SFU_HOST = "10.78.0.1"  # Janus (and the hub) listen here
SFU_HOST_2 = "10.78.0.2"  # a second Janus server, or the offices' side

#: Like :data:`SFU_SETUP`, but ``sfu1`` has no address yet: a :class:`JanusServer` started with
#: ``netns_device="sfu1"`` takes it into a namespace of its own (10.78.0.2), so everything
#: between the offices and Janus crosses the veth pair and ``tc`` on it shapes that traffic.
SFU_SPLIT_SETUP = (
    "ip link set lo up && ip addr add 127.0.0.2/8 dev lo && "
    "ip link add sfu0 type veth peer name sfu1 && "
    "ip addr add 10.78.0.1/24 dev sfu0 && ip link set sfu0 up"
)


def janus_unavailable() -> str | None:
    """Why Janus tests cannot run here, or ``None`` when they can."""
    if shutil.which(JANUS_BIN) is None:
        return "janus is not installed (apt-get install janus)"
    if not (PLUGINS / "libjanus_videoroom.so").exists():
        return "the Janus VideoRoom plugin is missing"
    if not (TRANSPORTS / "libjanus_websockets.so").exists():
        return "the Janus WebSockets transport is missing"
    return None


def _free_port(host: str) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def _die_with_parent() -> None:
    """In the child before exec: Linux ends Janus when the test process dies, even killed."""
    libc = ctypes.CDLL("libc.so.6", use_errno=True)
    libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


class JanusServer:
    """One Janus process bound to ``host``: writes its config, starts, waits, stops."""

    def __init__(
        self,
        host: str = SFU_HOST,
        *,
        rtp_ports: tuple[int, int] = (20000, 20999),
        session_timeout_s: int = 60,
        debug_level: int = 3,
        netns_device: str | None = None,
    ) -> None:
        self.host = host
        self.netns_device = netns_device  # run in a namespace of its own, owning this device
        self.rtp_ports = rtp_ports
        self.session_timeout_s = session_timeout_s
        self.debug_level = debug_level
        self.api_secret = secrets.token_hex(16)
        self.admin_secret = secrets.token_hex(16)
        self.admin_key = secrets.token_hex(16)  # VideoRoom: needed to create rooms
        self.ws_port = 0
        self.admin_port = 0
        self.folder: Path | None = None
        self.proc: subprocess.Popen[bytes] | None = None
        self._log: Any = None

    # ------------------------------------------------------------------ addresses

    @property
    def url(self) -> str:
        """The Janus API over WebSockets (what offices and the hub talk to)."""
        return f"ws://{self.host}:{self.ws_port}"

    @property
    def admin_url(self) -> str:
        """The Admin API over WebSockets (the hub only: per-office tokens)."""
        return f"ws://{self.host}:{self.admin_port}"

    def spec(self) -> JanusSpec:
        """What a :class:`~conferencing.hub.janus_pool.JanusPool` needs to use this server."""
        return JanusSpec(
            url=self.url,
            admin_url=self.admin_url,
            api_secret=self.api_secret,
            admin_secret=self.admin_secret,
            admin_key=self.admin_key,
        )

    def log_text(self) -> str:
        """Janus's own output so far (for a failing test's message)."""
        if self.folder is None or not (self.folder / "janus.log").exists():
            return ""
        return (self.folder / "janus.log").read_text(errors="replace")[-6000:]

    # ------------------------------------------------------------------ config

    def write_config(self, folder: Path) -> Path:
        """Write the minimal config into ``folder``; returns the path of ``janus.jcfg``."""
        plugins, transports, empty = folder / "plugins", folder / "transports", folder / "none"
        for sub in (plugins, transports, empty):
            sub.mkdir(exist_ok=True)
        (plugins / "libjanus_videoroom.so").symlink_to(PLUGINS / "libjanus_videoroom.so")
        (transports / "libjanus_websockets.so").symlink_to(TRANSPORTS / "libjanus_websockets.so")
        main = folder / "janus.jcfg"
        main.write_text(
            f"""general: {{
    configs_folder = "{folder}"
    plugins_folder = "{plugins}"
    transports_folder = "{transports}"
    events_folder = "{empty}"
    loggers_folder = "{empty}"
    log_to_stdout = true
    debug_level = {self.debug_level}
    debug_colors = false
    server_name = "lintas-test-janus"
    session_timeout = {self.session_timeout_s}
    api_secret = "{self.api_secret}"
    token_auth = true
    admin_secret = "{self.admin_secret}"
    protected_folders = ["/bin", "/boot", "/dev", "/etc", "/initrd", "/lib", "/lib32",
                         "/lib64", "/proc", "/sbin", "/sys", "/usr", "/var"]
}}
media: {{
    rtp_port_range = "{self.rtp_ports[0]}-{self.rtp_ports[1]}"
}}
nat: {{
    nice_debug = false
    ignore_mdns = true
    ice_enforce_list = "{self.host}"
}}
plugins: {{
}}
transports: {{
}}
events: {{
    broadcast = false
}}
"""
        )
        (folder / "janus.plugin.videoroom.jcfg").write_text(
            f"""general: {{
    admin_key = "{self.admin_key}"
    lock_rtp_forward = true
}}
"""
        )
        (folder / "janus.transport.websockets.jcfg").write_text(
            f"""general: {{
    json = "compact"
    ws = true
    ws_port = {self.ws_port}
    ws_ip = "{self.host}"
    wss = false
}}
admin: {{
    admin_ws = true
    admin_ws_port = {self.admin_port}
    admin_ws_ip = "{self.host}"
    admin_wss = false
}}
"""
        )
        return main

    # ------------------------------------------------------------------ lifecycle

    async def start(self, timeout: float = 20.0) -> JanusServer:
        """Write the config, start Janus and wait until its API answers ``info``."""
        reason = janus_unavailable()
        if reason:
            raise RuntimeError(reason)
        self.folder = Path(tempfile.mkdtemp(prefix="lintas-janus-"))
        if self.netns_device is None:
            self.ws_port = _free_port(self.host)
            self.admin_port = _free_port(self.host)
        else:  # an empty namespace of its own: any port is free there
            self.ws_port, self.admin_port = 8188, 7188
        main = self.write_config(self.folder)
        self._log = (self.folder / "janus.log").open("wb")
        command = [JANUS_BIN, "-F", str(self.folder), "-C", str(main)]
        flag = self.folder / "network-ready"
        if self.netns_device is not None:
            # Janus waits in a new network namespace until its device is there and up.
            command = [
                "unshare", "-n", "sh", "-c",
                f'while [ ! -e "{flag}" ]; do sleep 0.05; done; exec "$0" "$@"', *command,
            ]  # fmt: skip
        self.proc = subprocess.Popen(
            command,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            preexec_fn=_die_with_parent,  # noqa: PLW1509 - only prctl, before exec
        )
        if self.netns_device is not None:
            await asyncio.sleep(0.2)  # the new namespace exists once unshare has run
            device = self.netns_device
            subprocess.run(["ip", "link", "set", device, "netns", str(self.proc.pid)], check=True)
            self.in_netns(f"ip link set lo up && ip addr add {self.host}/24 dev {device}")
            self.in_netns(f"ip link set {device} up")
            flag.touch()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                text = self.log_text()
                await self.stop()
                raise RuntimeError(f"janus exited at start:\n{text}")
            if await self._answers():
                return self
            await asyncio.sleep(0.2)
        text = self.log_text()
        await self.stop()
        raise RuntimeError(f"janus did not answer within {timeout:g} s:\n{text}")

    async def _answers(self) -> bool:
        try:
            async with (
                aiohttp.ClientSession() as http,
                http.ws_connect(self.url, protocols=("janus-protocol",), timeout=2) as ws,
            ):
                await ws.send_json({"janus": "info", "transaction": "probe"})
                reply = await ws.receive_json(timeout=2)
                return reply.get("janus") == "server_info"
        except (TimeoutError, OSError, aiohttp.ClientError, ValueError, TypeError):
            return False

    async def stop(self) -> None:
        """End Janus (SIGTERM, then SIGKILL) and remove its folder."""
        await asyncio.to_thread(self.stop_sync)

    def start_sync(self, timeout: float = 20.0) -> JanusServer:
        """:meth:`start` for synchronous code (runs its own event loop)."""
        return asyncio.run(self.start(timeout))

    def stop_sync(self) -> None:
        """Stop from synchronous code; safe to call twice."""
        proc, self.proc = self.proc, None
        if proc is not None and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(10)
        if self._log is not None:
            self._log.close()
            self._log = None
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None

    def in_netns(self, shell: str) -> None:
        """Run ``shell`` inside Janus's own namespace (``netns_device`` only), e.g. ``tc``."""
        assert self.proc is not None and self.netns_device is not None
        subprocess.run(["nsenter", "-t", str(self.proc.pid), "-n", "sh", "-c", shell], check=True)

    @property
    def running(self) -> bool:
        """True while the Janus process is alive."""
        return self.proc is not None and self.proc.poll() is None

    async def __aenter__(self) -> JanusServer:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()
