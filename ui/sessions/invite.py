"""Invitation text for a vicon session: what a host copies into an e-mail or chat message.

The text is for people (who is invited, to what, until when, how to join) and carries one
machine line, a ``lintas://join?...`` link under "Code to paste", that :func:`parse_invite`
reads back; the hub's address and port appear only inside that link. The human lines are
translated; the link never is, so an Indonesian invite works in an English app and back.
Older or hand-written invites with ``Hub:``/``Room:``/``Token:`` lines are accepted too.
An embedded hub's address carries its certificate pin (``wss://...#sha256=HEX``); a damaged pin
is refused here rather than silently joining without it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qs, quote, urlsplit

from PySide6.QtCore import QCoreApplication

from conferencing.signaling import split_pin

SCHEME = "lintas"
_LINK_RE = re.compile(r"lintas://join\?\S+", re.IGNORECASE)
_FIELD_RE = re.compile(
    r"^\s*(hub|room|token|office)\s*:\s*(\S.*?)\s*$", re.IGNORECASE | re.MULTILINE
)
#: Invites are pasted by people; refuse anything absurdly large instead of parsing it.
MAX_INVITE_CHARS = 20_000


class InviteError(ValueError):
    """The pasted text is not a usable invitation; ``str()`` says what is wrong."""


@dataclass(frozen=True)
class Invite:
    """Everything needed to join: the hub address, the room and the office's token."""

    hub_url: str
    room: str
    token: str
    office: str = ""
    # https://HOST:PORT/guest/#t=… for an office without Lintas (a browser guest link; not part
    # of the lintas:// code and never read back by parse_invite).
    browser_link: str = field(default="", compare=False)

    def link(self) -> str:
        """The machine-readable ``lintas://join`` link."""
        parts = [
            f"hub={quote(self.hub_url, safe='')}",
            f"room={quote(self.room, safe='')}",
            f"token={quote(self.token, safe='')}",
        ]
        if self.office:
            parts.append(f"office={quote(self.office, safe='')}")
        return f"{SCHEME}://join?" + "&".join(parts)


def _expiry_text(token: str) -> str:
    """Until when the invitation admits its office, in the host's Indonesian zone when known."""
    import datetime as dt

    from conferencing.hub.tokens import token_expiry
    from ui.datestyle import timestamp_datetime, zoned_datetime

    expiry = token_expiry(token)
    if expiry is None:
        return ""
    when = dt.datetime.fromtimestamp(expiry, dt.UTC)
    offset = when.astimezone().utcoffset()
    hours = offset.total_seconds() / 3600 if offset is not None else None
    zone = {7: "WIB", 8: "WITA", 9: "WIT"}.get(int(hours)) if hours in (7, 8, 9) else None
    return zoned_datetime(when, zone) if zone else timestamp_datetime(expiry)


def format_invite(invite: Invite, host_office: str) -> str:
    """Invitation text: what, when and how to join for people; the address only in the code.

    The human part never shows an address, port or token (they mean nothing to a mayor's staff
    and invite hand-editing); everything the app needs is in the one ``lintas://join`` line
    under "Code to paste", which :func:`parse_invite` reads back from the whole message.
    """
    lines = [
        QCoreApplication.translate(
            "Invite", "{host} invites {guest} to a Lintas video session."
        ).format(
            host=host_office,
            guest=invite.office or QCoreApplication.translate("Invite", "your office"),
        ),
        "",
    ]
    until = _expiry_text(invite.token)
    if until:
        lines.append(
            QCoreApplication.translate(
                "Invite", "When: the session is open now; join before {time}."
            ).format(time=until)
        )
    lines += [
        QCoreApplication.translate(
            "Invite",
            "How to join: open Lintas, go to Sessions and paste this whole message under “Join "
            "a session”: the call opens at once.",
        ),
        QCoreApplication.translate(
            "Invite",
            "In the call, both offices read the code on their screens aloud; trust each other "
            "only if it is the same.",
        ),
        "",
        QCoreApplication.translate("Invite", "Code to paste (for Lintas, do not change it):"),
        invite.link(),
    ]
    if invite.browser_link:
        lines += [
            "",
            QCoreApplication.translate(
                "Invite",
                "Without Lintas: open this link in Chrome or Edge to join as a guest with camera, "
                "microphone and chat. A guest is not verified, so agreements cannot be reviewed or "
                "signed with it.",
            ),
            invite.browser_link,
        ]
        from conferencing.hub.guest_page import fingerprint_start

        start = fingerprint_start(invite.hub_url)
        if start:
            # The hub's certificate is its own (no authority): the browser warns. Say what it
            # will say and how to tell the real host from an impostor.
            lines.append(
                QCoreApplication.translate(
                    "Invite",
                    "The browser will warn that the connection is not private, because {host} "
                    "made its own certificate: continue only if the certificate's SHA-256 "
                    "fingerprint starts with {fingerprint}.",
                ).format(host=host_office, fingerprint=start)
            )
    return "\n".join(lines)


def parse_invite(text: str) -> Invite:
    """Read an invitation back; raises :class:`InviteError` with a clear reason."""
    if len(text) > MAX_INVITE_CHARS:
        raise InviteError(
            QCoreApplication.translate("Invite", "This text is too long to be an invitation.")
        )
    match = _LINK_RE.search(text)
    if match:
        query = parse_qs(urlsplit(match.group(0)).query)
        fields = {key: values[0] for key, values in query.items() if values}
    else:
        fields = {m.group(1).lower(): m.group(2) for m in _FIELD_RE.finditer(text)}
    missing = [name for name in ("hub", "room", "token") if not fields.get(name, "").strip()]
    if missing:
        raise InviteError(
            QCoreApplication.translate(
                "Invite", "This is not a complete Lintas invitation (missing: {fields})."
            ).format(fields=", ".join(missing))
        )
    hub = fields["hub"].strip()
    scheme = urlsplit(hub).scheme.lower()
    try:
        if scheme not in ("ws", "wss", "http", "https") or not urlsplit(hub).hostname:
            raise ValueError(hub)  # told below, without the address (no URLs in messages)
        split_pin(hub)
    except ValueError:
        raise InviteError(
            QCoreApplication.translate(
                "Invite",
                "The hub address in this invitation is damaged; ask the host to send it again.",
            )
        ) from None
    return Invite(hub, fields["room"].strip(), fields["token"].strip(), fields.get("office", ""))
