"""Two-party signing without a call: the PDF travels as a file (mail, USB stick, shared folder).

1. PIHAK PERTAMA *prepares* an Agreed agreement: the agreed base document is rendered
   (:func:`~mou.signing.agreed_document.agreed_pdf_document`, the same bytes at every office),
   stored in the office's :class:`~mou.signed_archive.SignedArchive` and
   the agreement moves Agreed → Signing.
2. Its signatory *signs* (PKCS#12 password, handwritten image) into the reserved field; the result
   is checked, archived and saved to a file for the counterpart.
3. The counterpart *receives* the file. Before anything is stored it is checked: the agreement is
   known here, the revision hash inside the signed part of the PDF is the revision this office
   agreed to, every signature is valid and trusted and was made with a certificate of the party
   whose field it fills, fields are signed in party order, and the file extends, byte for byte,
   any earlier PDF of this agreement the office holds. Last, the office re-renders the agreed
   revision from its own database and the file's unsigned base must equal it byte for byte
   (page by page in text and pixels when the renderer versions differ;
   :mod:`mou.signing.agreed_document`): a hash in the metadata proves nothing about the text
   above it. The same check runs again right before its signatory signs, as an
   incremental update, and the fully signed file goes back; on arrival each office records
   Signing → Signed with the SHA-256 of the same file.

Every refusal raises :class:`OfflineSigningError` with a ``code`` and the details the UI needs for
a translated message; nothing is stored or changed in that case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography import x509
from sqlalchemy import select
from sqlalchemy.orm import Session

from mou import audit, models
from mou.agreement import AgreementStatus
from mou.office import Actor, Role, local_office
from mou.pdf.document import Paper
from mou.revision import content_of
from mou.signed_archive import SignedArchive, SignedArchiveError, sha256_hex
from mou.signing import VerificationReport
from mou.signing.identity import fingerprint_sha256

S = AgreementStatus
MAX_PDF_BYTES = 50 * 1024 * 1024
_SUBJECT_RE = re.compile(r"; ID ([A-Za-z0-9_-]+); hash revisi ([0-9a-f]{64})\s*$")

# Error codes (the UI turns each into a translated sentence using ``details``).
E_NOT_PDF = "not_pdf"
E_DAMAGED = "damaged"
E_NOT_LINTAS = "not_lintas"
E_UNKNOWN_AGREEMENT = "unknown_agreement"
E_STATE = "state"
E_REVISION = "revision"
E_UNSIGNED = "unsigned"
E_VERIFY = "verify"
E_WRONG_SIGNER = "wrong_signer"
E_ORDER = "order"
E_NOT_INCREMENTAL = "not_incremental"
E_OLDER = "older"
E_NOT_FIRST = "not_first"
E_NOT_PARTY = "not_party"
E_NOT_YOUR_TURN = "not_your_turn"
E_ROLE = "role"
E_WRONG_PASSWORD = "wrong_password"
E_IDENTITY = "identity"
E_SIGNING = "signing"
E_WORKFLOW = "workflow"
E_NO_PDF = "no_pdf"
E_RENDER = "render"
E_NOT_AGREED_TEXT = "not_agreed_text"  # details: difference, pasal, page


class OfflineSigningError(Exception):
    """A refused step; ``code`` names the reason, ``details`` fills the UI's message."""

    def __init__(self, code: str, message: str, **details: Any) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.details = details


@dataclass(frozen=True)
class SignatoryInfo:
    """One party that signs, in signing order, and whether this PDF carries its signature."""

    position: int  # 1 = PIHAK PERTAMA
    office_uuid: str
    office_name: str
    signer_name: str
    signer_title: str
    field_name: str
    signed: bool = False
    local: bool = False  # this office


