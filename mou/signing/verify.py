"""Verification of the signatures of an agreement PDF (pyHanko + :mod:`mou.signing.trust`).

Per signature, in this order: is it intact and cryptographically valid (pyHanko); was anything
but a later signature into a reserved field, a document timestamp or validation data added after
it (pyHanko's diff analysis plus :mod:`mou.signing.changes`); is the signer trusted (a pinned
office certificate, exactly, or a CA anchor with full path validation, see
:mod:`mou.signing.trust`); and is it bound to the party whose field it fills.
"""

from __future__ import annotations

import datetime as dt
import enum
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from cryptography import x509
from cryptography.x509.oid import NameOID

from mou.messages import DomainMessage
from mou.signing.changes import ChangeProblem, first_problem_after, problems_after
from mou.signing.fields import collect_fields
from mou.signing.identity import fingerprint_sha256
from mou.signing.ltv import LtvEvidence, LtvLevel, claimed_timestamp
from mou.signing.ltv import gather as ltv_gather
from mou.signing.trust import (
    AnchorKind,
    ExpectedSigner,
    RevocationCheck,
    RevocationPolicy,
    TrustAnchors,
    TrustProblem,
    TrustResult,
    key_usage_constraints,
    public_key_der,
    same_office,
    signing_usage_problem,
    untrusted,
)

MAX_PDF_BYTES = 64 * 1024 * 1024  # a signed agreement with annexes is a few MB
MAX_SIGNATURES = 16  # parties plus a few witnesses; bounds the work a crafted file causes


class Verdict(enum.StrEnum):
    """The outcome of one signature, most severe first."""

    TAMPERED = "tampered"  # the signed bytes no longer match the signature
    INVALID = "invalid"  # the signature itself is broken or unreadable
    MODIFIED = "modified"  # intact, but content was added or changed after signing
    UNTRUSTED = "untrusted"  # intact and unchanged, but signed by a certificate nobody trusts
    WRONG_SIGNER = "wrong_signer"  # trusted, but not for the party whose field it fills
    VALID = "valid"


@dataclass(frozen=True)
class SignatureCheck:
    """Verification result of one signature."""

    field_name: str
    signer: str  # certificate CN, e.g. "Wali Kota Bandung"
    office: str  # certificate O, e.g. "Pemerintah Kota Bandung"
    signing_time: dt.datetime | None  # from a time-stamp token when present, else the claimed time
    timestamped: bool  # B-T: a trusted time-stamp token is embedded
    intact: bool
    valid: bool
    trusted: bool
    modification_level: str  # NONE / LTA_UPDATES / FORM_FILLING / ANNOTATIONS / OTHER
    docmdp_ok: bool | None
    coverage: str  # ENTIRE_FILE / ENTIRE_REVISION / CONTIGUOUS_BLOCK_FROM_START
    fingerprint_sha256: str
    verdict: Verdict
    verdict_text: str
    anchor: str = AnchorKind.NONE.value  # pinned / ca / none
    bound_office: str = ""  # the office the trusted anchor vouches for
    expected_office: str = ""  # the office whose field this is ("" without a party mapping)
    revocation: str = RevocationCheck.NOT_APPLICABLE.value
    problem: str = ""  # a TrustProblem or ChangeProblem code explaining the verdict
    validated_at: dt.datetime | None = None  # the time the certificate was judged at
    signed_revision: int = -1
    ltv_level: str = ""  # PAdES B-B / B-T / B-LT / B-LTA (mou.signing.ltv.LtvLevel)
    certificate_expired: bool = False  # expired since signing; valid thanks to its time-stamp
    public_key: bytes = field(default=b"", repr=False, compare=False)

    @property
    def ok(self) -> bool:
        """True only for a valid, trusted, bound, unmodified signature."""
        return self.verdict is Verdict.VALID


class VerifyCode(enum.StrEnum):
    """Why a file could not be checked at all (see :mod:`mou.messages`).

    Per-signature outcomes are coded by :class:`Verdict`.
    """

    EMPTY_FILE = "verify.empty_file"
    NOT_A_PDF = "verify.not_a_pdf"
    UNREADABLE_PDF = "verify.unreadable_pdf"
    TOO_LARGE = "verify.too_large"
    TOO_MANY_SIGNATURES = "verify.too_many_signatures"


