"""Calls over bad links: a 1 Mbit rate limit at 720p, and 15 % random loss at 480p.

Each runs two real offices through the real hub in a private network namespace
(``tests/conferencing/adapt_scenarios.py``: ``tc ... tbf rate 1mbit burst 32kbit latency
400ms`` on the namespace's loopback, or nftables dropping 15 % of UDP packets), for 30 s after
the impairment starts. Figures are the worse of the two directions, measured by the receiver
from the pixel-stamped synthetic video, leaving out the first 5 s while congestion control
settles. Budgets (issue 10): no video freeze over 1 s after the first 5 s; at 720p under
1 Mbit at least 20 fps and a median latency of at most 300 ms; at 480p with 15 % loss at least
25 fps.
"""

from __future__ import annotations

import sys

from benchmarks.netns import namespace_available, run_inside
from benchmarks.result import Measurement

AREA = "links"


def _inside(name: str) -> None:
    import asyncio
    import json
    import tempfile
    from pathlib import Path

    from tests.conferencing.adapt_scenarios import SCENARIOS

    with tempfile.TemporaryDirectory(prefix="lintas-bench-links-") as tmp:
        result = asyncio.run(SCENARIOS[name](Path(tmp)))
    print(json.dumps(result, default=str))


def _worst(result: dict[str, object]) -> dict[str, float]:
    directions = result["directions"]
    assert isinstance(directions, list)
    return {
        "freezes": max(d.get("video_freezes_settled", 99) for d in directions),
        "longest_ms": max(d.get("longest_video_freeze_ms_settled", 0.0) for d in directions),
        "fps": min(d.get("fps_steady") or 0.0 for d in directions),
        "latency_ms": max(d.get("latency_ms_steady") or 1e9 for d in directions),
        "res_min": " / ".join(str(d.get("resolution_min")) for d in directions),
    }


def run() -> list[Measurement]:
    """The rows for docs/PERFORMANCE.md."""
    if not namespace_available():
        return [Measurement(AREA, "bad links", 0, "-", None, note="unshare not available")]
    rows = []
    tbf = _worst(run_inside("benchmarks.bench_links bench_tbf", "720p under tbf 1 Mbit"))
    name = "2 offices at 720p under tbf 1 Mbit"
    note = f"after the first 5 s; smallest picture received {tbf['res_min']}"
    rows += [
        Measurement(AREA, f"{name}: video freezes over 1 s", tbf["freezes"], "count", 0,
                    note=f"{note}; longest {tbf['longest_ms']:.0f} ms"),
        Measurement(AREA, f"{name}: fps received", tbf["fps"], "fps", 20, lower_is_better=False,
                    note=note),
        Measurement(AREA, f"{name}: median latency", tbf["latency_ms"], "ms", 300, note=note),
    ]  # fmt: skip
    lossy = _worst(run_inside("benchmarks.bench_links bench_loss", "15% loss at 480p"))
    name = "15% loss at 480p"
    note = f"after the first 5 s; smallest picture received {lossy['res_min']}"
    rows += [
        Measurement(AREA, f"{name}: video freezes over 1 s", lossy["freezes"], "count", 0,
                    note=f"{note}; longest {lossy['longest_ms']:.0f} ms"),
        Measurement(AREA, f"{name}: fps received", lossy["fps"], "fps", 25,
                    lower_is_better=False, note=note),
        Measurement(AREA, f"{name}: median latency", lossy["latency_ms"], "ms", None, note=note),
    ]  # fmt: skip
    return rows


if __name__ == "__main__":
    if "--inside" in sys.argv:
        _inside(next(a for a in sys.argv[1:] if a != "--inside"))
    else:
        for row in run():
            print(row.as_dict())
