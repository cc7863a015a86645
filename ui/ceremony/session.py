"""Qt side of the signing ceremony: a ``mou.ceremony.live.Ceremony`` wired to a call's controller.

The controller already delivers app messages, joins and leaves on the GUI thread, so the
ceremony runs on the GUI thread too; its events are re-emitted as queued signals so a listener
never re-enters a widget while the ceremony holds its lock.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from cryptography import x509
from PySide6.QtCore import QObject, Qt, Signal, Slot

from mou.ceremony.live import (
    AttendanceChanged,
    Ceremony,
    CeremonyCompleted,
    CeremonyEvent,
    CeremonyProblem,
    CeremonyUpdated,
)
from mou.ceremony.protocol import PREFIX, CeremonyError
from mou.ceremony.store import CeremonyRecord, CeremonyStore
from mou.pdf.document import PdfDocument
from ui.vicon.controller import CallController
from ui.vicon.verification import unverified_refusal

#: ``sig_problem`` code (and ``CeremonyError`` code) when a step needs a verified call.
UNVERIFIED_CALL = "unverified-call"


def ceremonies_dir(data_dir: Path) -> Path:
    """Where ceremony state lives inside the app data folder."""
    return data_dir / "ceremonies"


class CeremonySession(QObject):
    """The ceremony of one call. Signals fire on the GUI thread:

    * ``sig_updated(CeremonyRecord)`` — presented, confirmed, signed, attendance in the record.
    * ``sig_attendance(list[Attendance])`` — who is in the session (also before a presentation).
    * ``sig_problem(code, message, office, params)`` — something arriving was refused.
    * ``sig_completed(ceremony_id, pdf_sha256)`` — every party signed, verified here.
    """

    sig_updated = Signal(object)
    sig_attendance = Signal(object)
    sig_problem = Signal(str, str, str, object)
    sig_completed = Signal(str, str)
    _sig_event = Signal(object)

    def __init__(
        self,
        controller: CallController,
        *,
        data_dir: Path,
        identity_path: Path,
        trusted: Sequence[x509.Certificate],
        people: Sequence[str] = (),
        tz_label: str = "WIB",
        agreed_hash: Callable[[str], str | None] | None = None,
        office_certificates: Mapping[str, Sequence[x509.Certificate]] | None = None,
        agreed_document: Callable[[str], PdfDocument | None] | None = None,
        document_provider: Callable[[], PdfDocument] | None = None,
        tsa_url: str = "",
        tsa_hints: Sequence[x509.Certificate] = (),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.identity_path = identity_path
        # The office's time-stamp server (Settings): each signature gets a trusted time.
        self.tsa_url = tsa_url
        self.tsa_hints = list(tsa_hints)
        self.last_notes: list = []  # coded notes of the last signing, e.g. "no time-stamp"
        self.document_provider = document_provider
        self.store = CeremonyStore(ceremonies_dir(data_dir))
        self.ceremony = Ceremony(
            local_office=controller.office,
            send=self._send,
            store=self.store,
            trusted=trusted,
            people=people,
            tz_label=tz_label,
            agreed_hash=agreed_hash,
            office_certificates=office_certificates,
            agreed_document=agreed_document,
        )
        self._sig_event.connect(self._dispatch, Qt.ConnectionType.QueuedConnection)
        self.ceremony.add_listener(self._sig_event.emit)
        self._started = False
        # An unfinished ceremony from before a crash or a dropped call is picked up again.
        stored, self.store_problems = self.store.scan()
        unfinished = [r for r in stored if not r.complete]
        self._resume_id: str | None = unfinished[0].ceremony_id if unfinished else None
        controller.sig_app_message.connect(self._on_app_message)
        controller.sig_participant_joined.connect(self._on_joined)
        controller.sig_participant_left.connect(self._on_left)
        controller.sig_state_changed.connect(self._on_state)
        # Offices take part only once proven to be on the other end of their link.
        self._greeted: set[str] = set()
        self._refused: set[str] = set()
        controller.sig_verification.connect(self._on_verification)
        if controller.state == "connected":
            self._on_state("connected", "")

    # ------------------------------------------------------------------ wiring

    def _send(self, kind: str, payload: dict[str, Any]) -> None:
        if self.controller.state in ("connected", "hub_offline", "reconnecting"):
            # Never over an unverified link: only offices whose identity the call proved.
            for peer_id in self._verified_peers():
                self.controller.send_message_to(peer_id, kind, payload)
        # Not in a call: nothing to send to; "resume" on the next connect catches up.

    def _verified(self, peer_id: str) -> bool:
        state = self.controller.verification(peer_id)
        return state is not None and state.verified

    def _verified_peers(self) -> list[str]:
        return [pid for pid in self.controller.participants() if self._verified(pid)]

    def refusal(self) -> str | None:
        """Why no ceremony step may be taken now (an office in the call is not verified)."""
        # Alone in the call, a step is kept and offered to each office once it is proven.
        return unverified_refusal(self.controller, "ceremony")

    @Slot(str, object)
    def _on_verification(self, peer_id: str, state: object) -> None:
        office = self.controller.participants().get(peer_id)
        if office is None:
            return
        if getattr(state, "verified", False):
            self._refused.discard(peer_id)
            if peer_id not in self._greeted:
                self._greeted.add(peer_id)
                self.ceremony.peer_joined(office)
        elif peer_id in self._greeted:
            # A new, not yet proven connection: greet again once it is.
            self._greeted.discard(peer_id)

    @Slot(str, str)
    def _on_state(self, state: str, _reason: str) -> None:
        if state == "connected" and not self._started:
            self._started = True
            self.ceremony.start(self._resume_id)
            self._resume_id = None
        elif state in ("left", "failed") and self._started:
            self._started = False
            self.ceremony.leave()

    @Slot(str, str, str, object)
    def _on_app_message(self, peer_id: str, office: str, kind: str, payload: object) -> None:
        if not self._verified(peer_id):
            if kind.startswith(PREFIX) and peer_id not in self._refused:
                self._refused.add(peer_id)  # say it once, not for every message
                text = unverified_refusal(self.controller, "ceremony") or ""
                self.sig_problem.emit(UNVERIFIED_CALL, text, office, {})
            return
        self.ceremony.handle(kind, payload, office)

    @Slot(str, str)
    def _on_joined(self, peer_id: str, office: str) -> None:
        if self._verified(peer_id) and peer_id not in self._greeted:
            self._greeted.add(peer_id)
            self.ceremony.peer_joined(office)
        # Otherwise greeted in _on_verification once its identity is proven.

    @Slot(str, str)
    def _on_left(self, peer_id: str, office: str) -> None:
        self._greeted.discard(peer_id)
        self._refused.discard(peer_id)
        self.ceremony.peer_left(office)

    @Slot(object)
    def _dispatch(self, event: CeremonyEvent) -> None:
        if isinstance(event, CeremonyUpdated):
            self.sig_updated.emit(event.record)
        elif isinstance(event, AttendanceChanged):
            self.sig_attendance.emit(event.attendance)
        elif isinstance(event, CeremonyProblem):
            self.sig_problem.emit(event.code, event.message, event.office, dict(event.params))
        elif isinstance(event, CeremonyCompleted):
            self.sig_completed.emit(event.ceremony_id, event.pdf_sha256)

    # ------------------------------------------------------------------ actions

    @property
    def local_office(self) -> str:
        """This office's name in the call."""
        return self.controller.office

    def record(self) -> CeremonyRecord | None:
        """The active ceremony's record (a copy)."""
        return self.ceremony.record

    def can_present(self) -> bool:
        """True when this office has a revision to present (it hosts the ceremony)."""
        return self.document_provider is not None

    def present(self, document: PdfDocument | None = None) -> CeremonyRecord:
        """Present ``document`` (default: from the document provider) to every participant."""
        refusal = self.refusal()
        if refusal:
            raise CeremonyError(UNVERIFIED_CALL, refusal)
        if document is None:
            if self.document_provider is None:
                raise RuntimeError("no document to present")
            document = self.document_provider()
        return self.ceremony.present_document(document)

    def sign(self, password: str, signature_png: bytes | None) -> bytes:
        """Sign as this office; raises ``mou.ceremony.CeremonyError`` with nothing changed."""
        refusal = self.refusal()
        if refusal:
            raise CeremonyError(UNVERIFIED_CALL, refusal)
        notes: list = []
        signed = self.ceremony.sign(
            identity_path=self.identity_path,
            password=password,
            signature_png=signature_png,
            timestamp_url=self.tsa_url or None,
            tsa_hints=self.tsa_hints or None,
            notes=notes,
        )
        self.last_notes = notes
        return signed

    def current_pdf(self) -> bytes | None:
        """The newest verified PDF."""
        return self.ceremony.current_pdf()
