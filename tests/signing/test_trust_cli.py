"""``main.py verify`` with pins, CA anchors and party bindings: real subprocesses, real files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.serialization import Encoding

from tests.signing.conftest import SignedAgreement
from tests.signing.tampering import add_overlay_field
from tests.signing.test_cli import _main
from tests.signing.trust_pki import CA_USAGE, ENCIPHER_ONLY, Issued, identity, issue, sign_field


@pytest.fixture
def pems(tmp_path: Path, bandung_identity, palangkaraya_identity) -> tuple[Path, Path]:
    """Both offices' certificates as ``verify --trust`` takes them."""
    a, b = tmp_path / "bandung.pem", tmp_path / "palangkaraya.pem"
    a.write_bytes(bandung_identity.certificate_pem())
    b.write_bytes(palangkaraya_identity.certificate_pem())
    return a, b


def _write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def test_the_forged_issuer_fails_the_cli(
    signed_agreement: SignedAgreement, bandung_identity, pems, tmp_path: Path
) -> None:
    bandung = Issued(bandung_identity.private_key, bandung_identity.certificate)
    forged = issue("Wali Kota Palangkaraya", "Pemerintah Kota Palangkaraya", issuer=bandung)
    data = sign_field(signed_agreement.after_first, identity(forged), "TandaTangan2")
    pdf = _write(tmp_path, "forged.pdf", data)
    proc = _main("verify", pdf, "--trust", str(pems[0]), str(pems[1]))
    assert proc.returncode == 1, proc.stdout
    assert "Signature 2 (TandaTangan2): UNTRUSTED" in proc.stdout
    assert "OK:" not in proc.stdout and "Traceback" not in proc.stderr


def test_an_overlay_after_both_signatures_fails_the_cli(
    signed_agreement: SignedAgreement, pems, tmp_path: Path
) -> None:
    pdf = _write(tmp_path, "overlay.pdf", add_overlay_field(signed_agreement.after_both))
    proc = _main("verify", pdf, "--trust", str(pems[0]), str(pems[1]))
    assert proc.returncode == 1
    assert proc.stdout.count("MODIFIED AFTER SIGNING: a new form field was added.") == 2
    good = _write(tmp_path, "good.pdf", signed_agreement.after_both)
    proc = _main("verify", good, "--trust", str(pems[0]), str(pems[1]))
    assert proc.returncode == 0, proc.stdout
    assert "field of:      Pemerintah Kota Palangkaraya" in proc.stdout


def test_swapped_fields_and_party_bindings_in_the_cli(
    signed_agreement: SignedAgreement, bandung_identity, palangkaraya_identity, pems, tmp_path
) -> None:
    swapped = sign_field(signed_agreement.unsigned, palangkaraya_identity, "TandaTangan1")
    swapped = sign_field(swapped, bandung_identity, "TandaTangan2")
    pdf = _write(tmp_path, "swapped.pdf", swapped)
    proc = _main("verify", pdf, "--trust", str(pems[0]), str(pems[1]))
    assert proc.returncode == 1
    assert proc.stdout.count(": WRONG_SIGNER") == 2
    # Explicit bindings: the right file passes, the swapped one does not.
    parties = ["--party", f"TandaTangan1={pems[0]}", "--party", f"TandaTangan2={pems[1]}"]
    good = _write(tmp_path, "good.pdf", signed_agreement.after_both)
    assert _main("verify", good, *parties).returncode == 0
    proc = _main("verify", pdf, *parties, "--json")
    assert proc.returncode == 1
    report = json.loads(proc.stdout)
    assert report["party_mapping"] == "cli"
    assert [s["verdict"] for s in report["signatures"]] == ["wrong_signer", "wrong_signer"]
    assert _main("verify", good, "--party", "no-equals-sign").returncode == 2


def test_ca_anchors_in_the_cli(signed_agreement: SignedAgreement, tmp_path: Path) -> None:
    ca = issue("Root CA Uji", "Balai Sertifikasi Elektronik (uji)", ca=True, usage=CA_USAGE)
    ca_pem = tmp_path / "ca.pem"
    ca_pem.write_bytes(ca.cert.public_bytes(Encoding.PEM))
    leaf = issue("Wali Kota Bandung", "Pemerintah Kota Bandung", issuer=ca)
    good = sign_field(signed_agreement.unsigned, identity(leaf, [ca.cert]), "TandaTangan1")
    proc = _main("verify", _write(tmp_path, "ca.pdf", good), "--ca", str(ca_pem))
    assert proc.returncode == 0, proc.stdout
    assert "certificate issued under a trusted CA" in proc.stdout
    assert "not checked: offline" in proc.stdout
    # The CA given as a pin (--trust) vouches for nothing it issued.
    proc = _main("verify", _write(tmp_path, "ca.pdf", good), "--trust", str(ca_pem))
    assert proc.returncode == 1
    no_signing = issue("Wali Kota Bandung", "Pemerintah Kota Bandung", issuer=ca,
                       usage=ENCIPHER_ONLY)  # fmt: skip
    bad = sign_field(signed_agreement.unsigned, identity(no_signing, [ca.cert]), "TandaTangan1")
    proc = _main("verify", _write(tmp_path, "bad.pdf", bad), "--ca", str(ca_pem))
    assert proc.returncode == 1
