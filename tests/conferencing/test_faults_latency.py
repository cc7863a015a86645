"""Latency cannot build up in the video receive path, and noisy loss is not congestion.

Real VP8 packets from aiortc's encoder (the synthetic stamped picture), fed to the real jitter
buffer and decoded by aiortc's VP8 decoder; the stamp read back from the pixels says which frame
came out. The whole chain under a 1 Mbit limit is measured by benchmarks/bench_links.py.
"""

from __future__ import annotations

import time

from aiortc import RTCPeerConnection
from aiortc.codecs.vpx import Vp8Decoder, Vp8Encoder, vp8_depayload
from aiortc.jitterbuffer import JitterBuffer, JitterFrame
from aiortc.rtp import RtpPacket

from conferencing import jitter, rtcptap, stamp
from conferencing.adaptation import TIERS, LinkReport, RateController
from conferencing.media import SyntheticVideoSource

FPS = 30


def _packets(frames: int, *, keyframe_at: tuple[int, ...] = ()) -> list[list[RtpPacket]]:
    """``frames`` stamped 320x240 frames as RTP packets, one list per frame (small: 1-3 each)."""
    track = SyntheticVideoSource("Kota Bandung", 320, 240, FPS).track()
    encoder = Vp8Encoder()
    out, seq = [], 4000
    for index in range(frames):
        frame = track.render(index, 1_000 + index)  # type: ignore[attr-defined]
        payloads, ts = encoder.encode(frame, force_keyframe=index in keyframe_at)
        group = []
        for n, payload in enumerate(payloads):
            packet = RtpPacket(payload_type=96, sequence_number=seq & 0xFFFF, timestamp=ts,
                               marker=n == len(payloads) - 1, ssrc=1234)  # fmt: skip
            packet.payload = payload
            packet._data = vp8_depayload(payload)  # type: ignore[attr-defined]
            group.append(packet)
            seq += 1
        out.append(group)
    return out


def _counters(frames: list[JitterFrame], decoder: Vp8Decoder) -> list[int | None]:
    counters = []
    for encoded in frames:
        for image in decoder.decode(encoded):
            value = stamp.read_frame(image)
            counters.append(value.counter if value else None)
    return counters


def _feed(buffer: JitterBuffer, packets: list[RtpPacket], drain: bool) -> list[JitterFrame]:
    out = []
    for packet in packets:
        _, frame = buffer.add(packet)
        if frame is not None:
            out.append(frame)
        while drain and isinstance(buffer, jitter.BoundedJitterBuffer):
            more = buffer.pop_complete()
            if more is None:
                break
            out.append(more)
    return out


def test_a_packet_lost_for_good_holds_the_picture_back_at_most_the_wait_bound() -> None:
    frames = _packets(60, keyframe_at=(30,))  # 30: the keyframe the sender answers with
    lost = frames[10][0]  # frame 10 never arrives, nor its retransmission
    stream = [p for group in frames for p in group if p is not lost]
    bounded = jitter.BoundedJitterBuffer()
    released: list[int] = []  # frames out after each packet
    out: list[JitterFrame] = []
    plis = 0
    for packet in stream:
        pli, frame = bounded.add(packet)
        plis += pli
        out += [frame] if frame is not None else []
        while (more := bounded.pop_complete()) is not None:
            out.append(more)
        released.append(len(out))
    counters = _counters(out, Vp8Decoder())
    # Every frame but the lost one came out, the one before it at once (its marker bit says it
    # is whole), the ones after it once they were MAX_WAIT_MS newer, not after 128 packets.
    assert len(out) == 59 and counters[:10] == list(range(10)), counters
    assert counters[30:] == list(range(31, 60))  # whole again from the keyframe on
    first_after = next(n for n, count in enumerate(released) if count > 10)
    waited = (stream[first_after].timestamp - frames[11][0].timestamp) / jitter.VIDEO_CLOCK
    assert waited <= jitter.MAX_WAIT_MS / 1000 + 2 / FPS, waited
    assert bounded.skips == 1 and plis >= 1  # and a keyframe was asked for
    # aiortc's own buffer, fed the same packets, was still waiting at the end of the stream.
    stock = JitterBuffer(128, is_video=True)
    assert len(_feed(stock, stream, drain=False)) == 9


