"""Revisions: immutable, hash-chained snapshots of an agreement, one per save round.

Both cities must compute the same hash for the same revision, on any OS and either database, so
the hash covers *canonical JSON*: keys sorted, no insignificant whitespace, UTF-8, strings in
Unicode NFC with ``\\n`` line ends, dates as ISO ``YYYY-MM-DD`` and times as UTC
``YYYY-MM-DDTHH:MM:SS.ffffffZ``. The hashed envelope is::

    {"v": 1, "agreement": uuid, "round": n, "parent": parent hash | null,
     "merge_parent": other head | null, "author_office": uuid, "created_at": time,
     "content": snapshot}

so each hash commits to its parent's hash: changing any earlier revision breaks every later link.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from mou import audit, events, models
from mou.agreement import AgreementCode, AgreementError, touch
from mou.messages import DomainMessage
from mou.office import Actor

FORMAT_VERSION = 1


class ChainCode(StrEnum):
    """Codes of ``ChainError`` (see :mod:`mou.messages`)."""

    ALTERED = "chain.altered"
    PARENT_MISSING = "chain.parent_missing"


class ChainError(Exception):
    """A stored or received revision does not match its hash or its parent.

    ``message`` carries a ``ChainCode`` and the revision's ``round`` for the UI's translation.
    """

    def __init__(self, text: str = "", *, code: str = "", **params: str | int) -> None:
        self.message = DomainMessage(code, params, text)
        super().__init__(text)


class ImmutableRevisionError(Exception):
    """Code tried to change a saved revision; revisions are never edited, only added."""


@event.listens_for(models.Revision, "before_update")
def _refuse_update(_mapper: Any, _connection: Any, target: models.Revision) -> None:
    raise ImmutableRevisionError(f"Round {target.round} is saved and cannot be changed")


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n"))
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    if isinstance(value, dt.datetime):
        return format_time(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if value is None or isinstance(value, bool | int):
        return value
    raise TypeError(f"{type(value).__name__} cannot be part of a revision")


def canonical_json(value: Any) -> bytes:
    """The one byte sequence both cities hash for ``value``."""
    return json.dumps(
        _clean(value), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    ).encode("utf-8")


def format_time(value: dt.datetime) -> str:
    """UTC time with microseconds and a ``Z`` (canonical form)."""
    if value.tzinfo is None:
        raise ValueError("revision times must be timezone-aware")
    return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def annex_item_snapshot(item: models.AnnexItem) -> dict[str, str]:
    """One Lampiran row as a revision stores it (also what the annex views list)."""
    return {
        "app_uuid": item.app_uuid,
        "name": item.name,
        "dimension": item.dimension,
        "opd": item.opd,
        "description": item.description,
        "tech_stack": item.tech_stack,
        "licence": item.licence,
    }


def snapshot(agreement: models.Agreement) -> dict[str, Any]:
    """The working copy as a plain dict (the ``content`` of a revision)."""
    content = _snapshot(agreement)
    # Only an explicit choice is part of the text, so agreements that never made one keep the
    # same snapshot (and hash) as before the option existed.
    if agreement.e_meterai is not None:
        content["agreement"]["e_meterai"] = bool(agreement.e_meterai)
    return content


def _snapshot(agreement: models.Agreement) -> dict[str, Any]:
    return _clean(
        {
            "agreement": {
                "kind": agreement.kind,
                "title": agreement.title,
                "title_en": agreement.title_en,
                "implements_title": agreement.implements_title,
                "implements_uuid": agreement.implements.uuid if agreement.implements else None,
                "place": agreement.place,
                "agreement_date": agreement.agreement_date,
                "valid_from": agreement.valid_from,
                "valid_until": agreement.valid_until,
                "opening": agreement.opening,
                "opening_en": agreement.opening_en,
                "legal_basis": list(agreement.legal_basis or []),
                "legal_basis_en": list(agreement.legal_basis_en or []),
                "closing": agreement.closing,
                "closing_en": agreement.closing_en,
                "template_id": agreement.template_id,
            },
            "parties": [
                {
                    "position": p.position,
                    "office_uuid": p.office_uuid,
                    "name": p.name,
                    "nomor": p.nomor,
                    "head_name": p.head_name,
                    "head_title": p.head_title,
                    "head_nip": p.head_nip,
                    "address": p.address,
                }
                for p in sorted(agreement.parties, key=lambda p: p.position)
            ],
            "clauses": [
                {
                    "uuid": c.uuid,
                    "heading": c.heading,
                    "heading_en": c.heading_en,
                    "body": c.body,
                    "body_en": c.body_en,
                    "ayat": [
                        {"text": a.text, "text_en": a.text_en}
                        for a in sorted(c.ayat, key=lambda a: a.position)
                    ],
                }
                for c in sorted(agreement.clauses, key=lambda c: c.position)
            ],
            "annex": [
                annex_item_snapshot(i)
                for i in sorted(agreement.annex_items, key=lambda i: i.position)
            ],
            "obligations": [
                {
                    "uuid": o.uuid,
                    "what": o.what,
                    "what_en": o.what_en,
                    "party": o.party_position,
                    "due_date": o.due_date,
                    "recurrence": o.recurrence,
                }
                for o in sorted(agreement.obligations, key=lambda o: o.position)
            ],
        }
    )


def envelope(
    *,
    agreement_uuid: str,
    round: int,
    parent: str | None,
    merge_parent: str | None,
    author_office: str,
    created_at: dt.datetime | str,
    content: dict[str, Any],
) -> dict[str, Any]:
    """The hashed form of a revision."""
    return {
        "v": FORMAT_VERSION,
        "agreement": agreement_uuid,
        "round": round,
        "parent": parent,
        "merge_parent": merge_parent,
        "author_office": author_office,
        "created_at": created_at if isinstance(created_at, str) else format_time(created_at),
        "content": content,
    }


def compute_hash(env: dict[str, Any]) -> str:
    """SHA-256 (hex) of the canonical JSON of a revision envelope."""
    return hashlib.sha256(canonical_json(env)).hexdigest()


def content_of(revision: models.Revision) -> dict[str, Any]:
    """The snapshot stored in a revision."""
    return json.loads(revision.content_json)


def envelope_of(revision: models.Revision, agreement_uuid: str) -> dict[str, Any]:
    """Rebuild the hashed envelope of a stored revision."""
    return envelope(
        agreement_uuid=agreement_uuid,
        round=revision.round,
        parent=revision.parent_hash,
        merge_parent=revision.merge_parent_hash,
        author_office=revision.author_office_uuid,
        created_at=revision.created_at,
        content=content_of(revision),
    )


def is_dirty(agreement: models.Agreement) -> bool:
    """True when the working copy differs from the revision it was last saved as or loaded from."""
    current = agreement.current_revision
    if current is None:
        return True
    return canonical_json(snapshot(agreement)) != canonical_json(content_of(current))


def save_revision(
    session: Session,
    agreement: models.Agreement,
    actor: Actor,
    message: str = "",
    *,
    merge_parent: models.Revision | None = None,
    now: dt.datetime | None = None,
) -> models.Revision:
    """Freeze the working copy as the next round. Returns the current revision if nothing changed."""
    parent = agreement.current_revision
    if parent is not None and merge_parent is None and not is_dirty(agreement):
        return parent
    content = snapshot(agreement)
    created = (now or models.utcnow()).astimezone(dt.UTC)
    rounds = [r.round for r in (parent, merge_parent) if r is not None]
    env = envelope(
        agreement_uuid=agreement.uuid,
        round=max(rounds, default=0) + 1,
        parent=parent.hash if parent else None,
        merge_parent=merge_parent.hash if merge_parent else None,
        author_office=actor.office_uuid,
        created_at=created,
        content=content,
    )
    revision = models.Revision(
        agreement_id=agreement.id,
        round=env["round"],
        parent_hash=env["parent"],
        merge_parent_hash=env["merge_parent"],
        hash=compute_hash(env),
        author_office_uuid=actor.office_uuid,
        author_office_name=actor.office_name,
        author_name=actor.name,
        message=message,
        created_at=created,
        content_json=canonical_json(content).decode("utf-8"),
    )
    session.add(revision)
    session.flush()
    agreement.current_revision = revision
    session.flush()
    audit.record(
        session,
        agreement,
        "revision_saved",
        actor,
        round=revision.round,
        hash=revision.hash,
        message=message,
    )
    events.emit(
        session,
        events.RevisionSaved(
            agreement.id, revision.id, revision.hash, revision.round, actor.office_name
        ),
    )
    return revision


def revisions(session: Session, agreement_id: int) -> list[models.Revision]:
    """All revisions of an agreement, oldest round first."""
    return list(
        session.scalars(
            select(models.Revision)
            .where(models.Revision.agreement_id == agreement_id)
            .order_by(models.Revision.round, models.Revision.created_at, models.Revision.id)
        )
    )


def by_hash(session: Session, revision_hash: str) -> models.Revision | None:
    """The revision with this hash, if stored here."""
    return session.scalars(
        select(models.Revision).where(models.Revision.hash == revision_hash)
    ).first()


def heads(session: Session, agreement_id: int) -> list[models.Revision]:
    """Revisions nobody builds on. More than one means diverging edits (a branch)."""
    revs = revisions(session, agreement_id)
    parents = {r.parent_hash for r in revs} | {r.merge_parent_hash for r in revs}
    return [r for r in revs if r.hash not in parents]


def ancestors(session: Session, revision: models.Revision) -> list[models.Revision]:
    """``revision`` and everything it descends from, newest first (merge parents included)."""
    rows = {r.hash: r for r in revisions(session, revision.agreement_id)}
    seen: list[models.Revision] = []
    stack = [revision.hash]
    visited: set[str] = set()
    while stack:
        h = stack.pop()
        if h in visited or h not in rows:
            continue
        visited.add(h)
        rev = rows[h]
        seen.append(rev)
        stack += [p for p in (rev.parent_hash, rev.merge_parent_hash) if p]
    return sorted(seen, key=lambda r: (r.round, r.created_at), reverse=True)


def first_parent_chain(session: Session, revision: models.Revision) -> list[models.Revision]:
    """``revision`` back to the first round through first parents, oldest first."""
    rows = {r.hash: r for r in revisions(session, revision.agreement_id)}
    chain = [revision]
    while chain[-1].parent_hash and chain[-1].parent_hash in rows:
        chain.append(rows[chain[-1].parent_hash])
    return list(reversed(chain))


def is_ancestor(session: Session, older: models.Revision, newer: models.Revision) -> bool:
    """True when ``newer`` descends from (or is) ``older``."""
    return any(r.hash == older.hash for r in ancestors(session, newer))


def verify_revision(revision: models.Revision, agreement_uuid: str) -> None:
    """Raise ``ChainError`` unless the stored hash matches the stored content."""
    if compute_hash(envelope_of(revision, agreement_uuid)) != revision.hash:
        raise ChainError(
            f"Round {revision.round} does not match its hash: its text was altered",
            code=ChainCode.ALTERED,
            round=revision.round,
        )


def verify_chain(session: Session, agreement: models.Agreement) -> None:
    """Check every revision's hash and that every parent is present. Raises ``ChainError``."""
    revs = revisions(session, agreement.id)
    known = {r.hash for r in revs}
    for rev in revs:
        verify_revision(rev, agreement.uuid)
        for parent in (rev.parent_hash, rev.merge_parent_hash):
            if parent and parent not in known:
                raise ChainError(
                    f"Round {rev.round} builds on a revision that is missing",
                    code=ChainCode.PARENT_MISSING,
                    round=rev.round,
                )


