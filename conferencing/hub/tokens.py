"""Invite tokens: HMAC-SHA256 signed claims (room, office, expiry) under the hub secret.

Format: ``base64url(claims JSON) "." base64url(HMAC-SHA256(secret, first part))``. The hub
admits a ``join`` only with a token it signed, for that room, not yet expired.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import os
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

from conferencing import protocol as p
from conferencing.messages import DomainMessage

DEFAULT_TTL_S = 24 * 3600
MIN_SECRET_BYTES = 16
#: An invitation outlives its session by this much: time to send it before the start, and to
#: rejoin after a crash near the end.
SESSION_MARGIN_S = 2 * 3600


def session_ttl(
    duration_s: float,
    *,
    starts_at: float | None = None,
    now: float | None = None,
    margin_s: int = SESSION_MARGIN_S,
) -> int:
    """Seconds an invitation for a session should last: until its end plus ``margin_s``.

    ``starts_at`` (epoch seconds) is the scheduled start; a session that has not started yet
    adds the wait, one that started late (or has no schedule) counts from ``now``.
    """
    if duration_s <= 0:
        raise ValueError("a session lasts more than 0 seconds")
    current = time.time() if now is None else now
    start = current if starts_at is None else max(current, starts_at)
    return int(round(start + duration_s - current)) + margin_s


class TokenError(Exception):
    """A token was refused. ``code`` is a protocol error code; ``str()`` the clear reason."""

    def __init__(self, code: str, reason: str, **params: str | int) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason
        self.params = params  # e.g. ``expires_at`` (Unix seconds), for the UI to word

    @property
    def message(self) -> DomainMessage:
        """The refusal as a coded message (``code`` is one of ``protocol.ERROR_CODES``)."""
        return DomainMessage(self.code, self.params, self.reason)


@dataclass(frozen=True)
class TokenClaims:
    """What a valid token grants."""

    room: str
    office: str
    expires_at: int  # Unix seconds
    nonce: str
    guest: bool = False  # a browser guest link: the holder is shown "Guest (browser)"
    invite: str = ""  # guest links: the id of the office's own invitation they stand in for
    size: int = 0  # offices invited to the session (claim "s"; 0: not said); see janus_pool
    host: bool = False  # the session's host invitation (docs/protocol.md §4, hub/host.py)

    def invitation_id(self, token: str) -> str:
        """What the hub binds to one install and revokes: a guest link shares its invitation's."""
        return self.invite or token_id(token)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _mac(secret: bytes, body: str) -> str:
    return _b64(hmac.new(secret, body.encode("ascii"), hashlib.sha256).digest())


def issue_token(
    secret: bytes,
    room: str,
    office: str,
    ttl_s: int = DEFAULT_TTL_S,
    *,
    now: float | None = None,
    guest: bool = False,
    invite: str = "",
    size: int = 0,
    host: bool = False,
) -> str:
    """Sign an invite for ``office`` to ``room`` valid for ``ttl_s`` seconds.

    ``guest`` marks a browser guest link (claim ``"g": 1``): the hub tells every office in the
    room that this participant is a guest without a Lintas identity. The mark is covered by the
    MAC, so the holder cannot drop it. ``invite`` (claim ``"i"``) is the :func:`token_id` of the
    office's own invitation: the hub treats both as one invitation (one install at a time,
    revoked together), so a guest link never admits a second participant for that office.
    ``host`` (claim ``"h": 1``) makes this the session's host invitation: the hub lets only its
    holder lock the room, admit, mute, remove and end for everyone.
    """
    if len(secret) < MIN_SECRET_BYTES:
        raise ValueError(f"the hub secret must be at least {MIN_SECRET_BYTES} bytes")
    if not p.ROOM_RE.match(room):
        raise ValueError("room names use letters, digits and . _ : - (at most 64 characters)")
    if not office.strip() or len(office) > 200:
        raise ValueError("office must be a non-empty name of at most 200 characters")
    if ttl_s <= 0:
        raise ValueError("ttl must be positive")
    issued = int(time.time() if now is None else now)
    claims: dict[str, object] = {
        "room": room,
        "office": office,
        "exp": issued + int(ttl_s),
        "n": secrets.token_hex(6),
    }
    if guest:
        claims["g"] = 1
    if invite:
        claims["i"] = invite
    if size:
        # How many offices the host invites: the hub runs a larger session on Janus.
        claims["s"] = int(size)
    if host:
        claims["h"] = 1
    body = _b64(json.dumps(claims, separators=(",", ":"), ensure_ascii=False).encode("utf-8"))
    return f"{body}.{_mac(secret, body)}"


