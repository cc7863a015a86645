"""Real certificates for the trust tests, made with ``cryptography`` (no mocks).

Each helper returns real keys and X.509 certificates; :func:`identity` wraps one in an
``OfficeIdentity`` so ``mou.signing.sign_pdf`` signs a real PDF with it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from mou.signing.identity import OfficeIdentity, fingerprint_sha256

NOW = dt.datetime.now(dt.UTC)
SIGNING = "signing"  # digitalSignature + nonRepudiation
ENCIPHER_ONLY = "keyEncipherment"  # a key that may not sign documents
CA_USAGE = "ca"  # keyCertSign + cRLSign
CA_NO_CERT_SIGN = "ca-without-keyCertSign"  # digitalSignature + cRLSign only


def name(cn: str, org: str) -> x509.Name:
    """A subject name as the offices use them."""
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
            x509.NameAttribute(NameOID.COMMON_NAME, cn),
        ]
    )


def _usage(kind: str) -> x509.KeyUsage:
    flags = dict.fromkeys(
        (
            "digital_signature",
            "content_commitment",
            "key_encipherment",
            "data_encipherment",
            "key_agreement",
            "key_cert_sign",
            "crl_sign",
            "encipher_only",
            "decipher_only",
        ),
        False,
    )
    if kind == SIGNING:
        flags.update(digital_signature=True, content_commitment=True)
    elif kind == ENCIPHER_ONLY:
        flags.update(key_encipherment=True)
    elif kind == CA_USAGE:
        flags.update(key_cert_sign=True, crl_sign=True)
    elif kind == CA_NO_CERT_SIGN:
        flags.update(digital_signature=True, crl_sign=True)
    return x509.KeyUsage(**flags)


@dataclass
class Issued:
    """A key and the certificate issued for it."""

    key: ec.EllipticCurvePrivateKey
    cert: x509.Certificate

    @property
    def fingerprint(self) -> str:
        """SHA-256 fingerprint, as the app shows it."""
        return fingerprint_sha256(self.cert)


def issue(
    cn: str,
    org: str,
    *,
    issuer: Issued | None = None,
    key: ec.EllipticCurvePrivateKey | None = None,
    ca: bool = False,
    usage: str = SIGNING,
    not_before: dt.datetime | None = None,
    not_after: dt.datetime | None = None,
    crl_url: str | None = None,
) -> Issued:
    """A certificate for ``cn``/``org``: self-signed, or signed by ``issuer``'s key."""
    key = key or ec.generate_private_key(ec.SECP256R1())
    subject = name(cn, org)
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer.cert.subject if issuer else subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before or NOW - dt.timedelta(days=30))
        .not_valid_after(not_after or NOW + dt.timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(_usage(usage), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
    )
    signer_key = issuer.key if issuer else key
    builder = builder.add_extension(
        x509.AuthorityKeyIdentifier.from_issuer_public_key(signer_key.public_key()), False
    )
    if crl_url:
        builder = builder.add_extension(
            x509.CRLDistributionPoints(
                [x509.DistributionPoint([x509.UniformResourceIdentifier(crl_url)], None, None, None)]
            ),
            False,
        )
    return Issued(key, builder.sign(signer_key, hashes.SHA256()))


def crl(issuer: Issued, revoked: list[x509.Certificate]) -> bytes:
    """A CRL (DER) by ``issuer`` listing ``revoked``."""
    from cryptography.hazmat.primitives.serialization import Encoding

    builder = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(issuer.cert.subject)
        .last_update(NOW - dt.timedelta(days=1))
        .next_update(NOW + dt.timedelta(days=7))
        .add_extension(x509.CRLNumber(1), False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer.key.public_key()), False
        )
    )
    for cert in revoked:
        builder = builder.add_revoked_certificate(
            x509.RevokedCertificateBuilder()
            .serial_number(cert.serial_number)
            .revocation_date(NOW - dt.timedelta(days=2))
            .build()
        )
    return builder.sign(issuer.key, hashes.SHA256()).public_bytes(Encoding.DER)


def identity(issued: Issued, chain: list[x509.Certificate] | None = None) -> OfficeIdentity:
    """An unlocked signing identity for ``issued`` (as if loaded from its PKCS#12 file)."""
    cert = issued.cert
    cn = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value
    org = cert.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value
    return OfficeIdentity(
        private_key=issued.key,
        certificate=cert,
        chain=list(chain or []),
        subject_name=str(cn),
        organization=str(org),
        fingerprint_sha256=fingerprint_sha256(cert),
    )


def sign_field(pdf: bytes, who: OfficeIdentity, field: str) -> bytes:
    """Sign the reserved ``field`` of ``pdf`` as ``who`` (no handwriting, for speed)."""
    from mou.signing import sign_pdf

    return sign_pdf(
        pdf, who, field_name=field, signer_name=who.subject_name, signer_title="-",
        signature_png=None,
    )  # fmt: skip
