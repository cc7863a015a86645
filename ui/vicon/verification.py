"""Who is on the call, in words and colours: tile badges, reasons and refusals.

The engine proves (or fails to prove) each peer's office with signed DTLS fingerprints
(:mod:`conferencing.call_identity`). This module words its verdicts in the UI language and
gives live review and the signing ceremony one refusal sentence for an unverified call.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from conferencing.call_identity import PeerVerification, format_short_code
from conferencing.messages import DomainMessage
from ui.messages import message_text
from ui.vicon.messages import CALL_IDENTITY

if TYPE_CHECKING:
    from ui.vicon.controller import CallController

_COLOURS = {
    "verified": "#2e7d32",
    "pending": "#455a64",
    "unverified": "#6d4c41",
    "mismatch": "#c62828",
}


def spoken_code(state: PeerVerification) -> str:
    """The code to read aloud: six digits and, beside them, the same code as four words."""
    digits = format_short_code(state.short_code)
    return f"{digits} · {state.short_words}" if state.short_words else digits


def guest_text() -> str:
    """The mark of a browser guest: it has no Lintas office identity, so it is never verified."""
    return QCoreApplication.translate("CallVerification", "Guest (browser), not verified")


def verification_text(state: PeerVerification | None, *, guest: bool = False) -> str:
    """The badge: "Verified: <office>" / "Not verified" / ..., and the short code below it.

    A browser guest is "Guest (browser), not verified" whatever the state says.
    """
    if guest:
        return guest_text()
    if state is None or state.status == "pending":
        text = QCoreApplication.translate("CallVerification", "Checking identity…")
    elif state.status == "verified":
        text = QCoreApplication.translate("CallVerification", "Verified: %1").replace(
            "%1", state.office
        )
    elif state.status == "mismatch":
        text = QCoreApplication.translate(
            "CallVerification", "Not verified: connection intercepted"
        )
    else:
        text = QCoreApplication.translate("CallVerification", "Not verified")
    if state is not None and state.short_code:
        text += "\n" + QCoreApplication.translate("CallVerification", "Code %1").replace(
            "%1", spoken_code(state)
        )
    return text


def verification_colour(state: PeerVerification | None, *, guest: bool = False) -> str:
    """Badge colour: green verified, red intercepted, brown not verified, grey checking."""
    if guest and (state is None or state.status != "mismatch"):
        return _COLOURS["unverified"]
    return _COLOURS.get(state.status if state is not None else "pending", _COLOURS["pending"])


def verification_reason(state: PeerVerification) -> str:
    """Why the office is (not) verified, in the UI language."""
    code = str(state.code)
    # The core has no English sentence of its own for a verdict: the table's is the English.
    return message_text(DomainMessage(code, {}, CALL_IDENTITY.texts.get(code, "")), CALL_IDENTITY)


def verified_notice(office: str, state: PeerVerification) -> str:
    """The chat notice when an office is verified: read the code aloud, when there is one.

    Through Janus there is no short code (no end-to-end DTLS link to derive it from): the
    verdict rests on the office's signed publish binding, and a code to read aloud would be
    an empty promise.
    """
    if not state.short_code:
        return QCoreApplication.translate("CallVerification", "%1 is verified.").replace(
            "%1", state.office or office
        )
    return (
        QCoreApplication.translate(
            "CallVerification",
            "%1 is verified. Read the code %2 aloud: the other office must see the same code.",
        )
        .replace("%1", state.office or office)
        .replace("%2", spoken_code(state))
    )


def intercepted_notice(office: str) -> str:
    """The warning when a trusted office signed for a connection other than ours."""
    return QCoreApplication.translate(
        "CallVerification",
        "Warning: the connection to %1 does not end at %1. Someone may be listening in. "
        "Do not discuss or sign anything; leave the call and call again.",
    ).replace("%1", office)


def unverified_refusal(controller: CallController, what: str) -> str | None:
    """``None`` when every office in the call is verified, else why ``what`` cannot run.

    ``what`` is ``"review"`` (live review) or ``"ceremony"`` (the signing ceremony). With no
    other office in the call there is no link to distrust: nothing is sent until one joins,
    and it takes part only once verified.
    """
    offices = controller.unverified_offices()
    if not offices:
        return None
    guests = controller.guest_offices()
    if guests:
        return guest_refusal(guests, what)
    if what == "review":
        head = QCoreApplication.translate(
            "CallVerification", "Live review needs every office in the call to be verified."
        )
    else:
        head = QCoreApplication.translate(
            "CallVerification",
            "The signing ceremony needs every office in the call to be verified.",
        )
    return (
        head
        + " "
        + QCoreApplication.translate("CallVerification", "Not verified: %1.").replace(
            "%1", ", ".join(offices)
        )
        + " "
        + QCoreApplication.translate(
            "CallVerification",
            "Import the office card of each office you expect (Settings), then join the call "
            "again; if it still says “Not verified”, do not continue.",
        )
    )


def guest_refusal(guests: list[str], what: str) -> str:
    """Why live review (``"review"``) or the signing ceremony cannot run with a browser guest."""
    if what == "review":
        head = QCoreApplication.translate(
            "CallVerification",
            "Live review cannot run while a browser guest is in the call (%1): a guest has no "
            "Lintas office identity, so nobody can prove who it is.",
        )
    else:
        head = QCoreApplication.translate(
            "CallVerification",
            "The signing ceremony cannot run while a browser guest is in the call (%1): a guest "
            "has no Lintas office identity, so nobody can prove who it is.",
        )
    return (
        head.replace("%1", ", ".join(guests))
        + " "
        + QCoreApplication.translate(
            "CallVerification",
            "Talk with the guest as you like; to review or sign, that office joins from the "
            "Lintas app with its office card.",
        )
    )
