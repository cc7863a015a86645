"""Durable state of signing ceremonies: one folder per ceremony under the app data folder.

Why files and not a table: the PDF of every step (unsigned, after party A, after party B) must
survive a crash or a dropped call byte for byte, and these are blobs of hundreds of kilobytes. A
folder per ceremony keeps them as plain ``.pdf`` files that staff can open, and needs no schema
migration. The agreement's audit trail in the domain database still gets the milestones (see
:func:`record_outcome` below).

Layout (``<data>/ceremonies/<ceremony id>/``)::

    state.json      the CeremonyRecord (JSON, written last, atomically)
    step-0.pdf      the presented, unsigned PDF
    step-1.pdf      after the first signature, and so on

Every write goes to a temporary file, is flushed to disk and then renamed over the target, so a
crash leaves either the old or the new file, never half of one. A PDF is written before the state
that names it. On load, each step file is checked against the SHA-256 the state recorded.

The second half of the module connects a ceremony to the agreement database: the certificates
to trust (per office), the revision this office agreed to, and the outcome (audit events for
attendance and signatures; Agreed → Signing → Signed).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from cryptography import x509
from sqlalchemy import select
from sqlalchemy.orm import Session

from mou import audit, models
from mou.durable import sha256_hex, write_atomically
from mou.office import Actor

STATE_VERSION = 1
_ID_RE = re.compile(r"^[A-Za-z0-9_-]{8,64}$")


class CeremonyStoreError(Exception):
    """A stored ceremony cannot be read (damaged or missing file); the message says which."""


@dataclass(frozen=True)
class Signatory:
    """One party that signs, in signing order. ``office`` is the office name seen in the call."""

    office: str
    signer_name: str
    signer_title: str
    field_name: str  # the reserved signature field in the PDF ("TandaTangan1")


@dataclass
class Attendance:
    """One office's presence in the session. Times are ISO 8601 with offset (UTC)."""

    office: str
    people: list[str]
    tz_label: str  # "WIB" / "WITA" / "WIT": the zone that office lives in
    joined_at: str
    left_at: str | None = None


@dataclass
class SignatureRecord:
    """One completed signature step."""

    step: int  # 1 for the first signature
    office: str
    signer_name: str
    field_name: str
    signed_at: str  # ISO 8601 UTC, when this office learned of (or made) the signature
    pdf_sha256: str


