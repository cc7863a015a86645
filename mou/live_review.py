"""Live co-review during a vicon session, independent of the transport.

Both offices run a ``LiveReviewSession`` for the same agreement. The UI wires ``send`` to the call
engine's data channel (``engine.send_message(kind, payload)``) and feeds every
``AppMessageReceived`` whose kind starts with ``mou.review.`` into ``handle_message``. Messages:

* ``mou.review.focus``    ``{agreement, clause}``: "look at this pasal" (both see the same one);
* ``mou.review.suggest``  ``{agreement, id, clause, field, old, new}``: a proposed change; it
  arrives on the other side as a pending ``Suggestion``;
* ``mou.review.decision`` ``{agreement, id, accepted, reason}``: the other side's answer.

An accepted suggestion is applied on both sides through ``apply`` (see ``database_applier``), and
only if the field still holds the text the suggestion was made against, so nothing is overwritten.
Malformed messages are reported to listeners as ``ReviewError`` and otherwise ignored.
"""

from __future__ import annotations

import threading
import uuid as uuid_module
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, Literal

from mou.agreement import EDITABLE_STATES, AgreementCode, AgreementError, AgreementStatus, by_uuid
from mou.clause import clause_by_uuid, update_ayat, update_clause
from mou.db import Database
from mou.messages import DomainMessage
from mou.office import Actor
from mou.revision import is_dirty, save_revision

PREFIX = "mou.review."
FOCUS = PREFIX + "focus"
SUGGEST = PREFIX + "suggest"
DECISION = PREFIX + "decision"
FIELDS = ("heading", "body", "heading_en", "body_en")  # plus "ayat N" / "ayat N (en)"

Status = Literal["pending", "accepted", "rejected", "failed"]


@dataclass(frozen=True)
class Suggestion:
    """A proposed change of one field of one pasal."""

    id: str
    clause_uuid: str
    field: str
    old: str
    new: str
    office: str  # who proposed it
    incoming: bool  # True: proposed by the other side, waiting for our decision
    status: Status = "pending"
    reason: str = ""
    # The coded form of ``reason`` when the core produced it (a failed apply, or the other
    # side's coded failure), so each office shows it in its own UI language.
    reason_message: DomainMessage | None = None


@dataclass(frozen=True)
class FocusChanged:
    """The other side moved to a pasal."""

    clause_uuid: str
    office: str


@dataclass(frozen=True)
class SuggestionReceived:
    """A suggestion from the other side arrived (show it on the pasal)."""

    suggestion: Suggestion


@dataclass(frozen=True)
class SuggestionDecided:
    """A suggestion was accepted or rejected (by either side) or could not be applied."""

    suggestion: Suggestion


@dataclass(frozen=True)
class ReviewError:
    """A message could not be used; the text says why (English, technical).

    ``office`` is who sent it, so the UI can say so in its own language.
    """

    message: str
    office: str = ""


LiveEvent = FocusChanged | SuggestionReceived | SuggestionDecided | ReviewError
Send = Callable[[str, dict[str, Any]], None]
Apply = Callable[[Suggestion], None]


def _valid_field(name: str) -> bool:
    if name in FIELDS:
        return True
    parts = name.split(" ")
    return (
        len(parts) in (2, 3)
        and parts[0] == "ayat"
        and parts[1].isdigit()
        and (len(parts) == 2 or parts[2] == "(en)")
    )


