"""Fixtures for the vicon UI tests: a private network namespace and a real hub.

aioice ignores 127.0.0.1 when gathering ICE candidates, so two engines on one machine only
connect when another address exists. Networked tests therefore re-run themselves inside a
user+network namespace (``unshare -rn``, no root needed) whose loopback also carries
127.0.0.2; nothing leaves that namespace.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from PySide6.QtCore import QTranslator

    from conferencing.engine import CallEngine
    from conferencing.hub.embedded import EmbeddedHub
    from ui.context import AppContext
    from ui.vicon.call_window import CallWindow

ROOT = Path(__file__).resolve().parents[2]
NETNS_ENV = "LINTAS_VICON_IN_NETNS"
NETNS_ADDR = "127.0.0.2"
SCREENSHOTS = ROOT / "screenshots"


def in_netns() -> bool:
    """True inside the namespace made by :func:`rerun_in_netns`."""
    return os.environ.get(NETNS_ENV) == "1"


AUDIO_ENV = "LINTAS_VICON_AUDIO_DEVICES"

# A private PulseAudio server with a null microphone and a null speaker, so Qt Multimedia sees
# real audio devices (QAudioSource/QAudioSink run for real; the null devices just make and
# swallow samples at the real clock rate). It lives and dies with the namespace's shell.
_PULSE = (
    'export XDG_RUNTIME_DIR="$(mktemp -d)"; mkdir -p "$XDG_RUNTIME_DIR/pulse"; '
    'export PULSE_SERVER="unix:$XDG_RUNTIME_DIR/pulse/native"; '
    "pulseaudio -n --daemonize=no --exit-idle-time=-1 --disable-shm=yes --use-pid-file=no "
    '-L "module-native-protocol-unix socket=$XDG_RUNTIME_DIR/pulse/native auth-anonymous=1" '
    '-L "module-null-sink sink_name=lintas_speaker" '
    '-L "module-null-source source_name=lintas_mic" >"$XDG_RUNTIME_DIR/pa.log" 2>&1 & '
    'PA=$!; i=0; while [ ! -S "$XDG_RUNTIME_DIR/pulse/native" ] && [ $i -lt 50 ]; '
    "do sleep 0.1; i=$((i+1)); done; "
)


def audio_devices_present() -> bool:
    """True inside a re-run that started the private PulseAudio server."""
    return os.environ.get(AUDIO_ENV) == "1"


def rerun_in_netns(
    nodeid: str, timeout: float = 240, *, audio_devices: bool = False, setup: str | None = None
) -> None:
    """Run one test again inside a fresh network namespace and fail if it fails there.

    With ``audio_devices`` a private PulseAudio server (null microphone and speaker) runs in
    the namespace for the test's duration. ``setup`` replaces the namespace's network set-up
    (default: loopback with :data:`NETNS_ADDR`), e.g. the veth pair a Janus server needs.
    """
    if shutil.which("unshare") is None or shutil.which("ip") is None:
        pytest.skip("needs unshare and ip (util-linux, iproute2) for a private network namespace")
    if audio_devices and shutil.which("pulseaudio") is None:
        pytest.skip("needs pulseaudio (Debian package) for null audio devices")
    probe = subprocess.run(["unshare", "-rn", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"unprivileged network namespaces unavailable: {probe.stderr.decode().strip()}")
    # The child runs one namespaced test; hypothesis's plugin is not needed there, and its
    # end-of-run summary imports hypothesis late, which once hit CPython 3.11's "AST constructor
    # recursion depth mismatch" after a passing test and turned the pass into a failure.
    pytest_cmd = (
        f'"{sys.executable}" -m pytest -q -x -p no:cacheprovider -p no:hypothesispytest "{nodeid}"'
    )
    network = setup or f"ip link set lo up && ip addr add {NETNS_ADDR}/8 dev lo"
    script = f"{network} || exit 1; "
    if audio_devices:
        # No exec: the shell stays to stop the PulseAudio server after pytest.
        script += _PULSE + f"{pytest_cmd}; rc=$?; kill $PA; wait $PA; exit $rc"
    else:
        script += f"exec {pytest_cmd}"
    env = {
        **os.environ,
        NETNS_ENV: "1",
        AUDIO_ENV: "1" if audio_devices else "0",
        "QT_QPA_PLATFORM": "offscreen",
    }
    result = subprocess.run(
        ["unshare", "-rn", "sh", "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode != 0:
        pytest.fail(
            f"{nodeid} failed inside the network namespace:\n{result.stdout[-6000:]}\n"
            f"{result.stderr[-3000:]}",
            pytrace=False,
        )


@pytest.fixture
def screenshots() -> Path:
    """The (gitignored) folder screenshots are written to."""
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS


def make_context(folder: Path, region: str, head_title: str) -> AppContext:
    """A real app context for one office: its own data folder, SQLite database and settings."""
    from mou.db import open_database, sqlite_url
    from mou.office import GovernmentLevel, OfficeProfile, Role, create_local_office
    from ui.bridge import EventBridge
    from ui.context import AppContext
    from ui.settings import Settings

    folder.mkdir(parents=True, exist_ok=True)
    database = open_database(sqlite_url(folder / "lintas.sqlite3"), backup_dir=folder / "backups")
    profile = OfficeProfile(
        GovernmentLevel.KOTA, region, "Bagian Kerja Sama", "Kepala Daerah", head_title
    )
    with database.session() as session:
        office = create_local_office(session, profile, [("Staf Kerja Sama", Role.DRAFTER)])
        user = office.users[0]
    return AppContext(
        database=database,
        settings=Settings(folder),
        data_dir=folder,
        office=office,
        current_user=user,
        bridge=EventBridge(),
    )


def install_indonesian(tmp_path: Path) -> QTranslator:
    """Compile ``vicon_id.ts`` and install it; the caller removes the returned translator."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    qm = tmp_path / "vicon_id.qm"
    subprocess.run(
        [
            str(ROOT / ".venv/bin/pyside6-lrelease"),
            "-silent",
            str(ROOT / "resources/translations/vicon_id.ts"),
            "-qm",
            str(qm),
        ],
        check=True,
    )
    translator = QTranslator()
    assert translator.load(str(qm)), "vicon_id.ts did not compile to a loadable .qm"
    QCoreApplication.installTranslator(translator)
    return translator


