"""History that tells the truth across two offices: merge attribution, approvals, "received".

Bandung and Pekanbaru each keep their own SQLite file and trust each other's office card; every
step travels as a real signed package.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from mou import audit, models
from mou.clause import update_clause
from mou.db import open_database, sqlite_url
from mou.exchange import (
    export_package,
    import_package,
    office_card,
    reconcile,
    trust_office_card,
)
from mou.office import GovernmentLevel, OfficeProfile
from mou.redline import as_text, compare, rounds
from mou.revision import heads, save_revision
from mou.signing.identity import OfficeIdentity
from mou.workflow import approve
from tests.mou.conftest import BANDUNG, City, draft_in_bandung, identity_for, make_city

PEKANBARU = OfficeProfile(
    level=GovernmentLevel.KOTA,
    region="Pekanbaru",
    unit="Bagian Kerja Sama",
    head_name="Agung Nugroho",
    head_title="Wali Kota Pekanbaru",
)
BANDUNG_NAME, PEKANBARU_NAME = "Pemerintah Kota Bandung", "Pemerintah Kota Pekanbaru"


@pytest.fixture
def offices(tmp_path: Path) -> Iterator[tuple[City, OfficeIdentity, City, OfficeIdentity]]:
    db_a = open_database(sqlite_url(tmp_path / "bandung.sqlite3"), backup_dir=tmp_path / "ba")
    db_b = open_database(sqlite_url(tmp_path / "pekanbaru.sqlite3"), backup_dir=tmp_path / "bb")
    a, b = make_city(db_a, BANDUNG), make_city(db_b, PEKANBARU)
    id_a, id_b = identity_for(tmp_path, BANDUNG_NAME), identity_for(tmp_path, PEKANBARU_NAME)
    with db_a.session() as s:
        card_a = office_card(s, id_a)
    with db_b.session() as s:
        card_b = office_card(s, id_b)
        trust_office_card(s, card_a, b.signatory)
    with db_a.session() as s:
        trust_office_card(s, card_b, a.signatory)
    yield a, id_a, b, id_b
    db_a.dispose()
    db_b.dispose()


def _agreement(s, uuid: str) -> models.Agreement:
    return s.scalars(select(models.Agreement).where(models.Agreement.uuid == uuid)).one()


def _export(city: City, identity: OfficeIdentity, uuid: str) -> bytes:
    with city.db.session() as s:
        return export_package(s, _agreement(s, uuid), identity, city.drafter)


def _round_one(s, agreement: models.Agreement) -> models.Revision:
    return s.scalars(
        select(models.Revision).where(
            models.Revision.agreement_id == agreement.id, models.Revision.round == 1
        )
    ).one()


def _edit(city: City, uuid: str, heading: str, body: str, message: str) -> None:
    with city.db.session() as s:
        agreement = _agreement(s, uuid)
        clause = next(c for c in agreement.clauses if c.heading == heading)
        update_clause(s, agreement, city.drafter, clause.uuid, body=body)
        save_revision(s, agreement, city.drafter, message)


def test_merge_keeps_each_change_with_the_office_and_round_that_made_it(offices) -> None:
    a, id_a, b, id_b = offices
    with a.db.session() as s:
        uuid = s.get(models.Agreement, draft_in_bandung(a)).uuid
    with b.db.session() as s:
        import_package(s, _export(a, id_a, uuid), b.drafter)

    # Both edit round 1 at the same time: Pekanbaru the funding, Bandung the disputes pasal.
    _edit(b, uuid, "PEMBIAYAAN", "Biaya ditanggung APBD Kota Pekanbaru.", "Usulan Pekanbaru")
    _edit(a, uuid, "PENYELESAIAN PERSELISIHAN", "Musyawarah untuk mufakat.", "Usulan Bandung")
    with a.db.session() as s:
        result = import_package(s, _export(b, id_b, uuid), a.drafter)
        assert result.diverged
        agreement = result.agreement
        other = next(h for h in heads(s, agreement.id) if h.hash != agreement.current_revision.hash)
        assert (other.round, other.author_office_name) == (2, PEKANBARU_NAME)
        merged, conflicts = reconcile(s, agreement, a.drafter, other)
        assert conflicts == [] and merged.round == 3 and merged.author_office_name == BANDUNG_NAME
        first = _round_one(s, agreement)

        red = compare(s, first, merged)
        who = {c.heading: [(r.round, r.office) for r in c.rounds] for c in red.changed_clauses}
        assert who["PEMBIAYAAN"] == [(2, PEKANBARU_NAME)], as_text(red)
        assert who["PENYELESAIAN PERSELISIHAN"] == [(2, BANDUNG_NAME)], as_text(red)
        assert "round 2 by Pemerintah Kota Pekanbaru" in as_text(red)
        assert "round 3 by" not in as_text(red), "the merge round made no change of its own"

        # The round-by-round view: the merge step brings Pekanbaru's change, still credited to it.
        step = next(r for r in rounds(s, agreement.id) if r.new.round == 3)
        funding = next(c for c in step.changed_clauses if c.heading == "PEMBIAYAAN")
        assert [(r.round, r.office) for r in funding.rounds] == [(2, PEKANBARU_NAME)]


def test_conflict_kept_and_later_rounds_stay_with_their_office(offices) -> None:
    """A conflict kept as ours is our earlier round's change; later rounds are credited too."""
    a, id_a, b, id_b = offices
    with a.db.session() as s:
        uuid = s.get(models.Agreement, draft_in_bandung(a)).uuid
    with b.db.session() as s:
        import_package(s, _export(a, id_a, uuid), b.drafter)
    _edit(b, uuid, "PERUBAHAN", "Perubahan versi Pekanbaru.", "Pekanbaru")
    _edit(a, uuid, "PERUBAHAN", "Perubahan versi Bandung.", "Bandung")
    with a.db.session() as s:
        agreement = import_package(s, _export(b, id_b, uuid), a.drafter).agreement
        other = next(h for h in heads(s, agreement.id) if h.hash != agreement.current_revision.hash)
        merged, conflicts = reconcile(s, agreement, a.drafter, other)
        assert [c.label for c in conflicts] == ["PERUBAHAN"]
        # Kept Bandung's text: unchanged against Bandung's parent, so only Bandung's round 2.
        change = next(c for c in compare(s, _round_one(s, agreement), merged).changed_clauses)
        assert [(r.round, r.office) for r in change.rounds] == [(2, BANDUNG_NAME)]
        other_id = other.id
    # A third text written after the merge: that round (Bandung, 4) owns it.
    _edit(a, uuid, "PERUBAHAN", "Perubahan disepakati bersama.", "Kompromi")
    with a.db.session() as s:
        latest = _agreement(s, uuid).current_revision
        theirs = s.get(models.Revision, other_id)
        change = next(
            c for c in compare(s, theirs, latest).changed_clauses if c.heading == "PERUBAHAN"
        )
        assert [(r.round, r.office) for r in change.rounds] == [
            (2, BANDUNG_NAME),
            (4, BANDUNG_NAME),
        ]