def test_the_keyframe_request_is_repeated_until_a_keyframe_arrives() -> None:
    frames = _packets(40, keyframe_at=(30,))
    lost = frames[5][0]
    stream = [p for group in frames for p in group if p is not lost]
    bounded = jitter.BoundedJitterBuffer()
    asked: list[int] = []
    for n, packet in enumerate(stream):
        if n and n % 4 == 0:
            time.sleep(jitter.PLI_REPEAT_S / 3)  # packets over time: about 1.2 s in all
        pli, _ = bounded.add(packet)
        if pli:
            asked.append(n)
        while bounded.pop_complete() is not None:
            pass
    keyframe_at = stream.index(frames[30][0])
    before, after = [n for n in asked if n < keyframe_at], [n for n in asked if n > keyframe_at]
    assert len(before) >= 2, asked  # the request was sent again while no keyframe came
    assert after == [], asked  # and no more once the keyframe arrived


def test_a_late_retransmission_releases_the_whole_backlog_at_once() -> None:
    frames = _packets(12)  # 0.4 s of video: within the wait bound, nothing is given up on
    late = frames[3][0]
    stream = [p for group in frames for p in group if p is not late]
    bounded, stock = jitter.BoundedJitterBuffer(), JitterBuffer(128, is_video=True)
    assert len(_feed(bounded, stream, drain=True)) == 3  # frames 0-2 (2: by its marker bit)
    assert len(_feed(stock, stream, drain=False)) == 2
    # The retransmission arrives: the bounded buffer hands over frames 3-11 in one go; aiortc's
    # one frame for that packet and then one per packet after it, so at one packet per frame
    # the backlog (here 0.3 s) would never drain.
    assert len(_feed(bounded, [late], drain=True)) == 9
    assert len(_feed(stock, [late], drain=False)) == 1


def test_a_noisy_line_is_not_taken_for_an_overflowing_queue() -> None:
    noisy = RateController(500_000)
    losses = [0.3, 0.1, 0.28, 0.12, 0.3, 0.15] * 4  # 15 % on average, single reports over 25 %
    for t, loss in enumerate(losses):
        noisy.update(LinkReport(loss, 5.0, None, sent_bps=480_000), float(t))
    assert TIERS[noisy.tier].height == 360 and noisy.target_bps >= 300_000
    overflowing = RateController(500_000)
    for t in range(6):  # the same line once loss stays high with a queue: back off below it
        overflowing.update(LinkReport(0.4, 5.0 + 150 * t, None, sent_bps=480_000), float(t))
    assert overflowing.target_bps < 200_000


def test_retransmissions_are_bounded_per_round_trip_and_by_rate() -> None:
    import asyncio

    async def body() -> tuple[list[bool], list[bool], int]:
        pc = RTCPeerConnection()
        sender = pc.addTransceiver("video").sender  # aiortc's real sender, not started
        tap = rtcptap.ReportTap(sender)
        assert tap.attached
        tap.rate_bps = 300_000  # 40 %: 12.5 retransmissions of 1200 bytes a second
        await asyncio.sleep(1.0)  # the budget fills
        again = [tap._may_retransmit(7), tap._may_retransmit(7)]  # the same packet at once
        storm = [tap._may_retransmit(100 + n) for n in range(40)]  # a NACK listing 40 packets
        await asyncio.sleep(tap.repeat_s() + 0.05)
        later = tap._may_retransmit(7)
        await pc.close()
        return again, storm, int(later)

    again, storm, later = asyncio.run(body())
    assert again == [True, False]  # its first retransmission may still be on its way
    assert 8 <= sum(storm) <= 14, sum(storm)  # within the rate's share, not all 40
    assert later == 1  # after a round trip it may go again (budget permitting)
