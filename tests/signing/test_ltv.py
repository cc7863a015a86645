"""Long-term validity (PAdES B-T, B-LT, B-LTA) against a real PKI served on loopback.

certomancer serves a CA, an OCSP responder, a CRL and an RFC 3161 TSA over HTTP on 127.0.0.1;
signing and Extend fetch from it through pyHanko's own HTTP clients, verification uses only what
the file carries. Expiry is simulated by verifying at a later moment (``verify_pdf(at=...)``).
"""

from __future__ import annotations

import datetime as dt
import io
import socket
import subprocess
from pathlib import Path

import pytest

from mou.signing import SigningCode, SigningError, Verdict, verify_pdf
from mou.signing.identity import OfficeIdentity, load_identity
from mou.signing.ltv import LtvCode, LtvError, LtvLevel, extend_pdf, read_dss
from mou.signing.sign import sign_document
from mou.signing.timestamps import http_timestamper
from mou.signing.trust import TrustAnchors
from tests.signing.ltv_pki import LocalPki

LATER = dt.timedelta(days=400)  # past every signer certificate of the PKI (they live <= 365 d)


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory):
    """The loopback PKI, served for this module and shut down after it."""
    server = LocalPki(tmp_path_factory.mktemp("pki")).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def unsigned() -> tuple[bytes, list]:
    """The rendered sample agreement with its two empty signature fields."""
    from mou.pdf.render import render_pdf_bytes
    from mou.pdf.sample import sample_document

    data, result = render_pdf_bytes(sample_document())
    return data, result.signature_slots


def _ca(pki: LocalPki) -> TrustAnchors:
    """The loopback PKI's root as an explicit CA anchor (a plain list would only pin it)."""
    return TrustAnchors.authorities([pki.root_cert])


def _identity(pki: LocalPki, label: str, tmp_path: Path) -> OfficeIdentity:
    return load_identity(pki.p12(label, tmp_path / f"{label}.p12", "sandi"), "sandi")


def _sign(data: bytes, identity: OfficeIdentity, slot, **kwargs):
    return sign_document(
        data,
        identity,
        field_name=slot.field_name,
        signer_name=slot.signer_name,
        signer_title=slot.signer_title,
        signature_png=None,
        **kwargs,
    )


def _dss_ocsp_serials(data: bytes) -> set[int]:
    from pyhanko.pdf_utils.reader import PdfFileReader

    serials = set()
    for response in read_dss(PdfFileReader(io.BytesIO(data), strict=False)).ocsps:
        basic = response["response_bytes"]["response"].parsed["tbs_response_data"]
        for single in basic["responses"]:
            serials.add(single["cert_id"]["serial_number"].native)
    return serials


def _dss_crl_count(data: bytes) -> int:
    from pyhanko.pdf_utils.reader import PdfFileReader

    return len(read_dss(PdfFileReader(io.BytesIO(data), strict=False)).crls)


def test_two_parties_sign_b_lta_with_ocsp_in_the_dss_and_a_document_time_stamp(
    pki: LocalPki, unsigned, tmp_path: Path
) -> None:
    data, slots = unsigned
    before = (pki.counters.tsa, pki.counters.ocsp)
    bandung = _identity(pki, "bandung", tmp_path)
    palangkaraya = _identity(pki, "palangkaraya", tmp_path)
    first = _sign(data, bandung, slots[0], timestamp_url=pki.tsa_url)
    assert first.level is LtvLevel.B_LT and first.notes == []  # a field is still empty: no seal
    second = _sign(first.data, palangkaraya, slots[1], timestamp_url=pki.tsa_url)
    assert second.level is LtvLevel.B_LTA and second.notes == []
    # The network was really used: tokens from the TSA, certificate status from the responder.
    assert pki.counters.tsa > before[0] and pki.counters.ocsp >= before[1] + 2
    serials = _dss_ocsp_serials(second.data)
    assert {bandung.certificate.serial_number, palangkaraya.certificate.serial_number} <= serials

    report = verify_pdf(second.data, _ca(pki))
    assert report.ok, [s.verdict_text for s in report.signatures]
    assert [s.ltv_level for s in report.signatures] == ["B-LTA", "B-LTA"]
    assert report.ltv_level == "B-LTA"
    assert all(s.timestamped for s in report.signatures)
    for check in report.signatures:
        assert abs(check.signing_time - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=5)
        assert check.validated_at == check.signing_time  # judged at its time-stamp
        # Checked with the OCSP answers stored at signing, not online: nothing was fetched.
        assert check.revocation == "stored"
    asked = pki.counters.ocsp
    verify_pdf(second.data, _ca(pki))
    assert pki.counters.ocsp == asked

    # Independent tools: poppler sees both signatures valid and the TSA's document time-stamp.
    path = tmp_path / "lta.pdf"
    path.write_bytes(second.data)
    sig = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True)
    assert sig.stdout.count("Signature Validation: Signature is Valid.") == 2, sig.stdout
    assert "Test Time Stamping Authority" in sig.stdout  # the document time-stamp's signer
    assert sig.stdout.count("Signature #") == 3
    check = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert check.returncode == 0 and "No syntax or stream encoding errors" in check.stdout


