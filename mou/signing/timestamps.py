"""Time-stamp authorities (RFC 3161) for the office's signatures and document time-stamps.

The office configures one TSA URL (Settings); this module turns it into a pyHanko ``TimeStamper``
with bounded time-outs, and tells the caller whether the TSA answered. The TSA is trusted with
nothing: its tokens are checked by pyHanko against the verifier's own trust anchors.
"""

from __future__ import annotations

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


def http_timestamper(url: str, *, timeout: int = NETWORK_TIMEOUT_S):
    """pyHanko's HTTP time-stamp client for ``url`` (nonce checked, time-out bounded)."""
    from pyhanko.sign.timestamps import HTTPTimeStamper

    return HTTPTimeStamper(url.strip(), timeout=timeout)


def token_certificates(timestamper) -> list:
    """The certificates a TSA ships in its tokens (asn1crypto), from one probe request.

    pyHanko caches this probe (its "dummy response") and reuses it to find the TSA's validation
    path, so asking here costs no extra request. Raises ``TimestampRequestError`` (or an
    ``OSError``/``aiohttp`` error) when the TSA does not answer.
    """
    import asyncio

    from pyhanko.sign.general import extract_certificate_info

    async def probe():
        return await timestamper.async_dummy_response("sha256")

    response = asyncio.run(probe())
    info = extract_certificate_info(response["content"])
    return [info.signer_cert, *info.other_certs]


def self_signed(certs) -> list:
    """The self-signed certificates among ``certs`` (asn1crypto): candidate path anchors."""
    return [c for c in certs if c.self_signed in ("maybe", "yes")]