@dataclass(frozen=True)
class SigningStatus:
    """Where one agreement's offline signing stands, for one PDF."""

    agreement_id: int
    agreement_uuid: str
    title: str
    revision_hash: str
    revision_round: int
    pdf_sha256: str
    signatories: list[SignatoryInfo]
    report: VerificationReport | None = None
    problems: list[str] = field(default_factory=list)  # workflow steps that could not be taken

    @property
    def signed_count(self) -> int:
        """Signatures the PDF carries."""
        return sum(1 for s in self.signatories if s.signed)

    @property
    def complete(self) -> bool:
        """True when every party has signed."""
        return all(s.signed for s in self.signatories)

    @property
    def next_signatory(self) -> SignatoryInfo | None:
        """Who signs next (``None`` when complete)."""
        return next((s for s in self.signatories if not s.signed), None)

    @property
    def our_turn(self) -> bool:
        """True when the next signatory is this office."""
        nxt = self.next_signatory
        return nxt is not None and nxt.local


def identify(pdf: bytes) -> tuple[str, str]:
    """(agreement uuid, revision hash) a Lintas agreement PDF names in its metadata.

    For a signed PDF the metadata is read from the part the first signature covers, so a later
    update cannot make the file claim another revision without breaking that signature.
    """
    import io

    from pyhanko.pdf_utils.reader import PdfFileReader

    if not pdf.lstrip()[:5] == b"%PDF-":
        raise OfflineSigningError(E_NOT_PDF, "The file is not a PDF.")
    try:
        # The /ByteRange of the signatures pyHanko finds in the document structure (not a text
        # search, which a crafted file could feed a fake range): the first one's end is where
        # the file stood when PIHAK PERTAMA signed it.
        ends = [
            int(s.byte_range[2]) + int(s.byte_range[3])
            for s in PdfFileReader(io.BytesIO(pdf), strict=False).embedded_regular_signatures
        ]
        base = pdf[: min(ends)] if ends else pdf
        info = PdfFileReader(io.BytesIO(base), strict=False).trailer["/Info"]
        subject = info.get("/Subject", "") if info is not None else ""
    except Exception as exc:  # pyHanko raises many types for a broken file
        raise OfflineSigningError(
            E_DAMAGED,
            f"The PDF cannot be read; it may be incomplete or damaged ({exc}).",
            error=str(exc),
        ) from exc
    match = _SUBJECT_RE.search(str(subject))
    if match is None:
        raise OfflineSigningError(E_NOT_LINTAS, "The PDF is not a Lintas agreement.")
    return match.group(1), match.group(2)


def _agreement(session: Session, uuid: str) -> models.Agreement:
    agreement = session.scalars(
        select(models.Agreement).where(models.Agreement.uuid == uuid)
    ).first()
    if agreement is None:
        raise OfflineSigningError(
            E_UNKNOWN_AGREEMENT,
            f"The agreement {uuid} is not in this office's database.",
            agreement=uuid,
        )
    return agreement


def signatories_of(session: Session, agreement: models.Agreement) -> list[SignatoryInfo]:
    """The parties of the agreed revision in signing order (signature field per party)."""
    from mou.pdf.signature_block import field_name_for

    revision = agreement.agreed_revision
    if revision is None:
        raise OfflineSigningError(
            E_STATE, "The agreement has no agreed revision.", status=agreement.status
        )
    office = local_office(session)
    local_uuid = office.uuid if office is not None else ""
    parties = sorted(content_of(revision)["parties"], key=lambda p: p["position"])
    return [
        SignatoryInfo(
            position=int(p["position"]),
            office_uuid=p.get("office_uuid") or "",
            office_name=p["name"],
            signer_name=p.get("head_name") or "",
            signer_title=p.get("head_title") or "",
            field_name=field_name_for(index),
            local=bool(local_uuid) and p.get("office_uuid") == local_uuid,
        )
        for index, p in enumerate(parties)
    ]


