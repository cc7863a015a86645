"""A doctored presentation over real engines and the real hub is refused by the other office.

Two headless call engines (as in ``test_ceremony_engines.py``) in a network namespace. Each
office's ceremony knows its own agreed document (the sample agreement); Bandung's software was
changed to present Pasal 1 rewritten under the agreed hash, then the genuine PDF with a doctored
signatory list. Palangkaraya re-renders, compares and refuses both over the data channel; the
genuine presentation afterwards goes through and is signed.
"""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

import pytest

from mou.ceremony.live import Ceremony
from mou.ceremony.protocol import E_DOCUMENT, E_SIGNATORIES
from mou.ceremony.store import CeremonyStore
from mou.pdf.document import PdfClause, PdfDocument
from mou.pdf.render import render_pdf_bytes
from tests.ceremony.conftest import BANDUNG, PALANGKARAYA, OfficeKey
from tests.ceremony.test_ceremony_engines import Call, Office, _check_final, wait_until
from tests.vicon.conftest import in_netns, rerun_in_netns

pytestmark = pytest.mark.netns

PAYMENT = (
    "PIHAK KEDUA wajib membayar kepada PIHAK PERTAMA biaya lisensi sebesar "
    "Rp2.500.000.000,00 (dua miliar lima ratus juta rupiah) setiap tahun."
)


def office(call: Call, name: str, document: PdfDocument, *, honest: bool) -> Office:
    """An office whose ceremony checks presentations against its own agreed ``document``."""
    folder = call.tmp_path / name.split()[-1].lower()
    result = Office(name, call.keys, folder)
    result.ceremony = Ceremony(
        local_office=name,
        send=result._send,
        store=CeremonyStore(folder / "ceremonies"),
        trusted=[k.certificate for k in call.keys.values()],
        office_certificates={k.office: [k.certificate] for k in call.keys.values()},
        people=[f"Wali Kota {name.split()[-1]}"],
        agreed_document=(lambda uuid: document if uuid == document.agreement_id else None)
        if honest
        else None,
    )
    result.ceremony.add_listener(result.events.append)
    call.offices.append(result)
    result.join(call.hub)
    return result


def test_doctored_pdf_and_signatories_refused_over_the_data_channel(
    request: pytest.FixtureRequest,
    keys: dict[str, OfficeKey],
    document: PdfDocument,
    signature_png: bytes,
    tmp_path: Path,
) -> None:
    if not in_netns():
        rerun_in_netns(request.node.nodeid)
        return
    first = document.clauses[0]
    doctored = replace(
        document,
        clauses=[PdfClause(number=1, heading=first.heading, body=PAYMENT), *document.clauses[1:]],
    )
    call = Call(keys, tmp_path)
    try:
        a = office(call, BANDUNG, document, honest=False)
        b = office(call, PALANGKARAYA, document, honest=True)
        wait_until(lambda: len(a.ceremony.attendance) == 2, 30, "Palangkaraya's greeting")

        a.ceremony.present_document(doctored)
        wait_until(lambda: b.problems(), 20, "Palangkaraya's refusal of the doctored PDF")
        assert {p.code for p in b.problems()} == {E_DOCUMENT}
        assert b.problems()[0].params["pasal"] == 1 and b.step() == -1

        pdf, _layout = render_pdf_bytes(document)
        genuine = a.ceremony.record.signatories
        swapped = [replace(genuine[0], office=PALANGKARAYA), replace(genuine[1], office=BANDUNG)]
        a.ceremony.present(
            agreement_id=document.agreement_id,
            revision_hash=document.revision_hash,
            title=f"{document.kind} {document.title}",
            pdf=pdf,
            signatories=swapped,
        )
        wait_until(
            lambda: E_SIGNATORIES in {p.code for p in b.problems()}, 20, "the signatory refusal"
        )
        assert b.step() == -1 and b.ceremony.current_pdf() is None

        # The agreed document itself is accepted and signed by both, as always.
        time.sleep(0.5)  # any late duplicate of the refused presentations is in by now
        a.events.clear()
        b.events.clear()
        presented = a.ceremony.present_document(document)
        wait_until(lambda: b.step() == 0, 20, "the genuine presentation at Palangkaraya")
        assert b.ceremony.record.presented_sha256 == presented.presented_sha256
        a.sign(signature_png)
        wait_until(lambda: b.step() == 1, 15, "Bandung's signature at Palangkaraya")
        b.sign(signature_png)
        wait_until(lambda: a.step() == 2, 15, "Palangkaraya's signature at Bandung")
        _check_final(a, b, keys, tmp_path)
    finally:
        call.close()
