"""The hub's wire protocol: one versioned, validated schema for hub and clients.

Every WebSocket text frame is one JSON object with ``"v": 2`` and a ``"type"``. :func:`parse`
turns raw text into a typed message or raises :class:`ProtocolError` carrying a stable error
code; :func:`encode` does the reverse. ``docs/protocol.md`` documents the same schema for people.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from typing import Any, Literal

VERSION = 2
#: Versions the hub recognises only to refuse them with a clear reason (v1 had no install keys).
OLD_VERSIONS = (1,)
MAX_MESSAGE_BYTES = 64 * 1024
MAX_SDP_CHARS = 48 * 1024
MAX_RELAY_BYTES = 32 * 1024

PEER_ID_RE = re.compile(r"^[A-Za-z0-9_-]{4,64}$")
ROOM_RE = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")
SIGNAL_KINDS = ("offer", "answer", "candidate", "restart", "bye")

# Error codes sent in ``error`` messages (stable; clients may switch on them).
E_BAD_JSON = "bad-json"
E_BAD_FRAME = "bad-frame"
E_TOO_LARGE = "too-large"
E_BAD_VERSION = "bad-version"
E_UNKNOWN_TYPE = "unknown-type"
E_INVALID = "invalid-field"
E_NOT_JOINED = "not-joined"
E_ALREADY_JOINED = "already-joined"
E_TOKEN_INVALID = "token-invalid"
E_TOKEN_EXPIRED = "token-expired"
E_TOKEN_ROOM = "token-wrong-room"
E_UNKNOWN_PEER = "unknown-peer"
E_ROOM_FULL = "room-full"
E_PEER_ID_TAKEN = "peer-id-taken"
E_INVITE_IN_USE = "invite-in-use"  # the invitation is bound to another device's install key
E_TOKEN_REVOKED = "token-revoked"  # the host withdrew the invitation
E_BAD_SIGNATURE = "bad-signature"  # the join was not signed by the key it names
E_RATE_LIMITED = "rate-limited"  # too many messages per second on one connection
E_JOIN_TIMEOUT = "join-timeout"  # no valid join within the hub's deadline
E_HUB_BUSY = "hub-busy"  # too many connections (from one address, or in all)
E_PRESENTER_BUSY = "presenter-busy"  # another office presents (one presenter at a time)
E_PRESENT_DENIED = "present-denied"  # only the host may take over someone's presentation
E_NOT_HOST = "not-host"  # a host control from an office that is not the session's host
E_LOBBY_DENIED = "lobby-denied"  # the host did not admit this office from the lobby
E_LOBBY_FULL = "lobby-full"  # too many offices already wait in the lobby
E_LOBBY_TIMEOUT = "lobby-timeout"  # nobody admitted this office within the lobby's wait
E_REMOVED = "removed"  # the host removed this office; its invitation cannot rejoin
E_SESSION_ENDED = "session-ended"  # the host ended the session for everyone

# Codes the engine itself reports in ``ConnectionStateChanged.code`` (never sent on the wire).
E_HUB_UNREACHABLE = "hub-unreachable"
E_HUB_LINK_LOST = "hub-link-lost"
E_BAD_APP_MESSAGE = "bad-app-message"

# Every code a user may be shown (the UI keeps a translation for each).
ERROR_CODES = frozenset(
    {
        E_BAD_JSON, E_BAD_FRAME, E_TOO_LARGE, E_BAD_VERSION, E_UNKNOWN_TYPE, E_INVALID,
        E_NOT_JOINED, E_ALREADY_JOINED, E_TOKEN_INVALID, E_TOKEN_EXPIRED, E_TOKEN_ROOM,
        E_UNKNOWN_PEER, E_ROOM_FULL, E_PEER_ID_TAKEN, E_HUB_UNREACHABLE, E_HUB_LINK_LOST,
        E_BAD_APP_MESSAGE, E_INVITE_IN_USE, E_TOKEN_REVOKED, E_BAD_SIGNATURE, E_RATE_LIMITED,
        E_JOIN_TIMEOUT, E_HUB_BUSY, E_PRESENTER_BUSY, E_PRESENT_DENIED, E_NOT_HOST,
        E_LOBBY_DENIED, E_LOBBY_FULL, E_LOBBY_TIMEOUT, E_REMOVED, E_SESSION_ENDED,
    }
)  # fmt: skip

# Errors after which the hub closes the socket (authentication failures); the rest keep it open.
FATAL_CODES = frozenset(
    {
        E_TOKEN_INVALID, E_TOKEN_EXPIRED, E_TOKEN_ROOM, E_ROOM_FULL, E_PEER_ID_TAKEN,
        E_INVITE_IN_USE, E_TOKEN_REVOKED, E_BAD_SIGNATURE, E_JOIN_TIMEOUT, E_HUB_BUSY,
        E_LOBBY_DENIED, E_LOBBY_FULL, E_LOBBY_TIMEOUT, E_REMOVED, E_SESSION_ENDED,
    }
)  # fmt: skip


class ProtocolError(Exception):
    """A message broke the schema. ``code`` is one of the ``E_*`` constants."""

    def __init__(self, code: str, message: str, ref: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.ref = ref


# ----------------------------------------------------------------------------- messages


@dataclass(frozen=True)
class IceServer:
    """One STUN or TURN server as handed to clients (``RTCIceServer``)."""

    urls: list[str]
    username: str | None = None
    credential: str | None = None


@dataclass(frozen=True)
class PeerInfo:
    """A present participant. ``guest`` is set (``true``) only for a browser guest link."""

    peer_id: str
    office: str
    guest: bool | None = None


@dataclass(frozen=True)
class Hello:
    """Client -> hub, first message on a socket: asks for a ``challenge`` to sign."""

    type: Literal["hello"] = "hello"


@dataclass(frozen=True)
class Challenge:
    """Hub -> client answer to ``hello``: a one-time ``nonce`` the ``join`` must sign."""

    nonce: str
    type: Literal["challenge"] = "challenge"


@dataclass(frozen=True)
class Join:
    """Client -> hub after ``challenge``. ``peer_id`` lets a client keep its id across a reconnect.

    ``key`` is the install's Ed25519 public key (base64url, 32 bytes) and ``sig`` its signature
    (base64url, 64 bytes) over :func:`conferencing.installkey.join_message`; the first join binds
    the invitation to that key.
    """

    room: str
    token: str
    peer_id: str
    key: str = ""
    sig: str = ""
    type: Literal["join"] = "join"


@dataclass(frozen=True)
class Signal:
    """Client -> hub (``to`` set) and hub -> client (``from_`` set): offer/answer/... relay.

    ``session`` numbers one peer-connection attempt between two peers, so stale answers from an
    earlier attempt are ignored after a renegotiation.
    """

    kind: str
    session: int
    sdp: str | None = None
    to: str | None = None
    from_: str | None = None
    mid: str | None = None  # ``candidate`` only: the media section the candidate belongs to
    type: Literal["signal"] = "signal"


@dataclass(frozen=True)
class Relay:
    """App-level relay through the hub (when a data channel is not up): ``to`` one peer or all."""

    data: dict[str, Any]
    to: str | None = None
    from_: str | None = None
    type: Literal["relay"] = "relay"


@dataclass(frozen=True)
class Leave:
    """Client -> hub: leaving for good (the hub tells the others)."""

    type: Literal["leave"] = "leave"


@dataclass(frozen=True)
class Ping:
    """Client -> hub keep-alive; the hub answers ``pong`` with the same ``nonce``."""

    nonce: int = 0
    type: Literal["ping"] = "ping"


@dataclass(frozen=True)
class Present:
    """Client -> hub: start (``on``) or stop presenting; ``take_over`` ends another's (host only)."""

    on: bool = True
    take_over: bool | None = None
    type: Literal["present"] = "present"


