"""The checks every office runs before it believes a presented or signed ceremony PDF.

Pure functions over a :class:`~mou.ceremony.store.CeremonyRecord` and PDF bytes; they raise
:class:`~mou.ceremony.protocol.CeremonyError` and change nothing, so the ceremony stores a step
only after all of them passed.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from cryptography import x509

from mou.ceremony.protocol import (
    E_DOCUMENT,
    E_HASH,
    E_MALFORMED,
    E_NOT_INCREMENTAL,
    E_REVISION,
    E_SIGNATORIES,
    E_VERIFY,
    CeremonyError,
    step_pdfs,
)
from mou.ceremony.store import CeremonyRecord, Signatory, sha256_hex
from mou.pdf.document import PdfDocument

AgreedDocument = Callable[[str], PdfDocument | None]

T = TypeVar("T")


def off_loop(function: Callable[..., T], *args: Any) -> T:
    """Run ``function`` here, or on a helper thread when this thread runs an asyncio loop.

    pyHanko's validation drives its own event loop and silently fails inside a running one (for
    example when a listener is called on the call engine's thread).
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return function(*args)
    with concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="ceremony") as pool:
        return pool.submit(function, *args).result()


def local_signatories(document: PdfDocument) -> list[Signatory]:
    """The signatories of this office's own agreed document: party order, one field each."""
    from mou.pdf.signature_block import field_name_for

    return [
        Signatory(
            office=party.display_name,
            signer_name=party.head_name,
            signer_title=party.head_title,
            field_name=field_name_for(index),
        )
        for index, party in enumerate(document.parties)
    ]


def check_agreed_document(
    record: CeremonyRecord, pdf: bytes, agreed_document: AgreedDocument
) -> None:
    """Refuse unless the presentation is this office's own agreed document, byte for byte.

    The revision, the signatories (names, titles, fields, order) and the PDF all come from this
    office's database; the host's message only gets compared with them. On success the record's
    title and signatories are replaced by the local ones.
    """
    document = agreed_document(record.agreement_id)
    if document is None:
        raise CeremonyError(
            E_REVISION,
            "This office has not agreed to any revision of the presented agreement.",
            detail="not_agreed",
        )
    if document.revision_hash != record.revision_hash:
        raise CeremonyError(
            E_REVISION,
            f"The presented revision {record.revision_hash[:12]}… is not the revision "
            f"this office agreed to ({document.revision_hash[:12]}…).",
        )
    ours = local_signatories(document)
    if record.signatories != ours:
        index = next(
            (i for i, (a, b) in enumerate(zip(record.signatories, ours, strict=False)) if a != b),
            min(len(record.signatories), len(ours)),
        )
        raise CeremonyError(
            E_SIGNATORIES,
            "The presented list of signatories differs from the agreed parties "
            f"(signatory {index + 1}). It was refused.",
            position=index + 1,
        )
    _compare(pdf, document, "The presented PDF is not the agreed document.")
    record.title = f"{document.kind} {document.title}"
    record.signatories = ours


def check_signed_document(
    record: CeremonyRecord, pdf: bytes, agreed_document: AgreedDocument
) -> None:
    """Refuse a signed step that shows anything but the agreed document outside the signatures.

    A signer could put more than its signature into its incremental update (content over a
    pasal, an annotation); every office compares what a reader would see.
    """
    document = agreed_document(record.agreement_id)
    if document is None:
        raise CeremonyError(
            E_REVISION,
            "This office has not agreed to any revision of this agreement.",
            detail="not_agreed",
        )
    _compare(pdf, document, "The signed PDF shows more than the agreed document.")


def _compare(pdf: bytes, document: PdfDocument, what: str) -> None:
    from mou.signing.agreed_document import DocumentMismatch, check_agreed_pdf

    try:
        off_loop(check_agreed_pdf, pdf, document)
    except DocumentMismatch as exc:
        pasal = exc.params.get("pasal")
        page = exc.params.get("page")
        raise CeremonyError(
            E_DOCUMENT,
            f"{exc.message} {what} It was refused.",
            difference=exc.code,
            **({"pasal": int(pasal)} if pasal is not None else {}),
            **({"page": int(page)} if page is not None else {}),
        ) from exc


def check_presentation(
    record: CeremonyRecord,
    pdf: bytes,
    agreed_hash: Callable[[str], str | None] | None,
    agreed_document: AgreedDocument | None = None,
) -> None:
    """The presented PDF is this office's agreed revision and has every signatory's empty field.

    With ``agreed_document`` the PDF must also be that document as rendered here
    (:func:`check_agreed_document`).
    """
    from mou.signing import signature_fields

    if agreed_hash is not None:
        ours = agreed_hash(record.agreement_id)
        if ours is not None and ours != record.revision_hash:
            raise CeremonyError(
                E_REVISION,
                f"The presented revision {record.revision_hash[:12]}… is not the revision "
                f"this office agreed to ({ours[:12]}…).",
            )
    if agreed_document is not None:
        check_agreed_document(record, pdf, agreed_document)
    try:
        fields = {f.name: f for f in signature_fields(pdf)}
    except Exception as exc:  # pyHanko raises many types for a broken file
        raise CeremonyError(E_MALFORMED, f"The presented PDF cannot be read: {exc}") from exc
    for signatory in record.signatories:
        found = fields.get(signatory.field_name)
        if found is None:
            raise CeremonyError(
                E_MALFORMED, f"The presented PDF has no signature field {signatory.field_name}."
            )
        if found.signed:
            raise CeremonyError(
                E_MALFORMED, f"The presented PDF is already signed in {signatory.field_name}."
            )


