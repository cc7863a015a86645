"""The agreement workflow: states, who may move an agreement between them, and on what condition.

Draft → Internal review → Negotiation → Agreed → Signing → Signed → Expired | Terminated, with a
few ways back (a reviewer returns a draft; negotiation can go back to internal review; an agreed
text can be reopened). Every transition checks the actor's role and the preconditions, raises
``WorkflowError`` listing every unmet condition in plain words, and is audited.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from mou import audit, events, models
from mou.agreement import AgreementStatus
from mou.comment import open_comments
from mou.messages import DomainMessage
from mou.office import Actor, Role
from mou.revision import heads, is_dirty

S = AgreementStatus


class WorkflowCode(StrEnum):
    """Codes of the workflow's refusals (see :mod:`mou.messages`)."""

    CANNOT_MOVE = "workflow.cannot_move"
    CANNOT_APPROVE = "workflow.cannot_approve"
    NO_SUCH_TRANSITION = "workflow.no_such_transition"
    WRONG_ROLE = "workflow.wrong_role"
    UNSAVED_EDITS = "workflow.unsaved_edits"
    NO_PASAL = "workflow.no_pasal"
    TOO_FEW_PARTIES = "workflow.too_few_parties"
    OPEN_COMMENTS = "workflow.open_comments"
    DIVERGING_VERSIONS = "workflow.diverging_versions"
    MISSING_APPROVALS = "workflow.missing_approvals"
    NO_AGREED_REVISION = "workflow.no_agreed_revision"
    NO_SIGNED_PDF_HASH = "workflow.no_signed_pdf_hash"
    VALIDITY_NOT_ENDED = "workflow.validity_not_ended"
    NO_TERMINATION_REASON = "workflow.no_termination_reason"
    APPROVER_ROLE = "workflow.approver_role"
    NOT_IN_NEGOTIATION = "workflow.not_in_negotiation"
    NOT_A_PARTY = "workflow.not_a_party"


def _msg(code: WorkflowCode, text: str, **params: str | int) -> DomainMessage:
    return DomainMessage(code.value, params, text)


class WorkflowError(Exception):
    """A transition or approval was refused; ``reasons`` lists every unmet condition.

    ``headline`` and ``messages`` carry the same as :class:`DomainMessage` (codes for the UI's
    translation); ``summary`` and ``reasons`` are their English texts.
    """

    def __init__(
        self,
        summary: str | DomainMessage,
        reasons: list[str] | list[DomainMessage],
    ) -> None:
        self.headline = (
            summary if isinstance(summary, DomainMessage) else DomainMessage("", {}, summary)
        )
        self.messages = [
            r if isinstance(r, DomainMessage) else DomainMessage("", {}, r) for r in reasons
        ]
        self.summary = self.headline.text
        self.reasons = [m.text for m in self.messages]
        super().__init__(self.summary + (": " + "; ".join(self.reasons) if self.reasons else ""))


@dataclass(frozen=True)
class Transition:
    """An allowed move and the roles that may make it."""

    source: AgreementStatus
    target: AgreementStatus
    roles: frozenset[Role]
    label: str


def _t(source: S, target: S, roles: set[Role], label: str) -> Transition:
    return Transition(source, target, frozenset(roles), label)


TRANSITIONS: list[Transition] = [
    _t(S.DRAFT, S.INTERNAL_REVIEW, {Role.DRAFTER}, "Submit for internal review"),
    _t(S.INTERNAL_REVIEW, S.DRAFT, {Role.REVIEWER}, "Return to the drafter"),
    _t(S.INTERNAL_REVIEW, S.NEGOTIATION, {Role.REVIEWER}, "Release for negotiation"),
    _t(S.NEGOTIATION, S.INTERNAL_REVIEW, {Role.DRAFTER, Role.REVIEWER}, "Take back for review"),
    _t(S.NEGOTIATION, S.AGREED, {Role.REVIEWER, Role.SIGNATORY}, "Mark as agreed"),
    _t(S.AGREED, S.NEGOTIATION, {Role.REVIEWER, Role.SIGNATORY}, "Reopen negotiation"),
    _t(S.AGREED, S.SIGNING, {Role.DRAFTER, Role.SIGNATORY}, "Prepare for signing"),
    _t(S.SIGNING, S.SIGNED, {Role.SIGNATORY}, "Record as signed"),
    _t(S.SIGNED, S.EXPIRED, {Role.DRAFTER, Role.REVIEWER, Role.SIGNATORY}, "Mark as expired"),
]
for _source in (S.DRAFT, S.INTERNAL_REVIEW, S.NEGOTIATION, S.AGREED, S.SIGNING, S.SIGNED):
    TRANSITIONS.append(_t(_source, S.TERMINATED, {Role.SIGNATORY}, "Terminate"))