def test_receiving_trail_starts_with_received_and_approval_has_its_own_entry(offices) -> None:
    a, id_a, b, id_b = offices
    with a.db.session() as s:
        uuid = s.get(models.Agreement, draft_in_bandung(a)).uuid
    with b.db.session() as s:
        agreement = import_package(s, _export(a, id_a, uuid), b.drafter).agreement
        trail = audit.history(s, agreement.id)
        assert trail[0].action == "received", [e.action for e in trail]
        assert "created" not in [e.action for e in trail]
        assert trail[0].detail["sender"] == BANDUNG_NAME
        assert trail[0].office_name == PEKANBARU_NAME  # the receiving office recorded it
        approve(s, agreement, b.signatory)
        approved_hash = agreement.current_revision.hash
    # Bandung receives Pekanbaru's approval: an entry of its own, in the approver's name.
    with a.db.session() as s:
        agreement = import_package(s, _export(b, id_b, uuid), a.drafter).agreement
        received = [e for e in audit.history(s, agreement.id) if e.action == "approval_received"]
        assert len(received) == 1
        entry = received[0]
        assert entry.office_name == PEKANBARU_NAME and entry.actor_name == "Signatory Pekanbaru"
        assert entry.actor_role == "signatory"
        assert entry.detail["hash"] == approved_hash and entry.detail["round"] == 1
        assert entry.detail["received_by"] == "Drafter Bandung"
        count = len(audit.history(s, agreement.id))
    # A replay of the same package adds nothing, not even a second approval entry.
    with a.db.session() as s:
        result = import_package(s, _export(b, id_b, uuid), a.drafter)
        assert result.nothing_new and len(audit.history(s, result.agreement.id)) == count