class LiveReviewSession:
    """One side of a live co-review of one agreement."""

    def __init__(
        self, agreement_uuid: str, office: str, send: Send, *, apply: Apply | None = None
    ) -> None:
        self.agreement_uuid = agreement_uuid
        self.office = office
        self._send = send
        self._apply = apply
        self._lock = threading.Lock()
        self._listeners: list[Callable[[LiveEvent], None]] = []
        self.suggestions: dict[str, Suggestion] = {}
        self.local_focus: str | None = None
        self.remote_focus: str | None = None

    def add_listener(self, callback: Callable[[LiveEvent], None]) -> None:
        """Called for every live event, on the thread that delivered the message."""
        self._listeners.append(callback)

    def _notify(self, evt: LiveEvent) -> None:
        for callback in list(self._listeners):
            callback(evt)

    # outgoing ---------------------------------------------------------------------------

    def focus(self, clause_uuid: str) -> None:
        """Tell the other side which pasal we are looking at."""
        self.local_focus = clause_uuid
        self._send(FOCUS, {"agreement": self.agreement_uuid, "clause": clause_uuid})

    def propose(self, clause_uuid: str, field: str, old: str, new: str) -> Suggestion:
        """Propose replacing ``old`` by ``new`` in a field of a pasal; returns it (pending)."""
        if not _valid_field(field):
            raise ValueError(f"Unknown pasal field {field!r}")
        suggestion = Suggestion(uuid_module.uuid4().hex, clause_uuid, field, old, new, self.office,
                                incoming=False)  # fmt: skip
        with self._lock:
            self.suggestions[suggestion.id] = suggestion
        self._send(
            SUGGEST,
            {"agreement": self.agreement_uuid, "id": suggestion.id, "clause": clause_uuid,
             "field": field, "old": old, "new": new},
        )  # fmt: skip
        return suggestion

    def accept(self, suggestion_id: str) -> Suggestion:
        """Accept an incoming suggestion: apply it here, then tell the proposer."""
        suggestion = self._pending_incoming(suggestion_id)
        try:
            if self._apply is not None:
                self._apply(suggestion)
        except AgreementError as exc:
            return self._decide(suggestion, "failed", str(exc), tell=True, message=exc.message)
        return self._decide(suggestion, "accepted", "", tell=True)

    def reject(self, suggestion_id: str, reason: str = "") -> Suggestion:
        """Reject an incoming suggestion."""
        return self._decide(self._pending_incoming(suggestion_id), "rejected", reason, tell=True)

    def _pending_incoming(self, suggestion_id: str) -> Suggestion:
        suggestion = self.suggestions.get(suggestion_id)
        if suggestion is None or not suggestion.incoming:
            raise KeyError("No such suggestion from the other side")
        if suggestion.status != "pending":
            raise ValueError(f"The suggestion was already {suggestion.status}")
        return suggestion

    def _decide(
        self,
        suggestion: Suggestion,
        status: Status,
        reason: str,
        *,
        tell: bool,
        message: DomainMessage | None = None,
    ) -> Suggestion:
        decided = replace(suggestion, status=status, reason=reason, reason_message=message)
        with self._lock:
            self.suggestions[decided.id] = decided
        if tell:
            payload: dict[str, Any] = {
                "agreement": self.agreement_uuid, "id": decided.id,
                "accepted": status == "accepted", "reason": reason,
            }  # fmt: skip
            if message is not None and message.code:
                payload["reason_code"] = message.code
                payload["reason_params"] = dict(message.params)
            self._send(DECISION, payload)
        self._notify(SuggestionDecided(decided))
        return decided

    def pending(self) -> list[Suggestion]:
        """Incoming suggestions still waiting for a decision."""
        return [s for s in self.suggestions.values() if s.incoming and s.status == "pending"]

    # incoming ---------------------------------------------------------------------------

    def handle_message(self, kind: str, payload: dict[str, Any], office: str = "") -> bool:
        """Feed one data-channel message; returns True when it was a live-review message."""
        if not kind.startswith(PREFIX):
            return False
        try:
            if not isinstance(payload, dict):
                raise ValueError("the payload is not an object")
            if payload.get("agreement") != self.agreement_uuid:
                return True  # another agreement's session; not ours to show
            if kind == FOCUS:
                self.remote_focus = _text(payload, "clause")
                self._notify(FocusChanged(self.remote_focus, office))
            elif kind == SUGGEST:
                field = _text(payload, "field")
                if not _valid_field(field):
                    raise ValueError(f"unknown field {field!r}")
                suggestion = Suggestion(
                    _text(payload, "id"), _text(payload, "clause"), field,
                    _text(payload, "old", empty=True), _text(payload, "new", empty=True),
                    office, incoming=True,
                )  # fmt: skip
                with self._lock:
                    self.suggestions[suggestion.id] = suggestion
                self._notify(SuggestionReceived(suggestion))
            elif kind == DECISION:
                self._on_decision(payload)
            else:
                raise ValueError(f"unknown message {kind!r}")
        except (ValueError, TypeError) as exc:
            self._notify(ReviewError(f"A live-review message from {office or 'the other side'} "
                                     f"was ignored: {exc}", office))  # fmt: skip
        return True

    def _on_decision(self, payload: dict[str, Any]) -> None:
        suggestion = self.suggestions.get(_text(payload, "id"))
        if suggestion is None or suggestion.incoming or suggestion.status != "pending":
            raise ValueError("a decision about an unknown suggestion")
        if not payload.get("accepted"):
            reason = str(payload.get("reason", ""))
            self._decide(
                suggestion, "rejected", reason, tell=False, message=_reason_message(payload, reason)
            )
            return
        try:
            if self._apply is not None:
                self._apply(suggestion)
        except AgreementError as exc:
            self._decide(suggestion, "failed", str(exc), tell=False, message=exc.message)
            return
        self._decide(suggestion, "accepted", "", tell=False)


