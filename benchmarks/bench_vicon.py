"""Vicon speed: join to first frame, 720p pair, 3-office 640x480 mesh.

Everything runs inside a private network namespace (``unshare -rn``, loopback plus 127.0.0.2,
because aioice ignores 127.0.0.1), with the real hub and real aiortc peers:

* join to first remote frame: an office joins a room where another office is already sending;
  milliseconds from ``join()`` to the first decoded remote frame, median of several joins;
* two offices at 1280x720, 30 fps, both ways: each office is its own ``main.py call`` process;
  received fps and glass-to-glass latency (send time stamped into the frame, read back from the
  decoded pixels) after a 2 s warm-up, and CPU per office (share of one core during the call);
* the same with three offices at 640x480 in a full mesh, once with aiortc's encoder per peer
  connection and once with one shared VP8 encoder per office (side by side in one run).
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.netns import HOST, ROOT, namespace_available, run_inside
from benchmarks.result import Measurement

AREA = "vicon"
JOIN_TRIALS = 9
CALL_SECONDS = 12
PAIR = ["Pemerintah Kota Bandung", "Pemerintah Kota Pekanbaru"]
MESH = [*PAIR, "Pemerintah Kota Palangkaraya"]
#: (result key, offices, synthetic video size, extra ``main.py call`` options), run in this order.
CALLS: list[tuple[str, list[str], str, tuple[str, ...]]] = [
    ("pair720", PAIR, "1280x720", ()),
    ("mesh480", MESH, "640x480", ()),
    ("mesh480_shared", MESH, "640x480", ("--shared-encoder",)),
]


def run() -> list[Measurement]:
    """Run the measurements in a fresh network namespace and turn them into rows."""
    if not namespace_available():
        return [
            Measurement(AREA, "vicon benchmarks", float("nan"), "", note="unshare not available")
        ]
    data = run_inside("benchmarks.bench_vicon", "vicon")
    return _rows(data)


def _rows(data: dict[str, Any]) -> list[Measurement]:
    rows = [
        Measurement(
            AREA,
            "join to first remote frame (median)",
            data["join_ms_median"],
            "ms",
            150,
            note=f"{len(data['join_ms'])} joins via hub on loopback, 640x480; min {min(data['join_ms']):.0f} "
            f"max {max(data['join_ms']):.0f}; load average before: {data['load']['join']:.1f}",
        ),
    ]
    for label, key in (
        ("2 offices 1280x720@30", "pair720"),
        ("3 offices 640x480@30 mesh", "mesh480"),
        ("3 offices 640x480@30 mesh, shared encoder", "mesh480_shared"),
    ):
        reports = data[key]
        fps = [p["fps_steady"] or 0.0 for r in reports for p in r["peers"].values()]
        lat = [
            p["latency_ms_steady"]
            for r in reports
            for p in r["peers"].values()
            if p["latency_ms_steady"] is not None
        ]
        cpu = [r.get("cpu_core_pct", float("nan")) for r in reports]
        streams = sum(len(r["peers"]) for r in reports)
        rows += [
            Measurement(
                AREA,
                f"{label}: received fps (worst stream)",
                min(fps) if fps else 0.0,
                "fps",
                29,
                lower_is_better=False,
                note=f"{streams} streams; all: {', '.join(f'{f:.1f}' for f in fps)}",
            ),
            Measurement(
                AREA,
                f"{label}: glass-to-glass latency (median)",
                statistics.median(lat) if lat else float("nan"),
                "ms",
                100,
                note="stamped send time read back from decoded pixels; worst stream "
                f"{max(lat):.0f} ms"
                if lat
                else "no stamped frames",
            ),
            Measurement(
                AREA,
                f"{label}: CPU per office",
                statistics.mean(cpu),
                "% of a core",
                note=f"each office its own process; {', '.join(f'{c:.0f}' for c in cpu)}; "
                f"machine has {os.cpu_count()} cores shared by all offices; "
                f"load average before: {data['load'][key]:.1f}",
            ),
        ]
    return rows


# ----------------------------------------------------------------------------- inside the namespace


async def _join_trials() -> list[float]:
    from conferencing.engine import CallEngine
    from conferencing.hub.server import HubServer
    from conferencing.hub.tokens import issue_token
    from conferencing.media import SyntheticVideoSource

    secret = os.urandom(32)
    hub = HubServer(HOST, 0, secret)
    await hub.start()
    host = CallEngine(
        "Pemerintah Kota Bandung",
        video_source=SyntheticVideoSource("Pemerintah Kota Bandung", 640, 480, 30),
    )
    await host.join(hub.url, "bench", issue_token(secret, "bench", host.office))
    times: list[float] = []
    for i in range(JOIN_TRIALS):
        office = f"Pemerintah Kota Pekanbaru {i}"
        guest = CallEngine(office, video_source=SyntheticVideoSource(office, 640, 480, 30))
        first = asyncio.get_running_loop().create_future()

        def on_frame(peer: str, frame: object, fut: asyncio.Future[float] = first) -> None:
            if not fut.done():
                fut.set_result(time.monotonic())

        guest.add_frame_observer(on_frame)
        start = time.monotonic()
        await guest.join(hub.url, "bench", issue_token(secret, "bench", office))
        arrived = await asyncio.wait_for(first, 20)
        times.append((arrived - start) * 1000)
        await guest.leave()
        await asyncio.sleep(0.5)
    await host.leave()
    await hub.stop()
    return times


def _calls(
    offices: list[str], size: str, seconds: int, secret_file: Path, port: int, *extra: str
) -> list[dict[str, Any]]:
    """Each office a ``main.py call`` process; returns their ``--report`` objects."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    room = f"bench-{size}-{len(offices)}{'-shared' if extra else ''}"
    procs = []
    for i, office in enumerate(offices):
        token = subprocess.run(
            [
                sys.executable,
                "main.py",
                "invite",
                "--secret-file",
                str(secret_file),
                "--room",
                room,
                "--office",
                office,
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        # Later offices stay a little shorter so that all are present for the whole window.
        procs.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "main.py",
                    "call",
                    "--hub",
                    f"ws://{HOST}:{port}/ws",
                    "--room",
                    room,
                    "--token",
                    token,
                    "--office",
                    office,
                    "--synthetic",
                    size,
                    "--fps",
                    "30",
                    "--seconds",
                    str(seconds - i),
                    "--report",
                    *extra,
                ],
                cwd=ROOT,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
        time.sleep(1.0)
    reports = []
    for proc in procs:
        out, err = proc.communicate(timeout=seconds + 60)
        if proc.returncode != 0:
            raise RuntimeError(f"call failed: {err[-1000:]}")
        reports.append(json.loads(out.strip().splitlines()[-1]))
    return reports


def _inside() -> None:
    # The 1-minute load average before each part: these machines are shared, and a busy neighbour
    # shows up directly in fps and latency.
    result: dict[str, Any] = {"load": {"join": os.getloadavg()[0]}}
    result["join_ms"] = asyncio.run(_join_trials())
    result["join_ms_median"] = statistics.median(result["join_ms"])
    with tempfile.TemporaryDirectory() as tmp:
        secret_file = Path(tmp) / "hub.secret"
        port = 8791
        hub = subprocess.Popen(
            [
                sys.executable,
                "main.py",
                "hub",
                "--host",
                HOST,
                "--port",
                str(port),
                "--secret-file",
                str(secret_file),
                "--insecure",
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        try:
            hub.stdout.readline()  # type: ignore[union-attr]  # "hub listening on ..."
            for key, offices, size, extra in CALLS:
                result["load"][key] = os.getloadavg()[0]
                result[key] = _calls(offices, size, CALL_SECONDS, secret_file, port, *extra)
        finally:
            hub.terminate()
            hub.wait(5)
    print(json.dumps(result))


if __name__ == "__main__":
    if "--inside" in sys.argv:
        _inside()
    else:
        for row in run():
            print(row.as_dict())
