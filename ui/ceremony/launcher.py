"""Gives every call a signing ceremony window, built from the office's own database.

Create one launcher for the app's lifetime (the main window is a good owner)::

    CeremonyLauncher(context, parent=main_window)

It listens for the vicon area's ``CallOpened``/``CallClosed`` bridge events. For each call it
builds a :class:`CeremonySession` (trusted certificates per office, the agreed revision check,
the identity file) and a :class:`CeremonyWindow`. The window opens at once for the office that
can present (the call's meeting is linked to an Agreed agreement), and pops up for the others as
soon as a revision is presented. Each update is written back to the agreement (audit trail,
Agreed → Signing → Signed).
"""

from __future__ import annotations

from collections.abc import Callable

from cryptography import x509
from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QVBoxLayout, QWidget
from sqlalchemy import select

from mou import models
from mou.agreement import AgreementStatus
from mou.ceremony.store import CeremonyRecord, agreed_revision_hash, ceremony_trust, record_outcome
from mou.office import Actor
from mou.pdf.document import PdfDocument
from mou.signing.agreed_document import agreed_pdf_document, record_renderer
from ui.ceremony.panel import CeremonyPanel
from ui.ceremony.session import CeremonySession
from ui.context import AppContext
from ui.vicon.call_events import CallClosed, CallOpened
from ui.vicon.controller import CallController
from ui.wizard.wizard import certificate_copy

PRESENTABLE = (AgreementStatus.AGREED.value, AgreementStatus.SIGNING.value)


