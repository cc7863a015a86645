"""Exchange between two cities, each with its own database: packages, trust, branches, redline.

The TWO-DATABASE test follows issue 4: Bandung drafts from the template with an annex of picked
apps and obligations and exports; Palangka Raya imports into its own SQLite file, edits and sends
back; Bandung sees the redline per round; both approve the same revision hash; the state is Agreed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from mou import models
from mou.agreement import AgreementStatus
from mou.catalog import search_catalog, set_annex
from mou.clause import add_clause, clause_by_uuid, update_clause
from mou.comment import add_comment, open_comments, resolve_comment
from mou.exchange import (
    PackageError,
    TamperedPackageError,
    UntrustedPackageError,
    build_payload,
    export_package,
    import_package,
    reconcile,
    reconcile_preview,
    revoke_trust,
)
from mou.exchange.key import as_exchange_key
from mou.obligation import add_obligation
from mou.redline import as_text, compare, rounds
from mou.revision import canonical_json, heads, is_dirty, save_revision, verify_chain
from mou.signing.identity import OfficeIdentity
from mou.workflow import WorkflowError, approve, transition
from tests.exchange_tamper import keep_signature, payload_of, signed
from tests.mou.conftest import City, draft_in_bandung, identity_for

S = AgreementStatus


def _export(city: City, identity: OfficeIdentity, agreement_uuid: str) -> bytes:
    with city.db.session() as s:
        agreement = s.scalars(
            select(models.Agreement).where(models.Agreement.uuid == agreement_uuid)
        ).one()
        return export_package(s, agreement, identity, city.drafter)


def test_two_databases_from_template_to_agreed(cities, tmp_path: Path) -> None:
    a, id_a, b, id_b = cities
    agreement_id = draft_in_bandung(a)
    with a.db.session() as s:
        uuid = s.get(models.Agreement, agreement_id).uuid
    package = tmp_path / "kb-bandung-1.lintas"
    package.write_bytes(_export(a, id_a, uuid))

    # Palangka Raya imports into its own file, fills in its nomor, edits a pasal, comments.
    with b.db.session() as s:
        result = import_package(s, package.read_bytes(), b.drafter)
        assert result.created and result.new_revisions == 1 and not result.diverged
        ag = result.agreement
        assert ag.status == S.NEGOTIATION and [i.name for i in ag.annex_items]
        assert (
            len(ag.obligations) == 3
            and ag.title == "Kerja Sama Pengembangan Kota Cerdas (Smart City)"
        )
        from mou.agreement import update_party

        update_party(s, ag, b.drafter, 2, nomor="119/45/KS/2016")
        scope = next(c for c in ag.clauses if c.heading == "OBJEK DAN RUANG LINGKUP")
        update_clause(s, ag, b.drafter, scope.uuid,
                      body="Ruang lingkup Kesepakatan Bersama ini meliputi bidang berikut:")  # fmt: skip
        add_clause(s, ag, b.drafter, heading="PERTUKARAN PENGETAHUAN",
                   body="PIHAK KEDUA berbagi pengetahuan konservasi hutan dan wisata sungai.", number=4)  # fmt: skip
        note = add_comment(
            s, ag, b.reviewer, "Mohon jadwal kunjungan studi dikonfirmasi.", clause_uuid=scope.uuid
        )
        save_revision(s, ag, b.drafter, "Usulan Palangka Raya")
        resolve_comment(s, ag, b.reviewer, note)
        approve(s, ag, b.signatory)
        b_hash = ag.current_revision.hash
    reply = _export(b, id_b, uuid)

    # Bandung imports: fast-forward to Palangka Raya's round and sees the redline per round.
    with a.db.session() as s:
        result = import_package(s, reply, a.drafter)
        assert result.fast_forwarded and not result.diverged and result.new_revisions == 1
        ag = result.agreement
        assert ag.current_revision.hash == b_hash and ag.parties[1].nomor == "119/45/KS/2016"
        verify_chain(s, ag)
        per_round = rounds(s, ag.id)
        assert len(per_round) == 1
        red = per_round[0]
        assert red.new.office == "Pemerintah Kota Palangka Raya" and red.new.round == 2
        statuses = {c.heading: c.status for c in red.changed_clauses}
        assert statuses["PERTUKARAN PENGETAHUAN"] == "added"
        assert statuses["OBJEK DAN RUANG LINGKUP"] == "changed"
        assert statuses["JANGKA WAKTU"] == "moved"  # renumbered from Pasal 4 to 5 by the insert
        assert "PELAKSANAAN" not in statuses
        scope = next(c for c in red.clauses if c.heading == "OBJEK DAN RUANG LINGKUP")
        body = next(f for f in scope.fields if f.field == "body")
        assert ("insert", " bidang berikut") in [(o.kind, o.text) for o in body.ops]
        assert scope.rounds[0].office == "Pemerintah Kota Palangka Raya"
        assert "meliputi{+ bidang berikut+}:" in as_text(red)
        assert [h.field for h in red.header] == ["nomor"]
        assert open_comments(s, ag.id) == []
        with pytest.raises(WorkflowError, match="Pemerintah Kota Bandung"):
            transition(s, ag, a.signatory, S.AGREED)
        approve(s, ag, a.signatory)
        transition(s, ag, a.signatory, S.AGREED)
        assert ag.status == S.AGREED and ag.agreed_revision.hash == b_hash
    # Bandung's approval travels back; Palangka Raya reaches Agreed on the same hash.
    back = _export(a, id_a, uuid)
    with b.db.session() as s:
        result = import_package(s, back, b.drafter)
        ag = result.agreement
        transition(s, ag, b.signatory, S.AGREED)
        assert ag.status == S.AGREED and ag.agreed_revision.hash == b_hash


def test_tampered_and_untrusted_packages_are_refused(cities, tmp_path: Path) -> None:
    a, id_a, b, _ = cities
    agreement_id = draft_in_bandung(a)
    with a.db.session() as s:
        uuid = s.get(models.Agreement, agreement_id).uuid
    good = _export(a, id_a, uuid)

    # Change one word inside the payload and keep the signature (as an attacker would).
    payload = payload_of(good)
    payload["revisions"][0]["content"]["clauses"][0]["heading"] = "MAKSUD PALSU"
    with (
        b.db.session() as s,
        pytest.raises(TamperedPackageError, match="changed after it was signed"),
    ):
        import_package(s, keep_signature(good, payload), b.drafter)

    # Flip bytes in the compressed data.
    broken = bytearray(good)
    broken[len(broken) // 3] ^= 0xFF
    with b.db.session() as s, pytest.raises(PackageError):
        import_package(s, bytes(broken), b.drafter)

    with b.db.session() as s, pytest.raises(PackageError, match="not a Lintas exchange package"):
        import_package(s, b"hello", b.drafter)

    # A package from an office whose key nobody trusted (a third city claiming to be Bandung).
    stranger = identity_for(tmp_path, "Kota Lain")
    with a.db.session() as s:
        ag = s.get(models.Agreement, agreement_id)
        forged = export_package(s, ag, stranger, a.drafter)
    with b.db.session() as s, pytest.raises(UntrustedPackageError) as info:
        import_package(s, forged, b.drafter)
    assert info.value.fingerprint == as_exchange_key(stranger).fingerprint
    assert "has not trusted" in str(info.value)
    # Once Bandung's own certificate is revoked at Palangka Raya, its packages are refused too.
    with b.db.session() as s:
        revoke_trust(s, id_a.fingerprint_sha256, b.signatory)
    with b.db.session() as s, pytest.raises(UntrustedPackageError):
        import_package(s, good, b.drafter)
    with b.db.session() as s:
        assert s.scalars(select(models.Agreement)).first() is None, "a refused package left data"


def test_divergent_edits_become_a_branch_and_reconcile(cities) -> None:
    a, id_a, b, id_b = cities
    agreement_id = draft_in_bandung(a)
    with a.db.session() as s:
        uuid = s.get(models.Agreement, agreement_id).uuid
    with b.db.session() as s:
        import_package(s, _export(a, id_a, uuid), b.drafter)

    # Both edit the same base: Bandung changes PEMBIAYAAN, Palangka Raya changes PENYELESAIAN and
    # both change PERUBAHAN differently (a real conflict).
    def edit(city: City, heading: str, body: str) -> None:
        with city.db.session() as s:
            ag = s.scalars(select(models.Agreement).where(models.Agreement.uuid == uuid)).one()
            clause = next(c for c in ag.clauses if c.heading == heading)
            update_clause(s, ag, city.drafter, clause.uuid, body=body)

    edit(a, "PEMBIAYAAN", "Biaya ditanggung APBD Kota Bandung.")
    edit(a, "PERUBAHAN", "Perubahan versi Bandung.")
    with a.db.session() as s:
        ag = s.get(models.Agreement, agreement_id)
        extra_app = search_catalog(s, text="bank sampah")[0]
        kept = [a_ for a_ in search_catalog(s) if a_.name in {i.name for i in ag.annex_items}]
        set_annex(s, ag, a.drafter, [*kept, extra_app])
        extra_app_name = extra_app.name
    with a.db.session() as s:
        save_revision(s, s.get(models.Agreement, agreement_id), a.drafter, "Bandung round")
    edit(b, "PENYELESAIAN PERSELISIHAN", "Musyawarah di Palangka Raya.")
    with b.db.session() as s:
        ag = s.scalars(select(models.Agreement)).one()
        add_obligation(s, ag, b.drafter, what="Berbagi ilmu konservasi hutan dan wisata sungai",
                       party=2, due_date=dt.date(2017, 3, 1))  # fmt: skip
    edit(b, "PERUBAHAN", "Perubahan versi Palangka Raya.")
    with b.db.session() as s:
        ag = s.scalars(select(models.Agreement)).one()
        save_revision(s, ag, b.drafter, "Palangka Raya round")
    # Bandung has an unsaved edit too when the reply arrives.
    edit(a, "PENUTUP", "Penutup dengan suntingan yang belum disimpan.")

    with a.db.session() as s:
        result = import_package(s, _export(b, id_b, uuid), a.drafter)
        ag = result.agreement
        assert result.diverged and result.autosaved is not None, "unsaved edits must be kept"
        assert len(heads(s, ag.id)) == 2
        # The local working copy is untouched by the import.
        assert (
            next(c for c in ag.clauses if c.heading == "PERUBAHAN").body
            == "Perubahan versi Bandung."
        )
        assert not is_dirty(ag)
        with pytest.raises(WorkflowError, match="diverging"):
            transition(s, ag, a.signatory, S.AGREED)
        other = next(h for h in heads(s, ag.id) if h.hash != ag.current_revision.hash)
        conflicts = reconcile_preview(s, ag, other)
        assert [c.label for c in conflicts] == ["PERUBAHAN"]
        merged, conflicts = reconcile(s, ag, a.drafter, other, {conflicts[0].key: "theirs"})
        assert merged.merge_parent_hash == other.hash
        bodies = {c.heading: c.body for c in ag.clauses}
        assert bodies["PEMBIAYAAN"] == "Biaya ditanggung APBD Kota Bandung."
        assert bodies["PENYELESAIAN PERSELISIHAN"] == "Musyawarah di Palangka Raya."
        assert bodies["PERUBAHAN"] == "Perubahan versi Palangka Raya."
        assert bodies["PENUTUP"] == "Penutup dengan suntingan yang belum disimpan."
        # Non-conflicting additions from both sides are combined.
        assert extra_app_name in {i.name for i in ag.annex_items} and len(ag.annex_items) == 5
        assert "Berbagi ilmu konservasi hutan dan wisata sungai" in {o.what for o in ag.obligations}
        assert len(ag.obligations) == 4
        assert [h.hash for h in heads(s, ag.id)] == [merged.hash]
        verify_chain(s, ag)
        red = compare(s, other, merged)
        assert {c.heading for c in red.changed_clauses} == {"PEMBIAYAAN", "PENUTUP"}
        assert clause_by_uuid(ag, ag.clauses[0].uuid).number == 1


def test_newer_text_for_an_agreed_agreement_is_held_back(cities) -> None:
    a, id_a, b, id_b = cities
    agreement_id = draft_in_bandung(a)
    with a.db.session() as s:
        uuid = s.get(models.Agreement, agreement_id).uuid
    with b.db.session() as s:
        ag = import_package(s, _export(a, id_a, uuid), b.drafter).agreement
        approve(s, ag, b.signatory)
    with a.db.session() as s:
        ag = import_package(s, _export(b, id_b, uuid), a.drafter).agreement
        approve(s, ag, a.signatory)
        transition(s, ag, a.signatory, S.AGREED)
        agreed = ag.agreed_revision.hash
    # Palangka Raya keeps editing after Bandung already marked the text agreed.
    with b.db.session() as s:
        ag = s.scalars(select(models.Agreement)).one()
        update_clause(s, ag, b.drafter, ag.clauses[0].uuid, body="Perubahan terlambat.")
        save_revision(s, ag, b.drafter, "late change")
    with a.db.session() as s:
        result = import_package(s, _export(b, id_b, uuid), a.drafter)
        ag = result.agreement
        assert result.held_back and not result.fast_forwarded
        assert ag.current_revision.hash == agreed and ag.status == S.AGREED
        assert len(result.head_hashes) == 1 and result.head_hashes[0] != agreed


def test_signed_but_malformed_package_gets_a_clear_message(cities) -> None:
    a, id_a, b, _ = cities
    agreement_id = draft_in_bandung(a)
    with a.db.session() as s:
        payload = build_payload(s, s.get(models.Agreement, agreement_id))
    del payload["revisions"][0]["content"]["clauses"]
    data = canonical_json(payload)
    with (
        b.db.session() as s,
        pytest.raises(PackageError, match="revision 1's text has no 'clauses'"),
    ):
        import_package(s, signed(id_a, data), b.drafter)


def test_internal_comments_stay_home(cities) -> None:
    a, id_a, b, _ = cities
    agreement_id = draft_in_bandung(a)
    with a.db.session() as s:
        ag = s.get(models.Agreement, agreement_id)
        clause = ag.clauses[0].uuid
        note = add_comment(
            s, ag, a.reviewer, "Catatan internal: cek anggaran.", clause_uuid=clause, internal=True
        )
        add_comment(s, ag, a.reviewer, "Cek juga jadwal.", reply_to=note)
        add_comment(s, ag, a.reviewer, "Mohon tanggapan Palangka Raya.", clause_uuid=clause)
        uuid = ag.uuid
    with b.db.session() as s:
        ag = import_package(s, _export(a, id_a, uuid), b.drafter).agreement
        assert [c.body for c in s.scalars(select(models.Comment))] == [
            "Mohon tanggapan Palangka Raya."
        ]
