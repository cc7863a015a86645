"""Per-link identity verification state (see :mod:`conferencing.call_identity`).

One :class:`LinkVerifier` lives in each peer link and is reset for every new peer connection
(``session``): DTLS certificates are made per connection, so a verdict never carries over.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from aiortc import RTCPeerConnection

from conferencing.call_identity import (
    MAX_MESSAGES_PER_SESSION,
    Binding,
    CallIdentity,
    Checked,
    Expected,
    PeerVerification,
    TrustedOffices,
    VerifyCode,
    certificate_fingerprint,
    check_message,
    short_code,
    short_code_words,
    signed_message,
)

log = logging.getLogger(__name__)

#: After DTLS is up, a peer that has not proved who it is within this time is "not verified".
IDENTITY_WAIT_S = 6.0


def dtls_peer_fingerprints(pc: RTCPeerConnection) -> set[str]:
    """SHA-256 fingerprints of the certificates the remote side presented in DTLS handshakes.

    aiortc has no public accessor; its DTLS transports keep the pyOpenSSL connection in
    ``_ssl``. (aiortc itself already failed the handshake unless the certificate matches the
    remote SDP's fingerprint; we read it again so the verdict rests on what DTLS really used.)
    """
    transports: list[Any] = []
    if pc.sctp is not None:
        transports.append(pc.sctp.transport)
    transports.extend(t.receiver.transport for t in pc.getTransceivers())
    found: set[str] = set()
    for transport in transports:
        ssl = getattr(transport, "_ssl", None)
        if ssl is None or not getattr(transport, "encrypted", False):
            continue
        try:
            cert = ssl.get_peer_certificate(as_cryptography=True)
        except Exception:  # noqa: BLE001 - a half-closed transport: nothing to read
            continue
        if cert is not None:
            found.add(certificate_fingerprint(cert))
    return found


class LinkVerifier:
    """Facts about one peer connection and the verdict drawn from them."""

    def __init__(self, peer_id: str) -> None:
        self.peer_id = peer_id
        self.session = -1
        self.reset(0)

    def reset(self, session: int) -> None:
        """A new peer connection: forget everything about the previous one."""
        self.session = session
        self.local_fp: str | None = None
        self.remote_fp: str | None = None
        self.dtls_fps: set[str] = set()
        self.connected_at: float | None = None
        self.messages = 0
        self.checked: Checked | None = None
        self.sent = 0
        self.state = PeerVerification(self.peer_id, session=session)

    # ------------------------------------------------------------------ facts

    def message(
        self,
        data: dict[str, Any],
        trusted: TrustedOffices,
        room: str,
        own_peer_id: str,
    ) -> None:
        """An identity message about the current session arrived (bounded, replay-safe)."""
        self.messages += 1
        if self.messages > MAX_MESSAGES_PER_SESSION:
            return
        if self.checked is not None and self.checked.status in ("pending", "mismatch"):
            # A good binding (or proof of a middle man) is already in: a repeat changes nothing.
            return
        expected = Expected(
            room=room,
            sender=self.peer_id,
            recipient=own_peer_id,
            session=self.session,
            sender_fingerprint=self.remote_fp,
            recipient_fingerprint=self.local_fp,
        )
        self.checked = check_message(data, trusted, expected)
        log.info("identity from %s (session %d): %s", self.peer_id, self.session, self.checked.code)

    def own_message(
        self, identity: CallIdentity, room: str, own_peer_id: str
    ) -> dict[str, Any] | None:
        """Our signed binding for this session, once both fingerprints are known."""
        if self.local_fp is None or self.remote_fp is None:
            return None
        binding = Binding(
            room=room,
            sender=own_peer_id,
            recipient=self.peer_id,
            session=self.session,
            office=identity.office,
            sender_fingerprint=self.local_fp,
            recipient_fingerprint=self.remote_fp,
        )
        self.sent += 1
        return signed_message(identity, binding)

    # ------------------------------------------------------------------ verdict

    def evaluate(self, now: float | None = None) -> PeerVerification:
        """Recompute the verdict from the facts gathered so far (call after each new fact)."""
        now = time.monotonic() if now is None else now
        remote = next(iter(self.dtls_fps)) if len(self.dtls_fps) == 1 else self.remote_fp
        code_text = short_code(self.local_fp, remote) if self.local_fp and remote else ""
        words = short_code_words(self.local_fp, remote) if self.local_fp and remote else ""
        checked = self.checked
        status, code, office = "pending", VerifyCode.PENDING, ""
        if len(self.dtls_fps) > 1 or (
            self.dtls_fps and self.remote_fp is not None and remote != self.remote_fp
        ):
            status, code = "mismatch", VerifyCode.MISMATCH
        elif checked is not None and checked.status == "mismatch":
            status, code, office = "mismatch", VerifyCode.MISMATCH, checked.office
        elif checked is not None and checked.status == "pending":
            binding = checked.binding
            assert binding is not None
            if self.dtls_fps:
                if self.dtls_fps == {binding.sender_fingerprint}:
                    status, code, office = "verified", VerifyCode.VERIFIED, checked.office
                else:
                    status, code, office = "mismatch", VerifyCode.MISMATCH, checked.office
        elif checked is not None:
            status, code = "unverified", checked.code
        elif self.connected_at is not None and now - self.connected_at > IDENTITY_WAIT_S:
            status, code = "unverified", VerifyCode.NO_IDENTITY
        self.state = PeerVerification(
            self.peer_id,
            status=status,  # type: ignore[arg-type]
            code=code,
            office=office,
            short_code=code_text,
            session=self.session,
            short_words=words,
        )
        return self.state
