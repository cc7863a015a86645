"""The device check with real audio devices: a private PulseAudio server (see conftest).

The meter follows a real PulseAudio source fed a tone (a ``module-virtual-source`` over the
monitor of a null sink that ``paplay`` plays a tone into: a microphone hearing a tone); the speaker
test tone plays on the null sink; a source loaded while the check (or a call) is open appears
in the pickers, as a USB headset plugged in would.
"""

from __future__ import annotations

import contextlib
import subprocess
import wave
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from pytestqt.qtbot import QtBot

from tests.vicon.conftest import audio_devices_present, in_netns, rerun_in_netns
from ui.settings import Settings
from ui.vicon.device_check import METER_FLOOR_DB, DeviceCheckDialog, level_db
from ui.vicon.devices import SYNTHETIC_ID

BANDUNG = "Pemerintah Kota Bandung"

pytestmark = pytest.mark.netns


def _inside(request: pytest.FixtureRequest) -> bool:
    if in_netns() and audio_devices_present():
        return True
    rerun_in_netns(request.node.nodeid, audio_devices=True)
    return False


def _pactl(*args: str) -> str:
    return subprocess.run(["pactl", *args], check=True, capture_output=True, text=True).stdout


@contextlib.contextmanager
def _tone_microphone(name: str, folder: Path) -> Iterator[None]:
    """Plug in a microphone ``name`` that hears a steady 440 Hz tone; unplug it afterwards."""
    t = np.arange(48_000 * 30) / 48_000
    tone = (8000 * np.sin(2 * np.pi * 440 * t)).astype(np.int16)
    path = folder / f"{name}.wav"
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(48_000)
        w.writeframes(tone.tobytes())
    feed = _pactl("load-module", "module-null-sink", f"sink_name={name}_feed").strip()
    player = subprocess.Popen(["paplay", f"--device={name}_feed", str(path)])
    source = _pactl(
        "load-module", "module-virtual-source", f"source_name={name}", f"master={name}_feed.monitor"
    ).strip()
    try:
        yield
    finally:
        _pactl("unload-module", source)
        player.kill()
        player.wait()
        _pactl("unload-module", feed)


def _ids(picker) -> list[str]:  # noqa: ANN001 - a QComboBox
    return [picker.itemData(i) for i in range(picker.count())]


def test_meter_moves_with_a_real_tone_and_a_source_plugged_in_mid_check_appears(
    qtbot: QtBot, request: pytest.FixtureRequest, tmp_path: Path, screenshots: Path
) -> None:
    if not _inside(request):
        return
    dialog = DeviceCheckDialog(Settings(tmp_path), BANDUNG)
    qtbot.addWidget(dialog)
    dialog.show()
    # The null microphone is there (the system default): chosen, silent, nothing "missing".
    assert dialog.microphone_id not in ("none", SYNTHETIC_ID)
    assert not dialog.microphone_missing.isVisible()
    assert not dialog.tone_source_button.isVisible()
    before = _ids(dialog.microphone_picker)
    qtbot.wait(500)
    assert dialog.level <= -50.0  # the null source is silent

    # Plug in a "headset" whose microphone hears a 440 Hz tone.
    with _tone_microphone("lintas_headset", tmp_path):
        qtbot.waitUntil(
            lambda: len(_ids(dialog.microphone_picker)) == len(before) + 1, timeout=10000
        )
        new_id = next(i for i in _ids(dialog.microphone_picker) if i not in before)
        assert "lintas_headset" in new_id
        assert dialog.microphone_picker.currentData() == dialog.microphone_id  # choice kept
        index = dialog.microphone_picker.findData(new_id)
        dialog.microphone_picker.setCurrentIndex(index)
        dialog.microphone_picker.activated.emit(index)
        assert dialog.microphone_id == new_id
        qtbot.waitUntil(lambda: dialog.level > -30.0, timeout=5000)
        assert dialog.meter.value() > 50
        assert dialog.microphone_hint.isVisible()
        dialog.resize(1366, 768)
        qtbot.wait(100)
        assert dialog.grab().save(str(screenshots / "device_check_microphone_en.png"))
        # Back to the silent microphone: the meter falls.
        quiet = before[0]
        index = dialog.microphone_picker.findData(quiet)
        dialog.microphone_picker.activated.emit(index)
        qtbot.waitUntil(lambda: dialog.level <= -50.0, timeout=5000)
        dialog.accept()
        assert Settings(tmp_path).microphone_id == quiet  # a real device is remembered


