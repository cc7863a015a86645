"""Congestion control: RTCP reports drive bitrate, then picture size and frame rate.

Unit tests drive the real controller and the real fan-out with real frames; the namespace tests
run real calls under a tbf rate limit and under nftables random loss.
"""

from __future__ import annotations

import asyncio

import av

from conferencing import stamp
from conferencing.adaptation import (
    LOSS_FLOOR_BPS,
    TIERS,
    AdaptiveVp8Encoder,
    LinkReport,
    RateController,
)
from conferencing.fanout import TrackFanout
from conferencing.media import SyntheticVideoSource
from conferencing.sharedencoder import SharedVp8Encoder
from tests.conferencing.netns import run_scenario

MODULE = "tests.conferencing.adapt_scenarios"


def _size(text: str) -> int:
    w, h = (int(x) for x in text.split("x"))
    return w * h


def test_queueing_delay_steps_down_and_a_clear_link_steps_back_up_one_tier_at_a_time() -> None:
    rc = RateController(1_400_000)
    assert rc.tier == 0
    t = 0.0
    for rtt in (20, 20, 300, 320, 350, 380, 400, 420, 450, 480, 500, 520):
        t += 1
        rc.update(LinkReport(0.0, rtt, None), t)
    assert rc.tier >= 2 and rc.target_bps < 700_000  # 360p or lower
    low = rc.tier
    tiers = []
    for _ in range(40):
        t += 1
        rc.update(LinkReport(0.0, 20, None), t)
        tiers.append(rc.tier)
    assert rc.tier < low  # climbed back
    steps = [b - a for a, b in zip(tiers, tiers[1:], strict=False) if b != a]
    assert steps and all(step == -1 for step in steps)  # never jumps two tiers


def test_random_loss_lowers_the_rate_but_not_below_the_loss_floor() -> None:
    rc = RateController(1_000_000)
    for t in range(30):
        rc.update(LinkReport(0.15, 5, None), float(t))
    assert rc.target_bps == LOSS_FLOOR_BPS
    assert TIERS[rc.tier].fps == 30  # the picture stays fluent
    congested = RateController(1_000_000)
    for t in range(30):  # the same loss with a growing queue is congestion: go lower
        congested.update(LinkReport(0.15, 5 + 40 * t, None), float(t))
    assert congested.target_bps < LOSS_FLOOR_BPS


def test_remb_only_caps_with_headroom_and_the_encoder_keeps_the_engines_rate() -> None:
    rc = RateController(1_000_000)
    rc.update(LinkReport(0.0, 5, 200_000), 0.0)
    assert rc.target_bps == LOSS_FLOOR_BPS  # capped, but an idle link is not talked down
    encoder = AdaptiveVp8Encoder()
    encoder.set_rate(150_000)
    encoder.target_bitrate = 1_200_000  # what aiortc does with a REMB
    assert encoder.remb_bps == 1_200_000 and encoder.target_bitrate == 150_000


def test_fanout_sends_each_peer_its_tier_size_and_frame_rate() -> None:
    async def body() -> tuple[list[tuple[int, int]], list[tuple[int, int]], int, int | None]:
        fanout = TrackFanout("video", SyntheticVideoSource("Kota A", 1280, 720, 30).track())
        full, low = fanout.subscribe(), fanout.subscribe()
        low.set_tier(len(TIERS) - 1)  # 180p at 15 fps
        sizes_full, sizes_low = [], []
        # A second of 30 fps counted in frames, not in wall time (a loaded machine renders
        # 720p slower, and the halving is a property of the frames, not of the clock).
        while len(sizes_full) < 30:
            frame = await full.recv()
            sizes_full.append((frame.width, frame.height))
            if len(sizes_full) % 2 == 0 and low._frames:
                shaped = await low.recv()
                sizes_low.append((shaped.width, shaped.height))
        last = await low.recv()
        tag = s.tag if (s := stamp.read_frame(last)) else None
        await fanout.close()
        return sizes_full, sizes_low, len(sizes_full), tag

    full, low, count, tag = asyncio.run(body())
    assert set(full) == {(1280, 720)} and count == 30
    assert set(low) == {(320, 180)} and 0 < len(low) <= count // 2 + 1
    assert tag == stamp.office_tag("Kota A")  # the scaled picture still carries its stamp


def test_shared_encoder_encodes_once_per_tier_in_use() -> None:
    async def body() -> tuple[set[int], set[int], int, int]:
        encoder = SharedVp8Encoder(30)
        fanout = TrackFanout(
            "video", SyntheticVideoSource("Kota A", 640, 480, 30).track(), encoder
        )
        a, b, c = fanout.subscribe(), fanout.subscribe(), fanout.subscribe()
        c.set_tier(len(TIERS) - 1)
        sizes_a, sizes_c = set(), set()
        for _ in range(10):
            for track, sizes in ((a, sizes_a), (b, None), (c, sizes_c)):
                if track is c and not c._frames:
                    continue
                packet = await track.recv()
                assert isinstance(packet, av.Packet)
                if sizes is not None:
                    sizes.add(len(bytes(packet)))
        low = fanout.encoder_for(len(TIERS) - 1)
        await fanout.close()
        return sizes_a, sizes_c, encoder.frames_encoded, low.frames_encoded

    _, _, full_encodes, low_encodes = asyncio.run(body())
    # a and b share one encode; c's 180p at 15 fps is a second, cheaper one.
    assert full_encodes >= 10 and 0 < low_encodes < full_encodes


def test_720p_under_a_1_mbit_limit_steps_down_keeps_frames_and_climbs_back() -> None:
    r = run_scenario("tbf720", module=MODULE)
    free, limited = r["free"], r["limited"]
    # Under the limit the picture got smaller than on the free link, and smaller than 720p.
    assert _size(limited["resolution_min"]) < _size(free["resolution_max"]), r
    assert _size(limited["resolution_min"]) < 1280 * 720, r
    # Frames kept coming: no freeze over 1 s once the first 5 s of the limit were over.
    assert limited["video_freezes_settled"] == 0, limited
    assert limited["frames"] >= 10 * r["limited_s"], limited
    # The rate went down under the limit and climbed back once it was lifted.
    assert min(r["rates_limited"]) < max(r["rates_after"]), r
    assert r["rates_after"][-1] > r["rates_after"][0], r
    # Congestion control saw each report's own round trip: the queue while it lasted (aiortc
    # alone gives none while the queue outlasts a sender report), and its end at once.
    assert len(r["raw_rtts_limited"]) >= 5 and max(r["raw_rtts_limited"]) > 150, r
    back = [t for t, ms in r["raw_rtts_after"] if ms < 60]
    assert back and back[0] < 5.0, r["raw_rtts_after"]
    # Opus for speech: aiortc's 96 kbit/s sent ~120 kbit/s of payload, a quarter of the link.
    assert r["audio_kbps"] is not None and r["audio_kbps"] < 70, r["audio_kbps"]


def test_15_percent_loss_lowers_the_bitrate_and_the_picture_keeps_coming() -> None:
    r = run_scenario("loss15", module=MODULE)
    assert r["rate_before"] is not None and min(r["rates_lossy"]) < r["rate_before"], r
    assert r["rates_after"][-1] > min(r["rates_lossy"]), r  # climbs back after the loss
    lossy = r["lossy"]
    # The median of the per-second figures: a single second of 15 % random loss can read 4 %.
    assert lossy["loss_pct_median"] is not None and lossy["loss_pct_median"] > 5, lossy
    assert lossy["video_freezes"] == 0, lossy
    assert lossy["fps_steady"] is not None and lossy["fps_steady"] >= 15, lossy
