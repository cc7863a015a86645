"""Importing a verified package: new revisions, branches, comments and approvals.

Import never overwrites local work: unsaved edits are saved as a local round first, and when
both sides edited the same base the two heads are kept as a branch until ``reconcile``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mou import audit, events, models
from mou.agreement import (
    EDITABLE_STATES,
    AgreementCode,
    AgreementError,
    AgreementStatus,
    by_uuid,
    touch,
)
from mou.exchange.errors import PackageCode, PackageError
from mou.exchange.package import VerifiedPackage, read_package
from mou.office import Actor, Role, counterpart_office, require_local_office
from mou.revision import (
    canonical_json,
    heads,
    is_ancestor,
    is_dirty,
    load_revision,
    save_revision,
    snapshot,
)


@dataclass
class ImportResult:
    """What an import did."""

    agreement: models.Agreement
    created: bool
    new_revisions: int
    fast_forwarded: bool
    diverged: bool
    autosaved: models.Revision | None
    head_hashes: list[str] = field(default_factory=list)
    held_back: bool = False  # newer text arrived for an agreed/signed agreement; not loaded
    nothing_new: bool = False  # a replay or a package already imported: nothing was written


def _parse_time(value: str) -> dt.datetime:
    return dt.datetime.strptime(value, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.UTC)


def _party_uuids(agreement: models.Agreement) -> set[str]:
    return {p.office_uuid for p in agreement.parties if p.office_uuid}


def _check_parties(
    local: models.Office,
    sender: models.Office,
    parties: set[str],
) -> None:
    if local.uuid not in parties:
        raise PackageError(
            "This agreement does not name your office as a party",
            code=PackageCode.NOT_OUR_PARTY,
        )
    if sender.uuid not in parties:
        raise PackageError(
            f"{sender.display_name} sent this package but is not a party to the agreement",
            code=PackageCode.SENDER_NOT_PARTY,
            sender=sender.display_name,
        )


def _new_revisions(
    payload: dict[str, Any], known: set[str], sender: models.Office
) -> list[dict[str, Any]]:
    """The package's revisions this database lacks, after checking each builds on known ones.

    A revision is only accepted when its parents are here or earlier in the package (so the
    chain keeps verifying), and when the sending office wrote it (it cannot speak for others).
    """
    new: list[dict[str, Any]] = []
    have = set(known)
    for rev in payload["revisions"]:
        if rev["hash"] in have:
            continue
        if rev["author_office_uuid"] != sender.uuid:
            raise PackageError(
                f"Round {rev['round']} in the package claims another office as its author",
                code=PackageCode.AUTHOR_NOT_SENDER,
                round=str(rev["round"]),
            )
        parents = [h for h in (rev["parent_hash"], rev["merge_parent_hash"]) if h]
        if any(not isinstance(h, str) or h not in have for h in parents):
            raise PackageError(
                f"Round {rev['round']} in the package builds on a revision that is missing",
                code=PackageCode.MISSING_PARENT,
                round=str(rev["round"]),
            )
        if not parents and have:
            raise PackageError(
                f"Round {rev['round']} in the package starts a second history of the agreement",
                code=PackageCode.SECOND_ROOT,
                round=str(rev["round"]),
            )
        have.add(rev["hash"])
        new.append(rev)
    return new


def import_package(
    session: Session, data: bytes, actor: Actor, *, agreement_uuid: str | None = None
) -> ImportResult:
    """Verify and merge a package into this database. Local work is never overwritten.

    With ``agreement_uuid`` (the agreement open on screen) a package of another agreement is
    refused. A package that brings nothing new writes nothing at all (``ImportResult.nothing_new``).
    Only parties to the agreement can change it, and only with revisions, comments and approvals
    of their own.
    """
    if actor.role is Role.VIEWER:
        raise AgreementError(
            "A viewer cannot import agreements", code=AgreementCode.VIEWER_CANNOT_IMPORT
        )
    package = read_package(session, data)
    payload = package.payload
    if agreement_uuid is not None and payload["agreement"]["uuid"] != agreement_uuid:
        raise PackageError(
            "This package belongs to another agreement; open that agreement or import it from "
            "the list of agreements",
            code=PackageCode.WRONG_AGREEMENT,
        )
    try:
        return _merge(session, package, actor)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        # A trusted office sent a well-formed but inconsistent package: refuse it, don't crash.
        raise PackageError(
            "The package content is malformed", code=PackageCode.MALFORMED_OBJECT,
            where="the package", part="payload", index=0,
        ) from exc  # fmt: skip


def _merge(session: Session, package: VerifiedPackage, actor: Actor) -> ImportResult:
    payload = package.payload
    local = require_local_office(session)
    agreement = by_uuid(session, payload["agreement"]["uuid"])
    if agreement is None:
        # A new agreement: the sender's own latest text names the parties.
        _check_parties(
            local,
            package.sender,
            {p["office_uuid"] for p in payload["revisions"][-1]["content"]["parties"]},
        )
        known: set[str] = set()
    else:
        # An agreement we hold: only its parties as we know them may change it.
        _check_parties(local, package.sender, _party_uuids(agreement))
        known = set(
            session.scalars(
                select(models.Revision.hash).where(models.Revision.agreement_id == agreement.id)
            )
        )
    new_revs = _new_revisions(payload, known, package.sender)
    if agreement is not None and not new_revs and not _news(session, agreement, payload, package):
        # A replay or a package we already have: write nothing, not even an audit row.
        return ImportResult(
            agreement, False, 0, False, False, None,
            [h.hash for h in heads(session, agreement.id)], nothing_new=True,
        )  # fmt: skip

    _add_unknown_offices(session, payload["offices"], local)
    created = agreement is None
    autosaved = None
    if agreement is None:
        agreement = models.Agreement(
            uuid=payload["agreement"]["uuid"],
            kind=payload["agreement"]["kind"],
            title="",
            status=AgreementStatus.NEGOTIATION.value,
            origin_office=package.sender,
            legal_basis=[],
            legal_basis_en=[],
        )
        session.add(agreement)
        session.flush()
        # The receiving office's trail starts here: it did not create the agreement, it got it.
        audit.record(session, agreement, "received", actor, to_state=agreement.status,
                     sender=package.sender.display_name, sender_uuid=package.sender.uuid)  # fmt: skip
    elif (
        is_dirty(agreement)
        and agreement.current_revision is not None
        and not _working_copy_is_incoming_head(agreement, payload)
    ):
        autosaved = save_revision(session, agreement, actor, "Saved automatically before an import")

    for rev in new_revs:
        session.add(
            models.Revision(
                agreement_id=agreement.id,
                round=rev["round"],
                parent_hash=rev["parent_hash"],
                merge_parent_hash=rev["merge_parent_hash"],
                hash=rev["hash"],
                author_office_uuid=rev["author_office_uuid"],
                author_office_name=rev["author_office_name"],
                author_name=rev["author_name"],
                message=rev["message"],
                created_at=_parse_time(rev["created_at"]),
                content_json=canonical_json(rev["content"]).decode("utf-8"),
                imported=True,
            )
        )
    new = len(new_revs)
    session.flush()
    _import_comments(session, agreement, payload["comments"], package.sender)
    _import_approvals(session, agreement, payload["approvals"], package.sender, actor)

    remote = session.scalars(
        select(models.Revision).where(
            models.Revision.agreement_id == agreement.id,
            models.Revision.hash == payload["head"],
        )
    ).one()
    current = agreement.current_revision
    fast_forwarded = diverged = held_back = False
    if current is None:
        load_revision(session, agreement, remote)
        fast_forwarded = True
    elif remote.hash == current.hash or is_ancestor(session, remote, current):
        pass
    elif is_ancestor(session, current, remote):
        if AgreementStatus(agreement.status) in EDITABLE_STATES:
            load_revision(session, agreement, remote)
            fast_forwarded = True
        else:
            # The text here is already agreed or signed: keep the newer round as a separate head;
            # reopening negotiation and checking it out is a deliberate step.
            held_back = True
    else:
        diverged = True
    touch(session, agreement, "imported")
    head_hashes = [h.hash for h in heads(session, agreement.id)]
    audit.record(session, agreement, "package_imported", actor, sender=package.sender.display_name,
                 new_revisions=new, diverged=diverged, head=remote.hash)  # fmt: skip
    events.emit(session, events.PackageImported(agreement.id, new, diverged))
    if diverged:
        events.emit(session, events.BranchDetected(agreement.id, tuple(head_hashes)))
    return ImportResult(
        agreement, created, new, fast_forwarded, diverged, autosaved, head_hashes, held_back
    )


def _working_copy_is_incoming_head(agreement: models.Agreement, payload: dict[str, Any]) -> bool:
    """True when the unsaved working copy already holds exactly the sender's head text.

    That is what a live review in a call leaves behind: both offices applied the same accepted
    change, and the proposer saved it as the next round. Saving ours too would make a second,
    identical round and a branch to reconcile; instead the incoming round is taken as ours.
    """
    head = next((r for r in payload["revisions"] if r["hash"] == payload["head"]), None)
    if head is None:
        return False
    return canonical_json(snapshot(agreement)) == canonical_json(head["content"])


def _add_unknown_offices(
    session: Session, offices: list[dict[str, Any]], local: models.Office
) -> None:
    """Record offices this database has never heard of; never change a known one.

    An office's name and head change only through its own signed card, not through what another
    office's package says about it.
    """
    for office in offices:
        if office["uuid"] == local.uuid:
            continue
        known = session.scalars(
            select(models.Office).where(models.Office.uuid == office["uuid"])
        ).first()
        if known is None:
            counterpart_office(
                session,
                **{k: office[k] for k in ("uuid", "level", "region", "unit", "head_name",
                                          "head_title", "head_nip")},
            )  # fmt: skip


def _news(
    session: Session,
    agreement: models.Agreement,
    payload: dict[str, Any],
    package: VerifiedPackage,
) -> bool:
    """True when the package's comments or approvals would add or change anything here."""
    comments = {
        c.uuid: c
        for c in session.scalars(
            select(models.Comment).where(models.Comment.agreement_id == agreement.id)
        )
    }
    for item in payload["comments"]:
        comment = comments.get(item["uuid"])
        if comment is None:
            if item["author_office_uuid"] == package.sender.uuid:
                return True
        elif comment.resolved_at is None and item["resolved_at"]:
            return True
    approvals = {
        (a.revision_hash, a.office_uuid)
        for a in session.scalars(
            select(models.Approval).where(models.Approval.agreement_id == agreement.id)
        )
    }
    return any(
        item["office_uuid"] == package.sender.uuid
        and (item["revision_hash"], item["office_uuid"]) not in approvals
        for item in payload["approvals"]
    )


