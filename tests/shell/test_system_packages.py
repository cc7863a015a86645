"""`make run` names the Debian packages Qt needs when their libraries are missing."""

from __future__ import annotations

import re
import subprocess
import sys

from ui import paths, system_packages


def test_every_required_package_is_installed_by_ci() -> None:
    ci_run = (paths.ROOT / ".ci" / "run").read_text()
    listed = set(re.findall(r"[a-z0-9][a-z0-9.+-]+", ci_run))
    assert set(system_packages.REQUIRED.values()) <= listed


def test_a_missing_library_is_named_by_its_package() -> None:
    required = {"lintas-no-such-library": "lintas-missing-pkg", "c": "libc6"}
    assert system_packages.missing_packages(required=required) == ["lintas-missing-pkg"]


def test_this_machine_has_what_qt_needs() -> None:
    # .ci/run installs the list; a missing one here means the list and the check disagree.
    assert system_packages.missing_packages() == []
    proc = subprocess.run(
        [sys.executable, "-m", "ui.system_packages"], cwd=paths.ROOT, capture_output=True
    )
    assert proc.returncode == 0, proc.stderr


def test_make_run_checks_before_starting() -> None:
    makefile = (paths.ROOT / "Makefile").read_text()
    run_recipe = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert "ui.system_packages" in run_recipe
    assert run_recipe.index("ui.system_packages") < run_recipe.index("main.py")
