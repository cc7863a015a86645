"""Fixtures for the signing tests: real office identities and an RSA PKCS#12 with a CA chain."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12
from cryptography.x509.oid import NameOID

from mou.signing.identity import OfficeIdentity, create_identity


@dataclass
class IssuedP12:
    """A PKCS#12 file as a certificate authority (think BSrE) would hand it out."""

    path: Path
    password: str
    ca_cert: x509.Certificate
    leaf_cert: x509.Certificate


def _name(cn: str, org: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
            x509.NameAttribute(NameOID.COMMON_NAME, cn),
        ]
    )


def make_ca_issued_p12(
    path: Path,
    password: str,
    *,
    key_usage_signing: bool = True,
    expired: bool = False,
) -> IssuedP12:
    """Make an RSA CA and an RSA leaf it signs, packed with the chain into a PKCS#12 file."""
    now = dt.datetime.now(dt.UTC)
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca_name = _name("Test Root CA BSrE-like", "Balai Sertifikasi Elektronik (test)")
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=30))
        .not_valid_after(now + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), False)
        .sign(ca_key, hashes.SHA256())
    )
    leaf_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    start = now - dt.timedelta(days=400 if expired else 1)
    end = now - dt.timedelta(days=1) if expired else now + dt.timedelta(days=365)
    leaf_cert = (
        x509.CertificateBuilder()
        .subject_name(_name("Wali Kota Palangkaraya", "Pemerintah Kota Palangkaraya"))
        .issuer_name(ca_name)
        .public_key(leaf_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                key_usage_signing,
                key_usage_signing,
                not key_usage_signing,
                False,
                False,
                False,
                False,
                False,
                False,
            ),
            critical=True,
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
        )
        .sign(ca_key, hashes.SHA256())
    )
    blob = pkcs12.serialize_key_and_certificates(
        b"palangkaraya", leaf_key, leaf_cert, [ca_cert], BestAvailableEncryption(password.encode())
    )
    path.write_bytes(blob)
    return IssuedP12(path, password, ca_cert, leaf_cert)


@pytest.fixture
def issued_p12(tmp_path: Path) -> IssuedP12:
    """An RSA identity issued by a CA, as a BSrE ``.p12`` would be."""
    return make_ca_issued_p12(tmp_path / "bsre.p12", "rahasia-bsre")


@pytest.fixture(scope="session")
def bandung_identity(tmp_path_factory: pytest.TempPathFactory) -> OfficeIdentity:
    """Bandung's self-made identity (created once per session: key generation is not free)."""
    folder = tmp_path_factory.mktemp("bandung")
    return create_identity(
        folder / "office.p12",
        "sandi-bandung",
        common_name="Wali Kota Bandung",
        organization="Pemerintah Kota Bandung",
        unit="Bagian Kerja Sama",
    )


@pytest.fixture(scope="session")
def palangkaraya_identity(tmp_path_factory: pytest.TempPathFactory) -> OfficeIdentity:
    """Palangkaraya's self-made identity."""
    folder = tmp_path_factory.mktemp("palangkaraya")
    return create_identity(
        folder / "office.p12",
        "sandi-palangkaraya",
        common_name="Wali Kota Palangkaraya",
        organization="Pemerintah Kota Palangkaraya",
        unit="Bagian Kerja Sama",
    )


def handwriting_png(color: tuple[int, int, int] = (12, 30, 140)) -> bytes:
    """A scribbled signature as a signature pad would export it (transparent PNG)."""
    import io

    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (480, 180), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    points = [
        (14, 130),
        (70, 40),
        (120, 150),
        (190, 30),
        (250, 140),
        (320, 50),
        (380, 120),
        (466, 70),
    ]
    draw.line(points, fill=(*color, 255), width=10, joint="curve")
    draw.line([(40, 160), (440, 150)], fill=(*color, 255), width=5)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


@pytest.fixture(scope="session")
def signature_png() -> bytes:
    """A handwritten-looking signature image."""
    return handwriting_png()


@dataclass
class SignedAgreement:
    """The rendered sample agreement before signing, after party A, and after both parties."""

    unsigned: bytes
    after_first: bytes
    after_both: bytes
    slots: list


@pytest.fixture(scope="session")
def signed_agreement(
    bandung_identity: OfficeIdentity, palangkaraya_identity: OfficeIdentity, signature_png: bytes
) -> SignedAgreement:
    """The sample agreement rendered on F4, signed by Bandung then Palangkaraya."""
    from mou.pdf.render import render_pdf_bytes
    from mou.pdf.sample import sample_document
    from mou.signing import sign_pdf

    unsigned, result = render_pdf_bytes(sample_document())
    first, second = result.signature_slots
    after_first = sign_pdf(
        unsigned,
        bandung_identity,
        field_name=first.field_name,
        signer_name=first.signer_name,
        signer_title=first.signer_title,
        signature_png=signature_png,
    )
    after_both = sign_pdf(
        after_first,
        palangkaraya_identity,
        field_name=second.field_name,
        signer_name=second.signer_name,
        signer_title=second.signer_title,
        signature_png=signature_png,
        tz_label="WIB",
    )
    return SignedAgreement(unsigned, after_first, after_both, result.signature_slots)
