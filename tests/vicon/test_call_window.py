"""The call window with two real engines through the real hub (inside a network namespace).

Each test re-runs itself under ``unshare -rn`` (see conftest): aioice ignores 127.0.0.1, so the
namespace's loopback gets 127.0.0.2 and the hub and both engines use that.
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtMultimedia import QVideoFrame
from pytestqt.qtbot import QtBot

from conferencing import stamp
from conferencing.hub.embedded import EmbeddedHub
from tests.vicon.conftest import NETNS_ADDR, in_netns, install_indonesian, rerun_in_netns
from ui.vicon.audio import AudioMixer
from ui.vicon.call_window import CallWindow
from ui.vicon.controller import CallController
from ui.vicon.devices import CameraFeed, LocalMedia
from ui.vicon.frames import rgb_from_image

BANDUNG = "Pemerintah Kota Bandung"
PEKANBARU = "Pemerintah Kota Pekanbaru"
ROOM = "kb-bandung-pekanbaru"


def _open(office: str, hub: EmbeddedHub) -> CallWindow:
    media = LocalMedia(office)  # no devices in tests: synthetic pattern and tone
    controller = CallController(
        office, video_source=media.video_source(), audio_source=media.audio_source()
    )
    window = CallWindow(controller, media, title=ROOM)
    window.resize(1100, 640)
    window.show()
    controller.join(hub.url, ROOM, hub.invite(ROOM, office, 600))
    return window


def _remote_tile_ok(window: CallWindow, office: str) -> bool:
    """A tile for ``office`` shows a decoded frame stamped by that office (not blank)."""
    tiles = [t for pid, t in window.tiles.items() if pid and t.office == office]
    if not tiles or tiles[0].image is None or tiles[0].frames_shown < 5:
        return False
    rgb = rgb_from_image(tiles[0].image)
    read = stamp.read_rgb(rgb)
    return read is not None and read.tag == stamp.office_tag(office) and float(rgb.std()) > 30


def _remote_tile(window: CallWindow):
    return next(t for pid, t in window.tiles.items() if pid)


def _solid_image(width: int, height: int, colour: str) -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    return image


def _rms(pcm: bytes) -> float:
    samples = np.frombuffer(pcm, np.int16).astype(np.float64)
    return float(np.sqrt(np.mean(samples**2))) if samples.size else 0.0


def _confirm_leave() -> None:
    """Answer "Leave" in the question the Leave button asks, once it is open."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, answer)
            return
        next(b for b in box.buttons() if b.text() == "Leave").click()

    QTimer.singleShot(50, answer)


def _close(*windows: CallWindow) -> None:
    for window in windows:
        window.close()


