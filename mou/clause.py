"""Pasal and ayat of an agreement, with automatic numbering.

A pasal's number is its position + 1, and positions are kept contiguous (0..n-1) after every insert,
move and delete, so numbering can never have gaps or duplicates. Ayat work the same way inside a
pasal. Clauses keep a stable ``uuid`` across renumbering, revisions and cities; comments and
redlines refer to that uuid, never to the number.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from mou import models
from mou.agreement import AgreementCode, AgreementError, require_editable, touch
from mou.office import Actor


def _renumber(items: list[models.Clause] | list[models.Ayat]) -> None:
    for index, item in enumerate(items):
        item.position = index


def _ordered(agreement: models.Agreement) -> list[models.Clause]:
    return sorted(agreement.clauses, key=lambda c: c.position)


def clause_by_uuid(agreement: models.Agreement, clause_uuid: str) -> models.Clause:
    """The clause with this uuid (``AgreementError`` when it is not in the agreement)."""
    for clause in agreement.clauses:
        if clause.uuid == clause_uuid:
            return clause
    raise AgreementError("That pasal is no longer in the agreement", code=AgreementCode.PASAL_GONE)


def add_clause(
    session: Session,
    agreement: models.Agreement,
    actor: Actor,
    *,
    heading: str,
    body: str = "",
    heading_en: str = "",
    body_en: str = "",
    ayat: list[tuple[str, str]] | None = None,
    number: int | None = None,
) -> models.Clause:
    """Insert a pasal at ``number`` (1-based; default: at the end). Later pasal renumber."""
    require_editable(agreement, actor)
    clauses = _ordered(agreement)
    index = len(clauses) if number is None else number - 1
    if not 0 <= index <= len(clauses):
        raise AgreementError(
            f"Pasal {number} cannot be inserted: there are {len(clauses)} pasal",
            code=AgreementCode.PASAL_INSERT_OUT_OF_RANGE,
            number=str(number),
            count=len(clauses),
        )
    clause = models.Clause(heading=heading, heading_en=heading_en, body=body, body_en=body_en)
    for pos, (text, text_en) in enumerate(ayat or []):
        clause.ayat.append(models.Ayat(position=pos, text=text, text_en=text_en))
    clauses.insert(index, clause)
    clause.position = index
    agreement.clauses.append(clause)
    _renumber(clauses)
    touch(session, agreement, "clauses")
    return clause


def update_clause(
    session: Session,
    agreement: models.Agreement,
    actor: Actor,
    clause_uuid: str,
    *,
    heading: str | None = None,
    body: str | None = None,
    heading_en: str | None = None,
    body_en: str | None = None,
) -> models.Clause:
    """Change a pasal's heading or body (either language); ``None`` leaves a field alone."""
    require_editable(agreement, actor)
    clause = clause_by_uuid(agreement, clause_uuid)
    for key, value in (
        ("heading", heading),
        ("body", body),
        ("heading_en", heading_en),
        ("body_en", body_en),
    ):
        if value is not None:
            setattr(clause, key, value)
    touch(session, agreement, "clauses")
    return clause


def move_clause(
    session: Session, agreement: models.Agreement, actor: Actor, clause_uuid: str, number: int
) -> models.Clause:
    """Move a pasal so it becomes Pasal ``number``; every pasal renumbers."""
    require_editable(agreement, actor)
    clauses = _ordered(agreement)
    clause = clause_by_uuid(agreement, clause_uuid)
    if not 1 <= number <= len(clauses):
        raise AgreementError(
            f"There is no Pasal {number} to move to (1 to {len(clauses)})",
            code=AgreementCode.PASAL_MOVE_OUT_OF_RANGE,
            number=number,
            count=len(clauses),
        )
    clauses.remove(clause)
    clauses.insert(number - 1, clause)
    _renumber(clauses)
    touch(session, agreement, "clauses")
    return clause


