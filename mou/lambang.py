"""The lambang (regional emblem) as it travels between offices: PNG bytes, checked before storing.

A counterpart's lambang arrives inside its office card and ends up on the first page of every PDF
of a shared agreement, so a card must not be able to smuggle in something else or something huge.
The check walks the PNG chunk structure (signature, CRC of every chunk, IHDR first, IEND last)
without decoding pixels, so it needs no imaging library.
"""

from __future__ import annotations

import struct
import zlib

#: Above the worst case of the 512 px emblem the wizard stores (raw RGBA is 1 MiB; typical: 20-80 KiB).
MAX_LAMBANG_BYTES = 2 * 1024 * 1024
#: Longest side accepted from another office.
MAX_LAMBANG_SIDE = 4096
_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def check_lambang_png(data: bytes) -> None:
    """Raise ``ValueError`` (with the reason, in English) unless ``data`` is a sound, small PNG."""
    if len(data) > MAX_LAMBANG_BYTES:
        raise ValueError(
            f"the lambang is {len(data) // 1024} KiB, more than {MAX_LAMBANG_BYTES // 1024} KiB"
        )
    if not data.startswith(_SIGNATURE):
        raise ValueError("the lambang is not a PNG image")
    offset = len(_SIGNATURE)
    kinds: list[bytes] = []
    while offset < len(data):
        if offset + 12 > len(data):
            raise ValueError("the lambang PNG is cut short")
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind = data[offset + 4 : offset + 8]
        end = offset + 8 + length
        if end + 4 > len(data):
            raise ValueError("the lambang PNG is cut short")
        (crc,) = struct.unpack(">I", data[end : end + 4])
        if zlib.crc32(data[offset + 4 : end]) != crc:
            raise ValueError("the lambang PNG is damaged (checksum mismatch)")
        if not kinds:
            if kind != b"IHDR" or length != 13:
                raise ValueError("the lambang PNG has no header")
            width, height = struct.unpack(">II", data[offset + 8 : offset + 16])
            if not (0 < width <= MAX_LAMBANG_SIDE and 0 < height <= MAX_LAMBANG_SIDE):
                raise ValueError(f"the lambang is {width}x{height} px, too large")
        kinds.append(kind)
        offset = end + 4
        if kind == b"IEND":
            break
    if not kinds or kinds[-1] != b"IEND" or b"IDAT" not in kinds:
        raise ValueError("the lambang PNG is incomplete")