def _import_comments(
    session: Session,
    agreement: models.Agreement,
    items: list[dict[str, Any]],
    sender: models.Office,
) -> None:
    existing = {
        c.uuid: c
        for c in session.scalars(
            select(models.Comment).where(models.Comment.agreement_id == agreement.id)
        )
    }
    for item in items:
        comment = existing.get(item["uuid"])
        if comment is None:
            if item["author_office_uuid"] != sender.uuid:
                continue  # an office speaks only for itself; others' comments come from them
            session.add(
                models.Comment(
                    uuid=item["uuid"],
                    agreement_id=agreement.id,
                    clause_uuid=item["clause_uuid"],
                    parent_uuid=item["parent_uuid"],
                    author_office_uuid=item["author_office_uuid"],
                    author_office_name=item["author_office_name"],
                    author_name=item["author_name"],
                    body=item["body"],
                    revision_hash=item["revision_hash"],
                    created_at=_parse_time(item["created_at"]),
                    resolved_at=_parse_time(item["resolved_at"]) if item["resolved_at"] else None,
                    resolved_by=item["resolved_by"],
                )
            )
        elif comment.resolved_at is None and item["resolved_at"]:
            # Resolution travels one way: a thread resolved by either side is resolved.
            comment.resolved_at = _parse_time(item["resolved_at"])
            comment.resolved_by = item["resolved_by"]
    session.flush()


