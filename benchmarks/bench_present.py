"""Presenting 1920x1080 at 5 fps: encoder CPU and the first frame at the viewer.

Budgets (issue 12): at most 35 % of one core to encode, the first frame in at most 500 ms.

* **Encode CPU**: the presentation's own encoder (:class:`conferencing.presenting.
  ScreenVp8Encoder`, the one each peer connection's screen sender uses) on the detailed
  synthetic slide (:func:`conferencing.presenting.synthetic_slide`), 20 s of frames at 5 fps,
  encoded and packetised as fast as they go; process CPU time over the 20 s they stand for.
  Measured for a still slide and for a document whose page turns every 2 s (a keyframe-sized
  change each time).
* **First frame**: two engines through the real hub inside a private network namespace
  (``unshare -rn``), camera running; time from ``start_presenting()`` to the first decoded
  presentation frame at the other office (the hub's grant, the switch of the screen track, the
  capped keyframe, decoding). Five starts, each after a stop.
"""

from __future__ import annotations

import asyncio
import fractions
import json
import statistics
import sys
import time
from typing import Any

from benchmarks.netns import HOST, namespace_available, run_inside
from benchmarks.result import Measurement

AREA = "presenting"
SECONDS = 20
WIDTH, HEIGHT = 1920, 1080


def _encode_share(page_every_s: float | None) -> tuple[float, int]:
    """% of a core to encode SECONDS of 1080p at 5 fps, and the largest frame in bytes."""
    import numpy as np

    from conferencing.media import VIDEO_CLOCK
    from conferencing.presenting import SCREEN_FPS, ScreenVp8Encoder, SlideSource, synthetic_slide

    # Pages that differ all over (the table shifted), not just in the title.
    base = synthetic_slide(WIDTH, HEIGHT)
    pages = [np.roll(base, shift, axis=(0, 1)) for shift in (0, 173, 347)]
    source = SlideSource(pages[0])
    encoder = ScreenVp8Encoder()
    largest = 0
    frames = SECONDS * SCREEN_FPS
    start = time.process_time()
    for index in range(frames):
        if page_every_s and index and index % int(page_every_s * SCREEN_FPS) == 0:
            source.show(pages[(index // int(page_every_s * SCREEN_FPS)) % len(pages)])
        frame = source._frame()
        assert frame is not None
        frame.pts = index * VIDEO_CLOCK // SCREEN_FPS
        frame.time_base = fractions.Fraction(1, VIDEO_CLOCK)
        payloads, _ = encoder.encode(frame)
        largest = max(largest, int(np.sum([len(p) for p in payloads])))
    share = (time.process_time() - start) / SECONDS * 100
    return share, largest


async def _first_frames() -> dict[str, Any]:
    from conferencing.hub.server import HubServer
    from conferencing.presenting import SlideSource, synthetic_slide
    from tests.conferencing.scenarios import SECRET, Office, frames_from, wait_for

    hub = HubServer(HOST, 0, SECRET)
    await hub.start()
    a, b = Office("Pemerintah Kota Bandung"), Office("Pemerintah Kota Pekanbaru")
    arrivals: list[float] = []
    b.engine.add_screen_observer(lambda _peer, _frame: arrivals.append(time.monotonic()))
    times = []
    try:
        await a.join(hub.url)
        await b.join(hub.url)
        await wait_for(lambda: frames_from(a, b) > 10 and frames_from(b, a) > 10, 30)
        slide = synthetic_slide(WIDTH, HEIGHT)
        for _ in range(5):
            await asyncio.sleep(1.0)
            arrivals.clear()
            started = time.monotonic()
            await a.engine.start_presenting(SlideSource(slide))
            if await wait_for(lambda: bool(arrivals), 10):
                times.append((arrivals[0] - started) * 1000)
            await a.engine.stop_presenting()
            await wait_for(lambda: not b.engine.presenter.active, 5)
    finally:
        for office in (a, b):
            await office.engine.leave()
        await hub.stop()
    return {"first_frame_ms": times}


def run() -> list[Measurement]:
    """The rows for docs/PERFORMANCE.md."""
    still, still_max = _encode_share(None)
    turning, _ = _encode_share(2.0)
    rows = [
        Measurement(AREA, "encode 1920x1080 at 5 fps, still slide: CPU", still, "% of a core",
                    35.0, note=f"{SECONDS} s of frames; largest frame {still_max // 1024} KiB"),
        Measurement(AREA, "encode 1920x1080 at 5 fps, page turns every 2 s: CPU", turning,
                    "% of a core", 35.0, note=f"{SECONDS} s of frames"),
    ]  # fmt: skip
    if not namespace_available():
        rows.append(Measurement(AREA, "first frame", float("nan"), "", note="no unshare"))
        return rows
    inside = run_inside("benchmarks.bench_present", "presenting first frame")
    times = inside["first_frame_ms"]
    rows.append(
        Measurement(AREA, "start presenting to the first frame at the viewer (median)",
                    statistics.median(times), "ms", 500.0,
                    note=f"{len(times)} starts, max {max(times):.0f} ms; two offices, real hub"),
    )  # fmt: skip
    return rows


if __name__ == "__main__":
    if "--inside" in sys.argv:
        print(json.dumps(asyncio.run(_first_frames())), flush=True)
    else:
        for row in run():
            print(row)