def verified_stages(
    record: CeremonyRecord,
    held_pdf: Callable[[], bytes],
    pdf: bytes,
    step: int,
    claimed_sha: str,
    from_office: str,
    trusted: list[x509.Certificate],
    office_fingerprints: Mapping[str, set[str]],
    authorities: Sequence[x509.Certificate] = (),
) -> list[bytes] | None:
    """Check a PDF announced at ``step`` signatures against the PDF we hold at our step.

    ``held_pdf`` reads that PDF; it is called only once the cheap checks have passed.

    Returns the PDF of every step up to ``step`` (``None`` when it is not further than ours and
    agrees with what we hold); raises ``CeremonyError`` when anything does not add up.
    """
    from mou.signing import verify_pdf

    if step <= record.step:
        if step >= 0 and record.step_sha256[step] != claimed_sha:
            raise CeremonyError(
                E_HASH,
                f"{from_office} holds a different PDF for step {step} "
                f"({claimed_sha[:12]}…, ours {record.step_sha256[step][:12]}…).",
            )
        return None
    if step > len(record.signatories):
        raise CeremonyError(E_MALFORMED, f"step {step} exceeds the number of signatories")
    actual = sha256_hex(pdf)
    if actual != claimed_sha:
        raise CeremonyError(
            E_HASH,
            f"The PDF from {from_office} does not match its announced SHA-256 "
            f"({actual[:12]}… instead of {claimed_sha[:12]}…). It was refused.",
        )
    if not pdf.startswith(held_pdf()):
        raise CeremonyError(
            E_NOT_INCREMENTAL,
            f"The PDF from {from_office} does not extend the presented revision "
            "(something signed or presented was changed). It was refused.",
        )
    from functools import partial

    from mou.signing.trust import ExpectedSigner, TrustAnchors

    # Office cards are pins, never issuers; each field is bound to its office's certificates
    # when this office holds them for every party.
    parties = {
        s.field_name: ExpectedSigner(s.office, frozenset(office_fingerprints.get(s.office, ())))
        for s in record.signatories
    }
    bound = parties if all(p.fingerprints for p in parties.values()) else None
    check = partial(verify_pdf, expected=bound)
    # ``authorities``: the CA anchors chosen in Settings (BSrE, a city CA), full path validation.
    report = off_loop(check, pdf, TrustAnchors.pinned(trusted).with_cas(authorities))
    expected = {s.field_name for s in record.signatories[:step]}
    found = {s.field_name for s in report.signatures}
    if report.error or not report.ok or found != expected:
        details = report.error or "; ".join(
            f"{s.field_name}: {s.verdict_text}" for s in report.signatures if not s.ok
        )
        if not details:
            details = f"signatures {sorted(found)} instead of {sorted(expected)}"
        raise CeremonyError(
            E_VERIFY,
            f"The signed PDF from {from_office} failed verification: {details}. It was refused.",
        )
    by_field = {s.field_name: s for s in record.signatories}
    for check in report.signatures:
        office = by_field[check.field_name].office
        allowed = office_fingerprints.get(office)
        if allowed is not None and check.fingerprint_sha256 not in allowed:
            raise CeremonyError(
                E_VERIFY,
                f"The signature in {check.field_name} was made by {check.signer} "
                f"({check.office}), not with a certificate of {office}. It was refused.",
            )
    stages = step_pdfs(pdf)
    last = step == len(record.signatories) and len(stages) == step + 1
    if last and sealed_once(pdf, len(stages[-1])):
        # The last signer sealed the file (B-LTA): validation data and one document time-stamp
        # after the last signature (verify_pdf above accepted every update after a signature
        # as exactly that). The final step is the sealed file: every office ends with its bytes.
        stages = [*stages[: step - 1], pdf]
    if len(stages) != step or stages[-1] != pdf:
        raise CeremonyError(E_VERIFY, f"The PDF from {from_office} has unexpected updates.")
    return stages


def sealed_once(pdf: bytes, end: int) -> bool:
    """True when ``pdf`` has exactly one document time-stamp, the last thing signed (its byte
    range ends at ``end``, after every signature); only its own validation data may follow."""
    import io

    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        stamps = list(reader.embedded_timestamp_signatures)
        if len(stamps) != 1:
            return False
        byte_range = [int(x) for x in stamps[0].byte_range]
    except Exception:  # a broken file is not sealed; the caller refuses it
        return False
    return len(byte_range) == 4 and byte_range[2] + byte_range[3] == end
