"""The hub under abuse: each flood that once exhausted it, replayed against the real hub.

In-process for the protocol-level bounds; as a ``main.py hub`` subprocess where the hub's own
memory or descriptors are measured. Every loop is bounded and stays on loopback.
"""

from __future__ import annotations

import asyncio
import json
import os
import resource
import socket
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from conferencing import channel
from conferencing import protocol as p
from conferencing.hub.limits import HubLimits
from conferencing.hub.server import HubServer
from conferencing.hub.tokens import issue_token, load_secret
from tests.conferencing.hubclient import RawClient

SECRET = b"hub-hardening-secret-0123456789ab"
ROOT = Path(__file__).resolve().parents[2]
BANDUNG, PEKANBARU = "Pemerintah Kota Bandung", "Pemerintah Kota Pekanbaru"


def run(body: Callable[[HubServer], Awaitable[None]], **kwargs: Any) -> None:
    async def main() -> None:
        hub = HubServer("127.0.0.1", 0, SECRET, **kwargs)
        await hub.start()
        try:
            await body(hub)
        finally:
            await hub.stop()

    asyncio.run(main())


def token(office: str, room: str = "r1") -> str:
    return issue_token(SECRET, room, office, 60)


async def connect_from(url: str, source: str) -> tuple[aiohttp.ClientSession, Any]:
    """A WebSocket from a chosen loopback source address (each is a different 'client IP')."""
    session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(local_addr=(source, 0)))
    try:
        return session, await session.ws_connect(url, autoping=False)
    except BaseException:
        await session.close()
        raise


# ----------------------------------------------------------------------------- in-process


def test_before_join_a_frame_over_4_kib_closes_the_socket_after_join_64_kib_passes() -> None:
    async def body(hub: HubServer) -> None:
        c = await RawClient.connect(hub.url)
        await c.send({"type": "ping", "pad": "x" * 5000})
        assert await c.recv() is None  # closed by the frame limit, never buffered
        assert c.ws.close_code == 1009
        await c.close()
        a, b = await RawClient.connect(hub.url), await RawClient.connect(hub.url)
        assert (await a.join("r1", token(BANDUNG), "peer-a"))["type"] == "welcome"  # type: ignore[index]
        assert (await b.join("r1", token(PEKANBARU), "peer-b"))["type"] == "welcome"  # type: ignore[index]
        sdp = "a=x" * 12_000  # a 36 KB offer: normal after the join
        await b.send({"type": "signal", "to": "peer-a", "kind": "offer", "session": 1, "sdp": sdp})
        assert (await a.recv_type("signal"))["sdp"] == sdp
        await a.close()
        await b.close()

    run(body)


def test_a_socket_that_does_not_join_is_closed_at_the_deadline() -> None:
    async def body(hub: HubServer) -> None:
        idle = [await RawClient.connect(hub.url) for _ in range(8)]
        chatty = await RawClient.connect(hub.url)  # pings do not buy time: only a join does
        started = time.monotonic()
        for _ in range(4):  # for 0.8 s of the 1 s deadline
            await chatty.send({"type": "ping"})
            await asyncio.sleep(0.2)
        for c in [*idle, chatty]:
            msg = await c.recv_type("error", timeout=5)
            assert msg["code"] == p.E_JOIN_TIMEOUT
            assert await c.recv(timeout=5) is None
        assert time.monotonic() - started < 4  # closed at the 1 s deadline, not by heartbeat
        await asyncio.sleep(0.1)
        assert hub._sockets == set()
        for c in [*idle, chatty]:
            await c.close()
        # A client that joins in time stays.
        ok = await RawClient.connect(hub.url)
        assert (await ok.join("r1", token(BANDUNG), "peer-a"))["type"] == "welcome"  # type: ignore[index]
        await asyncio.sleep(1.5)
        await ok.send({"type": "ping", "nonce": 3})
        assert (await ok.recv_type("pong"))["nonce"] == 3
        await ok.close()

    run(body, limits=HubLimits(join_deadline_s=1.0))


