"""Local media without a network: the stamp through real VP8, push sources, message chunking."""

from __future__ import annotations

import asyncio
import fractions
import time

import numpy as np
import pytest
from aiortc.codecs import get_decoder, get_encoder
from aiortc.codecs.vpx import vp8_depayload
from aiortc.jitterbuffer import JitterFrame
from aiortc.rtcrtpparameters import RTCRtpCodecParameters

from conferencing import channel, stamp
from conferencing.media import (
    AUDIO_SAMPLES,
    PushAudioSource,
    PushVideoSource,
    SyntheticAudioSource,
    SyntheticVideoSource,
)

VP8 = RTCRtpCodecParameters(mimeType="video/VP8", clockRate=90000)


@pytest.mark.parametrize("size", [(320, 240), (640, 480), (1280, 720)])
def test_stamp_survives_vp8_and_identifies_sender(size: tuple[int, int]) -> None:
    source = SyntheticVideoSource("Pemerintah Kota Bandung", *size, fps=30)
    track = source.track()
    encoder, decoder = get_encoder(VP8), get_decoder(VP8)
    now = int(time.time() * 1000)
    read = []
    for i in range(12):
        frame = track.render(i, now + i * 33)  # type: ignore[attr-defined]
        payloads, ts = encoder.encode(frame)
        data = b"".join(vp8_depayload(p) for p in payloads)
        for out in decoder.decode(JitterFrame(data=data, timestamp=ts)):
            read.append(stamp.read_frame(out))
    assert [s.counter for s in read if s] == list(range(12))
    assert {s.tag for s in read if s} == {stamp.office_tag("Pemerintah Kota Bandung")}
    assert [stamp.unwrap_ms(s.sent_ms, now + 5000) for s in read if s] == [
        now + i * 33 for i in range(12)
    ]


@pytest.mark.parametrize(
    ("source", "scaled"),
    [((320, 240), (240, 180)), ((640, 480), (320, 240)), ((1280, 720), (640, 360))],
)
def test_stamp_reads_in_a_scaled_down_frame(
    source: tuple[int, int], scaled: tuple[int, int]
) -> None:
    """The SFU's small simulcast layer and the adaptation tiers send the camera scaled down (a
    320x240 camera's small layer is 240x180): the receiver still reads whose frame it is."""
    track = SyntheticVideoSource("Pemerintah Kota Pekanbaru", *source, fps=15).track()
    encoder, decoder = get_encoder(VP8), get_decoder(VP8)
    read = []
    for i in range(6):
        frame = track.render(i, 1_000 + i * 66).reformat(  # type: ignore[attr-defined]
            width=scaled[0], height=scaled[1]
        )
        frame.pts, frame.time_base = i * 6000, fractions.Fraction(1, 90000)
        payloads, ts = encoder.encode(frame)
        data = b"".join(vp8_depayload(p) for p in payloads)
        for out in decoder.decode(JitterFrame(data=data, timestamp=ts)):
            assert (out.width, out.height) == scaled
            read.append(stamp.read_frame(out))
    assert [s.counter for s in read if s] == list(range(6))
    assert {s.tag for s in read if s} == {stamp.office_tag("Pemerintah Kota Pekanbaru")}


def test_stamp_rejects_corruption() -> None:
    y = np.full((240, 320), 128, np.uint8)
    stamp.draw(y, None, None, stamp.Stamp(41, 123456, 7))
    assert stamp.read(y) == stamp.Stamp(41, 123456, 7)
    y[:16, :16] = 255 - y[:16, :16]  # flip one bit block
    assert stamp.read(y) is None
    assert stamp.read(np.zeros((10, 10), np.uint8)) is None


