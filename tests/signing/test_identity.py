"""Office identity: create, load, wrong password, corrupt file, import a CA-issued .p12, export."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID

from mou.signing.identity import (
    IdentityError,
    WrongPasswordError,
    create_identity,
    export_certificate,
    import_identity,
    load_certificates,
    load_identity,
)
from tests.signing.conftest import IssuedP12, make_ca_issued_p12


def test_create_identity_makes_p256_self_signed_certificate(tmp_path: Path) -> None:
    path = tmp_path / "identity" / "office.p12"
    ident = create_identity(
        path,
        "kata-sandi",
        common_name="Wali Kota Bandung",
        organization="Pemerintah Kota Bandung",
        unit="Bagian Kerja Sama",
    )
    assert isinstance(ident.private_key, ec.EllipticCurvePrivateKey)
    assert ident.private_key.curve.name == "secp256r1"
    cert = ident.certificate
    subject = cert.subject
    assert (
        subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value
        == "Pemerintah Kota Bandung"
    )
    assert subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "Wali Kota Bandung"
    assert (
        subject.get_attributes_for_oid(NameOID.ORGANIZATIONAL_UNIT_NAME)[0].value
        == "Bagian Kerja Sama"
    )
    assert subject.get_attributes_for_oid(NameOID.COUNTRY_NAME)[0].value == "ID"
    assert cert.issuer == cert.subject
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.content_commitment and not usage.key_cert_sign
    assert ident.subject_name == "Wali Kota Bandung"
    assert ident.organization == "Pemerintah Kota Bandung"
    assert len(ident.fingerprint_sha256.split(":")) == 32
    # Owner-only file, and the key is not in it in the clear.
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    data = path.read_bytes()
    assert b"PRIVATE KEY" not in data
    assert not list(path.parent.glob(".identity-*"))  # no temp file left behind


@pytest.mark.skipif(shutil.which("openssl") is None, reason="the openssl command is not installed")
def test_p12_opens_with_openssl_and_password(tmp_path: Path) -> None:
    path = tmp_path / "office.p12"
    create_identity(
        path, "kata-sandi", common_name="Wali Kota Bandung", organization="Pemerintah Kota Bandung"
    )
    ok = subprocess.run(
        ["openssl", "pkcs12", "-in", str(path), "-passin", "pass:kata-sandi", "-nokeys", "-info"],
        capture_output=True,
        text=True,
    )
    assert ok.returncode == 0, ok.stderr
    assert "Wali Kota Bandung" in ok.stdout
    bad = subprocess.run(
        ["openssl", "pkcs12", "-in", str(path), "-passin", "pass:salah", "-nokeys"],
        capture_output=True,
        text=True,
    )
    assert bad.returncode != 0


def test_load_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "office.p12"
    made = create_identity(
        path, "kata-sandi", common_name="Wali Kota Bandung", organization="Pemerintah Kota Bandung"
    )
    loaded = load_identity(path, "kata-sandi")
    assert loaded.certificate == made.certificate
    assert loaded.fingerprint_sha256 == made.fingerprint_sha256
    assert loaded.private_key.private_numbers() == made.private_key.private_numbers()


def test_wrong_password_is_reported_as_such(tmp_path: Path) -> None:
    path = tmp_path / "office.p12"
    create_identity(
        path, "kata-sandi", common_name="Wali Kota Bandung", organization="Pemerintah Kota Bandung"
    )
    with pytest.raises(WrongPasswordError, match="password"):
        load_identity(path, "salah")
    with pytest.raises(WrongPasswordError):
        load_identity(path, "")


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b"",
        lambda b: b"this is not a certificate file at all",
        lambda b: b[: len(b) // 2],
        lambda b: b"\x30\x82" + os.urandom(300),
    ],
    ids=["empty", "text", "truncated", "random"],
)
def test_corrupt_file_is_identity_error_not_wrong_password(tmp_path: Path, damage) -> None:
    path = tmp_path / "office.p12"
    create_identity(
        path, "kata-sandi", common_name="Wali Kota Bandung", organization="Pemerintah Kota Bandung"
    )
    path.write_bytes(damage(path.read_bytes()))
    with pytest.raises(IdentityError) as info:
        load_identity(path, "kata-sandi")
    assert not isinstance(info.value, WrongPasswordError)
    assert "office.p12" in str(info.value)


def test_missing_file_and_empty_password_are_clear(tmp_path: Path) -> None:
    with pytest.raises(IdentityError, match="No signing identity"):
        load_identity(tmp_path / "nope.p12", "x")
    with pytest.raises(IdentityError, match="password is required"):
        create_identity(tmp_path / "a.p12", "", common_name="A", organization="B")
    assert not (tmp_path / "a.p12").exists()


def test_import_ca_issued_rsa_p12_with_chain(issued_p12: IssuedP12, tmp_path: Path) -> None:
    dest = tmp_path / "appdata" / "identity" / "office.p12"
    ident = import_identity(issued_p12.path, issued_p12.password, dest)
    assert isinstance(ident.private_key, rsa.RSAPrivateKey)
    assert ident.certificate == issued_p12.leaf_cert
    assert ident.chain == [issued_p12.ca_cert]
    assert ident.organization == "Pemerintah Kota Palangkaraya"
    assert dest.read_bytes() == issued_p12.path.read_bytes()  # copied unchanged
    assert load_identity(dest, issued_p12.password).certificate == issued_p12.leaf_cert


def test_import_rejects_wrong_password_and_leaves_dest_alone(
    issued_p12: IssuedP12, tmp_path: Path
) -> None:
    dest = tmp_path / "office.p12"
    with pytest.raises(WrongPasswordError):
        import_identity(issued_p12.path, "salah", dest)
    assert not dest.exists()


def test_import_rejects_expired_and_non_signing_certificates(tmp_path: Path) -> None:
    expired = make_ca_issued_p12(tmp_path / "expired.p12", "pw", expired=True)
    with pytest.raises(IdentityError, match="expired"):
        import_identity(expired.path, "pw", tmp_path / "out1.p12")
    encipher = make_ca_issued_p12(tmp_path / "enc.p12", "pw", key_usage_signing=False)
    with pytest.raises(IdentityError, match="not meant for signing"):
        import_identity(encipher.path, "pw", tmp_path / "out2.p12")
    assert not (tmp_path / "out1.p12").exists() and not (tmp_path / "out2.p12").exists()


def test_export_certificate_pem_round_trips(tmp_path: Path) -> None:
    ident = create_identity(
        tmp_path / "o.p12",
        "pw",
        common_name="Wali Kota Bandung",
        organization="Pemerintah Kota Bandung",
    )
    out = tmp_path / "export" / "bandung.pem"
    export_certificate(ident, out)
    text = out.read_bytes()
    assert text.startswith(b"-----BEGIN CERTIFICATE-----")
    assert b"PRIVATE" not in text
    assert load_certificates(out) == [ident.certificate]
    (tmp_path / "junk.pem").write_text("junk")
    with pytest.raises(IdentityError, match="not an X.509"):
        load_certificates(tmp_path / "junk.pem")
