"""Agreement domain without Qt: numbering, hash chain, workflow guards, comments, obligations."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, text

from mou import audit, events, models
from mou.agreement import (
    AgreementError,
    AgreementKind,
    AgreementStatus,
    PartyInput,
    create_agreement,
)
from mou.clause import (
    add_ayat,
    add_clause,
    delete_ayat,
    delete_clause,
    move_ayat,
    move_clause,
    numbering,
    update_clause,
)
from mou.comment import add_comment, open_comments, resolve_comment, threads
from mou.obligation import PARA_PIHAK, Recurrence, add_obligation, due_between
from mou.office import counterpart_office
from mou.revision import (
    ChainError,
    ImmutableRevisionError,
    canonical_json,
    compute_hash,
    discard_changes,
    envelope_of,
    heads,
    is_dirty,
    save_revision,
    verify_chain,
)
from mou.workflow import WorkflowError, approve, expire_due, transition
from tests.mou.conftest import PALANGKARAYA, City

S = AgreementStatus


def _parties(s, city: City) -> list[PartyInput]:
    local = s.scalars(select(models.Office).where(models.Office.is_local)).one()
    pky = counterpart_office(s, uuid="c" * 32, level="kota", region="Palangka Raya",
                             head_name=PALANGKARAYA.head_name, head_title=PALANGKARAYA.head_title)  # fmt: skip
    return [PartyInput.of_office(local, "415.4/12-Huk"), PartyInput.of_office(pky, "119/23/Huk")]


def _draft(s, city: City) -> models.Agreement:
    a = create_agreement(s, city.drafter, kind=AgreementKind.KESEPAKATAN_BERSAMA,
                         title="Kerja Sama Kota Cerdas", parties=_parties(s, city), place="Jambi",
                         agreement_date=dt.date(2016, 7, 27))  # fmt: skip
    return a


def test_numbering_renumbers_on_insert_move_delete(bandung: City) -> None:
    with bandung.db.session() as s:
        a = _draft(s, bandung)
        c1 = add_clause(s, a, bandung.drafter, heading="A")
        c2 = add_clause(s, a, bandung.drafter, heading="B")
        c3 = add_clause(s, a, bandung.drafter, heading="C")
        x = add_clause(s, a, bandung.drafter, heading="X", number=2)
        assert [(n, h) for n, _, h in numbering(a)] == [(1, "A"), (2, "X"), (3, "B"), (4, "C")]
        move_clause(s, a, bandung.drafter, c3.uuid, 1)
        assert [h for _, _, h in numbering(a)] == ["C", "A", "X", "B"]
        delete_clause(s, a, bandung.drafter, x.uuid)
        assert [(n, h) for n, _, h in numbering(a)] == [(1, "C"), (2, "A"), (3, "B")]
        assert (c1.number, c2.number, c3.number) == (2, 3, 1)
        with pytest.raises(AgreementError, match="no Pasal 9"):
            move_clause(s, a, bandung.drafter, c1.uuid, 9)
        add_ayat(s, a, bandung.drafter, c1.uuid, "satu")
        add_ayat(s, a, bandung.drafter, c1.uuid, "dua")
        add_ayat(s, a, bandung.drafter, c1.uuid, "nol", number=1)
        assert [(y.number, y.text) for y in sorted(c1.ayat, key=lambda y: y.position)] == [
            (1, "nol"),
            (2, "satu"),
            (3, "dua"),
        ]
        move_ayat(s, a, bandung.drafter, c1.uuid, 1, 3)
        delete_ayat(s, a, bandung.drafter, c1.uuid, 1)
        assert [(y.number, y.text) for y in sorted(c1.ayat, key=lambda y: y.position)] == [
            (1, "dua"),
            (2, "nol"),
        ]
    # Numbering survives a reload from the database.
    with bandung.db.session() as s:
        a = s.scalars(select(models.Agreement)).one()
        assert [(n, h) for n, _, h in numbering(a)] == [(1, "C"), (2, "A"), (3, "B")]


def test_delete_clause_whose_ayat_were_never_loaded(bandung: City) -> None:
    # Regression: deleting a pasal in a fresh session (its ayat not loaded yet, as in the editor)
    # failed with "Failed to add object to the flush context".
    with bandung.db.session() as s:
        a = _draft(s, bandung)
        gone = add_clause(s, a, bandung.drafter, heading="A", ayat=[("satu", ""), ("dua", "")])
        kept = add_clause(s, a, bandung.drafter, heading="B", ayat=[("tiga", "")])
        gone_uuid, kept_uuid = gone.uuid, kept.uuid
    with bandung.db.session() as s:
        a = s.scalars(select(models.Agreement)).one()
        delete_clause(s, a, bandung.drafter, gone_uuid)
    with bandung.db.session() as s:
        a = s.scalars(select(models.Agreement)).one()
        assert numbering(a) == [(1, kept_uuid, "B")]
        assert [y.text for y in s.scalars(select(models.Ayat))] == ["tiga"]
        delete_ayat(s, a, bandung.drafter, kept_uuid, 1)
    with bandung.db.session() as s:
        assert s.scalars(select(models.Ayat)).all() == []


def test_viewer_cannot_edit(bandung: City) -> None:
    with bandung.db.session() as s:
        a = _draft(s, bandung)
        with pytest.raises(AgreementError, match="viewer"):
            add_clause(s, a, bandung.viewer, heading="A")


def test_hash_chain(bandung: City) -> None:
    with bandung.db.session() as s:
        a = _draft(s, bandung)
        c = add_clause(s, a, bandung.drafter, heading="MAKSUD", body="Maksud ini.")
        r1 = save_revision(s, a, bandung.drafter, "round 1")
        assert r1.round == 1 and r1.parent_hash is None and not is_dirty(a)
        assert save_revision(s, a, bandung.drafter) is r1, "an unchanged text makes no new round"
        update_clause(s, a, bandung.drafter, c.uuid, body="Maksud yang diubah.")
        assert is_dirty(a)
        r2 = save_revision(s, a, bandung.drafter, "round 2")
        assert r2.round == 2 and r2.parent_hash == r1.hash and r2.hash != r1.hash
        assert compute_hash(envelope_of(r2, a.uuid)) == r2.hash
        verify_chain(s, a)
        assert [h.hash for h in heads(s, a.id)] == [r2.hash]
        update_clause(s, a, bandung.drafter, c.uuid, body="Suntingan yang dibuang.")
        discard_changes(s, a, bandung.drafter)
        assert not is_dirty(a) and a.clauses[0].body == "Maksud yang diubah."
        agreement_id = a.id
    # The ORM refuses to change a saved revision at all.
    with bandung.db.session() as s:
        r1 = s.scalars(select(models.Revision).where(models.Revision.round == 1)).one()
        r1.content_json = r1.content_json.replace("Maksud ini.", "Maksud palsu.")
        with pytest.raises(ImmutableRevisionError, match="Round 1 is saved"):
            s.flush()
        s.rollback()
    # Tampering behind Lintas's back (editing the database file) breaks the chain check.
    with bandung.db.engine.begin() as conn:
        conn.execute(
            text(
                "UPDATE revision SET content_json = replace(content_json, 'Maksud ini.', 'Palsu.')"
            )
        )
    with bandung.db.session() as s, pytest.raises(ChainError, match="Round 1 does not match"):
        verify_chain(s, s.get(models.Agreement, agreement_id))


def test_canonical_json_is_stable() -> None:
    a = canonical_json({"b": "e\u0301", "a": [1, None, True], "d": dt.date(2016, 7, 27)})
    b = canonical_json({"d": dt.date(2016, 7, 27), "a": [1, None, True], "b": "\u00e9"})
    assert a == b == '{"a":[1,null,true],"b":"é","d":"2016-07-27"}'.encode()


def test_workflow_guards_and_audit(bandung: City) -> None:
    seen: list[events.DomainEvent] = []
    unsubscribe = events.subscribe(seen.append)
    try:
        with bandung.db.session() as s:
            a = _draft(s, bandung)
            with pytest.raises(WorkflowError) as info:
                transition(s, a, bandung.drafter, S.INTERNAL_REVIEW)
            assert "no pasal" in str(info.value) and "not saved" in str(info.value)
            c = add_clause(s, a, bandung.drafter, heading="MAKSUD", body="Maksud.")
            save_revision(s, a, bandung.drafter)
            with pytest.raises(WorkflowError, match="this step needs a drafter"):
                transition(s, a, bandung.reviewer, S.INTERNAL_REVIEW)
            transition(s, a, bandung.drafter, S.INTERNAL_REVIEW)
            comment = add_comment(s, a, bandung.reviewer, "Perjelas maksud.", clause_uuid=c.uuid)
            with pytest.raises(WorkflowError, match="1 comment"):
                transition(s, a, bandung.reviewer, S.NEGOTIATION)
            reply = add_comment(s, a, bandung.drafter, "Sudah.", reply_to=comment)
            assert threads(s, a.id)[0] == (comment, [reply])
            resolve_comment(s, a, bandung.reviewer, reply)
            assert open_comments(s, a.id) == []
            transition(s, a, bandung.reviewer, S.NEGOTIATION)
            with pytest.raises(WorkflowError, match="approval needs a reviewer or signatory"):
                approve(s, a, bandung.drafter)
            approve(s, a, bandung.signatory)
            with pytest.raises(WorkflowError) as info:
                transition(s, a, bandung.signatory, S.AGREED)
            assert "Not yet approved by Pemerintah Kota Palangka Raya" in str(info.value)
            with pytest.raises(WorkflowError, match="cannot go from negotiation to signed"):
                transition(s, a, bandung.signatory, S.SIGNED)
            with pytest.raises(WorkflowError, match="reason"):
                transition(s, a, bandung.signatory, S.TERMINATED)
            actions = [e.action for e in audit.history(s, a.id)]
            assert actions.count("state_changed") == 2
            assert "approved" in actions and "comment_resolved" in actions
    finally:
        unsubscribe()
    kinds = {type(e).__name__ for e in seen}
    assert {
        "AgreementCreated",
        "StateChanged",
        "RevisionSaved",
        "CommentAdded",
        "ApprovalRecorded",
    } <= kinds


def test_events_not_delivered_on_rollback(bandung: City) -> None:
    seen: list[events.DomainEvent] = []
    unsubscribe = events.subscribe(seen.append)
    try:
        with pytest.raises(RuntimeError), bandung.db.session() as s:
            _draft(s, bandung)
            raise RuntimeError("crash before commit")
    finally:
        unsubscribe()
    assert seen == []


def test_obligations_due(bandung: City) -> None:
    with bandung.db.session() as s:
        a = _draft(s, bandung)
        add_obligation(
            s,
            a,
            bandung.drafter,
            what="Kunjungan studi 10 hari",
            party=2,
            due_date=dt.date(2016, 9, 1),
        )
        add_obligation(s, a, bandung.drafter, what="Pelatihan UMKM", party=1,
                       due_date=dt.date(2016, 8, 15), recurrence=Recurrence.MONTHLY)  # fmt: skip
        with pytest.raises(AgreementError, match="no party number 3"):
            add_obligation(s, a, bandung.drafter, what="x", party=3)
        add_obligation(s, a, bandung.drafter, what="Evaluasi bersama", party=PARA_PIHAK,
                       due_date=dt.date(2016, 12, 20))  # fmt: skip
        a.status = S.SIGNED.value
        s.flush()
        due = due_between(s, dt.date(2016, 8, 1), dt.date(2016, 9, 30))
        assert [(d.what, d.due) for d in due] == [
            ("Pelatihan UMKM", dt.date(2016, 8, 15)),
            ("Kunjungan studi 10 hari", dt.date(2016, 9, 1)),
            ("Pelatihan UMKM", dt.date(2016, 9, 15)),
        ]
        assert due[1].party_name == "Pemerintah Kota Palangka Raya"


def test_pks_needs_named_kb(bandung: City) -> None:
    with bandung.db.session() as s:
        with pytest.raises(AgreementError, match="must name the Kesepakatan Bersama"):
            create_agreement(s, bandung.drafter, kind=AgreementKind.PERJANJIAN_KERJA_SAMA,
                             title="Hibah", parties=_parties(s, bandung))  # fmt: skip
        kb = _draft(s, bandung)
        pks = create_agreement(s, bandung.drafter, kind=AgreementKind.PERJANJIAN_KERJA_SAMA,
                               title="Hibah", parties=_parties(s, bandung), implements=kb)  # fmt: skip
        assert pks.implements is kb and pks.implements_title == kb.title


def test_expiry_and_termination(bandung: City) -> None:
    with bandung.db.session() as s:
        a = _draft(s, bandung)
        a.valid_until = dt.date(2021, 7, 26)
        a.status = S.SIGNED.value
        b = _draft(s, bandung)
        b.valid_until = dt.date(2030, 1, 1)
        b.status = S.SIGNED.value
        s.flush()
        with pytest.raises(WorkflowError, match="has not ended yet"):
            transition(s, b, bandung.signatory, S.EXPIRED, today=dt.date(2026, 11, 22))
        expired = expire_due(s, bandung.signatory, dt.date(2026, 11, 22))
        assert [x.id for x in expired] == [a.id] and a.status == S.EXPIRED
        with pytest.raises(WorkflowError, match="needs a signatory"):
            transition(s, b, bandung.drafter, S.TERMINATED, reason="Tidak dilanjutkan")
        transition(s, b, bandung.signatory, S.TERMINATED, reason="Tidak dilanjutkan")
        assert b.status == S.TERMINATED and b.terminated_reason == "Tidak dilanjutkan"
        with pytest.raises(AgreementError, match="closed"):
            add_comment(s, b, bandung.reviewer, "Terlambat")
        last = audit.history(s, b.id)[-1]
        assert (last.from_state, last.to_state, last.detail["reason"]) == (
            "signed",
            "terminated",
            "Tidak dilanjutkan",
        )
