"""The certificate authorities an office trusts (BSrE, the Root CA Indonesia chain, a city's CA).

Kept as one PEM file in the data folder (mode 0600), read by the UI's ``office_trust_for`` and
handed to :meth:`mou.signing.trust.TrustAnchors.with_cas`, so every signer issued by one of them
is judged by full path validation. Only real CA certificates are accepted: a leaf
(basicConstraints CA:FALSE, or without keyCertSign) must never become an issuer, and an expired
authority vouches for nothing new.
"""

from __future__ import annotations

import datetime as dt
import enum
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from mou.durable import write_atomically
from mou.signing.identity import fingerprint_sha256
from mou.signing.trust import TrustProblem, is_ca_certificate, validity_problem

FILE_NAME = "trusted_authorities.pem"
MAX_AUTHORITIES = 50  # a handful in practice; bounds what a crafted file can make us load
MAX_CERTIFICATE_BYTES = 64 * 1024  # one certificate is a few KiB
MAX_FILE_BYTES = MAX_AUTHORITIES * MAX_CERTIFICATE_BYTES


class AuthorityProblem(enum.StrEnum):
    """Why a certificate was not added (the UI words each one)."""

    UNREADABLE = "authority.unreadable"
    NOT_A_CA = "authority.not_a_ca"
    EXPIRED = "authority.expired"
    NOT_YET_VALID = "authority.not_yet_valid"
    TOO_MANY = "authority.too_many"


class AuthorityRefused(ValueError):
    """A certificate that may not be trusted as an authority; ``problem`` says why."""

    def __init__(self, problem: AuthorityProblem) -> None:
        super().__init__(problem.value)
        self.problem = problem


def read_authority(raw: bytes, now: dt.datetime | None = None) -> x509.Certificate:
    """Parse one CA certificate (PEM or DER) and check it may be an anchor now.

    Raises :class:`AuthorityRefused` for an unreadable file, a non-CA certificate (CA:FALSE or
    no keyCertSign) and one outside its validity window.
    """
    if len(raw) > MAX_CERTIFICATE_BYTES:
        raise AuthorityRefused(AuthorityProblem.UNREADABLE)
    try:
        try:
            certificate = x509.load_pem_x509_certificate(raw)
        except ValueError:
            certificate = x509.load_der_x509_certificate(raw)
    except ValueError:
        raise AuthorityRefused(AuthorityProblem.UNREADABLE) from None
    if not is_ca_certificate(certificate):
        raise AuthorityRefused(AuthorityProblem.NOT_A_CA)
    problem = validity_problem(certificate, now or dt.datetime.now(dt.UTC))
    if problem is TrustProblem.EXPIRED:
        raise AuthorityRefused(AuthorityProblem.EXPIRED)
    if problem is TrustProblem.NOT_YET_VALID:
        raise AuthorityRefused(AuthorityProblem.NOT_YET_VALID)
    return certificate


class AuthorityStore:
    """The trusted authorities of one data folder, in ``<data>/trusted_authorities.pem``."""

    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / FILE_NAME

    def load(self) -> list[x509.Certificate]:
        """The stored authorities that are still CA certificates (an edited file cannot sneak
        a leaf in); empty when there is no file or it is unreadable."""
        try:
            if self.path.stat().st_size > MAX_FILE_BYTES:
                return []
            certificates = x509.load_pem_x509_certificates(self.path.read_bytes())
        except (OSError, ValueError):
            return []
        return [c for c in certificates[:MAX_AUTHORITIES] if is_ca_certificate(c)]

    def add(self, certificate: x509.Certificate) -> bool:
        """Trust ``certificate`` as an authority; False when it already is."""
        current = self.load()
        known = {fingerprint_sha256(c) for c in current}
        if fingerprint_sha256(certificate) in known:
            return False
        if len(current) >= MAX_AUTHORITIES:
            raise AuthorityRefused(AuthorityProblem.TOO_MANY)
        self._write([*current, certificate])
        return True

    def remove(self, fingerprint: str) -> bool:
        """Stop trusting the authority with this SHA-256 fingerprint; False when not found."""
        current = self.load()
        kept = [c for c in current if fingerprint_sha256(c) != fingerprint]
        if len(kept) == len(current):
            return False
        self._write(kept)
        return True

    def _write(self, certificates: list[x509.Certificate]) -> None:
        """Replace the file atomically, readable by the owner only (it decides whom we trust)."""
        data = b"".join(c.public_bytes(serialization.Encoding.PEM) for c in certificates)
        write_atomically(self.path, data)  # a new 0600 file: an older one's wider rights go
