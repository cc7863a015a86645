"""The presentation's encoder and sources, as units (real libvpx, no network)."""

from __future__ import annotations

import fractions

import av
import numpy as np
import pytest
from aiortc.codecs.vpx import vp8_depayload

from conferencing.media import VIDEO_CLOCK
from conferencing.presenting import (
    SCREEN_BPS,
    SCREEN_MIN_BPS,
    ScreenVp8Encoder,
    SlideSource,
    psnr,
    synthetic_slide,
)


def test_the_synthetic_slide_is_detailed_and_the_same_every_time() -> None:
    a, b = synthetic_slide(1920, 1080), synthetic_slide(1920, 1080)
    assert a.shape == (1080, 1920, 3) and np.array_equal(a, b)
    # Fine detail: neighbouring pixels differ a lot in many places (text, line pairs).
    edges = np.abs(np.diff(a.astype(np.int16), axis=1)).max(axis=2) > 100
    assert edges.mean() > 0.03
    with pytest.raises(ValueError):
        synthetic_slide(100, 100)


def test_slide_source_keeps_the_size_and_caps_huge_images() -> None:
    source = SlideSource(synthetic_slide(1920, 1080))
    frame = source._frame()
    assert frame is not None and (frame.width, frame.height) == (1920, 1080)
    source.show(np.zeros((5000, 8000, 3), np.uint8))
    assert (source.width, source.height) == (3840, 2400)
    with pytest.raises(ValueError):
        source.show(np.zeros((10, 10), np.uint8))


def test_the_rate_follows_remb_only_when_the_link_carries_less_than_half() -> None:
    encoder = ScreenVp8Encoder()
    assert encoder.effective_bps() == SCREEN_BPS
    encoder.target_bitrate = 1_500_000  # an idle link's REMB: what arrived, not a limit
    assert encoder.effective_bps() == SCREEN_BPS
    encoder.target_bitrate = 400_000  # the link really carries less
    assert encoder.effective_bps() == 600_000
    encoder.target_bitrate = 50_000
    assert encoder.effective_bps() == SCREEN_MIN_BPS


def test_a_still_slide_sharpens_to_35_db_within_ten_frames() -> None:
    image = synthetic_slide(1920, 1080)
    source, encoder = SlideSource(image), ScreenVp8Encoder()
    decoder = av.CodecContext.create("vp8", "r")
    scores, keyframe_packets = [], 0
    for index in range(10):
        frame = source._frame()
        assert frame is not None
        frame.pts, frame.time_base = index * VIDEO_CLOCK // 5, fractions.Fraction(1, VIDEO_CLOCK)
        payloads, _ = encoder.encode(frame)
        keyframe_packets = keyframe_packets or len(payloads)
        data = b"".join(vp8_depayload(p) for p in payloads)
        for decoded in decoder.decode(av.Packet(data)):
            scores.append(psnr(decoded.to_ndarray(format="rgb24"), image))
    assert encoder.keyframes == 1 and encoder.last_size == (1920, 1080)
    assert keyframe_packets < 256  # the capped keyframe fits the receiver's jitter buffer
    assert scores[-1] >= 35.0 and scores[-1] > scores[0]
