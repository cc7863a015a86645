"""Plain copies of an agreement's working copy for the widgets (no ORM rows cross a session)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from mou import models
from mou.agreement import EDITABLE_STATES, AgreementStatus, get_agreement
from mou.office import Actor, Role
from mou.revision import heads, is_dirty
from mou.workflow import missing_approvals


@dataclass
class ClauseData:
    """One pasal as the form edits it."""

    uuid: str
    number: int
    heading: str = ""
    heading_en: str = ""
    body: str = ""
    body_en: str = ""
    ayat: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class PartyData:
    """One party as the details panel shows it."""

    position: int
    name: str
    nomor: str
    office_uuid: str


@dataclass
class AgreementData:
    """Everything the editor shows about one agreement."""

    id: int
    uuid: str
    title: str
    title_en: str
    agreement_date: dt.date | None
    kind: str
    status: str
    place: str
    valid_from: dt.date | None
    valid_until: dt.date | None
    parties: list[PartyData]
    clauses: list[ClauseData]
    revision_hash: str | None
    revision_round: int | None
    dirty: bool
    missing_approvals: list[str]
    can_edit: bool
    branches: int = 1

    def clause(self, uuid: str) -> ClauseData | None:
        """The pasal with this uuid, if present."""
        return next((c for c in self.clauses if c.uuid == uuid), None)


def clause_data(clause: models.Clause) -> ClauseData:
    """A detached copy of a pasal."""
    return ClauseData(
        uuid=clause.uuid,
        number=clause.number,
        heading=clause.heading,
        heading_en=clause.heading_en,
        body=clause.body,
        body_en=clause.body_en,
        ayat=[(a.text, a.text_en) for a in sorted(clause.ayat, key=lambda a: a.position)],
    )


def load(session: Session, agreement_id: int, actor: Actor | None) -> AgreementData:
    """Read an agreement into plain data."""
    agreement = get_agreement(session, agreement_id)
    current = agreement.current_revision
    # In internal review the text is locked for everyone (the reviewer reads what was
    # submitted); returning it to the drafter unlocks it.
    can_edit = (
        actor is not None
        and actor.role in (Role.DRAFTER, Role.REVIEWER)
        and AgreementStatus(agreement.status) in EDITABLE_STATES
        and AgreementStatus(agreement.status) is not AgreementStatus.INTERNAL_REVIEW
    )
    return AgreementData(
        id=agreement.id,
        uuid=agreement.uuid,
        title=agreement.title,
        title_en=agreement.title_en,
        agreement_date=agreement.agreement_date,
        kind=agreement.kind,
        status=agreement.status,
        place=agreement.place,
        valid_from=agreement.valid_from,
        valid_until=agreement.valid_until,
        parties=[
            PartyData(p.position, p.name, p.nomor, p.office_uuid)
            for p in sorted(agreement.parties, key=lambda p: p.position)
        ],
        clauses=[clause_data(c) for c in sorted(agreement.clauses, key=lambda c: c.position)],
        revision_hash=current.hash if current else None,
        revision_round=current.round if current else None,
        dirty=is_dirty(agreement),
        missing_approvals=missing_approvals(session, agreement),
        can_edit=can_edit,
        branches=max(len(heads(session, agreement.id)), 1),
    )
