"""Time-stamp authorities (RFC 3161) for the office's signatures and document time-stamps.

The office configures one TSA URL (Settings); this module turns it into a pyHanko ``TimeStamper``
with bounded time-outs, and tells the caller whether the TSA answered. The TSA is trusted with
nothing: its tokens are checked by pyHanko against the verifier's own trust anchors.
"""

from __future__ import annotations

import threading
import time
from urllib.parse import urlsplit

# Registers the 'tst_info' content type with asn1crypto before its OID maps are built (see sign.py).
from asn1crypto import tsp  # noqa: F401

#: Seconds to wait for a TSA (or an OCSP responder / CRL server) before giving up on it. A
#: signing ceremony must not hang on a slow provider: it falls back to B-B with a visible note.
NETWORK_TIMEOUT_S = 10


def valid_tsa_url(url: str) -> bool:
    """True for an http(s) URL with a host: what the Settings field accepts."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


#: How long one client (and pyHanko's cached probe of the TSA's certificates) is reused. A TSA
#: may rotate its certificate, so the probe is not kept for long.
CLIENT_REUSE_S = 600.0
_clients: dict[tuple[str, int], tuple[float, object]] = {}
_clients_lock = threading.Lock()


def http_timestamper(url: str, *, timeout: int = NETWORK_TIMEOUT_S):
    """pyHanko's HTTP time-stamp client for ``url`` (nonce checked, time-out bounded).

    Reused for ``CLIENT_REUSE_S``: pyHanko caches its probe of the TSA's certificate chain per
    client, which saves one request per signature (both parties of a ceremony sign within
    minutes). Every token itself is still requested, nonce-checked and validated.
    """
    from pyhanko.sign.timestamps import HTTPTimeStamper

    key = (url.strip(), timeout)
    now = time.monotonic()
    with _clients_lock:
        cached = _clients.get(key)
        if cached is not None and now - cached[0] < CLIENT_REUSE_S:
            return cached[1]
        if len(_clients) > 16:  # bounded: an office has one TSA, tests a few
            _clients.clear()
        client = HTTPTimeStamper(key[0], timeout=timeout)
        _clients[key] = (now, client)
        return client


def token_certificates(timestamper) -> list:
    """The certificates a TSA ships in its tokens (asn1crypto), from one probe request.

    pyHanko caches this probe (its "dummy response") and reuses it to find the TSA's validation
    path, so asking here costs no extra request. Raises ``TimestampRequestError`` (or an
    ``OSError``/``aiohttp`` error) when the TSA does not answer.
    """
    return probe(timestamper)[0]


def probe(timestamper) -> tuple[list, int]:
    """The TSA's token certificates (see :func:`token_certificates`) and a token's size in bytes.

    The size lets the signer reserve room for the signature up front instead of making a whole
    dummy signature first; a real token differs from the probe only in its nonce and time.
    """
    import asyncio

    from pyhanko.sign.general import extract_certificate_info

    async def ask():
        return await timestamper.async_dummy_response("sha256")

    response = asyncio.run(ask())
    info = extract_certificate_info(response["content"])
    return [info.signer_cert, *info.other_certs], len(response["content"].dump())


def self_signed(certs) -> list:
    """The self-signed certificates among ``certs`` (asn1crypto): candidate path anchors."""
    return [c for c in certs if c.self_signed in ("maybe", "yes")]
