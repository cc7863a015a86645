"""The host of a session and what only the host may do, enforced by the hub (docs/protocol.md §4).

The host is the office whose invitation carries the host claim (``"h": 1``, covered by the
hub's MAC: only whoever holds the hub secret issues one, i.e. the office that runs the session).
The role is kept by invitation, so the host's rejoin under a new peer id is still the host.

What the role decides, per room:

* **Lock and lobby.** A locked room holds an arriving office in the lobby (no welcome, no
  peers, no signals, no relay) until the host admits or denies it. Offices already present
  when the room is locked stay admitted; an admitted invitation that reconnects goes straight
  back in. A denied invitation is refused at once for as long as the room stays locked.
* **Removed invitations** cannot rejoin this session (until the invitation expires).
* **End for everyone** closes the session: every office is told and disconnected, and no
  invitation but the host's may join again (the host's rejoin reopens it).
* **Hands** raised by any office, shown to everyone.

Everything is bounded (lobby size, remembered invitations) and idempotent: repeating a request
changes nothing and announces nothing, so a replay is a no-op.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from conferencing import protocol as p

MAX_LOBBY = 8  # offices waiting at once in one room
MAX_REMEMBERED = 256  # invitations a room remembers as admitted, denied or removed
LOBBY_WAIT_S = 600.0  # an office waits this long in the lobby before the hub lets it go


@dataclass(eq=False)
class LobbyEntry:
    """An office waiting for the host: what its admission needs to finish the join."""

    peer_id: str
    office: str
    invitation: str
    ws: Any  # the waiting WebSocket (aiohttp), kept for the welcome or the refusal
    join: p.Join
    claims: Any  # TokenClaims
    state: dict[str, Any]  # the connection's state in the hub's read loop
    timer: Any = None  # asyncio.TimerHandle of the lobby deadline


@dataclass
class HostRole:
    """Who hosts one room, its lock, lobby, removed invitations and raised hands."""

    host_invitation: str = ""
    locked: bool = False
    ended: bool = False
    lobby: dict[str, LobbyEntry] = field(default_factory=dict)  # peer id -> entry
    admitted: set[str] = field(default_factory=set)  # invitations let in while locked
    denied: set[str] = field(default_factory=set)
    removed: set[str] = field(default_factory=set)
    hands: set[str] = field(default_factory=set)  # peer ids with a raised hand
    expires_at: int = 0  # latest expiry of an invitation seen: the state is kept until then

    # ------------------------------------------------------------------ who is host

    def note_join(self, invitation: str, claims: Any) -> None:
        """An invitation passed the token checks; remember the host's and the expiry."""
        self.expires_at = max(self.expires_at, int(claims.expires_at))
        if getattr(claims, "host", False) and not getattr(claims, "guest", False):
            self.host_invitation = invitation

    def is_host(self, invitation: str) -> bool:
        """Whether ``invitation`` is the host's (what ``present`` take-over also asks)."""
        return bool(invitation) and invitation == self.host_invitation

    # ------------------------------------------------------------------ arriving

    def refusal(self, invitation: str) -> p.ProtocolError | None:
        """Why ``invitation`` may not join now (removed, denied, session ended), or None."""
        if self.is_host(invitation):
            return None
        if invitation in self.removed:
            return p.ProtocolError(p.E_REMOVED, "the host removed this office from the session",
                                   "join")  # fmt: skip
        if self.ended:
            return p.ProtocolError(p.E_SESSION_ENDED, "the host has ended this session", "join")
        if self.locked and invitation in self.denied:
            return p.ProtocolError(p.E_LOBBY_DENIED, "the host did not admit this office", "join")
        return None

    def must_wait(self, invitation: str) -> bool:
        """Whether ``invitation`` goes to the lobby instead of into the room."""
        return self.locked and not self.is_host(invitation) and invitation not in self.admitted

    def host_rejoined(self, invitation: str) -> None:
        """The host came back: an ended session reopens."""
        if self.is_host(invitation):
            self.ended = False

    def wait(self, entry: LobbyEntry) -> None:
        """Put ``entry`` in the lobby (the caller checked :meth:`lobby_full`)."""
        self.lobby[entry.peer_id] = entry

    def lobby_full(self) -> bool:
        """Whether the lobby holds as many offices as it may."""
        return len(self.lobby) >= MAX_LOBBY

    # ------------------------------------------------------------------ host actions

    def lock(self, present_invitations: list[str]) -> bool:
        """Lock the room; offices present now stay admitted. True when it changed."""
        if self.locked:
            return False
        self.locked = True
        self._remember(self.admitted, *present_invitations)
        return True

    def unlock(self) -> tuple[bool, list[LobbyEntry]]:
        """Unlock; everyone waiting is let in. ``(changed, entries to admit)``."""
        if not self.locked:
            return False, []
        self.locked = False
        self.denied.clear()
        waiting = list(self.lobby.values())
        self.lobby.clear()
        return True, waiting

    def admit(self, peer_id: str) -> LobbyEntry | None:
        """Take ``peer_id`` out of the lobby as admitted (None: not waiting, a no-op)."""
        entry = self.lobby.pop(peer_id, None)
        if entry is not None:
            self._remember(self.admitted, entry.invitation)
            self.denied.discard(entry.invitation)
        return entry

    def deny(self, peer_id: str) -> LobbyEntry | None:
        """Take ``peer_id`` out of the lobby as denied (None: not waiting, a no-op)."""
        entry = self.lobby.pop(peer_id, None)
        if entry is not None:
            self._remember(self.denied, entry.invitation)
            self.admitted.discard(entry.invitation)
        return entry

    def remove(self, invitation: str, peer_id: str) -> None:
        """Remember ``invitation`` as removed (its rejoin is refused)."""
        self._remember(self.removed, invitation)
        self.admitted.discard(invitation)
        self.hands.discard(peer_id)

    def end(self) -> list[LobbyEntry]:
        """End the session; returns the offices still waiting (they are told too)."""
        self.ended = True
        self.hands.clear()
        waiting = list(self.lobby.values())
        self.lobby.clear()
        return waiting

    def left(self, peer_id: str) -> bool:
        """``peer_id`` left the room; True when that lowered a hand."""
        if peer_id in self.hands:
            self.hands.discard(peer_id)
            return True
        return False

    def hand(self, peer_id: str, up: bool) -> bool:
        """Raise or lower ``peer_id``'s hand; True when it changed."""
        if up == (peer_id in self.hands):
            return False
        if up:
            self.hands.add(peer_id)
        else:
            self.hands.discard(peer_id)
        return True

    # ------------------------------------------------------------------ keeping state

    def has_state(self) -> bool:
        """Whether there is anything to announce (a room without a host invitation has not)."""
        return bool(self.host_invitation or self.locked or self.hands)

    def keeps_room(self, now: float | None = None) -> bool:
        """Whether an empty room must still be kept (removed invitations, an ended session)."""
        current = time.time() if now is None else now
        return bool(self.removed or self.ended) and current < self.expires_at

    @staticmethod
    def _remember(bucket: set[str], *invitations: str) -> None:
        for invitation in invitations:
            if len(bucket) >= MAX_REMEMBERED:
                bucket.pop()  # bounded: forgetting one only costs that office a lobby wait
            bucket.add(invitation)
