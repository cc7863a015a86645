"""The hub over real WebSockets: admission, presence, relay, validation, ghosts, embedding."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp

from conferencing import protocol as p
from conferencing.hub.embedded import EmbeddedHub
from conferencing.hub.server import HubServer
from conferencing.hub.tokens import issue_token
from tests.conferencing.hubclient import RawClient

SECRET = b"hub-test-secret-0123456789abcdef"
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


def token(office: str, room: str = "r1", ttl: int = 60) -> str:
    return issue_token(SECRET, room, office, ttl)


def test_join_presence_and_signal_relay() -> None:
    ice = [p.IceServer(["stun:127.0.0.2:3478"]), p.IceServer(["turn:127.0.0.2:3478"], "u", "pw")]

    async def body(hub: HubServer) -> None:
        a, b = await RawClient.connect(hub.url), await RawClient.connect(hub.url)
        welcome_a = await a.join("r1", token(BANDUNG), "peer-a")
        assert welcome_a is not None and welcome_a["type"] == "welcome"
        assert welcome_a["peers"] == [] and welcome_a["office"] == BANDUNG
        assert welcome_a["ice_servers"] == [
            {"urls": ["stun:127.0.0.2:3478"]},
            {"urls": ["turn:127.0.0.2:3478"], "username": "u", "credential": "pw"},
        ]
        welcome_b = await b.join("r1", token(PEKANBARU), "peer-b")
        assert welcome_b["peers"] == [{"peer_id": "peer-a", "office": BANDUNG}]
        assert await a.recv_type("peer-joined") == {
            "v": p.VERSION,
            "type": "peer-joined",
            "peer_id": "peer-b",
            "office": PEKANBARU,
        }
        # Offer from b to a arrives with the sender filled in by the hub (never trusted from clients).
        await b.send(
            {
                "type": "signal",
                "to": "peer-a",
                "from": "peer-zz",
                "kind": "offer",
                "session": 1,
                "sdp": "v=0",
            }
        )
        relayed = await a.recv_type("signal")
        assert (relayed["from"], relayed["kind"], relayed["sdp"], relayed["session"]) == (
            "peer-b",
            "offer",
            "v=0",
            1,
        )
        # App-level relay to everyone else.
        await a.send({"type": "relay", "data": {"kind": "hello", "n": 1}})
        assert (await b.recv_type("relay"))["data"] == {"kind": "hello", "n": 1}
        # Signal to nobody: an error, and the socket keeps working.
        await a.send({"type": "signal", "to": "peer-x", "kind": "offer", "session": 1, "sdp": "x"})
        err = await a.recv_type("error")
        assert err["code"] == p.E_UNKNOWN_PEER and err["ref"] == "signal"
        await a.send({"type": "ping", "nonce": 7})
        assert await a.recv_type("pong") == {"v": p.VERSION, "type": "pong", "nonce": 7}
        # Leave: the other side hears it at once.
        await b.send({"type": "leave"})
        assert (await a.recv_type("peer-left"))["peer_id"] == "peer-b"
        await a.close()
        await b.close()

    run(body, ice_servers=ice)


def test_refused_tokens_get_a_clear_reason_and_the_socket_closes() -> None:
    async def body(hub: HubServer) -> None:
        cases = [
            (
                issue_token(b"some-other-hub-secret-0123456789", "r1", BANDUNG),
                "r1",
                p.E_TOKEN_INVALID,
                "not issued by this hub",
            ),
            (issue_token(SECRET, "r1", BANDUNG, 1, now=1_000), "r1", p.E_TOKEN_EXPIRED, "expired"),
            (token(BANDUNG, room="r2"), "r1", p.E_TOKEN_ROOM, "for room 'r2', not 'r1'"),
        ]
        for tok, room, code, reason in cases:
            c = await RawClient.connect(hub.url)
            reply = await c.join(room, tok, "peer-a")
            assert reply is not None and reply["type"] == "error" and reply["code"] == code
            assert reason in reply["message"]
            assert await c.recv() is None  # closed by the hub
            await c.close()
        assert hub.rooms == {} or all(not r.members for r in hub.rooms.values())

    run(body)


def test_malformed_messages_get_errors_and_the_connection_stays_open() -> None:
    async def body(hub: HubServer) -> None:
        c = await RawClient.connect(hub.url)
        cases: list[tuple[Any, str]] = [
            ("not json", p.E_BAD_JSON),
            ("[1, 2]", p.E_BAD_JSON),
            (b"\x00\x01", p.E_BAD_FRAME),
            (json.dumps({"type": "join"}), p.E_BAD_VERSION),
            (json.dumps({"v": 1, "type": "join"}), p.E_BAD_VERSION),
            (json.dumps({"v": 3, "type": "join"}), p.E_BAD_VERSION),
            ({"type": "welcome", "peer_id": "x"}, p.E_UNKNOWN_TYPE),
            ({"type": "dance"}, p.E_UNKNOWN_TYPE),
            ({"type": "join", "room": "r1"}, p.E_INVALID),
            ({"type": "join", "room": "bad room!", "token": "t", "peer_id": "peer-a"}, p.E_INVALID),
            (
                {"type": "signal", "to": "peer-b", "kind": "offer", "session": 1, "sdp": "x"},
                p.E_NOT_JOINED,
            ),
            ({"type": "signal", "to": "peer-b", "kind": "offer", "session": -1}, p.E_INVALID),
            ({"type": "ping", "nonce": "seven"}, p.E_INVALID),
            ({"type": "relay", "data": [1]}, p.E_INVALID),
        ]
        for raw, code in cases:
            await c.send(raw)
            reply = await c.recv()
            assert reply is not None and reply["type"] == "error", raw
            assert reply["code"] == code, (raw, reply)
            assert reply["message"]
        welcome = await c.join("r1", token(BANDUNG), "peer-a")
        assert welcome is not None and welcome["type"] == "welcome"
        # Joined, frames up to the protocol limit are read: too large data is refused, not fatal.
        await c.send({"type": "relay", "data": {"x": "y" * 70_000}})
        assert (await c.recv_type("error"))["code"] == p.E_TOO_LARGE
        await c.send({"type": "hello"})  # no new challenge once joined
        await c.send({"type": "join", "room": "r1", "token": token(BANDUNG), "peer_id": "peer-a"})
        assert (await c.recv_type("error"))["code"] == p.E_INVALID  # unsigned: refused first
        await c.send(
            {"type": "join", "room": "r1", "token": "t", "peer_id": "peer-a", "key": "k" * 43,
             "sig": "s" * 86}
        )  # fmt: skip
        assert (await c.recv_type("error"))["code"] == p.E_ALREADY_JOINED
        await c.close()

    run(body)


def test_room_capacity() -> None:
    async def body(hub: HubServer) -> None:
        clients = []
        for i in range(2):
            c = await RawClient.connect(hub.url)
            assert (await c.join("r1", token(f"Kota {i}"), f"peer-{i}0"))["type"] == "welcome"  # type: ignore[index]
            clients.append(c)
        extra = await RawClient.connect(hub.url)
        reply = await extra.join("r1", token("Kota 9"), "peer-90")
        assert (
            reply is not None
            and reply["code"] == p.E_ROOM_FULL
            and "already has 2 offices" in reply["message"]
        )
        for c in [*clients, extra]:
            await c.close()

    run(body, max_peers=2)


def test_dropped_client_is_a_ghost_until_grace_ends_and_can_resume() -> None:
    async def body(hub: HubServer) -> None:
        a, b = await RawClient.connect(hub.url), await RawClient.connect(hub.url)
        await a.join("r1", token(BANDUNG), "peer-a")
        b_token = token(PEKANBARU)
        await b.join("r1", b_token, "peer-b")
        await a.recv_type("peer-joined")
        await b.close()  # no 'leave': a network drop
        await asyncio.sleep(0.3)
        b2 = await RawClient.connect(hub.url, b.key)  # the same install
        welcome = await b2.join("r1", b_token, "peer-b")  # same peer id: resumes
        assert welcome is not None and welcome["peers"] == [
            {"peer_id": "peer-a", "office": BANDUNG}
        ]
        assert (await a.recv_type("peer-joined"))["peer_id"] == "peer-b"
        # Another office may not take that peer id.
        thief = await RawClient.connect(hub.url)
        reply = await thief.join("r1", token("Kota Lain"), "peer-b")
        assert reply is not None and reply["code"] == p.E_PEER_ID_TAKEN
        await b2.close()
        await asyncio.sleep(0.3)
        # A ghost is not offered to newcomers; after the grace period everyone hears it left.
        c = await RawClient.connect(hub.url)
        assert (await c.join("r1", token("Kota Palangkaraya"), "peer-c"))["peers"] == [  # type: ignore[index]
            {"peer_id": "peer-a", "office": BANDUNG}
        ]
        left = await a.recv_type("peer-left", timeout=3)
        assert left["peer_id"] == "peer-b"
        for cl in (a, c, thief):
            await cl.close()

    run(body, grace_s=1.0)


def test_health_endpoint_reports_rooms() -> None:
    async def body(hub: HubServer) -> None:
        a = await RawClient.connect(hub.url)
        await a.join("r1", token(BANDUNG), "peer-a")
        async with (
            aiohttp.ClientSession() as s,
            s.get(hub.url.replace("ws://", "http://").replace("/ws", "/health?detail=1")) as r,
        ):
            # Counts only for the operator on this machine (loopback) and only when asked.
            assert await r.json() == {
                "ok": True,
                "protocol": p.VERSION,
                "rooms": 1,
                "peers": 1,
                "connections": 1,
            }
        await a.close()

    run(body)


def test_embedded_hub_runs_on_its_own_thread() -> None:
    hub = EmbeddedHub()
    url = hub.start("127.0.0.1", 0)
    try:
        # TLS by default, pinned by the certificate fingerprint the URL carries (no CA needed).
        assert url.startswith("wss://127.0.0.1:") and f"/ws#sha256={hub.pin}" in url

        async def client() -> dict[str, Any] | None:
            c = await RawClient.connect(url)
            reply = await c.join("sesi-1", hub.invite("sesi-1", BANDUNG), "peer-a")
            await c.close()
            return reply

        reply = asyncio.run(client())
        assert reply is not None and reply["type"] == "welcome" and reply["office"] == BANDUNG
    finally:
        hub.stop()
    assert hub.server is None


def test_rooms_are_isolated() -> None:
    async def body(hub: HubServer) -> None:
        a, b = await RawClient.connect(hub.url), await RawClient.connect(hub.url)
        await a.join("r1", token(BANDUNG, room="r1"), "peer-a")
        welcome = await b.join("r2", token(PEKANBARU, room="r2"), "peer-b")
        assert welcome is not None and welcome["peers"] == []  # nobody from r1
        await a.send({"type": "signal", "to": "peer-b", "kind": "offer", "session": 1, "sdp": "x"})
        assert (await a.recv_type("error"))["code"] == p.E_UNKNOWN_PEER
        await a.send({"type": "relay", "data": {"kind": "hello"}})
        await b.send({"type": "ping", "nonce": 1})
        assert (await b.recv())["type"] == "pong"  # type: ignore[index]  # the relay did not cross rooms
        await a.close()
        await b.close()

    run(body)


def test_nothing_reaches_an_office_before_its_welcome() -> None:
    """An admitted office waits while the hub asks Janus for its seat; what happens meanwhile
    (an office leaving, a relay to everyone) must not reach it before its welcome, and the
    welcome lists exactly the offices present when it is sent (seen in bench_sfu as "expected
    welcome, got peer-left")."""

    async def body(hub: HubServer) -> None:
        a, b, c = [await RawClient.connect(hub.url) for _ in range(3)]
        assert (await a.join("r1", token(BANDUNG), "peer-a"))["type"] == "welcome"
        assert (await b.join("r1", token(PEKANBARU), "peer-b"))["type"] == "welcome"
        await a.recv_type("peer-joined")
        # Hold the third office's admission at the point where the hub would ask Janus.
        seat_asked, go_on = asyncio.Event(), asyncio.Event()
        real_before_welcome = hub.switching.before_welcome

        async def slow_before_welcome(room: Any) -> None:
            seat_asked.set()
            await go_on.wait()
            await real_before_welcome(room)

        hub.switching.before_welcome = slow_before_welcome  # type: ignore[method-assign]
        joining = asyncio.create_task(c.join("r1", token("Pemerintah Kota Makassar"), "peer-c"))
        await asyncio.wait_for(seat_asked.wait(), 5)
        await b.send({"type": "leave"})
        assert (await a.recv_type("peer-left"))["peer_id"] == "peer-b"
        await a.send({"type": "relay", "data": {"kind": "hello"}})
        await asyncio.sleep(0.2)  # the hub has handled both before the join goes on
        go_on.set()
        first = await asyncio.wait_for(joining, 5)
        assert first is not None and first["type"] == "welcome", first
        assert [x["peer_id"] for x in first["peers"]] == ["peer-a"]
        assert (await a.recv_type("peer-joined"))["peer_id"] == "peer-c"
        for client in (a, b, c):
            await client.close()

    run(body)