@dataclass(frozen=True)
class VerificationReport:
    """All signatures of one PDF. ``error`` is set when the file could not be checked at all.

    ``error`` is English; ``error_message`` carries the same with a ``VerifyCode`` for the UI.
    """

    signatures: list[SignatureCheck] = field(default_factory=list)
    unsigned_fields: list[str] = field(default_factory=list)
    error: str | None = None
    error_code: str = ""
    error_params: dict[str, str | int] = field(default_factory=dict)
    revocation_policy: str = RevocationPolicy.OFFLINE.value
    party_mapping: str = "none"  # who said which office signs which field: record/document/none

    @property
    def error_message(self) -> DomainMessage | None:
        """``error`` as a coded message (None when the file was checked)."""
        if self.error is None:
            return None
        return DomainMessage(self.error_code, self.error_params, self.error)

    @property
    def ltv_level(self) -> str:
        """The PAdES level of the whole file: that of its weakest signature ("" if unsigned)."""
        from mou.signing.ltv import LtvLevel, document_level

        levels = [LtvLevel(s.ltv_level) for s in self.signatures if s.ltv_level]
        level = document_level(levels)
        return level.value if level is not None and len(levels) == len(self.signatures) else ""

    @property
    def ok(self) -> bool:
        """True when the PDF has at least one signature and every signature is valid."""
        return self.error is None and bool(self.signatures) and all(s.ok for s in self.signatures)

    @property
    def modified(self) -> bool:
        """True when something was changed or added after a signature (or bytes broken)."""
        bad = (Verdict.TAMPERED, Verdict.INVALID, Verdict.MODIFIED)
        return any(s.verdict in bad for s in self.signatures)

    def summary(self) -> str:
        """One line for a status bar or the CLI's last line."""
        if self.error:
            return f"NOT VERIFIED: {self.error}"
        if not self.signatures:
            return "NOT VERIFIED: the PDF carries no signature."
        bad = [s for s in self.signatures if not s.ok]
        if not bad:
            return f"OK: {len(self.signatures)} valid signature(s)."
        return f"FAILED: {len(bad)} of {len(self.signatures)} signature(s) failed."


# --------------------------------------------------------------------------------------------
# Verification

_CHANGE_TEXT = {
    ChangeProblem.NEW_FIELD: "a new form field was added",
    ChangeProblem.REMOVED_FIELD: "a form field or signature was removed",
    ChangeProblem.NEW_ANNOTATION: "an annotation or page was added",
    ChangeProblem.REMOVED_ANNOTATION: "an annotation was removed",
    ChangeProblem.MOVED_FIELD: "a signature field was moved or its flags changed",
    ChangeProblem.NEW_APPEARANCE: "an unsigned field was given a new appearance",
    ChangeProblem.SEVERAL_SIGNATURES: "several fields were signed in one update",
    ChangeProblem.TRAILING_BYTES: "bytes were appended after the end of the document",
    ChangeProblem.TOO_COMPLEX: "the update structure is too large to check",
}

_TRUST_TEXT = {
    TrustProblem.NO_ANCHOR: "the certificate is not among the trusted offices or CAs",
    TrustProblem.EXPIRED: "the certificate had expired at the signing time",
    TrustProblem.NOT_YET_VALID: "the certificate was not yet valid at the signing time",
    TrustProblem.NOT_FOR_SIGNING: "the certificate is not meant for signing (key usage)",
    TrustProblem.REVOKED: "the certificate was revoked",
    TrustProblem.REVOCATION_UNKNOWN: "the revocation status could not be checked",
    TrustProblem.BAD_CHAIN: "the certificate chain does not validate",
}


def _name_part(cert: x509.Certificate, oid: x509.ObjectIdentifier) -> str:
    values = cert.subject.get_attributes_for_oid(oid)
    return str(values[0].value) if values else ""


