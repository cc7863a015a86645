"""Who is on the other end of a call: office-signed DTLS fingerprints and a short code.

WebRTC encrypts media and data with DTLS, but the certificates are throw-away ones made per peer
connection, and the fingerprints that pin them travel in the SDP through the hub. A hub (or
anyone on its path) that swaps the SDP sits in the middle unseen. So each office signs, with its
*office* key, a binding of

* the room, both peer ids and the negotiation ``session`` (so it cannot be replayed into another
  call or another attempt of this one),
* its own DTLS fingerprint and the one it saw for the other side,
* its office name and a random nonce,

and sends it through the hub (a ``relay`` message of kind :data:`RELAY_KIND`) with its office
certificate. The receiver accepts only a certificate it has pinned (exact match of the leaf;
pinned certificates are never issuers), checks the signature, then checks that the signed
fingerprints are exactly the ones its own DTLS used: the fingerprint in the remote SDP it applied
and the certificate the DTLS handshake presented. Anything else is "not verified"; a trusted
office that signed *other* fingerprints means someone sits in the middle (``mismatch``).

The :func:`short_code` over both fingerprints lets two offices compare six digits aloud (or the
four :func:`short_code_words` from the same digest); a party in the middle makes the two sides
compute different codes.

This module never imports ``mou``: the UI hands in plain ``cryptography`` objects.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import functools
import hashlib
import json
import re
import secrets
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed448, ed25519, padding, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from conferencing.events import EngineEvent

#: ``relay`` data ``{"t": RELAY_KIND, ...}`` carries one signed binding through the hub.
RELAY_KIND = "call-identity"
PURPOSE = "lintas-call-identity/1"

# Bounds, checked before anything is parsed (the hub and the peer are not trusted with sizes).
MAX_CERT_DER = 8 * 1024
MAX_BINDING_BYTES = 2 * 1024
MAX_SIGNATURE_BYTES = 1024
MAX_EXCHANGE_KEY_DER = 256
#: Identity messages accepted per peer connection attempt; more are ignored (a flood is a no-op).
MAX_MESSAGES_PER_SESSION = 6
MAX_TRUSTED = 256

_FINGERPRINT_RE = re.compile(r"^a=fingerprint:sha-256 ([0-9A-Fa-f:]{95})\s*$", re.MULTILINE)
_HEX_FP_RE = re.compile(r"^([0-9A-F]{2}:){31}[0-9A-F]{2}$")

PrivateKey = (
    ec.EllipticCurvePrivateKey
    | rsa.RSAPrivateKey
    | ed25519.Ed25519PrivateKey
    | ed448.Ed448PrivateKey
)

Status = Literal["pending", "verified", "unverified", "mismatch"]


class VerifyCode(StrEnum):
    """Why a peer is (not) verified; the UI words each one (``ui/vicon/messages.py``)."""

    VERIFIED = "call.verified"
    PENDING = "call.pending"
    NO_IDENTITY = "call.no_identity"
    UNTRUSTED = "call.untrusted"
    BAD_SIGNATURE = "call.bad_signature"
    MALFORMED = "call.malformed"
    STALE = "call.stale"
    CERT_EXPIRED = "call.cert_expired"
    MISMATCH = "call.mismatch"


class CallIdentityError(Exception):
    """An identity or trust file for the call cannot be used (English; CLI and logs)."""


# ----------------------------------------------------------------------------- identities


def office_name(certificate: x509.Certificate) -> str:
    """The office a certificate names: its O attribute, else its CN."""
    for oid in (NameOID.ORGANIZATION_NAME, NameOID.COMMON_NAME):
        values = certificate.subject.get_attributes_for_oid(oid)
        if values:
            value = values[0].value
            return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
    return ""


@dataclass(frozen=True)
class CallIdentity:
    """The local office's key and certificate, used only to sign call bindings.

    With ``exchange=True`` the key is the office *exchange key* (Ed25519) that the
    certificate's own key endorsed, not the certificate's key: the app proves the office in
    every call without asking for the signing password. Each binding then also carries the
    exchange public key (``xk``), and a receiver accepts it only for the pair (certificate,
    exchange key) it pinned from that office's card, so trust still rests on the same pinned
    certificate and a replaced or withdrawn exchange key stops verifying.
    """

    private_key: PrivateKey
    certificate: x509.Certificate
    exchange: bool = False

    @property
    def exchange_key_der(self) -> bytes:
        """The exchange public key (DER SubjectPublicKeyInfo) when ``exchange``, else b""."""
        if not self.exchange:
            return b""
        return self.private_key.public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )

    @property
    def office(self) -> str:
        """The office name in the certificate."""
        return office_name(self.certificate)

    @property
    def certificate_der(self) -> bytes:
        """The certificate as DER (what travels with each binding)."""
        return self.certificate.public_bytes(serialization.Encoding.DER)

    @classmethod
    def from_pkcs12(cls, data: bytes, password: str) -> CallIdentity:
        """Unlock a PKCS#12 office identity (``office.p12``)."""
        try:
            key, cert, _chain = pkcs12.load_key_and_certificates(data, password.encode("utf-8"))
        except (ValueError, TypeError) as exc:
            raise CallIdentityError("cannot open the identity file (wrong password?)") from exc
        if key is None or cert is None:
            raise CallIdentityError("the identity file has no key or no certificate")
        if not isinstance(key, PrivateKey):
            raise CallIdentityError("the identity's key type cannot sign")
        return cls(key, cert)

    @classmethod
    def load(cls, path: Path, password: str) -> CallIdentity:
        """Read and unlock ``path`` (PKCS#12)."""
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise CallIdentityError(f"cannot read {path}: {exc.strerror or exc}") from exc
        return cls.from_pkcs12(data, password)


