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
import contextlib
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


@pytest.mark.netns
def test_offices_keep_their_call_across_the_switch_and_back() -> None:
    reason = janus_unavailable()
    if reason:
        pytest.skip(reason)
    r = run_scenario("engines", module=MODULE, setup=SFU_SETUP, timeout=170)
    four = r["first_four"]
    assert r["mesh_before"] == ["MeshTopology"]
    # The 5th joins: every office runs on Janus, and sees the four others plus the newcomer.
    assert r["sfu_after_join"] == ["SfuTopology"]
    assert r["switches"] == {name: ["sfu", "mesh"] for name in four}
    # Across the switch, every one of the first four kept receiving every other: no gap of
    # 2 s or more in the frames of any pair, and all of them arrived stamped by their sender.
    for pair, gap in r["gap_to_sfu"].items():
        assert gap < 2.0, (pair, gap)
    assert r["more_frames"]  # and each pair's count grew by more than 10 frames meanwhile
    assert all(r["fifth_seen"].values()), r["fifth_seen"]
    # Nobody left: no "left" event, and the engines' participants stayed the same offices.
    assert r["left_events_during_switch"] == 0
    assert r["participants_after_sfu"] == {
        name: sorted(n for n in [*four, r["fifth"]] if n != name) for name in four
    }
    # The 5th leaves: back to the mesh; only its departure was reported, frames go on.
    assert r["mesh_after_leave"] == ["MeshTopology"]
    for pair, gap in r["gap_to_mesh"].items():
        assert gap < 2.0, (pair, gap)
    assert r["left_events_after"] == {name: [r["fifth"]] for name in four}
    # The switch is not repeated by a replay of the same message.
    assert r["replay_applied"] is False


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
    switching.DEMOTE_DELAY_S = 0.5
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


def _max_gap(office: Any, other: Any, since: float, until: float) -> float:
    """Longest wait between two frames ``office`` received from ``other`` in the window."""
    fig = office.report.peers.get(other.engine.peer_id)
    times = [since] + [t for t in (fig.arrivals if fig else []) if since <= t <= until] + [until]
    return round(max(b - a for a, b in zip(times, times[1:], strict=False)), 2)


async def engines_scenario() -> dict[str, Any]:
    import time

    from conferencing import protocol as p
    from conferencing.events import ParticipantLeft
    from conferencing.hub import switching
    from conferencing.hub.janus_pool import JanusPool
    from conferencing.hub.server import HubServer
    from conferencing.switching import apply_switch, state_of
    from tests.conferencing.janus_server import JanusServer
    from tests.conferencing.scenarios import SECRET, Office, wait_for

    switching.DEMOTE_GRACE_S = 5.0
    switching.DEMOTE_DELAY_S = 1.0
    names = [f"Pemerintah Kota {c}" for c in CITIES]
    janus = await JanusServer(SFU_HOST).start()
    hub = HubServer(SFU_HOST, 0, SECRET, janus=JanusPool([janus.spec()]), sfu_above=4)
    await hub.start()
    offices = [Office(name) for name in names]
    four, fifth = offices[:4], offices[4]
    out: dict[str, Any] = {"first_four": names[:4], "fifth": names[4]}

    def receiving(group: list[Any], count: int) -> bool:
        return all(
            (fig := x.report.peers.get(y.engine.peer_id)) is not None and fig.stamped >= count
            for x in group
            for y in group
            if x is not y
        )

    def kinds(group: list[Any]) -> list[str]:
        return sorted({type(o.engine.topology).__name__ for o in group})

    try:
        for office in four:
            await office.join(hub.url, ROOM)
        assert await wait_for(lambda: receiving(four, 10), 40), "the mesh of four never flowed"
        out["mesh_before"] = kinds(four)
        left_before = {o.name: len(o.of(ParticipantLeft)) for o in four}

        t0 = time.monotonic()
        await fifth.join(hub.url, ROOM)
        stamped_at_join = {
            (x.name, y.name): x.report.peers[y.engine.peer_id].stamped
            for x in four
            for y in four
            if x is not y
        }
        await wait_for(lambda: kinds(offices) == ["SfuTopology"] and receiving(offices, 10), 60)
        await wait_for(lambda: all(state_of(o.engine).old is None for o in four), 20)
        await asyncio.sleep(2.0)
        t1 = time.monotonic()
        out["sfu_after_join"] = kinds(offices)
        out["gap_to_sfu"] = {
            f"{x.name} <- {y.name}": _max_gap(x, y, t0, t1)
            for x in four
            for y in four
            if x is not y
        }
        out["more_frames"] = all(
            x.report.peers[y.engine.peer_id].stamped > stamped_at_join[(x.name, y.name)] + 10
            for x in four
            for y in four
            if x is not y
        )
        out["fifth_seen"] = {
            x.name: (fig := x.report.peers.get(fifth.engine.peer_id)) is not None
            and fig.stamped > 5
            for x in four
        }
        out["left_events_during_switch"] = sum(
            len(o.of(ParticipantLeft)) - left_before[o.name] for o in four
        )
        out["participants_after_sfu"] = {
            o.name: sorted(o.engine.participants.values()) for o in four
        }
        # A replay of the switch just applied changes nothing.
        epoch = state_of(four[0].engine).epoch
        ticket = four[0].engine.sfu
        out["replay_applied"] = await apply_switch(four[0].engine, p.TopologySwitch(epoch, ticket))

        t2 = time.monotonic()
        await fifth.engine.leave()
        await wait_for(lambda: kinds(four) == ["MeshTopology"] and receiving(four, 10), 60)
        await wait_for(lambda: all(state_of(o.engine).old is None for o in four), 20)
        await asyncio.sleep(2.0)
        t3 = time.monotonic()
        out["mesh_after_leave"] = kinds(four)
        out["gap_to_mesh"] = {
            f"{x.name} <- {y.name}": _max_gap(x, y, t2, t3)
            for x in four
            for y in four
            if x is not y
        }
        out["left_events_after"] = {
            o.name: [e.office for e in o.of(ParticipantLeft)][left_before[o.name] :] for o in four
        }
        out["switches"] = {o.name: list(state_of(o.engine).switches) for o in four}
    finally:
        for office in offices:
            with contextlib.suppress(Exception):
                await office.engine.leave()
        await hub.stop()
        await janus.stop()
    return out


SCENARIOS = {"switch": switch_scenario, "engines": engines_scenario}

if __name__ == "__main__":
    print(json.dumps(asyncio.run(asyncio.wait_for(SCENARIOS[sys.argv[1]](), 100))))