APPROVER_ROLES = frozenset({Role.REVIEWER, Role.SIGNATORY})


def _find(source: S, target: S) -> Transition | None:
    return next((t for t in TRANSITIONS if t.source == source and t.target == target), None)


def party_office_uuids(agreement: models.Agreement) -> list[str]:
    """The offices whose approval an Agreed state needs (parties linked to an office)."""
    return [p.office_uuid for p in sorted(agreement.parties, key=lambda p: p.position)]


def approvals_of(
    session: Session, agreement: models.Agreement, revision_hash: str
) -> list[models.Approval]:
    """Approvals recorded for one revision hash."""
    return list(
        session.scalars(
            select(models.Approval).where(
                models.Approval.agreement_id == agreement.id,
                models.Approval.revision_hash == revision_hash,
            )
        )
    )


def missing_approvals(session: Session, agreement: models.Agreement) -> list[str]:
    """Names of parties that have not approved the current revision hash."""
    current = agreement.current_revision
    parties = sorted(agreement.parties, key=lambda p: p.position)
    if current is None:
        return [p.name for p in parties]
    approved = {a.office_uuid for a in approvals_of(session, agreement, current.hash)}
    return [p.name for p in parties if not p.office_uuid or p.office_uuid not in approved]


def check(
    session: Session,
    agreement: models.Agreement,
    actor: Actor,
    target: AgreementStatus,
    *,
    today: dt.date | None = None,
    reason: str = "",
    signed_pdf_sha256: str = "",
) -> list[str]:
    """Every reason the transition to ``target`` is not possible now (empty: allowed)."""
    return [
        m.text
        for m in check_messages(
            session,
            agreement,
            actor,
            target,
            today=today,
            reason=reason,
            signed_pdf_sha256=signed_pdf_sha256,
        )
    ]


def check_messages(
    session: Session,
    agreement: models.Agreement,
    actor: Actor,
    target: AgreementStatus,
    *,
    today: dt.date | None = None,
    reason: str = "",
    signed_pdf_sha256: str = "",
) -> list[DomainMessage]:
    """Like :func:`check`, as coded messages (the UI translates them)."""
    C = WorkflowCode
    source = S(agreement.status)
    transition = _find(source, S(target))
    if transition is None:
        return [
            _msg(
                C.NO_SUCH_TRANSITION,
                f"An agreement cannot go from {_name(source)} to {_name(S(target))}",
                source=source.value,
                target=S(target).value,
            )
        ]
    problems: list[DomainMessage] = []
    if actor.role not in transition.roles:
        allowed = " or ".join(sorted(r.value for r in transition.roles))
        problems.append(
            _msg(
                C.WRONG_ROLE,
                f"{actor.name} is a {actor.role.value}; this step needs a {allowed}",
                actor=actor.name,
                role=actor.role.value,
                allowed=",".join(sorted(r.value for r in transition.roles)),
            )
        )
    target = S(target)
    needs_saved = target in (S.INTERNAL_REVIEW, S.NEGOTIATION, S.AGREED)
    if needs_saved and (agreement.current_revision is None or is_dirty(agreement)):
        problems.append(_msg(C.UNSAVED_EDITS, "The latest edits are not saved as a revision yet"))
    if target is S.INTERNAL_REVIEW and source is S.DRAFT:
        if not agreement.clauses:
            problems.append(_msg(C.NO_PASAL, "The agreement has no pasal yet"))
        if len(agreement.parties) < 2:
            problems.append(_msg(C.TOO_FEW_PARTIES, "The agreement needs at least two parties"))
    if target is S.NEGOTIATION and source is S.INTERNAL_REVIEW:
        count = len(open_comments(session, agreement.id))
        if count:
            problems.append(
                _msg(C.OPEN_COMMENTS, f"{count} comment(s) are still open", count=count)
            )
    if target is S.AGREED:
        count = len(open_comments(session, agreement.id))
        if count:
            problems.append(
                _msg(C.OPEN_COMMENTS, f"{count} comment(s) are still open", count=count)
            )
        if len(heads(session, agreement.id)) > 1:
            problems.append(
                _msg(C.DIVERGING_VERSIONS, "There are diverging versions; reconcile them first")
            )
        missing = missing_approvals(session, agreement)
        if missing and agreement.current_revision is not None:
            short = agreement.current_revision.hash[:12]
            problems.append(
                _msg(
                    C.MISSING_APPROVALS,
                    f"Not yet approved by {', '.join(missing)} for revision {short} "
                    "(both parties must approve the same revision)",
                    parties=", ".join(missing),
                    revision=short,
                )
            )
    if target is S.SIGNING and agreement.agreed_revision is None:
        problems.append(_msg(C.NO_AGREED_REVISION, "No agreed revision is recorded"))
    if target is S.SIGNED and not signed_pdf_sha256:
        problems.append(_msg(C.NO_SIGNED_PDF_HASH, "The signed PDF's SHA-256 must be recorded"))
    if target is S.EXPIRED:
        day = today or dt.date.today()
        if agreement.valid_until is None or agreement.valid_until >= day:
            problems.append(_msg(C.VALIDITY_NOT_ENDED, "The validity period has not ended yet"))
    if target is S.TERMINATED and not reason.strip():
        problems.append(
            _msg(C.NO_TERMINATION_REASON, "Give the reason for terminating the agreement")
        )
    return problems