@dataclass(frozen=True)
class TrustedOffices:
    """Pinned office certificates: a peer is trusted only if it presents one of these exactly.

    They are end entities, never issuers: a pinned office cannot vouch for a certificate in
    another office's name, because nothing here builds a chain.
    """

    ders: frozenset[bytes] = frozenset()
    #: (certificate DER, exchange public key DER) pairs from the offices' cards: the exchange
    #: keys a pinned office may prove itself with instead of its certificate's key.
    exchange_keys: frozenset[tuple[bytes, bytes]] = frozenset()

    @classmethod
    def of(
        cls,
        certificates: Iterable[x509.Certificate | bytes],
        exchange_keys: Iterable[tuple[bytes, bytes]] = (),
    ) -> TrustedOffices:
        """Pin these certificates (``cryptography`` objects or DER bytes), and exchange keys.

        An exchange key pair counts only for a certificate that is pinned too.
        """
        ders = set()
        for item in certificates:
            der = item if isinstance(item, bytes) else item.public_bytes(serialization.Encoding.DER)
            ders.add(bytes(der))
        pairs = {(bytes(c), bytes(k)) for c, k in exchange_keys if bytes(c) in ders}
        if len(ders) > MAX_TRUSTED or len(pairs) > MAX_TRUSTED:
            raise CallIdentityError(f"at most {MAX_TRUSTED} trusted certificates")
        return cls(frozenset(ders), frozenset(pairs))

    def pinned(self, der: bytes, exchange_key: bytes | None = None) -> TrustedOffices:
        """These offices plus the certificate ``der`` (and its exchange key, when given)."""
        pairs = set(self.exchange_keys)
        if exchange_key:
            pairs.add((der, exchange_key))
        return TrustedOffices.of([*self.ders, der], pairs)

    def unpinned(self, der: bytes) -> TrustedOffices:
        """These offices without the certificate ``der`` and its exchange keys."""
        return TrustedOffices.of(
            [d for d in self.ders if d != der], [p for p in self.exchange_keys if p[0] != der]
        )

    @classmethod
    def from_files(cls, paths: Iterable[Path]) -> TrustedOffices:
        """Pin every certificate in these PEM or DER files."""
        certs: list[x509.Certificate] = []
        for path in paths:
            try:
                data = Path(path).read_bytes()
            except OSError as exc:
                raise CallIdentityError(f"cannot read {path}: {exc.strerror or exc}") from exc
            try:
                if b"-----BEGIN CERTIFICATE-----" in data:
                    certs.extend(x509.load_pem_x509_certificates(data))
                else:
                    certs.append(x509.load_der_x509_certificate(data))
            except ValueError as exc:
                raise CallIdentityError(f"{Path(path).name} is not a certificate") from exc
        return cls.of(certs)

    def __contains__(self, der: object) -> bool:
        return isinstance(der, bytes) and der in self.ders

    def __len__(self) -> int:
        return len(self.ders)


# ----------------------------------------------------------------------------- fingerprints


