"""The hub's side of SFU sessions and the publish binding, without media (fast).

The sessions themselves, with a real Janus, are in ``test_sfu.py``.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
from pathlib import Path

import pytest

from conferencing.call_identity import (
    PublishBinding,
    TrustedOffices,
    VerifyCode,
    check_publish,
    signed_publish,
)
from conferencing.cli import register
from conferencing.hub.janus_pool import JanusPool, JanusSpec, load_servers, options_from_args
from conferencing.hub.server import HubServer
from conferencing.hub.tokens import issue_token, verify_token
from tests.conferencing.hubclient import RawClient
from tests.conferencing.identity_scenarios import make_identity

SECRET = b"hub-test-secret-0123456789abcdef"
FP = ":".join(["AB"] * 32)


def test_hub_flags_name_the_janus_servers_and_the_sfu_threshold(tmp_path: Path) -> None:
    config = tmp_path / "janus.json"
    config.write_text(
        json.dumps(
            {
                "servers": [
                    {
                        "url": "ws://10.0.0.5:8188",
                        "api_secret": "a" * 16,
                        "admin_url": "ws://10.0.0.5:7188",
                        "admin_secret": "b" * 16,
                        "admin_key": "c" * 16,
                    },
                    {"url": "wss://janus2.kota.go.id:8989"},
                ]
            }
        )
    )
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers())
    args = parser.parse_args(["hub", "--janus-config", str(config), "--sfu-above", "2"])
    options = options_from_args(args)
    assert options["sfu_above"] == 2
    pool = options["janus"]
    assert isinstance(pool, JanusPool)
    assert [s.url for s in pool.servers] == ["ws://10.0.0.5:8188", "wss://janus2.kota.go.id:8989"]
    assert pool.servers[0].tokens and not pool.servers[1].tokens
    # Without the flag there is no pool: every session is a mesh (the embedded hub's default).
    assert options_from_args(parser.parse_args(["hub"]))["janus"] is None
    invite = parser.parse_args(
        ["invite", "--secret-file", "s", "--room", "r", "--office", "o", "--offices", "6"]
    )
    assert invite.offices == 6


@pytest.mark.parametrize(
    "content",
    ["not json", '{"servers": []}', '{"servers": [{"url": "http://x"}]}',
     '{"servers": [{"url": "ws://x:1", "api_secret": 5}]}'],
)  # fmt: skip
def test_a_bad_janus_server_list_is_refused_with_a_reason(tmp_path: Path, content: str) -> None:
    config = tmp_path / "janus.json"
    config.write_text(content)
    with pytest.raises(ValueError):
        load_servers(config)


def test_the_session_size_travels_in_the_invitation() -> None:
    token = issue_token(SECRET, "r1", "Pemerintah Kota Bandung", 60, size=6)
    assert verify_token(SECRET, token, "r1").size == 6
    assert verify_token(SECRET, issue_token(SECRET, "r1", "Kota", 60), "r1").size == 0


async def _welcomes(hub: HubServer, count: int, size: int) -> list[dict | None]:
    await hub.start()
    clients, replies = [], []
    try:
        for i in range(count):
            client = await RawClient.connect(hub.url)
            clients.append(client)
            token = issue_token(SECRET, "r1", f"Kota {i}", 60, size=size)
            replies.append(await client.join("r1", token, f"peer-{i}0"))
    finally:
        for client in clients:
            await client.close()
        await hub.stop()
    return replies


def test_without_janus_a_large_session_stays_a_mesh_of_four() -> None:
    replies = asyncio.run(_welcomes(HubServer("127.0.0.1", 0, SECRET), 5, size=6))
    assert [r["type"] for r in replies[:4]] == ["welcome"] * 4  # type: ignore[index]
    assert all("sfu" not in r for r in replies[:4])  # type: ignore[operator]
    assert replies[4]["code"] == "room-full"  # type: ignore[index]


def test_a_janus_that_does_not_answer_leaves_the_session_a_mesh() -> None:
    pool = JanusPool([JanusSpec("ws://127.0.0.1:9")])  # discard port: nothing listens
    hub = HubServer("127.0.0.1", 0, SECRET, janus=pool, sfu_above=4)
    replies = asyncio.run(_welcomes(hub, 2, size=6))
    assert [r["type"] for r in replies] == ["welcome", "welcome"]  # type: ignore[index]
    assert all("sfu" not in r for r in replies)  # type: ignore[operator]
    assert hub.sfu.rooms == {}


# ----------------------------------------------------------------------------- publish binding


@pytest.fixture(scope="module")
def offices(tmp_path_factory: pytest.TempPathFactory) -> tuple:
    tmp = tmp_path_factory.mktemp("ids")
    return (
        make_identity(tmp, "Pemerintah Kota Bandung", "a"),
        make_identity(tmp, "Pemerintah Kota Pekanbaru", "b"),
    )


def _binding(office: str, **changes: object) -> PublishBinding:
    fields: dict = dict(
        room="r1", sender="peer-b0", office=office, sfu_room=77, feed=1234, session=1,
        fingerprint=FP,
    )  # fmt: skip
    fields.update(changes)
    return PublishBinding(**fields)


def _check(data: dict, trusted: TrustedOffices, feed: int = 1234):  # noqa: ANN202
    return check_publish(data, trusted, room="r1", sender="peer-b0", sfu_room=77, feed=feed)


def test_a_publish_binding_verifies_only_for_the_feed_it_names(offices: tuple) -> None:
    a, b = offices
    trusted = TrustedOffices.of([a.certificate, b.certificate])
    data = signed_publish(b, _binding(b.office))
    good = _check(data, trusted)
    assert (good.status, good.code, good.office) == ("verified", VerifyCode.VERIFIED, b.office)
    # Another feed shown under B's name: B is in the call, but that picture is not B's.
    assert _check(data, trusted, feed=4242).code == VerifyCode.MISMATCH
    # Replayed from another session or Janus room: stale.
    assert _check(signed_publish(b, _binding(b.office, room="r0")), trusted).code == (
        VerifyCode.STALE
    )
    assert _check(signed_publish(b, _binding(b.office, sfu_room=5)), trusted).code == (
        VerifyCode.STALE
    )
    # Not pinned, unsigned, tampered, or naming another office than its certificate.
    assert _check(data, TrustedOffices.of([a.certificate])).code == VerifyCode.UNTRUSTED
    assert _check(signed_publish(None, _binding(b.office)), trusted).code == VerifyCode.NO_IDENTITY
    raw = json.loads(base64.b64decode(data["binding"]))
    raw["feed"] = 4242
    tampered = {**data, "binding": base64.b64encode(json.dumps(raw).encode()).decode()}
    assert _check(tampered, trusted, feed=4242).code == VerifyCode.BAD_SIGNATURE
    assert _check(signed_publish(b, _binding(a.office)), trusted).code == VerifyCode.MALFORMED
    # Oversize fields are refused before anything is decoded.
    assert _check({**data, "cert": "A" * 20_000}, trusted).code == VerifyCode.MALFORMED