@dataclass(frozen=True)
class Presenter:
    """Hub -> everyone in the room: who presents now (``peer_id`` omitted: nobody)."""

    peer_id: str | None = None
    office: str | None = None
    type: Literal["presenter"] = "presenter"


HOST_ACTIONS = ("lock", "unlock", "admit", "deny", "mute", "remove", "end")
#: Host actions that name the office they act on (``peer_id``).
TARGETED_ACTIONS = ("admit", "deny", "mute", "remove")


@dataclass(frozen=True)
class HostControl:
    """Client -> hub: a host control (docs/protocol.md §4); the hub refuses a non-host's."""

    action: str
    peer_id: str | None = None
    type: Literal["host"] = "host"


@dataclass(frozen=True)
class Hand:
    """Client -> hub: raise (``up``) or lower this office's hand."""

    up: bool = True
    type: Literal["hand"] = "hand"


@dataclass(frozen=True)
class RoomState:
    """Hub -> everyone in the room after a change: host, lock, raised hands.

    ``lobby`` (offices waiting to be admitted) is filled only in the copy sent to the host.
    """

    locked: bool
    hands: list[str]
    host: str | None = None
    lobby: list[PeerInfo] | None = None
    type: Literal["room"] = "room"


@dataclass(frozen=True)
class LobbyWait:
    """Hub -> a joining office instead of ``welcome``: wait until the host admits you."""

    type: Literal["lobby"] = "lobby"


