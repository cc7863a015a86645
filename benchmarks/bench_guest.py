"""Browser guest: how soon the first picture arrives after the guest joins (issue 12).

Debian's headless Chromium opens the guest page from the app's embedded hub (TLS, the hub's own
certificate) with fake camera and microphone and joins a headless Lintas office already in the
room; the guest offers (it is the newcomer). Inside a private network namespace with a veth pair,
since Chromium ignores loopback candidates: this is "loopback" in the issue's sense, one machine.

* *guest sees Lintas*: from pressing Join (camera and microphone opened, install key, signed join
  included) and from the hub's ``welcome`` at the page, to the first remote frame the page's
  ``<video>`` presented (``requestVideoFrameCallback``);
* *Lintas sees the guest*: from ``ParticipantJoined`` at the office to the first decoded frame.

Each trial reloads the page (new peer id, same install key: the hub replaces the old entry).
"""

from __future__ import annotations

import asyncio
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.netns import ROOT, namespace_available
from benchmarks.result import Measurement

AREA = "guest"
FIRST_FRAME_BUDGET_MS = 500.0
TRIALS = 7
ROOM = "kb-bench-guest"


async def _trials(n: int = TRIALS) -> dict[str, list[float]]:
    from conferencing.engine import CallEngine
    from conferencing.events import ParticipantJoined
    from conferencing.hub.embedded import EmbeddedHub, office_certificate
    from conferencing.media import SyntheticAudioSource, SyntheticVideoSource
    from tests.conferencing.browser import HUB_HOST, Browser

    cert_dir = Path(tempfile.mkdtemp(prefix="lintas-bench-guest-"))
    cert_pem, _ = office_certificate(cert_dir)
    hub = EmbeddedHub(cert_dir=cert_dir)
    url = hub.start(HUB_HOST, 0)
    office = "Pemerintah Kota Bandung"
    engine = CallEngine(
        office,
        video_source=SyntheticVideoSource(office, 640, 480, 30),
        audio_source=SyntheticAudioSource(),
    )
    joined_at: dict[str, float] = {}
    first_at: dict[str, float] = {}

    def on_event(event: object) -> None:
        if isinstance(event, ParticipantJoined):
            joined_at.setdefault(event.peer_id, time.monotonic())

    def on_frame(peer: str, _frame: object) -> None:
        first_at.setdefault(peer, time.monotonic())

    engine.add_listener(on_event)
    engine.add_frame_observer(on_frame)
    engine.start()
    browser = Browser(
        hub.guest_link(hub.invite(ROOM, "Pemerintah Kota Pekanbaru", 600)), cert_pem=cert_pem
    )
    pressed_ms: list[float] = []
    page_ms: list[float] = []
    lintas_ms: list[float] = []
    try:
        await asyncio.wrap_future(
            engine.submit(engine.join(url, ROOM, hub.invite(ROOM, office, 600)))
        )
        await browser.start()
        for trial in range(n):
            if trial:
                await browser.evaluate("location.reload(), true")
                await asyncio.sleep(0.5)
            await browser.wait_for("window.lintasGuestApi !== undefined")
            peer = await browser.evaluate("window.lintasGuest.peerId")
            await browser.evaluate("window.lintasGuestApi.join(), true")
            times = await browser.wait_for(
                "(g => g.firstFrameAt && [g.firstFrameAt - g.pressedAt, g.firstFrameAt - g.joinedAt])"
                "(window.lintasGuest)",
                30,
            )
            pressed_ms.append(float(times[0]))
            page_ms.append(float(times[1]))
            deadline = time.monotonic() + 30
            while peer not in first_at and time.monotonic() < deadline:
                await asyncio.sleep(0.02)
            if peer in first_at and peer in joined_at:
                lintas_ms.append((first_at[peer] - joined_at[peer]) * 1000)
    finally:
        await browser.close()
        engine.stop()
        hub.stop()
        shutil.rmtree(cert_dir, ignore_errors=True)
    return {"pressed_ms": pressed_ms, "page_ms": page_ms, "lintas_ms": lintas_ms}


def _run_inside() -> dict[str, list[float]]:
    from tests.conferencing.browser import VETH_SETUP

    proc = subprocess.run(
        ["unshare", "-rn", "sh", "-c",
         f"{VETH_SETUP} && exec {sys.executable} -m benchmarks.bench_guest --inside"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    if proc.returncode != 0:
        raise RuntimeError(f"browser guest benchmark failed: {proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def run() -> list[Measurement]:
    """The rows for docs/PERFORMANCE.md."""
    if not namespace_available() or shutil.which("chromium") is None:
        return [Measurement(AREA, "browser guest first frame", float("nan"), "ms",
                            FIRST_FRAME_BUDGET_MS, note="needs unshare and chromium")]  # fmt: skip
    data = _run_inside()
    rows = []
    for key, name in (
        ("pressed_ms", "browser guest: Join pressed → first frame from Lintas shown"),
        ("page_ms", "browser guest: hub welcome → first frame from Lintas shown"),
        ("lintas_ms", "Lintas: first frame from a browser guest (joined → frame decoded)"),
    ):
        values = data[key]
        rows.append(
            Measurement(
                AREA,
                name,
                round(statistics.median(values), 1) if values else float("nan"),
                "ms",
                FIRST_FRAME_BUDGET_MS,
                note=f"median of {len(values)}, max {max(values):.0f} ms; headless Chromium, "
                "veth in a namespace, 640x480"
                if values
                else "no frame",
            )
        )
    return rows


if __name__ == "__main__":
    if "--inside" in sys.argv:
        print(json.dumps(asyncio.run(_trials())))
    else:
        for row in run():
            print(row.as_dict())
