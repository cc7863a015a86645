"""The office's signing identity: a private key and X.509 certificate kept in a PKCS#12 file.

An office either creates its own identity (EC P-256 key, self-signed certificate naming the office)
or imports one issued elsewhere, typically a BSrE ``.p12``. The private key only ever lives on
disk inside the password-protected PKCS#12 container; this module never writes it unencrypted.
Counterpart offices trust each other by exchanging the PEM certificate (``export_certificate``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import os
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed448, ed25519, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from mou.durable import write_atomically
from mou.messages import DomainMessage

# Private keys this module can sign with through pyHanko (Ed25519/Ed448 included for completeness).
PrivateKey = (
    ec.EllipticCurvePrivateKey
    | rsa.RSAPrivateKey
    | ed25519.Ed25519PrivateKey
    | ed448.Ed448PrivateKey
)

# Adobe's "document signing" EKU; harmless for other validators and helps Acrobat's UI.
_EKU_DOCUMENT_SIGNING = x509.ObjectIdentifier("1.2.840.113583.1.1.5")


class IdentityCode(StrEnum):
    """Codes of the identity errors (see :mod:`mou.messages`)."""

    PASSWORD_REQUIRED = "identity.password_required"
    NAMES_REQUIRED = "identity.names_required"
    VALIDITY_TOO_SHORT = "identity.validity_too_short"
    EMPTY = "identity.empty"
    NOT_PKCS12 = "identity.not_pkcs12"
    CANNOT_OPEN = "identity.cannot_open"
    WRONG_PASSWORD = "identity.wrong_password"
    NO_KEY = "identity.no_key"
    NO_CERTIFICATE = "identity.no_certificate"
    UNSUPPORTED_KEY = "identity.unsupported_key"
    KEY_MISMATCH = "identity.key_mismatch"
    MISSING_FILE = "identity.missing_file"
    UNREADABLE_FILE = "identity.unreadable_file"
    EXPIRED = "identity.expired"
    NOT_YET_VALID = "identity.not_yet_valid"
    NOT_FOR_SIGNING = "identity.not_for_signing"
    UNPROTECTED_IMPORT = "identity.unprotected_import"
    NOT_A_CERTIFICATE = "identity.not_a_certificate"


class IdentityError(Exception):
    """The identity file cannot be used: unreadable, not PKCS#12, incomplete or unsuitable.

    ``message`` carries an ``IdentityCode`` and params for the UI; ``str()`` stays English.
    """

    def __init__(self, text: str, *, code: str = "", **params: str | int) -> None:
        self.message = DomainMessage(code, params, text)
        super().__init__(text)


class WrongPasswordError(IdentityError):
    """The PKCS#12 file is intact but the password does not open it."""


@dataclass
class OfficeIdentity:
    """An unlocked signing identity (keep it in memory only as long as a signing needs it)."""

    private_key: PrivateKey
    certificate: x509.Certificate
    chain: list[x509.Certificate]
    subject_name: str
    organization: str
    fingerprint_sha256: str
    unit: str | None = None
    not_valid_after: dt.datetime | None = field(default=None)

    def certificate_pem(self) -> bytes:
        """The certificate alone, PEM encoded: what a counterpart office imports to trust us."""
        return self.certificate.public_bytes(serialization.Encoding.PEM)


def fingerprint_sha256(certificate: x509.Certificate) -> str:
    """SHA-256 fingerprint as colon-separated upper-case hex, the way people read them aloud."""
    return certificate.fingerprint(hashes.SHA256()).hex(":").upper()


def _name_attr(name: x509.Name, oid: x509.ObjectIdentifier) -> str | None:
    values = name.get_attributes_for_oid(oid)
    if not values:
        return None
    value = values[0].value
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _identity_from(
    key: PrivateKey, certificate: x509.Certificate, chain: list[x509.Certificate]
) -> OfficeIdentity:
    subject = certificate.subject
    common_name = _name_attr(subject, NameOID.COMMON_NAME) or subject.rfc4514_string()
    organization = _name_attr(subject, NameOID.ORGANIZATION_NAME) or common_name
    return OfficeIdentity(
        private_key=key,
        certificate=certificate,
        chain=chain,
        subject_name=common_name,
        organization=organization,
        fingerprint_sha256=fingerprint_sha256(certificate),
        unit=_name_attr(subject, NameOID.ORGANIZATIONAL_UNIT_NAME),
        not_valid_after=certificate.not_valid_after_utc,
    )


