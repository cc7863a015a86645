"""Rejoin and invitations: an invitation belongs to the first install that uses it.

The same install (same key) coming back under a new peer id replaces its ghost at once; a
second device with a copy of the invitation is refused with the office named, and the office
already connected is untouched; the host can revoke an invitation; a replayed join is refused.
"""

from __future__ import annotations

import asyncio
import json
import os
import stat
import subprocess
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from conferencing import protocol as p
from conferencing.hub.embedded import EmbeddedHub
from conferencing.hub.server import HubServer
from conferencing.hub.tokens import issue_token, load_secret
from conferencing.installkey import FILE_NAME, InstallKey
from conferencing.signaling import HubClient, JoinRefused
from tests.conferencing.hubclient import RawClient
from tests.conferencing.netns import run_scenario

SECRET = b"rejoin-test-secret-0123456789abc"
ROOT = Path(__file__).resolve().parents[2]
OFFICES = [
    "Pemerintah Kota Bandung",
    "Pemerintah Kota Pekanbaru",
    "Pemerintah Kota Makassar",
    "Pemerintah Kota Palangkaraya",
]
BANDUNG, PEKANBARU, MAKASSAR, PALANGKARAYA = OFFICES


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
    return issue_token(SECRET, room, office, 600)


def test_a_restarted_install_replaces_its_ghost_at_once_even_in_a_full_room() -> None:
    async def body(hub: HubServer) -> None:
        tokens = {office: token(office) for office in OFFICES}
        clients = {}
        for n, office in enumerate(OFFICES):
            clients[office] = await RawClient.connect(hub.url)
            welcome = await clients[office].join("r1", tokens[office], f"peer-{n}aaa")
            assert welcome is not None and welcome["type"] == "welcome"
        bandung = clients[BANDUNG]
        # Pekanbaru's app crashes: no 'leave', its entry stays as a ghost (grace is 20 s).
        crashed = clients.pop(PEKANBARU)
        await crashed.close()
        await asyncio.sleep(0.2)
        assert len(hub.rooms["r1"].members) == 4
        # The restarted app has a new peer id but the same install key (from its data folder).
        again = await RawClient.connect(hub.url, crashed.key)
        welcome = await again.join("r1", tokens[PEKANBARU], "peer-new-pekanbaru")
        assert welcome is not None and welcome["type"] == "welcome", welcome  # not room-full
        assert sorted(peer["office"] for peer in welcome["peers"]) == sorted(
            [BANDUNG, MAKASSAR, PALANGKARAYA]
        )
        # The others hear the ghost leave and the new connection join, in that order.
        seen = []
        while ("peer-joined", "peer-new-pekanbaru") not in seen:
            msg = await bandung.recv()
            assert msg is not None
            if msg["type"] in ("peer-left", "peer-joined"):
                seen.append((msg["type"], msg["peer_id"]))
        seen = seen[-2:]
        assert seen == [("peer-left", "peer-1aaa"), ("peer-joined", "peer-new-pekanbaru")]
        assert sorted(hub.rooms["r1"].members) == [
            "peer-0aaa", "peer-2aaa", "peer-3aaa", "peer-new-pekanbaru",
        ]  # fmt: skip
        for c in [*clients.values(), again]:
            await c.close()

    run(body)


def test_a_second_device_with_the_same_invitation_is_refused_naming_the_office() -> None:
    async def body(hub: HubServer) -> None:
        pekanbaru_token = token(PEKANBARU)
        real = await RawClient.connect(hub.url)
        assert (await real.join("r1", pekanbaru_token, "peer-real"))["type"] == "welcome"  # type: ignore[index]
        bandung = await RawClient.connect(hub.url)
        assert (await bandung.join("r1", token(BANDUNG), "peer-bdg"))["type"] == "welcome"  # type: ignore[index]
        await real.recv_type("peer-joined")
        # Another device holding a copy: a new peer id, and the live peer id (the takeover).
        for peer_id in ("peer-copy", "peer-real"):
            copy = await RawClient.connect(hub.url)  # its own install key
            reply = await copy.join("r1", pekanbaru_token, peer_id)
            assert reply is not None and reply["code"] == p.E_INVITE_IN_USE
            assert PEKANBARU in reply["message"]
            assert await copy.recv() is None  # closed
            await copy.close()
        # The real Pekanbaru is untouched: still present and still receiving what is meant for it.
        await bandung.send({"type": "signal", "to": "peer-real", "kind": "offer", "session": 1,
                            "sdp": "v=0"})  # fmt: skip
        offer = await real.recv_type("signal")
        assert (offer["from"], offer["sdp"]) == ("peer-bdg", "v=0")
        assert list(hub.rooms["r1"].members) == ["peer-real", "peer-bdg"]
        # Four copies cannot fill the room either: the real fourth office still gets in.
        for n in range(3):
            c = await RawClient.connect(hub.url)
            assert (await c.join("r1", pekanbaru_token, f"peer-x{n}xx"))[
                "code"
            ] == p.E_INVITE_IN_USE  # type: ignore[index]
            await c.close()
        palangkaraya = await RawClient.connect(hub.url)
        assert (await palangkaraya.join("r1", token(PALANGKARAYA), "peer-plk"))["type"] == "welcome"  # type: ignore[index]
        for c in (real, bandung, palangkaraya):
            await c.close()

    run(body)


