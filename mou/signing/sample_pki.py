"""An in-process certificate authority and time-stamp authority for the sample agreement.

``python main.py sample-agreement`` must produce a B-LTA file without any network: this module
plays BSrE and a TSA in memory. Everything it makes is real: X.509 certificates issued by a CA key,
RFC 3161 tokens signed by the TSA's own key (pyHanko's ``DummyTimeStamper``, which is a genuine
token signer that answers in-process instead of over HTTP), a CRL and OCSP responses signed by the
CA. The office certificates name an OCSP responder and a CRL at ``.invalid`` hosts (RFC 2606), so
nothing is ever fetched: the revocation data is handed to pyHanko directly and ends in the DSS.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass, field

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12
from cryptography.x509 import ocsp
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from mou.signing.identity import OfficeIdentity, identity_from_pkcs12

OCSP_URL = "http://ocsp.sample-ca.lintas.invalid/"
CRL_URL = "http://crl.sample-ca.lintas.invalid/sample-ca.crl"
#: Office certificates live two years, like a BSrE one; the agreement outlives them.
OFFICE_CERT_DAYS = 730
TSA_CERT_DAYS = 3650
CA_CERT_DAYS = 7300


def _name(cn: str, org: str, unit: str | None = None) -> x509.Name:
    parts = [
        x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
    ]
    if unit:
        parts.append(x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, unit))
    parts.append(x509.NameAttribute(NameOID.COMMON_NAME, cn))
    return x509.Name(parts)


def _key_usage(*, signing: bool = False, ca: bool = False) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=signing or ca,
        content_commitment=signing,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=ca,
        crl_sign=ca,
        encipher_only=False,
        decipher_only=False,
    )


@dataclass
class SamplePki:
    """The sample CA (EC P-256), its TSA (RSA: pyHanko's token signer needs RSA) and revocation."""

    now: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))
    ca_key: ec.EllipticCurvePrivateKey = field(init=False)
    ca_cert: x509.Certificate = field(init=False)
    tsa_key: rsa.RSAPrivateKey = field(init=False)
    tsa_cert: x509.Certificate = field(init=False)
    issued: list[x509.Certificate] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        self.ca_key = ec.generate_private_key(ec.SECP256R1())
        ca_name = _name("Lintas Sample CA (not for real agreements)", "Lintas Sample PKI")
        self.ca_cert = (
            self._builder(ca_name, self.ca_key.public_key(), CA_CERT_DAYS, issuer=ca_name)
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(_key_usage(ca=True), critical=True)
            .sign(self.ca_key, hashes.SHA256())
        )
        self.tsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.tsa_cert = (
            self._builder(
                _name("Lintas Sample Time-Stamp Authority", "Lintas Sample PKI"),
                self.tsa_key.public_key(),
                TSA_CERT_DAYS,
            )
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(_key_usage(signing=True), critical=True)
            .add_extension(
                x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True
            )
            .sign(self.ca_key, hashes.SHA256())
        )

    def _builder(self, subject, public_key, days: int, *, issuer=None) -> x509.CertificateBuilder:
        builder = (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(issuer or self.ca_cert.subject)
            .public_key(public_key)
            .serial_number(x509.random_serial_number())
            .not_valid_before(self.now - dt.timedelta(hours=1))
            .not_valid_after(self.now + dt.timedelta(days=days))
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
        )
        if issuer is None:
            builder = builder.add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(self.ca_key.public_key()),
                critical=False,
            )
        return builder

    def issue_identity(self, *, common_name: str, organization: str, unit: str) -> OfficeIdentity:
        """An office identity issued by the CA, unlocked through the app's own PKCS#12 path."""
        key = ec.generate_private_key(ec.SECP256R1())
        cert = (
            self._builder(
                _name(common_name, organization, unit), key.public_key(), OFFICE_CERT_DAYS
            )
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(_key_usage(signing=True), critical=True)
            .add_extension(
                x509.AuthorityInformationAccess(
                    [
                        x509.AccessDescription(
                            x509.oid.AuthorityInformationAccessOID.OCSP,
                            x509.UniformResourceIdentifier(OCSP_URL),
                        )
                    ]
                ),
                critical=False,
            )
            .add_extension(
                x509.CRLDistributionPoints(
                    [
                        x509.DistributionPoint(
                            [x509.UniformResourceIdentifier(CRL_URL)], None, None, None
                        )
                    ]
                ),
                critical=False,
            )
            .sign(self.ca_key, hashes.SHA256())
        )
        self.issued.append(cert)
        password = secrets.token_urlsafe(16)
        blob = pkcs12.serialize_key_and_certificates(
            b"office", key, cert, [self.ca_cert], BestAvailableEncryption(password.encode())
        )
        return identity_from_pkcs12(blob, password, source="sample")

    def crl(self) -> bytes:
        """The CA's current CRL (nobody revoked), DER."""
        builder = (
            x509.CertificateRevocationListBuilder()
            .issuer_name(self.ca_cert.subject)
            .last_update(self.now - dt.timedelta(minutes=5))
            .next_update(self.now + dt.timedelta(days=7))
            .add_extension(x509.CRLNumber(1), critical=False)
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(self.ca_key.public_key()),
                critical=False,
            )
        )
        return builder.sign(self.ca_key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)

    def ocsp_responses(self) -> list[bytes]:
        """One GOOD OCSP response per issued office certificate, signed by the CA, DER."""
        out = []
        for cert in self.issued:
            builder = (
                ocsp.OCSPResponseBuilder()
                .add_response(
                    cert=cert,
                    issuer=self.ca_cert,
                    algorithm=hashes.SHA256(),
                    cert_status=ocsp.OCSPCertStatus.GOOD,
                    this_update=self.now - dt.timedelta(minutes=5),
                    next_update=self.now + dt.timedelta(days=1),
                    revocation_time=None,
                    revocation_reason=None,
                )
                .responder_id(ocsp.OCSPResponderEncoding.HASH, self.ca_cert)
            )
            response = builder.sign(self.ca_key, hashes.SHA256())
            out.append(response.public_bytes(serialization.Encoding.DER))
        return out

    def timestamper(self):
        """pyHanko's in-process RFC 3161 signer with the TSA's certificate and key."""
        from asn1crypto import keys as asn1_keys
        from asn1crypto import x509 as asn1_x509
        from pyhanko.sign.timestamps import DummyTimeStamper
        from pyhanko_certvalidator.registry import SimpleCertificateStore

        der = serialization.Encoding.DER
        return DummyTimeStamper(
            tsa_cert=asn1_x509.Certificate.load(self.tsa_cert.public_bytes(der)),
            tsa_key=asn1_keys.PrivateKeyInfo.load(
                self.tsa_key.private_bytes(
                    der, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
                )
            ),
            certs_to_embed=SimpleCertificateStore.from_certs(
                [asn1_x509.Certificate.load(self.ca_cert.public_bytes(der))]
            ),
        )
