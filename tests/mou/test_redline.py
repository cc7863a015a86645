"""Redline: word-level diff, per-pasal status and attribution of each change to its round."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from mou import models
from mou.agreement import AgreementKind, PartyInput, create_agreement
from mou.catalog import load_sample_catalog, search_catalog, set_annex
from mou.clause import add_clause, delete_clause, move_clause, update_clause
from mou.office import Actor, counterpart_office, local_office
from mou.redline import compare, rounds, word_diff
from mou.revision import save_revision
from tests.mou.conftest import City


def test_word_diff_reassembles_both_sides() -> None:
    old, new = "PARA PIHAK sepakat bekerja sama.", "PARA PIHAK dengan ini sepakat bekerja bersama."
    ops = word_diff(old, new)
    assert "".join(o.text for o in ops if o.kind != "insert") == old
    assert "".join(o.text for o in ops if o.kind != "delete") == new
    assert ("insert", " dengan ini") in [(o.kind, o.text) for o in ops]


def test_redline_attributes_rounds_to_offices(bandung: City) -> None:
    with bandung.db.session() as s:
        pky = counterpart_office(s, uuid="p" * 32, level="kota", region="Palangka Raya")
        a = create_agreement(s, bandung.drafter, kind=AgreementKind.KESEPAKATAN_BERSAMA, title="KB",
                             parties=[PartyInput.of_office(local_office(s)), PartyInput.of_office(pky)],
                             agreement_date=dt.date(2016, 7, 27))  # fmt: skip
        c1 = add_clause(s, a, bandung.drafter, heading="MAKSUD", body="Maksud awal.")
        c2 = add_clause(s, a, bandung.drafter, heading="BIAYA", body="Biaya APBD.")
        c3 = add_clause(s, a, bandung.drafter, heading="LAIN", body="Lain-lain.")
        r1 = save_revision(s, a, bandung.drafter, "round 1")
        # Round 2 "by Palangka Raya" (an actor of that office editing, as after an import).
        them = Actor("Staf PKY", bandung.drafter.role, pky.uuid, pky.display_name)
        update_clause(s, a, them, c1.uuid, body="Maksud yang disempurnakan.")
        delete_clause(s, a, them, c3.uuid)
        save_revision(s, a, them, "round 2")
        load_sample_catalog(s)
        set_annex(s, a, bandung.drafter, search_catalog(s, text="sampah")[:2])
        update_clause(s, a, bandung.drafter, c2.uuid, body="Biaya APBD masing-masing.")
        move_clause(s, a, bandung.drafter, c2.uuid, 1)
        r3 = save_revision(s, a, bandung.drafter, "round 3")
        red = compare(s, r1, r3)
        by_heading = {c.heading: c for c in red.clauses}
        assert by_heading["MAKSUD"].status == "changed"
        assert [(r.round, r.office) for r in by_heading["MAKSUD"].rounds] == [
            (2, "Pemerintah Kota Palangka Raya")
        ]
        assert by_heading["LAIN"].status == "removed" and by_heading["LAIN"].new_number is None
        assert by_heading["BIAYA"].status == "changed"
        assert (by_heading["BIAYA"].old_number, by_heading["BIAYA"].new_number) == (2, 1)
        assert [(r.round, r.office) for r in by_heading["BIAYA"].rounds] == [
            (3, "Pemerintah Kota Bandung")
        ]
        assert len(red.annex_added) == 2 and red.annex_removed == []
        per_round = rounds(s, a.id)
        assert [(r.old.round, r.new.round) for r in per_round] == [(1, 2), (2, 3)]
        assert {c.heading for c in per_round[0].changed_clauses} == {"MAKSUD", "LAIN"}
        assert s.scalar(select(models.Revision.round).order_by(models.Revision.round.desc())) == 3


def test_replaced_phrase_reads_as_one_deletion_and_one_insertion() -> None:
    import random

    old = "dibebankan pada Anggaran Daerah masing-masing PIHAK dan sumber lain"
    new = "dibebankan pada Anggaran Daerah Kota Palangka Raya sepenuhnya dan sumber lain"
    ops = [(o.kind, o.text) for o in word_diff(old, new)]
    assert ("delete", "masing-masing PIHAK") in ops
    assert ("insert", "Kota Palangka Raya sepenuhnya") in ops
    # Both sides still rebuild exactly, whatever the edit.
    rng = random.Random(11)
    words = ["PARA", "PIHAK", "sepakat", "bekerja", "sama", "dan", "kota", "\n", "5", "(lima)"]
    for _ in range(300):
        a = " ".join(rng.choice(words) for _ in range(rng.randint(0, 12)))
        b = " ".join(rng.choice(words) for _ in range(rng.randint(0, 12)))
        result = word_diff(a, b)
        assert "".join(o.text for o in result if o.kind != "insert") == a
        assert "".join(o.text for o in result if o.kind != "delete") == b