def _modification(intact: bool, level, coverage_entire: bool, change: ChangeProblem | None):
    """(Verdict.MODIFIED, text, problem) when something unacceptable followed; else None."""
    from pyhanko.sign.diff_analysis import ModificationLevel

    if change is not None:
        return Verdict.MODIFIED, f"MODIFIED AFTER SIGNING: {_CHANGE_TEXT[change]}.", change.value
    if not coverage_entire and (level is None or level > ModificationLevel.FORM_FILLING):
        what = {
            ModificationLevel.ANNOTATIONS: "annotations were added or changed",
        }.get(level, "pages or content were added or changed")
        return Verdict.MODIFIED, f"MODIFIED AFTER SIGNING: {what} in a later update.", ""
    return None


def _judge_trust(
    anchors: TrustAnchors, cert, status, context, moment, stored: tuple[int, int] = (0, 0)
) -> TrustResult:
    """Pinned first (exact certificate), then the CA path pyHanko validated.

    ``stored``: OCSP responses and CRLs in ``context`` that came from the document's DSS.
    """
    pinned = anchors.judge_pinned(cert, moment) if anchors.pin_for(cert) is not None else None
    if pinned is not None and pinned.trusted:
        return pinned
    if anchors.cas:
        via_ca = anchors.judge_ca_status(status, context, cert, stored)
        if via_ca.trusted:
            usage = signing_usage_problem(cert)  # pyHanko checked it too; belt and braces
            return via_ca if usage is TrustProblem.NONE else untrusted(usage)
        if pinned is None:
            return via_ca
    return pinned or untrusted(TrustProblem.NO_ANCHOR)


def _broken(name: str, signer: str, office: str, fingerprint: str, text: str) -> SignatureCheck:
    return SignatureCheck(
        field_name=name,
        signer=signer,
        office=office,
        signing_time=None,
        timestamped=False,
        intact=False,
        valid=False,
        trusted=False,
        modification_level="UNKNOWN",
        docmdp_ok=None,
        coverage="UNKNOWN",
        fingerprint_sha256=fingerprint,
        verdict=Verdict.INVALID,
        verdict_text=text,
    )


