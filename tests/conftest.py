"""Suite-wide test set-up: offscreen Qt and an isolated app data folder per test."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

# Must be set before any QGuiApplication exists; pytest-qt creates it lazily.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture
def app_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty, private app data folder, so no test sees another's office or database."""
    folder = tmp_path / "appdata"
    folder.mkdir()
    monkeypatch.setenv("LINTAS_DATA_DIR", str(folder))
    return folder