def test_pattern_shows_office_name_and_moves() -> None:
    track = SyntheticVideoSource("Pemerintah Kota Bandung", 320, 240).track()
    a = track.render(0, 0).to_ndarray(format="rgb24")  # type: ignore[attr-defined]
    b = track.render(10, 0).to_ndarray(format="rgb24")  # type: ignore[attr-defined]
    h = stamp.stamp_height(320, 240)
    assert np.abs(a[h:].astype(int) - b[h:].astype(int)).sum() > 0  # the sweep moved
    text_band = a[h + 4 : h + 4 + 15, 4:200]
    assert (text_band.mean(axis=2) > 200).sum() > 50 and (text_band.mean(axis=2) < 40).sum() > 50


def test_push_video_scales_and_starts_black() -> None:
    source = PushVideoSource(320, 240, fps=50)
    track = source.track()

    async def frames() -> tuple[np.ndarray, np.ndarray]:
        first = (await track.recv()).to_ndarray(format="rgb24")
        source.push(np.full((480, 640, 3), (200, 30, 30), np.uint8))
        second = (await track.recv()).to_ndarray(format="rgb24")
        return first, second

    first, second = asyncio.run(frames())
    assert first.shape == second.shape == (240, 320, 3)
    assert first.max() < 30
    assert abs(int(second[..., 0].mean()) - 200) < 12 and second[..., 1].mean() < 50
    with pytest.raises(ValueError, match="HxWx3"):
        source.push(np.zeros((10, 10), np.uint8))


def test_push_audio_buffers_caps_and_pads_with_silence() -> None:
    source = PushAudioSource(max_buffer_ms=100)
    tone = (np.arange(48_000) % 100).astype(np.int16).tobytes()  # 1 s
    source.push(tone)
    track = source.track()

    async def take(n: int) -> list[np.ndarray]:
        return [(await track.recv()).to_ndarray().reshape(-1) for _ in range(n)]

    chunks = asyncio.run(take(7))
    assert all(c.size == AUDIO_SAMPLES for c in chunks)
    # Only the newest 100 ms were kept: 5 frames of sound, then silence.
    assert all(c.any() for c in chunks[:5]) and not chunks[5].any() and not chunks[6].any()
    assert chunks[4][-1] == np.frombuffer(tone, np.int16)[-1]


def test_synthetic_tone_frequency() -> None:
    track = SyntheticAudioSource(440.0, 0.5).track()

    async def take() -> np.ndarray:
        return np.concatenate([(await track.recv()).to_ndarray().reshape(-1) for _ in range(10)])

    samples = asyncio.run(take()).astype(float)
    spectrum = np.abs(np.fft.rfft(samples))
    assert abs(np.fft.rfftfreq(samples.size, 1 / 48_000)[spectrum.argmax()] - 440) < 6


def test_large_envelopes_are_chunked_and_reassembled() -> None:
    envelope = {
        "t": "app",
        "id": channel.new_id(),
        "kind": "pdf",
        "payload": {"b64": "Q" * 3_000_000},
    }
    parts = channel.encode(envelope)
    assert len(parts) > 100 and all(
        isinstance(x, bytes) and len(x) <= channel.CHUNK_BYTES + 64 for x in parts
    )
    r = channel.Reassembler()
    results = [r.feed(x) for x in reversed(parts)]  # order does not matter
    assert results[:-1] == [None] * (len(parts) - 1) and results[-1] == envelope
    small = {"t": "chat", "id": "1", "text": "halo"}
    assert channel.Reassembler().feed(channel.encode(small)[0]) == small


@pytest.mark.parametrize(
    "bad", [b"xx", b"LC1" + b"\0" * 16 + b"\0\0\0\5\0\0\0\1", "not json", '"a string"']
)
def test_malformed_channel_messages_are_refused(bad: str | bytes) -> None:
    with pytest.raises(channel.ChannelError):
        channel.Reassembler().feed(bad)


def test_outbox_and_duplicate_filter() -> None:
    box = channel.Outbox()
    for i in range(3):
        box.add({"t": "app", "id": str(i)})
    box.ack("1")
    assert [e["id"] for e in box.pending()] == ["0", "2"]
    seen = channel.SeenIds(limit=2)
    assert seen.first_time("a") and not seen.first_time("a")
    assert seen.first_time("b") and seen.first_time("c") and seen.first_time("a")  # "a" aged out
