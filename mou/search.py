"""The agreement list: filters (status, counterpart, expiring soon) and full-text search.

Full text uses the index the migrations create: an FTS5 table on SQLite (kept in sync by triggers
on ``agreement_search``) and a GIN index over a stored ``tsvector`` column on PostgreSQL. Words typed by the user are matched as prefixes and all must occur. Only list columns
are selected, so opening the list never loads clauses or revisions.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Select, func, literal_column, select, text
from sqlalchemy.orm import Session

from mou import models
from mou.agreement import AgreementStatus

LIVE_STATES = (AgreementStatus.AGREED, AgreementStatus.SIGNING, AgreementStatus.SIGNED)
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class AgreementRow:
    """One line of the agreement list."""

    id: int
    uuid: str
    kind: str
    title: str
    status: AgreementStatus
    counterparts: str
    valid_until: dt.date | None
    updated_at: dt.datetime
    round: int | None


def _words(query: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(query)][:12]


def fts5_query(query: str) -> str:
    """A safe FTS5 MATCH expression: every word as a quoted prefix term, all required."""
    return " ".join('"' + w.replace('"', '""') + '"*' for w in _words(query))


def tsquery(query: str) -> str:
    """A safe PostgreSQL ``to_tsquery('simple', ...)`` string: prefix terms joined by AND."""
    return " & ".join(f"{w}:*" for w in _words(query))


def _base() -> Select:
    # No join here: joining revisions before ORDER BY/LIMIT made SQLite look up the revision of
    # every matching agreement (random reads in the largest table). Rounds are fetched afterwards
    # for the few rows shown.
    return select(
        models.Agreement.id,
        models.Agreement.uuid,
        models.Agreement.kind,
        models.Agreement.title,
        models.Agreement.status,
        models.Agreement.counterpart_names,
        models.Agreement.valid_until,
        models.Agreement.updated_at,
    )


def _rounds(session: Session, ids: list[int]) -> dict[int, int]:
    if not ids:
        return {}
    rows = session.execute(
        select(models.Agreement.id, models.Revision.round)
        .join(models.Revision, models.Revision.id == models.Agreement.current_revision_id)
        .where(models.Agreement.id.in_(ids))
    ).all()
    return {agreement_id: round_ for agreement_id, round_ in rows}


def _text_filter(session: Session, query: Select, words: str) -> Select:
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        match = fts5_query(words)
        if not match:
            return query
        # The unary "+" stops SQLite from driving the query by the (possibly 10,000) matching ids;
        # it walks the list order instead, tests each id against the matches and stops at LIMIT.
        return query.where(
            text(
                "+agreement.id IN (SELECT rowid FROM agreement_fts WHERE agreement_fts MATCH :match)"
            ).bindparams(match=match)
        )
    if dialect == "postgresql":
        ts = tsquery(words)
        if not ts:
            return query
        # EXISTS lets the planner walk the list order and stop after LIMIT rows when a word is
        # common, or start from the GIN index when it is rare.
        hit = (
            select(models.AgreementSearch.agreement_id)
            .where(
                models.AgreementSearch.agreement_id == models.Agreement.id,
                literal_column("agreement_search.tsv").op("@@")(
                    func.to_tsquery(literal_column("'simple'"), ts)
                ),
            )
            .exists()
        )
        return query.where(hit)
    # Other databases: a slow but correct fallback.
    found = select(models.AgreementSearch.agreement_id)
    for word in _words(words):
        found = found.where(
            (models.AgreementSearch.title + " " + models.AgreementSearch.body).ilike(f"%{word}%")
        )
    return query.where(models.Agreement.id.in_(found))


def list_agreements(
    session: Session,
    *,
    status: AgreementStatus | Iterable[AgreementStatus] | None = None,
    counterpart: str | None = None,
    expiring_within_days: int | None = None,
    text_query: str = "",
    today: dt.date | None = None,
    kind: str | None = None,
    limit: int = 200,
    offset: int = 0,
) -> list[AgreementRow]:
    """Agreements for the list, most recently changed first, with the given filters."""
    query = _base()
    if status is not None:
        states = [status] if isinstance(status, str) else list(status)
        query = query.where(models.Agreement.status.in_([AgreementStatus(s).value for s in states]))
    if counterpart:
        query = query.where(models.Agreement.counterpart_names.ilike(f"%{counterpart}%"))
    if kind:
        query = query.where(models.Agreement.kind == kind)
    if expiring_within_days is not None:
        day = today or dt.date.today()
        query = query.where(
            models.Agreement.status.in_([s.value for s in LIVE_STATES]),
            models.Agreement.valid_until >= day,
            models.Agreement.valid_until <= day + dt.timedelta(days=expiring_within_days),
        )
    if text_query.strip():
        query = _text_filter(session, query, text_query)
    query = query.order_by(models.Agreement.updated_at.desc(), models.Agreement.id.desc())
    rows = session.execute(query.limit(limit).offset(offset)).all()
    rounds = _rounds(session, [r[0] for r in rows])
    return [
        AgreementRow(
            r[0],
            r[1],
            r[2],
            r[3],
            AgreementStatus(r[4]),
            r[5],
            r[6],
            _aware(r[7]),
            rounds.get(r[0]),
        )
        for r in rows
    ]


def _aware(value: dt.datetime) -> dt.datetime:
    # Plain column selects bypass the ORM type on some paths; make sure the time is aware.
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def search_agreements(session: Session, query: str, *, limit: int = 50) -> list[AgreementRow]:
    """Full-text search over titles, parties, nomor, pasal, ayat, annex and obligations."""
    if not _words(query):
        return []
    return list_agreements(session, text_query=query, limit=limit)


def count_agreements(session: Session, *, status: AgreementStatus | None = None) -> int:
    """How many agreements (optionally in one state) this database holds."""
    query = select(func.count(models.Agreement.id))
    if status is not None:
        query = query.where(models.Agreement.status == AgreementStatus(status).value)
    return int(session.scalar(query) or 0)


def counterparts(session: Session) -> list[str]:
    """Counterpart offices that appear in agreements (for the filter box)."""
    names: set[str] = set()
    for value in session.scalars(select(models.Agreement.counterpart_names).distinct()):
        names.update(n.strip() for n in (value or "").split(";") if n.strip())
    return sorted(names)