@dataclass(frozen=True)
class MuteRequest:
    """Hub -> one office: the host asks it to mute (it may unmute itself)."""

    from_: str | None = None
    type: Literal["mute-request"] = "mute-request"


@dataclass(frozen=True)
class Ended:
    """Hub -> everyone: the host ended the session for everyone (the hub then disconnects)."""

    type: Literal["ended"] = "ended"


@dataclass(frozen=True)
class SfuInfo:
    """What one office needs to join the session's Janus VideoRoom (never the hub's secrets).

    ``url`` is the Janus API (WebSockets), ``room`` the VideoRoom, ``pin`` its join pin, ``feed``
    the publisher id the hub reserved for this office and ``token`` (when the server uses token
    authentication) this office's own Janus token, valid for the VideoRoom plugin only.
    """

    url: str
    room: int
    pin: str
    feed: int
    token: str | None = None


@dataclass(frozen=True)
class Welcome:
    """Hub -> client after a valid ``join``. ``sfu`` is set for a session on a Janus SFU."""

    peer_id: str
    room: str
    office: str
    peers: list[PeerInfo]
    ice_servers: list[IceServer]
    expires_at: int
    sfu: SfuInfo | None = None
    type: Literal["welcome"] = "welcome"


@dataclass(frozen=True)
class TopologySwitch:
    """Hub -> each office: the session moves to the SFU or back to the mesh (protocol.md).

    ``sfu`` set: that office's own ticket to the session's Janus room (the move to the SFU);
    omitted: back to the mesh. ``epoch`` grows with each switch of a room, so a repeated or
    older switch is a no-op.
    """

    epoch: int
    sfu: SfuInfo | None = None
    type: Literal["topology"] = "topology"


@dataclass(frozen=True)
class PeerJoined:
    """Hub -> others in the room. ``guest`` is ``True`` for a browser guest (else omitted)."""

    peer_id: str
    office: str
    guest: bool | None = None
    type: Literal["peer-joined"] = "peer-joined"


@dataclass(frozen=True)
class PeerLeft:
    """Hub -> others in the room."""

    peer_id: str
    office: str
    type: Literal["peer-left"] = "peer-left"


@dataclass(frozen=True)
class Pong:
    """Hub -> client answer to ``ping``."""

    nonce: int = 0
    type: Literal["pong"] = "pong"


@dataclass(frozen=True)
class Error:
    """Hub -> client: the previous message was refused. ``ref`` names its type when known."""

    code: str
    message: str
    ref: str | None = None
    type: Literal["error"] = "error"


Message = (
    Hello
    | Challenge
    | Join
    | Signal
    | Relay
    | Leave
    | Ping
    | Welcome
    | PeerJoined
    | TopologySwitch
    | PeerLeft
    | Pong
    | Error
    | Present
    | Presenter
    | HostControl
    | Hand
    | RoomState
    | LobbyWait
    | MuteRequest
    | Ended
)
CLIENT_TYPES = ("hello", "join", "signal", "relay", "leave", "ping", "present", "host", "hand")
HUB_TYPES = (
    "challenge", "welcome", "peer-joined", "peer-left", "signal", "relay", "pong", "error",
    "topology",
    "presenter", "room", "lobby", "mute-request", "ended",
)  # fmt: skip
B64_RE = re.compile(r"^[A-Za-z0-9_-]{16,128}$")