def test_per_ip_cap_refuses_before_the_upgrade_and_other_addresses_still_join() -> None:
    async def body(hub: HubServer) -> None:
        held = [await connect_from(hub.url, "127.0.0.1") for _ in range(3)]
        with pytest.raises(aiohttp.WSServerHandshakeError) as info:
            await connect_from(hub.url, "127.0.0.1")
        assert info.value.status == 503
        assert hub.refused_connections == 1
        # Another address is not affected by the first one's cap.
        other_session, other = await connect_from(hub.url, "127.0.0.3")
        await other.close()
        await other_session.close()
        # Closing one frees a slot for that address again.
        session, ws = held.pop()
        await ws.close()
        await session.close()
        await asyncio.sleep(0.1)
        session, ws = await connect_from(hub.url, "127.0.0.1")
        held.append((session, ws))
        for session, ws in held:
            await ws.close()
            await session.close()

    run(body, limits=HubLimits(max_per_ip=3))


def test_pings_are_rate_limited_and_a_flood_is_disconnected() -> None:
    async def body(hub: HubServer) -> None:
        c = await RawClient.connect(hub.url)
        assert (await c.join("r1", token(BANDUNG), "peer-a"))["type"] == "welcome"  # type: ignore[index]
        pongs, errors = 0, 0

        async def count() -> None:
            nonlocal pongs, errors
            async for msg in c.ws:
                if msg.type != aiohttp.WSMsgType.TEXT:
                    continue
                kind = json.loads(msg.data)["type"]
                pongs += kind == "pong"
                errors += kind == "error"

        reader = asyncio.ensure_future(count())
        started = time.monotonic()
        sent = 0
        for i in range(3000):
            if c.ws.closed:
                break
            await c.ws.send_str(json.dumps({"v": p.VERSION, "type": "ping", "nonce": i}))
            sent += 1
        await asyncio.wait_for(reader, 10)  # ends when the hub closes the flooding socket
        elapsed = time.monotonic() - started
        budget = 100 + 50 * elapsed  # burst + rate x time
        assert pongs <= budget + 5, (pongs, budget, sent)
        assert pongs < sent
        assert 1 <= errors <= elapsed + 2  # "rate-limited", told at most once a second
        assert c.ws.close_code == 1008  # over budget by more than max_dropped: disconnected
        await c.close()

    run(body)


def test_websocket_level_pings_count_against_the_same_budget() -> None:
    async def body(hub: HubServer) -> None:
        session, ws = await connect_from(hub.url, "127.0.0.1")
        for _ in range(400):
            await ws.ping(b"x")
        pongs = 0
        while True:
            try:
                msg = await asyncio.wait_for(ws.receive(), 1.0)
            except TimeoutError:
                break
            if msg.type == aiohttp.WSMsgType.PONG:
                pongs += 1
            elif msg.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
                break
        assert 20 <= pongs <= 40  # the burst (and a little refill), not 400
        await ws.close()
        await session.close()

    run(body, limits=HubLimits(rate_per_s=10, burst=20))


def test_health_shows_counts_only_when_asked_from_loopback() -> None:
    async def body(hub: HubServer) -> None:
        base = hub.url.replace("ws://", "http://").replace("/ws", "/health")
        async with aiohttp.ClientSession() as s:
            async with s.get(base) as r:
                assert await r.json() == {"ok": True, "protocol": p.VERSION}
            async with s.get(base + "?detail=1") as r:
                assert set(await r.json()) == {"ok", "protocol", "rooms", "peers", "connections"}

    run(body)