#: PBKDF2 rounds of the key and certificate bags, and the MAC's iteration count.
KDF_ROUNDS = 200_000


def _encryption(password: str) -> serialization.KeySerializationEncryption:
    # AES-256 + PBKDF2-SHA256 and a SHA-256 MAC: readable by OpenSSL 1.1.1+/3.x and pyHanko, and
    # not the legacy RC2/3DES that BestAvailableEncryption might pick on older builds.
    return (
        serialization.PrivateFormat.PKCS12.encryption_builder()
        .kdf_rounds(KDF_ROUNDS)
        .key_cert_algorithm(pkcs12.PBES.PBESv2SHA256AndAES256CBC)
        .hmac_hash(hashes.SHA256())
        .build(password.encode("utf-8"))
    )


def _pkcs12_mac_key(password: str, salt: bytes, iterations: int) -> bytes:
    """RFC 7292 appendix B key derivation (ID 3: MAC key) with SHA-256, for a 32-byte key."""
    v = 64  # SHA-256 block size
    secret = password.encode("utf-16-be") + b"\x00\x00"
    d = b"\x03" * v
    s = (salt * (v // len(salt) + 1))[: v * -(-len(salt) // v)] if salt else b""
    p = (secret * (v // len(secret) + 1))[: v * -(-len(secret) // v)]
    digest = hashlib.sha256(d + s + p).digest()
    for _ in range(iterations - 1):
        digest = hashlib.sha256(digest).digest()
    return digest


def _strengthen_mac(blob: bytes, password: str, iterations: int = KDF_ROUNDS) -> bytes:
    """Recompute the PKCS#12 MAC with ``iterations`` (cryptography fixes it at 2,048).

    Otherwise a wrong guess costs one cheap MAC check while an unlock costs the full PBKDF2:
    the MAC would be the cheap way to test passwords. Same SHA-256, new salt and count.
    """
    from asn1crypto import pkcs12 as asn1_pkcs12

    pfx = asn1_pkcs12.Pfx.load(blob)
    content = pfx["auth_safe"]["content"].contents  # the DER of the AuthenticatedSafe
    salt = os.urandom(16)
    key = _pkcs12_mac_key(password, salt, iterations)
    mac_data = pfx["mac_data"]
    mac_data["mac_salt"] = salt
    mac_data["iterations"] = iterations
    mac_data["mac"]["digest"] = hmac.new(key, content, hashlib.sha256).digest()
    return pfx.dump(force=True)


def create_identity(
    path: Path,
    password: str,
    *,
    common_name: str,
    organization: str,
    unit: str | None = None,
    valid_days: int = 1825,
) -> OfficeIdentity:
    """Create an EC P-256 key and self-signed certificate, saved as PKCS#12 at ``path``.

    The subject is ``CN=common_name, OU=unit, O=organization, C=ID`` (e.g. CN "Wali Kota Bandung",
    O "Pemerintah Kota Bandung"). Key usage is digitalSignature + nonRepudiation, the profile of a
    document-signing certificate. Raises ``IdentityError`` for an empty password or name.
    """
    if not password:
        raise IdentityError(
            "A password is required to protect the office signing key.",
            code=IdentityCode.PASSWORD_REQUIRED,
        )
    if not common_name.strip() or not organization.strip():
        raise IdentityError(
            "The certificate needs the office name and the signer's name.",
            code=IdentityCode.NAMES_REQUIRED,
        )
    if valid_days < 1:
        raise IdentityError(
            "The certificate must be valid for at least one day.",
            code=IdentityCode.VALIDITY_TOO_SHORT,
        )
    key = ec.generate_private_key(ec.SECP256R1())
    attrs = [x509.NameAttribute(NameOID.COUNTRY_NAME, "ID")]
    attrs.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization.strip()))
    if unit and unit.strip():
        attrs.append(x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, unit.strip()))
    attrs.append(x509.NameAttribute(NameOID.COMMON_NAME, common_name.strip()))
    name = x509.Name(attrs)
    # Back-date a little so a counterpart whose clock runs a few minutes behind still accepts it.
    now = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=10)
    ski = x509.SubjectKeyIdentifier.from_public_key(key.public_key())
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + dt.timedelta(days=valid_days))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.ExtendedKeyUsage([_EKU_DOCUMENT_SIGNING, ExtendedKeyUsageOID.EMAIL_PROTECTION]),
            critical=False,
        )
        .add_extension(ski, critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ski), critical=False
        )
        .sign(key, hashes.SHA256())
    )
    blob = pkcs12.serialize_key_and_certificates(
        name=common_name.strip().encode("utf-8"),
        key=key,
        cert=certificate,
        cas=None,
        encryption_algorithm=_encryption(password),
    )
    blob = _strengthen_mac(blob, password)
    write_atomically(Path(path), blob)
    return _identity_from(key, certificate, [])


