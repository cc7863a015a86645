"""The audit trail: one ``AuditEvent`` per change of state, never edited or deleted."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mou import models
from mou.office import Actor


def record(
    session: Session,
    agreement: models.Agreement | None,
    action: str,
    actor: Actor,
    *,
    from_state: str | None = None,
    to_state: str | None = None,
    at: dt.datetime | None = None,
    **detail: Any,
) -> models.AuditEvent:
    """Append an audit event (``detail`` must be JSON-serialisable)."""
    evt = models.AuditEvent(
        agreement_id=agreement.id if agreement is not None else None,
        at=at or models.utcnow(),
        action=action,
        actor_name=actor.name,
        actor_role=str(actor.role),
        office_name=actor.office_name,
        from_state=from_state,
        to_state=to_state,
        detail=detail,
    )
    session.add(evt)
    session.flush()
    return evt


def history(session: Session, agreement_id: int) -> list[models.AuditEvent]:
    """Every audit event of an agreement, oldest first."""
    return list(
        session.scalars(
            select(models.AuditEvent)
            .where(models.AuditEvent.agreement_id == agreement_id)
            .order_by(models.AuditEvent.at, models.AuditEvent.id)
        )
    )
