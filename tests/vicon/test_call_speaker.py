"""The call's speaker picker, with real audio outputs of a private PulseAudio server (conftest).

A null sink loaded mid-call is a headset plugged in: it appears in the call window's speaker
picker, choosing it moves the playback (our stream shows up on that sink in PulseAudio), and
unloading it moves the call back to the default speaker with a notice.
"""

from __future__ import annotations

import subprocess

import numpy as np
import pytest
from pytestqt.qtbot import QtBot

from tests.vicon.conftest import audio_devices_present, in_netns, rerun_in_netns
from ui.vicon.audio import AudioMixer
from ui.vicon.controls import CallControls
from ui.vicon.devices import DeviceChoice
from ui.vicon.speaker_choice import CallSpeaker, attach_speaker

BANDUNG = "Pemerintah Kota Bandung"


def _pactl(*args: str) -> str:
    return subprocess.run(["pactl", *args], check=True, capture_output=True, text=True).stdout


def _ids(picker) -> list[str]:  # noqa: ANN001 - a QComboBox
    return [picker.itemData(i) for i in range(picker.count())]


def _sinks_playing() -> set[str]:
    """Names of the PulseAudio sinks our process has a stream on."""
    sinks = {
        line.split("\t")[0]: line.split("\t")[1]
        for line in _pactl("list", "short", "sinks").splitlines()
    }
    return {
        sinks[line.split("\t")[1]] for line in _pactl("list", "short", "sink-inputs").splitlines()
    }


def _tone(seconds: float) -> bytes:
    t = np.arange(int(48_000 * seconds)) / 48_000
    return (6000 * np.sin(2 * np.pi * 440 * t)).astype(np.int16).tobytes()


def test_speaker_picker_fills_keeps_the_choice_and_appears_only_with_a_speaker(qtbot: QtBot):
    controls = CallControls()
    qtbot.addWidget(controls)
    controls.show()
    assert not controls.speaker_picker.isVisible()  # no speaker attached: no picker
    chosen: list[str] = []
    controls.sig_speaker_chosen.connect(chosen.append)
    choices = [DeviceChoice("a", "Built-in speaker"), DeviceChoice("b", "USB headset")]
    controls.set_speakers(choices, "b")
    assert controls.speaker_picker.isVisible() and controls.speaker_label.isVisible()
    assert controls.speaker_picker.currentData() == "b"
    assert not chosen  # refilling is not a choice
    controls.set_speakers([*choices, DeviceChoice("c", "Bluetooth")], "b")
    assert _ids(controls.speaker_picker) == ["a", "b", "c"]
    assert controls.speaker_picker.currentData() == "b"
    controls.speaker_picker.activated.emit(2)
    assert chosen == ["c"]


@pytest.mark.netns
def test_a_speaker_plugged_in_mid_call_is_listed_chosen_and_left_when_unplugged(
    qtbot: QtBot, request: pytest.FixtureRequest, screenshots
) -> None:
    if not (in_netns() and audio_devices_present()):
        rerun_in_netns(request.node.nodeid, audio_devices=True)
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
    window.resize(1366, 768)
    window.show()
    mixer = AudioMixer()
    speaker = CallSpeaker(mixer, "", window)
    attach_speaker(window, speaker)
    picker = window.controls.speaker_picker
    assert picker.isVisible()
    assert "lintas_speaker" in speaker.device_id
    assert picker.currentData() == speaker.device_id
    qtbot.waitUntil(lambda: _sinks_playing() == {"lintas_speaker"}, timeout=5000)
    before = _ids(picker)

    module = _pactl("load-module", "module-null-sink", "sink_name=lintas_headset").strip()
    try:
        qtbot.waitUntil(lambda: len(_ids(picker)) == len(before) + 1, timeout=10000)
        headset = next(i for i in _ids(picker) if i not in before)
        assert "lintas_headset" in headset
        assert picker.currentData() == speaker.device_id  # the choice is kept
        window.grab().save(str(screenshots / "call_speaker_picker_en.png"))
        picker.setCurrentIndex(picker.findData(headset))
        picker.activated.emit(picker.findData(headset))
        assert speaker.device_id == headset
        qtbot.waitUntil(lambda: _sinks_playing() == {"lintas_headset"}, timeout=5000)
        # The others' audio now goes to the headset, all of it.
        assert speaker.output is not None
        played = speaker.output.bytes_played
        mixer.feed("peer", _tone(0.1))  # within the mixer's playback cap
        qtbot.waitUntil(lambda: mixer.available() == 0, timeout=5000)
        assert speaker.output.bytes_played - played >= 9600
    finally:
        _pactl("unload-module", module)
    # Unplugged: PulseAudio moves our stream to the default speaker, so the call keeps playing.
    # (Qt 6's PulseAudio backend keeps listing an unloaded sink, so the picker cannot be shown
    # to drop it here; CallSpeaker.follow_devices handles a backend that reports the removal.)
    qtbot.waitUntil(lambda: _sinks_playing() == {"lintas_speaker"}, timeout=5000)
    # Choosing a speaker that is gone is said, and the picker shows what still plays.
    errors: list[str] = []
    speaker.sig_error.connect(errors.append)
    current = speaker.device_id
    speaker.use("lintas_gone")
    assert errors == ["That speaker is no longer connected."]
    assert speaker.device_id == current and picker.currentData() == current
    assert "That speaker is no longer connected." in window.chat.transcript.toPlainText()
    window.close()


def test_the_call_window_with_a_speaker_picker_fits_1366_in_indonesian(
    qtbot: QtBot, tmp_path, screenshots
) -> None:
    from PySide6.QtCore import QCoreApplication

    from tests.vicon.conftest import install_indonesian
    from ui.vicon.call_window import CallWindow
    from ui.vicon.controller import CallController
    from ui.vicon.devices import SYNTHETIC_ID, LocalMedia

    translator = install_indonesian(tmp_path)
    try:
        media = LocalMedia(BANDUNG, camera_id=SYNTHETIC_ID, microphone_id=SYNTHETIC_ID)
        controller = CallController(
            BANDUNG, video_source=media.video_source(), audio_source=media.audio_source()
        )
        window = CallWindow(controller, media)
        qtbot.addWidget(window)
        attach_speaker(window, CallSpeaker(AudioMixer(), "", window))
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        controls = window.controls
        assert controls.speaker_label.text() == "Pengeras suara:"
        assert controls.speaker_picker.isVisible() and controls.speaker_picker.count() >= 1
        window.grab().save(str(screenshots / "call_speaker_picker_id.png"))
        assert window.width() <= 1366  # the third picker does not widen the window
        for label in (controls.speaker_label,):
            assert label.width() >= label.fontMetrics().horizontalAdvance(label.text())
        window.grab().save(str(screenshots / "call_speaker_picker_id.png"))
        window.close()
    finally:
        QCoreApplication.removeTranslator(translator)