def test_a_replayed_join_is_refused() -> None:
    async def body(hub: HubServer) -> None:
        tok = token(BANDUNG)
        key = InstallKey.generate()
        first = await RawClient.connect(hub.url, key)
        await first.send({"type": "hello"})
        nonce = (await first.recv_type("challenge"))["nonce"]
        join = {"type": "join", "room": "r1", "token": tok, "peer_id": "peer-a",
                "key": key.public_b64, "sig": key.sign_join(nonce, "r1", "peer-a", tok)}  # fmt: skip
        await first.send(join)
        assert (await first.recv_type("welcome"))["peer_id"] == "peer-a"
        await first.close()
        # Someone who captured that join frame sends it again on a new socket.
        thief = await RawClient.connect(hub.url)
        await thief.send({"type": "hello"})
        await thief.recv_type("challenge")  # a fresh challenge, which the old signature is not
        await thief.send(join)
        reply = await thief.recv()
        assert reply is not None and reply["code"] == p.E_BAD_SIGNATURE
        assert await thief.recv() is None
        # And a join with a key it did not sign with at all (someone else's public key).
        other = await RawClient.connect(hub.url)
        await other.send({"type": "hello"})
        nonce = (await other.recv_type("challenge"))["nonce"]
        forged = {**join, "sig": InstallKey.generate().sign_join(nonce, "r1", "peer-a", tok)}
        await other.send(forged)
        assert (await other.recv())["code"] == p.E_BAD_SIGNATURE  # type: ignore[index]
        await thief.close()
        await other.close()

    run(body)


def test_the_host_revokes_an_invitation() -> None:
    hub = EmbeddedHub(SECRET)
    url = hub.start("127.0.0.1", 0)

    async def body() -> None:
        pekanbaru_token = hub.invite("r1", PEKANBARU, 600)
        bandung = await RawClient.connect(url)
        assert (await bandung.join("r1", hub.invite("r1", BANDUNG, 600), "peer-bdg"))[
            "type"
        ] == "welcome"  # type: ignore[index]
        guest = await RawClient.connect(url)
        assert (await guest.join("r1", pekanbaru_token, "peer-pku"))["type"] == "welcome"  # type: ignore[index]
        await bandung.recv_type("peer-joined")
        # The revocation runs on the hub's thread, as the host panel's button does.
        assert await asyncio.to_thread(hub.revoke, pekanbaru_token)
        refused = await guest.recv_type("error")
        assert refused["code"] == p.E_TOKEN_REVOKED
        assert await guest.recv() is None
        assert (await bandung.recv_type("peer-left"))["peer_id"] == "peer-pku"
        # The same install cannot come back with it, through the real client either.
        again = await RawClient.connect(url, guest.key)
        assert (await again.join("r1", pekanbaru_token, "peer-pku"))["code"] == p.E_TOKEN_REVOKED  # type: ignore[index]

        async def ignore(*_: Any) -> None:
            return None

        client = HubClient(url, "r1", pekanbaru_token, "peer-pk2", on_message=ignore,
                           on_link=ignore, install_key=guest.key)  # fmt: skip
        try:
            await client.start()
            raise AssertionError("a revoked invitation was admitted")
        except JoinRefused as exc:
            assert exc.code == p.E_TOKEN_REVOKED
        finally:
            await client.close(leave=False)
        # A token this hub never signed is not "revoked" (nothing to do).
        assert not await asyncio.to_thread(hub.revoke, "bogus.token")
        for c in (bandung, guest, again):
            await c.close()

    try:
        asyncio.run(body())
    finally:
        hub.stop()


