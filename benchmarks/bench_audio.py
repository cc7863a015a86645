"""Audio processing on the microphone path: CPU share, echo reduction, double talk.

Budget (issue 12): audio processing at most 5 % of one core. The run is the simulated meeting
room of the tests (tests/conferencing/audio_room.py): espeak-ng far-end speech through the app's
output path (which feeds the reverse stream), an 80 ms echo path with a 0.2 s RT60 room
impulse response, near-end speech over it, and the app's microphone path with WebRTC's APM.
CPU is process time spent in the playback mix + reverse stream and the microphone pull +
processing (both streams at 48 kHz, 10 ms frames), divided by the audio's duration. ERLE is
measured on echo-only frames from 2 s after the far end starts; the double-talk figure is the
near-end level change (output over near-end input) while both talk, automatic gain off.
"""

from __future__ import annotations

import shutil

from benchmarks.result import Measurement

AREA = "audio"


def run() -> list[Measurement]:
    """The rows for docs/PERFORMANCE.md."""
    if shutil.which("espeak-ng") is None:
        return [Measurement(AREA, "audio processing", 0, "-", None, note="espeak-ng missing")]
    from conferencing.audio_processing import AudioProcessor, ProcessingOptions
    from tests.conferencing.audio_room import FAR_TEXT, NEAR_TEXT, RATE, run_room, speech

    far = speech(FAR_TEXT, "en-us", pitch=45)
    near = speech(NEAR_TEXT, "id", pitch=75)
    runs = [run_room(AudioProcessor(ProcessingOptions()), far, near) for _ in range(3)]
    seconds = runs[0].mic.size / RATE
    share = min(r.cpu_seconds for r in runs) / seconds * 100
    erle_default = runs[0].erle_db(3.0, 7.0)
    no_agc = run_room(AudioProcessor(ProcessingOptions(auto_gain=False)), far, near)
    aec_only = run_room(AudioProcessor(ProcessingOptions(True, False, False, False)), far, near)
    note = f"{seconds:.1f} s of speech, best of 3, 48 kHz mono"
    return [
        Measurement(AREA, "audio processing (AEC3, NS, AGC, HPF): CPU", share, "% of a core", 5.0,
                    note=note),
        Measurement(AREA, "echo cancellation only: CPU",
                    aec_only.cpu_seconds / seconds * 100, "% of a core", None, note="one run"),
        Measurement(AREA, "echo reduction 2 s after the far end starts (all on)", erle_default,
                    "dB", 30.0, lower_is_better=False, note="80 ms delay, RT60 0.2 s"),
        Measurement(AREA, "echo reduction, automatic gain off", no_agc.erle_db(3.0, 7.0), "dB",
                    30.0, lower_is_better=False, note="80 ms delay, RT60 0.2 s"),
        Measurement(AREA, "near-end level change in double talk, automatic gain off",
                    abs(no_agc.double_talk_db()), "dB", 6.0,
                    note=f"{no_agc.double_talk_seconds():.1f} s of double talk"),
    ]  # fmt: skip


if __name__ == "__main__":
    for row in run():
        print(row)
