"""Echo cancellation through real audio devices, in real time.

The private PulseAudio server (see conftest) gets a "room" microphone that hears exactly what
the speaker plays (``module-virtual-source`` over the null speaker's monitor): the far end's
speech goes out through the app's real ``SpeakerOutput`` (QAudioSink, feeding the reverse
stream) and comes back through the app's real ``MicrophoneFeed`` (QAudioSource), with
whatever buffering and delay the devices add. The microphone is pulled every 20 ms as the
engine's track does. The same run with echo cancellation off gives the echo level to compare
with. The bar: in at least 5 of 7 seconds the echo is 30 dB down, over the whole window at
least 15 dB (the 30 dB over the whole window is required of the simulated room in
tests/conferencing/test_audio_processing.py; PulseAudio's virtual source shifts its latency
now and then, and the canceller needs a moment to re-align).
"""

from __future__ import annotations

import subprocess
import time

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


def _call_audio(
    qtbot: QtBot, options: ProcessingOptions, far: np.ndarray
) -> tuple[np.ndarray, float]:
    """Play ``far`` for real; what the microphone path sent, and the share the speaker played.

    PulseAudio's null devices run on the system clock in the PulseAudio process; on an
    overloaded machine they fall behind real time and the app's playback buffer overflows,
    which no sound card does. The share lets the test tell that apart from a canceller fault.
    """
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
    started = 0.0

    def tick() -> None:
        # The engine hands the mixer 20 ms of far-end audio and pulls 20 ms of microphone
        # per 20 ms of wall-clock time, catching up after a stall as its paced track does.
        nonlocal position, started
        started = started or time.monotonic()
        while position <= (time.monotonic() - started) * 48_000:
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
    return np.concatenate(sent).astype(np.float64), output.bytes_played / mixer.bytes_received


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
        outcomes = [_attempt(qtbot, far)]
        # Real time on a shared machine: PulseAudio's virtual source now and then shifts its
        # latency (or the machine is overloaded), so up to three runs are made; one that meets
        # the bar passes. With the canceller broken or off no run comes near it.
        while not outcomes[-1][0] and len(outcomes) < 3:
            outcomes.append(_attempt(qtbot, far))
    finally:
        subprocess.run(["pactl", "unload-module", module], check=True)
    assert outcomes[-1][0], "no run met the bar:\n" + "\n".join(o[1] for o in outcomes)


def _db(x: np.ndarray) -> float:
    return float(10 * np.log10(np.mean(x**2) + 1e-9))


def _attempt(qtbot: QtBot, far: np.ndarray) -> tuple[bool, str]:
    """One run without and one with echo cancellation; whether it met the bar, and why."""
    off = ProcessingOptions(echo_cancellation=False, auto_gain=False)
    echo, share_off = _call_audio(qtbot, off, far)
    cancelled, share_on = _call_audio(qtbot, ProcessingOptions(auto_gain=False), far)
    if min(share_off, share_on) < 0.97:
        share = min(share_off, share_on)
        return False, f"the null devices fell behind real time (played {share:.0%}): overloaded"
    # The far end talks from 0.5 s to 8.5 s; the whole window starts after 2 s of it.
    window = slice(int(2.5 * 48_000), int(8.5 * 48_000))
    echo_db = _db(echo[window])
    if echo_db <= 40:  # about -50 dBFS
        return False, f"the room microphone did not hear the speaker ({echo_db:.0f} dB)"
    # Second by second; most seconds 30 dB down, and the whole window at least 15 dB.
    seconds = [slice(a * 48_000, (a + 1) * 48_000) for a in range(2, 9)]
    per_second = [_db(echo[s]) - _db(cancelled[s]) for s in seconds]
    good = sum(r >= 30.0 for r in per_second)
    overall = echo_db - _db(cancelled[window])
    shown = " ".join(f"{r:.0f}" for r in per_second)
    why = f"{good} of 7 seconds 30 dB down ({shown} dB), {overall:.1f} dB overall"
    return good >= 5 and overall >= 15.0, why
