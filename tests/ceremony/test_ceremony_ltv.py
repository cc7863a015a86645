"""The live signing ceremony with the office's time-stamp server: both signatures time-stamped
(PAdES B-T; every step ends at its signature), and the last signer seals the file B-LTA (DSS with
every signature's validation data, then a document time-stamp), so both offices hold the same
long-term-valid bytes; without a TSA the file stays B-B with a note.

Two real Ceremony objects on the in-memory message bus of the ceremony tests, real identities and
PDFs, and certomancer's TSA/OCSP/CRL on loopback. Each office verifies every arriving step with
its own checks, so the time-stamped steps must pass them unchanged.
"""

from __future__ import annotations

import datetime as dt
import socket
import subprocess
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


def _document_timestamps(pdf: bytes, tsa_root) -> list:
    """pyHanko's own report of the document time-stamps (validated with the TSA's root)."""
    import io

    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives import serialization
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_timestamp
    from pyhanko_certvalidator import ValidationContext

    root = asn1_x509.Certificate.load(tsa_root.public_bytes(serialization.Encoding.DER))
    reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    return [
        validate_pdf_timestamp(stamp, ValidationContext(trust_roots=[root]))
        for stamp in reader.embedded_timestamp_signatures
    ]


def test_ceremony_with_the_tsa_ends_b_lta_with_the_same_bytes_in_both_offices(
    keys, tmp_path: Path, document: PdfDocument, signature_png: bytes, pki: LocalPki
) -> None:
    offices = Offices(keys, tmp_path)
    offices.a.present_document(document)
    offices.bus.pump()
    assert _sign(offices, BANDUNG, signature_png, pki.tsa_url, [pki.root_cert]) == []
    assert offices.b.record.step == 1  # Palangkaraya accepted the time-stamped step
    after_first = offices.b.current_pdf()
    ocsp_before = pki.counters.ocsp + pki.counters.crl
    assert _sign(offices, PALANGKARAYA, signature_png, pki.tsa_url, [pki.root_cert]) == []
    final_a, final_b = offices.a.current_pdf(), offices.b.current_pdf()
    assert final_a == final_b  # both offices end with the same bytes
    assert offices.a.record.complete and offices.b.record.complete
    assert offices.a.record.current_sha256 == offices.b.record.current_sha256
    assert not offices.problems(BANDUNG) and not offices.problems(PALANGKARAYA)
    assert final_a.startswith(after_first)  # incremental: the first step is untouched
    # What a reader sees is still exactly the agreed document (the seal draws nothing).
    from mou.signing.agreed_document import check_agreed_pdf

    check_agreed_pdf(final_a, document)
    # Sealed like Extend: validation data in the DSS and a document time-stamp (B-LTA).
    assert pki.counters.tsa and pki.counters.ocsp + pki.counters.crl >= ocsp_before
    trusted = [k.certificate for k in keys.values()]
    report = verify_pdf(final_a, trusted, tsa_anchors=[pki.root_cert])
    assert report.ok, [s.verdict_text for s in report.signatures]
    assert [s.ltv_level for s in report.signatures] == ["B-LTA", "B-LTA"]
    assert report.ltv_level == "B-LTA" and all(s.timestamped for s in report.signatures)
    (stamp,) = _document_timestamps(final_a, pki.root_cert)
    assert stamp.intact and stamp.valid and stamp.trusted
    # Years on, after both office certificates expired, it still verifies.
    later = max(k.certificate.not_valid_after_utc for k in keys.values()) + dt.timedelta(days=1)
    years_on = verify_pdf(final_a, trusted, tsa_anchors=[pki.root_cert], at=later)
    assert years_on.ok and all(s.certificate_expired for s in years_on.signatures)
    # poppler: the two signatures are valid (and the document time-stamp is listed too).
    path = tmp_path / "final.pdf"
    path.write_bytes(final_a)
    out = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout
    assert out.count("Signature Validation: Signature is Valid.") >= 2
    assert "Wali Kota Bandung" in out and "Wali Kota Palangkaraya" in out
    # Extend afterwards renews the document time-stamp chain and stays valid.
    extended = extend_pdf(final_a, http_timestamper(pki.tsa_url), hints=[pki.root_cert])
    assert verify_pdf(extended.data, trusted, tsa_anchors=[pki.root_cert], at=later).ok


def test_ceremony_seal_with_the_responders_gone_keeps_b_t_and_notes_it(
    keys, tmp_path: Path, document: PdfDocument, signature_png: bytes, pki: LocalPki
) -> None:
    from mou.ceremony.live import seal_final

    offices = Offices(keys, tmp_path)
    offices.a.present_document(document)
    offices.bus.pump()
    _sign(offices, BANDUNG, signature_png, pki.tsa_url, [pki.root_cert])
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{sock.getsockname()[1]}/tsa"
    pdf = offices.a.current_pdf()
    notes: list = []
    assert seal_final(pdf, dead, [pki.root_cert], notes) == pdf  # nothing changed
    assert [n.code for n in notes] == [LtvCode.NO_VALIDATION_DATA]


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
