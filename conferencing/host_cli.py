"""Host controls for the headless ``call`` (so the hub's host logic is testable headless).

``call --lock`` locks the session once the hub names this office host; ``--lobby admit|deny``
admits or turns away every office that waits; ``--end-after S`` ends the session for everyone
S seconds after joining; ``--raise-hand`` raises this office's hand. The report gains a
``"host"`` object: whether we were host, the offices seen waiting, and the ``outcome`` of our
own attendance (``in-call``, ``left``, or the hub's code: ``lobby-denied``, ``removed``,
``session-ended`` ...).
"""

from __future__ import annotations

import argparse
from typing import Any

from conferencing.events import ConnectionStateChanged

MAX_SEEN = 32  # offices remembered for the report


def add_call_arguments(call: argparse.ArgumentParser) -> None:
    """The host-control options of ``call``."""
    call.add_argument(
        "--lock",
        action="store_true",
        help="as host (a --host invitation), lock the session: arriving offices wait in a lobby",
    )
    call.add_argument(
        "--lobby",
        choices=("admit", "deny"),
        help="as host, admit or turn away every office waiting in the lobby",
    )
    call.add_argument(
        "--end-after",
        type=float,
        metavar="S",
        help="as host, end the session for everyone S seconds after joining",
    )
    call.add_argument("--raise-hand", action="store_true", help="raise this office's hand")
    call.add_argument(
        "--wait-lobby",
        type=float,
        default=120.0,
        metavar="S",
        help="how long to wait in a locked session's lobby (default 120)",
    )


def add_invite_arguments(invite: argparse.ArgumentParser) -> None:
    """``invite --host``: the session's host invitation."""
    invite.add_argument(
        "--host",
        action="store_true",
        help="the host's invitation: may lock the session, admit, ask to mute, remove, end",
    )


class HostAutomation:
    """Acts as the command line asked when the hub's room state arrives; records outcomes."""

    def __init__(self, engine: Any, args: argparse.Namespace) -> None:
        self.engine = engine
        self.args = args
        self.is_host = False
        self.locked = False
        self.waited = False
        self.lobby_seen: list[str] = []
        self.hands_seen: set[str] = set()
        self.outcome = "in-call"
        self._decided: set[str] = set()
        self._lock_sent = False
        engine.add_listener(self.on_event)

    def on_event(self, event: object) -> None:
        """Engine listener (engine thread): act on the room state, note how the call ended."""
        # Here, not at the top: main.py declares these options at start-up, and the hosting
        # engine brings aiortc and PyAV, which the GUI must not load before its window shows.
        from conferencing.hosting_engine import LobbyWaiting, RoomStateChanged

        if isinstance(event, LobbyWaiting):
            self.waited = True
        elif isinstance(event, ConnectionStateChanged):
            if event.state == "failed" and event.code:
                self.outcome = event.code
            elif event.state == "left" and self.outcome == "in-call":
                self.outcome = "left"
        elif isinstance(event, RoomStateChanged):
            self.is_host = event.is_host
            self.locked = event.locked
            self.hands_seen |= {self._office(h) for h in event.hands}
            if event.is_host and self.args.lock and not self._lock_sent:
                self._lock_sent = True
                self.engine.submit(self.engine.lock_room(True))
            for peer_id, office in event.lobby:
                if office not in self.lobby_seen and len(self.lobby_seen) < MAX_SEEN:
                    self.lobby_seen.append(office)
                if self.args.lobby and peer_id not in self._decided:
                    self._decided.add(peer_id)
                    act = self.engine.admit if self.args.lobby == "admit" else self.engine.deny
                    self.engine.submit(act(peer_id))

    def _office(self, peer_id: str) -> str:
        if peer_id == self.engine.peer_id:
            return str(self.engine.office)
        return str(self.engine.participants.get(peer_id, peer_id))

    def after_join(self) -> None:
        """Once in the call: raise the hand if asked."""
        if self.args.raise_hand:
            self.engine.submit(self.engine.raise_hand(True)).result(timeout=5)

    def report(self) -> dict[str, Any]:
        """The ``"host"`` object of the call report."""
        return {
            "is_host": self.is_host,
            "locked": self.locked,
            "waited_in_lobby": self.waited,
            "lobby_seen": list(self.lobby_seen),
            "hands_seen": sorted(self.hands_seen),
            "outcome": self.outcome,
        }

    def stay(self, seconds: float) -> None:
        """Stay ``seconds`` in the call, ending it for everyone at ``--end-after`` if given."""
        import time

        end_after = self.args.end_after
        if end_after is None or end_after >= seconds:
            time.sleep(seconds)
            return
        time.sleep(max(0.0, end_after))
        self.engine.submit(self.engine.end_for_everyone()).result(timeout=5)
        time.sleep(seconds - end_after)
