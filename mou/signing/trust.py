"""The one trust model for agreement signatures: pinned office certificates and CA anchors.

Two kinds of anchor, never mixed up:

- **Pinned office certificates** (from office cards, or ``verify --trust``). A pin is trusted
  only as the end-entity certificate of its office: the signer certificate must BE the pinned
  certificate (same DER, compared by SHA-256 fingerprint). A pin is never handed to a path
  validator as a trust root, so a pinned office cannot issue certificates in anyone's name.
- **CA anchors** (BSrE, the Root CA Indonesia chain, a city's own CA). The signer is validated
  by ``pyhanko_certvalidator``: path, validity at the signing/timestamp time, basic constraints,
  key usage of every issuer, and revocation (OCSP/CRL) according to :class:`RevocationPolicy`.

Both kinds additionally require the signer certificate to be inside its validity window at the
validation time and to allow signing (digitalSignature or nonRepudiation).

:class:`TrustAnchors` is what verification takes; :meth:`TrustAnchors.validation_context` gives a
``ValidationContext`` for any moment (e.g. the time of a trusted timestamp), which is what the LTV
code uses to judge a signature at its timestamp time.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.x509.oid import NameOID

from mou.signing.identity import fingerprint_sha256

# The signer's certificate must allow one of these (RFC 5280 names; nonRepudiation is also
# called contentCommitment). pyHanko's KeyUsageConstraints uses the same names.
SIGNING_KEY_USAGES = frozenset({"digital_signature", "non_repudiation"})
MAX_ANCHORS = 500  # bound the work a caller (or a crafted card list) can make us do
MAX_REVOCATION_ITEMS = 200


class RevocationPolicy(enum.StrEnum):
    """How revocation of CA-issued certificates is checked (pins are revoked by un-pinning)."""

    OFFLINE = "offline"  # no network; CRLs/OCSP responses given to TrustAnchors are still used
    SOFT_FAIL = "soft_fail"  # fetch from the CA; an unreachable responder is tolerated
    HARD_FAIL = "hard_fail"  # fetch from the CA; if the CA offers OCSP/CRL it must answer


class AnchorKind(enum.StrEnum):
    """What made a signer trusted."""

    PINNED = "pinned"
    CA = "ca"
    NONE = "none"


class RevocationCheck(enum.StrEnum):
    """What the report says about revocation of one signer (shown to the user)."""

    PINNED = "pinned"  # a pinned certificate: withdrawn by removing the office card
    NOT_CHECKED_OFFLINE = "not_checked_offline"
    OCSP = "ocsp"  # an OCSP answer fetched live during this check
    CRL = "crl"  # a CRL fetched live, or given to this check
    STORED = "stored"  # OCSP/CRL data stored in the document (DSS) when it was signed
    SUPPLIED = "supplied"  # OCSP answers given to this check by the caller (no fetch)
    NONE_OFFERED = "none_offered"  # checked online, but the CA offers neither OCSP nor CRL
    NOT_APPLICABLE = "not_applicable"  # untrusted signer: nothing to check


class TrustProblem(enum.StrEnum):
    """Why a signer is not trusted or not bound to its field (codes for the UI's table)."""

    NONE = ""
    NO_ANCHOR = "trust.no_anchor"
    EXPIRED = "trust.expired"
    NOT_YET_VALID = "trust.not_yet_valid"
    NOT_FOR_SIGNING = "trust.not_for_signing"
    REVOKED = "trust.revoked"
    REVOCATION_UNKNOWN = "trust.revocation_unknown"
    BAD_CHAIN = "trust.bad_chain"
    WRONG_OFFICE = "trust.wrong_office"
    UNEXPECTED_FIELD = "trust.unexpected_field"
    SAME_KEY = "trust.same_key"


@dataclass(frozen=True)
class PinnedOffice:
    """An office certificate trusted as that office's end entity (never as an issuer)."""

    certificate: x509.Certificate
    office: str = ""  # display name; defaults to the certificate's O

    @property
    def fingerprint(self) -> str:
        """SHA-256 fingerprint of the pinned certificate."""
        return fingerprint_sha256(self.certificate)

    @property
    def office_name(self) -> str:
        """The office this pin stands for."""
        return self.office or organization_of(self.certificate)


@dataclass(frozen=True)
class ExpectedSigner:
    """Who must sign one field: an office, and (when known) its exact certificate(s).

    With ``fingerprints`` the signer certificate must be one of them (pinned binding). Without,
    the trusted signer's office name must equal ``office`` (binding of CA-issued certificates).
    """

    office: str
    fingerprints: frozenset[str] = frozenset()


@dataclass(frozen=True)
class TrustResult:
    """Whether one signer certificate is trusted, through what, and what revocation says."""

    trusted: bool
    anchor: AnchorKind
    office: str  # the office this anchor vouches for ("" when untrusted)
    problem: TrustProblem
    revocation: RevocationCheck


def organization_of(certificate: x509.Certificate) -> str:
    """The certificate subject's O (or CN when it has no O)."""
    for oid in (NameOID.ORGANIZATION_NAME, NameOID.COMMON_NAME):
        values = certificate.subject.get_attributes_for_oid(oid)
        if values:
            value = values[0].value
            return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
    return ""


def same_office(a: str, b: str) -> bool:
    """Office names compared the way people write them (case and spacing do not matter)."""
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold() != ""


def public_key_der(certificate: x509.Certificate) -> bytes:
    """The SubjectPublicKeyInfo: two certificates over one key sign as one key."""
    return certificate.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def is_ca_certificate(certificate: x509.Certificate) -> bool:
    """True for a certificate that may issue others: CA:TRUE and (if present) keyCertSign."""
    try:
        constraints = certificate.extensions.get_extension_for_class(x509.BasicConstraints)
    except x509.ExtensionNotFound:
        return False
    if not constraints.value.ca:
        return False
    try:
        usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return True  # RFC 5280: no KeyUsage extension means no restriction
    return bool(usage.key_cert_sign)


def signing_usage_problem(certificate: x509.Certificate) -> TrustProblem:
    """NOT_FOR_SIGNING when the key usage allows neither digitalSignature nor nonRepudiation."""
    try:
        usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return TrustProblem.NONE
    if usage.digital_signature or usage.content_commitment:
        return TrustProblem.NONE
    return TrustProblem.NOT_FOR_SIGNING


def validity_problem(certificate: x509.Certificate, moment: dt.datetime) -> TrustProblem:
    """EXPIRED / NOT_YET_VALID when ``moment`` is outside the certificate's validity window."""
    if moment < certificate.not_valid_before_utc:
        return TrustProblem.NOT_YET_VALID
    if moment > certificate.not_valid_after_utc:
        return TrustProblem.EXPIRED
    return TrustProblem.NONE


def _as_asn1(certificate: x509.Certificate):
    from asn1crypto import x509 as asn1_x509

    return asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))


