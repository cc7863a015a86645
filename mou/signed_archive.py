"""The office's copies of signed (and partly signed) agreement PDFs, and the printed-page check.

Why a folder and not a table: a signed PDF is a blob of a few hundred kilobytes whose bytes are
the legal record; kept as ``<data>/signed/<agreement uuid>/<sha256>.pdf`` it can be opened by
staff, backed up with the data folder and never needs a schema migration. The agreement's audit
trail names every stored file (action ``signed_pdf_archived`` with its SHA-256 and how many
signatures it carries), so the database says which file is the current one and the file name
lets anyone check the bytes were not changed. PDFs signed in a live ceremony stay in the
ceremony store (``<data>/ceremonies/``); :class:`SignedArchive` finds them there too by the
SHA-256 that ``record_outcome`` wrote into the Signed transition.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import re
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from mou import audit, models
from mou.agreement import AgreementStatus
from mou.ceremony.store import CeremonyRecord, CeremonyStore
from mou.durable import sha256_hex, write_atomically
from mou.office import Actor

ARCHIVED = "signed_pdf_archived"
#: States whose agreements the archive lists (a Signing one with its partly signed PDF).
LISTED = (
    AgreementStatus.SIGNING.value,
    AgreementStatus.SIGNED.value,
    AgreementStatus.EXPIRED.value,
    AgreementStatus.TERMINATED.value,
)
_UUID_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_SHA_RE = re.compile(r"^[0-9a-f]{64}$")


class SignedArchiveError(Exception):
    """A stored PDF is missing or damaged; the message says which file."""


@dataclass(frozen=True)
class ArchiveEntry:
    """One agreement in the archive list with the newest PDF this office holds of it."""

    agreement_id: int
    uuid: str
    title: str
    kind: str
    status: str
    parties: list[str]
    revision_hash: str | None
    pdf_sha256: str | None  # None: no PDF known for this agreement
    pdf_path: Path | None  # None: the recorded file is not on this computer
    signatures: int  # signatures the PDF carries (as recorded when it was stored)
    signatories: int  # parties that must sign
    updated_at: dt.datetime
    source: str = ""  # "offline", "ceremony", "received" ...

    @property
    def complete(self) -> bool:
        """True when the PDF carries every party's signature."""
        return self.pdf_sha256 is not None and self.signatures >= self.signatories


class SignedArchive:
    """Signed PDFs under ``root`` (the UI passes ``<data>/signed``), plus the ceremony store."""

    def __init__(self, root: Path, ceremonies: CeremonyStore | None = None) -> None:
        self.root = Path(root)
        self.ceremonies = ceremonies
        self._records: list[CeremonyRecord] | None = None

    def path_for(self, agreement_uuid: str, sha256: str) -> Path:
        """Where the PDF with ``sha256`` of an agreement is (or would be) stored."""
        if not _UUID_RE.match(agreement_uuid) or not _SHA_RE.match(sha256):
            raise SignedArchiveError(f"Invalid archive key {agreement_uuid!r}/{sha256!r}")
        return self.root / agreement_uuid / f"{sha256}.pdf"

    def store(
        self,
        session: Session,
        agreement: models.Agreement,
        data: bytes,
        actor: Actor,
        *,
        signatures: int,
        source: str,
    ) -> Path:
        """Write ``data`` (atomically; once per content) and name it in the audit trail."""
        sha = sha256_hex(data)
        path = self.path_for(agreement.uuid, sha)
        if not path.exists() or sha256_hex(path.read_bytes()) != sha:
            write_atomically(path, data)
        known = any(
            e.action == ARCHIVED and e.detail.get("pdf_sha256") == sha
            for e in audit.history(session, agreement.id)
        )
        if not known:
            audit.record(
                session,
                agreement,
                ARCHIVED,
                actor,
                pdf_sha256=sha,
                signatures=signatures,
                source=source,
                size=len(data),
            )
        return path

    def _ceremony_records(self) -> list[CeremonyRecord]:
        # Loading checks every step PDF's hash, so a listing reads the store once (entries()
        # holds the records meanwhile); single look-ups read it fresh.
        if self._records is not None:
            return self._records
        return self.ceremonies.ceremonies() if self.ceremonies is not None else []

    def locate(self, agreement_uuid: str, sha256: str) -> Path | None:
        """The file holding the PDF with ``sha256``: in this archive or in a stored ceremony."""
        with contextlib.suppress(SignedArchiveError):
            path = self.path_for(agreement_uuid, sha256)
            if path.is_file():
                return path
        if self.ceremonies is not None:
            for record in self._ceremony_records():
                if record.agreement_id == agreement_uuid and sha256 in record.step_sha256:
                    step = record.step_sha256.index(sha256)
                    return self.ceremonies.folder(record.ceremony_id) / f"step-{step}.pdf"
        return None

    def read(self, agreement_uuid: str, sha256: str) -> bytes:
        """The stored PDF, checked against its SHA-256 (``SignedArchiveError`` if missing/damaged)."""
        path = self.locate(agreement_uuid, sha256)
        if path is None:
            raise SignedArchiveError(
                f"The PDF {sha256[:12]}… of agreement {agreement_uuid} is not on this computer."
            )
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise SignedArchiveError(f"The file {path} cannot be read: {exc}") from exc
        if sha256_hex(data) != sha256:
            raise SignedArchiveError(
                f"The stored file {path} is damaged: its SHA-256 is not {sha256[:12]}…"
            )
        return data

    def newest(self, session: Session, agreement: models.Agreement) -> tuple[str, int, str] | None:
        """(SHA-256, signatures, source) of the most signed PDF this office holds of an agreement."""
        best: tuple[str, int, str] | None = None
        for event in audit.history(session, agreement.id):
            detail = event.detail if isinstance(event.detail, dict) else {}
            if event.action == ARCHIVED and detail.get("pdf_sha256"):
                count = int(detail.get("signatures", 0))
                if best is None or count >= best[1]:
                    best = (str(detail["pdf_sha256"]), count, str(detail.get("source", "")))
        signed = _signed_sha(session, agreement)
        if signed and (best is None or best[0] != signed):
            best = (signed, len(agreement.parties), "ceremony")
        if best is None or best[1] < len(agreement.parties):
            for record in self._ceremony_records():  # newest presentation first
                if record.agreement_id == agreement.uuid:
                    if best is None or record.step > best[1]:
                        best = (record.current_sha256, record.step, "ceremony")
                    break
        return best

    def entries(self, session: Session) -> list[ArchiveEntry]:
        """Every signed (or being signed) agreement, most recently changed first."""
        self._records = self.ceremonies.ceremonies() if self.ceremonies is not None else []
        try:
            return self._entries(session)
        finally:
            self._records = None

    def _entries(self, session: Session) -> list[ArchiveEntry]:
        rows = session.scalars(
            select(models.Agreement)
            .where(models.Agreement.status.in_(LISTED))
            .order_by(models.Agreement.updated_at.desc())
        )
        out: list[ArchiveEntry] = []
        for agreement in rows:
            newest = self.newest(session, agreement)
            if newest is None and agreement.status != AgreementStatus.SIGNING.value:
                continue  # e.g. terminated while negotiating: nothing was ever signed
            sha, count, source = newest if newest is not None else (None, 0, "")
            out.append(
                ArchiveEntry(
                    agreement_id=agreement.id,
                    uuid=agreement.uuid,
                    title=agreement.title,
                    kind=agreement.kind,
                    status=agreement.status,
                    parties=[p.name for p in agreement.parties],
                    revision_hash=agreement.agreed_revision.hash
                    if agreement.agreed_revision is not None
                    else None,
                    pdf_sha256=sha,
                    pdf_path=self.locate(agreement.uuid, sha) if sha else None,
                    signatures=count,
                    signatories=len(agreement.parties),
                    updated_at=agreement.updated_at,
                    source=source,
                )
            )
        return out