def test_crl_only_certificate_gets_the_crl_into_the_dss(
    pki: LocalPki, unsigned, tmp_path: Path
) -> None:
    data, slots = unsigned
    crl_before = pki.counters.crl
    makassar = _identity(pki, "crlonly", tmp_path)
    signed = _sign(data, makassar, slots[0], timestamp_url=pki.tsa_url, seal=True)
    assert signed.level is LtvLevel.B_LTA
    assert pki.counters.crl > crl_before
    assert _dss_crl_count(signed.data) >= 1
    assert makassar.certificate.serial_number not in _dss_ocsp_serials(signed.data)
    (check,) = verify_pdf(signed.data, _ca(pki)).signatures
    assert check.ok and check.ltv_level == "B-LTA" and check.revocation == "stored"


def test_expired_certificate_stays_valid_thanks_to_its_time_stamp(
    pki: LocalPki, unsigned, tmp_path: Path
) -> None:
    data, slots = unsigned
    surabaya = _identity(pki, "shortlived", tmp_path)  # expires tomorrow
    signed = _sign(data, surabaya, slots[0], timestamp_url=pki.tsa_url, seal=True).data
    later = dt.datetime.now(dt.UTC) + LATER
    assert surabaya.certificate.not_valid_after_utc < later
    (check,) = verify_pdf(signed, _ca(pki), at=later).signatures
    assert check.verdict is Verdict.VALID, check.verdict_text
    assert check.certificate_expired and check.ltv_level == "B-LTA"
    assert "Valid at the time of its timestamp; the certificate has expired since." in (
        check.verdict_text
    )
    # Today it is simply valid (not expired yet).
    (today,) = verify_pdf(signed, _ca(pki)).signatures
    assert today.ok and not today.certificate_expired
    # The same certificate without a time-stamp proves nothing once it has expired.
    plain = _sign(data, surabaya, slots[0]).data
    (untimed,) = verify_pdf(plain, _ca(pki), at=later).signatures
    assert untimed.verdict is Verdict.UNTRUSTED and untimed.ltv_level == "B-B"


def test_revoked_certificate_refuses_to_sign_and_extend_proves_the_revocation(
    pki: LocalPki, unsigned, tmp_path: Path
) -> None:
    data, slots = unsigned
    bogor = _identity(pki, "revoked", tmp_path)  # revoked two days ago (key compromise)
    with pytest.raises(SigningError) as info:
        _sign(data, bogor, slots[0], timestamp_url=pki.tsa_url)
    assert info.value.message.code == SigningCode.REVOKED
    # Signed without validation data (as an office without LTV would), it looks fine offline...
    stamped = _sign(data, bogor, slots[0], timestamp_url=pki.tsa_url, ltv=False)
    assert stamped.level is LtvLevel.B_T
    assert verify_pdf(stamped.data, _ca(pki)).signatures[0].ltv_level == "B-T"
    # ...until Extend embeds the responder's answer: from then on every check says revoked.
    extended = extend_pdf(stamped.data, http_timestamper(pki.tsa_url), hints=[pki.root_cert])
    assert extended.revoked == [slots[0].field_name]
    assert bogor.certificate.serial_number in _dss_ocsp_serials(extended.data)
    (check,) = verify_pdf(extended.data, _ca(pki)).signatures
    assert check.verdict is Verdict.UNTRUSTED and not check.trusted
    assert check.problem == "trust.revoked"