# ----------------------------------------------------------------------------- validation


def _str(
    obj: dict[str, Any],
    key: str,
    *,
    pattern: re.Pattern[str] | None = None,
    max_len: int = 256,
    optional: bool = False,
) -> str | None:
    value = obj.get(key)
    if value is None:
        if optional:
            return None
        raise ProtocolError(E_INVALID, f"field '{key}' is required", obj.get("type"))
    if not isinstance(value, str):
        raise ProtocolError(E_INVALID, f"field '{key}' must be a string", obj.get("type"))
    if len(value) > max_len:
        raise ProtocolError(
            E_INVALID, f"field '{key}' is longer than {max_len} characters", obj.get("type")
        )
    if pattern is not None and not pattern.match(value):
        raise ProtocolError(E_INVALID, f"field '{key}' has an invalid value", obj.get("type"))
    return value


def _int(obj: dict[str, Any], key: str, *, lo: int = 0, hi: int = 2**53) -> int:
    value = obj.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
        raise ProtocolError(
            E_INVALID, f"field '{key}' must be an integer in [{lo}, {hi}]", obj.get("type")
        )
    return value


def _peers(obj: dict[str, Any]) -> list[PeerInfo]:
    raw = obj.get("peers")
    if not isinstance(raw, list) or len(raw) > 64:
        raise ProtocolError(E_INVALID, "field 'peers' must be a list", obj.get("type"))
    out = []
    for item in raw:
        if not isinstance(item, dict):
            raise ProtocolError(E_INVALID, "every peer must be an object", obj.get("type"))
        out.append(
            PeerInfo(
                _str(item, "peer_id", pattern=PEER_ID_RE),  # type: ignore[arg-type]
                _str(item, "office"),  # type: ignore[arg-type]
                guest=True if item.get("guest") is True else None,
            )
        )
    return out


def _ice(obj: dict[str, Any]) -> list[IceServer]:
    raw = obj.get("ice_servers")
    if not isinstance(raw, list) or len(raw) > 16:
        raise ProtocolError(E_INVALID, "field 'ice_servers' must be a list", obj.get("type"))
    out = []
    for item in raw:
        if not isinstance(item, dict):
            raise ProtocolError(E_INVALID, "every ICE server must be an object", obj.get("type"))
        urls = item.get("urls")
        if not isinstance(urls, list) or not urls or not all(isinstance(u, str) for u in urls):
            raise ProtocolError(
                E_INVALID, "ICE server 'urls' must be a list of strings", obj.get("type")
            )
        out.append(
            IceServer(
                urls, _str(item, "username", optional=True), _str(item, "credential", optional=True)
            )
        )
    return out


SFU_URL_RE = re.compile(r"^wss?://[A-Za-z0-9.:\[\]_-]{1,200}(/[A-Za-z0-9._~/-]{0,100})?$")


def _sfu(obj: dict[str, Any]) -> SfuInfo | None:
    raw = obj.get("sfu")
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise ProtocolError(E_INVALID, "field 'sfu' must be an object", obj.get("type"))
    return SfuInfo(
        url=_str(raw, "url", pattern=SFU_URL_RE, max_len=300),  # type: ignore[arg-type]
        room=_int(raw, "room", lo=1, hi=2**53 - 1),
        pin=_str(raw, "pin", max_len=128),  # type: ignore[arg-type]
        feed=_int(raw, "feed", lo=1, hi=2**53 - 1),
        token=_str(raw, "token", max_len=256, optional=True),
    )