def normalize_fingerprint(value: str) -> str | None:
    """``AB:CD:...`` upper case (32 bytes), or ``None`` when ``value`` is not a SHA-256 one."""
    value = value.strip().upper()
    return value if _HEX_FP_RE.match(value) else None


def sdp_fingerprint(sdp: str) -> str | None:
    """The one SHA-256 DTLS fingerprint in an SDP, or ``None`` if there is none or several.

    aiortc (and browsers) use one certificate per peer connection, so every media section carries
    the same fingerprint; two different ones mean an SDP we will not vouch for.
    """
    found = {normalize_fingerprint(m) for m in _FINGERPRINT_RE.findall(sdp or "")}
    found.discard(None)
    return found.pop() if len(found) == 1 else None  # type: ignore[return-value]


def certificate_fingerprint(certificate: x509.Certificate) -> str:
    """SHA-256 fingerprint of a certificate, in the SDP's notation."""
    return certificate.fingerprint(hashes.SHA256()).hex(":").upper()


#: 256 Indonesian words, one per byte value (``resources/words/short_code_id.txt``).
WORDS_FILE = Path(__file__).resolve().parent.parent / "resources" / "words" / "short_code_id.txt"
SHORT_CODE_WORDS = 4


def _short_code_digest(fingerprint_a: str, fingerprint_b: str) -> bytes:
    """SHA-256 over the sorted fingerprint pair: the one source of the digits and the words."""
    pair = sorted((fingerprint_a.upper(), fingerprint_b.upper()))
    return hashlib.sha256(("lintas-short-code|" + "|".join(pair)).encode("ascii")).digest()


def short_code(fingerprint_a: str, fingerprint_b: str) -> str:
    """Six digits both offices compute alike from the two DTLS fingerprints (order-free).

    SHA-256 over the sorted pair; a party in the middle holds different DTLS certificates on
    each side, so the two offices read out different codes.
    """
    digest = _short_code_digest(fingerprint_a, fingerprint_b)
    return f"{int.from_bytes(digest[:8], 'big') % 1_000_000:06d}"


@functools.cache
def short_code_word_list() -> tuple[str, ...]:
    """The 256 words, index = byte value; refuses a damaged list rather than show wrong words."""
    words = tuple(
        line.strip()
        for line in WORDS_FILE.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    )
    if len(words) != 256 or len(set(words)) != 256:
        raise CallIdentityError(f"{WORDS_FILE.name} must hold 256 distinct words")
    return words


def short_code_words(fingerprint_a: str, fingerprint_b: str) -> str:
    """Four Indonesian words for the same pair, from the first four bytes of the digits' digest.

    Words are easier to read aloud over a poor line than digits; both forms come from one
    digest, so a party in the middle changes both.
    """
    digest = _short_code_digest(fingerprint_a, fingerprint_b)
    words = short_code_word_list()
    return " ".join(words[b] for b in digest[:SHORT_CODE_WORDS])


def format_short_code(code: str) -> str:
    """``123456`` as ``123 456``, easier to read aloud."""
    return f"{code[:3]} {code[3:]}" if len(code) == 6 else code


# ----------------------------------------------------------------------------- bindings


@dataclass(frozen=True)
class Binding:
    """What one office vouches for about one peer connection."""

    room: str
    sender: str
    recipient: str
    session: int
    office: str
    sender_fingerprint: str
    recipient_fingerprint: str
    nonce: str = field(default_factory=lambda: secrets.token_hex(16))
    issued_at: int = field(default_factory=lambda: int(time.time()))

    def encode(self) -> bytes:
        """Canonical JSON bytes (the exact bytes that are signed)."""
        body = {
            "purpose": PURPOSE,
            "room": self.room,
            "from": self.sender,
            "to": self.recipient,
            "session": self.session,
            "office": self.office,
            "fp_from": self.sender_fingerprint,
            "fp_to": self.recipient_fingerprint,
            "nonce": self.nonce,
            "issued_at": self.issued_at,
        }
        return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()

    @classmethod
    def decode(cls, raw: bytes) -> Binding:
        """Parse signed bytes (only after the signature checked out). Raises ``ValueError``."""
        obj = json.loads(raw.decode("utf-8"))
        if not isinstance(obj, dict) or obj.get("purpose") != PURPOSE:
            raise ValueError("not a call binding")
        strings = ("room", "from", "to", "office", "fp_from", "fp_to", "nonce")
        if not all(isinstance(obj.get(k), str) and len(obj[k]) <= 256 for k in strings):
            raise ValueError("binding fields must be short strings")
        for key in ("session", "issued_at"):
            value = obj.get(key)
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 2**53:
                raise ValueError(f"binding field {key} must be an integer")
        return cls(
            room=obj["room"],
            sender=obj["from"],
            recipient=obj["to"],
            session=obj["session"],
            office=obj["office"],
            sender_fingerprint=obj["fp_from"],
            recipient_fingerprint=obj["fp_to"],
            nonce=obj["nonce"],
            issued_at=obj["issued_at"],
        )


