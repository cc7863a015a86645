"""The hub moves a running session to the SFU when a 5th office joins, and back when it shrinks.

Run as ``python -m tests.conferencing.test_sfu_switch NAME`` in a namespace by
:func:`run_scenario`: a real Janus on a veth address, the real hub with a ``JanusPool``, and
five offices speaking the hub protocol over real WebSockets (``RawClient``). What is checked is
the hub's side of the switch: who gets which ticket in which message, that nobody is asked to
leave, that the Janus room really exists while the session runs on it and is destroyed after
the session went back to the mesh.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from typing import Any

import pytest

from tests.conferencing.janus_server import SFU_HOST, SFU_SETUP, janus_unavailable
from tests.conferencing.netns import run_scenario

MODULE = "tests.conferencing.test_sfu_switch"
ROOM = "apeksi-pokja-smart-city"
CITIES = ["Bandung", "Pekanbaru", "Makassar", "Medan", "Surabaya"]


@pytest.mark.netns
def test_fifth_office_moves_the_session_to_janus_and_a_leave_moves_it_back() -> None:
    reason = janus_unavailable()
    if reason:
        pytest.skip(reason)
    r = run_scenario("switch", module=MODULE, setup=SFU_SETUP, timeout=120)
    # Four offices: a mesh (no ticket in any welcome), no Janus room yet.
    assert r["first_four_tickets"] == [False, False, False, False]
    assert r["janus_rooms_before"] == []
    # The 5th office's join crosses the line: its welcome carries its ticket ...
    fifth = r["fifth_welcome_sfu"]
    assert fifth is not None and fifth["room"] in r["janus_rooms_during"]
    # ... and each of the four others gets its own ticket to the same room, epoch 1.
    switches = r["switch_to_sfu"]
    assert [s["epoch"] for s in switches] == [1, 1, 1, 1]
    assert {s["sfu"]["room"] for s in switches} == {fifth["room"]}
    assert {s["sfu"]["pin"] for s in switches} == {fifth["pin"]}
    feeds = [s["sfu"]["feed"] for s in switches] + [fifth["feed"]]
    assert len(set(feeds)) == 5  # a publisher id per office
    tokens = [s["sfu"]["token"] for s in switches] + [fifth["token"]]
    assert len(set(tokens)) == 5 and all(tokens)  # a Janus token per office
    # Offices never see the hub's Janus secrets.
    assert not any(k in json.dumps(switches) for k in ("secret", "admin"))
    # Nobody was told anyone left while the session moved.
    assert r["peer_left_during_switch"] == 0
    # The 5th leaves: the four get "back to the mesh" (no ticket), epoch 2.
    assert r["switch_to_mesh"] == [{"epoch": 2}] * 4
    # The Janus room outlives the move by the grace period, then it is destroyed.
    assert fifth["room"] in r["janus_rooms_in_grace"]
    assert fifth["room"] not in r["janus_rooms_after"]


# ----------------------------------------------------------------------------- in the namespace


async def _janus_rooms(janus: Any) -> list[int]:
    from conferencing.janus_client import JanusSession

    session = await JanusSession.open(janus.url, api_secret=janus.api_secret)
    try:
        handle = await session.attach()
        data, _ = await handle.message({"request": "list", "admin_key": janus.admin_key})
        return sorted(int(room["room"]) for room in data.get("list", []))
    finally:
        await session.close()


def _without_v(msg: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in msg.items() if k not in ("v", "type")}


async def switch_scenario() -> dict[str, Any]:
    from conferencing.hub import switching
    from conferencing.hub.janus_pool import JanusPool
    from conferencing.hub.server import HubServer
    from conferencing.hub.tokens import issue_token
    from tests.conferencing.hubclient import RawClient
    from tests.conferencing.janus_server import JanusServer

    switching.DEMOTE_GRACE_S = 2.0  # the test need not wait the production grace
    secret = os.urandom(32)
    janus = await JanusServer(SFU_HOST).start()
    hub = HubServer(SFU_HOST, 0, secret, janus=JanusPool([janus.spec()]), sfu_above=4)
    await hub.start()
    clients: list[RawClient] = []
    result: dict[str, Any] = {}
    try:
        welcomes = []
        for i, city in enumerate(CITIES[:4]):
            client = await RawClient.connect(hub.url)
            clients.append(client)
            office = f"Pemerintah Kota {city}"
            welcomes.append(
                await client.join(
                    ROOM, issue_token(secret, ROOM, office), f"peer-{i}-{city.lower()}"
                )
            )
        result["first_four_tickets"] = [w is not None and "sfu" in w for w in welcomes]
        result["janus_rooms_before"] = await _janus_rooms(janus)
        # Each of the four hears about the later joiners; drain those first.
        for index, client in enumerate(clients):
            for _ in range(3 - index):
                await client.recv_type("peer-joined")

        fifth = await RawClient.connect(hub.url)
        welcome = await fifth.join(
            ROOM, issue_token(secret, ROOM, "Pemerintah Kota Surabaya"), "peer-4-surabaya"
        )
        assert welcome is not None and welcome["type"] == "welcome", welcome
        result["fifth_welcome_sfu"] = welcome.get("sfu")
        switches, left = [], 0
        for client in clients:
            while True:
                msg = await client.recv(5.0)
                assert msg is not None
                left += msg["type"] == "peer-left"
                if msg["type"] == "topology":
                    switches.append(_without_v(msg))
                    break
        result["switch_to_sfu"] = switches
        result["peer_left_during_switch"] = left
        result["janus_rooms_during"] = await _janus_rooms(janus)

        await fifth.send({"type": "leave"})
        back = []
        for client in clients:
            back.append(_without_v(await client.recv_type("topology")))
        result["switch_to_mesh"] = back
        result["janus_rooms_in_grace"] = await _janus_rooms(janus)
        await asyncio.sleep(switching.DEMOTE_GRACE_S + 1.5)
        result["janus_rooms_after"] = await _janus_rooms(janus)
        await fifth.close()
    finally:
        for client in clients:
            await client.close()
        await hub.stop()
        await janus.stop()
    return result


SCENARIOS = {"switch": switch_scenario}

if __name__ == "__main__":
    print(json.dumps(asyncio.run(asyncio.wait_for(SCENARIOS[sys.argv[1]](), 100))))