def test_the_client_refusal_names_the_office_and_the_install_key_persists(tmp_path: Path) -> None:
    key = InstallKey.load_or_create(tmp_path)
    mode = stat.S_IMODE(os.stat(tmp_path / FILE_NAME).st_mode)
    assert mode == 0o600
    assert InstallKey.load_or_create(tmp_path).public_b64 == key.public_b64  # same install

    async def body(hub: HubServer) -> None:
        tok = token(PEKANBARU)

        async def ignore(*_: Any) -> None:
            return None

        first = HubClient(hub.url, "r1", tok, "peer-one", on_message=ignore, on_link=ignore,
                          install_key=key)  # fmt: skip
        await first.start()
        second = HubClient(hub.url, "r1", tok, "peer-two", on_message=ignore, on_link=ignore)
        try:
            await second.start()
            raise AssertionError("a second device was admitted")
        except JoinRefused as exc:
            assert exc.code == p.E_INVITE_IN_USE
            assert exc.message.params == {"office": PEKANBARU}  # the UI names the office
        finally:
            await second.close(leave=False)
        await first.close()

    run(body)


def test_a_crashed_headless_office_is_back_at_once_and_a_second_device_is_refused() -> None:
    """``main.py call`` killed with SIGKILL and restarted with the same data folder (netns)."""
    r = run_scenario("crash", module="tests.conferencing.rejoin_scenario", timeout=170)
    print(json.dumps(r))
    # The restarted office was admitted under its new peer id and its ghost was replaced.
    assert r["rejoin_rc"] is None and r["ghost_replaced"], r
    assert r["bandung_saw"][-2:] == [["left", r["old_peer"]], ["joined", r["new_peer"]]], r
    assert r["frames_from_new"] > 0  # media flows again
    # Another data folder (another device) with the same invitation: refused, office named.
    assert r["copy_rc"] == 3 and PEKANBARU in r["copy_error"]
    assert r["still_present_after_copy"]


def _start_hub(secret_file: Path) -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen(
        [sys.executable, "main.py", "hub", "--host", "127.0.0.1", "--port", "0",
         "--secret-file", str(secret_file)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    assert proc.stdout is not None
    return proc, proc.stdout.readline().split("hub listening on ", 1)[1].strip()


def _stop(proc: subprocess.Popen[str]) -> None:
    proc.terminate()
    proc.wait(timeout=10)


def test_standalone_hub_keeps_bindings_and_revocations_across_restarts(tmp_path: Path) -> None:
    secret_file = tmp_path / "hub.secret"
    proc, url = _start_hub(secret_file)
    tok = issue_token(load_secret(secret_file), "r1", PEKANBARU, 600)
    install = InstallKey.generate()

    async def join(hub_url: str, key: InstallKey, peer_id: str) -> tuple[Any, RawClient]:
        c = await RawClient.connect(hub_url, key)
        return await c.join("r1", tok, peer_id), c

    async def first_use() -> None:
        reply, c = await join(url, install, "peer-pku")
        assert reply is not None and reply["type"] == "welcome"
        await c.close()

    try:
        asyncio.run(first_use())
    finally:
        _stop(proc)
    assert stat.S_IMODE(os.stat(tmp_path / "hub-invitations.json").st_mode) == 0o600

    proc, url = _start_hub(secret_file)  # restarted: a new port, the same pinned certificate
    try:

        async def after_restart() -> None:
            reply, copy = await join(url, InstallKey.generate(), "peer-copy")
            assert reply is not None and reply["code"] == p.E_INVITE_IN_USE  # still bound
            await copy.close()
            reply, real = await join(url, install, "peer-pku")
            assert reply is not None and reply["type"] == "welcome"
            # The operator withdraws it with `main.py revoke` (authenticated by the secret).
            wrong = tmp_path / "other.secret"
            wrong.write_text("ab" * 32)
            refused = await asyncio.to_thread(_revoke, url, wrong, tok)
            assert refused.returncode == 3
            done = await asyncio.to_thread(_revoke, url, secret_file, tok)
            assert done.returncode == 0, done.stderr
            assert (await real.recv_type("error"))["code"] == p.E_TOKEN_REVOKED
            assert await real.recv() is None
            await real.close()

        asyncio.run(after_restart())
    finally:
        _stop(proc)

    proc, url = _start_hub(secret_file)
    try:

        async def still_revoked() -> None:
            reply, c = await join(url, install, "peer-pku")
            assert reply is not None and reply["code"] == p.E_TOKEN_REVOKED
            await c.close()

        asyncio.run(still_revoked())
    finally:
        _stop(proc)


def _revoke(url: str, secret_file: Path, tok: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", "revoke", "--hub", url, "--secret-file", str(secret_file),
         "--token", tok],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
