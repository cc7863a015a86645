"""The ceremony state machine with real PDFs, real PKCS#12 identities and real verification.

Offices talk through the in-process :class:`Bus` (see conftest); the engine tests run the same
ceremony over real WebRTC data channels.
"""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from mou.ceremony.events import CeremonyCompleted, CeremonyEvent, CeremonyProblem
from mou.ceremony.live import Ceremony
from mou.ceremony.protocol import K_PRESENT, K_SIGNED, CeremonyError, step_pdfs
from mou.ceremony.store import CeremonyStore, CeremonyStoreError, sha256_hex
from mou.pdf.document import PdfDocument
from mou.pdf.render import render_pdf_bytes
from mou.signing import verify_pdf
from tests.ceremony.conftest import BANDUNG, PALANGKARAYA, Bus, OfficeKey, make_ceremony


def pdfsig_valid_count(data: bytes, folder: Path) -> int:
    """How many signatures poppler's pdfsig calls valid."""
    if shutil.which("pdfsig") is None:
        pytest.skip("pdfsig (poppler-utils) is not installed")
    path = folder / "check.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout
    return out.count("Signature Validation: Signature is Valid.")


class Offices:
    """Bandung (host, party A) and Palangkaraya (party B) on one bus, with their events."""

    def __init__(self, keys: dict[str, OfficeKey], root: Path) -> None:
        self.keys = keys
        self.root = root
        self.bus = Bus()
        self.events: dict[str, list[CeremonyEvent]] = {BANDUNG: [], PALANGKARAYA: []}
        self.a = self.open(BANDUNG)
        self.b = self.open(PALANGKARAYA)
        self.bus.join(BANDUNG, self.a)
        self.bus.join(PALANGKARAYA, self.b)
        self.bus.pump()

    def open(self, office: str) -> Ceremony:
        ceremony = make_ceremony(self.bus, office, self.keys, self.root)
        ceremony.add_listener(self.events[office].append)
        return ceremony

    def problems(self, office: str) -> list[CeremonyProblem]:
        return [e for e in self.events[office] if isinstance(e, CeremonyProblem)]

    def sign(self, ceremony: Ceremony, png: bytes) -> bytes:
        key = self.keys[ceremony.local_office]
        return ceremony.sign(identity_path=key.path, password=key.password, signature_png=png)


@pytest.fixture
def offices(keys: dict[str, OfficeKey], tmp_path: Path) -> Offices:
    return Offices(keys, tmp_path)


def test_full_ceremony_same_hash_turns_and_identical_signed_files(
    offices: Offices, document: PdfDocument, signature_png: bytes, tmp_path: Path
) -> None:
    a, b, bus = offices.a, offices.b, offices.bus
    # Attendance from the greeting, before anything is presented.
    assert {e.office for e in a.attendance} == {BANDUNG, PALANGKARAYA}

    presented = a.present_document(document)
    bus.pump()
    rb = b.record
    assert rb is not None and rb.ceremony_id == presented.ceremony_id
    # Both sides show the same hash, computed independently from the bytes they hold.
    assert rb.presented_sha256 == presented.presented_sha256 == sha256_hex(b.current_pdf())
    assert rb.revision_hash == document.revision_hash
    assert a.record.confirmations == {
        BANDUNG: presented.presented_sha256,
        PALANGKARAYA: presented.presented_sha256,
    }
    # The presented PDF is the agreed document exactly as any office renders it: the session
    # attendance is kept in the record (and the audit trail), not printed on the PDF.
    assert a.current_pdf() == render_pdf_bytes(document)[0]
    pdf_path = tmp_path / "presented.pdf"
    pdf_path.write_bytes(a.current_pdf())
    text = subprocess.run(["pdftotext", str(pdf_path), "-"], capture_output=True, text=True).stdout
    assert "Wali Kota Palangkaraya (Pemerintah Kota Palangkaraya)" not in " ".join(text.split())
    assert {e.office for e in rb.attendance} == {BANDUNG, PALANGKARAYA}

    # Party A first: B may not jump the queue.
    assert a.my_turn() and not b.my_turn()
    with pytest.raises(CeremonyError) as refused:
        offices.sign(b, signature_png)
    assert refused.value.code == "not-your-turn"

    offices.sign(a, signature_png)
    bus.pump()
    assert b.record.step == 1 and b.my_turn()
    offices.sign(b, signature_png)
    bus.pump()

    final_a, final_b = a.current_pdf(), b.current_pdf()
    assert final_a == final_b
    for ceremony in (a, b):
        record = ceremony.record
        assert record.complete and record.completed_at
        assert [s.office for s in record.signatures] == [BANDUNG, PALANGKARAYA]
        assert any(isinstance(e, CeremonyCompleted) for e in offices.events[ceremony.local_office])
    report = verify_pdf(final_a, [k.certificate for k in offices.keys.values()])
    assert report.ok and len(report.signatures) == 2
    assert pdfsig_valid_count(final_a, tmp_path) == 2
    assert not offices.problems(BANDUNG) and not offices.problems(PALANGKARAYA)
    # Each step was stored byte for byte, and the steps are prefixes of each other.
    store = b.store
    steps = [store.pdf(presented.ceremony_id, i) for i in range(3)]
    assert step_pdfs(final_a) == steps[1:]
    assert steps[2].startswith(steps[1]) and steps[1].startswith(steps[0])


