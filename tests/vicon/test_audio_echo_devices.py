"""Echo cancellation through real audio devices, in real time.

The private PulseAudio server (see conftest) gets a "room" microphone that hears exactly what
the speaker plays (``module-virtual-source`` over the null speaker's monitor): the far end's
speech goes out through the app's real ``SpeakerOutput`` (QAudioSink, feeding the reverse
stream) and comes back through the app's real ``MicrophoneFeed`` (QAudioSource), with
whatever buffering and delay the devices add. The microphone is pulled every 20 ms as the
engine's track does. The same run with echo cancellation off in Settings gives the echo level
to compare with.
"""

from __future__ import annotations

import subprocess

import numpy as np
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtMultimedia import QMediaDevices
from pytestqt.qtbot import QtBot

from conferencing.audio_processing import ProcessingOptions
from conferencing.media import AUDIO_SAMPLES, PushAudioSource
from tests.conferencing.audio_room import FAR_TEXT, espeak_available, speech
from tests.vicon.conftest import audio_devices_present, in_netns, rerun_in_netns
from ui.vicon.audio import AudioMixer, SpeakerOutput
from ui.vicon.devices import SYNTHETIC_ID, LocalMedia

BANDUNG = "Pemerintah Kota Bandung"

pytestmark = [
    pytest.mark.netns,
    pytest.mark.skipif(not espeak_available(), reason="needs espeak-ng (Debian package)"),
]


def _inside(request: pytest.FixtureRequest) -> bool:
    if in_netns() and audio_devices_present():
        return True
    rerun_in_netns(request.node.nodeid, audio_devices=True)
    return False


def _device_id(device) -> str:  # noqa: ANN001 - a QAudioDevice
    return bytes(device.id().data()).decode()


def _call_audio(qtbot: QtBot, options: ProcessingOptions, far: np.ndarray) -> np.ndarray:
    """Play ``far`` for real and return what the microphone path sends, 20 ms per pull."""
    mic = next(d for d in QMediaDevices.audioInputs() if "lintas_room" in _device_id(d))
    speaker = next(d for d in QMediaDevices.audioOutputs() if "lintas_speaker" in _device_id(d))
    media = LocalMedia(
        BANDUNG, camera_id=SYNTHETIC_ID, microphone_id=_device_id(mic), processing=options
    )
    source = media.audio_source()
    assert isinstance(source, PushAudioSource) and source.processor is media.processor
    mixer = AudioMixer(max_ms=400)
    output = SpeakerOutput(mixer, speaker, reverse=media.processor.reverse_stream())
    sent: list[np.ndarray] = []
    position = 0

    def tick() -> None:
        # The engine hands the mixer 20 ms of far-end audio and pulls 20 ms of microphone.
        nonlocal position
        chunk = far[position : position + AUDIO_SAMPLES]
        position += AUDIO_SAMPLES
        if chunk.size:
            mixer.feed("far", np.clip(chunk, -32768, 32767).astype(np.int16).tobytes())
        sent.append(source.pull(AUDIO_SAMPLES))

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(tick)
    output.start()
    timer.start()
    try:
        qtbot.waitUntil(lambda: position >= far.size + 48_000, timeout=int(far.size / 48) + 15000)
    finally:
        timer.stop()
        output.stop()
        media.stop()
    return np.concatenate(sent).astype(np.float64)


def test_echo_through_real_devices_is_cancelled(
    qtbot: QtBot, request: pytest.FixtureRequest
) -> None:
    if not _inside(request):
        return
    module = subprocess.run(
        ["pactl", "load-module", "module-virtual-source", "source_name=lintas_room",
         "master=lintas_speaker.monitor"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip
    try:
        qtbot.waitUntil(
            lambda: any("lintas_room" in _device_id(d) for d in QMediaDevices.audioInputs()),
            timeout=10000,
        )
        far = np.concatenate([np.zeros(24_000), speech(FAR_TEXT, "en-us", pitch=45)[: 8 * 48_000]])
        echo = _call_audio(qtbot, ProcessingOptions(echo_cancellation=False, auto_gain=False), far)
        cancelled = _call_audio(qtbot, ProcessingOptions(auto_gain=False), far)
    finally:
        subprocess.run(["pactl", "unload-module", module], check=True)
    # From 2.5 s after the far end starts until it stops.
    window = slice(int(3.0 * 48_000), int(8.0 * 48_000))
    echo_db = 10 * np.log10(np.mean(echo[window] ** 2) + 1e-9)
    assert echo_db > 40, "the room microphone did not hear the speaker"  # about -50 dBFS or more
    reduction = echo_db - 10 * np.log10(np.mean(cancelled[window] ** 2) + 1e-9)
    assert reduction >= 30.0, f"echo through real devices reduced by only {reduction:.1f} dB"