def _reason_message(payload: dict[str, Any], reason: str) -> DomainMessage | None:
    """The other side's coded reason, if it sent a well-formed one (older peers send none)."""
    code = payload.get("reason_code")
    params = payload.get("reason_params")
    if not isinstance(code, str) or not code or not isinstance(params, dict):
        return None
    clean = {
        str(k): v for k, v in params.items() if isinstance(v, str | int) and not isinstance(v, bool)
    }
    return DomainMessage(code, clean, reason)


def _text(payload: dict[str, Any], key: str, *, empty: bool = False) -> str:
    value = payload.get(key)
    if not isinstance(value, str) or (not empty and not value):
        raise ValueError(f"{key!r} is missing")
    return value


def database_applier(db: Database, agreement_uuid: str, actor: Actor) -> Apply:
    """An ``apply`` that writes an accepted suggestion into the agreement's working copy.

    Refuses (``AgreementError``) when the field no longer holds the suggestion's ``old`` text.
    """

    def apply(suggestion: Suggestion) -> None:
        with db.session() as session:
            agreement = by_uuid(session, agreement_uuid)
            if agreement is None:
                raise AgreementError(
                    "The agreement is not in this database", code=AgreementCode.NOT_IN_DATABASE
                )
            clause = clause_by_uuid(agreement, suggestion.clause_uuid)
            field = suggestion.field
            if field in FIELDS:
                if getattr(clause, field) != suggestion.old:
                    raise AgreementError(
                        f"Pasal {clause.number} changed since the suggestion was made",
                        code=AgreementCode.PASAL_CHANGED,
                        pasal=clause.number,
                    )
                update_clause(session, agreement, actor, clause.uuid, **{field: suggestion.new})
                return
            parts = field.split(" ")
            number = int(parts[1])
            ayat = next((a for a in clause.ayat if a.number == number), None)
            if ayat is None:
                raise AgreementError(
                    f"Pasal {clause.number} has no ayat ({number})",
                    code=AgreementCode.NO_SUCH_AYAT,
                    pasal=clause.number,
                    number=number,
                )
            english = len(parts) == 3
            if (ayat.text_en if english else ayat.text) != suggestion.old:
                raise AgreementError(
                    f"Pasal {clause.number} changed since the suggestion was made",
                    code=AgreementCode.PASAL_CHANGED,
                    pasal=clause.number,
                )
            key = "text_en" if english else "text"
            update_ayat(session, agreement, actor, clause.uuid, number, **{key: suggestion.new})

    return apply


def save_shared_round(db: Database, agreement_uuid: str, actor: Actor, message: str) -> str | None:
    """Save the working copy as the next round (for sending in the call); its hash, or None.

    After a live-review change was accepted both offices hold the same text; the proposer saves
    it once and sends that round, which the other office takes as its own (no second round, no
    branch). ``None`` when the agreement is not here or not editable any more.

    A working copy that has not changed since its round is not saved again: that round is the
    one to send (sharing twice must not make an empty round the other office has to take).
    """
    with db.session() as session:
        agreement = by_uuid(session, agreement_uuid)
        if agreement is None or AgreementStatus(agreement.status) not in EDITABLE_STATES:
            return None
        current = agreement.current_revision
        if current is not None and not is_dirty(agreement):
            return current.hash
        return save_revision(session, agreement, actor, message).hash
