"""The per-install key: how the hub tells "the same office again" from "another device".

Each Lintas install keeps one Ed25519 key in its data folder (``hub-install-key.pem``, mode
0600). A ``join`` names the public key and signs the hub's one-time challenge with it; the hub
binds the invitation to that key on first use. The same install rejoining after a crash (new
peer id, same key) replaces its ghost at once; another device holding a copy of the invitation
cannot prove the key and is refused.
"""

from __future__ import annotations

import base64
import os
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

FILE_NAME = "hub-install-key.pem"
_CONTEXT = b"lintas-join-v2"


def b64(data: bytes) -> str:
    """Unpadded base64url, as used on the wire."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def unb64(text: str) -> bytes:
    """Inverse of :func:`b64` (raises ``ValueError`` on bad input)."""
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def join_message(nonce: str, room: str, peer_id: str, token: str) -> bytes:
    """The bytes a ``join`` signs: context, challenge, room, peer id and token, one per line."""
    return b"\n".join([_CONTEXT, nonce.encode(), room.encode(), peer_id.encode(), token.encode()])


class InstallKey:
    """One install's Ed25519 key pair."""

    def __init__(self, private: Ed25519PrivateKey) -> None:
        self._private = private
        raw = private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        self.public_b64 = b64(raw)

    @classmethod
    def generate(cls) -> InstallKey:
        """A fresh key that lives only in memory (a client without a data folder)."""
        return cls(Ed25519PrivateKey.generate())

    @classmethod
    def load_or_create(cls, folder: Path) -> InstallKey:
        """The key in ``folder``, created (mode 0600) on first use."""
        path = folder / FILE_NAME
        if path.exists():
            private = serialization.load_pem_private_key(path.read_bytes(), password=None)
            if not isinstance(private, Ed25519PrivateKey):
                raise ValueError("the install key file does not hold an Ed25519 key")
            return cls(private)
        folder.mkdir(parents=True, exist_ok=True)
        private = Ed25519PrivateKey.generate()
        pem = private.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        # Written 0600 from the start: the key is what lets this install rejoin as itself.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(pem)
        return cls(private)

    def sign_join(self, nonce: str, room: str, peer_id: str, token: str) -> str:
        """The ``sig`` field of a ``join`` answering challenge ``nonce``."""
        return b64(self._private.sign(join_message(nonce, room, peer_id, token)))


def verify_join(key: str, sig: str, nonce: str, room: str, peer_id: str, token: str) -> bool:
    """Whether ``sig`` is ``key``'s signature over this join (any malformed input: ``False``)."""
    try:
        public = Ed25519PublicKey.from_public_bytes(unb64(key))
        public.verify(unb64(sig), join_message(nonce, room, peer_id, token))
    except (ValueError, InvalidSignature):
        return False
    return True