@dataclass
class CeremonyRecord:
    """Everything one office knows about one ceremony. ``step`` = signatures done so far."""

    ceremony_id: str
    agreement_id: str
    revision_hash: str
    title: str
    host_office: str
    local_office: str
    presented_at: str
    signatories: list[Signatory]
    step_sha256: list[str]  # index 0 = the unsigned PDF, index n = after n signatures
    signatures: list[SignatureRecord] = field(default_factory=list)
    confirmations: dict[str, str] = field(default_factory=dict)  # office -> sha256 it computed
    attendance: list[Attendance] = field(default_factory=list)
    completed_at: str | None = None
    version: int = STATE_VERSION

    @property
    def step(self) -> int:
        """How many signatures the newest PDF carries."""
        return len(self.step_sha256) - 1

    @property
    def presented_sha256(self) -> str:
        """SHA-256 of the unsigned PDF the host presented."""
        return self.step_sha256[0]

    @property
    def current_sha256(self) -> str:
        """SHA-256 of the newest PDF."""
        return self.step_sha256[-1]

    @property
    def complete(self) -> bool:
        """True once every signatory has signed."""
        return self.step >= len(self.signatories)

    @property
    def next_signatory(self) -> Signatory | None:
        """Who signs now (``None`` when complete)."""
        return None if self.complete else self.signatories[self.step]

    def to_json(self) -> dict[str, Any]:
        """A JSON-able dict (the ``state.json`` content)."""
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CeremonyRecord:
        """The record from :meth:`to_json` output; raises ``CeremonyStoreError`` when malformed."""
        try:
            if data.get("version") != STATE_VERSION:
                raise ValueError(f"unsupported state version {data.get('version')!r}")
            return cls(
                ceremony_id=str(data["ceremony_id"]),
                agreement_id=str(data["agreement_id"]),
                revision_hash=str(data["revision_hash"]),
                title=str(data["title"]),
                host_office=str(data["host_office"]),
                local_office=str(data["local_office"]),
                presented_at=str(data["presented_at"]),
                signatories=[Signatory(**s) for s in data["signatories"]],
                step_sha256=[str(s) for s in data["step_sha256"]],
                signatures=[SignatureRecord(**s) for s in data.get("signatures", [])],
                confirmations={str(k): str(v) for k, v in data.get("confirmations", {}).items()},
                attendance=[Attendance(**a) for a in data.get("attendance", [])],
                completed_at=data.get("completed_at"),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise CeremonyStoreError(f"The ceremony state is malformed: {exc}") from exc


class CeremonyStore:
    """Ceremony folders under ``root`` (the UI passes ``<data>/ceremonies``)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def folder(self, ceremony_id: str) -> Path:
        """The folder of one ceremony (the id is validated: it arrives over the network)."""
        if not _ID_RE.match(ceremony_id):
            raise CeremonyStoreError(f"Invalid ceremony id {ceremony_id!r}")
        return self.root / ceremony_id

    def save_pdf(self, ceremony_id: str, step: int, data: bytes) -> str:
        """Store the PDF of ``step`` (before the state that names it) and return its SHA-256."""
        folder = self.folder(ceremony_id)
        folder.mkdir(parents=True, exist_ok=True)
        write_atomically(folder / f"step-{step}.pdf", data)
        return sha256_hex(data)

    def save(self, record: CeremonyRecord) -> None:
        """Write the state atomically; every PDF it names must already be stored."""
        folder = self.folder(record.ceremony_id)
        folder.mkdir(parents=True, exist_ok=True)
        text = json.dumps(record.to_json(), ensure_ascii=False, indent=1, sort_keys=True)
        write_atomically(folder / "state.json", text.encode("utf-8"))

    def load(self, ceremony_id: str) -> CeremonyRecord:
        """The stored record, each step PDF checked against its recorded hash."""
        path = self.folder(ceremony_id) / "state.json"
        try:
            data = json.loads(path.read_text("utf-8"))
        except FileNotFoundError:
            raise CeremonyStoreError(f"No stored ceremony {ceremony_id}") from None
        except (OSError, ValueError) as exc:
            raise CeremonyStoreError(f"The ceremony state {path} cannot be read: {exc}") from exc
        if not isinstance(data, dict):
            raise CeremonyStoreError(f"The ceremony state {path} is not a JSON object")
        record = CeremonyRecord.from_json(data)
        for step, expected in enumerate(record.step_sha256):
            actual = sha256_hex(self.pdf(ceremony_id, step))
            if actual != expected:
                raise CeremonyStoreError(
                    f"The stored PDF of step {step} of ceremony {ceremony_id} is damaged "
                    f"(SHA-256 {actual[:12]}…, expected {expected[:12]}…)"
                )
        return record

    def pdf(self, ceremony_id: str, step: int) -> bytes:
        """The stored PDF after ``step`` signatures."""
        path = self.folder(ceremony_id) / f"step-{step}.pdf"
        try:
            return path.read_bytes()
        except OSError as exc:
            raise CeremonyStoreError(f"The ceremony PDF {path} cannot be read: {exc}") from exc

    def scan(self) -> tuple[list[CeremonyRecord], list[str]]:
        """Every stored ceremony, newest presentation first, and a message per damaged one.

        A damaged folder is left exactly as it is (nothing is deleted), so it can be inspected.
        """
        out: list[CeremonyRecord] = []
        problems: list[str] = []
        if not self.root.is_dir():
            return out, problems
        for folder in sorted(self.root.iterdir()):
            if folder.is_dir() and (folder / "state.json").exists():
                try:
                    out.append(self.load(folder.name))
                except CeremonyStoreError as exc:
                    problems.append(str(exc))
        out.sort(key=lambda r: r.presented_at, reverse=True)
        return out, problems

    def ceremonies(self) -> list[CeremonyRecord]:
        """Every readable stored ceremony, newest presentation first (see :meth:`scan`)."""
        return self.scan()[0]

    def latest_for(
        self, agreement_id: str, revision_hash: str | None = None
    ) -> CeremonyRecord | None:
        """The newest stored ceremony of an agreement (and revision, when given)."""
        for record in self.ceremonies():
            if record.agreement_id == agreement_id and (
                revision_hash is None or record.revision_hash == revision_hash
            ):
                return record
        return None


def utc_now_iso(now: dt.datetime | None = None) -> str:
    """``now`` (default: the current time) as ISO 8601 in UTC."""
    return (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).isoformat()


# ------------------------------------------------------------------------------------ database
# The agreement database side: whom to trust, which revision this office agreed to, and the
# milestones of a ceremony in the agreement's audit trail and workflow.


def ceremony_trust(
    session: Session,
    *,
    own_office: str | None = None,
    own_certificate: x509.Certificate | None = None,
) -> tuple[list[x509.Certificate], dict[str, list[x509.Certificate]]]:
    """Certificates a ceremony trusts, and which office each belongs to (by display name).

    Every counterpart certificate this office accepted, plus its own (``own_certificate``, the
    public PEM copy, so no password is needed).
    """
    trusted: list[x509.Certificate] = []
    by_office: dict[str, list[x509.Certificate]] = {}
    for row in session.scalars(select(models.TrustedCertificate)):
        certificate = x509.load_pem_x509_certificate(row.certificate_pem.encode("ascii"))
        trusted.append(certificate)
        by_office.setdefault(row.office.display_name, []).append(certificate)
    if own_certificate is not None:
        trusted.append(own_certificate)
        if own_office:
            by_office.setdefault(own_office, []).append(own_certificate)
    return trusted, by_office


def agreed_revision_hash(session: Session, agreement_uuid: str) -> str | None:
    """The revision hash this office agreed to for an agreement (``None``: not known here)."""
    agreement = session.scalars(
        select(models.Agreement).where(models.Agreement.uuid == agreement_uuid)
    ).first()
    if agreement is None or agreement.agreed_revision is None:
        return None
    return agreement.agreed_revision.hash


def record_in_audit(
    session: Session, agreement: models.Agreement, record: CeremonyRecord, actor: Actor
) -> int:
    """Write the ceremony's attendance and signatures into the agreement's audit trail.

    Idempotent: events already recorded for this ceremony (same action and key) are not written
    again. Returns how many events were added.
    """
    seen = {
        (e.action, str(e.detail.get("key")))
        for e in audit.history(session, agreement.id)
        if isinstance(e.detail, dict) and e.detail.get("ceremony_id") == record.ceremony_id
    }
    added = 0
    for entry in record.attendance:
        key = f"{entry.office}@{entry.joined_at}"
        for action, when in (
            ("ceremony_joined", entry.joined_at),
            ("ceremony_left", entry.left_at),
        ):
            if when is None or (action, key) in seen:
                continue
            audit.record(
                session,
                agreement,
                action,
                actor,
                at=dt.datetime.fromisoformat(when).astimezone(dt.UTC),
                ceremony_id=record.ceremony_id,
                key=key,
                office=entry.office,
                people=entry.people,
                tz_label=entry.tz_label,
            )
            added += 1
    for signature in record.signatures:
        key = str(signature.step)
        if ("ceremony_signed", key) in seen:
            continue
        audit.record(
            session,
            agreement,
            "ceremony_signed",
            actor,
            at=dt.datetime.fromisoformat(signature.signed_at).astimezone(dt.UTC),
            ceremony_id=record.ceremony_id,
            key=key,
            office=signature.office,
            signer=signature.signer_name,
            field=signature.field_name,
            pdf_sha256=signature.pdf_sha256,
            revision_hash=record.revision_hash,
        )
        added += 1
    return added


def record_outcome(session: Session, record: CeremonyRecord, actor: Actor) -> list[str]:
    """Bring the agreement in this office's database up to date with the ceremony.

    Writes the audit events, moves an Agreed agreement to Signing once a revision was presented,
    and a Signing one to Signed (with the signed PDF's SHA-256) once the ceremony is complete.
    Returns the reasons a step could not be taken (empty: up to date). Nothing is raised for a
    refused transition: the ceremony's files stay the record either way.
    """
    from mou.agreement import AgreementStatus
    from mou.workflow import WorkflowError, transition

    agreement = session.scalars(
        select(models.Agreement).where(models.Agreement.uuid == record.agreement_id)
    ).first()
    if agreement is None:
        return [f"The agreement {record.agreement_id} is not in this office's database"]
    if agreement.agreed_revision is None or agreement.agreed_revision.hash != record.revision_hash:
        return ["The signed revision is not the revision this office agreed to"]
    record_in_audit(session, agreement, record, actor)
    try:
        if agreement.status == AgreementStatus.AGREED:
            transition(session, agreement, actor, AgreementStatus.SIGNING)
        if record.complete and agreement.status == AgreementStatus.SIGNING:
            transition(
                session,
                agreement,
                actor,
                AgreementStatus.SIGNED,
                signed_pdf_sha256=record.current_sha256,
            )
    except WorkflowError as exc:
        return exc.reasons or [exc.summary]
    return []
