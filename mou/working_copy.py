"""Parts of an agreement's working copy as plain data, and putting such a part back (for undo).

An editor's undo history keeps, per edit, the pasal (or the Lampiran, or the details: title,
place, dates and each party's nomor) as they were before and
after it. Undo writes the "before" part back, redo the "after" part, through the same editing
rules as any other edit (``require_editable``). Pasal keep their uuid, so comments and redlines
that point at a pasal still find it after an undo brings it back.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from mou import audit, models
from mou.agreement import require_editable, touch
from mou.office import Actor
from mou.revision import annex_item_snapshot, snapshot

Part = list[dict[str, Any]]

# The parts of the working copy an editor's undo history covers.
CLAUSES = "clauses"
ANNEX = "annex"
DETAILS = "details"
_DETAIL_TEXT = ("title", "title_en", "place")
_DETAIL_DATES = ("agreement_date", "valid_from", "valid_until")


def parts(agreement: models.Agreement) -> dict[str, Part]:
    """The pasal (with ayat) and the Lampiran of the working copy, as plain data."""
    content = snapshot(agreement)
    return {CLAUSES: content[CLAUSES], ANNEX: content[ANNEX], DETAILS: details(agreement)}


def details(agreement: models.Agreement) -> dict[str, Any]:
    """Title, place, dates (ISO text) and each party's nomor by position."""
    found: dict[str, Any] = {key: getattr(agreement, key) for key in _DETAIL_TEXT}
    for key in _DETAIL_DATES:
        value = getattr(agreement, key)
        found[key] = value.isoformat() if value else None
    found["nomor"] = {str(p.position): p.nomor for p in agreement.parties}
    return found


def restore(
    session: Session,
    agreement: models.Agreement,
    actor: Actor,
    *,
    clauses: Part | None = None,
    annex: Part | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    """Make the working copy's pasal, Lampiran and/or details equal to the given parts."""
    require_editable(agreement, actor)
    if clauses is not None:
        _restore_clauses(agreement, clauses)
    if annex is not None:
        _restore_annex(session, agreement, actor, annex)
    if detail is not None:
        _restore_details(agreement, detail)
    session.flush()
    touch(
        session,
        agreement,
        "clauses" if clauses is not None else "annex" if annex is not None else "details",
    )


def _restore_details(agreement: models.Agreement, detail: dict[str, Any]) -> None:
    # A state this agreement had before, so it passed update_details' checks then.
    for key in _DETAIL_TEXT:
        setattr(agreement, key, detail[key])
    for key in _DETAIL_DATES:
        setattr(agreement, key, dt.date.fromisoformat(detail[key]) if detail[key] else None)
    for party in agreement.parties:
        party.nomor = detail["nomor"].get(str(party.position), party.nomor)


def _restore_clauses(agreement: models.Agreement, clauses: Part) -> None:
    # Rows that stay are updated in place (their database ids, hence comments, stay too).
    existing = {c.uuid: c for c in agreement.clauses}
    wanted = {c["uuid"] for c in clauses}
    for clause in list(agreement.clauses):
        if clause.uuid not in wanted:
            agreement.clauses.remove(clause)
    for position, data in enumerate(clauses):
        clause = existing.get(data["uuid"])
        if clause is None:
            clause = models.Clause(uuid=data["uuid"])
            agreement.clauses.append(clause)
        clause.position = position
        for key in ("heading", "heading_en", "body", "body_en"):
            setattr(clause, key, data[key])
        ayat = sorted(clause.ayat, key=lambda a: a.position)
        texts = [(a["text"], a["text_en"]) for a in data["ayat"]]
        for row in ayat[len(texts) :]:
            clause.ayat.remove(row)
        for apos, (text, text_en) in enumerate(texts):
            if apos < len(ayat):
                ayat[apos].position, ayat[apos].text, ayat[apos].text_en = apos, text, text_en
            else:
                clause.ayat.append(models.Ayat(position=apos, text=text, text_en=text_en))


def _restore_annex(
    session: Session, agreement: models.Agreement, actor: Actor, annex: Part
) -> None:
    if [annex_item_snapshot(i) for i in sorted(agreement.annex_items, key=lambda i: i.position)] \
            == annex:  # fmt: skip
        return
    agreement.annex_items.clear()
    session.flush()
    for position, item in enumerate(annex):
        agreement.annex_items.append(models.AnnexItem(position=position, **item))
    audit.record(session, agreement, "annex_changed", actor, apps=len(annex))