def _check_one(
    embedded,
    anchors: TrustAnchors,
    changes,
    validation_time: dt.datetime | None,
    evidence: LtvEvidence | None = None,
) -> SignatureCheck:
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    name = embedded.field_name
    try:
        cert = x509.load_der_x509_certificate(embedded.signer_cert.dump())
        signer = _name_part(cert, NameOID.COMMON_NAME) or cert.subject.rfc4514_string()
        office = _name_part(cert, NameOID.ORGANIZATION_NAME)
        fingerprint = fingerprint_sha256(cert)
        key = public_key_der(cert)
    except Exception:
        return _broken(name, "(unreadable certificate)", "", "", "INVALID: unreadable certificate.")
    # A fresh context per signature: contexts cache path-building results.
    context = anchors.validation_context(validation_time)
    # LTV (mou.signing.ltv): the DSS's data, and time-stamps judged at their sealing time.
    ltv_on = evidence is not None and validation_time is None
    ts_context = evidence.timestamp_context(anchors, embedded) if ltv_on else None
    # With LTV the certificate is judged at the time its time-stamp proves. That time is only
    # known once the token is validated, so validate ONCE at the time the token claims, and
    # keep that result only if the token then proves exactly that time (else judge again below).
    claimed = claimed_timestamp(embedded) if ltv_on else None
    if ltv_on:
        context = evidence.signer_context(anchors, claimed)
    usage = key_usage_constraints()
    try:
        status = validate_pdf_signature(
            embedded, context, ts_validation_context=ts_context, key_usage_settings=usage
        )
    except (SignatureValidationError, ValueError, KeyError, TypeError):
        return _broken(name, signer, office, fingerprint, "INVALID: the signature cannot be read.")
    ts = status.timestamp_validity
    timestamped = ts is not None and bool(ts.intact and ts.valid and ts.trusted)
    moment = validation_time or (evidence.at if ltv_on else dt.datetime.now(dt.UTC))
    trust_status = status
    # A document time-stamp sealing the signature also proves when it existed (PAdES B-T).
    sealed = evidence.seal_time(embedded) if ltv_on and not timestamped else None
    judged_at_proof = timestamped and claimed is not None and ts.timestamp == claimed
    if judged_at_proof:
        moment = claimed  # ``status`` was made with the signer's context at exactly this time
    elif claimed is not None and not timestamped and not sealed:
        # The claimed time proved nothing: judge the certificate now, as without a token.
        context = evidence.signer_context(anchors)
        trust_status = validate_pdf_signature(
            embedded,
            context,
            ts_validation_context=ts_context,
            key_usage_settings=usage,
            skip_diff=True,
        )
    elif (timestamped or sealed) and validation_time is None:
        # A trusted timestamp proves when the signature existed: judge the certificate then.
        moment = ts.timestamp if timestamped else sealed
        context = (
            evidence.signer_context(anchors, moment)
            if ltv_on
            else anchors.validation_context(moment)
        )
        trust_status = validate_pdf_signature(
            embedded,
            context,
            ts_validation_context=ts_context or anchors.validation_context(None),
            key_usage_settings=usage,
            skip_diff=True,
        )
    proven = moment if (timestamped or sealed) and validation_time is None else None
    signing_time = ts.timestamp if timestamped else None
    if signing_time is None:
        signing_time = status.signer_reported_dt or embedded.self_reported_timestamp
    level = status.modification_level
    coverage = status.coverage
    entire = coverage == SignatureCoverageLevel.ENTIRE_FILE
    # The signer's context carries the DSS's revocation data whenever LTV is on.
    stored = (len(evidence.dss.ocsps), len(evidence.dss.crls)) if ltv_on else (0, 0)
    trust = _judge_trust(anchors, cert, trust_status, context, moment, stored)
    if trust.problem is TrustProblem.BAD_CHAIN and anchors.revocation is RevocationPolicy.HARD_FAIL:
        # pyHanko reports "no revocation answer" as a general chain failure: if the chain holds
        # when an unreachable responder is tolerated, revocation is what could not be checked.
        tolerant = replace(anchors, revocation=RevocationPolicy.SOFT_FAIL)
        again = validate_pdf_signature(
            embedded,
            tolerant.validation_context(moment),
            key_usage_settings=usage,
            skip_diff=True,
        )
        if again.trusted:
            trust = untrusted(TrustProblem.REVOCATION_UNKNOWN)
    change = first_problem_after(changes, embedded.signed_revision)
    problem = trust.problem.value
    if not status.intact:
        verdict, text = Verdict.TAMPERED, (
            "TAMPERED: the signed content was changed after signing (digest does not match)."
        )
    elif not status.valid:
        verdict, text = Verdict.INVALID, "INVALID: the cryptographic signature does not verify."
    elif (modified := _modification(status.intact, level, entire, change)) is not None:
        verdict, text, problem = modified
    elif not trust.trusted:
        verdict, text = Verdict.UNTRUSTED, (
            f"UNKNOWN SIGNER: intact, but {_TRUST_TEXT.get(trust.problem, 'not trusted')}."
        )
    else:
        later = "" if entire else " Later updates only add signatures or validation data."
        verdict, text = Verdict.VALID, f"VALID: intact, trusted and unchanged since signing.{later}"
    expired = bool(ltv_on and evidence.expired_since(cert, proven))
    if verdict is Verdict.VALID and expired:
        text += " Valid at the time of its timestamp; the certificate has expired since."
    return SignatureCheck(
        field_name=name,
        signer=signer,
        office=office,
        signing_time=signing_time,
        timestamped=timestamped,
        intact=bool(status.intact),
        valid=bool(status.valid),
        trusted=trust.trusted,
        modification_level=level.name if level is not None else "UNKNOWN",
        docmdp_ok=status.docmdp_ok,
        coverage=coverage.name if coverage is not None else "UNKNOWN",
        fingerprint_sha256=fingerprint,
        verdict=verdict,
        verdict_text=text,
        anchor=trust.anchor.value,
        bound_office=trust.office,
        revocation=trust.revocation.value,
        problem=problem,
        validated_at=moment,
        signed_revision=embedded.signed_revision,
        ltv_level=(
            evidence.level(embedded, timed=proven is not None).value
            if ltv_on
            else (LtvLevel.B_T if proven is not None else LtvLevel.B_B).value
        ),
        certificate_expired=expired,
        public_key=key,
    )


