"""The device check before joining, on a machine with no camera (and here no audio devices).

Real widgets offscreen over a real settings file. The PulseAudio half (meter, test tone,
devices plugged in mid-check) is in test_device_check_pulse.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtMultimedia import QMediaDevices
from pytestqt.qtbot import QtBot

from tests.vicon.conftest import install_indonesian
from ui.settings import Settings
from ui.vicon.device_check import TONE_LEVEL_DB, DeviceCheckDialog
from ui.vicon.devices import NO_DEVICE_ID, SYNTHETIC_ID
from ui.vicon.frames import rgb_from_image

BANDUNG = "Pemerintah Kota Bandung"

pytestmark = pytest.mark.skipif(
    bool(QMediaDevices.videoInputs()), reason="this machine has a camera"
)


def _dialog(qtbot: QtBot, tmp_path: Path) -> DeviceCheckDialog:
    dialog = DeviceCheckDialog(Settings(tmp_path), BANDUNG)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_no_camera_is_said_plainly_and_the_test_pattern_is_offered_not_chosen(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, tmp_path)
    assert dialog.camera_missing.isVisible()
    assert dialog.camera_missing.text() == "No camera found."
    assert dialog.pattern_button.isVisible()
    # Not chosen: the picker shows "No camera found", the pattern is only listed.
    assert dialog.camera_id == NO_DEVICE_ID
    assert dialog.camera_picker.currentData() == NO_DEVICE_ID
    assert dialog.camera_picker.findData(SYNTHETIC_ID) >= 0
    qtbot.wait(300)
    assert dialog.preview_image is None  # nothing is previewed, nothing would be sent
    if not QMediaDevices.audioInputs():
        assert dialog.microphone_missing.isVisible()
        assert dialog.microphone_id == NO_DEVICE_ID
        assert dialog.meter.value() == 0

    # Choosing the test pattern works: a moving colour-bar preview, the picker follows.
    dialog.pattern_button.click()
    assert dialog.camera_id == SYNTHETIC_ID
    assert dialog.camera_picker.currentData() == SYNTHETIC_ID
    assert not dialog.pattern_button.isVisible()
    qtbot.waitUntil(lambda: dialog.preview_image is not None, timeout=3000)
    assert rgb_from_image(dialog.preview_image).std() > 30
    dialog.accept()
    assert dialog.camera_id == SYNTHETIC_ID
    # The test pattern is a per-call choice, not saved as the office's camera.
    assert Settings(tmp_path).camera_id == ""


def test_test_tone_chosen_in_the_picker_shows_its_level(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, tmp_path)
    index = dialog.microphone_picker.findData(SYNTHETIC_ID)
    dialog.microphone_picker.setCurrentIndex(index)
    dialog.microphone_picker.activated.emit(index)
    assert dialog.microphone_id == SYNTHETIC_ID
    assert dialog.level == TONE_LEVEL_DB
    assert dialog.meter.value() > 50


def test_the_launcher_shows_the_check_first_and_cancel_opens_no_call(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from ui.sessions.call_launcher import open_call
    from ui.sessions.invite import Invite

    seen: list[DeviceCheckDialog] = []

    def answer(accept: bool) -> None:
        from PySide6.QtWidgets import QApplication

        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, DeviceCheckDialog)
        seen.append(dialog)
        (dialog.join_button if accept else dialog.cancel_button).click()

    settings = Settings(tmp_path)
    invite = Invite("wss://127.0.0.1:9/", "kb-check", "token")
    QTimer.singleShot(200, lambda: answer(False))
    assert open_call(BANDUNG, invite, settings=settings) is None
    assert len(seen) == 1

    def choose_pattern_and_join() -> None:
        from PySide6.QtWidgets import QApplication

        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, DeviceCheckDialog)
        dialog.pattern_button.click()
        dialog.join_button.click()

    QTimer.singleShot(200, choose_pattern_and_join)
    window = open_call(BANDUNG, invite, settings=settings)
    assert window is not None
    qtbot.addWidget(window)
    try:
        assert window.media.camera_id == SYNTHETIC_ID  # chosen in the check
        picker = window.controls.camera_picker
        assert picker.currentData() == SYNTHETIC_ID
        if not QMediaDevices.audioInputs():
            # No microphone and no tone chosen: silence is sent, and the call says so.
            assert window.media.microphone_id == NO_DEVICE_ID
            assert "No microphone found" in window.chat.transcript.toPlainText()
    finally:
        window.close()


def test_device_check_screenshots_english_and_indonesian(
    qtbot: QtBot, tmp_path: Path, screenshots: Path
) -> None:
    from PySide6.QtCore import QCoreApplication

    for language in ("en", "id"):
        translator = install_indonesian(tmp_path) if language == "id" else None
        try:
            dialog = _dialog(qtbot, tmp_path)
            dialog.resize(1366, 768)
            qtbot.wait(200)
            if language == "id":
                assert dialog.camera_missing.text() == "Kamera tidak ditemukan."
                assert dialog.join_button.text() == "Gabung"
            path = screenshots / f"device_check_no_camera_{language}.png"
            assert dialog.grab().save(str(path))
            dialog.pattern_button.click()
            qtbot.waitUntil(lambda d=dialog: d.preview_image is not None, timeout=3000)
            qtbot.wait(200)
            assert dialog.grab().save(str(screenshots / f"device_check_pattern_{language}.png"))
            dialog.reject()
        finally:
            if translator is not None:
                QCoreApplication.removeTranslator(translator)
