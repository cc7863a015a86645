"""The office exchange key: signs ``.lintas`` packages and office cards, never PDFs.

Legal staff exchange drafts every week; the mayor signs once. So the office holds two keys: the
signing identity (PKCS#12, the mayor's password) and this exchange key, an Ed25519 key pair kept
in the data folder (mode 0600, optionally under its own password). The office card carries the
exchange public key together with the signing certificate, and an *endorsement*: the signing key's
signature over the exchange public key, made once when both keys are at hand (the first-run
wizard, or once for an older install). A counterpart that compared the certificate fingerprint by
phone therefore also knows the exchange key is the office's, and staff never need the signing
password to send a draft.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed448, ed25519, padding, rsa

from mou.durable import write_atomically
from mou.exchange.errors import PackageCode, PackageError

#: What the signing key signs to endorse an exchange key (domain separation from any document).
ENDORSEMENT_CONTEXT = b"lintas-exchange-key-endorsement/1\x00"
_MAX_KEY_FILE = 16 * 1024


class ExchangeKeyError(PackageError):
    """The exchange key cannot be used (locked, unreadable, wrong password)."""


@dataclass(frozen=True)
class ExchangeKey:
    """An unlocked exchange key."""

    private_key: ed25519.Ed25519PrivateKey

    @property
    def public_der(self) -> bytes:
        """The public key as DER SubjectPublicKeyInfo (what cards and packages carry)."""
        return public_der(self.private_key.public_key())

    @property
    def fingerprint(self) -> str:
        """SHA-256 of the public key, colon-separated hex (how the trust store finds it)."""
        return key_fingerprint(self.public_der)

    def sign(self, data: bytes) -> bytes:
        """Ed25519 signature over ``data``."""
        return self.private_key.sign(data)


def public_der(public: ed25519.Ed25519PublicKey) -> bytes:
    """DER SubjectPublicKeyInfo of an exchange public key."""
    return public.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def key_fingerprint(der: bytes) -> str:
    """SHA-256 of a DER public key as colon-separated upper-case hex."""
    return hashlib.sha256(der).digest().hex(":").upper()


def load_public(der: bytes) -> ed25519.Ed25519PublicKey:
    """An exchange public key from DER; ``ValueError`` when it is not an Ed25519 key."""
    public = serialization.load_der_public_key(der)
    if not isinstance(public, ed25519.Ed25519PublicKey):
        raise ValueError("the exchange key is not an Ed25519 key")
    return public


def verify(der: bytes, signature: bytes, data: bytes) -> bool:
    """True when ``signature`` over ``data`` was made by the exchange key ``der``."""
    try:
        load_public(der).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


def create_exchange_key(path: Path, password: str | None = None) -> ExchangeKey:
    """Make a new exchange key at ``path`` (0600; encrypted when ``password`` is given)."""
    key = ed25519.Ed25519PrivateKey.generate()
    encryption: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(password.encode("utf-8"))
        if password
        else serialization.NoEncryption()
    )
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption
    )
    write_atomically(Path(path), pem)
    return ExchangeKey(key)


def load_exchange_key(path: Path, password: str | None = None) -> ExchangeKey:
    """Open the exchange key at ``path``; ``ExchangeKeyError`` says why it cannot be used."""
    try:
        data = Path(path).read_bytes()[: _MAX_KEY_FILE + 1]
    except OSError as exc:
        raise ExchangeKeyError(
            "The office exchange key cannot be read", code=PackageCode.EXCHANGE_KEY_UNREADABLE
        ) from exc
    if len(data) > _MAX_KEY_FILE:
        raise ExchangeKeyError(
            "The office exchange key file is damaged", code=PackageCode.EXCHANGE_KEY_UNREADABLE
        )
    encrypted = b"ENCRYPTED" in data
    if encrypted and not password:
        raise ExchangeKeyError(
            "The office exchange key is protected by a password",
            code=PackageCode.EXCHANGE_KEY_LOCKED,
        )
    try:
        key = serialization.load_pem_private_key(
            data, password.encode("utf-8") if encrypted and password else None
        )
    except (ValueError, TypeError) as exc:
        code = PackageCode.EXCHANGE_KEY_LOCKED if encrypted else PackageCode.EXCHANGE_KEY_UNREADABLE
        raise ExchangeKeyError("The office exchange key cannot be opened", code=code) from exc
    if not isinstance(key, ed25519.Ed25519PrivateKey):
        raise ExchangeKeyError(
            "The office exchange key file is damaged", code=PackageCode.EXCHANGE_KEY_UNREADABLE
        )
    return ExchangeKey(key)


def ensure_exchange_key(path: Path, password: str | None = None) -> ExchangeKey:
    """The exchange key at ``path``, created on first use (installs older than the key)."""
    if Path(path).exists():
        return load_exchange_key(path, password)
    return create_exchange_key(path, password)


# -- endorsement: the signing key vouches for the exchange key ---------------------------------


def endorsement_file(key_path: Path) -> Path:
    """Where the endorsement of the exchange key at ``key_path`` is kept."""
    return Path(key_path).with_suffix(".endorsement")


def endorse(signing_key: object, exchange_public_der: bytes) -> bytes:
    """The signing key's signature over the exchange public key (ECDSA, RSA or EdDSA)."""
    data = ENDORSEMENT_CONTEXT + exchange_public_der
    if isinstance(signing_key, ec.EllipticCurvePrivateKey):
        return signing_key.sign(data, ec.ECDSA(hashes.SHA256()))
    if isinstance(signing_key, rsa.RSAPrivateKey):
        return signing_key.sign(data, padding.PKCS1v15(), hashes.SHA256())
    if isinstance(signing_key, ed25519.Ed25519PrivateKey | ed448.Ed448PrivateKey):
        return signing_key.sign(data)
    raise TypeError("unsupported signing key")