def test_tsa_down_signs_b_b_with_a_note_then_extend_makes_it_b_lta(
    pki: LocalPki, unsigned, tmp_path: Path
) -> None:
    data, slots = unsigned
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{sock.getsockname()[1]}/tsa"
    bandung = _identity(pki, "bandung", tmp_path)
    palangkaraya = _identity(pki, "palangkaraya", tmp_path)
    first = _sign(data, bandung, slots[0], timestamp_url=dead)
    assert first.level is LtvLevel.B_B
    assert [n.code for n in first.notes] == [LtvCode.TSA_UNREACHABLE]
    second = _sign(first.data, palangkaraya, slots[1])  # no TSA configured at all
    assert [n.code for n in second.notes] == [LtvCode.NO_TSA]
    before = verify_pdf(second.data, _ca(pki))
    assert before.ok and before.ltv_level == "B-B"
    later = dt.datetime.now(dt.UTC) + LATER
    assert not verify_pdf(second.data, _ca(pki), at=later).ok  # nothing proves the time

    extended = extend_pdf(second.data, http_timestamper(pki.tsa_url), hints=[pki.root_cert])
    assert extended.signatures == 2 and extended.revoked == []
    assert extended.data.startswith(second.data)  # incremental: the signed bytes are untouched
    after = verify_pdf(extended.data, _ca(pki))
    assert after.ok, [s.verdict_text for s in after.signatures]
    assert [s.ltv_level for s in after.signatures] == ["B-LTA", "B-LTA"]
    years_on = verify_pdf(extended.data, _ca(pki), at=later)
    assert years_on.ok and all(s.certificate_expired for s in years_on.signatures)

    # Extending again renews the document time-stamp chain (archive maintenance).
    again = extend_pdf(extended.data, http_timestamper(pki.tsa_url), hints=[pki.root_cert])
    assert again.data.startswith(extended.data)
    assert verify_pdf(again.data, _ca(pki), at=later).ok


def test_extend_refuses_unsigned_files_and_a_dead_tsa_with_codes(
    pki: LocalPki, unsigned, tmp_path: Path
) -> None:
    data, slots = unsigned
    with pytest.raises(LtvError) as info:
        extend_pdf(data, http_timestamper(pki.tsa_url))
    assert info.value.message.code == LtvCode.EXTEND_NO_SIGNATURE
    signed = _sign(data, _identity(pki, "bandung", tmp_path), slots[0]).data
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{sock.getsockname()[1]}/tsa"
    with pytest.raises(LtvError) as info:
        extend_pdf(signed, http_timestamper(dead))
    assert info.value.message.code == LtvCode.EXTEND_TSA_UNREACHABLE
    with pytest.raises(LtvError) as info:
        extend_pdf(b"%PDF-1.7 broken", http_timestamper(pki.tsa_url))
    assert info.value.message.code == LtvCode.EXTEND_UNREADABLE


def test_a_stuffed_dss_is_ignored_not_trusted(pki: LocalPki, unsigned, tmp_path: Path) -> None:
    """A counterpart cannot make verification crawl by stuffing the DSS with junk."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import DocumentSecurityStore

    from mou.signing.ltv import MAX_DSS_ITEMS

    data, slots = unsigned
    signed = _sign(data, _identity(pki, "bandung", tmp_path), slots[0], timestamp_url=pki.tsa_url)
    junk = [_throwaway_cert(n) for n in range(MAX_DSS_ITEMS + 1)]
    out = io.BytesIO(signed.data)
    DocumentSecurityStore.add_dss(out, None, certs=junk, strict=False)
    reader = PdfFileReader(io.BytesIO(out.getvalue()), strict=False)
    material = read_dss(reader)
    assert material.over_limit and material.certs == [] and material.ocsps == []
    # The signature itself is still checked, just without the stuffed store: B-T at best.
    (check,) = verify_pdf(out.getvalue(), _ca(pki)).signatures
    assert check.ok and check.ltv_level == "B-T"


def _throwaway_cert(n: int):
    from asn1crypto import x509 as asn1_x509
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"junk {n}")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(n + 1)
        .not_valid_before(now)
        .not_valid_after(now + dt.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))
