"""Run a benchmark's measuring part inside a private network namespace and read its result.

``unshare -rn`` gives loopback only; 127.0.0.2 is added because aioice ignores 127.0.0.1, so
the hub and the engines listen there. The module is run with ``--inside`` and must print its
result as one JSON line last.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.2"


def namespace_available() -> bool:
    """True where ``unshare`` exists (the benchmarks then report "unshare not available")."""
    return shutil.which("unshare") is not None


def run_inside(module: str, what: str, *, timeout: float = 600) -> dict[str, Any]:
    """Run ``python -m <module> --inside`` in a fresh namespace; its last stdout line as JSON.

    Raises ``RuntimeError`` naming ``what`` with the end of stderr when the run fails.
    """
    command = (
        f"ip link set lo up && ip addr add {HOST}/8 dev lo && "
        f"exec {sys.executable} -m {module} --inside"
    )
    proc = subprocess.run(
        ["unshare", "-rn", "sh", "-c", command],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"{what} benchmark failed: {proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])