def endorsement_valid(
    certificate: x509.Certificate, exchange_public_der: bytes, signature: bytes
) -> bool:
    """True when ``certificate``'s key endorsed ``exchange_public_der``."""
    data = ENDORSEMENT_CONTEXT + exchange_public_der
    public = certificate.public_key()
    try:
        if isinstance(public, ec.EllipticCurvePublicKey):
            public.verify(signature, data, ec.ECDSA(hashes.SHA256()))
        elif isinstance(public, rsa.RSAPublicKey):
            public.verify(signature, data, padding.PKCS1v15(), hashes.SHA256())
        elif isinstance(public, ed25519.Ed25519PublicKey | ed448.Ed448PublicKey):
            public.verify(signature, data)
        else:
            return False
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


def save_endorsement(key_path: Path, signing_key: object, key: ExchangeKey) -> bytes:
    """Endorse ``key`` with the unlocked signing key and keep it next to the exchange key."""
    signature = endorse(signing_key, key.public_der)
    write_atomically(endorsement_file(key_path), base64.b64encode(signature) + b"\n")
    return signature


def load_endorsement(key_path: Path) -> bytes | None:
    """The stored endorsement of the exchange key at ``key_path``, or None when none was made."""
    try:
        raw = endorsement_file(key_path).read_bytes()[:4096]
        return base64.b64decode(raw.strip(), validate=True)
    except (OSError, ValueError):
        return None


def derived_exchange_key(signing_key: object) -> ExchangeKey:
    """The exchange key derived from a signing key (for callers that hold the unlocked identity).

    Deterministic, so a card and the packages made from the same identity agree; only whoever
    can unlock the signing key can derive it. The app itself uses a separate random key.
    """
    der = signing_key.private_bytes(  # type: ignore[attr-defined]
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    seed = hashlib.sha256(b"lintas-derived-exchange-key/1\x00" + der).digest()
    return ExchangeKey(ed25519.Ed25519PrivateKey.from_private_bytes(seed))


def as_exchange_key(signer: object) -> ExchangeKey:
    """``signer`` itself when it is an exchange key, else the key derived from an identity."""
    if isinstance(signer, ExchangeKey):
        return signer
    return derived_exchange_key(signer.private_key)  # type: ignore[attr-defined]
