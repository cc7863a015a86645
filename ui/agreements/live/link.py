"""Connects the open agreement to the running call: ``mou.live_review`` over the app channel.

The Sessions page posts ``CallOpened``/``CallClosed`` on the bridge. While a call is open and an
agreement is open in the editor, a ``LiveReviewSession`` sends focus and suggestions with
``CallController.send_message`` and is fed every ``mou.review.*`` app message the controller
receives. The controller delivers on the GUI thread, so the session's listeners run there too;
they are still re-emitted as signals so widgets never depend on that detail.
"""

from __future__ import annotations

import contextlib
import sys
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from mou.agreement import get_agreement
from mou.live_review import (
    FocusChanged,
    LiveReviewSession,
    ReviewError,
    Suggestion,
    SuggestionDecided,
    SuggestionReceived,
    database_applier,
)
from mou.office import Actor
from ui.agreements.acting import actor_for
from ui.agreements.domain_events import subscribe_while_alive
from ui.context import AppContext, CurrentUserChanged
from ui.vicon.call_events import CallClosed, CallOpened
from ui.vicon.verification import unverified_refusal

if TYPE_CHECKING:  # the call stack (aiortc) loads only when a call is really opened
    from ui.vicon.controller import CallController


_LIVE_STATES = ("connecting", "connected", "hub_offline", "reconnecting")


def open_call(office: str | None = None) -> tuple[CallController, str] | None:
    """A call window already open when this page was created (its controller and room).

    Pages are created on first visit, possibly after the Sessions page posted ``CallOpened``.
    A call window is a top-level window titled with its room; without the module loaded no
    call can be open, and importing it here would load the whole call stack for nothing.
    """
    module = sys.modules.get("ui.vicon.call_window")
    if module is None:
        return None
    for widget in QApplication.topLevelWidgets():
        if (
            isinstance(widget, module.CallWindow)
            and widget.isVisible()
            and widget.controller.state in _LIVE_STATES
            # This office's call (two installs in one process, as in tests, must not mix).
            and (office is None or widget.controller.office == office)
        ):
            return widget.controller, widget.windowTitle()
    return None