def office_trust(
    session: Session, own_certificate: x509.Certificate | None
) -> tuple[list[x509.Certificate], dict[str, set[str]]]:
    """Trusted certificates (accepted counterparts + our own) and fingerprints per office uuid."""
    trusted: list[x509.Certificate] = []
    by_office: dict[str, set[str]] = {}
    for row in session.scalars(select(models.TrustedCertificate)):
        certificate = x509.load_pem_x509_certificate(row.certificate_pem.encode("ascii"))
        trusted.append(certificate)
        by_office.setdefault(row.office.uuid, set()).add(fingerprint_sha256(certificate))
    office = local_office(session)
    if own_certificate is not None and office is not None:
        trusted.append(own_certificate)
        by_office.setdefault(office.uuid, set()).add(fingerprint_sha256(own_certificate))
    return trusted, by_office


def check_pdf(
    session: Session,
    pdf: bytes,
    own_certificate: x509.Certificate | None,
    *,
    expect_uuid: str | None = None,
) -> SigningStatus:
    """Check a (partly) signed agreement PDF against this office's record; raise if refused."""
    from mou.signing import verify_pdf

    if len(pdf) > MAX_PDF_BYTES:
        raise OfflineSigningError(E_NOT_PDF, "The file is too large for an agreement PDF.")
    uuid, revision_hash = identify(pdf)
    if expect_uuid is not None and uuid != expect_uuid:
        raise OfflineSigningError(
            E_UNKNOWN_AGREEMENT, "The PDF belongs to another agreement.", agreement=uuid
        )
    agreement = _agreement(session, uuid)
    agreed = agreement.agreed_revision
    if agreed is None:
        raise OfflineSigningError(
            E_STATE,
            "This office has not agreed to any revision of this agreement yet.",
            status=agreement.status,
            title=agreement.title,
        )
    if agreed.hash != revision_hash:
        known = session.scalars(
            select(models.Revision).where(
                models.Revision.agreement_id == agreement.id,
                models.Revision.hash == revision_hash,
            )
        ).first()
        raise OfflineSigningError(
            E_REVISION,
            f"The PDF is of revision {revision_hash[:12]}…, but this office agreed to revision "
            f"{agreed.hash[:12]}… (round {agreed.round}). It was not accepted.",
            pdf_hash=revision_hash[:12],
            pdf_round=known.round if known is not None else None,
            agreed_hash=agreed.hash[:12],
            agreed_round=agreed.round,
        )
    signatories = signatories_of(session, agreement)
    trusted, by_office = office_trust(session, own_certificate)
    # Office cards are pins (never issuers), and each field is bound to its party's certificates.
    from mou.signing import Verdict
    from mou.signing.trust import ExpectedSigner, TrustAnchors

    expected = {
        s.field_name: ExpectedSigner(s.office_name, frozenset(by_office.get(s.office_uuid, set())))
        for s in signatories
    }
    report = verify_pdf(pdf, TrustAnchors.pinned(trusted), expected=expected)
    if report.error:
        raise OfflineSigningError(E_DAMAGED, report.error, error=report.error)
    # A wrong signer is worded below, naming the party whose field it is.
    bad = [s for s in report.signatures if not s.ok and s.verdict is not Verdict.WRONG_SIGNER]
    if bad:
        raise OfflineSigningError(
            E_VERIFY,
            "A signature failed verification: "
            + "; ".join(f"{s.field_name}: {s.verdict_text}" for s in bad),
            verdicts=[(s.field_name, s.signer, s.verdict.value) for s in bad],
        )
    found = [s.field_name for s in report.signatures]
    order = [s.field_name for s in signatories]
    if found != order[: len(found)]:
        raise OfflineSigningError(
            E_ORDER,
            f"The PDF is signed in {found}, not in party order {order[: len(found)]}.",
            found=", ".join(found),
        )
    by_field = {s.field_name: s for s in signatories}
    for check in report.signatures:
        party = by_field[check.field_name]
        allowed = by_office.get(party.office_uuid, set())
        if check.fingerprint_sha256 not in allowed or check.verdict is Verdict.WRONG_SIGNER:
            raise OfflineSigningError(
                E_WRONG_SIGNER,
                f"The signature in {check.field_name} was made by {check.signer} "
                f"({check.office}), not with a certificate of {party.office_name}.",
                field=check.field_name,
                signer=f"{check.signer} ({check.office})",
                party=party.office_name,
            )
    _check_agreed_document(session, agreement, pdf)
    signed = set(found)
    return SigningStatus(
        agreement_id=agreement.id,
        agreement_uuid=agreement.uuid,
        title=agreement.title,
        revision_hash=agreed.hash,
        revision_round=agreed.round,
        pdf_sha256=sha256_hex(pdf),
        signatories=[
            SignatoryInfo(**{**s.__dict__, "signed": s.field_name in signed}) for s in signatories
        ],
        report=report,
    )