def verify_token(secret: bytes, token: str, room: str, *, now: float | None = None) -> TokenClaims:
    """Check ``token`` for ``room``; raises :class:`TokenError` saying exactly why not."""
    body, _, mac = token.partition(".")
    if not body or not mac or not body.isascii() or not mac.isascii():
        raise TokenError(p.E_TOKEN_INVALID, "the invite token is malformed")
    if not hmac.compare_digest(_mac(secret, body), mac):
        raise TokenError(p.E_TOKEN_INVALID, "the invite token was not issued by this hub")
    try:
        claims = json.loads(_unb64(body))
        granted = TokenClaims(
            str(claims["room"]),
            str(claims["office"]),
            int(claims["exp"]),
            str(claims.get("n", "")),
            guest=claims.get("g") == 1,
            invite=str(claims.get("i", ""))[:64],
            size=max(0, min(int(claims.get("s", 0)), 10_000)),
            host=claims.get("h") == 1,
        )
    except (ValueError, KeyError, TypeError):
        raise TokenError(p.E_TOKEN_INVALID, "the invite token is malformed") from None
    current = time.time() if now is None else now
    if current >= granted.expires_at:
        when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(granted.expires_at))
        raise TokenError(
            p.E_TOKEN_EXPIRED,
            f"the invite token expired at {when}",
            expires_at=granted.expires_at,
        )
    if granted.room != room:
        raise TokenError(
            p.E_TOKEN_ROOM, f"the invite token is for room '{granted.room}', not '{room}'"
        )
    return granted


def guest_token(secret: bytes, office_token: str, *, now: float | None = None) -> str:
    """A browser guest link's token standing in for ``office_token`` (same room, office, expiry).

    Raises :class:`TokenError` when ``office_token`` is not a valid invitation of this hub.
    """
    claims = verify_token(secret, office_token, token_room(office_token), now=now)
    current = time.time() if now is None else now
    return issue_token(
        secret,
        claims.room,
        claims.office,
        max(1, int(claims.expires_at - int(current))),
        now=current,
        guest=True,
        invite=token_id(office_token),
    )


def token_id(token: str) -> str:
    """A short stable id of one invitation (what the hub binds to a key or revokes)."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _claims(token: str) -> dict[str, object]:
    try:
        claims = json.loads(_unb64(token.partition(".")[0]))
    except (ValueError, TypeError):
        return {}
    return claims if isinstance(claims, dict) else {}


def token_room(token: str) -> str:
    """The room ``token`` names, WITHOUT checking it (``verify_token`` does that)."""
    room = _claims(token).get("room")
    return room if isinstance(room, str) else ""


def token_office(token: str) -> str:
    """The office ``token`` names, WITHOUT checking it; for display only (a refused guest)."""
    office = _claims(token).get("office")
    return office if isinstance(office, str) else ""


def token_expiry(token: str) -> int | None:
    """When ``token`` says it expires (Unix seconds), WITHOUT checking it; for display only.

    A refused guest can show when its invitation ran out; the hub's verdict stays the authority.
    """
    try:
        exp = json.loads(_unb64(token.partition(".")[0]))["exp"]
    except (ValueError, KeyError, TypeError):
        return None
    return exp if isinstance(exp, int) and not isinstance(exp, bool) else None


def new_secret() -> bytes:
    """A fresh random hub secret."""
    return secrets.token_bytes(32)


def _create_secret_file(path: Path) -> bytes:
    """Write a new secret to ``path`` atomically, owner-only from its first byte.

    The bytes go to a fresh ``O_CREAT | O_EXCL`` file made with mode 0600 (never readable by
    others, whatever the umask), which is then linked into place; ``link`` fails rather than
    overwrite, so two hubs starting at once end up sharing the one secret that won.
    """
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    secret = new_secret()
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(secret.hex() + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(tmp, path)
        except FileExistsError:
            return load_secret(path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    return secret


def load_secret(path: Path, *, create: bool = False) -> bytes:
    """Read a hub secret file (hex or raw); with ``create`` make one (mode 0600) if missing."""
    if not path.exists():
        if not create:
            raise FileNotFoundError(f"secret file {path} does not exist")
        return _create_secret_file(path)
    raw = path.read_bytes().strip()
    try:
        secret = bytes.fromhex(raw.decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        secret = raw
    if len(secret) < MIN_SECRET_BYTES:
        raise ValueError(f"secret file {path} holds fewer than {MIN_SECRET_BYTES} bytes")
    return secret
