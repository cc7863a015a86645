"""The conferencing core's coded refusals in the UI language (hub, invite tokens, engine).

The one place mapping ``conferencing.protocol.ERROR_CODES`` to translatable texts (see
:mod:`ui.messages`). The hub words its errors in English on the wire; the client keeps the code
(``JoinRefused.code``, ``TokenError.code``, ``ConnectionStateChanged.code``) and shows this text.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from conferencing import protocol
from conferencing.events import ConnectionStateChanged, EngineError
from conferencing.janus_client import SfuCode
from conferencing.linkhealth import MediaCode
from conferencing.messages import DomainMessage
from ui.datestyle import timestamp_datetime
from ui.messages import MessageTable, message_text
from ui.plain_errors import plain_text

HUB = MessageTable(
    "HubMessages",
    {
        "bad-json": QT_TRANSLATE_NOOP("HubMessages", "The hub received a message that is not JSON"),
        "bad-frame": QT_TRANSLATE_NOOP("HubMessages", "The hub received a malformed message"),
        "too-large": QT_TRANSLATE_NOOP("HubMessages", "A message was too large for the hub"),
        "bad-version": QT_TRANSLATE_NOOP(
            "HubMessages", "The hub speaks another protocol version; update Lintas on both sides"
        ),
        "unknown-type": QT_TRANSLATE_NOOP("HubMessages", "The hub did not understand a message"),
        "invalid-field": QT_TRANSLATE_NOOP(
            "HubMessages", "The hub received a message with an invalid field"
        ),
        "not-joined": QT_TRANSLATE_NOOP("HubMessages", "Not admitted to the room yet"),
        "already-joined": QT_TRANSLATE_NOOP(
            "HubMessages", "This connection has already joined a room"
        ),
        "token-invalid": QT_TRANSLATE_NOOP(
            "HubMessages", "The invitation is not valid for this hub; ask the host for a new one"
        ),
        "token-expired": QT_TRANSLATE_NOOP(
            "HubMessages", "The invitation has expired; ask the host for a new one"
        ),
        "token-wrong-room": QT_TRANSLATE_NOOP(
            "HubMessages", "The invitation is for another session"
        ),
        "unknown-peer": QT_TRANSLATE_NOOP(
            "HubMessages", "That participant is no longer in the session"
        ),
        "room-full": QT_TRANSLATE_NOOP("HubMessages", "The session is full"),
        "peer-id-taken": QT_TRANSLATE_NOOP(
            "HubMessages", "Another connection already uses this participant id"
        ),
        "hub-unreachable": QT_TRANSLATE_NOOP(
            "HubMessages",
            "The host office's computer cannot be reached. Check that this computer is online, "
            "then press Rejoin. If it still fails, ask the host office for a new invitation.",
        ),
        "hub-link-lost": QT_TRANSLATE_NOOP(
            "HubMessages",
            "The connection to the host office's computer was lost. Lintas tries to reconnect; "
            "if it does not, press Rejoin.",
        ),
        "bad-app-message": QT_TRANSLATE_NOOP(
            "HubMessages", "A message from another office could not be read"
        ),
        "invite-in-use": QT_TRANSLATE_NOOP(
            "HubMessages",
            "The invitation for {office} is already in use on another computer; "
            "ask the host for a new invitation",
        ),
        "token-revoked": QT_TRANSLATE_NOOP("HubMessages", "The host has withdrawn this invitation"),
        "bad-signature": QT_TRANSLATE_NOOP(
            "HubMessages", "The hub could not confirm this computer; update Lintas and try again"
        ),
        "rate-limited": QT_TRANSLATE_NOOP(
            "HubMessages", "Too many messages were sent to the hub at once"
        ),
        "join-timeout": QT_TRANSLATE_NOOP(
            "HubMessages", "Joining took too long; check the network and try again"
        ),
        "hub-busy": QT_TRANSLATE_NOOP("HubMessages", "The hub is busy; try again in a moment"),
        "presenter-busy": QT_TRANSLATE_NOOP(
            "HubMessages",
            "{office} is presenting. Ask them to stop, or wait until they finish.",
        ),
        "present-denied": QT_TRANSLATE_NOOP(
            "HubMessages", "Only the host can take over a presentation"
        ),
        "not-host": QT_TRANSLATE_NOOP("HubMessages", "Only the host of this meeting can do that"),
        "lobby-denied": QT_TRANSLATE_NOOP(
            "HubMessages", "The host did not let you into this meeting. Contact the host office."
        ),
        "lobby-full": QT_TRANSLATE_NOOP(
            "HubMessages", "Too many offices are waiting to enter. Try again in a few minutes."
        ),
        "lobby-timeout": QT_TRANSLATE_NOOP(
            "HubMessages",
            "Nobody let you into the meeting in time. Join again, or contact the host office.",
        ),
        "removed": QT_TRANSLATE_NOOP(
            "HubMessages", "The host removed your office from this meeting."
        ),
        "session-ended": QT_TRANSLATE_NOOP(
            "HubMessages", "The host ended the meeting for everyone."
        ),
    },
)

# Why a peer is (not) verified (``conferencing.call_identity.VerifyCode``).
CALL_IDENTITY = MessageTable(
    "CallIdentity",
    {
        "call.verified": QT_TRANSLATE_NOOP(
            "CallIdentity", "The office proved who it is with the office certificate you trust."
        ),
        "call.pending": QT_TRANSLATE_NOOP("CallIdentity", "Checking who is on this connection…"),
        "call.no_identity": QT_TRANSLATE_NOOP(
            "CallIdentity",
            "This office did not prove who it is: it joined without an office identity.",
        ),
        "call.untrusted": QT_TRANSLATE_NOOP(
            "CallIdentity",
            "This office's certificate is not one you trust. Import its office card to verify it.",
        ),
        "call.bad_signature": QT_TRANSLATE_NOOP(
            "CallIdentity", "This office's proof of identity has an invalid signature."
        ),
        "call.malformed": QT_TRANSLATE_NOOP(
            "CallIdentity", "This office's proof of identity could not be read."
        ),
        "call.stale": QT_TRANSLATE_NOOP(
            "CallIdentity", "This office's proof of identity belongs to another call."
        ),
        "call.cert_expired": QT_TRANSLATE_NOOP(
            "CallIdentity", "This office's certificate has expired or is not valid yet."
        ),
        "call.mismatch": QT_TRANSLATE_NOOP(
            "CallIdentity",
            "The connection does not end at the office that vouched for it. Someone may be "
            "listening in: do not discuss or sign anything; leave the call and call again.",
        ),
    },
)


# Why media cannot flow (``conferencing.linkhealth.MediaCode``); always worded by the table,
# since the core's English names servers and ports.
MEDIA = MessageTable(
    "MediaMessages",
    {
        MediaCode.TURN_AUTH.value: QT_TRANSLATE_NOOP(
            "MediaMessages",
            "The relay server refused this office's user name or password, so video may not "
            "get through. Ask the host office to check the relay (TURN) settings.",
        ),
        MediaCode.TURN_UNREACHABLE.value: QT_TRANSLATE_NOOP(
            "MediaMessages",
            "The relay server does not answer, so video may not get through. Check this "
            "computer's network, or ask the host office whether the relay (TURN) is running.",
        ),
        MediaCode.ICE_FAILED.value: QT_TRANSLATE_NOOP(
            "MediaMessages",
            "No network path to the other office was found. Lintas keeps trying; if there is "
            "still no picture or sound, check the firewall or ask for a relay (TURN) server.",
        ),
        # A session on the media server (SFU): what went wrong there, never its address.
        SfuCode.UNREACHABLE.value: QT_TRANSLATE_NOOP(
            "MediaMessages",
            "The media server for this session does not answer, so nobody's video can reach "
            "this office. Check this computer's network, then rejoin; if it still fails, ask "
            "the host office to check the media server.",
        ),
        SfuCode.REFUSED.value: QT_TRANSLATE_NOOP(
            "MediaMessages",
            "The media server refused this office. Rejoin the session; if it happens again, "
            "ask the host office for a new invitation.",
        ),
        SfuCode.TIMEOUT.value: QT_TRANSLATE_NOOP(
            "MediaMessages",
            "The media server is too slow to answer. Lintas tries again; if there is still no "
            "picture, ask the host office to check the media server.",
        ),
        SfuCode.PROTOCOL.value: QT_TRANSLATE_NOOP(
            "MediaMessages",
            "The media server answered in a way Lintas does not understand. Ask the host "
            "office to check the media server's version.",
        ),
    },
)


#: Codes whose core text carries internals (library exceptions, addresses, ports): always worded
#: by the table, also in the English UI, which otherwise keeps the core's exact text.
_NEVER_RAW = {protocol.E_HUB_UNREACHABLE, protocol.E_HUB_LINK_LOST}


def hub_message_text(message: DomainMessage) -> str:
    """A hub or engine refusal in the UI language (English when the code is unknown)."""
    if message.code in _NEVER_RAW:
        return QCoreApplication.translate("HubMessages", HUB.texts[message.code])
    text = message_text(message, HUB)
    if message.code == protocol.E_TOKEN_EXPIRED:
        # Even in English: the hub's reason names the token and a UTC time, not what to do.
        text = QCoreApplication.translate("HubMessages", HUB.texts[message.code])
    expires_at = message.params.get("expires_at")
    if isinstance(expires_at, int) and text != message.text:
        # Translated: the core's English reason (which carried the time) is not shown, so say it.
        when = timestamp_datetime(expires_at)
        text += "\n" + QCoreApplication.translate("HubMessages", "It expired on %1.").replace(
            "%1", when
        )
    return text


def state_reason_text(event: ConnectionStateChanged) -> str:
    """Why the call changed state, in the UI language ("" when no reason was given)."""
    if not event.reason:
        return ""
    return hub_message_text(DomainMessage(event.code, {}, event.reason))


def engine_error_text(event: EngineError) -> str:
    """An engine's error report in the UI language when it is coded."""
    if MEDIA.knows(event.code):
        return QCoreApplication.translate("MediaMessages", MEDIA.texts[event.code])
    return hub_message_text(DomainMessage(event.code, {}, event.message))