def _check_agreed_document(session: Session, agreement: models.Agreement, pdf: bytes) -> None:
    """Refuse ``pdf`` unless its unsigned base is the agreed revision as rendered here."""
    from mou.signing.agreed_document import (
        DocumentMismatch,
        agreed_pdf_document,
        check_agreed_pdf,
    )

    try:
        check_agreed_pdf(pdf, agreed_pdf_document(session, agreement))
    except DocumentMismatch as exc:
        raise OfflineSigningError(
            E_NOT_AGREED_TEXT,
            f"{exc.message} This is not the document this office agreed to; it was not "
            "accepted and nothing was signed.",
            difference=exc.code,
            pasal=exc.params.get("pasal"),
            page=exc.params.get("page"),
        ) from exc


def _advance(
    session: Session, agreement: models.Agreement, actor: Actor, status: SigningStatus
) -> list[str]:
    """Agreed → Signing, and Signing → Signed once complete; reasons a step was not possible."""
    from mou.workflow import WorkflowError, transition

    try:
        if agreement.status == S.AGREED.value:
            transition(session, agreement, actor, S.SIGNING)
        if status.complete and agreement.status == S.SIGNING.value:
            transition(session, agreement, actor, S.SIGNED, signed_pdf_sha256=status.pdf_sha256)
    except WorkflowError as exc:
        return exc.reasons or [exc.summary]
    return []


def current_pdf(
    session: Session, agreement_id: int, archive: SignedArchive
) -> tuple[bytes, int] | None:
    """The most signed PDF of an agreement this office holds, and its signature count."""
    agreement = session.get(models.Agreement, agreement_id)
    if agreement is None:
        return None
    newest = archive.newest(session, agreement)
    if newest is None:
        return None
    try:
        return archive.read(agreement.uuid, newest[0]), newest[1]
    except SignedArchiveError as exc:
        raise OfflineSigningError(E_NO_PDF, str(exc), error=str(exc)) from exc


def can_prepare(session: Session, agreement: models.Agreement, archive: SignedArchive) -> bool:
    """Agreed, or Signing while this office holds no PDF of it yet."""
    if agreement.status == S.AGREED.value:
        return True
    return agreement.status == S.SIGNING.value and archive.newest(session, agreement) is None