def test_wrong_password_changes_nothing(offices: Offices, document: PdfDocument) -> None:
    offices.a.present_document(document)
    offices.bus.pump()
    key = offices.keys[BANDUNG]
    with pytest.raises(CeremonyError) as error:
        offices.a.sign(identity_path=key.path, password="salah", signature_png=None)
    assert error.value.code == "wrong-password"
    assert "password" in error.value.message and "Nothing was signed" in error.value.message
    assert offices.a.record.step == 0 and offices.a.my_turn()
    assert not [s for s in offices.bus.sent if s[1] == K_SIGNED]


def _last(bus: Bus, kind: str) -> tuple[str, dict]:
    office, _, payload = next(s for s in reversed(bus.sent) if s[1] == kind)
    return office, json.loads(json.dumps(payload))


def test_presentation_with_wrong_hash_or_other_revision_is_refused(
    keys: dict[str, OfficeKey], tmp_path: Path, document: PdfDocument
) -> None:
    offices = Offices(keys, tmp_path)
    offices.a.present_document(document)
    _, payload = _last(offices.bus, K_PRESENT)
    late = make_ceremony(Bus(), "Pemerintah Kota Pekanbaru", keys, tmp_path)
    events: list[CeremonyEvent] = []
    late.add_listener(events.append)
    forged = {**payload, "ceremony_id": "f" * 32, "pdf_sha256": "0" * 64}
    assert late.handle(K_PRESENT, forged, BANDUNG)
    assert late.record is None
    assert [e.code for e in events if isinstance(e, CeremonyProblem)] == ["hash-mismatch"]

    # An office whose own agreed revision differs refuses the presentation.
    strict = make_ceremony(
        Bus(), PALANGKARAYA, keys, tmp_path / "strict", agreed_hash=lambda _id: "a" * 64
    )
    strict_events: list[CeremonyEvent] = []
    strict.add_listener(strict_events.append)
    strict.handle(K_PRESENT, payload, BANDUNG)
    assert strict.record is None
    assert [e.code for e in strict_events if isinstance(e, CeremonyProblem)] == [
        "revision-mismatch"
    ]


