"""Who is speaking: an audio level per participant and the active speaker, with hysteresis.

The engine measures every decoded remote audio frame and every frame of its own microphone
(after audio processing, i.e. what the others hear) and reports :class:`AudioLevels` at most
:data:`REPORT_HZ` times a second. "Speaking" turns on only after the level stayed above
:data:`SPEAK_ON_DBFS` for :data:`ON_S`, and off only after it stayed below
:data:`SPEAK_OFF_DBFS` for :data:`OFF_S`, so a tile's highlight does not flicker between words
or on a cough. The active speaker changes only when the current one stops speaking (the
speaker view keeps showing the last speaker through a silence).

No Qt here: the UI gets the events through the bridge.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import av
import numpy as np
from aiortc import MediaStreamTrack

REPORT_HZ = 10.0
SPEAK_ON_DBFS = -42.0  # a voice at normal distance from a microphone is well above this
SPEAK_OFF_DBFS = -50.0
ON_S = 0.15
OFF_S = 0.8
FLOOR_DBFS = -70.0  # shown as level 0
MAX_TRACKED = 64  # participants measured at once (a room has at most a few dozen)


def frame_dbfs(frame: av.AudioFrame) -> float:
    """RMS level of ``frame`` in dBFS (full scale = 0; silence = -inf clipped to -120)."""
    samples = frame.to_ndarray()
    if samples.dtype == np.int16:
        data = samples.astype(np.float32) / 32768.0
    elif samples.dtype == np.int32:
        data = samples.astype(np.float32) / 2147483648.0
    else:
        data = samples.astype(np.float32)
    if data.size == 0:
        return -120.0
    rms = float(np.sqrt(np.mean(np.square(data))))
    return 20.0 * math.log10(rms) if rms > 1e-6 else -120.0


def level_of(dbfs: float) -> float:
    """``dbfs`` as 0..1 for a meter (FLOOR_DBFS and below: 0; full scale: 1)."""
    return max(0.0, min(1.0, (dbfs - FLOOR_DBFS) / -FLOOR_DBFS))


@dataclass(frozen=True)
class AudioLevels:
    """Engine event: audio level (0..1) per participant, who speaks, and the active speaker.

    Keys are peer ids; this office's own microphone is under the engine's own ``peer_id``.
    """

    levels: dict[str, float] = field(hash=False)
    speaking: frozenset[str]
    active: str | None


@dataclass
class _Voice:
    dbfs: float = -120.0
    speaking: bool = False
    above_since: float | None = None
    below_since: float | None = None


class SpeakerTracker:
    """Per-participant levels with speaking hysteresis and the active speaker.

    ``clock`` is injectable for tests; :meth:`feed` returns an :class:`AudioLevels` when a
    report is due (at most :data:`REPORT_HZ` a second), else None.
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._voices: dict[str, _Voice] = {}
        self.active: str | None = None
        self._last_report = -1e9

    def forget(self, peer_id: str) -> None:
        """``peer_id`` left: its level and its speaker role go."""
        self._voices.pop(peer_id, None)
        if self.active == peer_id:
            self.active = None

    def feed(self, peer_id: str, dbfs: float) -> AudioLevels | None:
        """One frame's level of ``peer_id``; returns a report when one is due."""
        now = self._clock()
        voice = self._voices.get(peer_id)
        if voice is None:
            if len(self._voices) >= MAX_TRACKED:
                return None
            voice = self._voices[peer_id] = _Voice()
        # Fast attack, slow release: a meter that follows syllables but does not jitter.
        voice.dbfs = dbfs if dbfs > voice.dbfs else max(dbfs, voice.dbfs - 3.0)
        self._hysteresis(voice, dbfs, now)
        self._choose_active()
        if now - self._last_report < 1.0 / REPORT_HZ:
            return None
        self._last_report = now
        return self.report()

    def report(self) -> AudioLevels:
        """The current levels, speakers and active speaker."""
        return AudioLevels(
            levels={peer: round(level_of(v.dbfs), 3) for peer, v in self._voices.items()},
            speaking=frozenset(peer for peer, v in self._voices.items() if v.speaking),
            active=self.active,
        )

    @staticmethod
    def _hysteresis(voice: _Voice, dbfs: float, now: float) -> None:
        if dbfs >= SPEAK_ON_DBFS:
            voice.below_since = None
            if voice.above_since is None:
                voice.above_since = now
            if not voice.speaking and now - voice.above_since >= ON_S:
                voice.speaking = True
        elif dbfs < SPEAK_OFF_DBFS:
            voice.above_since = None
            if voice.below_since is None:
                voice.below_since = now
            if voice.speaking and now - voice.below_since >= OFF_S:
                voice.speaking = False
        else:
            voice.above_since = None  # in between: keep the state, restart both timers
            voice.below_since = None

    def _choose_active(self) -> None:
        current = self._voices.get(self.active or "")
        if current is not None and current.speaking:
            return
        speaking = [(v.dbfs, peer) for peer, v in self._voices.items() if v.speaking]
        if speaking:
            self.active = max(speaking)[1]


class LevelTapTrack(MediaStreamTrack):
    """Passes a local audio track through unchanged, measuring each frame on the way."""

    kind = "audio"

    def __init__(self, source: MediaStreamTrack, on_level: Callable[[float], None]) -> None:
        super().__init__()
        self._source = source
        self._on_level = on_level

    async def recv(self) -> av.AudioFrame:
        frame = await self._source.recv()
        self._on_level(frame_dbfs(frame))
        return frame

    def stop(self) -> None:
        self._source.stop()
        super().stop()