def _sign(key: PrivateKey, data: bytes) -> bytes:
    if isinstance(key, ec.EllipticCurvePrivateKey):
        return key.sign(data, ec.ECDSA(hashes.SHA256()))
    if isinstance(key, rsa.RSAPrivateKey):
        return key.sign(data, padding.PKCS1v15(), hashes.SHA256())
    return key.sign(data)


def _verify(certificate: x509.Certificate, signature: bytes, data: bytes) -> bool:
    key = certificate.public_key()
    try:
        if isinstance(key, ec.EllipticCurvePublicKey):
            key.verify(signature, data, ec.ECDSA(hashes.SHA256()))
        elif isinstance(key, rsa.RSAPublicKey):
            key.verify(signature, data, padding.PKCS1v15(), hashes.SHA256())
        elif isinstance(key, ed25519.Ed25519PublicKey | ed448.Ed448PublicKey):
            key.verify(signature, data)
        else:
            return False
    except (InvalidSignature, ValueError):
        return False
    return True


def _verify_exchange(public_der: bytes, signature: bytes, data: bytes) -> bool:
    try:
        key = serialization.load_der_public_key(public_der)
    except (ValueError, TypeError):
        return False
    if not isinstance(key, ed25519.Ed25519PublicKey):
        return False
    try:
        key.verify(signature, data)
    except InvalidSignature:
        return False
    return True


def signed_message(identity: CallIdentity, binding: Binding) -> dict[str, Any]:
    """The ``relay`` data that carries ``binding`` signed by ``identity``."""
    raw = binding.encode()
    message = {
        "t": RELAY_KIND,
        "binding": base64.b64encode(raw).decode("ascii"),
        "sig": base64.b64encode(_sign(identity.private_key, raw)).decode("ascii"),
        "cert": base64.b64encode(identity.certificate_der).decode("ascii"),
    }
    if identity.exchange:
        message["xk"] = base64.b64encode(identity.exchange_key_der).decode("ascii")
    return message


def _b64(data: dict[str, Any], key: str, limit: int) -> bytes:
    value = data.get(key)
    # base64 grows 4/3: refuse oversize text before decoding it.
    if not isinstance(value, str) or len(value) > (limit * 4) // 3 + 4:
        raise ValueError(f"{key} missing or too large")
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ValueError(f"{key} is not base64") from exc


@dataclass(frozen=True)
class Expected:
    """What the receiver knows for itself about the peer connection the message is about."""

    room: str
    sender: str
    recipient: str
    session: int
    sender_fingerprint: str | None  # from the remote SDP we applied
    recipient_fingerprint: str | None  # from our own local SDP


@dataclass(frozen=True)
class Checked:
    """Result of :func:`check_message`: a status, a code and, when trusted, the office."""

    status: Status
    code: VerifyCode
    office: str = ""
    binding: Binding | None = None


