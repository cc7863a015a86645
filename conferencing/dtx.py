"""Discontinuous transmission: a quiet or muted microphone sends almost nothing.

Most offices in a session listen. Sending their silence 50 times a second costs every other
office as much as a speaker: the same packets to receive, decrypt, decode and mix, and the same
again on the SFU, which forwards each one to everyone. On Janus with 8 offices, 7 streams of
silence were a quarter of the session's CPU (docs/PERFORMANCE.md). Browsers do the same with
Opus DTX (RFC 7587, section 3.1.3): while the signal stays below a floor they send one frame
every 400 ms, so the receiver still knows the stream is alive and hears the room's noise floor.

:class:`SilenceGate` decides frame by frame. After sound it keeps sending for a hangover, which
also pushes the last spoken frames out of the receiver's jitter buffer (aiortc holds back four
audio frames until later ones arrive) and lets the receiver's speaking detector see the level
fall. The RTP timestamps of the frames sent keep counting through the gap, so the receiver
places the next word in time.
"""

from __future__ import annotations

#: Below this level a frame counts as quiet. A voice at a normal distance is above -45 dBFS
#: (conferencing.speaking.SPEAK_ON_DBFS is -42); a quiet room after noise suppression is below -60.
SILENCE_DBFS = -60.0
#: Quiet after sound that is still sent, in seconds.
HANGOVER_S = 0.4
#: While quiet, one frame goes out this often (Opus DTX's 400 ms).
KEEPALIVE_S = 0.4


class SilenceGate:
    """Which audio frames go out: all while there is sound, then a hangover, then keepalives."""

    def __init__(
        self,
        silence_dbfs: float = SILENCE_DBFS,
        hangover_s: float = HANGOVER_S,
        keepalive_s: float = KEEPALIVE_S,
    ) -> None:
        self.silence_dbfs = silence_dbfs
        self.hangover_s = hangover_s
        self.keepalive_s = keepalive_s
        self._quiet_s = hangover_s  # a stream starts quiet: no hangover to spend
        self._since_sent_s = keepalive_s  # so the very first frame goes out
        self.frames_sent = 0
        self.frames_held = 0

    def admit(self, dbfs: float, duration_s: float) -> bool:
        """Whether a frame at ``dbfs`` lasting ``duration_s`` seconds is sent."""
        if dbfs >= self.silence_dbfs:
            self._quiet_s = 0.0
            send = True
        else:
            self._quiet_s += duration_s
            send = (
                self._quiet_s <= self.hangover_s + 1e-9
                or self._since_sent_s >= self.keepalive_s - 1e-9
            )
        if send:
            self._since_sent_s = duration_s
            self.frames_sent += 1
        else:
            self._since_sent_s += duration_s
            self.frames_held += 1
        return send
