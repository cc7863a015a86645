"""The live signing ceremony: an Agreed revision signed in turn by every party during a vicon.

Transport-agnostic on purpose (no conferencing, no Qt): a :class:`Ceremony` sends through a
``send(kind, payload)`` callable and is fed with :meth:`Ceremony.handle` ``(kind, payload,
from_office)``, where ``from_office`` must come from the transport (the hub vouches for it through
the invite token), never from the payload. Every message is a JSON object with ``"v": 1`` and is
validated before anything is believed.

The flow:

1. The host *presents* the revision: agreement id, revision hash, the unsigned PDF and its
   SHA-256, plus the signatories in order. Each office recomputes the SHA-256, checks the revision
   hash against its own record when it can, re-renders the agreed revision from its own database
   and requires the PDF to be exactly that (``agreed_document``; signatories and title then come
   from its own record, see :mod:`mou.signing.agreed_document`), stores the PDF and answers
   *confirm* with the hash it computed; every screen shows that hash.
2. Signatories sign in turn (party A, then B, ...). The signer unlocks its PKCS#12 for this one
   signature, signs the current PDF incrementally into its reserved field, checks its own result
   and sends the new PDF (*signed*).
3. Every office verifies an arriving PDF before it accepts it: SHA-256 as announced; the file
   extends, byte for byte, the PDF it already holds (an incremental update cannot alter what was
   signed or presented); and ``verify_pdf`` against the trusted counterpart certificates reports
   exactly the expected signatures, all valid.
4. State is stored after every accepted step (``mou.ceremony.store``). When a call drops, an
   office that comes back sends *resume* with its step; whoever is further answers with *state*
   (its newest verified PDF, plus the presentation when the asker has none). The furthest verified
   PDF wins because each side only moves forward through the checks of point 3.

Attendance (offices, people, join and leave times with the office's zone) comes from *hello*
messages and the transport's join/leave notices; it goes into the stored record and the audit
trail, not into the presented PDF (which every office must be able to re-render byte for byte).
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from pathlib import Path
from typing import Any

from mou.ceremony.checks import off_loop
from mou.ceremony.events import (
    AttendanceChanged,
    CeremonyCompleted,
    CeremonyEvent,
    CeremonyProblem,
    CeremonyUpdated,
    Listener,
)
from mou.ceremony.protocol import (
    E_HASH,
    E_IDENTITY,
    E_INTERNAL,
    E_MALFORMED,
    E_NO_CEREMONY,
    E_NOT_YOUR_TURN,
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
    PREFIX,
    PROTOCOL_VERSION,
    CeremonyError,
    b64,
    check_version,
    need,
    need_hex,
    need_pdf,
    parse_signatories,
)
from mou.ceremony.state import CeremonyState, Send
from mou.ceremony.store import (
    Attendance,
    CeremonyRecord,
    CeremonyStoreError,
    sha256_hex,
)
from mou.pdf.dates import ZONES
from mou.signing.ltv import LtvCode, LtvLevel

# The UI imports the events together with the class from here.
__all__ = [
    "AttendanceChanged",
    "Ceremony",
    "CeremonyCompleted",
    "CeremonyError",
    "CeremonyEvent",
    "CeremonyProblem",
    "CeremonyState",
    "CeremonyUpdated",
    "Listener",
    "Send",
]

log = logging.getLogger(__name__)


def seal_final(pdf: bytes, timestamp_url: str, hints: list, notes: list) -> bytes:
    """The fully signed ceremony PDF made B-LTA, as Extend does: every signature's certificates
    and OCSP/CRL answers into the DSS, then a document time-stamp from the office's TSA.

    When the TSA or a certificate's responder does not answer, the B-T file is kept and a coded
    note says so (Extend in the Archive can add the rest later); a proven revocation is noted
    too, and the file carries the proof.
    """
    from mou.signing.ltv import LtvError, extend_pdf, note
    from mou.signing.timestamps import http_timestamper

    try:
        result = extend_pdf(pdf, http_timestamper(timestamp_url), hints=hints)
    except LtvError:
        notes.append(
            note(
                LtvCode.NO_VALIDATION_DATA,
                "Time-stamped, but the certificate status could not be fetched. "
                "Use Extend in the Archive later.",
            )
        )
        return pdf
    return result.data


class Ceremony(CeremonyState):
    """One office's side of the signing ceremonies of one call session. Thread-safe.

    Constructed like :class:`~mou.ceremony.state.CeremonyState`; adds this office's signing turn
    and the handling of every incoming ceremony message, including resume after a drop.
    """

    # -------------------------------------------------------------- signing

    def sign(
        self,
        *,
        identity_path: Path,
        password: str,
        signature_png: bytes | None,
        timestamp_url: str | None = None,
        tsa_hints: list | None = None,
        notes: list | None = None,
    ) -> bytes:
        """Sign the current PDF as this office (its turn only) and send it on.

        The PKCS#12 is unlocked for this one signature; the key is dropped when it returns.
        Raises :class:`CeremonyError` (``wrong-password``, ``not-your-turn``, ...) with nothing
        changed. ``timestamp_url``/``tsa_hints``: the office's TSA and its CA; the signature gets
        an RFC 3161 time-stamp (PAdES B-T), and the LAST signature also seals the file like
        Extend does: every signature's validation data into the DSS, then a document time-stamp
        (B-LTA, see :func:`seal_final`). Both offices then hold those exact bytes. Coded notes
        ("signed without a time-stamp", "status not fetched") are appended to ``notes``.
        """
        from mou.signing import SigningError
        from mou.signing.identity import IdentityError, WrongPasswordError, load_identity
        from mou.signing.sign import sign_document

        with self._lock:
            record = self._record
            if record is None:
                raise CeremonyError(E_NO_CEREMONY, "No revision has been presented yet.")
            signatory = record.next_signatory
            if signatory is None:
                raise CeremonyError(
                    E_NOT_YOUR_TURN, "Every party has already signed.", detail="all_signed"
                )
            if signatory.office != self.local_office:
                raise CeremonyError(
                    E_NOT_YOUR_TURN,
                    f"It is {signatory.office}'s turn to sign, not ours.",
                    detail="turn_of",
                    office=signatory.office,
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
                result = off_loop(
                    functools.partial(
                        sign_document,
                        current,
                        identity,
                        field_name=signatory.field_name,
                        signer_name=signatory.signer_name,
                        signer_title=signatory.signer_title,
                        signature_png=signature_png,
                        tz_label=self.tz_label,
                        timestamp_url=timestamp_url or None,
                        path_hints=tsa_hints,
                        # B-T: every step ends exactly at its signature (step_pdfs); only the
                        # last step is sealed, below, once every signature is in.
                        ltv=False,
                    )
                )
                signed = result.data
                found = list(result.notes)
                last = record.step + 1 == len(record.signatories)
                if last and timestamp_url and result.level is LtvLevel.B_T:
                    signed = off_loop(seal_final, signed, timestamp_url, tsa_hints or [], found)
                if notes is not None:
                    notes.extend(found)
            except SigningError as exc:
                raise CeremonyError(
                    E_SIGNING,
                    f"{exc} Nothing was sent.",
                    **exc.message.params,
                    detail="signing",
                    signing_code=exc.message.code,
                ) from exc
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
                self._emit(CeremonyProblem(exc.code, exc.message, from_office, exc.params))
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
        self._count_presentation(office)
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
