"""The gallery's visible set survives the move from the mesh to the SFU.

Run as ``python -m tests.conferencing.test_sfu_visible_switch NAME`` in a namespace with a real
Janus on a veth address, the real hub (``sfu_above=3``) and four real engines. Bandung's
gallery shows only Pekanbaru while the call is still a mesh (``set_visible_peers``, as the UI
sends it when the gallery pages); Makassar is off screen. A fourth office joins, the session
moves to Janus, and there Bandung still receives Makassar's sound but not its video, while
Pekanbaru's pictures keep coming. The old mesh path is hung up without waiting for the video
of the office that is not on screen.

Pekanbaru presents a slide while the call is a mesh; after the move, Bandung and Makassar
receive it through Janus (the presenter's screen stream), without anyone presenting again.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from typing import Any

import pytest

from tests.conferencing.janus_server import SFU_HOST, SFU_SETUP, janus_unavailable
from tests.conferencing.netns import run_scenario

MODULE = "tests.conferencing.test_sfu_visible_switch"
ROOM = "apeksi-pokja-smart-city"
NAMES = [f"Pemerintah Kota {c}" for c in ("Bandung", "Pekanbaru", "Makassar", "Medan")]


@pytest.mark.netns
@pytest.mark.slow
def test_the_visible_set_given_in_the_mesh_holds_on_the_sfu() -> None:
    reason = janus_unavailable()
    if reason:
        pytest.skip(reason)
    r = run_scenario("visible", module=MODULE, setup=SFU_SETUP, timeout=170)
    assert r["before"] == "MeshTopology" and r["after"] == "SfuTopology"
    assert r["sfu_visible"] == [NAMES[1]]  # handed over by the switch
    # On Janus: Makassar's video is paused at Bandung, its sound goes on; Pekanbaru flows.
    assert r["makassar_video_sent"] is False
    assert r["window"]["makassar_video"] == 0, r["window"]
    assert r["window"]["makassar_audio"] > 100, r["window"]
    assert r["window"]["pekanbaru_video"] > 20, r["window"]
    # The old path went once the shown office came through Janus, not after the 12 s timeout.
    assert r["old_path_closed_after_s"] < r["switch_timeout_s"], r
    # A presentation begun in the mesh goes on through Janus.
    assert r["presentation_on_sfu"] == {NAMES[0]: NAMES[1], NAMES[2]: NAMES[1]}, r
    assert min(r["screen_frames_on_sfu"].values()) > 5, r
    # Shown again on the SFU: Makassar's pictures come back.
    assert r["shown_again_makassar_video"] > 10, r


async def visible() -> dict[str, Any]:
    from conferencing import switching as office_switching
    from conferencing.hub.janus_pool import JanusPool
    from conferencing.hub.server import HubServer
    from conferencing.presenting import SlideSource, synthetic_slide
    from conferencing.switching import state_of
    from conferencing.topology.sfu import SfuTopology
    from tests.conferencing.janus_server import JanusServer
    from tests.conferencing.scenarios import SECRET, Office, frames_from, wait_for

    janus = await JanusServer(SFU_HOST).start()
    hub = HubServer(SFU_HOST, 0, SECRET, janus=JanusPool([janus.spec()]), sfu_above=3)
    await hub.start()
    offices = [Office(name) for name in NAMES]
    a, b, c, d = offices
    out: dict[str, Any] = {"switch_timeout_s": office_switching.SWITCH_TIMEOUT_S}
    try:
        for office in (a, b, c):
            await office.join(hub.url, ROOM)
        three = [a, b, c]
        assert await wait_for(
            lambda: all(frames_from(x, y) > 10 for x in three for y in three if x is not y), 40
        ), "the mesh of three never flowed"
        out["before"] = type(a.engine.topology).__name__
        # The gallery's page: Pekanbaru only (what the UI's controller sends to the topology).
        await a.engine.topology.set_visible_peers(frozenset({b.engine.peer_id}))
        # Pekanbaru presents, in the mesh.
        await b.engine.start_presenting(SlideSource(synthetic_slide(1280, 720, "Pekanbaru")))
        assert await wait_for(
            lambda: a.engine.presenter.office == NAMES[1] and c.engine.presenter.office == NAMES[1],
            10,
        )

        joined_at = time.monotonic()
        await d.join(hub.url, ROOM)
        assert await wait_for(lambda: isinstance(a.engine.topology, SfuTopology), 30)
        assert await wait_for(lambda: state_of(a.engine).old is None, 30)
        out["old_path_closed_after_s"] = round(time.monotonic() - joined_at, 1)
        topo = a.engine.topology
        assert isinstance(topo, SfuTopology)
        out["after"] = type(topo).__name__
        out["sfu_visible"] = sorted(a.engine.participants[x] for x in topo.visible or ())
        b_id, c_id = b.engine.peer_id, c.engine.peer_id
        assert await wait_for(lambda: b_id in topo.subs and c_id in topo.subs, 30)
        assert await wait_for(lambda: topo.subs[c_id].audio_frames > 20, 30)

        def counts() -> dict[str, int]:
            sub_b, sub_c = topo.subs[b_id], topo.subs[c_id]
            return {
                "pekanbaru_video": sub_b.video_frames,
                "makassar_video": sub_c.video_frames,
                "makassar_audio": sub_c.audio_frames,
            }

        def screen_of(office: Any) -> Any:
            topology = office.engine.topology
            return topology.screen if isinstance(topology, SfuTopology) else None

        await wait_for(
            lambda: all((s := screen_of(o)) is not None and s.frames > 5 for o in (a, c)), 30
        )
        out["presentation_on_sfu"] = {
            o.name: a.engine.participants.get(s.peer_id) if (s := screen_of(o)) else None
            for o in (a, c)
        }
        out["screen_frames_on_sfu"] = {
            o.name: s.frames if (s := screen_of(o)) else 0 for o in (a, c)
        }

        await asyncio.sleep(1.0)
        first = counts()
        await asyncio.sleep(3.0)
        out["window"] = {k: v - first[k] for k, v in counts().items()}
        out["makassar_video_sent"] = topo.subs[c_id].video_sent

        await topo.set_visible_peers(frozenset({b_id, c_id}))
        await asyncio.sleep(1.0)
        shown = topo.subs[c_id].video_frames
        await asyncio.sleep(2.0)
        out["shown_again_makassar_video"] = topo.subs[c_id].video_frames - shown
    finally:
        for office in offices:
            await office.engine.leave()
        await hub.stop()
        await janus.stop()
    return out


SCENARIOS = {"visible": visible}

if __name__ == "__main__":
    print(json.dumps(asyncio.run(asyncio.wait_for(SCENARIOS[sys.argv[1]](), 150))), flush=True)
