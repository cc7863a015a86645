"""Run a call scenario inside a private network namespace made by the test itself.

``unshare -rn`` (no root needed) gives the scenario its own loopback; 127.0.0.2 is added
because aioice ignores 127.0.0.1 when gathering candidates. Nothing leaves the namespace.
"""

from __future__ import annotations

import functools
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SETUP = "ip link set lo up && ip addr add 127.0.0.2/8 dev lo"


@functools.cache
def netns_unavailable() -> str | None:
    """Why network-namespace tests cannot run here, or ``None`` when they can."""
    if shutil.which("unshare") is None:
        return "unshare (util-linux) is not installed"
    if shutil.which("ip") is None:
        return "ip (iproute2) is not installed"
    probe = subprocess.run(["unshare", "-rn", "sh", "-c", SETUP], capture_output=True, text=True)
    if probe.returncode != 0:
        return f"cannot create a network namespace with unshare -rn: {probe.stderr.strip()[:200]}"
    return None


def run_scenario(
    name: str,
    timeout: float = 170,
    *,
    module: str = "tests.conferencing.scenarios",
    setup: str = SETUP,
) -> dict[str, Any]:
    """Run ``python -m MODULE NAME`` in a fresh namespace and return its JSON.

    ``setup`` is the shell that prepares the namespace's interfaces (default: loopback with
    127.0.0.2; browser tests add a veth pair).
    """
    reason = netns_unavailable()
    if reason:
        pytest.skip(reason)
    command = f"{setup} && exec {sys.executable} -m {module} {name}"
    proc = subprocess.run(
        ["unshare", "-rn", "sh", "-c", command],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0 or not lines:
        raise AssertionError(
            f"scenario {name} failed (rc={proc.returncode}):\n{proc.stderr[-4000:]}"
        )
    return json.loads(lines[-1])