def _parse_obj(obj: dict[str, Any]) -> Message:
    kind = obj["type"]
    if kind == "hello":
        return Hello()
    if kind == "challenge":
        return Challenge(nonce=_str(obj, "nonce", pattern=B64_RE))  # type: ignore[arg-type]
    if kind == "join":
        return Join(
            room=_str(obj, "room", pattern=ROOM_RE),  # type: ignore[arg-type]
            token=_str(obj, "token", max_len=2048),  # type: ignore[arg-type]
            peer_id=_str(obj, "peer_id", pattern=PEER_ID_RE),  # type: ignore[arg-type]
            key=_str(obj, "key", pattern=B64_RE),  # type: ignore[arg-type]
            sig=_str(obj, "sig", pattern=B64_RE),  # type: ignore[arg-type]
        )
    if kind == "signal":
        sig_kind = _str(obj, "kind")
        if sig_kind not in SIGNAL_KINDS:
            raise ProtocolError(
                E_INVALID, f"signal kind must be one of {', '.join(SIGNAL_KINDS)}", kind
            )
        sdp = _str(obj, "sdp", max_len=MAX_SDP_CHARS, optional=True)
        if sig_kind in ("offer", "answer", "candidate") and sdp is None:
            raise ProtocolError(E_INVALID, f"a '{sig_kind}' signal needs 'sdp'", kind)
        return Signal(
            kind=sig_kind,  # type: ignore[arg-type]
            session=_int(obj, "session"),
            sdp=sdp,
            to=_str(obj, "to", pattern=PEER_ID_RE, optional=True),
            from_=_str(obj, "from", pattern=PEER_ID_RE, optional=True),
            mid=_str(obj, "mid", max_len=32, optional=True),
        )
    if kind == "relay":
        data = obj.get("data")
        if not isinstance(data, dict):
            raise ProtocolError(E_INVALID, "field 'data' must be an object", kind)
        return Relay(
            data=data,
            to=_str(obj, "to", pattern=PEER_ID_RE, optional=True),
            from_=_str(obj, "from", pattern=PEER_ID_RE, optional=True),
        )
    if kind == "leave":
        return Leave()
    if kind == "ping":
        return Ping(nonce=_int(obj, "nonce") if "nonce" in obj else 0)
    if kind == "pong":
        return Pong(nonce=_int(obj, "nonce") if "nonce" in obj else 0)
    if kind == "welcome":
        return Welcome(
            peer_id=_str(obj, "peer_id", pattern=PEER_ID_RE),  # type: ignore[arg-type]
            room=_str(obj, "room", pattern=ROOM_RE),  # type: ignore[arg-type]
            office=_str(obj, "office"),  # type: ignore[arg-type]
            peers=_peers(obj),
            ice_servers=_ice(obj),
            expires_at=_int(obj, "expires_at"),
            sfu=_sfu(obj),
        )
    if kind == "topology":
        return TopologySwitch(epoch=_int(obj, "epoch", lo=1, hi=2**31), sfu=_sfu(obj))
    if kind == "peer-joined":
        return PeerJoined(
            _str(obj, "peer_id", pattern=PEER_ID_RE),  # type: ignore[arg-type]
            _str(obj, "office"),  # type: ignore[arg-type]
            guest=True if obj.get("guest") is True else None,
        )
    if kind == "peer-left":
        return PeerLeft(_str(obj, "peer_id", pattern=PEER_ID_RE), _str(obj, "office"))  # type: ignore[arg-type]
    if kind == "present":
        for key in ("on", "take_over"):
            if key in obj and not isinstance(obj[key], bool):
                raise ProtocolError(E_INVALID, f"field '{key}' must be true or false", kind)
        return Present(on=obj.get("on", True), take_over=True if obj.get("take_over") else None)
    if kind == "presenter":
        return Presenter(
            peer_id=_str(obj, "peer_id", pattern=PEER_ID_RE, optional=True),
            office=_str(obj, "office", optional=True),
        )
    if kind in ("host", "hand", "room", "lobby", "mute-request", "ended"):
        return _parse_host(obj, kind)
    if kind == "error":
        return Error(
            code=_str(obj, "code", max_len=64),  # type: ignore[arg-type]
            message=_str(obj, "message", max_len=1024),  # type: ignore[arg-type]
            ref=_str(obj, "ref", max_len=64, optional=True),
        )
    raise ProtocolError(E_UNKNOWN_TYPE, f"unknown message type '{str(kind)[:40]}'")