def test_tampered_or_untrusted_pdf_on_arrival_is_refused(
    offices: Offices, document: PdfDocument, signature_png: bytes
) -> None:
    a, b, bus = offices.a, offices.b, offices.bus
    a.present_document(document)
    bus.pump()
    bus.connected.discard(PALANGKARAYA)  # hold B back so we can feed it forged copies
    offices.sign(a, signature_png)
    _, signed = _last(bus, K_SIGNED)
    good = base64.b64decode(signed["pdf_b64"])

    # 1. One byte changed, announced hash kept: the hash check catches it.
    bad = bytearray(good)
    bad[len(bad) // 2] ^= 0x01
    b.handle(K_SIGNED, {**signed, "pdf_b64": base64.b64encode(bytes(bad)).decode()}, BANDUNG)
    # 2. Same change with a matching hash: verification (or the prefix check) catches it.
    b.handle(
        K_SIGNED,
        {
            **signed,
            "pdf_b64": base64.b64encode(bytes(bad)).decode(),
            "pdf_sha256": sha256_hex(bytes(bad)),
        },
        BANDUNG,
    )
    # 3. A signature that is intact but by a certificate B does not trust.
    b.trusted = [offices.keys[PALANGKARAYA].certificate]
    b.handle(K_SIGNED, signed, BANDUNG)
    # 4. The signature arrives from an office that is not the signatory of that step.
    b.trusted = [k.certificate for k in offices.keys.values()]
    b.handle(K_SIGNED, signed, "Pemerintah Kota Pekanbaru")
    # 5. Intact and trusted, but made with another office's certificate than the field's office.
    b.office_fingerprints = {BANDUNG: {"00:11"}}
    b.handle(K_SIGNED, signed, BANDUNG)
    b.office_fingerprints = {}
    # 6. Malformed messages.
    b.handle(K_SIGNED, {"v": 2}, BANDUNG)
    b.handle("ceremony.bogus", {"v": 1}, BANDUNG)
    b.handle(K_SIGNED, {**signed, "pdf_b64": "not base64!"}, BANDUNG)

    codes = [p.code for p in offices.problems(PALANGKARAYA)]
    assert codes[0] == "hash-mismatch"
    assert codes[1] in ("not-incremental", "verification-failed")
    assert codes[2:] == [
        "verification-failed",
        "verification-failed",
        "verification-failed",
        "malformed",
        "malformed",
        "malformed",
    ]
    untrusted = offices.problems(PALANGKARAYA)[2].message
    assert "UNKNOWN SIGNER" in untrusted
    assert "not with a certificate of Pemerintah Kota Bandung" in (
        offices.problems(PALANGKARAYA)[4].message
    )
    assert b.record.step == 0  # nothing forged was accepted
    assert sha256_hex(b.current_pdf()) == b.record.presented_sha256

    # The genuine message is still accepted afterwards.
    b.handle(K_SIGNED, signed, BANDUNG)
    assert b.record.step == 1 and b.my_turn()


def test_drop_midway_resumes_from_stored_state(
    offices: Offices, document: PdfDocument, signature_png: bytes, tmp_path: Path
) -> None:
    a, bus = offices.a, offices.bus
    record = a.present_document(document)
    bus.pump()
    # Palangkaraya's app goes away (call dropped, app closed) before Bandung signs.
    bus.cut(PALANGKARAYA)
    offices.sign(a, signature_png)
    bus.pump()
    assert a.record.step == 1
    assert [e.left_at is not None for e in a.attendance if e.office == PALANGKARAYA] == [True]

    # It comes back with a fresh ceremony object that reopens its stored state.
    b2 = offices.open(PALANGKARAYA)
    bus.join(PALANGKARAYA, b2, record.ceremony_id)
    assert b2.record.step == 0  # what it had stored before the drop
    bus.pump()
    assert b2.record.step == 1 and b2.my_turn()  # resumed: Bandung's signature arrived
    offices.sign(b2, signature_png)
    bus.pump()
    assert a.current_pdf() == b2.current_pdf()
    assert a.record.complete and b2.record.complete
    # The rejoin is a second presence in the attendance.
    assert len([e for e in a.attendance if e.office == PALANGKARAYA]) == 2

    # Bandung, restarted after the end, reads its finished ceremony back unchanged.
    reopened = CeremonyStore(a.store.root).load(record.ceremony_id)
    assert reopened.complete and reopened.current_sha256 == sha256_hex(a.current_pdf())


def test_office_without_state_gets_presentation_and_signed_pdf(
    offices: Offices, document: PdfDocument, signature_png: bytes
) -> None:
    a, bus = offices.a, offices.bus
    a.present_document(document)
    bus.pump()
    offices.sign(a, signature_png)
    bus.pump()
    # A third office (an observer) joins late with nothing stored.
    observer = make_ceremony(bus, "Pemerintah Kota Pekanbaru", offices.keys, offices.root)
    bus.join("Pemerintah Kota Pekanbaru", observer)
    bus.pump()
    record = observer.record
    assert record is not None and record.step == 1 and record.host_office == BANDUNG
    assert observer.current_pdf() == a.current_pdf()


def test_damaged_store_is_reported(offices: Offices, document: PdfDocument) -> None:
    record = offices.a.present_document(document)
    store = offices.a.store
    path = store.folder(record.ceremony_id) / "step-0.pdf"
    path.write_bytes(path.read_bytes()[:-10])
    with pytest.raises(CeremonyStoreError, match="damaged"):
        store.load(record.ceremony_id)
    records, problems = store.scan()
    assert records == [] and len(problems) == 1 and "damaged" in problems[0]
    assert path.exists()  # left as it is
    with pytest.raises(CeremonyStoreError, match="Invalid ceremony id"):
        store.folder("../../etc")


def test_arrival_handled_inside_a_running_event_loop(
    offices: Offices, document: PdfDocument, signature_png: bytes
) -> None:
    """A listener on the call engine's loop thread may call ``handle`` directly."""
    import asyncio

    a, b, bus = offices.a, offices.b, offices.bus
    a.present_document(document)
    bus.pump()
    bus.connected.discard(PALANGKARAYA)
    offices.sign(a, signature_png)
    _, signed = _last(bus, K_SIGNED)

    async def on_engine_loop() -> None:
        b.handle(K_SIGNED, signed, BANDUNG)

    asyncio.run(on_engine_loop())
    assert offices.problems(PALANGKARAYA) == []
    assert b.record.step == 1


def test_ceremony_recorded_in_the_agreement_audit_trail(
    offices: Offices, document: PdfDocument, signature_png: bytes, tmp_path: Path
) -> None:
    """Attendance and signatures go into a real SQLite database's audit trail, once."""
    from mou import audit
    from mou.agreement import AgreementKind, PartyInput, create_agreement
    from mou.ceremony.store import record_in_audit
    from mou.db import open_database, sqlite_url
    from mou.office import Actor, GovernmentLevel, OfficeProfile, Role, create_local_office

    a, bus = offices.a, offices.bus
    a.present_document(document)
    bus.pump()
    offices.sign(a, signature_png)
    bus.pump()
    offices.sign(offices.b, signature_png)
    bus.pump()
    record = a.record
    assert record is not None and record.complete

    database = open_database(sqlite_url(tmp_path / "lintas.sqlite3"), backup_dir=tmp_path / "bak")
    try:
        with database.session() as session:
            profile = OfficeProfile(
                GovernmentLevel.KOTA, "Bandung", "Bagian Kerja Sama", "Kepala", "Wali Kota Bandung"
            )
            office = create_local_office(session, profile, [("Staf", Role.DRAFTER)])
            actor = Actor.of(office.users[0])
            agreement = create_agreement(
                session,
                actor,
                kind=AgreementKind.KESEPAKATAN_BERSAMA,
                title="tentang Kota Cerdas",
                parties=[PartyInput.of_office(office), PartyInput(name=PALANGKARAYA)],
            )
            assert record_in_audit(session, agreement, record, actor) == 4
            assert record_in_audit(session, agreement, record, actor) == 0  # idempotent
            agreement_id = agreement.id
        with database.session() as session:
            events = [e for e in audit.history(session, agreement_id) if e.action != "created"]
            assert sorted(e.action for e in events) == [
                "ceremony_joined",
                "ceremony_joined",
                "ceremony_signed",
                "ceremony_signed",
            ]
            signed = [e.detail for e in events if e.action == "ceremony_signed"]
            assert [d["office"] for d in signed] == [BANDUNG, PALANGKARAYA]
            assert signed[-1]["pdf_sha256"] == record.current_sha256
            assert all(e.at.tzinfo is not None for e in events)
    finally:
        database.dispose()


def test_host_restarts_after_signing_and_the_guest_catches_up(
    offices: Offices, document: PdfDocument, signature_png: bytes
) -> None:
    """The host's app closes right after its signature left into the void; it reopens and resumes."""
    a, b, bus = offices.a, offices.b, offices.bus
    record = a.present_document(document)
    bus.pump()
    bus.connected.discard(PALANGKARAYA)  # the signature never reaches Palangkaraya ...
    offices.sign(a, signature_png)
    bus.connected.add(PALANGKARAYA)
    bus.cut(BANDUNG)  # ... and Bandung's app goes away
    bus.pump()
    assert b.record.step == 0

    a2 = offices.open(BANDUNG)
    bus.join(BANDUNG, a2, record.ceremony_id)
    bus.pump()
    assert a2.record.step == 1 and b.record.step == 1 and b.my_turn()
    offices.sign(b, signature_png)
    bus.pump()
    assert a2.record.complete and a2.current_pdf() == b.current_pdf()
