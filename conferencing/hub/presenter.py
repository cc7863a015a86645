"""One presenter at a time, enforced by the hub (docs/protocol.md §3, ``present``/``presenter``).

Each room has one presenter slot. An office asks for it with ``present`` and gets it when it is
free; while another office holds it the request is refused with ``presenter-busy`` (the hub's
``presenter`` message has already told everyone who holds it). The session's host may take a
presentation over (``take_over``); anyone else asking so gets ``present-denied``. The slot is
freed when its holder stops or leaves the room (not while it is a ghost: its media may still
flow). A repeated request changes nothing and announces nothing: a replay is a no-op.

The host is the hub's host role (``hub/host.py``: the invitation issued with the host claim),
passed in by the server; a room without one falls back to the office whose invitation first
joined (the office that created the session and runs its hub). Either is kept by invitation, so
the host's rejoin under a new peer id stays host.
"""

from __future__ import annotations

from dataclasses import dataclass

from conferencing import protocol as p


@dataclass
class PresenterSlot:
    """Who presents in one room and who may take over."""

    holder: str = ""  # peer id of the presenter ("" nobody)
    host_invitation: str = ""  # invitation id of the host office

    def note_member(self, invitation_id: str) -> None:
        """Remember the first invitation to join as the host's."""
        if not self.host_invitation:
            self.host_invitation = invitation_id

    def request(
        self, peer_id: str, invitation_id: str, message: p.Present, host_invitation: str = ""
    ) -> bool:
        """Apply ``message`` from ``peer_id``; True when the holder changed.

        ``host_invitation`` is the host role's invitation ("" when the room has none).

        Raises :class:`~conferencing.protocol.ProtocolError` when refused.
        """
        if not message.on:
            if self.holder != peer_id:
                return False  # not presenting: nothing to stop
            self.holder = ""
            return True
        if self.holder == peer_id:
            return False
        if self.holder and not message.take_over:
            raise p.ProtocolError(
                p.E_PRESENTER_BUSY, "another office is presenting; one presenter at a time",
                "present",
            )  # fmt: skip
        if self.holder and invitation_id != (host_invitation or self.host_invitation):
            raise p.ProtocolError(
                p.E_PRESENT_DENIED, "only the host may take over a presentation", "present"
            )
        self.holder = peer_id
        return True

    def left(self, peer_id: str) -> bool:
        """``peer_id`` left the room; True when that freed the slot."""
        if self.holder == peer_id:
            self.holder = ""
            return True
        return False