def _import_approvals(
    session: Session,
    agreement: models.Agreement,
    items: list[dict[str, Any]],
    sender: models.Office,
    actor: Actor,
) -> None:
    existing = {
        (a.revision_hash, a.office_uuid)
        for a in session.scalars(
            select(models.Approval).where(models.Approval.agreement_id == agreement.id)
        )
    }
    for item in items:
        # Only the signing office can vouch for its own approvals; others' are ignored here.
        if (
            item["office_uuid"] != sender.uuid
            or (item["revision_hash"], item["office_uuid"]) in existing
        ):
            continue
        session.add(
            models.Approval(
                uuid=item["uuid"],
                agreement_id=agreement.id,
                revision_hash=item["revision_hash"],
                office_uuid=item["office_uuid"],
                office_name=item["office_name"],
                approver_name=item["approver_name"],
                approver_role=item["approver_role"],
                approved_at=_parse_time(item["approved_at"]),
            )
        )
        events.emit(
            session,
            events.ApprovalRecorded(agreement.id, item["revision_hash"], item["office_name"]),
        )
        _audit_approval(session, agreement, item, sender, actor)
    session.flush()


def _audit_approval(
    session: Session,
    agreement: models.Agreement,
    item: dict[str, Any],
    sender: models.Office,
    actor: Actor,
) -> None:
    """The counterpart's approval as its own audit entry, in the approver's name.

    The office name is the sender's as this database knows it (changed only through its signed
    card), not whatever the package says; who imported it is kept in the detail.
    """
    try:
        role = Role(item["approver_role"])
    except ValueError:
        role = Role.SIGNATORY
    approver = Actor(str(item["approver_name"])[:200], role, sender.uuid, sender.display_name)
    revision = session.scalars(
        select(models.Revision).where(
            models.Revision.agreement_id == agreement.id,
            models.Revision.hash == item["revision_hash"],
        )
    ).first()
    audit.record(
        session, agreement, "approval_received", approver, hash=item["revision_hash"],
        round=revision.round if revision is not None else None,
        approved_at=item["approved_at"], received_by=actor.name,
    )  # fmt: skip
