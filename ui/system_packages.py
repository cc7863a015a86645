"""Which Debian packages Qt needs on this machine, checked before the app starts.

``make run`` calls ``python -m ui.system_packages`` first. Without it, a missing library shows up as
Qt's own "could not load the Qt platform plugin xcb" abort, which names neither the library nor
the package that provides it. This module imports no Qt, so it runs even when Qt cannot load.
"""

from __future__ import annotations

import ctypes.util
import os
import sys

#: Shared library (as ``ctypes.util.find_library`` names it) -> the Debian package providing it.
#: The xcb platform plugin loads the first group; QtMultimedia needs PulseAudio's client library.
REQUIRED: dict[str, str] = {
    "xcb-cursor": "libxcb-cursor0",
    "xkbcommon": "libxkbcommon0",
    "xkbcommon-x11": "libxkbcommon-x11-0",
    "EGL": "libegl1",
    "GL": "libgl1",
    "fontconfig": "libfontconfig1",
    "dbus-1": "libdbus-1-3",
    "glib-2.0": "libglib2.0-0",
    "pulse": "libpulse0",
    # The rest of what the xcb platform plugin links (Debian's minimal installs lack some, e.g.
    # icccm and keysyms; tests/shell/test_conventions_install.py reads the plugin's own list).
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-image": "libxcb-image0",
    "xcb-render-util": "libxcb-render-util0",
    "xcb-randr": "libxcb-randr0",
    "xcb-shape": "libxcb-shape0",
    "xcb-shm": "libxcb-shm0",
    "xcb-sync": "libxcb-sync1",
    "xcb-util": "libxcb-util1",
    "xcb-xfixes": "libxcb-xfixes0",
    "xcb-xkb": "libxcb-xkb1",
    "xcb-render": "libxcb-render0",
    "xcb": "libxcb1",
    "X11-xcb": "libx11-xcb1",
    "X11": "libx11-6",
}

#: Needed only on a real screen (the xcb platform), not for offscreen tests.
SCREEN_ONLY = {
    "xcb-cursor",
    "xkbcommon-x11",
    "xcb-icccm",
    "xcb-keysyms",
    "xcb-image",
    "xcb-render-util",
    "xcb-randr",
    "xcb-shape",
    "xcb-shm",
    "xcb-sync",
    "xcb-util",
    "xcb-xfixes",
    "xcb-xkb",
    "xcb-render",
    "xcb",
    "X11-xcb",
    "X11",
}


def missing_packages(
    *, screen: bool = True, required: dict[str, str] | None = None
) -> list[str]:
    """Debian packages whose libraries the loader cannot find, in a stable order."""
    missing = []
    for library, package in (REQUIRED if required is None else required).items():
        if not screen and library in SCREEN_ONLY:
            continue
        if ctypes.util.find_library(library) is None:
            missing.append(package)
    return missing


def main() -> int:
    """Print the missing packages and the command that installs them; exit 1 when any are."""
    screen = os.environ.get("QT_QPA_PLATFORM", "") not in {"offscreen", "minimal"}
    missing = missing_packages(screen=screen)
    if not missing:
        return 0
    print(
        "Lintas needs these system packages, which are not installed:\n  "
        + " ".join(missing)
        + "\nInstall them with:\n  sudo apt-get install " + " ".join(missing),
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
