"""From an Agreed revision in two cities' own databases to one PDF signed by both mayors.

Uses the agreements core's two-city fixture (separate SQLite files, each trusting the other's
office card) and its drafting helper; the ceremony itself runs over the in-process bus.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from mou import audit, models
from mou.agreement import AgreementStatus
from mou.ceremony.events import CeremonyEvent, CeremonyProblem
from mou.ceremony.live import Ceremony
from mou.ceremony.protocol import CeremonyError
from mou.ceremony.store import (
    CeremonyStore,
    agreed_revision_hash,
    ceremony_trust,
    record_outcome,
)
from mou.exchange import export_package, import_package
from mou.pdf.document import PdfDocument
from mou.publication import pdf_document_for
from mou.signing import verify_pdf
from mou.workflow import approve, transition
from tests.ceremony.conftest import Bus
from tests.ceremony.test_ceremony_domain import pdfsig_valid_count
from tests.mou.conftest import City, draft_in_bandung

S = AgreementStatus


def _agree_in_both(a: City, id_a, b: City, id_b, agreement_id: int) -> str:
    """Both databases reach Agreed on the same revision (packages travel both ways)."""
    with a.db.session() as s:
        package = export_package(s, s.get(models.Agreement, agreement_id), id_a, a.drafter)
    with b.db.session() as s:
        ag_b = import_package(s, package, b.drafter).agreement
        approve(s, ag_b, b.signatory)
        back = export_package(s, ag_b, id_b, b.drafter)
    with a.db.session() as s:
        ag = import_package(s, back, a.drafter).agreement
        approve(s, ag, a.signatory)
        transition(s, ag, a.signatory, S.AGREED)
        again = export_package(s, ag, id_a, a.drafter)
        uuid = ag.uuid
    with b.db.session() as s:
        ag_b = import_package(s, again, b.drafter).agreement
        transition(s, ag_b, b.signatory, S.AGREED)
    return uuid


def _ceremony(
    bus: Bus, city: City, identity, root: Path, office: str, *, check_agreed: bool = True
) -> Ceremony:
    with city.db.session() as s:
        trusted, by_office = ceremony_trust(
            s, own_office=office, own_certificate=identity.certificate
        )

    def agreed(uuid: str) -> str | None:
        with city.db.session() as s:
            return agreed_revision_hash(s, uuid)

    return Ceremony(
        local_office=office,
        send=bus.sender(office),
        store=CeremonyStore(root / "ceremonies"),
        trusted=trusted,
        office_certificates=by_office,
        people=[city.signatory.name],
        agreed_hash=agreed if check_agreed else None,
    )


def test_agreed_revision_signed_by_both_cities_and_recorded_as_signed(
    cities,
    tmp_path: Path,
    signature_png: bytes,
) -> None:
    a, id_a, b, id_b = cities
    uuid = _agree_in_both(a, id_a, b, id_b, draft_in_bandung(a))
    document = _document(a, uuid)
    names = [p.display_name for p in document.parties]
    assert names == ["Pemerintah Kota Bandung", "Pemerintah Kota Palangka Raya"]

    bus = Bus()
    ca = _ceremony(bus, a, id_a, tmp_path / "a", names[0])
    cb = _ceremony(bus, b, id_b, tmp_path / "b", names[1])
    problems: list[CeremonyEvent] = []
    for c in (ca, cb):
        c.add_listener(lambda e: problems.append(e) if isinstance(e, CeremonyProblem) else None)
    bus.join(names[0], ca)
    bus.join(names[1], cb)
    bus.pump()

    ca.present_document(document)
    bus.pump()
    assert cb.record is not None and cb.record.revision_hash == document.revision_hash
    # Presenting moves each office's agreement from Agreed to Signing.
    assert record_outcome_in(a, ca) == [] and record_outcome_in(b, cb) == []
    assert status_of(a, uuid) == status_of(b, uuid) == S.SIGNING

    for ceremony in (ca, cb):
        ceremony.sign(
            identity_path=tmp_path / f"{ceremony.local_office}.p12",
            password="rahasia",
            signature_png=signature_png,
        )
        bus.pump()
    assert problems == []
    final = ca.current_pdf()
    assert final is not None and final == cb.current_pdf()
    report = verify_pdf(final, ca.trusted)
    assert report.ok and [s.office for s in report.signatures] == names
    assert pdfsig_valid_count(final, tmp_path) == 2

    assert record_outcome_in(a, ca) == [] and record_outcome_in(b, cb) == []
    for city in (a, b):
        assert status_of(city, uuid) == S.SIGNED
        with city.db.session() as s:
            ag = _agreement(s, uuid)
            trail = audit.history(s, ag.id)
            signed = [e for e in trail if e.to_state == S.SIGNED]
            assert signed and signed[0].detail["signed_pdf_sha256"] == ca.record.current_sha256
            assert [e.action for e in trail].count("ceremony_signed") == 2
            assert [e.action for e in trail].count("ceremony_joined") == 2


def test_presentation_of_another_revision_is_refused_by_the_database(
    cities,
    tmp_path: Path,
) -> None:
    a, id_a, b, id_b = cities
    uuid = _agree_in_both(a, id_a, b, id_b, draft_in_bandung(a))
    document = _document(a, uuid)
    forged = replace(document, revision_hash="f" * 64)
    bus = Bus()
    names = [p.display_name for p in document.parties]
    # The host's own database already refuses to present a revision it did not agree to ...
    strict_host = _ceremony(Bus(), a, id_a, tmp_path / "strict", names[0])
    with pytest.raises(CeremonyError) as error:
        strict_host.present_document(forged)
    assert error.value.code == "revision-mismatch"
    # ... and so does the guest's, when a host without that check presents it.
    ca = _ceremony(bus, a, id_a, tmp_path / "a", names[0], check_agreed=False)
    cb = _ceremony(bus, b, id_b, tmp_path / "b", names[1])
    refused: list[CeremonyProblem] = []
    cb.add_listener(lambda e: refused.append(e) if isinstance(e, CeremonyProblem) else None)
    bus.join(names[0], ca)
    bus.join(names[1], cb)
    ca.present_document(forged)
    bus.pump()
    assert cb.record is None
    # Refused as presented and again as offered in the reply to its resume request.
    assert refused and {p.code for p in refused} == {"revision-mismatch"}


def _agreement(session: Session, uuid: str) -> models.Agreement:
    return session.scalars(select(models.Agreement).where(models.Agreement.uuid == uuid)).one()


def _document(city: City, uuid: str) -> PdfDocument:
    with city.db.session() as s:
        return pdf_document_for(s, _agreement(s, uuid).id)


def status_of(city: City, uuid: str) -> str:
    with city.db.session() as s:
        return _agreement(s, uuid).status


def record_outcome_in(city: City, ceremony: Ceremony) -> list[str]:
    record = ceremony.record
    assert record is not None
    with city.db.session() as s:
        return record_outcome(s, record, city.signatory)
