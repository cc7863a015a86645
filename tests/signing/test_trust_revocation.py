"""Revocation of CA-issued signers under each policy, against a real OCSP responder and CRL
repository (certomancer on loopback, the same PKI as the LTV tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mou.signing import Verdict, verify_pdf
from mou.signing.identity import load_identity
from mou.signing.trust import RevocationCheck, RevocationPolicy, TrustAnchors, TrustProblem
from tests.signing.conftest import SignedAgreement
from tests.signing.ltv_pki import LocalPki
from tests.signing.trust_pki import sign_field


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory):
    """The loopback PKI, served for this module and shut down after it."""
    server = LocalPki(tmp_path_factory.mktemp("pki")).start()
    yield server
    server.stop()


def _signed(pki: LocalPki, label: str, unsigned: bytes, tmp_path: Path) -> bytes:
    who = load_identity(pki.p12(label, tmp_path / f"{label}.p12", "sandi"), "sandi")
    return sign_field(unsigned, who, "TandaTangan1")


def test_online_policy_asks_the_ocsp_responder_and_the_crl_repository(
    pki: LocalPki, signed_agreement: SignedAgreement, tmp_path: Path
) -> None:
    online = TrustAnchors(cas=(pki.root_cert,), revocation=RevocationPolicy.HARD_FAIL)
    good = _signed(pki, "bandung", signed_agreement.unsigned, tmp_path)
    asked = pki.counters.ocsp
    (check,) = verify_pdf(good, online).signatures
    assert check.verdict is Verdict.VALID, check.verdict_text
    assert check.revocation == RevocationCheck.OCSP and pki.counters.ocsp > asked
    crl_only = _signed(pki, "crlonly", signed_agreement.unsigned, tmp_path)
    fetched = pki.counters.crl
    (check,) = verify_pdf(crl_only, online).signatures
    assert check.verdict is Verdict.VALID and check.revocation == RevocationCheck.CRL
    assert pki.counters.crl > fetched
    revoked = _signed(pki, "revoked", signed_agreement.unsigned, tmp_path)
    (check,) = verify_pdf(revoked, online).signatures
    assert check.verdict is Verdict.UNTRUSTED and check.problem == TrustProblem.REVOKED


def test_offline_policy_says_revocation_was_not_checked(
    pki: LocalPki, signed_agreement: SignedAgreement, tmp_path: Path
) -> None:
    offline = TrustAnchors(cas=(pki.root_cert,))
    revoked = _signed(pki, "revoked", signed_agreement.unsigned, tmp_path)
    asked = pki.counters.ocsp
    report = verify_pdf(revoked, offline)
    (check,) = report.signatures
    # Offline nothing is fetched, and the report says so instead of implying a check.
    assert pki.counters.ocsp == asked
    assert report.revocation_policy == "offline"
    assert check.revocation == RevocationCheck.NOT_CHECKED_OFFLINE
    # The same file with the policy switched on the call: now the revocation is found.
    (check,) = verify_pdf(revoked, offline, revocation=RevocationPolicy.HARD_FAIL).signatures
    assert check.problem == TrustProblem.REVOKED


def test_hard_fail_refuses_when_the_responder_is_down(
    signed_agreement: SignedAgreement, tmp_path: Path
) -> None:
    pki = LocalPki(tmp_path / "pki").start()
    try:
        signed = _signed(pki, "bandung", signed_agreement.unsigned, tmp_path)
    finally:
        pki.stop()  # the CA's responder is gone
    hard = TrustAnchors(cas=(pki.root_cert,), revocation=RevocationPolicy.HARD_FAIL)
    (check,) = verify_pdf(signed, hard).signatures
    assert check.verdict is Verdict.UNTRUSTED
    assert check.problem == TrustProblem.REVOCATION_UNKNOWN
    soft = TrustAnchors(cas=(pki.root_cert,), revocation=RevocationPolicy.SOFT_FAIL)
    assert verify_pdf(signed, soft).ok


def test_the_cli_checks_revocation_online_only_when_asked(
    pki: LocalPki, signed_agreement: SignedAgreement, tmp_path: Path
) -> None:
    from cryptography.hazmat.primitives.serialization import Encoding

    from tests.signing.test_cli import _main

    ca = tmp_path / "root.pem"
    ca.write_bytes(pki.root_cert.public_bytes(Encoding.PEM))
    revoked = tmp_path / "revoked.pdf"
    revoked.write_bytes(_signed(pki, "revoked", signed_agreement.unsigned, tmp_path))
    offline = _main("verify", str(revoked), "--ca", str(ca))
    assert offline.returncode == 0 and "not checked: offline" in offline.stdout
    online = _main("verify", str(revoked), "--ca", str(ca), "--revocation", "online")
    assert online.returncode == 1, online.stdout
    assert "UNTRUSTED" in online.stdout and "was revoked" in online.stdout