class LiveReviewLink(QObject):
    """The live-review session of the open agreement in the current call (if both exist)."""

    sig_active_changed = Signal(bool)
    sig_remote_focus = Signal(str, str)  # clause uuid, office
    sig_suggestion_received = Signal(object)  # Suggestion
    sig_suggestion_decided = Signal(object)  # Suggestion
    sig_error = Signal(str)

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.controller: CallController | None = None
        self.room = ""
        self.agreement_id: int | None = None
        self.session: LiveReviewSession | None = None
        self.actor: Actor | None = None  # who acts in the session (saves the shared rounds)
        self.agreement_uuid = ""
        # Why live review is refused (an office in the call is not verified); "" when it is not.
        self.refusal = ""
        bridge = context.bridge
        owner = parent if parent is not None else self
        subscribe_while_alive(bridge, owner, CallOpened, self._call_opened)
        subscribe_while_alive(bridge, owner, CallClosed, self._call_closed)
        subscribe_while_alive(bridge, owner, CurrentUserChanged, lambda _e: self._rebuild())
        running = open_call(context.office.display_name)
        if running is not None:
            self._call_opened(CallOpened(running[0], running[1]))

    @property
    def active(self) -> bool:
        """True while an agreement is open during a call."""
        return self.session is not None

    def peers(self) -> list[str]:
        """Offices in the call besides ours."""
        return sorted(set(self.controller.participants().values())) if self.controller else []

    def verified_offices(self) -> set[str]:
        """Offices proven in the call by their certificates (empty without a call)."""
        controller = self.controller
        if controller is None:
            return set()
        states = (controller.verification(peer_id) for peer_id in controller.participants())
        return {s.office for s in states if s is not None and s.verified and s.office}

    def attach(self, agreement_id: int | None) -> None:
        """Follow the agreement now open in the editor (``None``: no agreement)."""
        self.agreement_id = agreement_id
        self._rebuild()

    def _call_opened(self, event: CallOpened) -> None:
        if self.controller is not None:
            self.controller.sig_app_message.disconnect(self._on_app_message)
        self.controller = event.controller
        self.room = event.room
        self.controller.sig_app_message.connect(self._on_app_message)
        # Who is in the call shows in the live tab's status line.
        self.controller.sig_participant_joined.connect(self._peers_changed)
        self.controller.sig_participant_left.connect(self._peers_changed)
        self.controller.sig_verification.connect(self._verification_changed)
        self._rebuild()

    def _verification_changed(self, *_args: object) -> None:
        # Start (or stop) only when the verdict about the whole call flips.
        if self.controller is not None and (self.session is None) == self.controller.all_verified():
            self._rebuild()

    def _peers_changed(self, *_args: object) -> None:
        if self.controller is not None:
            self._verification_changed()  # a newcomer is not verified yet
            self.sig_active_changed.emit(self.active)

    def _call_closed(self, event: CallClosed) -> None:
        if event.controller is not self.controller:
            return
        # The controller may already be half-deleted when its window closes.
        with contextlib.suppress(RuntimeError, TypeError):
            self.controller.sig_app_message.disconnect(self._on_app_message)
        self.controller = None
        self._rebuild()

    def _rebuild(self) -> None:
        was_active = self.session is not None
        self.session = None
        refusal = ""
        if self.controller is not None and self.agreement_id is not None:
            # Never over a link whose other end is not proven: refuse, in the user's language.
            refusal = unverified_refusal(self.controller, "review") or ""
        refusal_changed = refusal != self.refusal
        if refusal_changed:
            self.refusal = refusal
            if refusal:
                self.sig_error.emit(refusal)
        if self.controller is not None and self.agreement_id is not None and not refusal:
            with self.context.database.session() as session:
                actor = actor_for(self.context, session)
                agreement_uuid = get_agreement(session, self.agreement_id).uuid
            self.actor = actor
            self.agreement_uuid = agreement_uuid
            if actor is not None:
                controller = self.controller
                self.session = LiveReviewSession(
                    agreement_uuid,
                    actor.office_name,
                    lambda kind, payload: controller.send_message(kind, payload),
                    apply=database_applier(self.context.database, agreement_uuid, actor),
                )
                self.session.add_listener(self._on_live_event)
        if self.session is not None or was_active or refusal_changed:
            self.sig_active_changed.emit(self.session is not None)

    def _on_app_message(self, _peer_id: str, office: str, kind: str, payload: Any) -> None:
        if self.session is not None:
            self.session.handle_message(kind, payload, office)

    def _on_live_event(self, event: object) -> None:
        if isinstance(event, FocusChanged):
            self.sig_remote_focus.emit(event.clause_uuid, event.office)
        elif isinstance(event, SuggestionReceived):
            self.sig_suggestion_received.emit(event.suggestion)
        elif isinstance(event, SuggestionDecided):
            self.sig_suggestion_decided.emit(event.suggestion)
        elif isinstance(event, ReviewError):
            # The core's detail is technical English (a malformed message); say what happened
            # in the UI language and keep the detail on stderr for whoever debugs the peer.
            print(event.message, file=sys.stderr)
            if event.office:
                text = self.tr(
                    "A live-review message from %1 could not be used and was ignored."
                ).replace("%1", event.office)
            else:
                text = self.tr("A live-review message could not be used and was ignored.")
            self.sig_error.emit(text)

    # -- commands (no-ops outside a session) -----------------------------------------------

    def focus(self, clause_uuid: str) -> None:
        """Tell the other office which pasal we look at."""
        if self.session is not None:
            self.session.focus(clause_uuid)

    def propose(self, clause_uuid: str, field: str, old: str, new: str) -> Suggestion | None:
        """Send a suggested change of one field."""
        if self.session is None:
            return None
        return self.session.propose(clause_uuid, field, old, new)

    def accept(self, suggestion_id: str) -> Suggestion | None:
        """Accept an incoming suggestion (applied here, then on the proposer's side)."""
        return self.session.accept(suggestion_id) if self.session is not None else None

    def reject(self, suggestion_id: str, reason: str = "") -> Suggestion | None:
        """Reject an incoming suggestion."""
        return self.session.reject(suggestion_id, reason) if self.session is not None else None

    # -- one shared round per accepted change ----------------------------------------------

    def save_and_share(self, message: str) -> bool:
        """Save the working copy as the next round and send it to the call; True when sent.

        Used for our change once the other office accepted it: both hold the same text, and
        the round saved here becomes the other office's too when its package arrives.
        """
        from mou.live_review import save_shared_round
        from ui.agreements.live.call_packages import call_packages_of

        packages = call_packages_of(self.controller)
        if self.actor is None or not self.agreement_uuid or packages is None:
            return False
        if save_shared_round(self.context.database, self.agreement_uuid, self.actor, message):
            return self.agreement_id is not None and packages.send(self.agreement_id)
        return False
