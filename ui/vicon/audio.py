"""Remote audio playback: per-peer buffers filled by engine threads, mixed into a QAudioSink.

The engine calls the audio sink on its own threads with 20 ms of s16 mono 48 kHz PCM per peer.
:class:`AudioMixer` keeps a short locked buffer per peer (capped, so a stalled speaker never
builds latency) and :class:`SpeakerOutput` drains it on a GUI-thread timer into the device.
Whatever is written to the device is also the echo canceller's reverse stream
(:func:`play_out`), so the microphone path can remove it when it comes back from the room.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QIODevice, QObject, QTimer
from PySide6.QtMultimedia import QAudioDevice, QAudioSink

from conferencing.audio_processing import AudioProcessor, ProcessingOptions, ReverseStream
from ui.settings import Settings
from ui.vicon.devices import AUDIO_RATE, pcm_format

_BYTES_PER_MS = AUDIO_RATE * 2 // 1000
#: Per-peer playback buffer cap; more than this means we fell behind, so drop the oldest audio.
MAX_PLAYBACK_MS = 200


class AudioMixer:
    """Thread-safe per-peer PCM buffers, mixed on demand into one s16 mono stream."""

    def __init__(self, max_ms: int = MAX_PLAYBACK_MS) -> None:
        self._lock = threading.Lock()
        self._buffers: dict[str, bytearray] = {}
        self._max = max_ms * _BYTES_PER_MS
        self.bytes_received = 0

    def feed(self, peer_id: str, pcm: bytes) -> None:
        """Engine audio sink: called on engine threads with s16 mono 48 kHz PCM."""
        with self._lock:
            buf = self._buffers.setdefault(peer_id, bytearray())
            buf += pcm
            self.bytes_received += len(pcm)
            excess = len(buf) - self._max
            if excess > 0:
                del buf[: excess + (excess & 1)]

    def drop(self, peer_id: str) -> None:
        """Forget a peer that left."""
        with self._lock:
            self._buffers.pop(peer_id, None)

    def available(self) -> int:
        """Bytes that can be mixed without padding (the fullest buffer decides)."""
        with self._lock:
            return max((len(b) for b in self._buffers.values()), default=0) & ~1

    def mix(self, nbytes: int) -> bytes:
        """Take up to ``nbytes`` from every peer, sum with clipping, pad short peers with silence."""
        samples = nbytes // 2
        total = np.zeros(samples, np.int32)
        with self._lock:
            for buf in self._buffers.values():
                take = min(len(buf) & ~1, samples * 2)
                if take:
                    total[: take // 2] += np.frombuffer(bytes(buf[:take]), np.int16)
                    del buf[:take]
        return np.clip(total, -32768, 32767).astype(np.int16).tobytes()


#: Processors of the calls open in this process, so a change in Settings applies to them live.
_LIVE_PROCESSORS: weakref.WeakSet[AudioProcessor] = weakref.WeakSet()


def processing_options(settings: Settings | None) -> ProcessingOptions:
    """The audio processing chosen in Settings (everything on without settings)."""
    if settings is None:
        return ProcessingOptions()
    return ProcessingOptions(
        echo_cancellation=settings.echo_cancellation,
        noise_suppression=settings.noise_suppression,
        auto_gain=settings.auto_gain,
        high_pass=settings.high_pass_filter,
    )


def register_processor(processor: AudioProcessor) -> None:
    """Let :func:`apply_to_open_calls` reach ``processor`` while it lives."""
    _LIVE_PROCESSORS.add(processor)


def apply_to_open_calls(options: ProcessingOptions) -> int:
    """Switch audio processing in every open call now; returns how many calls were changed."""
    processors = list(_LIVE_PROCESSORS)
    for processor in processors:
        processor.configure(options)
    return len(processors)


def play_out(
    mixer: AudioMixer,
    nbytes: int,
    write: Callable[[bytes], int],
    reverse: ReverseStream | None,
    queued_ms: float = 0.0,
) -> int:
    """Mix ``nbytes`` for the speaker, write them, and feed what was written to ``reverse``.

    The reverse stream must be exactly what the speaker plays, so only the bytes the device
    accepted are fed. ``queued_ms`` is the audio the device still holds ahead of this chunk.
    Returns the bytes written.
    """
    pcm = mixer.mix(nbytes)
    written = max(0, write(pcm))
    if reverse is not None and written:
        reverse.feed(pcm[:written], queued_ms)
    return written


class SpeakerOutput(QObject):
    """Plays :class:`AudioMixer` output on a QAudioSink, topping it up every 20 ms.

    With a ``reverse`` stream, what is played also feeds the microphone's echo canceller.
    """

    def __init__(
        self,
        mixer: AudioMixer,
        device: QAudioDevice,
        parent: QObject | None = None,
        *,
        reverse: ReverseStream | None = None,
    ) -> None:
        super().__init__(parent)
        self.mixer = mixer
        self.reverse = reverse
        self._sink = QAudioSink(device, pcm_format(), self)
        self._io: QIODevice | None = None
        self.bytes_played = 0
        self._timer = QTimer(self)
        self._timer.setInterval(20)
        self._timer.timeout.connect(self._pump)

    def start(self) -> None:
        """Open the device in push mode."""
        self._io = self._sink.start()
        self._timer.start()

    def stop(self) -> None:
        """Close the device."""
        self._timer.stop()
        self._sink.stop()
        self._io = None

    def _pump(self) -> None:
        if self._io is None:
            return
        free = self._sink.bytesFree()
        room = min(free, self.mixer.available()) & ~1
        if room > 0:
            # Audio still queued in the device plays before this chunk: the render delay.
            queued_ms = max(0, self._sink.bufferSize() - free) / _BYTES_PER_MS
            self.bytes_played += play_out(self.mixer, room, self._io.write, self.reverse, queued_ms)