def transition(
    session: Session,
    agreement: models.Agreement,
    actor: Actor,
    target: AgreementStatus,
    *,
    reason: str = "",
    today: dt.date | None = None,
    signed_pdf_sha256: str = "",
) -> None:
    """Move the agreement to ``target`` or raise ``WorkflowError`` with every unmet condition."""
    target = S(target)
    problems = check_messages(
        session,
        agreement,
        actor,
        target,
        today=today,
        reason=reason,
        signed_pdf_sha256=signed_pdf_sha256,
    )
    if problems:
        raise WorkflowError(
            _msg(
                WorkflowCode.CANNOT_MOVE,
                f"Cannot move the agreement to {_name(target)}",
                target=target.value,
            ),
            problems,
        )
    source = agreement.status
    detail: dict[str, str] = {}
    if target is S.AGREED:
        assert agreement.current_revision is not None
        agreement.agreed_revision = agreement.current_revision
        detail["hash"] = agreement.current_revision.hash
    if target is S.NEGOTIATION and source == S.AGREED:
        agreement.agreed_revision = None
    if target is S.TERMINATED:
        agreement.terminated_reason = reason.strip()
        detail["reason"] = reason.strip()
    if signed_pdf_sha256:
        detail["signed_pdf_sha256"] = signed_pdf_sha256
    agreement.status = target.value
    agreement.updated_at = models.utcnow()
    session.flush()
    audit.record(
        session,
        agreement,
        "state_changed",
        actor,
        from_state=source,
        to_state=target.value,
        **detail,
    )
    events.emit(session, events.StateChanged(agreement.id, source, target.value, actor.name))


def available(
    session: Session, agreement: models.Agreement, actor: Actor
) -> list[tuple[Transition, list[str]]]:
    """Transitions from the current state with the reasons each is blocked (for the UI buttons)."""
    source = S(agreement.status)
    return [
        (
            t,
            check(
                session, agreement, actor, t.target, reason="(asked)", signed_pdf_sha256="(asked)"
            ),
        )
        for t in TRANSITIONS
        if t.source == source
    ]


def available_messages(
    session: Session, agreement: models.Agreement, actor: Actor
) -> list[tuple[Transition, list[DomainMessage]]]:
    """Like :func:`available`, with the blocking reasons as coded messages (for translation)."""
    source = S(agreement.status)
    return [
        (
            t,
            check_messages(
                session, agreement, actor, t.target, reason="(asked)", signed_pdf_sha256="(asked)"
            ),
        )
        for t in TRANSITIONS
        if t.source == source
    ]


#: States a head of region's approval may release for negotiation itself (see :func:`approve`).
RELEASED_BY_APPROVAL = frozenset({S.DRAFT, S.INTERNAL_REVIEW})


def releases_on_approval(agreement: models.Agreement, actor: Actor, release: bool) -> bool:
    """True when approving now also releases the draft (``release``: the office's policy)."""
    return (
        release
        and actor.role is Role.SIGNATORY
        and S(agreement.status) in RELEASED_BY_APPROVAL
    )


def _release_problems(session: Session, agreement: models.Agreement) -> list[DomainMessage]:
    """What a reviewer's release would demand of the draft: pasal, two parties, no open
    comment (the saved round is checked by :func:`approve` itself)."""
    C = WorkflowCode
    problems: list[DomainMessage] = []
    if not agreement.clauses:
        problems.append(_msg(C.NO_PASAL, "The agreement has no pasal yet"))
    if len(agreement.parties) < 2:
        problems.append(_msg(C.TOO_FEW_PARTIES, "The agreement needs at least two parties"))
    count = len(open_comments(session, agreement.id))
    if count:
        problems.append(_msg(C.OPEN_COMMENTS, f"{count} comment(s) are still open", count=count))
    return problems


