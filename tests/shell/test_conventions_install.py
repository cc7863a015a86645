"""`make run` names every Debian package the xcb platform plugin needs, read from the plugin."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ui import paths, system_packages

# The C runtime and what every Debian system has; Qt's own libraries ship in the wheel.
BASE = re.compile(r"^lib(c|m|dl|pthread|rt|gcc_s|stdc\+\+|z|Qt6.*|icu.*)\.so")


def _xcb_plugin() -> Path:
    import PySide6

    return Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"


def _linked_libraries(*files: Path) -> set[str]:
    """Sonames the dynamic loader resolves for ``files`` ("libxcb-icccm.so.4", ...)."""
    out = subprocess.run(["ldd", *map(str, files)], capture_output=True, text=True).stdout
    return {line.split()[0] for line in out.splitlines() if "=>" in line}


@pytest.mark.skipif(shutil.which("ldd") is None, reason="ldd reads the plugin's libraries")
def test_every_xcb_library_is_checked_and_installed_by_ci() -> None:
    plugin = _xcb_plugin()
    qpa = plugin.parents[2] / "lib" / "libQt6XcbQpa.so.6"
    # Only the plugin's own X libraries: what a desktop without X11 development packages lacks.
    direct = {
        name for name in _linked_libraries(plugin, qpa)
        if name.startswith(("libxcb", "libX11", "libxkbcommon")) and not BASE.match(name)
    }  # fmt: skip
    assert "libxcb-cursor.so.0" in direct and "libxcb-icccm.so.4" in direct
    checked = {f"lib{name}.so" for name in system_packages.REQUIRED}
    unchecked = sorted(n for n in direct if n.split(".so")[0] + ".so" not in checked)
    assert not unchecked, f"system_packages.REQUIRED lacks {unchecked}"
    ci_run = (paths.ROOT / ".ci" / "run").read_text()
    for library in direct:
        package = system_packages.REQUIRED[library.split(".so")[0].removeprefix("lib")]
        assert re.search(rf"(?<![\w.+-]){re.escape(package)}(?![\w.+-])", ci_run), package
    assert system_packages.REQUIRED["xcb-cursor"] == "libxcb-cursor0"


def test_make_run_names_a_missing_package_and_the_install_command(tmp_path: Path) -> None:
    # A library that no system has stands in for an uninstalled one: main() must name its package
    # and the apt-get line, and fail so that `make run` stops before Qt aborts.
    code = (
        "import sys; from ui import system_packages as s; "
        "s.REQUIRED['lintas-no-such-lib'] = 'libxcb-cursor0-test'; sys.exit(s.main())"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=paths.ROOT, capture_output=True, text=True
    )
    assert proc.returncode == 1
    assert "libxcb-cursor0-test" in proc.stderr
    assert "sudo apt-get install libxcb-cursor0-test" in proc.stderr
