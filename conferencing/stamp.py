"""A machine-readable stamp drawn into synthetic video frames.

The stamp is a grid of black and white blocks in the top-left corner of the luma plane. It
carries a frame counter (24 bits), the send time in Unix milliseconds (lower 40 bits), a 16-bit
tag of the sending office's name and an 8-bit check. Blocks are at least 8x8 pixels and read
by averaging their centre, so the stamp survives VP8 compression; a frame whose check does not
match (corrupted by loss) reads as ``None`` rather than as a wrong value.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

import numpy as np

COUNTER_BITS = 24
TIME_BITS = 40
TAG_BITS = 16
CHECK_BITS = 8
PAYLOAD_BITS = COUNTER_BITS + TIME_BITS + TAG_BITS
TOTAL_BITS = PAYLOAD_BITS + CHECK_BITS
COUNTER_MASK = (1 << COUNTER_BITS) - 1
TIME_MASK = (1 << TIME_BITS) - 1
MAX_COLUMNS = 44


@dataclass(frozen=True)
class Stamp:
    """What one frame says about itself."""

    counter: int
    sent_ms: int  # Unix ms; only the lower 40 bits travel, see :func:`unwrap_ms`
    tag: int


def office_tag(office: str) -> int:
    """A 16-bit tag of an office name, so a receiver can tell whose frame it got."""
    return zlib.crc32(office.encode("utf-8")) & 0xFFFF


def _layout(width: int) -> tuple[int, int, int]:
    """Block size, columns and rows of the stamp grid for a frame ``width`` pixels wide."""
    block = 8 if width < 320 else 16
    cols = min(MAX_COLUMNS, width // block)
    rows = -(-TOTAL_BITS // cols)
    return block, cols, rows


def stamp_height(width: int, height: int) -> int:
    """Rows of pixels the stamp occupies at the top of the frame."""
    block, _, rows = _layout(width)
    needed = block * rows
    if needed > height:
        raise ValueError(f"a {width}x{height} frame is too small for the stamp")
    return needed


def _check(payload: int) -> int:
    return zlib.crc32(payload.to_bytes(10, "big")) & 0xFF


def _bits(value: Stamp) -> list[int]:
    payload = (
        ((value.counter & COUNTER_MASK) << (TIME_BITS + TAG_BITS))
        | ((value.sent_ms & TIME_MASK) << TAG_BITS)
        | (value.tag & 0xFFFF)
    )
    word = (payload << CHECK_BITS) | _check(payload)
    return [(word >> (TOTAL_BITS - 1 - i)) & 1 for i in range(TOTAL_BITS)]


def draw(y: np.ndarray, u: np.ndarray | None, v: np.ndarray | None, value: Stamp) -> None:
    """Draw ``value`` into the luma plane ``y`` (and neutralise chroma under it), in place."""
    block, cols, _ = _layout(y.shape[1])
    for i, bit in enumerate(_bits(value)):
        r, c = divmod(i, cols)
        y[r * block : (r + 1) * block, c * block : (c + 1) * block] = 255 if bit else 0
    height = stamp_height(y.shape[1], y.shape[0])
    for plane in (u, v):
        if plane is not None:
            plane[: height // 2, : cols * block // 2] = 128


#: Source widths a scaled-down frame may have been drawn at (congestion control sends 720p,
#: 540p, 360p or 180p of a camera-sized source; see conferencing.adaptation).
_SOURCE_WIDTHS = (1280, 960, 640, 320)


#: For each received frame size, the source width whose stamp read there last (``0``: the
#: frame's own width). A stream keeps its scale, so most frames are read at the first try.
_LAST_SOURCE: dict[tuple[int, int], int] = {}


def _window_means(
    integral: np.ndarray, rows: np.ndarray, cols: np.ndarray, half: int
) -> np.ndarray:
    """Mean brightness of the ``(2*half+1)``-pixel square around each (row, col), at once, from
    an integral image (one numpy ``mean`` per bit cost a third of an office's engine loop)."""
    bottom, right = integral.shape[0] - 1, integral.shape[1] - 1
    r0, r1 = rows - half, np.minimum(rows + half + 1, bottom)
    c0, c1 = cols - half, np.minimum(cols + half + 1, right)
    sums = integral[r1, c1] - integral[r0, c1] - integral[r1, c0] + integral[r0, c0]
    return (sums / ((r1 - r0) * (c1 - c0))).astype(np.float32)


def _read_native(luma: np.ndarray, width: int) -> Stamp | None:
    block, cols, rows = _layout(width)
    lo, hi = block // 4, block - block // 4
    grid = luma[: rows * block, : cols * block].astype(np.float32)
    cells = grid.reshape(rows, block, cols, block)[:, lo:hi, :, lo:hi].mean(axis=(1, 3)).reshape(-1)
    return _decode(cells)


def _read_scaled(luma: np.ndarray, source: int) -> Stamp | None:
    """The stamp of a frame drawn ``source`` pixels wide and scaled down to this one."""
    height, width = luma.shape[:2]
    src_block, src_cols, src_rows = _layout(source)
    scaled = src_block * width / source
    if scaled < 3:
        return None
    centres = (np.arange(src_cols * src_rows) % src_cols + 0.5) * scaled
    rows_at = (np.arange(src_cols * src_rows) // src_cols + 0.5) * scaled
    half = max(0, int(scaled / 4))
    bottom = int(rows_at[-1]) + half + 1
    if bottom >= height:
        return None
    right = min(width, int(centres.max()) + half + 1)
    # Only the stamp's corner; int32 holds 255 x its pixels.
    integral = np.zeros((bottom + 1, right + 1), np.int32)
    integral[1:, 1:] = luma[:bottom, :right].astype(np.int32).cumsum(0).cumsum(1)
    cells_at = _window_means(
        integral, rows_at[:TOTAL_BITS].astype(np.int64), centres[:TOTAL_BITS].astype(np.int64), half
    )
    if np.abs(cells_at - 127.5).min() < 40:
        return None  # not clearly black and white blocks: not a stamp at this scale
    return _decode(cells_at)


def read(luma: np.ndarray) -> Stamp | None:
    """Read the stamp from a luma (or any single-channel brightness) image; ``None`` if unreadable.

    A frame scaled down on the way (congestion control, a small simulcast layer) is read at the
    scale of each common source width; the check byte and the office tag still reject a misread.
    """
    height, width = luma.shape[:2]
    try:
        stamp_height(width, height)
    except ValueError:
        return None
    sources = [0, *(w for w in _SOURCE_WIDTHS if w > width)]
    last = _LAST_SOURCE.get((width, height))
    if last in sources:
        sources.remove(last)
        sources.insert(0, last)
    for source in sources:
        found = _read_native(luma, width) if source == 0 else _read_scaled(luma, source)
        if found is not None:
            _LAST_SOURCE[(width, height)] = source
            return found
    return None


def _decode(cells: np.ndarray) -> Stamp | None:
    """The stamp in ``cells`` (one brightness per block), or ``None`` when the check fails."""
    bits = (cells[:TOTAL_BITS] > 127).astype(np.int64)
    word = 0
    for bit in bits:
        word = (word << 1) | int(bit)
    payload, check = word >> CHECK_BITS, word & 0xFF
    if _check(payload) != check:
        return None
    tag = payload & 0xFFFF
    sent = (payload >> TAG_BITS) & TIME_MASK
    counter = payload >> (TIME_BITS + TAG_BITS)
    return Stamp(counter, sent, tag)


def read_frame(frame: object) -> Stamp | None:
    """Read the stamp of a decoded ``av.VideoFrame`` straight from its Y plane (no conversion)."""
    plane = frame.planes[0]  # type: ignore[attr-defined]
    width, height = frame.width, frame.height  # type: ignore[attr-defined]
    luma = np.frombuffer(plane, np.uint8).reshape(-1, plane.line_size)[:height, :width]
    return read(luma)


def read_rgb(rgb: np.ndarray) -> Stamp | None:
    """Read the stamp from an ``HxWx3`` RGB array (as handed to a frame sink)."""
    luma = rgb[..., 0] * 0.299 + rgb[..., 1] * 0.587 + rgb[..., 2] * 0.114
    return read(luma)


def unwrap_ms(sent_low: int, now_ms: int) -> int:
    """Rebuild a full Unix-ms send time from its lower 40 bits using the receiver's clock."""
    base = now_ms & ~TIME_MASK
    candidate = base | sent_low
    if candidate > now_ms + (1 << (TIME_BITS - 1)):
        candidate -= 1 << TIME_BITS
    return candidate