def _wrong(check: SignatureCheck, problem: TrustProblem, text: str, expected: str = ""):
    return replace(
        check,
        verdict=Verdict.WRONG_SIGNER,
        verdict_text=f"WRONG SIGNER: {text}",
        problem=problem.value,
        expected_office=expected or check.expected_office,
    )


def bind_signatures(
    checks: list[SignatureCheck], expected: Mapping[str, ExpectedSigner] | None
) -> list[SignatureCheck]:
    """Bind every trusted signature to the party whose field it fills.

    With ``expected`` (field -> office and certificates, from the local agreement record) the
    signer must be that party's. Without it, a standalone file: every field must be signed by a
    different office. In both cases one key may sign only one field.
    """
    out: list[SignatureCheck] = []
    keys_seen: dict[bytes, str] = {}
    offices_seen: dict[str, str] = {}
    for check in checks:
        want = expected.get(check.field_name) if expected is not None else None
        if want is not None:
            check = replace(check, expected_office=want.office)
        if check.verdict is not Verdict.VALID:
            out.append(check)
            continue
        earlier = keys_seen.get(check.public_key)
        if earlier is not None:
            out.append(_wrong(check, TrustProblem.SAME_KEY,
                              f"the same key already signed the field {earlier}."))  # fmt: skip
            continue
        keys_seen[check.public_key] = check.field_name
        if expected is not None:
            if want is None:
                out.append(_wrong(check, TrustProblem.UNEXPECTED_FIELD,
                                  "no party is expected to sign this field."))  # fmt: skip
                continue
            if want.fingerprints:
                bound = check.fingerprint_sha256 in want.fingerprints
            else:
                bound = same_office(check.bound_office, want.office)
            if not bound:
                out.append(_wrong(check, TrustProblem.WRONG_OFFICE,
                                  f"signed by {check.bound_office}, but this field belongs "
                                  f"to {want.office}.", want.office))  # fmt: skip
                continue
        else:
            office_key = " ".join(check.bound_office.split()).casefold()
            if office_key in offices_seen:
                out.append(_wrong(check, TrustProblem.WRONG_OFFICE,
                                  f"{check.bound_office} already signed the field "
                                  f"{offices_seen[office_key]}."))  # fmt: skip
                continue
            offices_seen[office_key] = check.field_name
        out.append(check)
    return out


PARTY_SEPARATOR = " – "  # how mou.pdf.render joins the parties' names in /Author
MAX_PARTIES = 8


def parties_from_document(reader, embedded) -> dict[str, ExpectedSigner] | None:
    """Field -> party office, from the /Author the first signature covers (standalone files).

    Lintas writes the parties in signing order into the document information (``TandaTangan1``
    is the first name). Read from the revision the FIRST signature covers, so a later update
    cannot rename the parties without breaking that signature. ``None`` when the file does not
    carry such a list (then only "one office, one field" is enforced).
    """
    from mou.pdf.signature_block import field_name_for

    if not embedded:
        return None
    try:
        first = min(e.signed_revision for e in embedded)
        info = reader.get_historical_resolver(first).trailer_view.get("/Info")
        author = str(info.get_object().get("/Author", "")) if info is not None else ""
    except Exception:  # a damaged info dictionary: fall back to the weaker rule
        return None
    names = [n.strip() for n in author.split(PARTY_SEPARATOR) if n.strip()]
    if not 2 <= len(names) <= MAX_PARTIES:
        return None
    return {field_name_for(i): ExpectedSigner(name) for i, name in enumerate(names)}


def _anchors(
    trusted: TrustAnchors | Iterable[x509.Certificate], revocation: RevocationPolicy | None
) -> TrustAnchors:
    # A plain list is office certificates, pinned: even a real CA certificate in it is never
    # an issuer anchor (CA anchors are only ever named as such, see TrustAnchors).
    anchors = trusted if isinstance(trusted, TrustAnchors) else TrustAnchors.pinned(trusted)
    if revocation is not None and revocation is not anchors.revocation:
        anchors = replace(anchors, revocation=revocation)
    return anchors