def test_reassembly_is_bounded_in_count_bytes_and_time() -> None:
    r = channel.Reassembler()
    big = {"t": "app", "id": "x", "payload": {"blob": "z" * (channel.MAX_ENVELOPE_BYTES - 200)}}
    chunks = channel.encode(big)
    # Twelve large messages started and never finished (the flood that once pinned 188 MiB).
    for n in range(12):
        other = channel.encode({**big, "id": str(n)})
        for piece in other[: len(other) // 2]:
            with suppress(channel.ChannelError):
                r.feed(piece)
        assert r.pending_messages <= channel.MAX_PARTIALS
        assert r.pending_bytes <= channel.MAX_PARTIAL_BYTES
    # Time: what is left unfinished is dropped after the timeout.
    r.expire(time.monotonic() + channel.PARTIAL_TIMEOUT_S + 1)
    assert (r.pending_messages, r.pending_bytes) == (0, 0)
    # The bounds still let one maximal message through whole.
    result = None
    for piece in chunks:
        result = r.feed(piece)
    assert result == big and r.pending_bytes == 0


# ----------------------------------------------------------------------------- subprocess


def _rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


def test_standalone_hub_serves_pinned_wss_unless_told_insecure(tmp_path: Path) -> None:
    secret_file = tmp_path / "hub.secret"
    proc = subprocess.Popen(
        [sys.executable, "main.py", "hub", "--host", "127.0.0.1", "--port", "0",
         "--secret-file", str(secret_file)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    try:
        assert proc.stdout is not None
        url = proc.stdout.readline().split("hub listening on ", 1)[1].strip()
        assert url.startswith("wss://127.0.0.1:") and "/ws#sha256=" in url

        async def join() -> dict[str, Any] | None:
            c = await RawClient.connect(url)  # checks the pinned certificate, no CA
            tok = issue_token(load_secret(secret_file), "r1", BANDUNG, 60)
            reply = await c.join("r1", tok, "peer-a")
            await c.close()
            return reply

        assert (asyncio.run(join()) or {}).get("type") == "welcome"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@contextmanager
def hub_process(
    tmp_path: Path, nofile: int | None = None, options: list[str] | None = None
) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """``main.py hub`` on 127.0.0.1 (optionally with a low descriptor limit); yields (proc, url)."""

    def limit() -> None:
        if nofile is not None:
            resource.setrlimit(resource.RLIMIT_NOFILE, (nofile, nofile))

    secret_file = tmp_path / "hub.secret"
    proc = subprocess.Popen(
        [sys.executable, "main.py", "hub", "--host", "127.0.0.1", "--port", "0",
         "--secret-file", str(secret_file), "--insecure", *(options or [])],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        preexec_fn=limit, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )  # fmt: skip
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert "hub listening on" in line, line + (proc.stderr.read() if proc.stderr else "")
        yield proc, line.split("hub listening on ", 1)[1].strip()
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_unauthenticated_megabyte_frames_do_not_grow_the_hub(tmp_path: Path) -> None:
    with hub_process(tmp_path) as (proc, url):
        before = _rss_kib(proc.pid)

        async def flood() -> tuple[int, float]:
            frame = json.dumps({"v": p.VERSION, "type": "ping", "pad": "x" * (1 << 20)})
            held = []
            for source in range(2, 22):  # 20 client addresses x up to 30 sockets each, all held
                for _ in range(30):
                    try:
                        held.append(await connect_from(url, f"127.0.0.{source}"))
                    except aiohttp.WSServerHandshakeError:
                        continue  # refused by the per-address cap: nothing allocated
                    with suppress(ConnectionError, aiohttp.ClientError):
                        await held[-1][1].send_str(frame)
            await asyncio.sleep(0.5)
            grown = (_rss_kib(proc.pid) - before) / 1024  # measured while every socket is open
            for session, ws in held:
                await ws.close()
                await session.close()
            return len(held), grown

        opened, grown_mib = asyncio.run(flood())
        assert opened >= 300
        assert grown_mib < 40, f"hub grew by {grown_mib:.0f} MiB for {opened} flooding sockets"


def test_descriptor_exhaustion_backs_off_with_one_log_line_and_recovers(tmp_path: Path) -> None:
    with hub_process(tmp_path, nofile=96) as (proc, url):
        port = int(url.rsplit(":", 1)[1].split("/")[0])
        raw = []
        for _ in range(150):  # more idle TCP connections than the hub has descriptors
            s = socket.create_connection(("127.0.0.1", port), timeout=2)
            raw.append(s)
        time.sleep(3)  # the hub keeps failing to accept meanwhile
        for s in raw:
            s.close()
        time.sleep(1.5)  # asyncio's accept back-off, then the hub accepts again

        async def join() -> dict[str, Any] | None:
            c = await RawClient.connect(url)
            secret = load_secret(tmp_path / "hub.secret")
            reply = await c.join("r1", issue_token(secret, "r1", BANDUNG, 60), "peer-a")
            await c.close()
            return reply

        assert (asyncio.run(join()) or {}).get("type") == "welcome"
        proc.terminate()
        _, err = proc.communicate(timeout=10)
    lines = [line for line in err.splitlines() if "descriptor" in line or "open files" in line]
    assert 1 <= len(lines) <= 2, lines  # one line per 10 s interval, not one per failed accept


def test_limits_given_on_the_hub_command_line_take_effect(tmp_path: Path) -> None:
    options = ["--max-per-ip", "2", "--join-deadline", "1", "--pre-join-bytes", "512",
               "--max-peers", "1", "--message-rate", "5", "--message-burst", "5"]  # fmt: skip
    with hub_process(tmp_path, options=options) as (_proc, url):
        secret = load_secret(tmp_path / "hub.secret")

        async def probe() -> None:
            # --pre-join-bytes 512: a 1 KiB frame before joining closes the socket (default 4 KiB).
            c = await RawClient.connect(url)
            await c.send({"type": "ping", "pad": "x" * 1024})
            assert await c.recv() is None and c.ws.close_code == 1009
            await c.close()
            # --join-deadline 1: closed after 1 s, not the default 5 s.
            idle = await RawClient.connect(url)
            started = time.monotonic()
            assert (await idle.recv_type("error", timeout=4))["code"] == p.E_JOIN_TIMEOUT
            assert time.monotonic() - started < 3
            await idle.close()
            # --max-per-ip 2: a third socket from the same address is refused before upgrading.
            held = [await connect_from(url, "127.0.0.1") for _ in range(2)]
            with pytest.raises(aiohttp.WSServerHandshakeError) as info:
                await connect_from(url, "127.0.0.1")
            assert info.value.status == 503
            for session, ws in held:
                await ws.close()
                await session.close()
            await asyncio.sleep(0.2)
            # --max-peers 1: the second office is told the room is full.
            a, b = await RawClient.connect(url), await RawClient.connect(url)
            welcome = await a.join("r1", issue_token(secret, "r1", BANDUNG, 60), "peer-a")
            assert (welcome or {}).get("type") == "welcome"
            refused = await b.join("r1", issue_token(secret, "r1", PEKANBARU, 60), "peer-b")
            assert (refused or {}).get("code") == p.E_ROOM_FULL, refused
            await b.close()
            # --message-rate 5 / --message-burst 5: of 40 pings at once, only about 5 are answered.
            for n in range(40):
                await a.send({"type": "ping", "nonce": n})
            pongs = 0
            with suppress(TimeoutError):
                while (msg := await a.recv(timeout=1.0)) is not None:
                    pongs += msg.get("type") == "pong"
            assert 3 <= pongs <= 12, pongs
            await a.close()

        asyncio.run(probe())


def test_hub_help_lists_every_limit_with_its_default() -> None:
    out = subprocess.run(
        [sys.executable, "main.py", "hub", "--help"], cwd=ROOT, capture_output=True, text=True,
        check=True,
    ).stdout  # fmt: skip
    for option, default in (("--join-deadline", "5"), ("--pre-join-bytes", "4096"),
                            ("--max-per-ip", "16"), ("--message-rate", "50"),
                            ("--message-burst", "100"), ("--max-peers", "4"),
                            ("--max-connections", "auto"), ("--grace", "20")):  # fmt: skip
        assert option in out, option
        # The option's own entry (a line of its own), not a mention in another option's help.
        tail = " ".join(out.split(f"\n  {option} ", 1)[1].split("\n  --", 1)[0].split())
        assert f"(default {default})" in tail, (option, tail)