def _looks_like_pkcs12(data: bytes) -> bool:
    """Parse the outer PFX structure without the password, to tell corruption from a bad password."""
    from asn1crypto import pkcs12 as asn1_pkcs12

    try:
        pfx = asn1_pkcs12.Pfx.load(data, strict=True)
        # Touch the nested parts: a truncated file fails here rather than later.
        if pfx["version"].native != "v3":
            return False
        # The AuthenticatedSafe is readable without the password (its parts are encrypted).
        return len(pfx.authenticated_safe) > 0
    except (ValueError, TypeError, KeyError, OverflowError, AttributeError):
        return False


def identity_from_pkcs12(data: bytes, password: str, *, source: str = "file") -> OfficeIdentity:
    """Unlock PKCS#12 bytes. Raises ``WrongPasswordError`` or ``IdentityError`` with a clear reason."""
    name = source.removeprefix("file ")  # the file's name, for the translated messages
    if not data:
        raise IdentityError(f"The identity {source} is empty.", code=IdentityCode.EMPTY, name=name)
    if not _looks_like_pkcs12(data):
        raise IdentityError(
            f"The identity {source} is not a PKCS#12 (.p12/.pfx) file or it is damaged.",
            code=IdentityCode.NOT_PKCS12,
            name=name,
        )
    candidates: list[bytes | None] = [password.encode("utf-8")] if password else [None, b""]
    loaded = None
    for candidate in candidates:
        try:
            loaded = pkcs12.load_pkcs12(data, candidate)
            break
        except ValueError:
            continue
        except Exception as exc:  # unsupported algorithm etc.: report instead of crashing the UI
            raise IdentityError(
                f"The identity {source} cannot be opened: {exc}",
                code=IdentityCode.CANNOT_OPEN,
                name=name,
                detail=str(exc),
            ) from exc
    if loaded is None:
        raise WrongPasswordError(
            f"The password does not open the identity {source}.",
            code=IdentityCode.WRONG_PASSWORD,
            name=name,
        )
    if loaded.key is None:
        raise IdentityError(
            f"The identity {source} holds no private key.", code=IdentityCode.NO_KEY, name=name
        )
    if loaded.cert is None:
        raise IdentityError(
            f"The identity {source} holds no certificate.",
            code=IdentityCode.NO_CERTIFICATE,
            name=name,
        )
    key = loaded.key
    if not isinstance(
        key,
        ec.EllipticCurvePrivateKey
        | rsa.RSAPrivateKey
        | ed25519.Ed25519PrivateKey
        | ed448.Ed448PrivateKey,
    ):
        raise IdentityError(
            f"The identity {source} holds an unsupported key type for signing.",
            code=IdentityCode.UNSUPPORTED_KEY,
            name=name,
        )
    certificate = loaded.cert.certificate
    fmt = serialization.PublicFormat.SubjectPublicKeyInfo
    der = serialization.Encoding.DER
    if key.public_key().public_bytes(der, fmt) != certificate.public_key().public_bytes(der, fmt):
        raise IdentityError(
            f"The private key in the identity {source} does not match its certificate.",
            code=IdentityCode.KEY_MISMATCH,
            name=name,
        )
    chain = [c.certificate for c in loaded.additional_certs if c.certificate != certificate]
    return _identity_from(key, certificate, chain)