@dataclass(frozen=True)
class TrustAnchors:
    """Everything verification may trust, and how revocation is checked.

    Build it with :meth:`pinned` for office cards (a plain certificate list means exactly
    that), and name CA anchors explicitly: ``TrustAnchors(cas=...)``, :meth:`authorities` or
    :meth:`with_cas`. A certificate is never promoted to an issuer because it looks like a CA.
    ``tsa_cas`` vouch for time-stamps only (the office's time-stamp server), never for signers.
    """

    pins: tuple[PinnedOffice, ...] = ()
    cas: tuple[x509.Certificate, ...] = ()
    intermediates: tuple[x509.Certificate, ...] = ()
    revocation: RevocationPolicy = RevocationPolicy.OFFLINE
    crls: tuple[bytes, ...] = ()  # DER CertificateLists, e.g. from a DSS or downloaded earlier
    ocsps: tuple[bytes, ...] = ()  # DER OCSPResponses
    tsa_cas: tuple[x509.Certificate, ...] = ()  # trusted for time-stamps only
    _by_fingerprint: dict[str, PinnedOffice] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        count = len(self.pins) + len(self.cas) + len(self.intermediates) + len(self.tsa_cas)
        if count > MAX_ANCHORS:
            raise ValueError(f"more than {MAX_ANCHORS} trust anchors")
        if len(self.crls) + len(self.ocsps) > MAX_REVOCATION_ITEMS:
            raise ValueError(f"more than {MAX_REVOCATION_ITEMS} revocation items")
        for pin in self.pins:
            self._by_fingerprint.setdefault(pin.fingerprint, pin)

    @classmethod
    def pinned(
        cls, certificates: Iterable[x509.Certificate], offices: Mapping[str, str] | None = None
    ) -> TrustAnchors:
        """Office certificates as pins (``offices``: fingerprint -> office display name)."""
        names = offices or {}
        return cls(
            pins=tuple(
                PinnedOffice(c, names.get(fingerprint_sha256(c), "")) for c in certificates
            )
        )

    @classmethod
    def authorities(
        cls,
        cas: Iterable[x509.Certificate],
        *,
        revocation: RevocationPolicy = RevocationPolicy.OFFLINE,
    ) -> TrustAnchors:
        """CA anchors (BSrE, a city's CA): signers are trusted through full path validation."""
        return cls(cas=tuple(cas), revocation=revocation)

    def with_cas(self, cas: Iterable[x509.Certificate]) -> TrustAnchors:
        """The same anchors plus CA anchors."""
        return replace(self, cas=(*self.cas, *cas))

    def with_tsa_cas(self, cas: Iterable[x509.Certificate]) -> TrustAnchors:
        """The same anchors plus certificate authorities trusted for time-stamps only."""
        return replace(self, tsa_cas=(*self.tsa_cas, *cas))

    def pin_for(self, certificate: x509.Certificate) -> PinnedOffice | None:
        """The pin that IS ``certificate`` (exact DER match), if any."""
        return self._by_fingerprint.get(fingerprint_sha256(certificate))

    @property
    def fetching(self) -> bool:
        """True when revocation information may be fetched from the network."""
        return self.revocation is not RevocationPolicy.OFFLINE

    def validation_context(
        self,
        moment: dt.datetime | None = None,
        *,
        other_certs=(),
        crls=(),
        ocsps=(),
        revocation_mode: str | None = None,
        retroactive_revinfo: bool = False,
    ):
        """A fresh ``ValidationContext`` with ONLY the CA anchors as trust roots.

        ``moment``: judge validity at that time (a trusted timestamp's time). With an online
        policy, revocation data is fetched now and applied to that time.
        ``crls``/``ocsps``/``revocation_mode``/``retroactive_revinfo``: long-term validation adds
        the file's DSS data (see :mod:`mou.signing.ltv`).
        """
        from pyhanko_certvalidator import ValidationContext

        fetch = self.fetching
        # Answers fetched now are newer than a past ``moment``; a certificate good now was good
        # then, and a revocation dated after ``moment`` does not count against it.
        retroactive_revinfo = retroactive_revinfo or (fetch and moment is not None)
        mode = "hard-fail" if self.revocation is RevocationPolicy.HARD_FAIL else "soft-fail"
        return ValidationContext(
            # Never the pins. RFC 5280 path validation does not look at the extensions of a
            # trust anchor itself, so a "CA" that may not sign certificates is dropped here.
            trust_roots=[_as_asn1(c) for c in self.cas if is_ca_certificate(c)],
            other_certs=[_as_asn1(c) for c in self.intermediates] + list(other_certs),
            moment=moment,
            allow_fetching=fetch,
            crls=[*self.crls, *crls],
            ocsps=[*self.ocsps, *ocsps],
            revocation_mode=revocation_mode or mode,
            retroactive_revinfo=retroactive_revinfo,
        )

    def judge_pinned(self, certificate: x509.Certificate, moment: dt.datetime) -> TrustResult:
        """Trust through a pin: exact certificate, inside its validity, allowed to sign."""
        pin = self.pin_for(certificate)
        if pin is None:
            return untrusted(TrustProblem.NO_ANCHOR)
        problem = validity_problem(certificate, moment)
        if problem is TrustProblem.NONE:
            problem = signing_usage_problem(certificate)
        if problem is not TrustProblem.NONE:
            return untrusted(problem)
        return TrustResult(
            True, AnchorKind.PINNED, pin.office_name, TrustProblem.NONE, RevocationCheck.PINNED
        )

    def judge_ca_status(
        self, status, context, certificate: x509.Certificate, stored: tuple[int, int] = (0, 0)
    ) -> TrustResult:
        """Trust through a CA, from pyHanko's validation ``status`` made with ``context``.

        ``stored``: how many OCSP responses and CRLs in ``context`` came from the document's DSS
        (so the report can tell data stored at signing time from a live fetch).
        """
        if not self.cas:
            return untrusted(TrustProblem.NO_ANCHOR)
        if status.trusted:
            return TrustResult(
                True,
                AnchorKind.CA,
                organization_of(certificate),
                TrustProblem.NONE,
                self._revocation_used(context, stored),
            )
        return untrusted(_problem_from(status))

    def _revocation_used(self, context, stored: tuple[int, int]) -> RevocationCheck:
        # pyHanko lists what its fetchers retrieved together with what it was given: whatever
        # is beyond the given items was fetched live, now.
        stored_ocsps, stored_crls = stored
        fetched_ocsps = len(context.ocsps) - len(self.ocsps) - stored_ocsps
        fetched_crls = len(context.crls) - len(self.crls) - stored_crls
        if fetched_ocsps > 0:
            return RevocationCheck.OCSP
        if fetched_crls > 0:
            return RevocationCheck.CRL
        if stored_ocsps or stored_crls:
            return RevocationCheck.STORED
        if self.ocsps:
            return RevocationCheck.SUPPLIED
        if self.crls:
            return RevocationCheck.CRL
        if not self.fetching:
            return RevocationCheck.NOT_CHECKED_OFFLINE
        return RevocationCheck.NONE_OFFERED