def test_speaker_test_tone_plays_through_the_output_path(
    qtbot: QtBot, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    if not _inside(request):
        return
    dialog = DeviceCheckDialog(Settings(tmp_path), BANDUNG)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.play_button.isEnabled()
    assert "lintas_speaker" in dialog.speaker_id
    output = dialog.play_test_tone()
    assert output is not None
    qtbot.waitUntil(lambda: output.mixer.available() == 0, timeout=5000)
    assert output.bytes_played == 48_000 * 2  # one second of s16 mono, all of it played
    qtbot.waitUntil(lambda: "Did you hear it" in dialog.speaker_status.text(), timeout=3000)
    dialog.reject()


def test_a_microphone_plugged_in_mid_call_appears_in_the_call_window(
    qtbot: QtBot, request: pytest.FixtureRequest
) -> None:
    if not _inside(request):
        return
    from ui.vicon.call_window import CallWindow
    from ui.vicon.controller import CallController
    from ui.vicon.devices import LocalMedia

    media = LocalMedia(BANDUNG, microphone_id="")
    controller = CallController(
        BANDUNG, video_source=media.video_source(), audio_source=media.audio_source()
    )
    window = CallWindow(controller, media)
    qtbot.addWidget(window)
    window.show()
    picker = window.controls.microphone_picker
    before = _ids(picker)
    module = _pactl("load-module", "module-null-source", "source_name=lintas_usb").strip()
    try:
        qtbot.waitUntil(lambda: len(_ids(picker)) > len(before), timeout=10000)
        assert any("lintas_usb" in i for i in _ids(picker))
        assert picker.currentData() == media.microphone_id  # the call's choice is kept
    finally:
        window.close()
        _pactl("unload-module", module)


def test_level_is_measured_in_dbfs() -> None:
    full = (32767 * np.sin(np.arange(4800) * 2 * np.pi / 48)).astype(np.int16)
    assert abs(level_db(full.tobytes()) - (-3.01)) < 0.1
    assert level_db(b"") == METER_FLOOR_DB == level_db(bytes(960))


def test_with_no_microphone_it_is_said_and_one_plugged_in_is_taken_and_metered(
    qtbot: QtBot, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    if not _inside(request):
        return
    from PySide6.QtMultimedia import QMediaDevices

    from ui.vicon.devices import NO_DEVICE_ID

    _pactl("unload-module", "module-null-source")  # the only microphone goes away
    qtbot.waitUntil(lambda: not QMediaDevices.audioInputs(), timeout=10000)
    dialog = DeviceCheckDialog(Settings(tmp_path), BANDUNG)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.microphone_id == NO_DEVICE_ID
    assert dialog.microphone_missing.isVisible()
    assert dialog.microphone_missing.text() == "No microphone found."
    assert dialog.tone_source_button.isVisible()  # offered...
    assert dialog.microphone_picker.currentData() == NO_DEVICE_ID  # ...not chosen
    try:
        with _tone_microphone("lintas_usb_mic", tmp_path):
            # Plugged in while none was there: listed, taken, metered; the sentence goes away.
            qtbot.waitUntil(lambda: "lintas_usb_mic" in dialog.microphone_id, timeout=10000)
            assert "lintas_usb_mic" in dialog.microphone_picker.currentData()
            assert not dialog.microphone_missing.isVisible()
            assert not dialog.tone_source_button.isVisible()
            qtbot.waitUntil(lambda: dialog.level > -30.0, timeout=5000)
    finally:
        dialog.reject()


def test_call_without_a_microphone_keeps_saying_none_when_one_is_plugged_in(
    qtbot: QtBot, request: pytest.FixtureRequest
) -> None:
    if not _inside(request):
        return
    from PySide6.QtMultimedia import QMediaDevices

    from ui.vicon.call_window import CallWindow
    from ui.vicon.controller import CallController
    from ui.vicon.devices import NO_DEVICE_ID, LocalMedia

    _pactl("unload-module", "module-null-source")
    qtbot.waitUntil(lambda: not QMediaDevices.audioInputs(), timeout=10000)
    media = LocalMedia(BANDUNG, microphone_id="")
    assert media.microphone_id == NO_DEVICE_ID
    controller = CallController(
        BANDUNG, video_source=media.video_source(), audio_source=media.audio_source()
    )
    window = CallWindow(controller, media)
    qtbot.addWidget(window)
    window.show()
    assert "No microphone found" in window.chat.transcript.toPlainText()
    picker = window.controls.microphone_picker
    module = _pactl("load-module", "module-null-source", "source_name=lintas_usb").strip()
    try:
        qtbot.waitUntil(lambda: any("lintas_usb" in i for i in _ids(picker)), timeout=10000)
        # The new microphone is offered; the picker does not pretend it is in use.
        assert picker.currentData() == NO_DEVICE_ID == media.microphone_id
        index = next(i for i in range(picker.count()) if "lintas_usb" in picker.itemData(i))
        picker.setCurrentIndex(index)
        picker.activated.emit(index)
        assert "lintas_usb" in media.microphone_id
    finally:
        window.close()
        _pactl("unload-module", module)
