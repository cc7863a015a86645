"""The live signing ceremony with the office's time-stamp server: both signatures time-stamped
(PAdES B-T; every step must end at its signature), then Extend makes the result B-LTA.

Two real Ceremony objects on the in-memory message bus of the ceremony tests, real identities and
PDFs, and certomancer's TSA/OCSP/CRL on loopback. Each office verifies every arriving step with
its own checks, so the time-stamped steps must pass them unchanged.
"""

from __future__ import annotations

import datetime as dt
import socket
from pathlib import Path

import pytest

from mou.pdf.document import PdfDocument
from mou.signing import verify_pdf
from mou.signing.ltv import LtvCode, extend_pdf
from mou.signing.timestamps import http_timestamper
from tests.ceremony.conftest import BANDUNG, PALANGKARAYA, OfficeKey
from tests.ceremony.test_ceremony_domain import Offices
from tests.signing.ltv_pki import LocalPki


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory):
    """The loopback PKI with its time-stamp authority."""
    server = LocalPki(tmp_path_factory.mktemp("pki")).start()
    yield server
    server.stop()


def _sign(offices: Offices, office: str, png: bytes, url: str, hints: list) -> list:
    ceremony = offices.a if office == BANDUNG else offices.b
    key: OfficeKey = offices.keys[office]
    notes: list = []
    ceremony.sign(
        identity_path=key.path,
        password=key.password,
        signature_png=png,
        timestamp_url=url,
        tsa_hints=hints,
        notes=notes,
    )
    offices.bus.pump()
    return notes


def test_ceremony_with_the_tsa_is_time_stamped_and_extend_makes_it_b_lta(
    keys, tmp_path: Path, document: PdfDocument, signature_png: bytes, pki: LocalPki
) -> None:
    offices = Offices(keys, tmp_path)
    offices.a.present_document(document)
    offices.bus.pump()
    assert _sign(offices, BANDUNG, signature_png, pki.tsa_url, [pki.root_cert]) == []
    assert offices.b.record.step == 1  # Palangkaraya accepted the time-stamped step
    assert _sign(offices, PALANGKARAYA, signature_png, pki.tsa_url, [pki.root_cert]) == []
    final_a, final_b = offices.a.current_pdf(), offices.b.current_pdf()
    assert final_a == final_b
    assert not offices.problems(BANDUNG) and not offices.problems(PALANGKARAYA)
    trusted = [k.certificate for k in keys.values()]
    report = verify_pdf(final_a, trusted, tsa_anchors=[pki.root_cert])
    assert report.ok, [s.verdict_text for s in report.signatures]
    assert [s.ltv_level for s in report.signatures] == ["B-T", "B-T"]
    assert all(s.timestamped for s in report.signatures)
    # Afterwards, Extend in the Archive adds the DSS and the document time-stamp.
    extended = extend_pdf(final_a, http_timestamper(pki.tsa_url), hints=[pki.root_cert])
    after = verify_pdf(extended.data, trusted, tsa_anchors=[pki.root_cert])
    assert after.ok and after.ltv_level == "B-LTA"
    later = max(k.certificate.not_valid_after_utc for k in keys.values()) + dt.timedelta(days=1)
    assert verify_pdf(extended.data, trusted, tsa_anchors=[pki.root_cert], at=later).ok


def test_ceremony_with_the_tsa_down_signs_b_b_and_notes_it(
    keys, tmp_path: Path, document: PdfDocument, signature_png: bytes
) -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{sock.getsockname()[1]}/tsa"
    offices = Offices(keys, tmp_path)
    offices.a.present_document(document)
    offices.bus.pump()
    notes = _sign(offices, BANDUNG, signature_png, dead, [])
    assert [n.code for n in notes] == [LtvCode.TSA_UNREACHABLE]
    assert offices.b.record.step == 1  # the ceremony went on
    (check,) = verify_pdf(offices.a.current_pdf(), [keys[BANDUNG].certificate]).signatures
    assert check.ok and check.ltv_level == "B-B"