@dataclass(frozen=True)
class RevisionInfo:
    """A revision as the UI lists it."""

    id: int
    round: int
    hash: str
    author_office: str
    author_name: str
    created_at: dt.datetime
    message: str
    is_head: bool


def history(session: Session, agreement_id: int) -> list[RevisionInfo]:
    """Every round for the revision list, oldest first."""
    head_hashes = {r.hash for r in heads(session, agreement_id)}
    return [
        RevisionInfo(
            r.id,
            r.round,
            r.hash,
            r.author_office_name,
            r.author_name,
            r.created_at,
            r.message,
            r.hash in head_hashes,
        )
        for r in revisions(session, agreement_id)
    ]


def load_revision(session: Session, agreement: models.Agreement, revision: models.Revision) -> None:
    """Replace the working copy with ``revision``'s content (callers make sure nothing is lost)."""
    apply_content(session, agreement, content_of(revision))
    agreement.current_revision = revision
    session.flush()


def apply_content(session: Session, agreement: models.Agreement, content: dict[str, Any]) -> None:
    """Write a snapshot into the working-copy rows (used by load, import and reconcile)."""
    head = content["agreement"]
    agreement.kind = head["kind"]
    for key in (
        "title",
        "title_en",
        "implements_title",
        "place",
        "opening",
        "opening_en",
        "closing",
        "closing_en",
        "template_id",
    ):
        setattr(agreement, key, head.get(key) or "")
    choice = head.get("e_meterai")
    agreement.e_meterai = choice if isinstance(choice, bool) else None
    agreement.legal_basis = list(head.get("legal_basis") or [])
    agreement.legal_basis_en = list(head.get("legal_basis_en") or [])
    for key in ("agreement_date", "valid_from", "valid_until"):
        value = head.get(key)
        setattr(agreement, key, dt.date.fromisoformat(value) if value else None)
    if head.get("implements_uuid"):
        agreement.implements = session.scalars(
            select(models.Agreement).where(models.Agreement.uuid == head["implements_uuid"])
        ).first()
    offices = {o.uuid: o for o in session.scalars(select(models.Office))}
    agreement.parties.clear()
    agreement.clauses.clear()
    agreement.annex_items.clear()
    # Keep tracking state (done_at) of obligations that survive by uuid.
    done = {o.uuid: o.done_at for o in agreement.obligations}
    agreement.obligations.clear()
    session.flush()
    for p in content["parties"]:
        agreement.parties.append(
            models.Party(
                position=p["position"],
                office=offices.get(p["office_uuid"]),
                office_uuid=p["office_uuid"],
                name=p["name"],
                nomor=p["nomor"],
                head_name=p["head_name"],
                head_title=p["head_title"],
                head_nip=p["head_nip"],
                address=p["address"],
            )
        )
    for pos, c in enumerate(content["clauses"]):
        clause = models.Clause(
            uuid=c["uuid"],
            position=pos,
            heading=c["heading"],
            heading_en=c["heading_en"],
            body=c["body"],
            body_en=c["body_en"],
        )
        for apos, a in enumerate(c["ayat"]):
            clause.ayat.append(models.Ayat(position=apos, text=a["text"], text_en=a["text_en"]))
        agreement.clauses.append(clause)
    for pos, i in enumerate(content["annex"]):
        agreement.annex_items.append(models.AnnexItem(position=pos, **i))
    for pos, o in enumerate(content["obligations"]):
        agreement.obligations.append(
            models.Obligation(
                uuid=o["uuid"],
                position=pos,
                what=o["what"],
                what_en=o["what_en"],
                party_position=o["party"],
                due_date=dt.date.fromisoformat(o["due_date"]) if o["due_date"] else None,
                recurrence=o["recurrence"],
                done_at=done.get(o["uuid"]),
            )
        )
    touch(session, agreement, "loaded")


def checkout(
    session: Session, agreement: models.Agreement, actor: Actor, revision: models.Revision
) -> None:
    """Switch the working copy to another head. Refused while there are unsaved edits."""
    if agreement.current_revision is not None and is_dirty(agreement):
        raise AgreementError(
            "Save or discard the unsaved edits before switching revision",
            code=AgreementCode.UNSAVED_BEFORE_SWITCH,
        )
    load_revision(session, agreement, revision)
    audit.record(session, agreement, "checked_out", actor, round=revision.round, hash=revision.hash)


def discard_changes(session: Session, agreement: models.Agreement, actor: Actor) -> None:
    """Throw away unsaved edits: the working copy goes back to its current revision."""
    if agreement.current_revision is None:
        raise AgreementError(
            "There is no saved revision to go back to", code=AgreementCode.NO_SAVED_REVISION
        )
    if not is_dirty(agreement):
        return
    load_revision(session, agreement, agreement.current_revision)
    audit.record(
        session, agreement, "changes_discarded", actor, round=agreement.current_revision.round
    )
