"""Hub: how fast a crashed office is back, and what a v2 join costs.

* *Crash → back*: ``main.py call`` is killed with SIGKILL mid-call and started again with the
  same data folder (same install key); the time until the hub lists its new peer id (process
  start included). Budget from issue 10: under 3 s. Run in a private network namespace with the
  same scenario as ``tests/conferencing/test_rejoin.py``.
* *Join*: hello → challenge → signed join → welcome against an in-process hub on loopback.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import time

from benchmarks.netns import namespace_available, run_inside
from benchmarks.result import Measurement

AREA = "hub"
REJOIN_BUDGET_S = 3.0


async def _join_trials(n: int = 30) -> list[float]:
    from conferencing.hub.server import HubServer
    from conferencing.hub.tokens import issue_token
    from tests.conferencing.hubclient import RawClient

    secret = b"bench-hub-secret-0123456789abcdef"
    hub = HubServer("127.0.0.1", 0, secret)
    await hub.start()
    times = []
    try:
        for i in range(n):
            client = await RawClient.connect(hub.url)
            token = issue_token(secret, "r1", f"Kota {i}", 60)
            started = time.perf_counter()
            reply = await client.join("r1", token, f"peer-{i:04d}")
            times.append((time.perf_counter() - started) * 1000)
            assert reply is not None and reply["type"] == "welcome"
            await client.send({"type": "leave"})
            await client.close()
    finally:
        await hub.stop()
    return times


def _inside() -> dict[str, object]:
    from tests.conferencing.rejoin_scenario import crash

    return asyncio.run(crash())


def run() -> list[Measurement]:
    """The rows for docs/PERFORMANCE.md."""
    join_ms = asyncio.run(_join_trials())
    rows = [
        Measurement(AREA, "v2 join (hello, challenge, signed join)", statistics.median(join_ms),
                    "ms", None, note=f"median of {len(join_ms)} on loopback"),
    ]  # fmt: skip
    if not namespace_available():
        rows.append(Measurement(AREA, "crash → back", float("nan"), "s", note="no unshare"))
        return rows
    data = run_inside("benchmarks.bench_hub", "hub rejoin", timeout=300)
    rows.append(
        Measurement(
            AREA,
            "crash (SIGKILL) → back in the room, process start included",
            float(data["back_s"]),  # type: ignore[arg-type]
            "s",
            REJOIN_BUDGET_S,
            note="ghost replaced" if data.get("ghost_replaced") else "ghost NOT replaced",
        )
    )
    return rows


if __name__ == "__main__":
    if "--inside" in sys.argv:
        print(json.dumps(_inside()))
    else:
        for row in run():
            print(row.as_dict())
