"""Fixtures for the domain-message translation tests: Indonesian from freshly compiled .ts files."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from ui import i18n, paths


@pytest.fixture(scope="session")
def compiled_qm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every committed ``resources/translations/*.ts`` compiled with lrelease into a temp folder."""
    out = tmp_path_factory.mktemp("qm")
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    for ts in sorted(paths.TRANSLATIONS.glob("*.ts")):
        subprocess.run(
            [str(lrelease), "-silent", str(ts), "-qm", str(out / ts.with_suffix(".qm").name)],
            check=True,
        )
    return out


@pytest.fixture
def indonesian(qapp: object, compiled_qm: Path) -> Iterator[None]:
    """The app speaks Indonesian for one test (English again afterwards)."""
    i18n.install_language(i18n.INDONESIAN, compiled_qm)
    yield
    i18n.install_language(i18n.ENGLISH, compiled_qm)
    QCoreApplication.processEvents()


@pytest.fixture
def context(tmp_path: Path, qapp: object) -> Iterator[object]:
    """Bandung's app context on a fresh SQLite file (as in the agreements UI tests)."""
    from tests.agreements_ui.conftest import make_context

    ctx = make_context(tmp_path / "bandung")
    yield ctx
    ctx.database.dispose()
