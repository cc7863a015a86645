"""Domain events: a tiny observer the UI subscribes to (it re-emits them as queued Qt signals).

Domain functions call ``emit(session, event)``. Events wait on the session and are delivered only
after that session commits, so a subscriber never sees a change that was rolled back. Callbacks run
on the thread that committed; they must be quick and must not raise (errors are logged, never
propagated into the committing code).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import event
from sqlalchemy.orm import Session

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DomainEvent:
    """Base of every domain event."""


@dataclass(frozen=True)
class AgreementCreated(DomainEvent):
    agreement_id: int
    uuid: str
    title: str


@dataclass(frozen=True)
class AgreementChanged(DomainEvent):
    """The working copy changed (details, parties, clauses, annex, obligations)."""

    agreement_id: int
    what: str


@dataclass(frozen=True)
class RevisionSaved(DomainEvent):
    agreement_id: int
    revision_id: int
    hash: str
    round: int
    author_office: str


@dataclass(frozen=True)
class CommentAdded(DomainEvent):
    agreement_id: int
    comment_id: int
    clause_uuid: str | None


@dataclass(frozen=True)
class CommentResolved(DomainEvent):
    agreement_id: int
    comment_id: int


@dataclass(frozen=True)
class StateChanged(DomainEvent):
    agreement_id: int
    old: str
    new: str
    actor: str


@dataclass(frozen=True)
class ApprovalRecorded(DomainEvent):
    agreement_id: int
    revision_hash: str
    office_name: str


@dataclass(frozen=True)
class PackageImported(DomainEvent):
    agreement_id: int
    new_revisions: int
    diverged: bool


@dataclass(frozen=True)
class BranchDetected(DomainEvent):
    """Local and imported edits diverged; both heads are kept until ``reconcile``."""

    agreement_id: int
    head_hashes: tuple[str, ...]


@dataclass(frozen=True)
class CatalogChanged(DomainEvent):
    imported: int


@dataclass(frozen=True)
class MeetingChanged(DomainEvent):
    meeting_id: int


Callback = Callable[[DomainEvent], None]
_subscribers: list[Callback] = []
_lock = threading.Lock()
_PENDING = "lintas_pending_events"


def subscribe(callback: Callback) -> Callable[[], None]:
    """Call ``callback(event)`` for every committed domain event; returns an unsubscribe."""
    with _lock:
        _subscribers.append(callback)

    def unsubscribe() -> None:
        with _lock:
            if callback in _subscribers:
                _subscribers.remove(callback)

    return unsubscribe


def publish(evt: DomainEvent) -> None:
    """Deliver ``evt`` now (used for events with no database change, e.g. live review)."""
    with _lock:
        targets = list(_subscribers)
    for callback in targets:
        try:
            callback(evt)
        except Exception:  # a broken subscriber must not break the domain
            log.exception("domain event subscriber failed for %r", evt)


def emit(session: Session, evt: DomainEvent) -> None:
    """Queue ``evt`` until ``session`` commits."""
    session.info.setdefault(_PENDING, []).append(evt)


@event.listens_for(Session, "after_commit")
def _deliver(session: Session) -> None:
    for evt in session.info.pop(_PENDING, []):
        publish(evt)


@event.listens_for(Session, "after_soft_rollback")
def _discard(session: Session, _previous_transaction: object) -> None:
    session.info.pop(_PENDING, None)
