"""Attacks on ``.lintas`` packages and office cards, made from real exported packages.

Every package here comes from the real export code and is then altered the way an attacker (or
a buggy counterpart) would; each refusal is checked for what it did NOT write.
"""

from __future__ import annotations

import base64
import json
import tracemalloc
import zlib
from pathlib import Path

import pytest
from sqlalchemy import func, select

from mou import models
from mou.clause import update_clause
from mou.exchange import (
    PackageCode,
    PackageError,
    UntrustedPackageError,
    create_exchange_key,
    export_package,
    import_package,
    office_card,
    trust_office_card,
)
from mou.exchange.card import _CARD_CONTEXT
from mou.exchange.key import as_exchange_key
from mou.exchange.package import MAX_PACKAGE_BYTES
from mou.office import GovernmentLevel, OfficeProfile
from mou.revision import canonical_json, compute_hash, envelope, save_revision
from tests.exchange_tamper import payload_of, signed
from tests.mou.conftest import City, draft_in_bandung, identity_for, make_city

PEKANBARU = OfficeProfile(
    level=GovernmentLevel.KOTA, region="Pekanbaru", unit="Bagian Kerja Sama",
    head_name="Agung Nugroho", head_title="Wali Kota Pekanbaru",
)  # fmt: skip


def _export(city: City, signer: object, agreement_id: int) -> bytes:
    with city.db.session() as s:
        return export_package(s, s.get(models.Agreement, agreement_id), signer, city.drafter)


def _state(city: City) -> tuple[int, int, int, list[str]]:
    """Rows an import would write: audit events, revisions, approvals, and updated_at stamps."""
    with city.db.session() as s:
        return (
            s.scalar(select(func.count()).select_from(models.AuditEvent)),
            s.scalar(select(func.count()).select_from(models.Revision)),
            s.scalar(select(func.count()).select_from(models.Approval)),
            [str(a.updated_at) for a in s.scalars(select(models.Agreement))],
        )


def _edit_and_save(city: City, agreement_uuid: str, words: str) -> None:
    with city.db.session() as s:
        ag = s.scalars(
            select(models.Agreement).where(models.Agreement.uuid == agreement_uuid)
        ).one()
        update_clause(s, ag, city.drafter, ag.clauses[1].uuid, body=words)
        save_revision(s, ag, city.drafter, words)


def _code(info: pytest.ExceptionInfo[PackageError]) -> str:
    return info.value.message.code


def test_replayed_packages_write_nothing(cities) -> None:
    a, id_a, b, _ = cities
    agreement_id = draft_in_bandung(a)
    first = _export(a, id_a, agreement_id)
    with a.db.session() as s:
        uuid = s.get(models.Agreement, agreement_id).uuid
    _edit_and_save(a, uuid, "Putaran kedua dari Bandung.")
    second = _export(a, id_a, agreement_id)
    with b.db.session() as s:
        assert import_package(s, first, b.drafter).new_revisions == 1
    with b.db.session() as s:
        assert import_package(s, second, b.drafter).new_revisions == 1
    before = _state(b)
    for replay in (second, first):  # the same package again, and an older one after a newer
        with b.db.session() as s:
            result = import_package(s, replay, b.drafter)
            assert result.nothing_new and result.new_revisions == 0
        assert _state(b) == before, "a replay wrote rows or touched the agreement"


def test_revision_with_a_missing_parent_is_refused(cities) -> None:
    a, id_a, b, _ = cities
    agreement_id = draft_in_bandung(a)
    with a.db.session() as s:
        uuid = s.get(models.Agreement, agreement_id).uuid
    _edit_and_save(a, uuid, "Putaran kedua.")
    payload = payload_of(_export(a, id_a, agreement_id))
    assert len(payload["revisions"]) == 2
    del payload["revisions"][0]  # round 2 arrives without the round it builds on
    before = _state(b)
    with b.db.session() as s, pytest.raises(PackageError) as info:
        import_package(s, signed(id_a, payload), b.drafter)
    assert _code(info) == PackageCode.MISSING_PARENT
    assert _state(b) == before


def test_deep_json_from_an_untrusted_signer_is_refused_before_parsing(cities) -> None:
    _, _, b, _ = cities
    deep = b"[" * 200_000 + b"]" * 200_000
    stranger = create_exchange_key(Path(b.db.path).with_name("stranger.key"))
    package = signed(stranger, deep)
    tracemalloc.start()
    try:
        with b.db.session() as s, pytest.raises(UntrustedPackageError):
            import_package(s, package, b.drafter)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1_000_000, f"refusing an untrusted package allocated {peak} bytes"