def delete_clause(
    session: Session, agreement: models.Agreement, actor: Actor, clause_uuid: str
) -> None:
    """Remove a pasal; the following pasal move up one number."""
    require_editable(agreement, actor)
    clause = clause_by_uuid(agreement, clause_uuid)
    # Removing it from the collection is enough: delete-orphan deletes the row (and its ayat).
    agreement.clauses.remove(clause)
    _renumber(_ordered(agreement))
    touch(session, agreement, "clauses")


def add_ayat(
    session: Session,
    agreement: models.Agreement,
    actor: Actor,
    clause_uuid: str,
    text: str,
    text_en: str = "",
    *,
    number: int | None = None,
) -> models.Ayat:
    """Insert an ayat into a pasal at ``number`` (1-based; default: at the end)."""
    require_editable(agreement, actor)
    clause = clause_by_uuid(agreement, clause_uuid)
    items = sorted(clause.ayat, key=lambda a: a.position)
    index = len(items) if number is None else number - 1
    if not 0 <= index <= len(items):
        raise AgreementError(
            f"Ayat ({number}) cannot be inserted: the pasal has {len(items)} ayat",
            code=AgreementCode.AYAT_INSERT_OUT_OF_RANGE,
            number=str(number),
            count=len(items),
        )
    ayat = models.Ayat(text=text, text_en=text_en, position=index)
    items.insert(index, ayat)
    clause.ayat.append(ayat)
    _renumber(items)
    touch(session, agreement, "clauses")
    return ayat


def update_ayat(
    session: Session,
    agreement: models.Agreement,
    actor: Actor,
    clause_uuid: str,
    number: int,
    *,
    text: str | None = None,
    text_en: str | None = None,
) -> models.Ayat:
    """Change the text of ayat ``number`` of a pasal."""
    require_editable(agreement, actor)
    ayat = _ayat(clause_by_uuid(agreement, clause_uuid), number)
    if text is not None:
        ayat.text = text
    if text_en is not None:
        ayat.text_en = text_en
    touch(session, agreement, "clauses")
    return ayat


def move_ayat(
    session: Session,
    agreement: models.Agreement,
    actor: Actor,
    clause_uuid: str,
    number: int,
    to_number: int,
) -> None:
    """Move ayat ``number`` to ``to_number`` within its pasal."""
    require_editable(agreement, actor)
    clause = clause_by_uuid(agreement, clause_uuid)
    items = sorted(clause.ayat, key=lambda a: a.position)
    ayat = _ayat(clause, number)
    if not 1 <= to_number <= len(items):
        raise AgreementError(
            f"There is no ayat ({to_number}) to move to",
            code=AgreementCode.AYAT_MOVE_OUT_OF_RANGE,
            number=to_number,
        )
    items.remove(ayat)
    items.insert(to_number - 1, ayat)
    _renumber(items)
    touch(session, agreement, "clauses")


def delete_ayat(
    session: Session, agreement: models.Agreement, actor: Actor, clause_uuid: str, number: int
) -> None:
    """Remove ayat ``number``; later ayat renumber."""
    require_editable(agreement, actor)
    clause = clause_by_uuid(agreement, clause_uuid)
    ayat = _ayat(clause, number)
    clause.ayat.remove(ayat)
    _renumber(sorted(clause.ayat, key=lambda a: a.position))
    touch(session, agreement, "clauses")


def _ayat(clause: models.Clause, number: int) -> models.Ayat:
    for ayat in clause.ayat:
        if ayat.position == number - 1:
            return ayat
    raise AgreementError(
        f"Pasal {clause.number} has no ayat ({number})",
        code=AgreementCode.NO_SUCH_AYAT,
        pasal=clause.number,
        number=number,
    )


def numbering(agreement: models.Agreement) -> list[tuple[int, str, str]]:
    """``(number, uuid, heading)`` of every pasal in order, as the editor's list shows them."""
    return [(c.number, c.uuid, c.heading) for c in _ordered(agreement)]
