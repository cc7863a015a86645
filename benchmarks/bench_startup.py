"""Cold start: ``python main.py`` in a fresh process until the main window is shown.

Budget (issue 2): at most 1.0 s with an office already set up. Each run is a new interpreter
(nothing cached in-process), timed from spawning it to the line the app prints after the shown
window's first event-loop turn (``LINTAS_EXIT_WHEN_SHOWN``). Qt runs with the offscreen platform,
as on CI; a desktop compositor adds its own few milliseconds to map the window.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.result import Measurement

ROOT = Path(__file__).resolve().parent.parent
RUNS = 7


def _prepare(data_dir: Path) -> None:
    """A data folder holding Bandung's office, created the way the wizard does it."""
    script = (
        "from pathlib import Path; import sys\n"
        "from mou.db import open_database, sqlite_url\n"
        "from mou.office import GovernmentLevel, OfficeProfile, Role, create_local_office\n"
        "d = Path(sys.argv[1])\n"
        "db = open_database(sqlite_url(d / 'lintas.sqlite3'), backup_dir=d / 'backups')\n"
        "with db.session() as s:\n"
        "    create_local_office(s, OfficeProfile(GovernmentLevel.KOTA, 'Bandung',\n"
        "        'Bagian Kerja Sama', 'Muhammad Farhan', 'Wali Kota Bandung'),\n"
        "        [('Muhammad Farhan', Role.SIGNATORY), ('Rina Kusumawati', Role.DRAFTER)])\n"
        "db.dispose()\n"
    )
    subprocess.run([sys.executable, "-c", script, str(data_dir)], cwd=ROOT, check=True)


def _one_start(env: dict[str, str]) -> tuple[float, float, str]:
    """(wall seconds to "shown", CPU seconds the child used until then, heavy modules loaded)."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "main.py"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    line = ""
    for line in proc.stdout:
        if line.startswith("lintas: main window shown"):
            break
    elapsed = time.perf_counter() - started
    proc.wait(timeout=30)
    if not line.startswith("lintas: main window shown"):
        raise RuntimeError(f"the app did not report its window (exit {proc.returncode})")
    # "lintas: main window shown; cpu 0.712 s; heavy modules loaded: -"
    cpu = float(line.split("cpu ", 1)[1].split(" s;", 1)[0])
    return elapsed, cpu, line.rsplit(":", 1)[1].strip()


def run() -> list[Measurement]:
    """Median of several cold starts, plus the heavy libraries the start-up loaded (want none)."""
    with tempfile.TemporaryDirectory(prefix="lintas-bench-") as tmp:
        data_dir = Path(tmp) / "data"
        data_dir.mkdir()
        _prepare(data_dir)
        env = {
            **os.environ,
            "LINTAS_DATA_DIR": str(data_dir),
            "QT_QPA_PLATFORM": "offscreen",
            "LINTAS_EXIT_WHEN_SHOWN": "1",
        }
        env.pop("LINTAS_DATABASE_URL", None)
        _one_start(env)  # warm the OS file cache once, as any second launch of the day would
        times: list[float] = []
        cpus: list[float] = []
        heavy = "-"
        load = os.getloadavg()[0]
        for _ in range(RUNS):
            elapsed, cpu, heavy = _one_start(env)
            times.append(elapsed)
            cpus.append(cpu)
    median = statistics.median(times)
    return [
        Measurement(
            "shell",
            "cold start to main window shown (median)",
            round(median, 3),
            "s",
            target=1.0,
            note=f"{RUNS} fresh processes, min {min(times):.3f} s, max {max(times):.3f} s, "
            f"offscreen Qt, SQLite with an office; load average {load:.1f} on "
            f"{os.cpu_count()} cores during the run",
        ),
        Measurement(
            "shell",
            "cold start CPU time until the window is shown (median; less sensitive to load)",
            round(statistics.median(cpus), 3),
            "s",
            target=1.0,
            note="time.process_time() of the app when it reports the shown window",
        ),
        Measurement(
            "shell",
            "heavy libraries loaded at start (aiortc, av, reportlab, pyHanko, pypdfium2, QtMultimedia)",
            0.0 if heavy == "-" else float(len(heavy.split(","))),
            "modules",
            target=0.0,
            note=f"loaded: {heavy}",
        ),
    ]


if __name__ == "__main__":
    for row in run():
        print(row.as_dict())