@pytest.mark.netns
def test_two_offices_see_each_other_chat_mute_camera_and_leave(
    qtbot: QtBot, request: pytest.FixtureRequest, screenshots: Path
) -> None:
    if not in_netns():
        rerun_in_netns(request.node.nodeid)
        return
    hub = EmbeddedHub()
    hub.start(host=NETNS_ADDR)
    a = _open(BANDUNG, hub)
    assert a.banner.property("state") == "connecting" and "Connecting" in a.state_text
    b = _open(PEKANBARU, hub)
    mixer = AudioMixer(max_ms=1000)
    b.controller.set_audio_sink(mixer.feed)
    try:
        # Tiles with real decoded frames, each stamped by the other office.
        qtbot.waitUntil(lambda: _remote_tile_ok(a, PEKANBARU), timeout=20000)
        qtbot.waitUntil(lambda: _remote_tile_ok(b, BANDUNG), timeout=20000)
        assert a.banner.property("state") == "connected" and a.state_text == "Connected"
        assert a.participants.offices() == [PEKANBARU]
        assert b.participants.offices() == [BANDUNG]
        # The painted widget (not just the stored image) shows the picture.
        shot = rgb_from_image(_remote_tile(a).grab().toImage())
        assert shot.std() > 30
        assert a.self_tile.image is not None  # self view of the test pattern

        # A busy GUI thread drops stale frames instead of queueing them: after a one-second
        # freeze only the newest frame per peer is painted.
        peer = next(pid for pid in a.tiles if pid)
        received, painted = a.controller.frames_received[peer], a.controller.frames_painted[peer]
        time.sleep(1.0)
        qtbot.wait(40)
        assert a.controller.frames_received[peer] - received >= 15
        assert a.controller.frames_painted[peer] - painted <= 3

        # Quality indicator fed by StatsUpdated, numbers in the tooltip.
        qtbot.waitUntil(lambda: _remote_tile(a).quality.stats.fps is not None, timeout=10000)
        assert "fps" in _remote_tile(a).quality.toolTip()

        # Chat typed in one window arrives in the other, under the sender's office.
        qtbot.keyClicks(a.chat.input, "Selamat pagi dari Bandung")
        qtbot.keyClick(a.chat.input, Qt.Key.Key_Return)
        qtbot.waitUntil(
            lambda: (BANDUNG, "Selamat pagi dari Bandung") in b.chat.messages, timeout=10000
        )
        qtbot.waitUntil(lambda: ("You", "Selamat pagi dari Bandung") in a.chat.messages)
        a.resize(1100, 640)
        qtbot.wait(300)
        assert a.grab().save(str(screenshots / "call_window_en.png"))

        # Mute reaches the engine: Pekanbaru hears the tone, then silence.
        qtbot.waitUntil(lambda: mixer.available() >= 9600, timeout=10000)
        assert _rms(mixer.mix(mixer.available())) > 500
        qtbot.mouseClick(a.controls.mute_button, Qt.MouseButton.LeftButton)
        assert a.controller.audio_muted and a.controls.mute_button.text() == "Unmute"
        qtbot.wait(800)
        mixer.mix(mixer.available())  # discard audio still in flight
        qtbot.wait(400)
        assert _rms(mixer.mix(mixer.available())) < 100
        qtbot.waitUntil(lambda: _remote_tile(b).muted, timeout=5000)  # announced to the peer
        a.raise_()
        a.activateWindow()
        qtbot.waitUntil(a.isActiveWindow, timeout=3000)
        qtbot.keyClick(a, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # unmute shortcut
        assert not a.controller.audio_muted and a.controls.mute_button.text() == "Mute"
        qtbot.waitUntil(lambda: not _remote_tile(b).muted, timeout=5000)

        # Camera off reaches the engine: Pekanbaru's tile of Bandung turns black.
        qtbot.mouseClick(a.controls.camera_button, Qt.MouseButton.LeftButton)
        assert not a.controller.video_enabled

        def dark() -> bool:
            image = _remote_tile(b).image
            return image is not None and float(rgb_from_image(image).mean()) < 25

        qtbot.waitUntil(dark, timeout=10000)
        qtbot.waitUntil(lambda: _remote_tile(b).video_off, timeout=5000)
        qtbot.mouseClick(a.controls.camera_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dark() and not _remote_tile(b).video_off, timeout=10000)

        # Switching the camera mid-call: frames from the Qt video path (QVideoSink, what a
        # QCamera drives) replace the test pattern on the far side.
        feed = CameraFeed()
        a.controller.replace_video_source(feed.ensure_source(640, 360))
        red = QVideoFrame(_solid_image(1280, 720, "#d01010"))

        def reddish() -> bool:
            feed.sink.setVideoFrame(red)
            image = _remote_tile(b).image
            if image is None:
                return False
            rgb = rgb_from_image(image).reshape(-1, 3).mean(axis=0)
            return rgb[0] > 150 and rgb[1] < 70 and rgb[2] < 70

        qtbot.waitUntil(reddish, timeout=10000)

        # The hub goes away while media flows: the call goes on and the window says so.
        hub.stop()
        qtbot.waitUntil(lambda: b.banner.property("state") == "hub_offline", timeout=15000)
        assert b.state_text == "Hub offline; the call continues"

        # Leave: the window says so, controls are disabled.
        _confirm_leave()  # "Leave" asks first (ui/vicon/host_controls.py)
        qtbot.mouseClick(a.controls.leave_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: a.banner.property("state") == "left", timeout=10000)
        assert a.state_text == "You left the call"
        assert list(a.tiles) == [""]  # only the self view remains
        assert not a.controls.mute_button.isEnabled()
        assert a.controls.leave_button.text() == "Close"
        qtbot.mouseClick(a.controls.leave_button, Qt.MouseButton.LeftButton)
        assert not a.isVisible()
    finally:
        _close(a, b)
        hub.stop()


@pytest.mark.netns
def test_indonesian_call_window_screenshot(
    qtbot: QtBot, request: pytest.FixtureRequest, screenshots: Path, tmp_path: Path
) -> None:
    if not in_netns():
        rerun_in_netns(request.node.nodeid)
        return
    translator = install_indonesian(tmp_path)
    hub = EmbeddedHub()
    hub.start(host=NETNS_ADDR)
    a = _open(BANDUNG, hub)
    b = _open(PEKANBARU, hub)
    try:
        qtbot.waitUntil(lambda: _remote_tile_ok(a, PEKANBARU), timeout=20000)
        assert a.state_text == "Terhubung"
        assert a.controls.mute_button.text() == "Bisukan"
        assert a.controls.leave_button.text() == "Keluar"
        qtbot.keyClicks(b.chat.input, "Selamat siang dari Pekanbaru")
        qtbot.keyClick(b.chat.input, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: len(a.chat.messages) == 1, timeout=10000)
        qtbot.waitUntil(lambda: _remote_tile(a).quality.stats.fps is not None, timeout=10000)
        qtbot.wait(300)
        assert a.grab().save(str(screenshots / "call_window_id.png"))
    finally:
        _close(a, b)
        hub.stop()
        QCoreApplication.removeTranslator(translator)


def test_refused_invite_shows_failed_state_with_the_reason(qtbot: QtBot, screenshots: Path) -> None:
    # Signaling only (no ICE), so plain loopback is enough here.
    hub = EmbeddedHub()
    hub.start(host="127.0.0.1")
    media = LocalMedia(BANDUNG)
    controller = CallController(
        BANDUNG, video_source=media.video_source(), audio_source=media.audio_source()
    )
    window = CallWindow(controller, media)
    qtbot.addWidget(window)
    errors: list[str] = []
    controller.sig_error.connect(errors.append)
    try:
        other_hub_token = EmbeddedHub().invite(ROOM, BANDUNG, 600)  # signed by another secret
        controller.join(hub.url, ROOM, other_hub_token)
        qtbot.waitUntil(lambda: window.banner.property("state") == "failed", timeout=10000)
        assert window.state_text.startswith("Call failed: ")
        assert "not issued by this hub" in window.state_text
        assert window.controls.leave_button.text() == "Close"
        qtbot.waitUntil(lambda: bool(errors), timeout=5000)  # the failed join() future too
        window.resize(1000, 600)
        assert window.grab().save(str(screenshots / "call_window_failed_en.png"))
        # After closing, commands fail visibly instead of raising into the caller.
        window.close()
        errors.clear()
        future = controller.send_chat("halo")
        qtbot.waitUntil(lambda: bool(errors), timeout=5000)
        assert future.exception() is not None
    finally:
        window.close()
        hub.stop()


@pytest.mark.netns
def test_ten_second_network_cut_shows_reconnecting_then_video_returns(
    qtbot: QtBot, request: pytest.FixtureRequest, screenshots: Path
) -> None:
    if not in_netns():
        rerun_in_netns(request.node.nodeid)
        return
    import subprocess

    hub = EmbeddedHub()
    hub.start(host=NETNS_ADDR)
    a = _open(BANDUNG, hub)
    b = _open(PEKANBARU, hub)
    nft = ["nft", "add", "rule", "inet", "cut", "in", "meta", "l4proto", "udp", "drop"]
    try:
        qtbot.waitUntil(lambda: _remote_tile_ok(a, PEKANBARU), timeout=20000)
        qtbot.waitUntil(lambda: _remote_tile_ok(b, BANDUNG), timeout=20000)
        # Drop every UDP packet (all media) for ten seconds; the hub's TCP link stays up.
        subprocess.run(["nft", "add", "table", "inet", "cut"], check=True)
        subprocess.run(
            ["nft", "add", "chain", "inet", "cut", "in", "{ type filter hook input priority 0; }"],
            check=True,
        )
        subprocess.run(nft, check=True)
        cut_at = time.monotonic()
        for window in (a, b):
            qtbot.waitUntil(
                lambda w=window: w.banner.property("state") == "reconnecting", timeout=9000
            )
        assert "reconnecting" in a.state_text
        qtbot.waitUntil(lambda: _remote_tile(a).stale, timeout=5000)  # frozen picture dimmed
        assert a.grab().save(str(screenshots / "call_window_reconnecting_en.png"))
        qtbot.wait(max(0, int((10 - (time.monotonic() - cut_at)) * 1000)))
        shown_before = _remote_tile(a).frames_shown
        subprocess.run(["nft", "delete", "table", "inet", "cut"], check=True)
        # Nobody clicks anything: the engine renegotiates and the window says so.
        for window in (a, b):
            qtbot.waitUntil(
                lambda w=window: w.banner.property("state") == "connected", timeout=30000
            )
        qtbot.waitUntil(lambda: _remote_tile(a).frames_shown > shown_before + 10, timeout=15000)
        assert not _remote_tile(a).stale
        assert _remote_tile_ok(a, PEKANBARU) and _remote_tile_ok(b, BANDUNG)
        assert a.participants.offices() == [PEKANBARU]

        # Leave, then Rejoin with the same invitation; a muted microphone stays muted.
        qtbot.mouseClick(a.controls.mute_button, Qt.MouseButton.LeftButton)
        _confirm_leave()
        qtbot.mouseClick(a.controls.leave_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: a.banner.property("state") == "left", timeout=15000)
        qtbot.waitUntil(lambda: b.participants.offices() == [], timeout=15000)
        assert a.controls.rejoin_button.isVisible()
        qtbot.mouseClick(a.controls.rejoin_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: a.banner.property("state") == "connected", timeout=15000)
        assert not a.controls.rejoin_button.isVisible()
        qtbot.waitUntil(lambda: _remote_tile_ok(b, BANDUNG), timeout=20000)
        qtbot.waitUntil(lambda: _remote_tile(b).muted, timeout=5000)
    finally:
        subprocess.run(["nft", "delete", "table", "inet", "cut"], capture_output=True)
        _close(a, b)
        hub.stop()
