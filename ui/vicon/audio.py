"""Remote audio playback: per-peer buffers filled by engine threads, mixed into a QAudioSink.

The engine calls the audio sink on its own threads with 20 ms of s16 mono 48 kHz PCM per peer.
:class:`AudioMixer` keeps a short locked buffer per peer (capped, so a stalled speaker never
builds latency) and :class:`SpeakerOutput` drains it on a GUI-thread timer into the device.
"""

from __future__ import annotations

import threading

import numpy as np
from PySide6.QtCore import QIODevice, QObject, QTimer
from PySide6.QtMultimedia import QAudioDevice, QAudioSink

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


class SpeakerOutput(QObject):
    """Plays :class:`AudioMixer` output on a QAudioSink, topping it up every 20 ms."""

    def __init__(
        self, mixer: AudioMixer, device: QAudioDevice, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.mixer = mixer
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
        room = min(self._sink.bytesFree(), self.mixer.available()) & ~1
        if room > 0:
            self.bytes_played += max(0, self._io.write(self.mixer.mix(room)))
