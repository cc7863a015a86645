"""Presenting: a still slide as a second video track, between real engines through the real hub.

The scenario runs in a private network namespace (``python -m tests.conferencing.test_presenting
NAME`` under ``unshare -rn``, see :mod:`tests.conferencing.netns`). Bandung (first to join: the
session's host) presents a detailed 1920x1080 slide; Pekanbaru compares the decoded frame it
receives 2 s after the first one with the very slide (PSNR), and its call report lists both of
Bandung's tracks. Then the hub's presenter slot: a second presenter is refused and told who
presents, only the host takes over, a newcomer hears who presents, and leaving frees the slot.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from typing import Any

import pytest

from tests.conferencing.netns import run_scenario

pytestmark = [pytest.mark.netns, pytest.mark.slow]

BANDUNG, PEKANBARU, PALANGKARAYA = (
    "Pemerintah Kota Bandung",
    "Pemerintah Kota Pekanbaru",
    "Pemerintah Kota Palangkaraya",
)


@pytest.fixture(scope="module")
def presenting() -> dict[str, Any]:
    return run_scenario("slide", 170, module="tests.conferencing.test_presenting")


def test_a_still_slide_arrives_sharp_at_full_size(presenting: dict[str, Any]) -> None:
    r = presenting
    assert r["screen_size"] == [1920, 1080]  # kept: no downscaling for the presentation
    assert r["psnr_after_2s"] >= 35.0, r["psnr_after_2s"]
    # The camera kept its own track and size meanwhile.
    assert r["camera_size_during"] == [320, 240]


def test_the_report_lists_camera_and_screen_tracks(presenting: dict[str, Any]) -> None:
    tracks = presenting["tracks_from_bandung"]
    assert [t["kind"] for t in tracks] == ["camera", "screen"]
    camera, screen = tracks
    assert camera["resolution"] == "320x240" and 10 <= camera["fps"] <= 16
    assert screen["resolution"] == "1920x1080" and 3.5 <= screen["fps"] <= 5.5
    # Bandung's report: Pekanbaru's camera, and the 1280x720 slide Pekanbaru presented later.
    at_bandung = presenting["tracks_at_bandung"]
    assert [(t["kind"], t["resolution"]) for t in at_bandung] == [
        ("camera", "320x240"),
        ("screen", "1280x720"),
    ]


def test_one_presenter_at_a_time_and_the_host_takes_over(presenting: dict[str, Any]) -> None:
    r = presenting
    # Pekanbaru asks while Bandung presents: refused, and told who presents.
    assert r["busy"] == {"code": "presenter-busy", "presenter": BANDUNG}
    assert r["busy_still_presenting"] == BANDUNG
    # Only the host may take over.
    assert r["denied"] == {"code": "present-denied", "presenter": BANDUNG}
    # A newcomer hears who presents, and receives the presentation.
    assert r["newcomer_heard"] == BANDUNG
    assert r["newcomer_screen_frames"] > 0
    # Bandung stops: Pekanbaru may present now; everyone hears it.
    assert r["after_stop"] == ""
    assert r["pekanbaru_presents"] == {"bandung": PEKANBARU, "palangkaraya": PEKANBARU}
    assert r["bandung_sees_pekanbaru_slide"] > 0
    # The host (Bandung) takes over: Pekanbaru is told its presentation was taken over.
    assert r["take_over"] == {"presenter": BANDUNG, "pekanbaru_taken_over": True}
    assert r["pekanbaru_presenting_after"] is False
    # The presenter leaves: the slot is free for everyone.
    assert r["after_leave"] == ""


def test_headless_call_presents_a_synthetic_slide() -> None:
    r = run_scenario("cli", 170, module="tests.conferencing.test_presenting")
    assert r["presenter_rc"] == 0 and r["presenter_report"]
    (tracks,) = r["viewer_tracks"]  # the viewer's report about Bandung
    assert [(t["kind"], t["resolution"]) for t in tracks] == [
        ("camera", "320x240"),
        ("screen", "1920x1080"),
    ]
    assert 3.5 <= tracks[1]["fps"] <= 5.5


# ----------------------------------------------------------------------------- the scenarios


async def slide() -> dict[str, Any]:
    from conferencing.hub.server import HubServer
    from conferencing.presenting import (
        PresenterChanged,
        PresentingRefused,
        SlideSource,
        psnr,
        synthetic_slide,
    )
    from tests.conferencing.scenarios import HOST, SECRET, Office, frames_from, wait_for

    hub = HubServer(HOST, 0, SECRET)
    await hub.start()
    a, b = Office(BANDUNG), Office(PEKANBARU)
    c: Office | None = None
    out: dict[str, Any] = {}
    try:
        await a.join(hub.url)
        await b.join(hub.url)
        assert await wait_for(lambda: frames_from(a, b) > 10 and frames_from(b, a) > 10, 30)
        image = synthetic_slide(1920, 1080)
        arrived: dict[str, Any] = {"first": None, "later": None}

        def on_screen(peer_id: str, frame: Any) -> None:
            now = time.monotonic()
            if arrived["first"] is None:
                arrived["first"] = now
            elif arrived["later"] is None and now - arrived["first"] >= 2.0:
                arrived["later"] = frame.to_ndarray(format="rgb24")

        b.engine.add_screen_observer(on_screen)
        await a.engine.start_presenting(SlideSource(image))
        assert await wait_for(lambda: arrived["later"] is not None, 30), "no presentation"
        later = arrived["later"]
        camera = b.report.peers[a.engine.peer_id].sizes
        out.update(
            screen_size=[later.shape[1], later.shape[0]],
            psnr_after_2s=round(psnr(later, image), 2),
            camera_size_during=list(max(camera)),
        )
        await asyncio.sleep(1.0)

        def presenters(office: Office) -> list[PresenterChanged]:
            return office.of(PresenterChanged)

        def refusals(office: Office) -> list[PresentingRefused]:
            return office.of(PresentingRefused)

        # A second presenter is refused and told who presents.
        await b.engine.start_presenting(SlideSource(synthetic_slide(1280, 720, "Pekanbaru")))
        assert await wait_for(lambda: len(refusals(b)) == 1, 10)
        out["busy"] = {"code": refusals(b)[0].code, "presenter": refusals(b)[0].presenter}
        out["busy_still_presenting"] = b.engine.presenter.office
        await b.engine.start_presenting(SlideSource(image), take_over=True)
        assert await wait_for(lambda: len(refusals(b)) == 2, 10)
        out["denied"] = {"code": refusals(b)[1].code, "presenter": refusals(b)[1].presenter}

        # A newcomer hears who presents and receives the presentation.
        c = Office(PALANGKARAYA)
        await c.join(hub.url)
        assert await wait_for(lambda: bool(presenters(c)), 10)
        out["newcomer_heard"] = presenters(c)[-1].office
        await wait_for(lambda: _screen_frames(c, a) > 0, 20)
        out["newcomer_screen_frames"] = _screen_frames(c, a)

        # Bandung stops; then Pekanbaru presents.
        await a.engine.stop_presenting()
        assert await wait_for(lambda: presenters(b)[-1].peer_id == "", 10)
        out["after_stop"] = presenters(b)[-1].office
        await b.engine.start_presenting(SlideSource(synthetic_slide(1280, 720, "Pekanbaru")))
        assert await wait_for(
            lambda: presenters(a)[-1].office == PEKANBARU and presenters(c)[-1].office == PEKANBARU,
            10,
        )
        out["pekanbaru_presents"] = {
            "bandung": presenters(a)[-1].office,
            "palangkaraya": presenters(c)[-1].office,
        }
        await wait_for(lambda: _screen_frames(a, b) > 0, 20)
        out["bandung_sees_pekanbaru_slide"] = _screen_frames(a, b)

        # The host takes over.
        await a.engine.start_presenting(SlideSource(image), take_over=True)
        assert await wait_for(lambda: presenters(b)[-1].office == BANDUNG, 10)
        out["take_over"] = {
            "presenter": presenters(b)[-1].office,
            "pekanbaru_taken_over": presenters(b)[-1].taken_over,
        }
        out["pekanbaru_presenting_after"] = b.engine.presenting
        out["tracks_from_bandung"] = b.report.as_dict()["peers"][a.engine.peer_id]["tracks"]
        out["tracks_at_bandung"] = a.report.as_dict()["peers"][b.engine.peer_id]["tracks"]

        # The presenter leaves: the others hear that nobody presents.
        await a.engine.leave()
        assert await wait_for(lambda: presenters(b)[-1].peer_id == "", 10)
        out["after_leave"] = presenters(b)[-1].peer_id
        return out
    finally:
        for office in (a, b, c):
            if office is not None:
                await office.engine.leave()
        await hub.stop()


def _screen_frames(viewer: Any, presenter: Any) -> int:
    fig = viewer.report.peers.get(presenter.engine.peer_id)
    return fig.screen.frames if fig else 0


async def cli() -> dict[str, Any]:
    """``main.py hub``, ``invite`` and two ``main.py call --report``, one presenting."""
    import os
    import subprocess
    import tempfile
    from pathlib import Path

    from tests.conferencing.scenarios import HOST, ROOT

    py, env = sys.executable, {**os.environ, "PYTHONPATH": str(ROOT)}
    tmp = Path(tempfile.mkdtemp(prefix="lintas-present-cli-"))
    secret, port, room = tmp / "hub.secret", "8798", "kb-present-cli"
    hub = subprocess.Popen(
        [py, "main.py", "hub", "--host", HOST, "--port", port, "--secret-file", str(secret),
         "--insecure"], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        text=True,
    )  # fmt: skip
    try:
        await asyncio.to_thread(hub.stdout.readline)  # type: ignore[union-attr]

        def call(office: str, seconds: str, *extra: str) -> subprocess.Popen[str]:
            token = subprocess.run(
                [py, "main.py", "invite", "--secret-file", str(secret), "--room", room,
                 "--office", office], cwd=ROOT, env=env, capture_output=True, text=True,
                check=True,
            ).stdout.strip()  # fmt: skip
            return subprocess.Popen(
                [py, "main.py", "call", "--hub", f"ws://{HOST}:{port}/ws", "--room", room,
                 "--token", token, "--office", office, "--synthetic", "320x240", "--fps", "15",
                 "--seconds", seconds, "--report", *extra], cwd=ROOT, env=env,
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            )  # fmt: skip

        presenter = call(BANDUNG, "9", "--present-synthetic", "1920x1080")
        await asyncio.sleep(1.0)
        viewer = call(PEKANBARU, "6")
        out_viewer, _ = await asyncio.to_thread(viewer.communicate, timeout=90)
        out_presenter, _ = await asyncio.to_thread(presenter.communicate, timeout=90)
        seen = json.loads(out_viewer.strip().splitlines()[-1])
        return {
            "viewer_tracks": [p["tracks"] for p in seen["peers"].values()],
            "presenter_rc": presenter.returncode,
            "presenter_report": bool(out_presenter.strip()),
        }
    finally:
        hub.terminate()
        hub.wait(10)


SCENARIOS = {"slide": slide, "cli": cli}


def main() -> None:
    result = asyncio.run(asyncio.wait_for(SCENARIOS[sys.argv[1]](), 150))
    print(json.dumps(result, default=str), flush=True)


if __name__ == "__main__":
    main()