def _signed_by_trusted(
    data: dict[str, Any], trusted: TrustedOffices, now: dt.datetime | None
) -> tuple[bytes, str] | Checked:
    """The signed bytes of an identity message and the office that signed them, or the reason
    they do not count: the certificate must be pinned and valid and the signature good (made by
    the certificate, or by the exchange key pinned with it from the office's card), all before
    anything in the message is parsed."""
    try:
        cert_der = _b64(data, "cert", MAX_CERT_DER)
        raw = _b64(data, "binding", MAX_BINDING_BYTES)
        signature = _b64(data, "sig", MAX_SIGNATURE_BYTES)
    except ValueError:
        return Checked("unverified", VerifyCode.MALFORMED)
    if cert_der not in trusted:
        return Checked("unverified", VerifyCode.UNTRUSTED)
    try:
        certificate = x509.load_der_x509_certificate(cert_der)
    except ValueError:
        return Checked("unverified", VerifyCode.MALFORMED)
    office = office_name(certificate)
    moment = now or dt.datetime.now(dt.UTC)
    if not certificate.not_valid_before_utc <= moment <= certificate.not_valid_after_utc:
        return Checked("unverified", VerifyCode.CERT_EXPIRED, office)
    if "xk" in data:
        # Signed with the office's exchange key: only the pair pinned from its card counts.
        try:
            exchange_der = _b64(data, "xk", MAX_EXCHANGE_KEY_DER)
        except ValueError:
            return Checked("unverified", VerifyCode.MALFORMED)
        if (cert_der, exchange_der) not in trusted.exchange_keys:
            return Checked("unverified", VerifyCode.UNTRUSTED)
        if not _verify_exchange(exchange_der, signature, raw):
            return Checked("unverified", VerifyCode.BAD_SIGNATURE)
    elif not _verify(certificate, signature, raw):
        return Checked("unverified", VerifyCode.BAD_SIGNATURE)
    return raw, office


def check_message(
    data: dict[str, Any],
    trusted: TrustedOffices,
    expected: Expected,
    *,
    now: dt.datetime | None = None,
) -> Checked:
    """Check one identity message: trust, then signature, then the binding's contents.

    Order matters: nothing from the message is parsed as JSON before a pinned certificate's
    signature over it checked out.
    """
    signed = _signed_by_trusted(data, trusted, now)
    if isinstance(signed, Checked):
        return signed
    raw, office = signed
    try:
        binding = Binding.decode(raw)
    except (ValueError, UnicodeDecodeError):
        return Checked("unverified", VerifyCode.MALFORMED)
    if binding.office != office:
        return Checked("unverified", VerifyCode.MALFORMED)
    if (
        binding.room != expected.room
        or binding.sender != expected.sender
        or binding.recipient != expected.recipient
        or binding.session != expected.session
    ):
        # Signed by a trusted office, but for another call or another attempt: a replay.
        return Checked("unverified", VerifyCode.STALE, office)
    if (
        expected.sender_fingerprint is None
        or expected.recipient_fingerprint is None
        or binding.sender_fingerprint != expected.sender_fingerprint
        or binding.recipient_fingerprint != expected.recipient_fingerprint
    ):
        # The office really is in this call, but its DTLS is not ours: someone in the middle.
        return Checked("mismatch", VerifyCode.MISMATCH, office, binding)
    return Checked("pending", VerifyCode.PENDING, office, binding)


# ----------------------------------------------------------------------------- per-peer state


@dataclass(frozen=True)
class PeerVerification:
    """What the local office knows about who is on one peer link (for UI and reports)."""

    peer_id: str
    status: Status = "pending"
    code: VerifyCode = VerifyCode.PENDING
    office: str = ""  # the office named by the pinned certificate (only when trusted)
    short_code: str = ""  # six digits, once both fingerprints are known
    session: int = 0
    short_words: str = ""  # the same code as four words (same digest as the digits)

    @property
    def verified(self) -> bool:
        """True only for a trusted office whose signed fingerprints match our DTLS."""
        return self.status == "verified"

    def as_dict(self) -> dict[str, Any]:
        """JSON-friendly form (``call --report``)."""
        return {
            "verified": self.verified,
            "status": self.status,
            "code": str(self.code),
            "verified_office": self.office if self.verified else None,
            "short_code": self.short_code or None,
            "short_words": self.short_words or None,
        }


@dataclass(frozen=True)
class PeerVerificationChanged(EngineEvent):
    """The verification of one peer link changed (listeners run on the engine thread)."""

    verification: PeerVerification


def all_verified(verifications: dict[str, PeerVerification], peers: Iterable[str]) -> bool:
    """True when there is at least one peer and every one of them is verified."""
    peer_ids = list(peers)
    return bool(peer_ids) and all(
        (v := verifications.get(pid)) is not None and v.verified for pid in peer_ids
    )


# ----------------------------------------------------------------------------- through an SFU

#: ``relay`` data ``{"t": SFU_PUBLISH_KIND, "feed": F, ...}``: which SFU feed an office publishes.
SFU_PUBLISH_KIND = "sfu-publish"
SFU_PURPOSE = "lintas-sfu-publish/1"