def untrusted(problem: TrustProblem) -> TrustResult:
    """A result for a signer nobody vouches for."""
    return TrustResult(False, AnchorKind.NONE, "", problem, RevocationCheck.NOT_APPLICABLE)


def _problem_from(status) -> TrustProblem:
    """Map pyHanko's AdES sub-indication of a failed CA validation to our problem codes."""
    if status.revoked:
        return TrustProblem.REVOKED
    indication = getattr(status.trust_problem_indic, "name", "") or ""
    if "EXPIRED" in indication or "OUT_OF_BOUNDS" in indication:
        return TrustProblem.EXPIRED
    if "NOT_YET_VALID" in indication:
        return TrustProblem.NOT_YET_VALID
    if "REVOC" in indication or "TRY_LATER" in indication:
        return TrustProblem.REVOCATION_UNKNOWN
    if "SIG_CONSTRAINTS" in indication:
        return TrustProblem.NOT_FOR_SIGNING
    if "NO_CERTIFICATE_CHAIN" in indication:
        return TrustProblem.NO_ANCHOR
    return TrustProblem.BAD_CHAIN


def key_usage_constraints():
    """pyHanko's signer key-usage requirement: digitalSignature OR nonRepudiation."""
    from pyhanko.sign.validation.settings import KeyUsageConstraints

    return KeyUsageConstraints(key_usage=set(SIGNING_KEY_USAGES), match_all_key_usages=False)