def test_deep_json_from_a_trusted_signer_is_a_clean_refusal(cities) -> None:
    _, id_a, b, _ = cities
    package = signed(id_a, b"[" * 200_000 + b"]" * 200_000)
    tracemalloc.start()
    try:
        with b.db.session() as s, pytest.raises(PackageError) as info:
            import_package(s, package, b.drafter)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert _code(info) == PackageCode.TOO_DEEP  # not a RecursionError
    assert peak < 5_000_000, f"refusing a deep package allocated {peak} bytes"


def test_compression_bomb_and_oversized_file_are_refused(cities) -> None:
    _, id_a, b, _ = cities
    squeeze = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    bomb = b"".join(squeeze.compress(chunk) for _ in range(1024)) + squeeze.flush()  # 1 GiB
    assert len(bomb) < 2_000_000
    tracemalloc.start()
    try:
        with b.db.session() as s, pytest.raises(PackageError) as info:
            import_package(s, signed(id_a, b"", compressed=bomb), b.drafter)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert _code(info) == PackageCode.TOO_LARGE
    assert peak < 80_000_000, f"the bomb expanded to {peak} bytes before it was refused"
    with b.db.session() as s, pytest.raises(PackageError) as info:
        import_package(s, b"LINTAS" + b"\0" * MAX_PACKAGE_BYTES, b.drafter)
    assert _code(info) == PackageCode.TOO_LARGE


def test_zip_package_of_an_older_lintas_gets_a_clear_refusal(cities) -> None:
    _, _, b, _ = cities
    with b.db.session() as s, pytest.raises(PackageError) as info:
        import_package(s, b"PK\x03\x04" + b"\0" * 100, b.drafter)
    assert _code(info) == PackageCode.MADE_BY_OLDER


def _third_city(tmp_path: Path, a: City, b: City) -> tuple[City, object]:
    """Pekanbaru: trusted by Palangka Raya (and it trusts both), but party to nothing of theirs."""
    from mou.db import open_database, sqlite_url

    db = open_database(sqlite_url(tmp_path / "pekanbaru.sqlite3"), backup_dir=tmp_path / "bc")
    c = make_city(db, PEKANBARU)
    id_c = identity_for(tmp_path, "Pemerintah Kota Pekanbaru")
    with c.db.session() as s:
        card_c = office_card(s, id_c)
    with b.db.session() as s:
        trust_office_card(s, card_c, b.signatory)
    return c, id_c


def test_a_non_party_cannot_inject_revisions_or_approvals(cities, tmp_path: Path) -> None:
    a, id_a, b, _ = cities
    c, id_c = _third_city(tmp_path, a, b)
    agreement_id = draft_in_bandung(a)
    package = _export(a, id_a, agreement_id)
    with b.db.session() as s:
        import_package(s, package, b.drafter)
    # Pekanbaru rewrites the text, names itself a party, approves, hashes it right, signs it.
    payload = payload_of(package)
    payload["sender"]["uuid"] = c.office_uuid
    head = payload["revisions"][-1]
    content = json.loads(json.dumps(head["content"]))
    content["parties"][1]["office_uuid"] = c.office_uuid
    content["clauses"][1]["body"] = "Pekanbaru menulis ulang pasal ini."
    created = head["created_at"]
    rev = {**head, "round": head["round"] + 1, "parent_hash": head["hash"], "content": content,
           "author_office_uuid": c.office_uuid, "author_office_name": "Pemerintah Kota Pekanbaru",
           "created_at": created}  # fmt: skip
    rev["hash"] = compute_hash(envelope(
        agreement_uuid=payload["agreement"]["uuid"], round=rev["round"], parent=head["hash"],
        merge_parent=None, author_office=c.office_uuid, created_at=created, content=content,
    ))  # fmt: skip
    payload["revisions"].append(rev)
    payload["head"] = rev["hash"]
    payload["approvals"] = [{"uuid": "f" * 32, "revision_hash": rev["hash"],
                             "office_uuid": c.office_uuid, "office_name": "Pekanbaru",
                             "approver_name": "x", "approver_role": "signatory",
                             "approved_at": created}]  # fmt: skip
    before = _state(b)
    with b.db.session() as s, pytest.raises(PackageError) as info:
        import_package(s, signed(id_c, payload), b.drafter)
    assert _code(info) == PackageCode.SENDER_NOT_PARTY
    assert _state(b) == before

    # A party cannot speak for the other party either: a round "written by" Palangka Raya.
    payload = payload_of(package)
    head = payload["revisions"][-1]
    forged = {**head, "round": 2, "parent_hash": head["hash"], "author_office_uuid": b.office_uuid}
    forged["hash"] = compute_hash(envelope(
        agreement_uuid=payload["agreement"]["uuid"], round=2, parent=head["hash"],
        merge_parent=None, author_office=b.office_uuid, created_at=head["created_at"],
        content=head["content"],
    ))  # fmt: skip
    payload["revisions"].append(forged)
    payload["head"] = forged["hash"]
    with b.db.session() as s, pytest.raises(PackageError) as info:
        import_package(s, signed(id_a, payload), b.drafter)
    assert _code(info) == PackageCode.AUTHOR_NOT_SENDER
    assert _state(b) == before