def prepare(
    session: Session,
    agreement_id: int,
    actor: Actor,
    archive: SignedArchive,
    *,
    paper: Paper = "f4",
) -> tuple[bytes, SigningStatus]:
    """Render the agreed revision for signing (PIHAK PERTAMA only); Agreed → Signing.

    Also for an agreement already in Signing of which this office holds no PDF yet.
    """
    from mou.pdf.render import render_pdf_bytes
    from mou.workflow import check

    agreement = session.get(models.Agreement, agreement_id)
    if agreement is None:
        raise OfflineSigningError(E_UNKNOWN_AGREEMENT, "No such agreement.", agreement=agreement_id)
    # Signing without any PDF here happens when the agreements page moved it on ("Prepare for
    # signing" there only changes the state) or a ceremony was started elsewhere.
    if not can_prepare(session, agreement, archive):
        raise OfflineSigningError(
            E_STATE,
            f"Only an Agreed agreement can be prepared for signing (it is {agreement.status}).",
            status=agreement.status,
            title=agreement.title,
        )
    signatories = signatories_of(session, agreement)
    if not any(s.local for s in signatories):
        raise OfflineSigningError(
            E_NOT_PARTY, "This office is not a party to the agreement; it does not sign it."
        )
    if not signatories[0].local:
        raise OfflineSigningError(
            E_NOT_FIRST,
            f"{signatories[0].office_name} (PIHAK PERTAMA) prepares and signs first; open the "
            "partly signed PDF it sends you.",
            party=signatories[0].office_name,
        )
    problems = check(session, agreement, actor, S.SIGNING) if agreement.status == S.AGREED else []
    if problems:
        raise OfflineSigningError(E_WORKFLOW, "; ".join(problems), reasons="; ".join(problems))
    from mou.agreement import AgreementError
    from mou.pdf.render import RenderError
    from mou.signing.agreed_document import agreed_pdf_document, record_renderer

    try:
        # The base document every office renders alike, so the counterpart can re-render it.
        document = agreed_pdf_document(session, agreement, paper=paper)
        data, layout = render_pdf_bytes(document)
    except (AgreementError, RenderError) as exc:
        raise OfflineSigningError(
            E_RENDER, f"The PDF cannot be made: {exc}", error=str(exc)
        ) from exc
    fields = [slot.field_name for slot in layout.signature_slots]
    if fields != [s.field_name for s in signatories]:
        raise OfflineSigningError(E_SIGNING, f"The rendered PDF has signature fields {fields}.")
    record_renderer(agreement)
    archive.store(session, agreement, data, actor, signatures=0, source="prepared")
    status = SigningStatus(
        agreement_id=agreement.id,
        agreement_uuid=agreement.uuid,
        title=agreement.title,
        revision_hash=document.revision_hash,
        revision_round=agreement.agreed_revision.round if agreement.agreed_revision else 0,
        pdf_sha256=sha256_hex(data),
        signatories=signatories,
    )
    status.problems.extend(_advance(session, agreement, actor, status))
    return data, status


def sign(
    session: Session,
    agreement_id: int,
    actor: Actor,
    archive: SignedArchive,
    *,
    identity_path: Path,
    password: str,
    signature_png: bytes | None,
    own_certificate: x509.Certificate | None = None,
    tz_label: str = "WIB",
    timestamp_url: str | None = None,
    tsa_hints: list[x509.Certificate] | None = None,
    notes: list | None = None,
) -> tuple[bytes, SigningStatus]:
    """Sign the newest held PDF as this office (its turn only); archive and record the result.

    The PKCS#12 is unlocked for this one signature. On any error nothing is stored.
    ``timestamp_url``: the office's TSA (long-term validity, see :mod:`mou.signing.ltv`);
    ``tsa_hints``: its CA; coded notes such as "signed without a time-stamp" are appended to
    ``notes`` for the UI to show.
    """
    from mou.signing import SigningError
    from mou.signing.identity import IdentityError, WrongPasswordError, load_identity
    from mou.signing.sign import sign_document

    agreement = session.get(models.Agreement, agreement_id)
    if agreement is None:
        raise OfflineSigningError(E_UNKNOWN_AGREEMENT, "No such agreement.", agreement=agreement_id)
    if actor.role is not Role.SIGNATORY:
        raise OfflineSigningError(
            E_ROLE,
            f"{actor.name} is a {actor.role.value}; only a signatory signs.",
            name=actor.name,
        )
    held = current_pdf(session, agreement_id, archive)
    if held is None:
        raise OfflineSigningError(E_NO_PDF, "Prepare the agreement for signing first.")
    status = check_pdf(session, held[0], own_certificate, expect_uuid=agreement.uuid)
    signatory = status.next_signatory
    if signatory is None or not signatory.local:
        raise OfflineSigningError(
            E_NOT_YOUR_TURN,
            "It is not this office's turn to sign.",
            party=signatory.office_name if signatory else "",
        )
    try:
        identity = load_identity(Path(identity_path), password)
    except WrongPasswordError:
        raise OfflineSigningError(
            E_WRONG_PASSWORD,
            "The password does not open the signing certificate. Nothing was signed.",
        ) from None
    except IdentityError as exc:
        raise OfflineSigningError(
            E_IDENTITY, f"{exc} Nothing was signed.", error=str(exc), cause=exc.message
        ) from exc
    try:
        result = sign_document(
            held[0],
            identity,
            field_name=signatory.field_name,
            signer_name=signatory.signer_name,
            signer_title=signatory.signer_title,
            signature_png=signature_png,
            tz_label=tz_label,
            timestamp_url=timestamp_url or None,
            path_hints=tsa_hints,
        )
        signed = result.data
        if notes is not None:
            notes.extend(result.notes)
    except SigningError as exc:
        # ``cause`` (a coded DomainMessage) lets the UI word the reason, not just embed English.
        raise OfflineSigningError(
            E_SIGNING, f"{exc} Nothing was signed.", error=str(exc), cause=exc.message
        ) from exc
    own = identity.certificate
    del identity  # the unlocked key lives no longer than this signature
    after = check_pdf(session, signed, own, expect_uuid=agreement.uuid)
    archive.store(
        session, agreement, signed, actor, signatures=after.signed_count, source="signed_here"
    )
    audit.record(
        session,
        agreement,
        "offline_signed",
        actor,
        field=signatory.field_name,
        signer=signatory.signer_name,
        pdf_sha256=after.pdf_sha256,
        revision_hash=after.revision_hash,
    )
    after.problems.extend(_advance(session, agreement, actor, after))
    return signed, after