def anchors_from_database(session, own_certificate: x509.Certificate | None = None) -> TrustAnchors:
    """Every trusted office card (and our own certificate) as pins, named by their office."""
    from sqlalchemy import select

    from mou import models
    from mou.office import local_office

    certificates: list[x509.Certificate] = []
    names: dict[str, str] = {}
    for row in session.scalars(select(models.TrustedCertificate)):
        certificate = x509.load_pem_x509_certificate(row.certificate_pem.encode("ascii"))
        certificates.append(certificate)
        names[fingerprint_sha256(certificate)] = row.office.display_name
    office = local_office(session)
    if own_certificate is not None:
        certificates.append(own_certificate)
        if office is not None:
            names[fingerprint_sha256(own_certificate)] = office.display_name
    return TrustAnchors.pinned(certificates, names)


def expected_signers_for_pdf(
    session, pdf: bytes, own_certificate: x509.Certificate | None = None
) -> dict[str, ExpectedSigner] | None:
    """Field -> expected signer, from the local record of the agreement ``pdf`` names.

    Each party's field must be signed with a certificate trusted for THAT party's office (its
    office card, or our own certificate for our field). ``None`` when the PDF names no agreement
    this office holds an agreed revision of (the caller then verifies without a party mapping).
    """
    from sqlalchemy import select

    from mou import models
    from mou.signing.offline import (
        OfflineSigningError,
        identify,
        office_trust,
        signatories_of,
    )

    try:
        uuid, _revision = identify(pdf)
        agreement = session.scalars(
            select(models.Agreement).where(models.Agreement.uuid == uuid)
        ).first()
        if agreement is None or agreement.agreed_revision is None:
            return None
        signatories = signatories_of(session, agreement)
    except OfflineSigningError:
        return None
    _certificates, by_office = office_trust(session, own_certificate)
    return {
        s.field_name: ExpectedSigner(
            s.office_name, frozenset(by_office.get(s.office_uuid, set()))
        )
        for s in signatories
    }
