"""The live signing ceremony: an Agreed revision signed in turn by every party during a vicon.

Transport-agnostic on purpose (no conferencing, no Qt): a :class:`Ceremony` sends through a
``send(kind, payload)`` callable and is fed with :meth:`Ceremony.handle` ``(kind, payload,
from_office)``, where ``from_office`` must come from the transport (the hub vouches for it through
the invite token), never from the payload. Every message is a JSON object with ``"v": 1`` and is
validated before anything is believed.

The flow:

1. The host *presents* the revision: agreement id, revision hash, the unsigned PDF and its
   SHA-256, plus the signatories in order. Each office recomputes the SHA-256, checks the revision
   hash against its own record when it can, stores the PDF and answers *confirm* with the hash it
   computed; every screen shows that hash.
2. Signatories sign in turn (party A, then B, ...). The signer unlocks its PKCS#12 for this one
   signature, signs the current PDF incrementally into its reserved field, checks its own result
   and sends the new PDF (*signed*).
3. Every office verifies an arriving PDF before it accepts it: SHA-256 as announced; the file
   extends, byte for byte, the PDF it already holds (an incremental update cannot alter what was
   signed or presented); and ``verify_pdf`` against the trusted counterpart certificates reports
   exactly the expected signatures, all valid.
4. State is stored after every accepted step (``mou.ceremony_store``). When a call drops, an
   office that comes back sends *resume* with its step; whoever is further answers with *state*
   (its newest verified PDF, plus the presentation when the asker has none). The furthest verified
   PDF wins because each side only moves forward through the checks of point 3.

Attendance (offices, people, join and leave times with the office's zone) comes from *hello*
messages and the transport's join/leave notices; it goes into the Riwayat Dokumen page of the
presented PDF (:meth:`Ceremony.present_document`) and into the stored record.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import copy
import datetime as dt
import functools
import logging
import threading
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

from cryptography import x509

from mou.ceremony_protocol import (
    E_HASH,
    E_IDENTITY,
    E_INTERNAL,
    E_MALFORMED,
    E_NO_CEREMONY,
    E_NOT_INCREMENTAL,
    E_NOT_YOUR_TURN,
    E_REVISION,
    E_SIGNING,
    E_STORE,
    E_VERIFY,
    E_WRONG_PASSWORD,
    K_CONFIRM,
    K_HELLO,
    K_PRESENT,
    K_RESUME,
    K_SIGNED,
    K_STATE,
    KINDS,
    MAX_PDF_BYTES,
    PREFIX,
    PROTOCOL_VERSION,
    CeremonyError,
    b64,
    check_version,
    need,
    need_hex,
    need_pdf,
    parse_signatories,
    step_pdfs,
)
from mou.ceremony_store import (
    Attendance,
    CeremonyRecord,
    CeremonyStore,
    CeremonyStoreError,
    Signatory,
    SignatureRecord,
    sha256_hex,
    utc_now_iso,
)
from mou.pdf.dates import ZONES
from mou.pdf.document import PdfDocument, PdfHistoryEntry

log = logging.getLogger(__name__)

Send = Callable[[str, dict[str, Any]], None]
T = TypeVar("T")

# ------------------------------------------------------------------------------------ events


@dataclass(frozen=True)
class CeremonyEvent:
    """Base of everything a ceremony reports to its listeners."""


@dataclass(frozen=True)
class CeremonyUpdated(CeremonyEvent):
    """The record changed (presented, confirmed, signed, attendance). A private copy."""

    record: CeremonyRecord


@dataclass(frozen=True)
class AttendanceChanged(CeremonyEvent):
    """Someone joined or left the session (also before anything is presented)."""

    attendance: list[Attendance]


@dataclass(frozen=True)
class CeremonyCompleted(CeremonyEvent):
    """Every signatory signed and this office verified the final PDF."""

    ceremony_id: str
    pdf_sha256: str
    signatures: int


@dataclass(frozen=True)
class CeremonyProblem(CeremonyEvent):
    """Something arriving was refused (nothing was changed); shown to the user."""

    code: str
    message: str
    office: str = ""


Listener = Callable[[CeremonyEvent], None]


def _off_loop(function: Callable[..., T], *args: Any) -> T:
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


# ------------------------------------------------------------------------------------ ceremony


class Ceremony:
    """One office's side of the signing ceremonies of one call session. Thread-safe.

    ``local_office`` is this office's name as the call shows it to others; ``people`` are the
    persons attending here (for the attendance list); ``tz_label`` is this office's zone.
    ``trusted`` are the certificates arriving signatures must chain to (counterparts and our own).
    ``agreed_hash`` (optional) returns this office's own agreed revision hash for an agreement id,
    so a presentation of a different revision is refused. ``office_certificates`` (optional) binds
    offices to their certificates: a signature in an office's field must then be made with one of
    them, so one trusted office cannot sign in another's place.
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
        office_certificates: Mapping[str, Sequence[x509.Certificate]] | None = None,
        clock: Callable[[], dt.datetime] | None = None,
    ) -> None:
        from mou.identity import fingerprint_sha256

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
        self._agreed_hash = agreed_hash
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
        for entry in reversed(self.attendance):
            if entry.office == office and entry.left_at is None:
                return entry
        return None

    def _attendance_changed(self) -> None:
        self._emit(AttendanceChanged(copy.deepcopy(self.attendance)))
        if self._record is not None:
            self._changed()

    def attendance_entries(self) -> list[PdfHistoryEntry]:
        """The session attendance as Riwayat Dokumen lines, each in its office's time zone."""
        out = []
        for entry in self.attendance:
            who = ", ".join(entry.people)
            actor = f"{who} ({entry.office})" if who else entry.office
            out.append(
                PdfHistoryEntry(
                    when=dt.datetime.fromisoformat(entry.joined_at),
                    tz_label=entry.tz_label,
                    event="Hadir dalam sesi penandatanganan (vicon)",
                    actor=actor,
                    category="attendance",
                )
            )
            if entry.left_at:
                out.append(
                    PdfHistoryEntry(
                        when=dt.datetime.fromisoformat(entry.left_at),
                        tz_label=entry.tz_label,
                        event="Meninggalkan sesi penandatanganan",
                        actor=actor,
                        category="attendance",
                    )
                )
        out.sort(key=lambda e: e.when)
        return out

    # -------------------------------------------------------------- host: present

    def present_document(
        self, doc: PdfDocument, *, signatory_offices: Sequence[str] | None = None
    ) -> CeremonyRecord:
        """Render ``doc`` with the session attendance on its Riwayat Dokumen page and present it.

        Signatories follow the party order; their office names are the parties' display names
        unless ``signatory_offices`` gives the names the call uses.
        """
        from mou.pdf.render import render_pdf_bytes

        with self._lock:
            rendered = replace(doc, history=[*doc.history, *self.attendance_entries()])
            data, result = render_pdf_bytes(rendered)
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

    def _check_presentation(self, record: CeremonyRecord, pdf: bytes) -> None:
        from mou.signing import signature_fields

        if self._agreed_hash is not None:
            ours = self._agreed_hash(record.agreement_id)
            if ours is not None and ours != record.revision_hash:
                raise CeremonyError(
                    E_REVISION,
                    f"The presented revision {record.revision_hash[:12]}… is not the revision "
                    f"this office agreed to ({ours[:12]}…).",
                )
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

    # -------------------------------------------------------------- signing

    def sign(self, *, identity_path: Path, password: str, signature_png: bytes | None) -> bytes:
        """Sign the current PDF as this office (its turn only) and send it on.

        The PKCS#12 is unlocked for this one signature; the key is dropped when it returns.
        Raises :class:`CeremonyError` (``wrong-password``, ``not-your-turn``, ...) with nothing
        changed.
        """
        from mou.identity import IdentityError, WrongPasswordError, load_identity
        from mou.signing import SigningError, sign_pdf

        with self._lock:
            record = self._record
            if record is None:
                raise CeremonyError(E_NO_CEREMONY, "No revision has been presented yet.")
            signatory = record.next_signatory
            if signatory is None:
                raise CeremonyError(E_NOT_YOUR_TURN, "Every party has already signed.")
            if signatory.office != self.local_office:
                raise CeremonyError(
                    E_NOT_YOUR_TURN, f"It is {signatory.office}'s turn to sign, not ours."
                )
            try:
                identity = load_identity(Path(identity_path), password)
            except WrongPasswordError:
                raise CeremonyError(
                    E_WRONG_PASSWORD,
                    "The password does not open the signing certificate. Nothing was signed.",
                ) from None
            except IdentityError as exc:
                raise CeremonyError(E_IDENTITY, f"{exc} Nothing was signed.") from exc
            current = self.store.pdf(record.ceremony_id, record.step)
            try:
                signed = _off_loop(
                    functools.partial(
                        sign_pdf,
                        current,
                        identity,
                        field_name=signatory.field_name,
                        signer_name=signatory.signer_name,
                        signer_title=signatory.signer_title,
                        signature_png=signature_png,
                        tz_label=self.tz_label,
                    )
                )
            except SigningError as exc:
                raise CeremonyError(E_SIGNING, f"{exc} Nothing was sent.") from exc
            own = identity.certificate
            del identity  # the unlocked key lives no longer than this signature
            trusted = self.trusted + [own]
            self._accept(signed, record.step + 1, sha256_hex(signed), self.local_office, trusted)
            self._post(
                K_SIGNED,
                {
                    "ceremony_id": record.ceremony_id,
                    "step": record.step,
                    "pdf_sha256": record.current_sha256,
                    "pdf_b64": b64(signed),
                },
            )
            return signed

    def _accept(
        self,
        pdf: bytes,
        step: int,
        claimed_sha: str,
        from_office: str,
        trusted: list[x509.Certificate] | None = None,
    ) -> bool:
        """Verify a PDF at ``step`` signatures and move forward to it. False if not further."""
        from mou.signing import verify_pdf

        record = self._record
        assert record is not None
        if step <= record.step:
            if step >= 0 and record.step_sha256[step] != claimed_sha:
                raise CeremonyError(
                    E_HASH,
                    f"{from_office} holds a different PDF for step {step} "
                    f"({claimed_sha[:12]}…, ours {record.step_sha256[step][:12]}…).",
                )
            return False
        if step > len(record.signatories):
            raise CeremonyError(E_MALFORMED, f"step {step} exceeds the number of signatories")
        actual = sha256_hex(pdf)
        if actual != claimed_sha:
            raise CeremonyError(
                E_HASH,
                f"The PDF from {from_office} does not match its announced SHA-256 "
                f"({actual[:12]}… instead of {claimed_sha[:12]}…). It was refused.",
            )
        held = self.store.pdf(record.ceremony_id, record.step)
        if not pdf.startswith(held):
            raise CeremonyError(
                E_NOT_INCREMENTAL,
                f"The PDF from {from_office} does not extend the presented revision "
                "(something signed or presented was changed). It was refused.",
            )
        report = _off_loop(verify_pdf, pdf, trusted if trusted is not None else self.trusted)
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
            allowed = self.office_fingerprints.get(office)
            if allowed is not None and check.fingerprint_sha256 not in allowed:
                raise CeremonyError(
                    E_VERIFY,
                    f"The signature in {check.field_name} was made by {check.signer} "
                    f"({check.office}), not with a certificate of {office}. It was refused.",
                )
        stages = step_pdfs(pdf)
        if len(stages) != step or stages[-1] != pdf:
            raise CeremonyError(E_VERIFY, f"The PDF from {from_office} has unexpected updates.")
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

    # -------------------------------------------------------------- incoming messages

    def handle(self, kind: str, payload: Any, from_office: str) -> bool:
        """Process one app message; False when ``kind`` is not a ceremony message.

        Never raises for bad input: a refused message becomes a :class:`CeremonyProblem` event and
        changes nothing.
        """
        if not isinstance(kind, str) or not kind.startswith(PREFIX):
            return False
        with self._lock:
            try:
                if kind not in KINDS:
                    raise CeremonyError(E_MALFORMED, f"unknown ceremony message '{kind}'")
                message = check_version(payload)
                handler = {
                    K_HELLO: self._on_hello,
                    K_PRESENT: self._on_present,
                    K_CONFIRM: self._on_confirm,
                    K_SIGNED: self._on_signed,
                    K_RESUME: self._on_resume,
                    K_STATE: self._on_state,
                }[kind]
                handler(message, from_office)
            except CeremonyError as exc:
                self._emit(CeremonyProblem(exc.code, exc.message, from_office))
            except CeremonyStoreError as exc:
                self._emit(CeremonyProblem(E_STORE, str(exc), from_office))
            except Exception as exc:  # e.g. disk full: report it, keep the call and state going
                log.exception("ceremony message %s from %s failed", kind, from_office)
                self._emit(CeremonyProblem(E_INTERNAL, f"{type(exc).__name__}: {exc}", from_office))
        return True

    def _on_hello(self, payload: dict[str, Any], office: str) -> None:
        people = need(payload, "people", list)
        tz_label = need(payload, "tz_label", str)
        joined_at = need(payload, "joined_at", str)
        try:
            dt.datetime.fromisoformat(joined_at).astimezone(dt.UTC)
        except ValueError:
            raise CeremonyError(E_MALFORMED, "field 'joined_at' is not an ISO time") from None
        names = [str(p)[:200] for p in people[:20]]
        entry = self._open_attendance(office)
        if entry is None:
            if any(a.office == office and a.joined_at == joined_at for a in self.attendance):
                joined_at = self._now()  # back after a drop: a new presence from now on
            self.attendance.append(
                Attendance(office, names, tz_label if tz_label in ZONES else "WIB", joined_at)
            )
            self._attendance_changed()
        elif entry.people != names:
            entry.people = names
            self._attendance_changed()

    def _on_present(self, payload: dict[str, Any], office: str, *, forwarded: bool = False) -> None:
        ceremony_id = need(payload, "ceremony_id", str)
        claimed = need_hex(payload, "pdf_sha256")
        if self._record is not None and self._record.ceremony_id == ceremony_id:
            if self._record.presented_sha256 != claimed:
                raise CeremonyError(
                    E_HASH, f"{office} presented a different PDF for this ceremony."
                )
            self._confirm()
            return
        pdf = need_pdf(payload)
        actual = sha256_hex(pdf)
        if actual != claimed:
            raise CeremonyError(
                E_HASH,
                f"The PDF presented by {office} does not match its announced SHA-256 "
                f"({actual[:12]}… instead of {claimed[:12]}…). It was refused.",
            )
        host = need(payload, "host_office", str) if forwarded else office
        try:
            self.store.folder(ceremony_id)
        except CeremonyStoreError as exc:
            raise CeremonyError(E_MALFORMED, str(exc)) from None
        record = CeremonyRecord(
            ceremony_id=ceremony_id,
            agreement_id=need(payload, "agreement_id", str),
            revision_hash=need(payload, "revision_hash", str),
            title=need(payload, "title", str),
            host_office=host,
            local_office=self.local_office,
            presented_at=need(payload, "presented_at", str),
            signatories=parse_signatories(payload.get("signatories")),
            step_sha256=[actual],
        )
        self._check_presentation(record, pdf)
        record.confirmations[host] = claimed
        record.confirmations[self.local_office] = actual
        self.store.save_pdf(ceremony_id, 0, pdf)
        self._record = record
        self._changed()
        self._confirm()

    def _confirm(self) -> None:
        assert self._record is not None
        self._post(
            K_CONFIRM,
            {"ceremony_id": self._record.ceremony_id, "pdf_sha256": self._record.presented_sha256},
        )

    def _on_confirm(self, payload: dict[str, Any], office: str) -> None:
        ceremony_id = need(payload, "ceremony_id", str)
        sha = need_hex(payload, "pdf_sha256")
        record = self._record
        if record is None or record.ceremony_id != ceremony_id:
            return  # a confirmation of a ceremony we do not hold; resume will sort it out
        if sha != record.presented_sha256:
            raise CeremonyError(
                E_HASH,
                f"{office} computed a different SHA-256 for the presented PDF ({sha[:12]}…).",
            )
        if record.confirmations.get(office) != sha:
            record.confirmations[office] = sha
            self._changed()

    def _on_signed(self, payload: dict[str, Any], office: str) -> None:
        ceremony_id = need(payload, "ceremony_id", str)
        step = need(payload, "step", int)
        sha = need_hex(payload, "pdf_sha256")
        record = self._record
        if record is None or record.ceremony_id != ceremony_id:
            self._greet()  # we missed the presentation: ask for the state
            return
        if step > record.step:
            signer = record.signatories[step - 1].office if step <= len(record.signatories) else ""
            if signer and signer != office:
                raise CeremonyError(
                    E_VERIFY, f"{office} sent a signature that belongs to {signer}. It was refused."
                )
        self._accept(need_pdf(payload), step, sha, office)

    def _on_resume(self, payload: dict[str, Any], office: str) -> None:
        their_id = payload.get("ceremony_id")
        their_step = need(payload, "step", int)
        record = self._record
        if record is None:
            return
        if their_id != record.ceremony_id:
            if their_id is not None and their_step > 0:
                return  # they are in another (newer?) ceremony; they will tell us via state
            self._send_state(include_presentation=True)
        elif their_step < record.step:
            self._send_state(include_presentation=False)
        elif their_step > record.step:
            self._greet()  # they are further: our resume makes them send their state

    def _send_state(self, *, include_presentation: bool) -> None:
        record = self._record
        assert record is not None
        payload: dict[str, Any] = {
            "ceremony_id": record.ceremony_id,
            "step": record.step,
            "pdf_sha256": record.current_sha256,
            "pdf_b64": b64(self.store.pdf(record.ceremony_id, record.step)),
        }
        if include_presentation:
            payload["presentation"] = self._presentation(
                record, self.store.pdf(record.ceremony_id, 0)
            )
        self._post(K_STATE, payload)

    def _on_state(self, payload: dict[str, Any], office: str) -> None:
        ceremony_id = need(payload, "ceremony_id", str)
        step = need(payload, "step", int)
        sha = need_hex(payload, "pdf_sha256")
        record = self._record
        if record is None or record.ceremony_id != ceremony_id:
            presentation = payload.get("presentation")
            if not isinstance(presentation, dict):
                return
            # Only a ceremony presented after ours replaces it (a late echo of an old one never).
            if record is not None and str(presentation.get("presented_at", "")) <= (
                record.presented_at
            ):
                return
            presentation = {**presentation, "v": PROTOCOL_VERSION}
            if presentation.get("ceremony_id") != ceremony_id:
                raise CeremonyError(E_MALFORMED, "the state and its presentation disagree")
            try:
                self._record = self.store.load(ceremony_id)
            except CeremonyStoreError:
                self._on_present(presentation, office, forwarded=True)
        if step > 0:
            self._accept(need_pdf(payload), step, sha, office)
