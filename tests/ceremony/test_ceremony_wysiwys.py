"""What you sign is what was agreed, in the ceremony: each office re-renders the agreed revision
from its own database and refuses a presented PDF or signatory list that differs from it.

Two cities' own SQLite files (Agreed through real packages), ceremonies over the in-process bus.
A dishonest host is a ceremony without the checks (its software was changed); the honest office
runs them as the app wires them (``ui/ceremony/launcher.py``).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from mou import models
from mou.ceremony.events import CeremonyEvent, CeremonyProblem
from mou.ceremony.live import Ceremony
from mou.ceremony.protocol import E_DOCUMENT, E_SIGNATORIES, CeremonyError
from mou.ceremony.store import CeremonyStore, Signatory, agreed_revision_hash, ceremony_trust
from mou.pdf.document import PdfClause, PdfDocument
from mou.pdf.render import render_pdf_bytes
from mou.signing import verify_pdf
from mou.signing.agreed_document import agreed_pdf_document
from tests.ceremony.conftest import Bus
from tests.ceremony.test_ceremony_agreement import _agree_in_both, _agreement
from tests.mou.conftest import City, draft_in_bandung

PAYMENT = (
    "PIHAK KEDUA wajib membayar kepada PIHAK PERTAMA biaya lisensi sebesar "
    "Rp2.500.000.000,00 (dua miliar lima ratus juta rupiah) setiap tahun."
)


def own_agreed_document(city: City):
    """The callback the app gives a ceremony: the agreed base document from this database."""

    def document(uuid: str) -> PdfDocument | None:
        with city.db.session() as s:
            agreement = _find(s, uuid)
            if agreement is None or agreement.agreed_revision is None:
                return None
            return agreed_pdf_document(s, agreement)

    return document


def _find(session, uuid: str) -> models.Agreement | None:
    from sqlalchemy import select

    return session.scalars(select(models.Agreement).where(models.Agreement.uuid == uuid)).first()


def office(
    bus: Bus, city: City, identity, root: Path, name: str, *, honest: bool = True
) -> Ceremony:
    with city.db.session() as s:
        trusted, by_office = ceremony_trust(s, own_office=name, own_certificate=identity.certificate)

    def agreed(uuid: str) -> str | None:
        with city.db.session() as s:
            return agreed_revision_hash(s, uuid)

    return Ceremony(
        local_office=name,
        send=bus.sender(name),
        store=CeremonyStore(root / "ceremonies"),
        trusted=trusted,
        office_certificates=by_office,
        people=[city.signatory.name],
        agreed_hash=agreed if honest else None,
        agreed_document=own_agreed_document(city) if honest else None,
    )


def with_pasal_1(doc: PdfDocument, body: str) -> PdfDocument:
    first = doc.clauses[0]
    return replace(
        doc, clauses=[PdfClause(number=1, heading=first.heading, body=body), *doc.clauses[1:]]
    )


@pytest.fixture
def session_of_two(cities, tmp_path: Path):  # noqa: F811 (pytest fixture)
    """Bandung (host) and Palangka Raya, Agreed in both databases, greeted over the bus."""
    a, id_a, b, id_b = cities
    uuid = _agree_in_both(a, id_a, b, id_b, draft_in_bandung(a))
    with a.db.session() as s:
        document = agreed_pdf_document(s, _agreement(s, uuid))
    names = [p.display_name for p in document.parties]

    def start(*, honest_host: bool) -> tuple[Bus, Ceremony, Ceremony, list[CeremonyEvent]]:
        bus = Bus()
        host = office(bus, a, id_a, tmp_path / "a", names[0], honest=honest_host)
        guest = office(bus, b, id_b, tmp_path / "b", names[1])
        refused: list[CeremonyEvent] = []
        guest.add_listener(lambda e: refused.append(e) if isinstance(e, CeremonyProblem) else None)
        bus.join(names[0], host)
        bus.join(names[1], guest)
        bus.pump()
        return bus, host, guest, refused

    return start, document, names, tmp_path


def test_the_agreed_document_from_both_databases_is_accepted_and_signed(
    session_of_two, signature_png: bytes
) -> None:
    start, document, names, tmp_path = session_of_two
    bus, host, guest, refused = start(honest_host=True)
    host.present_document(document)
    bus.pump()
    assert refused == []
    record = guest.record
    assert record is not None and record.presented_sha256 == host.record.presented_sha256
    assert [s.office for s in record.signatories] == names
    for ceremony in (host, guest):
        ceremony.sign(
            identity_path=tmp_path / f"{ceremony.local_office}.p12",
            password="rahasia",
            signature_png=signature_png,
        )
        bus.pump()
    assert refused == [] and guest.record.complete
    final = guest.current_pdf()
    assert final == host.current_pdf() and verify_pdf(final, guest.trusted).ok


def test_a_presented_pdf_with_pasal_1_rewritten_is_refused_by_the_other_office(
    session_of_two,
) -> None:
    from ui.ceremony.texts import problem_text

    start, document, _names, _tmp = session_of_two
    doctored = with_pasal_1(document, PAYMENT)
    assert doctored.revision_hash == document.revision_hash
    # An honest host's own check refuses to present it ...
    _bus, honest, _guest, _refused = start(honest_host=True)
    with pytest.raises(CeremonyError) as error:
        honest.present_document(doctored)
    assert error.value.code == E_DOCUMENT and error.value.params["pasal"] == 1
    assert honest.record is None
    # ... and when a changed host presents it anyway, the other office refuses it.
    bus, host, guest, refused = start(honest_host=False)
    host.present_document(doctored)
    bus.pump()
    assert guest.record is None and guest.current_pdf() is None
    assert refused and {p.code for p in refused} == {E_DOCUMENT}
    assert all(p.params["pasal"] == 1 for p in refused)
    text = problem_text(refused[0].code, refused[0].message, refused[0].params)
    assert "Pasal 1" in text and "not the document this office agreed to" in text
    # The host is left alone with its own confirmation.
    assert list(host.record.confirmations) == [host.local_office]


@pytest.mark.parametrize("change", ["order", "office", "signer"])
def test_a_doctored_signatory_list_is_refused(session_of_two, change: str) -> None:
    start, document, names, _tmp = session_of_two
    bus, host, guest, refused = start(honest_host=False)
    pdf, layout = render_pdf_bytes(document)
    genuine = [
        Signatory(names[s.party_index], s.signer_name, s.signer_title, s.field_name)
        for s in layout.signature_slots
    ]
    doctored = {
        # PIHAK KEDUA would sign first; the host signs in both fields; another name signs.
        "order": [replace(genuine[1], field_name=genuine[0].field_name),
                  replace(genuine[0], field_name=genuine[1].field_name)],
        "office": [genuine[0], replace(genuine[1], office=names[0])],
        "signer": [genuine[0], replace(genuine[1], signer_name="Orang Lain")],
    }[change]  # fmt: skip
    host.present(
        agreement_id=document.agreement_id,
        revision_hash=document.revision_hash,
        title=f"{document.kind} {document.title}",
        pdf=pdf,
        signatories=doctored,
    )
    bus.pump()
    assert guest.record is None
    assert refused and {p.code for p in refused} == {E_SIGNATORIES}
    assert refused[0].params["position"] == (1 if change == "order" else 2)


def test_the_hosts_title_is_replaced_by_the_local_one(session_of_two) -> None:
    start, document, _names, _tmp = session_of_two
    bus, host, guest, refused = start(honest_host=False)
    pdf, layout = render_pdf_bytes(document)
    record = host.present_document(document)
    forged = host.present(
        agreement_id=document.agreement_id,
        revision_hash=document.revision_hash,
        title="Kesepakatan Bersama tentang Pembayaran Lisensi",
        pdf=pdf,
        signatories=record.signatories,
    )
    bus.pump()
    assert refused == [] and guest.record.ceremony_id == forged.ceremony_id
    assert guest.record.title == f"{document.kind} {document.title}"


def test_a_signature_that_slips_content_over_the_text_is_refused(
    session_of_two, signature_png: bytes
) -> None:
    """The host signs a PDF to which it first appended a white box over part of page 1: the
    signature is valid and trusted and the file extends the presented one, yet a reader would
    not see the agreed text. The other office refuses the step."""
    import io

    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    from mou.ceremony.protocol import K_SIGNED, b64
    from mou.ceremony.store import sha256_hex
    from mou.signing import sign_pdf
    from mou.signing.identity import load_identity

    start, document, names, tmp_path = session_of_two
    bus, host, guest, refused = start(honest_host=False)
    record = host.present_document(document)
    bus.pump()
    assert refused == [] and guest.record.step == 0
    writer = IncrementalPdfFileWriter(io.BytesIO(host.current_pdf()))
    box = writer.add_object(generic.StreamObject(stream_data=b"q 1 1 1 rg 60 250 480 300 re f Q"))
    writer.add_stream_to_page(0, box)
    out = io.BytesIO()
    writer.write(out)
    signed = sign_pdf(
        out.getvalue(),
        load_identity(tmp_path / f"{names[0]}.p12", "rahasia"),
        field_name=record.signatories[0].field_name,
        signer_name=record.signatories[0].signer_name,
        signer_title=record.signatories[0].signer_title,
        signature_png=signature_png,
    )
    payload = {
        "v": 1,
        "ceremony_id": record.ceremony_id,
        "step": 1,
        "pdf_sha256": sha256_hex(signed),
        "pdf_b64": b64(signed),
    }
    guest.handle(K_SIGNED, payload, names[0])
    assert guest.record.step == 0 and guest.current_pdf() == host.store.pdf(record.ceremony_id, 0)
    assert [p.code for p in refused] == [E_DOCUMENT]
    assert refused[0].params["difference"] == "picture" and refused[0].params["page"] == 1


def test_presentations_beyond_the_bound_are_refused_before_any_work(session_of_two) -> None:
    from mou.ceremony.protocol import E_TOO_MANY, PRESENTATIONS_PER_MINUTE

    start, document, _names, _tmp = session_of_two
    bus, host, guest, refused = start(honest_host=False)
    doctored = with_pasal_1(document, PAYMENT)
    for _ in range(PRESENTATIONS_PER_MINUTE + 2):
        host.present_document(doctored)  # a new ceremony each time: each costs a comparison
        bus.pump()
    codes = [p.code for p in refused]
    assert codes[:PRESENTATIONS_PER_MINUTE] == [E_DOCUMENT] * PRESENTATIONS_PER_MINUTE
    assert codes[PRESENTATIONS_PER_MINUTE:] == [E_TOO_MANY, E_TOO_MANY]
    assert guest.record is None
