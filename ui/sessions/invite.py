"""Invitation text for a vicon session: what a host copies into an e-mail or chat message.

The text is for people (who is invited, to what) and carries one machine line, a
``lintas://join?...`` link, that :func:`parse_invite` reads back. The human lines are
translated; the link never is, so an Indonesian invite works in an English app and back.
Older or hand-written invites with ``Hub:``/``Room:``/``Token:`` lines are accepted too.
An embedded hub's address carries its certificate pin (``wss://...#sha256=HEX``); a damaged pin
is refused here rather than silently joining without it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
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


def format_invite(invite: Invite, host_office: str) -> str:
    """Invitation text: a few translated lines for people and the link for the app."""
    lines = [
        QCoreApplication.translate(
            "Invite", "{host} invites {guest} to a Lintas video session."
        ).format(
            host=host_office,
            guest=invite.office or QCoreApplication.translate("Invite", "your office"),
        ),
        QCoreApplication.translate(
            "Invite", "In Lintas, open Sessions → Join a session and paste this whole text."
        ),
        "",
        f"Hub: {invite.hub_url}",
        f"Room: {invite.room}",
        invite.link(),
    ]
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
    if scheme not in ("ws", "wss", "http", "https") or not urlsplit(hub).hostname:
        raise InviteError(
            QCoreApplication.translate(
                "Invite", "The hub address {address} is not a ws:// or wss:// address."
            ).format(address=hub)
        )
    try:
        split_pin(hub)
    except ValueError:
        raise InviteError(
            QCoreApplication.translate(
                "Invite",
                "The hub address in this invitation is damaged; ask the host to send it again.",
            )
        ) from None
    return Invite(hub, fields["room"].strip(), fields["token"].strip(), fields.get("office", ""))