def _office(city: City, uuid: str) -> tuple[str, str]:
    with city.db.session() as s:
        office = s.scalars(select(models.Office).where(models.Office.uuid == uuid)).one()
        return office.region, office.head_name


def test_no_office_can_rewrite_another_office(cities, tmp_path: Path) -> None:
    a, id_a, b, _ = cities
    c, id_c = _third_city(tmp_path, a, b)
    bandung = _office(b, a.office_uuid)
    # 1. Pekanbaru's own, validly signed card claiming to be Bandung with another head.
    with c.db.session() as s:
        card = json.loads(office_card(s, id_c))
    card.pop("signature")
    card["office"] = {**card["office"], "uuid": a.office_uuid, "region": "Bandung",
                      "head_name": "Kepala Palsu"}  # fmt: skip
    key = as_exchange_key(id_c)
    card["signature"] = base64.b64encode(key.sign(_CARD_CONTEXT + canonical_json(card))).decode()
    with b.db.session() as s, pytest.raises(PackageError) as info:
        trust_office_card(s, canonical_json(card), b.signatory)
    # Its certificate is Pekanbaru's, and Bandung is trusted with another: refused either way.
    assert _code(info) in (
        PackageCode.TRUSTED_FOR_OTHER_OFFICE,
        PackageCode.OFFICE_HAS_OTHER_CERTIFICATE,
    )
    assert _office(b, a.office_uuid) == bandung
    # The same card from a certificate nobody trusted yet: Bandung has another one.
    stranger = identity_for(tmp_path, "Kota Asing")
    with c.db.session() as s:
        card = json.loads(office_card(s, stranger))
    card.pop("signature")
    card["office"] = {**card["office"], "uuid": a.office_uuid, "head_name": "Kepala Palsu"}
    other = as_exchange_key(stranger)
    card["signature"] = base64.b64encode(other.sign(_CARD_CONTEXT + canonical_json(card))).decode()
    with b.db.session() as s, pytest.raises(PackageError) as info:
        trust_office_card(s, canonical_json(card), b.signatory)
    assert _code(info) == PackageCode.OFFICE_HAS_OTHER_CERTIFICATE
    assert _office(b, a.office_uuid) == bandung
    # 2. Bandung's package describing Pekanbaru with another name and head.
    agreement_id = draft_in_bandung(a)
    payload = payload_of(_export(a, id_a, agreement_id))
    payload["offices"].append({"uuid": c.office_uuid, "level": "kota", "region": "Kota Palsu",
                               "unit": "", "head_name": "Kepala Palsu", "head_title": "",
                               "head_nip": None})  # fmt: skip
    pekanbaru = _office(b, c.office_uuid)
    with b.db.session() as s:
        import_package(s, signed(id_a, payload), b.drafter)
    assert _office(b, c.office_uuid) == pekanbaru
    # 3. A card whose exchange key its certificate never endorsed (key swapped in transit).
    with a.db.session() as s:
        card = json.loads(office_card(s, id_a))
    card.pop("signature")
    card["exchange_key"] = base64.b64encode(key.public_der).decode()
    card["signature"] = base64.b64encode(key.sign(_CARD_CONTEXT + canonical_json(card))).decode()
    with b.db.session() as s, pytest.raises(PackageError) as info:
        trust_office_card(s, canonical_json(card), b.signatory)
    assert _code(info) == PackageCode.CARD_NOT_ENDORSED
