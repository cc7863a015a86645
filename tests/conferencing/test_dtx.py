"""Discontinuous transmission: a quiet or muted microphone sends a frame every 400 ms."""

from __future__ import annotations

import asyncio

from conferencing.dtx import SilenceGate
from conferencing.fanout import TrackFanout
from conferencing.media import AUDIO_PTIME, PushAudioSource, SyntheticAudioSource

LOUD, QUIET = -20.0, -90.0


def test_sound_goes_out_whole_then_a_hangover_then_one_frame_in_twenty() -> None:
    gate = SilenceGate()
    loud = [gate.admit(LOUD, AUDIO_PTIME) for _ in range(50)]
    quiet = [gate.admit(QUIET, AUDIO_PTIME) for _ in range(100)]  # 2 s of quiet
    assert all(loud)
    assert all(quiet[:20])  # 400 ms of hangover after the sound
    rest = quiet[20:]
    # 1.6 s: one frame every 400 ms (20 frames of 20 ms)
    assert [i for i, sent in enumerate(rest) if sent] == [19, 39, 59, 79]
    assert (gate.frames_sent, gate.frames_held) == (74, 76)
    # Sound again goes out at once: no frame of a word is held back.
    assert gate.admit(LOUD, AUDIO_PTIME)


def test_a_stream_that_starts_quiet_sends_its_first_frame_then_keepalives_only() -> None:
    gate = SilenceGate()
    sent = [i for i in range(60) if gate.admit(QUIET, AUDIO_PTIME)]
    assert sent == [0, 20, 40]


def test_a_short_pause_inside_speech_is_sent_whole() -> None:
    gate = SilenceGate()
    pattern = [LOUD] * 10 + [QUIET] * 15 + [LOUD] * 10  # a 300 ms pause between two words
    assert all(gate.admit(level, AUDIO_PTIME) for level in pattern)


def test_a_muted_fanout_hands_its_peers_silence_every_400_ms_and_sound_at_once_on_unmute() -> None:
    async def body() -> tuple[int, int, float, int]:
        fanout = TrackFanout("audio", SyntheticAudioSource(440, 0.5).track())
        peer = fanout.subscribe()
        for _ in range(5):
            await peer.recv()  # the tone, frame by frame
        fanout.enabled = False  # muted
        for _ in range(20):
            await peer.recv()  # the hangover's silence
        loop = asyncio.get_running_loop()
        started, frames = loop.time(), 0
        while loop.time() - started < 1.2:
            frame = await asyncio.wait_for(peer.recv(), 1.0)
            assert not frame.to_ndarray().any()
            frames += 1
        fanout.enabled = True
        unmuted = loop.time()
        while not (await asyncio.wait_for(peer.recv(), 1.0)).to_ndarray().any():
            pass
        back = loop.time() - unmuted
        assert fanout.gate is not None
        held = fanout.gate.frames_held
        await fanout.close()
        return frames, held, back, fanout.gate.frames_sent

    frames, held, back, sent = asyncio.run(body())
    assert 2 <= frames <= 4  # 1.2 s muted: about 3 keepalives, not 60 frames
    assert held >= 50
    assert back < 0.2  # frames already queued (at most a few) then the tone
    assert sent >= 5 + 20 + frames


def test_a_quiet_room_microphone_is_held_like_a_muted_one() -> None:
    async def body() -> tuple[int, int]:
        source = PushAudioSource()  # nothing pushed: the room is silent
        fanout = TrackFanout("audio", source.track())
        peer = fanout.subscribe()
        await peer.recv()  # the first frame goes out
        await asyncio.sleep(1.0)
        assert fanout.gate is not None
        gate = fanout.gate
        await fanout.close()
        return gate.frames_sent, gate.frames_held

    sent, held = asyncio.run(body())
    assert sent <= 4 and held >= 40
