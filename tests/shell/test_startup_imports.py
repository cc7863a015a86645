"""The real ``python main.py`` start reaches the main window without loading heavy libraries.

aiortc, av, reportlab, pyHanko, pypdfium2 and QtMultimedia each cost 100+ ms; pages import them
when first shown. (How fast the start is belongs to benchmarks/bench_startup.py, not here.)
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from mou.db import Database
from ui import paths


def test_main_py_shows_the_window_without_heavy_imports(
    office_database: Database, app_data_dir: Path
) -> None:
    office_database.dispose()
    env = {
        **os.environ,
        "LINTAS_DATA_DIR": str(app_data_dir),
        "QT_QPA_PLATFORM": "offscreen",
        "LINTAS_EXIT_WHEN_SHOWN": "1",
    }
    env.pop("LINTAS_DATABASE_URL", None)
    proc = subprocess.run(
        [sys.executable, "main.py"],
        cwd=paths.ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "lintas: main window shown;" in proc.stdout, proc.stdout
    assert "heavy modules loaded: -" in proc.stdout, proc.stdout