@dataclass(frozen=True)
class PublishBinding:
    """What one office vouches for when it publishes to an SFU (Janus VideoRoom).

    Through an SFU the DTLS on every link ends at the SFU, so there is no pairwise fingerprint
    to sign. Instead the office signs that *it* publishes feed ``feed`` in SFU room ``sfu_room``
    of hub room ``room`` as peer ``sender`` (attempt ``session``), with the DTLS certificate
    ``fingerprint`` it offered to the SFU. Subscribers accept the binding only for the feed they
    actually receive as that peer (see ``docs/SECURITY.md``, "Call identity through the SFU").
    """

    room: str
    sender: str
    office: str
    sfu_room: int
    feed: int
    session: int
    fingerprint: str
    nonce: str = field(default_factory=lambda: secrets.token_hex(16))
    issued_at: int = field(default_factory=lambda: int(time.time()))

    def encode(self) -> bytes:
        """Canonical JSON bytes (the exact bytes that are signed)."""
        body = {
            "purpose": SFU_PURPOSE,
            "room": self.room,
            "from": self.sender,
            "office": self.office,
            "sfu_room": self.sfu_room,
            "feed": self.feed,
            "session": self.session,
            "fp": self.fingerprint,
            "nonce": self.nonce,
            "issued_at": self.issued_at,
        }
        return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()

    @classmethod
    def decode(cls, raw: bytes) -> PublishBinding:
        """Parse signed bytes (only after the signature checked out). Raises ``ValueError``."""
        obj = json.loads(raw.decode("utf-8"))
        if not isinstance(obj, dict) or obj.get("purpose") != SFU_PURPOSE:
            raise ValueError("not an SFU publish binding")
        if not all(
            isinstance(obj.get(k), str) and len(obj[k]) <= 256
            for k in ("room", "from", "office", "fp", "nonce")
        ):
            raise ValueError("binding fields must be short strings")
        for key in ("sfu_room", "feed", "session", "issued_at"):
            value = obj.get(key)
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 2**53:
                raise ValueError(f"binding field {key} must be an integer")
        return cls(
            room=obj["room"],
            sender=obj["from"],
            office=obj["office"],
            sfu_room=obj["sfu_room"],
            feed=obj["feed"],
            session=obj["session"],
            fingerprint=obj["fp"],
            nonce=obj["nonce"],
            issued_at=obj["issued_at"],
        )


def signed_publish(identity: CallIdentity | None, binding: PublishBinding) -> dict[str, Any]:
    """The ``relay`` data announcing our feed; signed when we have an office identity."""
    data: dict[str, Any] = {
        "t": SFU_PUBLISH_KIND,
        "feed": binding.feed,
        "sfu_room": binding.sfu_room,
        "session": binding.session,
    }
    if identity is not None:
        raw = binding.encode()
        data["binding"] = base64.b64encode(raw).decode("ascii")
        data["sig"] = base64.b64encode(_sign(identity.private_key, raw)).decode("ascii")
        data["cert"] = base64.b64encode(identity.certificate_der).decode("ascii")
    return data


def check_publish(
    data: dict[str, Any],
    trusted: TrustedOffices,
    *,
    room: str,
    sender: str,
    sfu_room: int,
    feed: int,
    now: dt.datetime | None = None,
) -> Checked:
    """Check a publish announcement against the feed we really receive as ``sender``.

    Same order as :func:`check_message`: pinned certificate, validity, signature, and only then
    the JSON. ``pending`` never comes back: there is no DTLS fact left to wait for, so a good
    binding for exactly this room, sender and feed is ``verified``; one signed by a trusted
    office for another feed is ``mismatch`` (someone else's media is shown under its name).
    """
    if "binding" not in data and "sig" not in data and "cert" not in data:
        return Checked("unverified", VerifyCode.NO_IDENTITY)
    signed = _signed_by_trusted(data, trusted, now)
    if isinstance(signed, Checked):
        return signed
    raw, office = signed
    try:
        binding = PublishBinding.decode(raw)
    except (ValueError, UnicodeDecodeError):
        return Checked("unverified", VerifyCode.MALFORMED)
    if binding.office != office or normalize_fingerprint(binding.fingerprint) is None:
        return Checked("unverified", VerifyCode.MALFORMED)
    if binding.room != room or binding.sender != sender or binding.sfu_room != sfu_room:
        return Checked("unverified", VerifyCode.STALE, office)  # another call: a replay
    if binding.feed != feed:
        return Checked("mismatch", VerifyCode.MISMATCH, office)
    return Checked("verified", VerifyCode.VERIFIED, office)
