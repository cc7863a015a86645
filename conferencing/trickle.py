"""Trickle ICE from the other side: remote candidates that arrive after the offer or answer.

aiortc itself does not trickle (its SDP already holds every local candidate), but a browser
client usually sends a bare offer/answer and then one ``candidate`` signal per candidate. Each
is added to the current peer connection as it arrives; the wire format is in docs/protocol.md.
"""

from __future__ import annotations

import logging
import weakref

from aiortc import RTCPeerConnection
from aiortc.sdp import candidate_from_sdp

log = logging.getLogger(__name__)

#: Remote candidates accepted per peer connection; a peer sending more is ignored beyond it.
MAX_REMOTE_CANDIDATES = 64
_added: weakref.WeakKeyDictionary[RTCPeerConnection, int] = weakref.WeakKeyDictionary()


def _bundle_mid(sdp: str) -> str | None:
    """The first mid of the description's BUNDLE group (the one transport that exists)."""
    for line in sdp.splitlines():
        if line.startswith("a=group:BUNDLE"):
            mids = line.split()[1:]
            return mids[0] if mids else None
    return None


async def add_remote_candidate(pc: RTCPeerConnection, line: str, mid: str | None) -> bool:
    """Add one trickled candidate (``candidate:...``; empty means end of candidates).

    Returns whether it was used. Candidates before the remote description, beyond
    :data:`MAX_REMOTE_CANDIDATES`, or malformed are dropped (logged, never raised).
    """
    remote = pc.remoteDescription
    if remote is None or pc.signalingState == "closed":
        return False
    count = _added.get(pc, 0)
    if count >= MAX_REMOTE_CANDIDATES:
        return False
    text = line.strip()
    if not text:
        await pc.addIceCandidate(None)  # end of candidates
        return True
    text = text.removeprefix("a=").removeprefix("candidate:")
    try:
        candidate = candidate_from_sdp(text)
    except (ValueError, IndexError):
        log.info("ignoring a malformed remote candidate")
        return False
    # With BUNDLE only the first section has a transport; aiortc drops candidates for the
    # others, so every candidate goes to the bundle's transport.
    bundle = _bundle_mid(remote.sdp)
    candidate.sdpMid = bundle or mid
    candidate.sdpMLineIndex = None if candidate.sdpMid is not None else 0
    _added[pc] = count + 1
    try:
        await pc.addIceCandidate(candidate)
    except (ValueError, AttributeError) as exc:
        log.info("remote candidate not added: %s", exc)
        return False
    return True


def remote_sends_media(pc: RTCPeerConnection) -> bool:
    """Whether the other side said it will send audio or video (unknown counts as yes).

    A receive-only client (every media section ``recvonly`` or ``inactive`` from its side, or
    none at all) is silent by design, so its silence must not be taken for a stalled link.
    """
    remote = pc.remoteDescription
    if remote is None:
        return True
    media, direction = False, "sendrecv"
    for line in remote.sdp.splitlines():
        if line.startswith("m="):
            if media and direction in ("sendrecv", "sendonly"):
                return True
            media = line.startswith(("m=audio", "m=video"))
            direction = "sendrecv"
        elif line in ("a=sendrecv", "a=sendonly", "a=recvonly", "a=inactive"):
            direction = line[2:]
    return media and direction in ("sendrecv", "sendonly")