class CeremonyWindow(QWidget):
    """A top-level window around one :class:`CeremonyPanel` (next to the call window)."""

    def __init__(self, session: CeremonySession, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setWindowTitle(self.tr("Lintas — signing ceremony"))
        self.panel = CeremonyPanel(session, parent=self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.panel)
        self.resize(580, 720)

    @Slot()
    def bring_up(self) -> None:
        """Show and raise the window (a revision was presented)."""
        if not self.isVisible():
            self.show()
        self.raise_()


def _own_certificate(context: AppContext) -> x509.Certificate | None:
    pem = certificate_copy(context.data_dir)
    try:
        return x509.load_pem_x509_certificate(pem.read_bytes())
    except (OSError, ValueError):
        return None  # no identity yet: this office can watch but not sign


def _presentable_agreement(context: AppContext, room: str) -> tuple[int | None, str]:
    """The agreement the call's meeting is about (when Agreed or Signing) and the meeting's zone."""
    with context.database.session() as s:
        meeting = s.scalars(
            select(models.Meeting).where(models.Meeting.room == room).order_by(models.Meeting.id)
        ).first()
        if meeting is None:
            return None, "WIB"
        tz_label = meeting.time_zone or "WIB"
        if meeting.agreement_id is None:
            return None, tz_label
        agreement = s.get(models.Agreement, meeting.agreement_id)
        if agreement is None or agreement.status not in PRESENTABLE:
            return None, tz_label
        return agreement.id, tz_label


def build_session(
    context: AppContext, controller: CallController, room: str, *, parent: QObject | None = None
) -> CeremonySession:
    """A ceremony session for one call, configured from the office's database and files."""
    own = _own_certificate(context)
    with context.database.session() as s:
        trusted, by_office = ceremony_trust(s, own_office=controller.office, own_certificate=own)
    agreement_id, tz_label = _presentable_agreement(context, room)

    def agreed(agreement_uuid: str) -> str | None:
        with context.database.session() as s:
            return agreed_revision_hash(s, agreement_uuid)

    def agreed_document(agreement_uuid: str) -> PdfDocument | None:
        # What every office renders alike from its own database; a presentation must equal it.
        with context.database.session() as s:
            agreement = s.scalars(
                select(models.Agreement).where(models.Agreement.uuid == agreement_uuid)
            ).first()
            if agreement is None or agreement.agreed_revision is None:
                return None
            record_renderer(agreement)
            return agreed_pdf_document(s, agreement)

    provider: Callable[[], PdfDocument] | None = None
    if agreement_id is not None:

        def provider() -> PdfDocument:
            with context.database.session() as s:
                agreement = s.get(models.Agreement, agreement_id)
                record_renderer(agreement)
                return agreed_pdf_document(s, agreement, paper=context.settings.paper_size)

    from ui.settings_page.signing_section import tsa_ca_certificate

    people = [context.current_user.name] if context.current_user is not None else []
    tsa_ca = tsa_ca_certificate(context)
    session = CeremonySession(
        controller,
        data_dir=context.data_dir,
        identity_path=context.identity_path,
        trusted=trusted,
        office_certificates=by_office,
        people=people,
        tz_label=tz_label,
        agreed_hash=agreed,
        agreed_document=agreed_document,
        document_provider=provider,
        tsa_url=context.settings.tsa_url,
        tsa_hints=[tsa_ca] if tsa_ca is not None else [],
        parent=parent,
    )
    session.ceremony.authorities = configured_authorities(context)
    return session


def configured_authorities(context: AppContext) -> list[x509.Certificate]:
    """The CA anchors chosen in Settings > Certificate authorities you trust."""
    from mou.signing.authorities import AuthorityStore

    return AuthorityStore(context.data_dir).load()


class CeremonyLauncher(QObject):
    """Opens a ceremony window for each call and records outcomes in the agreement database."""

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.windows: dict[int, CeremonyWindow] = {}
        context.bridge.subscribe(CallOpened, self.handle_call_opened)
        context.bridge.subscribe(CallClosed, self._on_closed)
        from ui.vicon.sign_bar import SignInCallRequested

        context.bridge.subscribe(SignInCallRequested, self.present_in_call)
        from ui.vicon.trust_exchange import OfficeTrustedInCall, OfficeTrustWithdrawn

        context.bridge.subscribe(OfficeTrustedInCall, lambda _e: self.refresh_trust())
        # Trust withdrawn because the call did not prove it: open ceremonies drop it too.
        context.bridge.subscribe(OfficeTrustWithdrawn, lambda _e: self.refresh_trust())

    def refresh_trust(self) -> None:
        """Give every open ceremony the offices trusted since it began (e.g. trusted in the call)."""
        from mou.signing.identity import fingerprint_sha256

        own = _own_certificate(self.context)
        for window in self.windows.values():
            session = window.panel.session
            with self.context.database.session() as s:
                trusted, by_office = ceremony_trust(
                    s, own_office=session.controller.office, own_certificate=own
                )
            ceremony = session.ceremony
            ceremony.trusted = list(trusted)
            ceremony.authorities = configured_authorities(self.context)
            ceremony.office_fingerprints = {
                office: {fingerprint_sha256(c) for c in certs}
                for office, certs in by_office.items()
            }

    def present_in_call(self, event: object) -> CeremonyWindow | None:
        """Offer an Agreed agreement for signing in a call that has no signing meeting."""
        controller = event.controller  # type: ignore[attr-defined]
        agreement_id: int = event.agreement_id  # type: ignore[attr-defined]
        window = self.windows.get(id(controller))
        if window is None:
            return None
        context = self.context

        def provider() -> PdfDocument:
            with context.database.session() as s:
                agreement = s.get(models.Agreement, agreement_id)
                record_renderer(agreement)
                return agreed_pdf_document(s, agreement, paper=context.settings.paper_size)

        window.panel.session.document_provider = provider
        window.panel._show_record(window.panel.record)  # the present button appears
        window.show()
        window.raise_()
        if window.panel.record is None:
            # "Sign it in this call" is the request to present it: no second click for that.
            # (A ceremony already under way is shown as it is.) Asked to sign, this office
            # gets the Sign dialog at once when it signs first (CeremonyPanel).
            window.panel.sign_after_presenting = True
            window.panel.present()
        return window

    def handle_call_opened(self, event: CallOpened) -> None:
        """Build the ceremony session and window for a call that just opened."""
        session = build_session(self.context, event.controller, event.room, parent=self)
        window = CeremonyWindow(session)
        self.windows[id(event.controller)] = window
        session.sig_updated.connect(window.bring_up)
        session.sig_updated.connect(lambda record: self._record(window, record))
        # After the record above (queued in order): the Signed agreement is in the Archive.
        session.sig_completed.connect(lambda _id, sha: self._completed(window, sha))
        if session.can_present() or session.record() is not None:
            window.show()

    def _on_closed(self, event: CallClosed) -> None:
        window = self.windows.pop(id(event.controller), None)
        if window is not None:
            # The ceremony's state is on disk; the next call on this room picks it up again.
            window.close()
            window.panel.session.deleteLater()
            window.deleteLater()

    def _completed(self, window: CeremonyWindow, pdf_sha256: str) -> None:
        """Every signature verified here: show the signed original in the Archive."""
        from ui.ceremony.archive_handoff import archived_agreement, show_in_archive

        record = window.panel.session.record()
        if record is None or not record.complete or record.current_sha256 != pdf_sha256:
            return
        agreement_id = archived_agreement(self.context, record.agreement_id, pdf_sha256)
        if agreement_id is None:
            return  # not recorded here (the panel says why): the Archive does not hold it
        main = self.parent()
        handoff = show_in_archive(
            main if isinstance(main, QWidget) else None, agreement_id, pdf_sha256
        )
        window.panel.show_archived(handoff.value)

    def _record(self, window: CeremonyWindow, record: CeremonyRecord) -> None:
        user = self.context.current_user
        if user is None:
            return
        with self.context.database.session() as s:
            row = s.get(models.LocalUser, user.id)
            if row is None:
                return
            problems = record_outcome(s, record, Actor.of(row))
        if problems and record.complete:
            window.panel.show_problem(
                self.tr("The agreement could not be recorded as signed here: {reasons}").format(
                    reasons="; ".join(problems)
                )
            )
