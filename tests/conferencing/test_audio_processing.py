"""Echo cancellation in a simulated meeting room, with the switches in Settings.

Far-end speech (espeak-ng) plays through the app's output path, which feeds the echo
canceller's reverse stream; an echo path (delay + room impulse response) brings it back into
the microphone together with near-end speech; the app's microphone path processes it. See
tests/conferencing/audio_room.py. The options come from the real Settings page section, so
these tests also show the switches reach the audio.

Automatic gain changes the level on purpose, so the level comparisons (ERLE, double talk) are
made with it off; a separate run keeps every default on and still needs 30 dB.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from pytestqt.qtbot import QtBot

from conferencing.audio_processing import (
    FRAME_SAMPLES,
    AudioProcessor,
    ProcessingOptions,
    ReverseStream,
)
from tests.conferencing.audio_room import (
    FAR_TEXT,
    NEAR_TEXT,
    RATE,
    espeak_available,
    run_room,
    speech,
)
from ui.settings_page.devices_section import DevicesSection

pytestmark = pytest.mark.skipif(not espeak_available(), reason="needs espeak-ng (Debian package)")

FAR_START = 1.0  # the far end starts talking after a second of call
NEAR_START = 7.0  # then the near end talks over it (double talk), then alone


@pytest.fixture(scope="module")
def voices() -> tuple[np.ndarray, np.ndarray]:
    """Far end: an English male voice; near end: an Indonesian voice at a higher pitch."""
    return speech(FAR_TEXT, "en-us", pitch=45), speech(NEAR_TEXT, "id", pitch=75)


@pytest.fixture
def devices_section(qtbot: QtBot, tmp_path: Path) -> DevicesSection:
    """The real Settings section over a real settings file."""
    from tests.vicon.conftest import make_context

    context = make_context(tmp_path / "office", "Bandung", "Wali Kota Bandung")
    section = DevicesSection(context)
    qtbot.addWidget(section)
    return section


def _processor(section: DevicesSection) -> AudioProcessor:
    from ui.vicon.audio import processing_options, register_processor

    processor = AudioProcessor(processing_options(section.context.settings))
    register_processor(processor)  # as the call launcher does, so live changes reach it
    return processor


@pytest.mark.parametrize("echo_delay_ms", [40, 120])
def test_echo_is_cancelled_and_near_end_speech_survives_double_talk(
    voices: tuple[np.ndarray, np.ndarray], devices_section: DevicesSection, echo_delay_ms: int
) -> None:
    devices_section.auto_gain.setChecked(False)
    assert devices_section.context.settings.auto_gain is False
    processor = _processor(devices_section)
    assert processor.options == ProcessingOptions(auto_gain=False)
    far, near = voices
    run = run_room(
        processor, far, near, far_start_s=FAR_START, near_start_s=NEAR_START,
        echo_delay_ms=echo_delay_ms,
    )  # fmt: skip
    # The reverse stream saw every 10 ms of what the speaker played.
    assert processor.reverse_frames == run.far.size // FRAME_SAMPLES
    erle = run.erle_db(FAR_START + 2.0, NEAR_START)
    assert erle >= 30.0, f"echo reduced by only {erle:.1f} dB after 2 s"
    assert run.double_talk_seconds() >= 2.0
    kept = run.double_talk_db()
    assert abs(kept) <= 6.0, f"near-end speech changed by {kept:+.1f} dB during double talk"
    # The near end alone afterwards comes through too (not gated by a stuck suppressor).
    tail = slice(int((NEAR_START + 0.5) * RATE), int((NEAR_START + near.size / RATE) * RATE))
    alone = run.echo[tail] ** 2 < 1e-2 * run.near[tail] ** 2
    ratio = np.sum(run.out[tail][alone] ** 2) / np.sum(run.near[tail][alone] ** 2)
    assert 10 * np.log10(ratio) > -6.0


def test_with_every_default_on_the_echo_is_still_30_db_down(
    voices: tuple[np.ndarray, np.ndarray], devices_section: DevicesSection
) -> None:
    processor = _processor(devices_section)
    assert processor.options == ProcessingOptions()  # all four on by default
    far, near = voices
    run = run_room(processor, far, near, far_start_s=FAR_START, near_start_s=NEAR_START)
    erle = run.erle_db(FAR_START + 2.0, NEAR_START)
    assert erle >= 30.0, f"echo reduced by only {erle:.1f} dB with the defaults"


def test_echo_cancellation_off_in_settings_leaves_the_echo(
    voices: tuple[np.ndarray, np.ndarray], devices_section: DevicesSection
) -> None:
    devices_section.auto_gain.setChecked(False)
    devices_section.echo_cancellation.setChecked(False)
    settings = devices_section.context.settings
    assert settings.echo_cancellation is False
    # Persisted: a fresh Settings over the same file reads it back.
    from ui.settings import Settings

    assert Settings(settings.qsettings).echo_cancellation is False
    processor = _processor(devices_section)
    far, near = voices
    run = run_room(processor, far, near, far_start_s=FAR_START, near_start_s=NEAR_START)
    erle = run.erle_db(FAR_START + 2.0, NEAR_START)
    assert abs(erle) < 3.0, f"echo still reduced by {erle:.1f} dB with cancellation off"
    assert processor.reverse_frames == 0  # nothing fed to a canceller that is off


def test_turning_echo_cancellation_off_mid_call_applies_at_once(
    voices: tuple[np.ndarray, np.ndarray], devices_section: DevicesSection
) -> None:
    devices_section.auto_gain.setChecked(False)
    processor = _processor(devices_section)
    far, near = voices
    switch_at = 5.0

    def step(index: int) -> None:
        if index == int(switch_at / 0.02):
            devices_section.echo_cancellation.setChecked(False)  # a click in Settings

    run = run_room(
        processor, far, near, far_start_s=FAR_START, near_start_s=NEAR_START, on_step=step
    )
    assert processor.options.echo_cancellation is False
    assert run.erle_db(FAR_START + 2.0, switch_at) >= 30.0
    assert abs(run.erle_db(switch_at + 0.1, NEAR_START)) < 3.0


def test_reverse_stream_resamples_to_the_apm_rate_in_10_ms_frames() -> None:
    processor = AudioProcessor(ProcessingOptions(noise_suppression=False, auto_gain=False))
    reverse = ReverseStream(processor, 44_100)
    tone = (8000 * np.sin(np.arange(44_100) * 2 * np.pi * 300 / 44_100)).astype(np.int16)
    frames = sum(reverse.feed(tone[i : i + 441 * 3].tobytes()) for i in range(0, 44_100, 441 * 3))
    # One second at 44.1 kHz is one second at 48 kHz: 100 frames (the resampler may hold a few
    # samples back until more arrive).
    assert frames in (99, 100)
    assert processor.reverse_frames == frames
    with pytest.raises(ValueError):
        processor.process_capture(np.zeros(100, np.int16))  # not a whole 10 ms frame
    with pytest.raises(ValueError):
        ReverseStream(processor, 1000)


def test_everything_off_passes_the_microphone_untouched() -> None:
    processor = AudioProcessor(ProcessingOptions(False, False, False, False))
    rng = np.random.default_rng(5)
    samples = rng.integers(-20000, 20000, FRAME_SAMPLES * 4).astype(np.int16)
    assert np.array_equal(processor.process_capture(samples), samples)
    assert processor.frames_processed == 0


def _through(processor: AudioProcessor, signal: np.ndarray) -> np.ndarray:
    """``signal`` through the microphone path's processing in 20 ms pulls."""
    usable = signal[: signal.size // 960 * 960]
    out = np.zeros(usable.size)
    for start in range(0, usable.size, 960):
        chunk = np.clip(usable[start : start + 960], -32768, 32767).astype(np.int16)
        out[start : start + 960] = processor.process_capture(chunk)
    return out


def _db(x: np.ndarray) -> float:
    return float(10 * np.log10(np.mean(x**2) + 1e-9))


@pytest.mark.parametrize("switch", ["noise_suppression", "auto_gain", "high_pass"])
def test_each_switch_in_settings_does_its_job_and_only_when_on(
    voices: tuple[np.ndarray, np.ndarray], devices_section: DevicesSection, switch: str
) -> None:
    _far, near = voices
    rng = np.random.default_rng(11)
    # Only the switch under test stays on.
    for box in (
        devices_section.echo_cancellation,
        devices_section.noise_suppression,
        devices_section.auto_gain,
        devices_section.high_pass,
    ):
        box.setChecked(box is getattr(devices_section, switch))
    if switch == "noise_suppression":
        # Steady fan noise, 2 s alone then under speech: the noise-only second is measured.
        noise = rng.standard_normal(2 * RATE + near.size) * 300
        signal = np.concatenate([np.zeros(2 * RATE), near]) + noise
        window = slice(RATE, 2 * RATE)
        least_change_on = -10.0  # at least 10 dB less noise
    elif switch == "auto_gain":
        signal = near * 0.05  # someone far from the microphone
        window = slice(near.size // 2, near.size // 960 * 960)
        least_change_on = 10.0  # at least 10 dB louder
    else:
        # 40 Hz rumble (air conditioning, a table knocked): the low-frequency filter removes it.
        signal = 3000 * np.sin(2 * np.pi * 40 * np.arange(3 * RATE) / RATE)
        window = slice(RATE, 3 * RATE)
        least_change_on = -20.0
    on = _through(_processor(devices_section), signal)
    getattr(devices_section, switch).setChecked(False)
    off = _through(_processor(devices_section), signal)
    change_on = _db(on[window]) - _db(signal[window])
    change_off = _db(off[window]) - _db(signal[window])
    if least_change_on > 0:
        assert change_on >= least_change_on, f"{switch} on changed the level by {change_on:.1f} dB"
    else:
        assert change_on <= least_change_on, f"{switch} on changed the level by {change_on:.1f} dB"
    assert abs(change_off) < 0.5  # everything off: the microphone passes untouched