def verify_pdf(
    data: bytes,
    trusted: TrustAnchors | Iterable[x509.Certificate],
    *,
    expected: Mapping[str, ExpectedSigner] | None = None,
    validation_time: dt.datetime | None = None,
    revocation: RevocationPolicy | None = None,
    at: dt.datetime | None = None,
    tsa_anchors: Iterable[x509.Certificate] = (),
) -> VerificationReport:
    """Check every signature of ``data`` against ``trusted`` (and nothing else).

    ``trusted``: a :class:`TrustAnchors` (office pins, CA anchors and the TSA's CA kept apart),
    or a plain list of certificates, which are all pinned office leaves: a CA certificate in
    such a list is trusted only as a signer certificate itself, never as an issuer.
    ``expected``: field name -> the party's office/certificates, from the agreement record.
    ``validation_time``: judge certificates at this time (e.g. a document timestamp's time)
    instead of a signature's own trusted timestamp, or now.
    ``revocation``: overrides the anchors' revocation policy.
    ``at``: the present moment of this verification (default now); a later one shows how the
    archive will verify once certificates have expired. Long-term validation data (the DSS,
    document time-stamps, see :mod:`mou.signing.ltv`) is always used, never fetched.
    ``tsa_anchors``: the CA of the office's time-stamp server, trusted for time-stamps only
    (added to ``trusted.tsa_cas``).

    Never raises for a bad file: an unreadable PDF comes back as a report with ``error`` set.
    """
    from pyhanko.pdf_utils.reader import PdfFileReader

    if not data:
        return VerificationReport(error="The file is empty.", error_code=VerifyCode.EMPTY_FILE)
    if len(data) > MAX_PDF_BYTES:
        return VerificationReport(
            error="The file is too large for an agreement PDF.",
            error_code=VerifyCode.TOO_LARGE,
            error_params={"limit_mb": MAX_PDF_BYTES // (1024 * 1024)},
        )
    if data.lstrip()[:5] != b"%PDF-":
        return VerificationReport(error="The file is not a PDF.", error_code=VerifyCode.NOT_A_PDF)
    anchors = _anchors(trusted, revocation)
    policy = anchors.revocation.value
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        embedded = list(reader.embedded_regular_signatures)
        unsigned = [
            f.name for f in collect_fields(reader.root, _enumerate(reader)) if not f.signed
        ]
        changes = problems_after(reader, data) if embedded else {}
        stamp_cas = (*anchors.tsa_cas, *tsa_anchors)
        evidence = ltv_gather(reader, anchors, at, stamp_cas) if embedded else None
    except Exception as exc:  # a damaged file: pyHanko raises PdfReadError, ValueError, KeyError...
        return VerificationReport(
            # The parser's own words are technical; they stay in the params, not in the sentence.
            error="The PDF cannot be read; it may be incomplete or damaged.",
            error_code=VerifyCode.UNREADABLE_PDF,
            error_params={"detail": str(exc)},
            revocation_policy=policy,
        )
    if len(embedded) > MAX_SIGNATURES:
        return VerificationReport(
            error=f"The PDF carries more than {MAX_SIGNATURES} signatures.",
            error_code=VerifyCode.TOO_MANY_SIGNATURES,
            error_params={"limit": MAX_SIGNATURES},
            revocation_policy=policy,
        )
    checks = []
    for item in embedded:
        try:
            checks.append(_check_one(item, anchors, changes, validation_time, evidence))
        except Exception:  # keep checking the others; report this one as broken
            checks.append(
                _broken(getattr(item, "field_name", "?"), "", "", "",
                        "INVALID: the signature cannot be checked.")  # fmt: skip
            )
    source = "record" if expected is not None else "none"
    if expected is None:
        expected = parties_from_document(reader, embedded)
        source = "document" if expected is not None else "none"
    return VerificationReport(
        signatures=bind_signatures(checks, expected),
        unsigned_fields=unsigned,
        revocation_policy=policy,
        party_mapping=source,
    )


def _enumerate(reader):
    from pyhanko.sign.fields import enumerate_sig_fields

    return enumerate_sig_fields(reader)
