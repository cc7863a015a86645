"""A simulated meeting room for the echo canceller: one speaker, one microphone, real speech.

The far end speaks (espeak-ng, one voice and text); its audio enters the app as the engine's
audio sink does (``AudioMixer.feed``) and leaves through the app's output path
(``ui.vicon.audio.play_out``), which also feeds the echo canceller's reverse stream. What the
"speaker" played comes back into the microphone through an echo path: a delay and a synthetic,
exponentially decaying room impulse response. Near-end speech (another voice and text) and a
little noise are added, and the sum goes through the app's microphone path
(``PushAudioSource.push`` / ``pull`` with the :class:`AudioProcessor`) in 20 ms steps, the
order a real call interleaves them in.

Used by tests/conferencing/test_audio_processing.py and benchmarks/bench_audio.py.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
import wave
from dataclasses import dataclass
from pathlib import Path

import av
import numpy as np

from conferencing.audio_processing import APM_RATE, AudioProcessor
from conferencing.media import AUDIO_SAMPLES, PushAudioSource

RATE = APM_RATE
STEP = AUDIO_SAMPLES  # 20 ms, one Opus frame: the size the engine feeds and pulls

FAR_TEXT = (
    "Good morning from Bandung. The mayor welcomes the delegation from Pekanbaru. "
    "Today we discuss the smart city cooperation agreement, public transport, "
    "waste management and the shared data centre for both cities."
)
NEAR_TEXT = "Selamat pagi Bapak Wali Kota, kami dari Pekanbaru siap membahas kesepakatan bersama."


def espeak_available() -> bool:
    """True when espeak-ng (Debian package) is installed."""
    return shutil.which("espeak-ng") is not None


def speech(text: str, voice: str, pitch: int = 50, peak: float = 0.3) -> np.ndarray:
    """``text`` spoken by espeak-ng, resampled to 48 kHz float64 with the given peak (0..1)."""
    with tempfile.TemporaryDirectory(prefix="lintas-speech-") as tmp:
        path = Path(tmp) / "speech.wav"
        subprocess.run(
            ["espeak-ng", "-v", voice, "-p", str(pitch), "-s", "150", "-w", str(path), text],
            check=True,
            capture_output=True,
        )
        with wave.open(str(path)) as w:
            rate = w.getframerate()
            raw = np.frombuffer(w.readframes(w.getnframes()), np.int16)
    frame = av.AudioFrame.from_ndarray(raw.reshape(1, -1), format="s16", layout="mono")
    frame.sample_rate = rate
    resampler = av.AudioResampler(format="s16", layout="mono", rate=RATE)
    parts = [f.to_ndarray().reshape(-1) for f in resampler.resample(frame)]
    parts += [f.to_ndarray().reshape(-1) for f in resampler.resample(None)]
    samples = np.concatenate(parts).astype(np.float64)
    return samples / np.abs(samples).max() * peak * 32767


def room_impulse_response(rt60_s: float = 0.2, length_s: float = 0.2, seed: int = 7) -> np.ndarray:
    """A synthetic RIR: a direct path, then exponentially decaying noise (unit energy)."""
    rng = np.random.default_rng(seed)
    t = np.arange(int(length_s * RATE)) / RATE
    decay = rt60_s / 6.91  # amplitude time constant of a 60 dB energy decay over rt60
    rir = rng.standard_normal(t.size) * np.exp(-t / decay) * 0.3
    rir[0] = 1.0
    return rir / np.sqrt(np.sum(rir**2))


@dataclass
class RoomRun:
    """Signals of one run, all aligned at 48 kHz (float64), and where each talker is active."""

    far: np.ndarray  # what the far end sent (what the speaker played)
    echo: np.ndarray  # the echo as the microphone hears it
    near: np.ndarray  # near-end speech as the microphone hears it
    mic: np.ndarray  # the microphone input (echo + near + noise)
    out: np.ndarray  # what the app sends after processing
    cpu_seconds: float  # process time spent in processing (both streams), for the benchmark

    def _frames(self) -> list[tuple[int, int]]:
        return [(i, i + 480) for i in range(0, self.mic.size - 480, 480)]

    @staticmethod
    def _active(signal: np.ndarray, a: int, b: int, threshold_db: float = -50.0) -> bool:
        rms = np.sqrt(np.mean(signal[a:b] ** 2)) / 32768
        return bool(rms > 10 ** (threshold_db / 20))

    def erle_db(self, start_s: float, end_s: float) -> float:
        """Echo return loss enhancement on echo-only 10 ms frames in [start_s, end_s)."""
        mic_e = out_e = 0.0
        for a, b in self._frames():
            if not start_s * RATE <= a < end_s * RATE:
                continue
            if self._active(self.echo, a, b) and not self._active(self.near, a, b, -70.0):
                mic_e += float(np.sum(self.mic[a:b] ** 2))
                out_e += float(np.sum(self.out[a:b] ** 2))
        assert mic_e > 0, "no echo-only frames in the window"
        return 10 * np.log10(mic_e / max(out_e, 1e-9))

    def double_talk_db(self) -> float:
        """Output energy over near-end energy on frames where both talk (0 dB = kept intact)."""
        near_e = out_e = 0.0
        for a, b in self._frames():
            if self._active(self.echo, a, b) and self._active(self.near, a, b, -40.0):
                near_e += float(np.sum(self.near[a:b] ** 2))
                out_e += float(np.sum(self.out[a:b] ** 2))
        assert near_e > 0, "no double-talk frames"
        return 10 * np.log10(max(out_e, 1e-9) / near_e)

    def double_talk_seconds(self) -> float:
        """How much double talk the run had."""
        return (
            sum(
                1
                for a, b in self._frames()
                if self._active(self.echo, a, b) and self._active(self.near, a, b, -40.0)
            )
            * 0.01
        )


def run_room(
    processor: AudioProcessor | None,
    far_speech: np.ndarray,
    near_speech: np.ndarray,
    *,
    far_start_s: float = 1.0,
    near_start_s: float = 7.0,
    echo_delay_ms: int = 80,
    echo_gain: float = 0.5,
    rir: np.ndarray | None = None,
    noise_rms: float = 3.0,
    on_step: object = None,
) -> RoomRun:
    """Run the room through the app's output and microphone paths; see the module docstring.

    ``on_step(index)`` (if given) is called before each 20 ms step, so a test can change
    Settings mid-run.
    """
    from ui.vicon.audio import AudioMixer, play_out

    rir = room_impulse_response() if rir is None else rir
    total = int(max(far_start_s * RATE + far_speech.size, near_start_s * RATE + near_speech.size))
    total = (total // STEP + 1) * STEP + RATE // 2
    far = np.zeros(total)
    far[int(far_start_s * RATE) : int(far_start_s * RATE) + far_speech.size] = far_speech
    near = np.zeros(total)
    near[int(near_start_s * RATE) : int(near_start_s * RATE) + near_speech.size] = near_speech
    rng = np.random.default_rng(3)
    noise = rng.standard_normal(total) * noise_rms

    mixer = AudioMixer(max_ms=1000)
    reverse = processor.reverse_stream() if processor is not None else None
    source = PushAudioSource(processor=processor)
    delay = echo_delay_ms * RATE // 1000
    history = delay + rir.size  # played samples an echo sample depends on
    played = np.zeros(history + total)  # zero history, then what the speaker played
    echo = np.zeros(total)
    mic = np.zeros(total)
    out = np.zeros(total)
    cpu = 0.0
    chunks: list[bytes] = []

    def speaker(pcm: bytes) -> int:
        chunks.append(pcm)
        return len(pcm)

    for index, t in enumerate(range(0, total, STEP)):
        if callable(on_step):
            on_step(index)
        # The far end's 20 ms arrive from the engine and are played at once.
        mixer.feed("far", np.clip(far[t : t + STEP], -32768, 32767).astype(np.int16).tobytes())
        chunks.clear()
        begin = time.process_time()
        play_out(mixer, STEP * 2, speaker, reverse)
        cpu += time.process_time() - begin
        heard = np.frombuffer(b"".join(chunks), np.int16).astype(np.float64)
        played[history + t : history + t + heard.size] = heard
        # The room: the speaker's sound, delayed and reverberated, reaches the microphone.
        window = played[history + t - delay - rir.size + 1 : history + t - delay + STEP]
        echo[t : t + STEP] = np.convolve(window, rir, mode="valid") * echo_gain
        mic[t : t + STEP] = echo[t : t + STEP] + near[t : t + STEP] + noise[t : t + STEP]
        source.push(np.clip(mic[t : t + STEP], -32768, 32767).astype(np.int16).tobytes())
        begin = time.process_time()
        out[t : t + STEP] = source.pull(STEP)
        cpu += time.process_time() - begin
    return RoomRun(far, echo, near, np.clip(mic, -32768, 32767), out, cpu)
