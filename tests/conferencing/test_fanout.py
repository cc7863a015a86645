"""The fan-out: one source read once for many peers, restamped, muted, or encoded once."""

from __future__ import annotations

import asyncio

import av
import numpy as np

from conferencing import stamp
from conferencing.fanout import MAX_PACKET_BACKLOG, TrackFanout
from conferencing.media import SyntheticAudioSource, SyntheticVideoSource
from conferencing.sharedencoder import SharedVp8Encoder


def test_every_subscriber_gets_every_frame_with_monotonic_pts_across_a_source_switch() -> None:
    async def body() -> tuple[list[int], list[int], list[int | None]]:
        fanout = TrackFanout("video", SyntheticVideoSource("Kota A", 160, 120, 30).track())
        a, b = fanout.subscribe(), fanout.subscribe()
        pts_a, counters_b = [], []
        for _ in range(5):
            pts_a.append((await a.recv()).pts)
            counters_b.append(stamp.read_frame(await b.recv()).counter)  # type: ignore[union-attr]
        await fanout.set_source(SyntheticVideoSource("Kota B", 320, 240, 30).track())
        tags = []
        for _ in range(3):
            frame = await a.recv()
            pts_a.append(frame.pts)
            tags.append(s.tag if (s := stamp.read_frame(frame)) else None)
        await fanout.close()
        return pts_a, counters_b, tags

    pts, counters, tags = asyncio.run(body())
    assert pts == sorted(pts) and len(set(pts)) == len(pts)  # a new source does not restart pts
    assert counters == list(range(counters[0], counters[0] + 5))  # b saw every frame, in order
    assert stamp.office_tag("Kota B") in tags


def test_disabled_sources_send_black_and_silence() -> None:
    async def body() -> tuple[np.ndarray, np.ndarray]:
        video = TrackFanout("video", SyntheticVideoSource("Kota A", 160, 120, 30).track())
        audio = TrackFanout("audio", SyntheticAudioSource(440, 0.5).track())
        v, a = video.subscribe(), audio.subscribe()
        video.enabled = audio.enabled = False
        for _ in range(3):  # let anything produced before the switch drain
            frame = await v.recv()
            sound = await a.recv()
        await video.close()
        await audio.close()
        return frame.to_ndarray(format="rgb24"), sound.to_ndarray()

    picture, sound = asyncio.run(body())
    assert picture.max() < 20 and not sound.any()


def test_shared_encoder_sends_packets_starting_at_a_keyframe_and_bounds_a_slow_peer() -> None:
    async def body() -> tuple[list[bool], list[bool], int, int]:
        encoder = SharedVp8Encoder(30)
        fanout = TrackFanout("video", SyntheticVideoSource("Kota A", 320, 240, 30).track(), encoder)
        fast, slow = fanout.subscribe(), fanout.subscribe()
        fast_keys = []
        for _ in range(20):  # the slow peer reads nothing meanwhile (~0.6 s)
            packet = await fast.recv()
            assert isinstance(packet, av.Packet)
            fast_keys.append(packet.is_keyframe)
        backlog = len(slow._frames)
        slow_keys = [(await slow.recv()).is_keyframe for _ in range(3)]
        await fanout.close()
        return fast_keys, slow_keys, backlog, encoder.frames_encoded

    fast_keys, slow_keys, backlog, encoded = asyncio.run(body())
    assert fast_keys[0] and encoded >= 20
    # The slow peer never holds more than the bound, and resumes at a keyframe.
    assert backlog <= MAX_PACKET_BACKLOG and slow_keys[0]
