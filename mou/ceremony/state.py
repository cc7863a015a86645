"""One office's state in a signing ceremony: the record, attendance, presenting, verified steps.

:class:`CeremonyState` holds what an office knows and stores; :class:`mou.ceremony.live.Ceremony` adds
the signing turn and the handling of incoming messages (including resume after a drop). The flow
and the checks are described in :mod:`mou.ceremony`.
"""

from __future__ import annotations

import copy
import datetime as dt
import logging
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict
from typing import Any

from cryptography import x509

from mou.ceremony.attendance import attendance_history, open_attendance
from mou.ceremony.checks import check_presentation, check_signed_document, verified_stages
from mou.ceremony.events import (
    AttendanceChanged,
    CeremonyCompleted,
    CeremonyEvent,
    CeremonyUpdated,
    Listener,
)
from mou.ceremony.protocol import (
    E_MALFORMED,
    E_TOO_MANY,
    K_HELLO,
    K_PRESENT,
    K_RESUME,
    MAX_PDF_BYTES,
    PRESENTATIONS_PER_MINUTE,
    PROTOCOL_VERSION,
    CeremonyError,
    b64,
)
from mou.ceremony.store import (
    Attendance,
    CeremonyRecord,
    CeremonyStore,
    Signatory,
    SignatureRecord,
    sha256_hex,
    utc_now_iso,
)
from mou.pdf.dates import ZONES
from mou.pdf.document import PdfDocument, PdfHistoryEntry

log = logging.getLogger("mou.ceremony")

Send = Callable[[str, dict[str, Any]], None]


