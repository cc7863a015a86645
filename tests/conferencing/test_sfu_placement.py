"""Two real Janus servers in the test's namespace: the hub places SFU rooms by load, on both.

Run as ``python -m tests.conferencing.test_sfu_placement NAME`` inside a namespace by
:func:`run_scenario`: Janus A listens on one end of a veth pair, Janus B on the other (Janus
skips loopback). Load is what Janus itself reports (Admin API ``list_sessions``) plus the
offices the hub has just placed; rooms are created with the VideoRoom ``create`` request and
read back with ``list`` from each server.
"""

from __future__ import annotations

import asyncio
import json
import sys
from typing import Any

import pytest

from tests.conferencing.janus_server import SFU_HOST, SFU_HOST_2, SFU_SETUP, janus_unavailable
from tests.conferencing.netns import run_scenario

MODULE = "tests.conferencing.test_sfu_placement"


@pytest.mark.netns
def test_rooms_go_to_the_least_loaded_janus_and_land_on_both() -> None:
    reason = janus_unavailable()
    if reason:
        pytest.skip(reason)
    r = run_scenario("placement", module=MODULE, setup=SFU_SETUP, timeout=120)
    # Janus A already carries a 3-office session (its own count says so), B is idle.
    assert r["first_loads"] == [
        {"server": 0, "sessions": 3, "placed": 0},
        {"server": 1, "sessions": 0, "placed": 0},
    ]
    # So the next rooms go to B until B holds more offices than A; then A gets one.
    assert r["picks"] == [1, 1, 0]
    assert r["rooms"]["A"] == sorted(r["placed_rooms"][0]) and len(r["rooms"]["A"]) == 1
    assert r["rooms"]["B"] == sorted(r["placed_rooms"][1]) and len(r["rooms"]["B"]) == 2
    # Offices leave B's rooms: B is the lighter one again.
    assert r["pick_after_release"] == 1
    # B stops: it is passed over, not waited for; with neither up, placement says so.
    assert r["pick_with_b_down"] == 0
    assert r["b_down_loads"][1]["sessions"] is None
    assert r["none_up"] == "sfu-unreachable"


# ----------------------------------------------------------------------------- in the namespace


async def _rooms(url: str, api_secret: str, admin_key: str) -> list[int]:
    from conferencing.janus_client import JanusSession

    session = await JanusSession.open(url, api_secret=api_secret)
    try:
        handle = await session.attach()
        data, _ = await handle.message({"request": "list", "admin_key": admin_key})
        return sorted(int(room["room"]) for room in data.get("list", []))
    finally:
        await session.close()


def _loads(placement: Any) -> list[dict[str, Any]]:
    return [
        {"server": load.index, "sessions": load.sessions, "placed": load.placed}
        for load in placement.last_loads
    ]


async def placement_scenario() -> dict[str, Any]:
    from conferencing.hub.janus_pool import JanusPool
    from conferencing.janus_client import JanusError, JanusSession
    from tests.conferencing.janus_server import JanusServer

    a = await JanusServer(SFU_HOST, rtp_ports=(20000, 20499)).start()
    b = await JanusServer(SFU_HOST_2, rtp_ports=(21000, 21499)).start()
    held: list[JanusSession] = []
    pool = JanusPool([a.spec(), b.spec()])
    try:
        # Three offices of a session already on A (one Janus session each).
        for _ in range(3):
            held.append(await JanusSession.open(a.url, api_secret=a.api_secret))
        picks: list[int] = []
        placed_rooms: list[list[int]] = [[], []]
        first_loads: list[dict[str, Any]] = []
        tickets = []
        for number, offices in enumerate((1, 4, 2)):
            ticket = await pool.create_room(f"session-{number}", offices)
            if not first_loads:
                first_loads = _loads(pool.placement)
            picks.append(ticket.server)
            placed_rooms[ticket.server].append(ticket.room)
            tickets.append(ticket)
        rooms = {
            "A": await _rooms(a.url, a.api_secret, a.admin_key),
            "B": await _rooms(b.url, b.api_secret, b.admin_key),
        }
        for ticket in tickets[:2]:  # B's sessions end: their rooms are destroyed
            await pool.destroy_room(ticket)
        pick_after_release = (await pool.create_room("session-3", 1)).server
        await b.stop()
        pick_with_b_down = (await pool.create_room("session-4", 1)).server
        b_down_loads = _loads(pool.placement)
        await a.stop()
        try:
            await pool.create_room("session-5", 1)
            none_up = "placed"
        except JanusError as exc:
            none_up = exc.code.value
        return {
            "first_loads": first_loads,
            "picks": picks,
            "placed_rooms": placed_rooms,
            "rooms": rooms,
            "pick_after_release": pick_after_release,
            "pick_with_b_down": pick_with_b_down,
            "b_down_loads": b_down_loads,
            "none_up": none_up,
        }
    finally:
        for session in held:
            await session.close()
        await pool.close()
        await a.stop()
        await b.stop()


SCENARIOS = {"placement": placement_scenario}

if __name__ == "__main__":
    print(json.dumps(asyncio.run(asyncio.wait_for(SCENARIOS[sys.argv[1]](), 100))))
