"""The Home page's summary: what needs the user's attention now."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from mou import models
from mou.agreement import AgreementStatus
from mou.meeting import upcoming_meetings
from mou.obligation import DueObligation, due_between
from mou.office import Role, local_office
from mou.search import AgreementRow, list_agreements

S = AgreementStatus
OBLIGATION_DAYS = 30
EXPIRY_DAYS = 90


@dataclass
class HomeSummary:
    """Lists shown on Home; each empty list means nothing needs doing there."""

    upcoming_meetings: list[models.Meeting] = field(default_factory=list)
    awaiting_review: list[AgreementRow] = field(default_factory=list)
    awaiting_signature: list[AgreementRow] = field(default_factory=list)
    obligations_due: list[DueObligation] = field(default_factory=list)
    expiring_soon: list[AgreementRow] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """True when there is nothing to show (Home then explains how to begin)."""
        return not (
            self.upcoming_meetings
            or self.awaiting_review
            or self.awaiting_signature
            or self.obligations_due
            or self.expiring_soon
        )


def home_summary(session: Session, *, now: dt.datetime, role: Role | None = None) -> HomeSummary:
    """Upcoming sessions, agreements awaiting review or signature, obligations due in 30 days,
    agreements expiring within 90 days. ``role`` narrows review/signature lists to that role."""
    today = now.astimezone(dt.UTC).date()
    summary = HomeSummary(upcoming_meetings=upcoming_meetings(session, now, within_days=14))
    if role in (None, Role.REVIEWER, Role.SIGNATORY):
        review = list_agreements(session, status=S.INTERNAL_REVIEW, limit=50)
        summary.awaiting_review = review + _negotiations_awaiting_local_approval(session)
    if role in (None, Role.SIGNATORY):
        summary.awaiting_signature = list_agreements(
            session, status=[S.AGREED, S.SIGNING], limit=50
        )
    summary.obligations_due = due_between(
        session, today, today + dt.timedelta(days=OBLIGATION_DAYS)
    )
    summary.expiring_soon = list_agreements(
        session, expiring_within_days=EXPIRY_DAYS, today=today, limit=50
    )
    return summary


def _negotiations_awaiting_local_approval(session: Session) -> list[AgreementRow]:
    office = local_office(session)
    if office is None:
        return []
    rows = list_agreements(session, status=S.NEGOTIATION, limit=200)
    approved = set(
        session.execute(
            select(models.Approval.agreement_id, models.Approval.revision_hash).where(
                models.Approval.office_uuid == office.uuid
            )
        ).all()
    )
    current = dict(
        session.execute(
            select(models.Agreement.id, models.Revision.hash)
            .join(models.Revision, models.Revision.id == models.Agreement.current_revision_id)
            .where(models.Agreement.status == S.NEGOTIATION.value)
        ).all()
    )
    return [r for r in rows if r.id in current and (r.id, current[r.id]) not in approved]
