"""Signing outside a call: one agreement's PDF, who signed it, and this office's next step.

The flow (see ``mou.signing.offline``): PIHAK PERTAMA prepares and signs, saves the file and
sends it; the counterpart opens it in the Archive (verified on arrival), signs and sends the
fully signed file back; PIHAK PERTAMA opens that, and both hold the same file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mou.signing import offline as offline_signing
from mou.signing.offline import OfflineSigningError, SigningStatus
from ui.archive.messages import error_text
from ui.archive.office_files import acting_user, own_certificate, signed_archive
from ui.context import AppContext
from ui.hash_label import HashLabel, short_hash
from ui.plain_errors import plain_text

_GOOD = "#2e7d32"
_BAD = "#c62828"


class OfflineSigningDialog(QDialog):
    """Status and actions of one agreement's file-based signing."""

    #: The agreement's state changed (signed here, or completed): the archive list refreshes.
    changed = Signal()

    def __init__(
        self, context: AppContext, agreement_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.agreement_id = agreement_id
        self.status: SigningStatus | None = None
        self.pdf: bytes | None = None
        self.sign_dialog: QDialog | None = None
        self.viewer: QDialog | None = None
        self.setWindowTitle(self.tr("Signing by file exchange"))
        self.heading = HashLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.parties_box = QGroupBox(self.tr("Signatures"), self)
        self.parties = QFormLayout(self.parties_box)
        steps = QLabel(
            self.tr(
                "1. PIHAK PERTAMA signs and sends the file (mail, USB stick).<br/>"
                "2. PIHAK KEDUA opens it in the Archive with “Open a signed PDF…”; it is "
                "verified on arrival. PIHAK KEDUA signs and sends the file back.<br/>"
                "3. PIHAK PERTAMA opens the returned file: both offices hold the same signed PDF."
            ),
            self,
        )
        steps.setWordWrap(True)
        steps.setTextFormat(Qt.TextFormat.RichText)
        self.message = QLabel(self)
        self.message.setObjectName("offlineMessage")
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(2 * self.fontMetrics().lineSpacing() + 8)
        self.sign_button = QPushButton(self.tr("Sign…"), self)
        self.sign_button.setObjectName("primaryAction")
        self.send_button = QPushButton(self.tr("Save the file to send…"), self)
        self.view_button = QPushButton(self.tr("View the PDF…"), self)
        self.view_button.clicked.connect(self.view_pdf)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.sign_button.clicked.connect(self.open_sign_dialog)
        self.send_button.clicked.connect(self._choose_send_path)
        self.close_button.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.sign_button)
        row.addWidget(self.send_button)
        row.addWidget(self.view_button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.parties_box)
        layout.addWidget(steps)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(row)
        self.reload()
        self.resize(640, self.sizeHint().height())

    # ------------------------------------------------------------------ state

    def reload(self) -> None:
        """Read the newest PDF this office holds and check it again."""
        try:
            with self.context.database.session() as s:
                held = offline_signing.current_pdf(
                    s, self.agreement_id, signed_archive(self.context)
                )
                if held is None:
                    raise OfflineSigningError(offline_signing.E_NO_PDF, "No PDF yet.")
                self.status = offline_signing.check_pdf(s, held[0], own_certificate(self.context))
                self.pdf = held[0]
        except OfflineSigningError as exc:
            self.status, self.pdf = None, None
            self.show_message(error_text(exc), ok=False)
        self._refresh()

    def _refresh(self) -> None:
        status = self.status
        while self.parties.rowCount():
            self.parties.removeRow(0)
        if status is None:
            self.heading.setText(self.tr("<b>This agreement has no PDF to sign here.</b>"))
            self.sign_button.setEnabled(False)
            self.send_button.setEnabled(False)
            self.view_button.setEnabled(False)
            return
        self.view_button.setEnabled(True)
        self.heading.setText(
            self.tr("<b>{title}</b><br/>Revision {round} · hash <tt>{hash}</tt>").format(
                title=status.title,
                round=status.revision_round,
                hash=short_hash(status.revision_hash),
            )
        )
        self.heading.set_full_hash(status.revision_hash)
        nxt = status.next_signatory
        for party in status.signatories:
            if party.signed:
                state = self.tr("Signed")
            elif nxt is not None and party.field_name == nxt.field_name:
                state = (
                    self.tr("Signs next (this office)") if party.local else self.tr("Signs next")
                )
            else:
                state = self.tr("Waiting")
            label = QLabel(state, self.parties_box)
            label.setStyleSheet(f"color: {_GOOD if party.signed else '#444'}; font-weight: bold;")
            self.parties.addRow(
                QLabel(
                    self.tr("{role} · {office} ({title})").format(
                        role=_role(party.position),
                        office=party.office_name,
                        title=party.signer_title,
                    ),
                    self.parties_box,
                ),
                label,
            )
        self.sign_button.setEnabled(status.our_turn)
        if nxt is not None:
            self.sign_button.setText(self.tr("Sign as {role}…").format(role=_role(nxt.position)))
        self.send_button.setEnabled(status.signed_count > 0)
        if status.complete:
            self.show_message(
                self.tr(
                    "Every party has signed. Send the file to the other office if it does not "
                    "have it yet."
                ),
                ok=True,
            )
        elif status.problems:
            self.show_message("; ".join(status.problems), ok=False)

    def show_message(self, text: str, *, ok: bool) -> None:
        """A green (done) or red (refused) line under the signatures."""
        self.message.setStyleSheet(
            f"QLabel#offlineMessage {{ color: {_GOOD if ok else _BAD}; font-weight: bold; }}"
        )
        self.message.setText(text)

    def announce_arrival(self, problems: list[str] | None = None) -> None:
        """Say what was checked when the counterpart's file was opened (and what is blocked)."""
        if problems:
            self.show_message(
                self.tr(
                    "The file was stored, but the agreement's state could not move: {reasons}"
                ).format(reasons="; ".join(problems)),
                ok=False,
            )
            return
        if self.status is None or self.status.complete:
            return
        self.show_message(
            self.tr(
                "Verified on arrival: it is the revision this office agreed to, and {count} "
                "signature(s) are valid and from the trusted offices."
            ).format(count=self.status.signed_count),
            ok=True,
        )

    # ------------------------------------------------------------------ signing

    @Slot()
    def open_sign_dialog(self) -> QDialog | None:
        """The password and handwritten signature (the ceremony's sign dialog, reused)."""
        from ui.ceremony.sign_dialog import SignDialog

        status = self.status
        if status is None or not status.our_turn:
            return None
        nxt = status.next_signatory
        assert nxt is not None
        dialog = SignDialog(
            f"{nxt.signer_title} ({nxt.office_name})",
            status.revision_hash,
            self.sign_with,
            parent=self,
        )
        self.sign_dialog = dialog
        dialog.open()
        return dialog

    def sign_with(self, password: str, png: bytes | None) -> str | None:
        """Sign now; ``None`` on success, else the message to show (nothing changed)."""
        actor = acting_user(self.context)
        if actor is None:
            return self.tr("Choose the signatory in the window header first.")
        from ui.archive.extend import signing_notes_text
        from ui.settings_page.signing_section import tsa_ca_certificate

        notes: list = []
        tsa_ca = tsa_ca_certificate(self.context)
        try:
            with self.context.database.session() as s:
                _data, self.status = offline_signing.sign(
                    s,
                    self.agreement_id,
                    actor,
                    signed_archive(self.context),
                    identity_path=self.context.identity_path,
                    password=password,
                    signature_png=png,
                    own_certificate=own_certificate(self.context),
                    timestamp_url=self.context.settings.tsa_url,
                    tsa_hints=[tsa_ca] if tsa_ca is not None else None,
                    notes=notes,
                )
        except OfflineSigningError as exc:
            return error_text(exc)
        self.reload()
        # Signed at B-B (no or unreachable time-stamp server): say so and what to do later.
        note = signing_notes_text(notes)
        if self.status is not None and not self.status.complete:
            self.show_message(
                self.tr("Signed. Save the file and send it to {office}.").format(
                    office=self.status.next_signatory.office_name  # type: ignore[union-attr]
                )
                + (f"\n{note}" if note else ""),
                ok=True,
            )
        elif note:
            self.show_message(note, ok=False)
        self.changed.emit()
        return None

    @Slot()
    def view_pdf(self) -> QDialog | None:
        """Read what is signed (with the signatures so far) before signing or sending it."""
        from ui.archive.office_files import office_trust_for
        from ui.signing.document_dialog import SignedDocumentDialog

        if self.pdf is None or self.status is None:
            return None
        anchors, expected = office_trust_for(self.context, self.pdf)  # bound to the parties
        dialog = SignedDocumentDialog(
            self.pdf,
            anchors,
            expected=expected,
            title=self.status.title,
            paper=self.context.settings.paper_size,
            file_name=self.suggested_name(),
            parent=self,
        )
        self.viewer = dialog
        dialog.open()
        return dialog

    # ------------------------------------------------------------------ sending

    def suggested_name(self) -> str:
        """A file name saying what the file is and how far it is signed."""
        status = self.status
        if status is None:
            return "kesepakatan.pdf"
        return f"kesepakatan-{status.agreement_uuid[:8]}-ttd{status.signed_count}.pdf"

    @Slot()
    def _choose_send_path(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the file to send"),
            self.suggested_name(),
            self.tr("PDF files (*.pdf)"),
        )
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        """Write the newest PDF (exact bytes) to ``path``; False with a message on failure."""
        if self.pdf is None:
            return False
        try:
            path.write_bytes(self.pdf)
        except OSError as exc:
            self.show_message(
                self.tr("The file could not be saved: {error}").format(error=plain_text(exc)), ok=False
            )
            return False
        self.show_message(self.tr("Saved to {path}.").format(path=path), ok=True)
        return True


def _role(position: int) -> str:
    # Legal terms of the document itself; they are the same in both UI languages.
    names = {1: "PIHAK PERTAMA", 2: "PIHAK KEDUA", 3: "PIHAK KETIGA", 4: "PIHAK KEEMPAT"}
    return names.get(position, f"PIHAK KE-{position}")
