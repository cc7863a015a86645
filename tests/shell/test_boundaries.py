"""Layer boundaries: the cores never import Qt, and ``mou``/``conferencing`` stay independent."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from ui import paths

ROOT = paths.ROOT
CORES = ("mou", "conferencing")
FORBIDDEN_EVERYWHERE = ("PySide6", "PyQt5", "PyQt6", "PySide2", "shiboken6", "ui")


def _imports(path: Path) -> list[tuple[int, str]]:
    """Top-level module names imported anywhere in ``path`` (also inside functions)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name.split(".")[0]) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module.split(".")[0]))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute | ast.Name)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append((node.lineno, node.args[0].value.split(".")[0]))
    return found


def _violations(core: str) -> list[str]:
    other = next(c for c in CORES if c != core)
    bad = []
    for path in sorted((ROOT / core).rglob("*.py")):
        for line, module in _imports(path):
            if module in FORBIDDEN_EVERYWHERE or module == other:
                bad.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    return bad


@pytest.mark.parametrize("core", CORES)
def test_core_sources_do_not_import_qt_ui_or_the_other_core(core: str) -> None:
    assert (ROOT / core / "__init__.py").exists()
    bad = _violations(core)
    assert not bad, "\n".join(bad)


def test_the_ast_check_catches_a_violation(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import os\nfrom PySide6.QtCore import QObject\n"
        "def f():\n    import conferencing.engine\n"
        "    importlib.import_module('ui.app')\n",
        encoding="utf-8",
    )
    assert [m for _, m in _imports(sample)] == ["os", "PySide6", "conferencing", "ui"]


_PROBE = """
import importlib, json, pkgutil, sys
core = sys.argv[1]
package = importlib.import_module(core)
failed = {}
for info in pkgutil.walk_packages(package.__path__, core + "."):
    if ".migrations" in info.name:
        continue  # Alembic's env and revision scripts only run inside Alembic
    try:
        importlib.import_module(info.name)
    except Exception as error:  # reported, not hidden: a module that fails to import is a bug
        failed[info.name] = repr(error)
loaded = sorted({name.split(".")[0] for name in sys.modules})
print(json.dumps({"loaded": loaded, "failed": failed}))
"""


@pytest.mark.parametrize("core", CORES)
def test_importing_every_core_module_loads_no_qt(core: str) -> None:
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE, core],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    other = next(c for c in CORES if c != core)
    leaked = [m for m in report["loaded"] if m in FORBIDDEN_EVERYWHERE or m == other]
    assert not leaked, f"importing {core} loaded {leaked}"
    assert not report["failed"], f"modules of {core} failed to import: {report['failed']}"
