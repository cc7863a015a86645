"""The text is locked in the domain while a revision is in internal review (issue 11).

The editor already greys the text out in review; these tests show the core refuses every kind of
local edit on a real SQLite file too, with the coded refusal the UI translates, that the lock ends
with "Return to the drafter" or "Release for negotiation", and that rounds imported from the
counterpart are still taken in (they are the other office's text, not a local edit).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from mou import models
from mou.agreement import (
    AgreementCode,
    AgreementError,
    AgreementStatus,
    update_details,
    update_party,
)
from mou.catalog import remove_annex_items, set_annex
from mou.clause import (
    add_ayat,
    add_clause,
    delete_ayat,
    delete_clause,
    move_ayat,
    move_clause,
    update_ayat,
    update_clause,
)
from mou.exchange import export_package, import_package
from mou.live_review import SUGGEST, LiveReviewSession, database_applier
from mou.obligation import add_obligation, remove_obligation
from mou.revision import is_dirty, save_revision
from mou.workflow import transition
from mou.working_copy import ANNEX, CLAUSES, parts, restore
from tests.mou.conftest import City, draft_in_bandung

S = AgreementStatus
Edit = Callable[[Any, models.Agreement], object]


def _edits(city: City) -> dict[str, Edit]:
    """One local edit of each kind, done by the drafter, on the agreement ``ag``."""
    d = city.drafter

    def first(ag: models.Agreement) -> models.Clause:
        return min(ag.clauses, key=lambda c: c.position)

    def with_ayat(ag: models.Agreement) -> models.Clause:
        return next(c for c in sorted(ag.clauses, key=lambda c: c.position) if len(c.ayat) >= 2)

    return {
        "details": lambda s, ag: update_details(s, ag, d, place="Bandung"),
        "party": lambda s, ag: update_party(s, ag, d, 2, nomor="119/99/KS"),
        "add pasal": lambda s, ag: add_clause(s, ag, d, heading="TAMBAHAN", body="Baru."),
        "update pasal": lambda s, ag: update_clause(s, ag, d, first(ag).uuid, body="Diubah."),
        "move pasal": lambda s, ag: move_clause(s, ag, d, first(ag).uuid, 2),
        "delete pasal": lambda s, ag: delete_clause(s, ag, d, first(ag).uuid),
        "add ayat": lambda s, ag: add_ayat(s, ag, d, first(ag).uuid, "Ayat baru."),
        "update ayat": lambda s, ag: update_ayat(s, ag, d, with_ayat(ag).uuid, 1, text="Ubah."),
        "move ayat": lambda s, ag: move_ayat(s, ag, d, with_ayat(ag).uuid, 1, 2),
        "delete ayat": lambda s, ag: delete_ayat(s, ag, d, with_ayat(ag).uuid, 1),
        "remove from lampiran": lambda s, ag: remove_annex_items(
            s, ag, d, [ag.annex_items[0].app_uuid]
        ),
        "set lampiran": lambda s, ag: set_annex(s, ag, d, []),
        "obligation": lambda s, ag: add_obligation(
            s, ag, d, what="Rapat evaluasi", party=1, due_date=dt.date(2017, 1, 5)
        ),
        "remove obligation": lambda s, ag: remove_obligation(s, ag, d, ag.obligations[0].uuid),
        "undo": lambda s, ag: restore(
            s, ag, d, clauses=parts(ag)[CLAUSES][1:], annex=parts(ag)[ANNEX][:1]
        ),
    }


def _in_review(city: City) -> int:
    """Bandung's sample agreement (saved, with pasal, ayat, Lampiran, obligations), in review."""
    agreement_id = draft_in_bandung(city)
    with city.db.session() as s:
        transition(s, s.get(models.Agreement, agreement_id), city.reviewer, S.INTERNAL_REVIEW)
    return agreement_id


def test_every_local_edit_is_refused_in_review_with_the_code(cities) -> None:
    bandung = cities[0]
    agreement_id = _in_review(bandung)
    with bandung.db.session() as s:
        before = parts(s.get(models.Agreement, agreement_id))
    for name, edit in _edits(bandung).items():
        with bandung.db.session() as s:
            ag = s.get(models.Agreement, agreement_id)
            with pytest.raises(AgreementError) as info:
                edit(s, ag)
            assert info.value.message.code == AgreementCode.LOCKED_IN_REVIEW, name
    # The reviewer is refused as well: they approve exactly the text that was submitted.
    with bandung.db.session() as s:
        ag = s.get(models.Agreement, agreement_id)
        with pytest.raises(AgreementError) as info:
            update_clause(s, ag, bandung.reviewer, ag.clauses[0].uuid, body="Oleh peninjau.")
        assert info.value.message.code == AgreementCode.LOCKED_IN_REVIEW
    with bandung.db.session() as s:
        ag = s.get(models.Agreement, agreement_id)
        assert ag.status == S.INTERNAL_REVIEW
        assert parts(ag) == before and not is_dirty(ag)