def error_text(error: BaseException) -> str:
    """A failed call operation in the UI language when the core coded it (``.message``)."""
    message = getattr(error, "message", None)
    if isinstance(message, DomainMessage):
        return hub_message_text(message)
    if isinstance(error, OSError):  # ConnectionError from join: its text names the hub's URL
        return hub_message_text(DomainMessage(protocol.E_HUB_UNREACHABLE, {}, ""))
    return plain_text(error)


# How the call ended when the host ended it: the banner says this instead of "Call failed: …",
# since nothing failed, and says what to do next.
CALL_END = MessageTable(
    "CallEnd",
    {
        protocol.E_SESSION_ENDED: QT_TRANSLATE_NOOP(
            "CallEnd",
            "The host ended the meeting. You can close this window; to meet again, ask the host "
            "office for a new invitation.",
        ),
        protocol.E_REMOVED: QT_TRANSLATE_NOOP(
            "CallEnd",
            "The host removed this office from the meeting. You can close this window; if this "
            "was a mistake, contact the host office.",
        ),
    },
)


def call_end_text(code: str) -> str:
    """The banner for a call the host ended (``code`` from the core), or "" for any other end."""
    if not CALL_END.knows(code):
        return ""
    return QCoreApplication.translate("CallEnd", CALL_END.texts[code])
