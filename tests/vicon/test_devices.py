"""Qt Multimedia glue: camera frames reach the engine source, PCM mixing, synthetic fallback."""

from __future__ import annotations

import asyncio

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtMultimedia import QVideoFrame
from pytestqt.qtbot import QtBot

from conferencing.media import SyntheticAudioSource, SyntheticVideoSource
from ui.vicon.audio import AudioMixer
from ui.vicon.devices import (
    NO_DEVICE_ID,
    SYNTHETIC_ID,
    CameraFeed,
    LocalMedia,
    camera_choices,
    microphone_choices,
    resolve_camera,
)
from ui.vicon.frames import image_from_rgb, rgb_from_image


def _solid(width: int, height: int, colour: str) -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    return image


def test_rgb_round_trip_keeps_every_pixel_and_owns_its_memory() -> None:
    rng = np.random.default_rng(1)
    frame = rng.integers(0, 256, (37, 41, 3), dtype=np.uint8)  # odd width: padded rows
    image = image_from_rgb(frame)
    frame[:] = 0  # the QImage must not share the array's memory
    back = rgb_from_image(image)
    assert back.shape == (37, 41, 3)
    assert back.max() > 0
    assert np.array_equal(back, rgb_from_image(image_from_rgb(back)))
    with pytest.raises(ValueError, match="HxWx3"):
        image_from_rgb(np.zeros((4, 4), np.uint8))


def test_camera_frames_reach_the_push_source_scaled_for_sending(qtbot: QtBot) -> None:
    feed = CameraFeed()
    previews: list[QImage] = []
    feed.sig_preview.connect(previews.append)
    # The same path a QCamera drives: a QVideoFrame arriving at the capture session's sink.
    feed.sink.setVideoFrame(QVideoFrame(_solid(1280, 720, "#ff0000")))
    qtbot.waitUntil(lambda: feed.frames_pushed == 1, timeout=2000)
    assert feed.source is not None
    assert (feed.source.width, feed.source.height) == (640, 360)  # aspect ratio kept
    frame = asyncio.run(feed.source.track().recv())
    rgb = frame.to_ndarray(format="rgb24")
    assert rgb.shape == (360, 640, 3)
    centre = rgb[180, 320].astype(int)
    assert centre[0] > 200 and centre[1] < 60 and centre[2] < 60  # still red after YUV
    assert previews and previews[-1].size().width() == 1280
    feed.sink.setVideoFrame(QVideoFrame())  # camera stopping: an invalid frame is ignored
    assert feed.frames_pushed == 1


def test_mixer_sums_peers_with_clipping_and_caps_latency() -> None:
    mixer = AudioMixer(max_ms=100)
    a = np.full(480, 1000, np.int16).tobytes()
    b = np.full(240, 30000, np.int16).tobytes()
    mixer.feed("a", a)
    mixer.feed("b", b)
    assert mixer.available() == 960
    out = np.frombuffer(mixer.mix(960), np.int16)
    assert out[0] == 31000  # summed
    assert out[300] == 1000  # b ran out: padded with silence
    mixer.feed("a", np.full(240, 30000, np.int16).tobytes())
    mixer.feed("b", np.full(240, 30000, np.int16).tobytes())
    assert np.frombuffer(mixer.mix(480), np.int16).max() == 32767  # clipped, not wrapped
    mixer.feed("a", b"\x01\x00" * 48_000)  # one second: more than the 100 ms cap
    assert mixer.available() == 100 * 96
    mixer.drop("a")
    assert mixer.available() == 0


def test_without_devices_nothing_is_chosen_silently_and_the_test_pattern_is_offered(
    qtbot: QtBot,
) -> None:
    # Test machines have no camera or microphone: that is said, and the synthetic sources are
    # offered in the pickers after the plain "No ... found" entry, not chosen.
    assert [c.device_id for c in camera_choices()] == [NO_DEVICE_ID, SYNTHETIC_ID]
    assert [c.device_id for c in microphone_choices()] == [NO_DEVICE_ID, SYNTHETIC_ID]
    assert camera_choices()[0].label == "No camera found"
    media = LocalMedia("Pemerintah Kota Bandung", camera_id="", microphone_id="")
    errors: list[str] = []
    media.sig_error.connect(errors.append)
    previews: list[QImage] = []
    media.sig_preview.connect(previews.append)
    assert media.camera_id == NO_DEVICE_ID == resolve_camera("/dev/video9")
    assert media.microphone_id == NO_DEVICE_ID
    assert not isinstance(media.video_source(), SyntheticVideoSource)
    assert not isinstance(media.audio_source(), SyntheticAudioSource)
    said = media.missing()
    assert len(said) == 2 and said[0].startswith("No camera found.")
    assert said[1].startswith("No microphone found.")
    # What is sent: black and silence, not the pattern and tone.
    frame = asyncio.run(media.video_source().track().recv()).to_ndarray(format="rgb24")
    assert frame.max() < 20
    pcm = asyncio.run(media.audio_source().track().recv()).to_ndarray()
    assert not pcm.any()
    # The test pattern by explicit choice works.
    media.use_camera(SYNTHETIC_ID)
    assert isinstance(media.video_source(), SyntheticVideoSource)
    qtbot.waitUntil(lambda: len(previews) >= 2, timeout=3000)
    assert rgb_from_image(previews[-1]).std() > 30  # colour bars, not a blank picture
    assert media.missing() == [said[1]]
    media.use_camera("no-such-camera")  # e.g. unplugged: said, and black again
    assert errors and "no longer connected" in errors[-1]
    assert media.camera_id == NO_DEVICE_ID
    media.stop()