class CeremonyState:
    """One office's ceremony state in a call session: record, attendance, accepted steps.

    ``local_office`` is this office's name as the call shows it to others; ``people`` are the
    persons attending here (for the attendance list); ``tz_label`` is this office's zone.
    ``trusted`` are the certificates arriving signatures must chain to (counterparts and our own).
    ``agreed_hash`` (optional) returns this office's own agreed revision hash for an agreement id,
    so a presentation of a different revision is refused. ``office_certificates`` (optional) binds
    offices to their certificates: a signature in an office's field must then be made with one of
    them, so one trusted office cannot sign in another's place. ``agreed_document`` (optional)
    returns this office's own agreed base document for an agreement id
    (:func:`mou.signing.agreed_document.agreed_pdf_document`); a presentation is then accepted
    only if its PDF is that document as rendered here and its signatories are its parties.
    """

    def __init__(
        self,
        *,
        local_office: str,
        send: Send,
        store: CeremonyStore,
        trusted: Sequence[x509.Certificate],
        people: Sequence[str] = (),
        tz_label: str = "WIB",
        agreed_hash: Callable[[str], str | None] | None = None,
        agreed_document: Callable[[str], PdfDocument | None] | None = None,
        office_certificates: Mapping[str, Sequence[x509.Certificate]] | None = None,
        clock: Callable[[], dt.datetime] | None = None,
    ) -> None:
        from mou.signing.identity import fingerprint_sha256

        self.office_fingerprints = {
            office: {fingerprint_sha256(c) for c in certs}
            for office, certs in (office_certificates or {}).items()
        }
        self.local_office = local_office
        self.people = list(people)
        self.tz_label = tz_label if tz_label in ZONES else "WIB"
        self._send = send
        self.store = store
        self.trusted = list(trusted)
        # CA anchors from Settings (BSrE, a city CA); the launcher sets them, empty by default.
        self.authorities: list[x509.Certificate] = []
        self._agreed_hash = agreed_hash
        self._agreed_document = agreed_document
        self._presentations: dict[str, deque[float]] = {}
        self._clock = clock or (lambda: dt.datetime.now(dt.UTC))
        self._lock = threading.RLock()
        self._listeners: list[Listener] = []
        self._record: CeremonyRecord | None = None
        self.attendance: list[Attendance] = [
            Attendance(local_office, self.people, self.tz_label, self._now())
        ]

    # -------------------------------------------------------------- plumbing

    def add_listener(self, listener: Listener) -> None:
        """Call ``listener(event)`` for every :class:`CeremonyEvent` (on the thread that caused it)."""
        self._listeners.append(listener)

    def _emit(self, event: CeremonyEvent) -> None:
        for listener in list(self._listeners):
            try:
                listener(event)
            except Exception:  # a broken listener must not undo or interrupt a stored step
                log.exception("ceremony listener failed on %s", type(event).__name__)

    def _now(self) -> str:
        return utc_now_iso(self._clock())

    def _post(self, kind: str, payload: dict[str, Any]) -> None:
        self._send(kind, {"v": PROTOCOL_VERSION, **payload})

    @property
    def record(self) -> CeremonyRecord | None:
        """A copy of the active ceremony's record (``None`` before anything was presented)."""
        with self._lock:
            return copy.deepcopy(self._record)

    def current_pdf(self) -> bytes | None:
        """The newest verified PDF of the active ceremony."""
        with self._lock:
            if self._record is None:
                return None
            return self.store.pdf(self._record.ceremony_id, self._record.step)

    def my_turn(self) -> bool:
        """True when this office is the next to sign."""
        with self._lock:
            nxt = self._record.next_signatory if self._record else None
            return nxt is not None and nxt.office == self.local_office

    def _changed(self) -> None:
        assert self._record is not None
        self._record.attendance = copy.deepcopy(self.attendance)
        self.store.save(self._record)
        self._emit(CeremonyUpdated(copy.deepcopy(self._record)))

    # -------------------------------------------------------------- session start / attendance

    def start(self, record_id: str | None = None) -> None:
        """Greet the others and ask where they are. With ``record_id``, reopen a stored ceremony.

        Call once the call is joined, and again whenever the local office rejoins.
        """
        with self._lock:
            if record_id is not None:
                self._record = self.store.load(record_id)
                for entry in self._record.attendance:
                    if entry.office != self.local_office and not any(
                        a.office == entry.office and a.joined_at == entry.joined_at
                        for a in self.attendance
                    ):
                        self.attendance.insert(0, entry)
                self._emit(CeremonyUpdated(copy.deepcopy(self._record)))
            self._greet()

    def _greet(self) -> None:
        mine = self._open_attendance(self.local_office)
        self._post(
            K_HELLO,
            {
                "people": self.people,
                "tz_label": self.tz_label,
                "joined_at": mine.joined_at if mine else self._now(),
            },
        )
        record = self._record
        self._post(
            K_RESUME,
            {
                "ceremony_id": record.ceremony_id if record else None,
                "step": record.step if record else -1,
                "pdf_sha256": record.current_sha256 if record else None,
            },
        )

    def peer_joined(self, office: str) -> None:
        """The transport saw ``office`` join: greet it and offer our state."""
        with self._lock:
            self._greet()

    def peer_left(self, office: str) -> None:
        """The transport saw ``office`` leave: close its attendance entry."""
        with self._lock:
            entry = self._open_attendance(office)
            if entry is not None:
                entry.left_at = self._now()
                self._attendance_changed()

    def leave(self) -> None:
        """This office leaves the session: its attendance entry gets a leave time."""
        self.peer_left(self.local_office)

    def _open_attendance(self, office: str) -> Attendance | None:
        return open_attendance(self.attendance, office)

    def _attendance_changed(self) -> None:
        self._emit(AttendanceChanged(copy.deepcopy(self.attendance)))
        if self._record is not None:
            self._changed()

    def attendance_entries(self) -> list[PdfHistoryEntry]:
        """The session attendance as Riwayat Dokumen lines, each in its office's time zone."""
        return attendance_history(self.attendance)

    # -------------------------------------------------------------- host: present

    def present_document(
        self, doc: PdfDocument, *, signatory_offices: Sequence[str] | None = None
    ) -> CeremonyRecord:
        """Render ``doc`` (the agreed base document) and present it.

        Signatories follow the party order; their office names are the parties' display names
        unless ``signatory_offices`` gives the names the call uses. The session attendance is
        not printed: every office must be able to re-render the presented PDF byte for byte from
        its own database, so it stays in the ceremony record and the audit trail.
        """
        from mou.pdf.render import render_pdf_bytes

        with self._lock:
            data, result = render_pdf_bytes(doc)
            offices = list(signatory_offices or [p.display_name for p in doc.parties])
            signatories = [
                Signatory(
                    office=offices[slot.party_index],
                    signer_name=slot.signer_name,
                    signer_title=slot.signer_title,
                    field_name=slot.field_name,
                )
                for slot in result.signature_slots
            ]
            return self.present(
                agreement_id=doc.agreement_id,
                revision_hash=doc.revision_hash,
                title=f"{doc.kind} {doc.title}",
                pdf=data,
                signatories=signatories,
            )

    def present(
        self,
        *,
        agreement_id: str,
        revision_hash: str,
        title: str,
        pdf: bytes,
        signatories: Sequence[Signatory],
        ceremony_id: str | None = None,
    ) -> CeremonyRecord:
        """Host: present the unsigned ``pdf`` of an Agreed revision to every participant."""
        if not pdf.startswith(b"%PDF-") or len(pdf) > MAX_PDF_BYTES:
            raise CeremonyError(E_MALFORMED, "The file to present is not a PDF of acceptable size.")
        if not signatories:
            raise CeremonyError(E_MALFORMED, "A ceremony needs at least one signatory.")
        with self._lock:
            record = CeremonyRecord(
                ceremony_id=ceremony_id or uuid.uuid4().hex,
                agreement_id=agreement_id,
                revision_hash=revision_hash,
                title=title,
                host_office=self.local_office,
                local_office=self.local_office,
                presented_at=self._now(),
                signatories=list(signatories),
                step_sha256=[sha256_hex(pdf)],
            )
            self._check_presentation(record, pdf)
            record.confirmations[self.local_office] = record.presented_sha256
            self.store.save_pdf(record.ceremony_id, 0, pdf)
            self._record = record
            self._changed()
            self._post(K_PRESENT, self._presentation(record, pdf))
            return copy.deepcopy(record)

    @staticmethod
    def _presentation(record: CeremonyRecord, pdf: bytes) -> dict[str, Any]:
        return {
            "ceremony_id": record.ceremony_id,
            "agreement_id": record.agreement_id,
            "revision_hash": record.revision_hash,
            "title": record.title,
            "host_office": record.host_office,
            "presented_at": record.presented_at,
            "signatories": [asdict(s) for s in record.signatories],
            "pdf_sha256": record.presented_sha256,
            "pdf_b64": b64(pdf),
        }

    def _count_presentation(self, office: str) -> None:
        """Refuse when ``office`` presented more than the per-minute bound (before any work)."""
        now = time.monotonic()
        recent = self._presentations.setdefault(office, deque())
        while recent and now - recent[0] > 60:
            recent.popleft()
        if len(recent) >= PRESENTATIONS_PER_MINUTE:
            raise CeremonyError(
                E_TOO_MANY,
                f"{office} presented more than {PRESENTATIONS_PER_MINUTE} revisions within a "
                "minute; the latest was ignored.",
            )
        recent.append(now)

    def _check_presentation(self, record: CeremonyRecord, pdf: bytes) -> None:
        check_presentation(record, pdf, self._agreed_hash, self._agreed_document)

    # -------------------------------------------------------------- verified steps

    def _accept(
        self,
        pdf: bytes,
        step: int,
        claimed_sha: str,
        from_office: str,
        trusted: list[x509.Certificate] | None = None,
    ) -> bool:
        """Verify a PDF at ``step`` signatures and move forward to it. False if not further."""
        record = self._record
        assert record is not None
        stages = verified_stages(
            record,
            lambda: self.store.pdf(record.ceremony_id, record.step),
            pdf,
            step,
            claimed_sha,
            from_office,
            trusted if trusted is not None else self.trusted,
            self.office_fingerprints,
            self.authorities,
        )
        if stages is None:
            return False
        if self._agreed_document is not None:
            check_signed_document(record, pdf, self._agreed_document)
        now = self._now()
        for index in range(record.step + 1, step + 1):
            stage = stages[index - 1]
            self.store.save_pdf(record.ceremony_id, index, stage)
            signatory = record.signatories[index - 1]
            record.step_sha256.append(sha256_hex(stage))
            record.signatures.append(
                SignatureRecord(
                    step=index,
                    office=signatory.office,
                    signer_name=signatory.signer_name,
                    field_name=signatory.field_name,
                    signed_at=now,
                    pdf_sha256=sha256_hex(stage),
                )
            )
        if record.complete and record.completed_at is None:
            record.completed_at = now
        self._changed()
        if record.complete:
            self._emit(CeremonyCompleted(record.ceremony_id, record.current_sha256, record.step))
        return True
