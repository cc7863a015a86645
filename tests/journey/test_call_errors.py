"""A call that cannot reach the host says so in a sentence, never with the library's exception."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from conferencing.media import SyntheticAudioSource, SyntheticVideoSource
from tests.vicon.conftest import install_indonesian
from ui.vicon.call_window import CallWindow
from ui.vicon.controller import CallController


def _failed_call(qtbot: QtBot) -> tuple[CallWindow, list[str], list[str]]:
    controller = CallController(
        "Pemerintah Kota Pekanbaru",
        video_source=SyntheticVideoSource("Pekanbaru", 160, 120, 5),
        audio_source=SyntheticAudioSource(),
    )
    window = CallWindow(controller, None, title="sesi")
    qtbot.addWidget(window)
    errors: list[str] = []
    reasons: list[str] = []
    controller.sig_error.connect(errors.append)
    controller.sig_state_changed.connect(lambda state, reason: reasons.append(reason))
    # Port 9 on loopback: nothing listens, so the hub is unreachable at once.
    controller.join("wss://127.0.0.1:9/", "sesi-20261205-abcdef", "token")
    qtbot.waitUntil(lambda: controller.state == "failed" and bool(errors), timeout=20000)
    return window, errors, reasons


def test_unreachable_hub_is_a_sentence_with_a_next_step(qtbot: QtBot) -> None:
    window, errors, reasons = _failed_call(qtbot)
    try:
        for text in (window.state_text, *errors, *filter(None, reasons)):
            assert "Cannot connect" not in text and "ssl" not in text, text
            assert "127.0.0.1" not in text and ":9" not in text, text
        assert window.state_text == (
            "Call failed: The host office's computer cannot be reached. Check that this computer "
            "is online, then press Rejoin. If it still fails, ask the host office for a new "
            "invitation."
        )
        assert errors[-1].startswith("The host office's computer cannot be reached.")
    finally:
        window.controller.shutdown()


def test_unreachable_hub_in_indonesian(qtbot: QtBot, tmp_path) -> None:
    translator = install_indonesian(tmp_path)
    try:
        window, errors, _reasons = _failed_call(qtbot)
        try:
            assert "Komputer kantor tuan rumah tidak dapat dihubungi" in window.state_text
            assert errors[-1].startswith("Komputer kantor tuan rumah tidak dapat dihubungi")
        finally:
            window.controller.shutdown()
    finally:
        QCoreApplication.removeTranslator(translator)