def load_identity(path: Path, password: str) -> OfficeIdentity:
    """Open the office's PKCS#12 file. Raises ``WrongPasswordError`` or ``IdentityError``."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise IdentityError(
            f"No signing identity at {path}.", code=IdentityCode.MISSING_FILE, path=str(path)
        ) from exc
    except OSError as exc:
        raise IdentityError(
            f"Cannot read the signing identity {path}: {exc.strerror}.",
            code=IdentityCode.UNREADABLE_FILE,
            path=str(path),
            detail=str(exc.strerror),
        ) from exc
    return identity_from_pkcs12(data, password, source=f"file {path.name}")


def _check_usable(identity: OfficeIdentity) -> None:
    """Reject certificates that cannot sign documents now (expired, not yet valid, wrong usage)."""
    cert = identity.certificate
    now = dt.datetime.now(dt.UTC)
    if cert.not_valid_after_utc < now:
        raise IdentityError(
            f"The certificate of {identity.subject_name} expired on "
            f"{cert.not_valid_after_utc:%Y-%m-%d}.",
            code=IdentityCode.EXPIRED,
            subject=identity.subject_name,
            date=f"{cert.not_valid_after_utc:%Y-%m-%d}",
        )
    if cert.not_valid_before_utc > now + dt.timedelta(days=1):
        raise IdentityError(
            f"The certificate of {identity.subject_name} is valid only from "
            f"{cert.not_valid_before_utc:%Y-%m-%d}.",
            code=IdentityCode.NOT_YET_VALID,
            subject=identity.subject_name,
            date=f"{cert.not_valid_before_utc:%Y-%m-%d}",
        )
    try:
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return
    if not (usage.digital_signature or usage.content_commitment):
        raise IdentityError(
            f"The certificate of {identity.subject_name} is not meant for signing documents "
            "(its key usage allows neither digital signature nor non-repudiation).",
            code=IdentityCode.NOT_FOR_SIGNING,
            subject=identity.subject_name,
        )


def import_identity(source: Path, password: str, dest: Path) -> OfficeIdentity:
    """Validate an existing ``.p12`` (e.g. issued by BSrE) and copy it to ``dest`` unchanged.

    The file is copied byte for byte, so the issuer's encryption is kept and the key is never
    re-serialised. Raises ``WrongPasswordError`` / ``IdentityError``; ``dest`` is untouched then.
    """
    source = Path(source)
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise IdentityError(
            f"Cannot read {source}: {exc.strerror or exc}.",
            code=IdentityCode.UNREADABLE_FILE,
            path=str(source),
            detail=str(exc.strerror or exc),
        ) from exc
    identity = identity_from_pkcs12(data, password, source=f"file {source.name}")
    _check_usable(identity)
    if not password:
        # An unprotected key must not land in the data folder as is.
        raise IdentityError(
            "The imported identity must be protected by a password.",
            code=IdentityCode.UNPROTECTED_IMPORT,
        )
    write_atomically(Path(dest), data)
    return identity


def export_certificate(identity: OfficeIdentity, path: Path) -> None:
    """Write the identity's certificate (no key) as PEM, for the counterpart office to trust."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(identity.certificate_pem())


def load_certificates(path: Path) -> list[x509.Certificate]:
    """Read one or more certificates from a PEM or DER file (a counterpart's exported cert)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IdentityError(
            f"Cannot read certificate {path}: {exc.strerror or exc}.",
            code=IdentityCode.UNREADABLE_FILE,
            path=str(path),
            detail=str(exc.strerror or exc),
        ) from exc
    try:
        if b"-----BEGIN CERTIFICATE-----" in data:
            return x509.load_pem_x509_certificates(data)
        return [x509.load_der_x509_certificate(data)]
    except ValueError as exc:
        raise IdentityError(
            f"{path.name} is not an X.509 certificate (PEM or DER).",
            code=IdentityCode.NOT_A_CERTIFICATE,
            name=path.name,
        ) from exc