@pytest.mark.parametrize("unlock", [S.DRAFT, S.NEGOTIATION])
def test_edits_allowed_again_after_return_or_release(cities, unlock: S) -> None:
    bandung = cities[0]
    agreement_id = _in_review(bandung)
    with bandung.db.session() as s:
        transition(s, s.get(models.Agreement, agreement_id), bandung.reviewer, unlock)
    for edit in _edits(bandung).values():
        with bandung.db.session() as s:
            ag = s.get(models.Agreement, agreement_id)
            edit(s, ag)  # raises if still locked
    with bandung.db.session() as s:
        ag = s.get(models.Agreement, agreement_id)
        assert ag.status == unlock and ag.place == "Bandung" and is_dirty(ag)
        assert not ag.annex_items  # "set lampiran" emptied it
        save_revision(s, ag, bandung.drafter, "Setelah tinjauan")


def test_live_review_suggestion_is_not_applied_in_review(cities) -> None:
    a, id_a, b, _ = cities
    agreement_id = draft_in_bandung(a)
    with a.db.session() as s:
        ag = s.get(models.Agreement, agreement_id)
        uuid, package = ag.uuid, export_package(s, ag, id_a, a.drafter)
    with b.db.session() as s:
        import_package(s, package, b.drafter)
    with a.db.session() as s:
        ag = s.get(models.Agreement, agreement_id)
        transition(s, ag, a.reviewer, S.INTERNAL_REVIEW)
        clause = min(ag.clauses, key=lambda c: c.position)
        clause_uuid, body = clause.uuid, clause.body

    sent_to_b: list[tuple[str, dict[str, Any]]] = []

    def to_b(kind: str, payload: dict[str, Any]) -> None:
        sent_to_b.append((kind, json.loads(json.dumps(payload))))

    side_a = LiveReviewSession(
        uuid, "Pemerintah Kota Bandung", to_b, apply=database_applier(a.db, uuid, a.drafter)
    )
    side_a.handle_message(
        SUGGEST,
        {"agreement": uuid, "id": "s1", "clause": clause_uuid, "field": "body", "old": body,
         "new": "Teks usulan Palangka Raya."},
        "Pemerintah Kota Palangka Raya",
    )  # fmt: skip
    decided = side_a.accept("s1")
    assert decided.status == "failed"
    assert decided.reason_message is not None
    assert decided.reason_message.code == AgreementCode.LOCKED_IN_REVIEW
    # The proposer is told, with the code its own UI translates.
    assert sent_to_b[-1][1]["accepted"] is False
    assert sent_to_b[-1][1]["reason_code"] == AgreementCode.LOCKED_IN_REVIEW.value
    with a.db.session() as s:
        ag = s.get(models.Agreement, agreement_id)
        assert next(c for c in ag.clauses if c.uuid == clause_uuid).body == body


def test_counterpart_rounds_are_imported_while_in_review(cities) -> None:
    a, id_a, b, id_b = cities
    agreement_id = draft_in_bandung(a)
    with a.db.session() as s:
        ag = s.get(models.Agreement, agreement_id)
        uuid, package = ag.uuid, export_package(s, ag, id_a, a.drafter)
    with b.db.session() as s:
        ag_b = import_package(s, package, b.drafter).agreement
        update_party(s, ag_b, b.drafter, 2, nomor="119/45/KS/2016")
        save_revision(s, ag_b, b.drafter, "Nomor Palangka Raya")
        reply = export_package(s, ag_b, id_b, b.drafter)
    with a.db.session() as s:
        transition(s, s.get(models.Agreement, agreement_id), a.drafter, S.INTERNAL_REVIEW)
    with a.db.session() as s:
        result = import_package(s, reply, a.drafter)
        assert result.new_revisions == 1 and result.fast_forwarded and not result.diverged
        ag = s.scalars(select(models.Agreement).where(models.Agreement.uuid == uuid)).one()
        assert ag.status == S.INTERNAL_REVIEW
        assert next(p for p in ag.parties if p.position == 2).nomor == "119/45/KS/2016"
        # Still locked for local edits after the import.
        with pytest.raises(AgreementError) as info:
            update_party(s, ag, a.drafter, 2, nomor="lain")
        assert info.value.message.code == AgreementCode.LOCKED_IN_REVIEW