def open_call_window(office: str, hub: EmbeddedHub, room: str, **controller: Any) -> CallWindow:
    """A shown 1366x768 call window for ``office``, joining ``room`` on ``hub``.

    No devices in tests: the synthetic pattern and tone. ``controller`` goes to the
    :class:`~ui.vicon.controller.CallController` (an identity and trusted offices, say).
    """
    from ui.vicon.call_window import CallWindow
    from ui.vicon.controller import CallController
    from ui.vicon.devices import LocalMedia

    media = LocalMedia(office)
    calls = CallController(
        office, video_source=media.video_source(), audio_source=media.audio_source(), **controller
    )
    window = CallWindow(calls, media, title=room)
    window.resize(1366, 768)
    window.show()
    calls.join(hub.url, room, hub.invite(room, office, 600))
    return window


def engines_in_call(
    hub: EmbeddedHub, room: str, offices: list[str], fps: int, **engine: Any
) -> list[CallEngine]:
    """Headless offices (160x120 pattern at ``fps``, a tone) joined to ``room``, in order.

    ``engine`` maps to per-office keyword arguments of :class:`CallEngine` as callables of
    the office name (e.g. ``identity=identities.__getitem__``).
    """
    from conferencing.engine import CallEngine
    from conferencing.media import SyntheticAudioSource, SyntheticVideoSource

    engines: list[CallEngine] = []
    for office in offices:
        extra = {key: make(office) for key, make in engine.items()}
        joined = CallEngine(
            office,
            video_source=SyntheticVideoSource(office, 160, 120, fps),
            audio_source=SyntheticAudioSource(),
            **extra,
        )
        joined.start()
        engines.append(joined)
        joined.submit(joined.join(hub.url, room, hub.invite(room, office, 600))).result(30)
    return engines
