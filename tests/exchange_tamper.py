"""Build altered ``.lintas`` packages from real ones, as an attacker or a buggy sender would."""

from __future__ import annotations

import json
import zlib
from typing import Any

from mou.exchange.key import as_exchange_key
from mou.exchange.package import _HEADER, MAGIC, _split, seal


def payload_of(data: bytes) -> dict[str, Any]:
    """The JSON payload of a real package (read without any check)."""
    return json.loads(zlib.decompress(_split(data)[3]))


def keep_signature(data: bytes, payload: dict[str, Any] | bytes) -> bytes:
    """``data`` with its body replaced by ``payload`` but its key and signature kept (tampered)."""
    _header, key, signature, _body = _split(data)
    raw = payload if isinstance(payload, bytes) else json.dumps(payload).encode("utf-8")
    body = zlib.compress(raw)
    return _HEADER.pack(MAGIC, len(key), len(signature), len(body)) + key + signature + body


def signed(
    signer: object, payload: dict[str, Any] | bytes, *, compressed: bytes | None = None
) -> bytes:
    """A correctly signed package of ``payload`` (or of an already ``compressed`` body)."""
    if compressed is None:
        raw = payload if isinstance(payload, bytes) else json.dumps(payload).encode("utf-8")
        compressed = zlib.compress(raw)
    return seal(as_exchange_key(signer), compressed)
