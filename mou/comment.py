"""Comments on clauses: threaded (replies), resolvable, travelling with exchange packages."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from mou import audit, events, models
from mou.agreement import AgreementCode, AgreementError, AgreementStatus
from mou.clause import clause_by_uuid
from mou.office import Actor

_CLOSED = {AgreementStatus.SIGNED, AgreementStatus.EXPIRED, AgreementStatus.TERMINATED}


def add_comment(
    session: Session,
    agreement: models.Agreement,
    actor: Actor,
    body: str,
    *,
    clause_uuid: str | None = None,
    reply_to: models.Comment | None = None,
    internal: bool | None = None,
) -> models.Comment:
    """Comment on a pasal (or the whole agreement when ``clause_uuid`` is None), or reply.

    ``internal`` comments stay in this office (never exported). By default a comment is internal
    while the agreement is a draft or in internal review, and a reply follows its thread.
    """
    if not body.strip():
        raise AgreementError("A comment cannot be empty", code=AgreementCode.EMPTY_COMMENT)
    if AgreementStatus(agreement.status) in _CLOSED:
        raise AgreementError(
            "The agreement is closed; comments are no longer possible",
            code=AgreementCode.CLOSED_FOR_COMMENTS,
        )
    if reply_to is not None:
        if reply_to.agreement_id != agreement.id:
            raise AgreementError(
                "The reply belongs to another agreement", code=AgreementCode.REPLY_ELSEWHERE
            )
        clause_uuid = reply_to.clause_uuid
    elif clause_uuid is not None:
        clause_by_uuid(agreement, clause_uuid)
    if internal is None:
        internal = (
            reply_to.internal
            if reply_to is not None
            else AgreementStatus(agreement.status)
            in (AgreementStatus.DRAFT, AgreementStatus.INTERNAL_REVIEW)
        )
    comment = models.Comment(
        agreement_id=agreement.id,
        internal=internal,
        clause_uuid=clause_uuid,
        parent_uuid=reply_to.uuid if reply_to else None,
        author_office_uuid=actor.office_uuid,
        author_office_name=actor.office_name,
        author_name=actor.name,
        body=body.strip(),
        revision_hash=agreement.current_revision.hash if agreement.current_revision else None,
    )
    session.add(comment)
    session.flush()
    audit.record(session, agreement, "comment_added", actor, comment=comment.uuid)
    events.emit(session, events.CommentAdded(agreement.id, comment.id, clause_uuid))
    return comment


def resolve_comment(
    session: Session, agreement: models.Agreement, actor: Actor, comment: models.Comment
) -> None:
    """Mark a thread resolved (resolving the root closes its replies too)."""
    if comment.resolved_at is not None:
        return
    root = comment
    while root.parent_uuid:
        parent = _by_uuid(session, root.parent_uuid)
        if parent is None:
            break
        root = parent
    now = models.utcnow()
    for item in [root, *replies(session, root, deep=True)]:
        if item.resolved_at is None:
            item.resolved_at = now
            item.resolved_by = actor.name
    session.flush()
    audit.record(session, agreement, "comment_resolved", actor, comment=root.uuid)
    events.emit(session, events.CommentResolved(agreement.id, root.id))


def reopen_comment(
    session: Session, agreement: models.Agreement, actor: Actor, comment: models.Comment
) -> None:
    """Open a resolved thread again."""
    comment.resolved_at = None
    comment.resolved_by = ""
    session.flush()
    audit.record(session, agreement, "comment_reopened", actor, comment=comment.uuid)
    events.emit(session, events.CommentAdded(agreement.id, comment.id, comment.clause_uuid))


def _by_uuid(session: Session, uuid: str) -> models.Comment | None:
    return session.scalars(select(models.Comment).where(models.Comment.uuid == uuid)).first()


def comments(
    session: Session, agreement_id: int, clause_uuid: str | None = None
) -> list[models.Comment]:
    """Comments of an agreement (optionally of one pasal), oldest first."""
    query = select(models.Comment).where(models.Comment.agreement_id == agreement_id)
    if clause_uuid is not None:
        query = query.where(models.Comment.clause_uuid == clause_uuid)
    return list(session.scalars(query.order_by(models.Comment.created_at, models.Comment.id)))


def threads(
    session: Session, agreement_id: int, clause_uuid: str | None = None
) -> list[tuple[models.Comment, list[models.Comment]]]:
    """Root comments with their replies (depth-first), for the comments panel."""
    items = comments(session, agreement_id, clause_uuid)
    roots = [c for c in items if c.parent_uuid is None]
    return [(root, replies(session, root, deep=True, pool=items)) for root in roots]


def replies(
    session: Session,
    comment: models.Comment,
    *,
    deep: bool = False,
    pool: list[models.Comment] | None = None,
) -> list[models.Comment]:
    """Direct (or, with ``deep``, all) replies to a comment, oldest first."""
    items = pool if pool is not None else comments(session, comment.agreement_id)
    direct = [c for c in items if c.parent_uuid == comment.uuid]
    if not deep:
        return direct
    found: list[models.Comment] = []
    for child in direct:
        found.append(child)
        found += replies(session, child, deep=True, pool=items)
    return found


def open_comments(session: Session, agreement_id: int) -> list[models.Comment]:
    """Unresolved comments (an Agreed state needs none)."""
    return [c for c in comments(session, agreement_id) if c.resolved_at is None]
