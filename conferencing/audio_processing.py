"""WebRTC audio processing on the microphone path: echo cancellation, noise, gain, high-pass.

A meeting room has one speaker and one microphone: the other office's voice leaves the speaker,
comes back through the room into the microphone, and without echo cancellation they hear
themselves a fraction of a second later. aiortc has no audio processing, so the microphone
path runs WebRTC's own audio processing module (APM: AEC3, noise suppression, automatic gain
and a high-pass filter) through the ``livekit`` wheel (``livekit.rtc.AudioProcessingModule``;
docs/audio.md says why this binding).

Two streams meet in one :class:`AudioProcessor`:

* the *capture* stream, the microphone, processed in place in 10 ms frames
  (:meth:`AudioProcessor.process_capture`, called by :class:`~conferencing.media.PushAudioSource`);
* the *reverse* stream, the far-end mix exactly as it is written to the speaker, cut into 10 ms
  frames at the APM's rate by a :class:`ReverseStream` (fed by the playback path).

The APM needs to know how long a far-end sample takes from the reverse stream to the speaker
(``render``) plus how long a microphone sample waits before it is processed (``capture``); AEC3
refines that estimate itself, so a rough hint is enough. No Qt here.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

import av
import numpy as np

#: The APM runs at the engine's rate: no resampling on the microphone path.
APM_RATE = 48_000
FRAME_MS = 10
FRAME_SAMPLES = APM_RATE * FRAME_MS // 1000
#: Delay hints beyond this are nonsense (a stalled device); AEC3 searches about this far anyway.
MAX_DELAY_MS = 500
#: At most this much far-end audio is cut into frames per call (bounds the work of one feed).
MAX_REVERSE_FEED_MS = 1000


@dataclass(frozen=True)
class ProcessingOptions:
    """Which parts of the APM run. All on is the meeting-room default."""

    echo_cancellation: bool = True
    noise_suppression: bool = True
    auto_gain: bool = True
    high_pass: bool = True

    @property
    def active(self) -> bool:
        """True when at least one part runs (otherwise the microphone passes untouched)."""
        return self.echo_cancellation or self.noise_suppression or self.auto_gain or self.high_pass


def _new_apm(options: ProcessingOptions) -> Any:
    # Imported here: the native library loads only when a microphone is really processed.
    from livekit import rtc

    return rtc.AudioProcessingModule(
        echo_cancellation=options.echo_cancellation,
        noise_suppression=options.noise_suppression,
        high_pass_filter=options.high_pass,
        auto_gain_control=options.auto_gain,
    )


class AudioProcessor:
    """One APM shared by the capture (microphone) and reverse (speaker) streams.

    Thread-safe: the microphone is processed on the engine thread, the reverse stream is fed
    from the GUI thread's playback timer. :meth:`configure` switches parts on or off during a
    call (a new APM is made; echo cancellation re-converges within a couple of seconds).
    """

    def __init__(self, options: ProcessingOptions | None = None) -> None:
        self._lock = threading.Lock()
        self._options = options or ProcessingOptions()
        self._apm: Any = _new_apm(self._options) if self._options.active else None
        self._render_delay_ms = 0.0
        self.frames_processed = 0
        self.reverse_frames = 0

    @property
    def options(self) -> ProcessingOptions:
        """The parts running now."""
        return self._options

    def configure(self, options: ProcessingOptions) -> None:
        """Apply new options from now on (no-op when nothing changed)."""
        with self._lock:
            if options == self._options:
                return
            self._options = options
            self._apm = _new_apm(options) if options.active else None

    def set_render_delay(self, delay_ms: float) -> None:
        """How long far-end audio just fed to the reverse stream waits before the speaker plays it."""
        self._render_delay_ms = min(max(0.0, float(delay_ms)), MAX_DELAY_MS)

    def analyze_reverse(self, frame: np.ndarray) -> None:
        """Feed one 10 ms far-end frame (int16, APM_RATE, mono) to the echo canceller."""
        if frame.shape != (FRAME_SAMPLES,) or frame.dtype != np.int16:
            raise ValueError(f"a reverse frame is {FRAME_SAMPLES} int16 samples")
        from livekit import rtc

        with self._lock:
            if self._apm is None or not self._options.echo_cancellation:
                return
            self._apm.process_reverse_stream(
                rtc.AudioFrame(frame.tobytes(), APM_RATE, 1, FRAME_SAMPLES)
            )
            self.reverse_frames += 1

    def process_capture(self, samples: np.ndarray, capture_delay_ms: float = 0.0) -> np.ndarray:
        """Process microphone audio (int16 mono at APM_RATE, a whole number of 10 ms frames).

        ``capture_delay_ms`` is how long the first sample waited since the device captured it.
        Returns a new array; with every part off, the input comes back unchanged.
        """
        if samples.dtype != np.int16 or samples.ndim != 1 or samples.size % FRAME_SAMPLES:
            raise ValueError(f"capture audio is int16 mono in frames of {FRAME_SAMPLES} samples")
        from livekit import rtc

        out = samples.copy()
        with self._lock:
            apm, options = self._apm, self._options
            if apm is None:
                return out
            delay = int(min(self._render_delay_ms + max(0.0, capture_delay_ms), MAX_DELAY_MS))
            for start in range(0, out.size, FRAME_SAMPLES):
                frame = rtc.AudioFrame(
                    out[start : start + FRAME_SAMPLES].tobytes(), APM_RATE, 1, FRAME_SAMPLES
                )
                if options.echo_cancellation:
                    # Required before each capture frame while echo cancellation runs.
                    apm.set_stream_delay_ms(delay)
                apm.process_stream(frame)
                out[start : start + FRAME_SAMPLES] = np.frombuffer(bytes(frame.data), np.int16)
                self.frames_processed += 1
        return out

    def reverse_stream(self, rate: int = APM_RATE) -> ReverseStream:
        """A reverse stream for a speaker that plays s16 mono at ``rate``."""
        return ReverseStream(self, rate)


class ReverseStream:
    """The far-end mix exactly as it goes to the speaker, as 10 ms frames at the APM's rate.

    Feed it the bytes written to the output device, in order, with how much audio the device
    still had queued ahead of them. Audio at another rate is resampled first.
    """

    def __init__(self, processor: AudioProcessor, rate: int = APM_RATE) -> None:
        if not 8000 <= rate <= 192_000:
            raise ValueError(f"unsupported speaker rate {rate}")
        self._processor = processor
        self._rate = rate
        self._pending = np.zeros(0, np.int16)
        self._resampler = (
            av.AudioResampler(format="s16", layout="mono", rate=APM_RATE)
            if rate != APM_RATE
            else None
        )
        self._pts = 0

    def feed(self, pcm: bytes, queued_ms: float = 0.0) -> int:
        """Take s16 mono PCM written to the speaker; returns how many 10 ms frames were analysed.

        ``queued_ms`` is the audio already waiting in the device before this chunk (the render
        part of the delay estimate). At most MAX_REVERSE_FEED_MS are taken per call; older audio
        beyond that is dropped, as the speaker could not have played it in time either.
        """
        limit = self._rate * 2 * MAX_REVERSE_FEED_MS // 1000
        data = pcm[-limit:] if len(pcm) > limit else pcm
        samples = np.frombuffer(data[: len(data) & ~1], np.int16)
        if self._resampler is not None and samples.size:
            frame = av.AudioFrame.from_ndarray(samples.reshape(1, -1), format="s16", layout="mono")
            frame.sample_rate = self._rate
            frame.pts = self._pts
            self._pts += samples.size
            samples = np.concatenate(
                [f.to_ndarray().reshape(-1) for f in self._resampler.resample(frame)]
                or [np.zeros(0, np.int16)]
            ).astype(np.int16)
        pending = np.concatenate([self._pending, samples])
        whole = pending.size - pending.size % FRAME_SAMPLES
        # The delay of the chunk's first sample: what the device holds ahead of it.
        self._processor.set_render_delay(queued_ms)
        for start in range(0, whole, FRAME_SAMPLES):
            self._processor.analyze_reverse(pending[start : start + FRAME_SAMPLES])
        self._pending = pending[whole:].copy()
        return whole // FRAME_SAMPLES