def _parse_host(obj: dict[str, Any], kind: str) -> Message:
    """The host-control messages (docs/protocol.md §4)."""
    if kind == "host":
        action = _str(obj, "action", max_len=16)
        if action not in HOST_ACTIONS:
            raise ProtocolError(E_INVALID, f"action must be one of {', '.join(HOST_ACTIONS)}", kind)
        peer = _str(obj, "peer_id", pattern=PEER_ID_RE, optional=action not in TARGETED_ACTIONS)
        return HostControl(action=action, peer_id=peer)  # type: ignore[arg-type]
    if kind == "hand":
        if "up" in obj and not isinstance(obj["up"], bool):
            raise ProtocolError(E_INVALID, "field 'up' must be true or false", kind)
        return Hand(up=obj.get("up", True))
    if kind == "room":
        hands = obj.get("hands")
        if not isinstance(hands, list) or len(hands) > 64:
            raise ProtocolError(E_INVALID, "field 'hands' must be a list", kind)
        for hand in hands:
            if not isinstance(hand, str) or not PEER_ID_RE.match(hand):
                raise ProtocolError(E_INVALID, "every hand is a peer id", kind)
        locked = obj.get("locked")
        if not isinstance(locked, bool):
            raise ProtocolError(E_INVALID, "field 'locked' must be true or false", kind)
        return RoomState(
            locked=locked,
            hands=list(hands),
            host=_str(obj, "host", pattern=PEER_ID_RE, optional=True),
            lobby=_peers({"peers": obj["lobby"], "type": kind}) if "lobby" in obj else None,
        )
    if kind == "lobby":
        return LobbyWait()
    if kind == "mute-request":
        return MuteRequest(from_=_str(obj, "from", pattern=PEER_ID_RE, optional=True))
    return Ended()


def parse(raw: str | bytes, *, allowed: tuple[str, ...] | None = None) -> Message:
    """Validate one frame and return the message.

    ``allowed`` restricts the types (the hub passes :data:`CLIENT_TYPES`). Raises
    :class:`ProtocolError` with a clear message and code for anything malformed.
    """
    if isinstance(raw, bytes | bytearray):
        raise ProtocolError(
            E_BAD_FRAME, "binary frames are not part of the protocol; send JSON text"
        )
    if (
        len(raw) > MAX_MESSAGE_BYTES
        or len(raw.encode("utf-8", "surrogatepass")) > MAX_MESSAGE_BYTES
    ):
        raise ProtocolError(E_TOO_LARGE, f"message larger than {MAX_MESSAGE_BYTES} bytes")
    try:
        obj = json.loads(raw)
    except (ValueError, RecursionError) as exc:
        raise ProtocolError(E_BAD_JSON, f"not valid JSON: {str(exc)[:120]}") from None
    if not isinstance(obj, dict):
        raise ProtocolError(E_BAD_JSON, "a message must be a JSON object")
    kind = obj.get("type")
    if not isinstance(kind, str):
        raise ProtocolError(E_INVALID, "field 'type' is required and must be a string")
    if obj.get("v") != VERSION:
        if obj.get("v") in OLD_VERSIONS:
            reason = (
                f"protocol v{obj.get('v')} is no longer accepted; this hub speaks v{VERSION}: "
                "update Lintas to join"
            )
        else:
            reason = (
                f"unsupported protocol version {str(obj.get('v'))[:20]}; this hub speaks v{VERSION}"
            )
        raise ProtocolError(E_BAD_VERSION, reason, kind[:64])
    if allowed is not None and kind not in allowed:
        raise ProtocolError(
            E_UNKNOWN_TYPE, f"message type '{kind[:40]}' is not accepted here", kind[:64]
        )
    return _parse_obj(obj)


def _strip_none(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_strip_none(v) for v in value]
    return value


def to_dict(message: Message) -> dict[str, Any]:
    """The JSON object for ``message`` (``from_`` becomes ``from``; ``None`` fields dropped)."""
    out: dict[str, Any] = {"v": VERSION}
    for key, value in asdict(message).items():
        if value is None:
            continue
        # Relay data is the application's own object: pass it through untouched.
        out["from" if key == "from_" else key] = value if key == "data" else _strip_none(value)
    return out


def encode(message: Message) -> str:
    """Serialise ``message`` to the JSON text sent on the wire."""
    return json.dumps(to_dict(message), separators=(",", ":"), ensure_ascii=False)