@dataclass(frozen=True)
class Received:
    """The outcome of opening a PDF that came from the counterpart."""

    status: SigningStatus
    already_held: bool  # the same file was already in the archive


def receive(
    session: Session,
    pdf: bytes,
    actor: Actor,
    archive: SignedArchive,
    *,
    own_certificate: x509.Certificate | None,
) -> Received:
    """Check a (partly) signed PDF from the counterpart, archive it and advance the workflow."""
    status = check_pdf(session, pdf, own_certificate)
    agreement = session.get(models.Agreement, status.agreement_id)
    assert agreement is not None
    if agreement.status not in (S.AGREED.value, S.SIGNING.value, S.SIGNED.value):
        raise OfflineSigningError(
            E_STATE,
            f"The agreement is {agreement.status}; it cannot be signed now.",
            status=agreement.status,
            title=agreement.title,
        )
    if status.signed_count == 0:
        raise OfflineSigningError(
            E_UNSIGNED, "The PDF carries no signature yet; PIHAK PERTAMA signs before sending it."
        )
    newest = archive.newest(session, agreement)
    if newest is not None:
        held_sha, held_count, _ = newest
        if held_sha == status.pdf_sha256:
            problems = _advance(session, agreement, actor, status)
            return Received(SigningStatus(**{**status.__dict__, "problems": problems}), True)
        held = current_pdf(session, agreement.id, archive)
        assert held is not None
        if held_count >= status.signed_count:
            raise OfflineSigningError(
                E_OLDER,
                f"This office already holds a PDF with {held_count} signature(s); the file "
                f"carries {status.signed_count}. Nothing was changed.",
                held=held_count,
                got=status.signed_count,
            )
        if not pdf.startswith(held[0]):
            raise OfflineSigningError(
                E_NOT_INCREMENTAL,
                "The PDF does not extend the PDF this office already holds (something signed "
                "was changed). It was not accepted.",
            )
    from mou.signing.agreed_document import record_renderer

    record_renderer(agreement)  # the renderer this office compared the file with
    archive.store(session, agreement, pdf, actor, signatures=status.signed_count, source="received")
    problems = _advance(session, agreement, actor, status)
    return Received(SigningStatus(**{**status.__dict__, "problems": problems}), False)
