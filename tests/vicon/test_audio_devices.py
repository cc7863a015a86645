"""Real Qt audio devices: a private PulseAudio server with a null microphone and speaker.

Each test re-runs itself in a network namespace whose shell also starts ``pulseaudio`` (see
conftest), so QAudioSource and QAudioSink run for real against devices that exist.
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtMultimedia import QMediaDevices
from pytestqt.qtbot import QtBot

from conferencing.hub.embedded import EmbeddedHub
from conferencing.media import PushAudioSource, SyntheticAudioSource
from tests.vicon.conftest import NETNS_ADDR, audio_devices_present, in_netns, rerun_in_netns
from ui.vicon.audio import AudioMixer, SpeakerOutput
from ui.vicon.call_window import CallWindow
from ui.vicon.controller import CallController
from ui.vicon.devices import SYNTHETIC_ID, LocalMedia, microphone_choices

BANDUNG = "Pemerintah Kota Bandung"
PEKANBARU = "Pemerintah Kota Pekanbaru"
ROOM = "kb-audio"

pytestmark = pytest.mark.netns


def _inside(request: pytest.FixtureRequest) -> bool:
    if in_netns() and audio_devices_present():
        return True
    rerun_in_netns(request.node.nodeid, audio_devices=True)
    return False


def _rms(pcm: bytes) -> float:
    samples = np.frombuffer(pcm, np.int16).astype(np.float64)
    return float(np.sqrt(np.mean(samples**2))) if samples.size else 0.0


def test_microphone_feeds_the_engine_source_and_speaker_drains_the_mixer(
    qtbot: QtBot, request: pytest.FixtureRequest
) -> None:
    if not _inside(request):
        return
    choices = microphone_choices()
    assert choices[-1].device_id == SYNTHETIC_ID and len(choices) >= 2  # null microphone + tone
    media = LocalMedia(BANDUNG, microphone_id="")  # "" = system default microphone
    try:
        assert media.microphone_id != SYNTHETIC_ID
        assert isinstance(media.audio_source(), PushAudioSource)
        assert media.microphone is not None
        qtbot.waitUntil(lambda: media.microphone.bytes_pushed >= 9600, timeout=5000)

        # Remote audio: half a second of tone is played out through the QAudioSink.
        mixer = AudioMixer(max_ms=1000)
        tone = (3000 * np.sin(np.arange(24_000) * 2 * np.pi * 440 / 48_000)).astype(np.int16)
        mixer.feed("peer", tone.tobytes())
        speaker = SpeakerOutput(mixer, QMediaDevices.defaultAudioOutput())
        speaker.start()
        qtbot.waitUntil(lambda: mixer.available() == 0, timeout=5000)
        assert speaker.bytes_played == tone.nbytes
        speaker.stop()
    finally:
        media.stop()


def test_switching_microphone_mid_call_changes_what_the_other_office_hears(
    qtbot: QtBot, request: pytest.FixtureRequest
) -> None:
    if not _inside(request):
        return
    hub = EmbeddedHub()
    hub.start(host=NETNS_ADDR)
    windows: list[CallWindow] = []
    for office in (BANDUNG, PEKANBARU):
        media = LocalMedia(office, microphone_id=SYNTHETIC_ID)
        controller = CallController(
            office, video_source=media.video_source(), audio_source=media.audio_source()
        )
        window = CallWindow(controller, media)
        window.show()
        controller.join(hub.url, ROOM, hub.invite(ROOM, office, 600))
        windows.append(window)
    a, b = windows
    heard = AudioMixer(max_ms=1000)
    b.controller.set_audio_sink(heard.feed)

    def level_after(ms: int) -> float:
        heard.mix(heard.available())  # forget what is already buffered
        qtbot.wait(ms)
        return _rms(heard.mix(heard.available()))

    try:
        qtbot.waitUntil(lambda: heard.available() >= 9600, timeout=20000)
        assert isinstance(a.media.audio_source(), SyntheticAudioSource)
        assert level_after(600) > 500  # the test tone
        # Pick the (silent) null microphone in the call window's picker, as a user would.
        picker = a.controls.microphone_picker
        index = next(i for i in range(picker.count()) if picker.itemData(i) != SYNTHETIC_ID)
        picker.setCurrentIndex(index)
        picker.activated.emit(index)
        assert isinstance(a.media.audio_source(), PushAudioSource)
        qtbot.wait(600)
        assert level_after(600) < 100  # the null microphone is silent
        tone = picker.findData(SYNTHETIC_ID)
        picker.setCurrentIndex(tone)
        picker.activated.emit(tone)
        qtbot.wait(600)
        assert level_after(600) > 500  # back to the tone
    finally:
        for window in windows:
            window.close()
        hub.stop()
