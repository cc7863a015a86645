"""Obligations: what a party has to do, with a due date or a recurrence.

Examples from the seeds: study visits of 7 to 10 days to Bandung, the handover of an application,
UMKM training, sharing forest-conservation and river-tourism knowledge. Obligations are part of the
agreement's text (versioned with revisions); ``done_at`` is local tracking and is not versioned.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from mou import models
from mou.agreement import (
    AgreementCode,
    AgreementError,
    AgreementStatus,
    party_at,
    require_editable,
    touch,
)
from mou.office import Actor


class Recurrence(StrEnum):
    """How often an obligation falls due after its first due date."""

    NONE = "none"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    YEARLY = "yearly"


PARA_PIHAK = 0  # party value for an obligation shared by all parties
_MONTHS = {Recurrence.MONTHLY: 1, Recurrence.QUARTERLY: 3, Recurrence.YEARLY: 12}


def add_obligation(
    session: Session,
    agreement: models.Agreement,
    actor: Actor,
    *,
    what: str,
    party: int,
    due_date: dt.date | None = None,
    recurrence: Recurrence = Recurrence.NONE,
    what_en: str = "",
) -> models.Obligation:
    """Add an obligation of party ``party`` (1 = PIHAK PERTAMA, ``PARA_PIHAK`` = all parties)."""
    require_editable(agreement, actor)
    if not what.strip():
        raise AgreementError("Say what the obligation is", code=AgreementCode.EMPTY_OBLIGATION)
    if party != PARA_PIHAK:
        party_at(agreement, party)
    recurrence = Recurrence(recurrence)
    if recurrence is not Recurrence.NONE and due_date is None:
        raise AgreementError(
            "A recurring obligation needs its first due date",
            code=AgreementCode.RECURRENCE_NEEDS_DATE,
        )
    obligation = models.Obligation(
        position=len(agreement.obligations),
        what=what.strip(),
        what_en=what_en.strip(),
        party_position=party,
        due_date=due_date,
        recurrence=recurrence.value,
    )
    agreement.obligations.append(obligation)
    touch(session, agreement, "obligations")
    return obligation


def remove_obligation(
    session: Session, agreement: models.Agreement, actor: Actor, obligation_uuid: str
) -> None:
    """Delete an obligation; the others keep their order."""
    require_editable(agreement, actor)
    for ob in list(agreement.obligations):
        if ob.uuid == obligation_uuid:
            agreement.obligations.remove(ob)
            break
    else:
        raise AgreementError(
            "That obligation is no longer in the agreement", code=AgreementCode.OBLIGATION_GONE
        )
    for pos, ob in enumerate(sorted(agreement.obligations, key=lambda o: o.position)):
        ob.position = pos
    touch(session, agreement, "obligations")


def mark_done(session: Session, obligation: models.Obligation, done: bool = True) -> None:
    """Track completion (a one-off obligation then stops appearing as due)."""
    obligation.done_at = models.utcnow() if done else None
    session.flush()


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def occurrences(obligation: models.Obligation, start: dt.date, end: dt.date) -> list[dt.date]:
    """Due dates of ``obligation`` falling within ``start``..``end`` inclusive."""
    if obligation.due_date is None:
        return []
    recurrence = Recurrence(obligation.recurrence)
    if recurrence is Recurrence.NONE:
        if obligation.done_at is not None:
            return []
        return [obligation.due_date] if start <= obligation.due_date <= end else []
    found: list[dt.date] = []
    step = _MONTHS[recurrence]
    n = 0
    while True:
        day = _add_months(obligation.due_date, step * n)
        if day > end:
            return found
        if day >= start:
            found.append(day)
        n += 1


@dataclass(frozen=True)
class DueObligation:
    """An obligation falling due, for Home and the obligations tracker."""

    agreement_id: int
    agreement_title: str
    obligation_id: int
    what: str
    party_name: str
    due: dt.date


_ACTIVE = (AgreementStatus.AGREED, AgreementStatus.SIGNING, AgreementStatus.SIGNED)


def due_between(
    session: Session, start: dt.date, end: dt.date, *, include_drafts: bool = False
) -> list[DueObligation]:
    """Obligations of live agreements falling due in ``start``..``end``, soonest first."""
    query = (
        select(models.Obligation)
        .join(models.Agreement)
        .where(models.Obligation.due_date.is_not(None), models.Obligation.due_date <= end)
    )
    if not include_drafts:
        query = query.where(models.Agreement.status.in_([s.value for s in _ACTIVE]))
    found: list[DueObligation] = []
    for ob in session.scalars(query):
        party = next(
            (p.name for p in ob.agreement.parties if p.position == ob.party_position), "PARA PIHAK"
        )
        for day in occurrences(ob, start, end):
            found.append(
                DueObligation(ob.agreement_id, ob.agreement.title, ob.id, ob.what, party, day)
            )
    return sorted(found, key=lambda d: (d.due, d.agreement_title))
