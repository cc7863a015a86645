"""Bounded reading of what a counterpart sends: decompression and JSON with hard limits.

``json.loads`` recurses once per nesting level (a 200,000-deep array raises ``RecursionError``)
and builds every object it sees (a small compressed file can expand to gigabytes). So the bytes
are decompressed with a maximum output size, and their nesting depth and number of values are
counted on the raw text, without building anything, before ``json.loads`` is allowed to run.
"""

from __future__ import annotations

import json
import re
import zlib
from typing import Any

from mou.exchange.errors import PackageCode, PackageError

#: Far above a real agreement (a few hundred KB of JSON with every round and comment).
MAX_JSON_BYTES = 32 * 1024 * 1024
#: A package nests about 6 levels deep; a little room for future fields.
MAX_DEPTH = 32
#: Values (objects, arrays, strings, numbers...) in one document.
MAX_VALUES = 2_000_000

# A JSON string (with escapes) or one structural character; strings are skipped whole so a
# bracket inside a clause's text is not counted.
_TOKENS = re.compile(rb'"(?:[^"\\]|\\.)*"|[\[\]{},:]')


def inflate(data: bytes, max_bytes: int = MAX_JSON_BYTES) -> bytes:
    """Decompress zlib ``data``; refuse when it would grow beyond ``max_bytes``."""
    inflater = zlib.decompressobj()
    try:
        out = inflater.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise PackageError(
            "The package is damaged: its content cannot be unpacked", code=PackageCode.DAMAGED
        ) from exc
    if len(out) > max_bytes or inflater.unconsumed_tail:
        raise PackageError(
            "The package is implausibly large; it was not opened", code=PackageCode.TOO_LARGE
        )
    if not inflater.eof or inflater.unused_data:
        raise PackageError(
            "The package is damaged: its content cannot be unpacked", code=PackageCode.DAMAGED
        )
    return out


def check_shape(data: bytes, *, max_depth: int = MAX_DEPTH, max_values: int = MAX_VALUES) -> None:
    """Refuse JSON text nested deeper than ``max_depth`` or holding more than ``max_values``."""
    depth = values = 0
    for match in _TOKENS.finditer(data):
        token = match.group()
        first = token[0]
        if first == ord("[") or first == ord("{"):
            depth += 1
            values += 1
            if depth > max_depth:
                raise PackageError(
                    "The package content is nested too deeply; it was not opened",
                    code=PackageCode.TOO_DEEP,
                    limit=max_depth,
                )
        elif first == ord("]") or first == ord("}"):
            depth -= 1
        elif first == ord(","):
            values += 1
        elif first == ord('"'):
            continue
        if values > max_values:
            raise PackageError(
                "The package holds too many items; it was not opened",
                code=PackageCode.TOO_MANY_ITEMS,
                limit=max_values,
            )


def bounded_loads(
    data: bytes,
    *,
    max_bytes: int = MAX_JSON_BYTES,
    max_depth: int = MAX_DEPTH,
    max_values: int = MAX_VALUES,
) -> Any:
    """``json.loads`` after checking size, depth and count; ``PackageError`` when over a limit."""
    if len(data) > max_bytes:
        raise PackageError(
            "The package is implausibly large; it was not opened", code=PackageCode.TOO_LARGE
        )
    check_shape(data, max_depth=max_depth, max_values=max_values)
    try:
        return json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as exc:
        raise PackageError(
            "The package content is not valid JSON", code=PackageCode.NOT_JSON
        ) from exc