def approve(
    session: Session, agreement: models.Agreement, actor: Actor, *, release: bool = False
) -> models.Approval:
    """Approve the current revision hash for the actor's office.

    ``release``: this office does not require a reviewer's release of its drafts (the default
    policy; Settings can require one). Then the head of region (a Signatory) approving a Draft
    or a draft in internal review releases it for negotiation with the same act: the head is
    the one whose consent a reviewer's release prepares, so asking a second person first only
    adds steps. Every condition of the release still holds (a saved round, a pasal, two
    parties, no open comment), and the move is audited as made by that Signatory.
    """
    C = WorkflowCode
    problems: list[DomainMessage] = []
    releasing = releases_on_approval(agreement, actor, release)
    if releasing:
        problems.extend(_release_problems(session, agreement))
    if actor.role not in APPROVER_ROLES:
        problems.append(
            _msg(
                C.APPROVER_ROLE,
                f"{actor.name} is a {actor.role.value}; approval needs a reviewer or signatory",
                actor=actor.name,
                role=actor.role.value,
            )
        )
    if S(agreement.status) is not S.NEGOTIATION and not releasing:
        problems.append(
            _msg(
                C.NOT_IN_NEGOTIATION,
                f"The agreement is {_name(S(agreement.status))}, not in negotiation",
                state=agreement.status,
            )
        )
    current = agreement.current_revision
    if current is None or is_dirty(agreement):
        problems.append(_msg(C.UNSAVED_EDITS, "The latest edits are not saved as a revision yet"))
    if actor.office_uuid not in party_office_uuids(agreement):
        problems.append(
            _msg(
                C.NOT_A_PARTY,
                f"{actor.office_name} is not a party to this agreement",
                office=actor.office_name,
            )
        )
    if problems:
        raise WorkflowError(_msg(C.CANNOT_APPROVE, "Cannot approve this revision"), problems)
    assert current is not None
    existing = next(
        (
            a
            for a in approvals_of(session, agreement, current.hash)
            if a.office_uuid == actor.office_uuid
        ),
        None,
    )
    if existing is not None:
        return existing
    if releasing:
        _release(session, agreement, actor)
    approval = models.Approval(
        agreement_id=agreement.id,
        revision_hash=current.hash,
        office_uuid=actor.office_uuid,
        office_name=actor.office_name,
        approver_name=actor.name,
        approver_role=actor.role.value,
    )
    session.add(approval)
    session.flush()
    audit.record(session, agreement, "approved", actor, hash=current.hash, round=current.round)
    events.emit(session, events.ApprovalRecorded(agreement.id, current.hash, actor.office_name))
    return approval


def _release(session: Session, agreement: models.Agreement, actor: Actor) -> None:
    """Move a draft to Negotiation as part of its head's approval (checked by the caller)."""
    source = agreement.status
    agreement.status = S.NEGOTIATION.value
    agreement.updated_at = models.utcnow()
    session.flush()
    audit.record(
        session,
        agreement,
        "state_changed",
        actor,
        from_state=source,
        to_state=S.NEGOTIATION.value,
        released_by="approval",
    )
    events.emit(session, events.StateChanged(agreement.id, source, S.NEGOTIATION.value, actor.name))


def conclude_when_all_approved(session: Session, agreement: models.Agreement) -> bool:
    """Move a negotiated agreement to Agreed once every party approved its current round.

    Used when the approvals travel in a verified call: the last approval completes the step on
    both sides. The move is made in the name of this office's own approver of that very round
    (who consented to exactly this text), and only if every condition of "Mark as agreed"
    holds; otherwise nothing changes and the button stays. True when it became Agreed here.
    """
    from mou.office import require_local_office

    current = agreement.current_revision
    if S(agreement.status) is not S.NEGOTIATION or current is None or is_dirty(agreement):
        return False
    if missing_approvals(session, agreement):
        return False
    local = require_local_office(session)
    ours = next(
        (a for a in approvals_of(session, agreement, current.hash) if a.office_uuid == local.uuid),
        None,
    )
    if ours is None:
        return False
    actor = Actor(ours.approver_name, Role(ours.approver_role), local.uuid, local.display_name)
    if check_messages(session, agreement, actor, S.AGREED):
        return False
    transition(session, agreement, actor, S.AGREED)
    return True


def expire_due(session: Session, actor: Actor, today: dt.date) -> list[models.Agreement]:
    """Move every signed agreement whose validity ended before ``today`` to Expired."""
    due = session.scalars(
        select(models.Agreement).where(
            models.Agreement.status == S.SIGNED.value, models.Agreement.valid_until < today
        )
    ).all()
    expiring_actor = Actor(actor.name, Role.SIGNATORY, actor.office_uuid, actor.office_name)
    for agreement in due:
        transition(session, agreement, expiring_actor, S.EXPIRED, today=today)
    return list(due)


def _name(state: AgreementStatus) -> str:
    return state.value.replace("_", " ")