def _signed_sha(session: Session, agreement: models.Agreement) -> str | None:
    """The SHA-256 recorded with the agreement's move to Signed (the final signed PDF)."""
    found = None
    for event in audit.history(session, agreement.id):
        if event.action == "state_changed" and event.to_state == AgreementStatus.SIGNED.value:
            detail = event.detail if isinstance(event.detail, dict) else {}
            found = detail.get("signed_pdf_sha256") or found
    return str(found) if found else None


# ------------------------------------------------------------------------ printed-page check


class QrVerdict(enum.StrEnum):
    """What a code scanned from a printed page says about the app's record."""

    MATCH = "match"  # the agreed (signed) revision of a known agreement
    OTHER_REVISION = "other_revision"  # a known revision, but not the agreed one
    UNKNOWN_REVISION = "unknown_revision"  # a known agreement, a hash it never had
    UNKNOWN_AGREEMENT = "unknown_agreement"  # the agreement is not in this database
    NOT_LINTAS = "not_lintas"  # not a Lintas page code at all


@dataclass(frozen=True)
class QrCheck:
    """The answer to "does this printed page match our record?"."""

    verdict: QrVerdict
    agreement_uuid: str = ""
    revision_hash: str = ""
    title: str = ""
    status: str = ""
    revision_round: int | None = None  # the round of the scanned revision, when known
    agreed_hash: str | None = None
    agreed_round: int | None = None
    parties: list[str] = field(default_factory=list)

    @property
    def matches(self) -> bool:
        """True only when the page shows the revision this office agreed to (and signed)."""
        return self.verdict is QrVerdict.MATCH


def check_printed_code(session: Session, text: str) -> QrCheck:
    """Look up the agreement id and revision hash of a page's QR text in this database."""
    from mou.pdf.layout import parse_qr_payload

    try:
        uuid, revision_hash = parse_qr_payload(text)
    except ValueError:
        return QrCheck(QrVerdict.NOT_LINTAS)
    revision_hash = revision_hash.strip().lower()
    agreement = session.scalars(
        select(models.Agreement).where(models.Agreement.uuid == uuid.strip())
    ).first()
    if agreement is None:
        return QrCheck(QrVerdict.UNKNOWN_AGREEMENT, uuid, revision_hash)
    agreed = agreement.agreed_revision
    revision = session.scalars(
        select(models.Revision).where(
            models.Revision.agreement_id == agreement.id, models.Revision.hash == revision_hash
        )
    ).first()
    common = {
        "agreement_uuid": uuid,
        "revision_hash": revision_hash,
        "title": agreement.title,
        "status": agreement.status,
        "agreed_hash": agreed.hash if agreed is not None else None,
        "agreed_round": agreed.round if agreed is not None else None,
        "parties": [p.name for p in agreement.parties],
    }
    if revision is None:
        return QrCheck(QrVerdict.UNKNOWN_REVISION, **common)
    verdict = (
        QrVerdict.MATCH
        if agreed is not None and agreed.hash == revision_hash
        else QrVerdict.OTHER_REVISION
    )
    return QrCheck(verdict, revision_round=revision.round, **common)
