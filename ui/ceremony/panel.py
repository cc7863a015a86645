"""The ceremony panel the call window shows: the presented hash, whose turn it is, Sign, result."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QFont, QFontDatabase
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mou.ceremony.live import CeremonyError
from mou.ceremony.store import Attendance, CeremonyRecord
from ui.ceremony.inline_sign import InlineSign
from ui.ceremony.session import CeremonySession
from ui.ceremony.sign_dialog import SignDialog
from ui.ceremony.texts import (
    attendance_html,
    confirmations_html,
    fingerprints_html,
    grouped_hash,
    problem_text,
    signatories_html,
    verified_text,
)
from ui.plain_errors import plain_text


class CeremonyPanel(QWidget):
    """Shows one :class:`CeremonySession`; every office in the call sees the same facts.

    ``signature_png``: the office's stored signature image, pre-filled in the Sign dialog and
    used when signing from the panel's own password field.
    """

    sig_signed = Signal(bytes)

    def __init__(
        self,
        session: CeremonySession,
        *,
        signature_png: bytes | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.signature_png = signature_png
        self.record: CeremonyRecord | None = None
        self.dialog: SignDialog | None = None
        # Set by "Sign it in this call": this office asked to sign, so when the revision it
        # presented shows this office first to sign, the Sign dialog opens by itself (the
        # password and its Sign button stay the deliberate act). Used once, and only for the
        # first record: a turn that arrives later from another office never pops up a
        # password prompt by itself.
        self.sign_after_presenting = False

        title = QLabel(self.tr("Signing ceremony"), self)
        title.setObjectName("ceremonyTitle")
        title_font = title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.3)
        title_font.setBold(True)
        title.setFont(title_font)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("ceremonyState")
        self.state_label.setWordWrap(True)
        self.state_label.setMargin(6)
        self.hint_label = QLabel(
            self.tr(
                "When the revision is presented, its hash appears here in large type on every "
                "side. Read it aloud and compare it with the other offices before anyone signs. "
                "Party A signs first, then party B; each office checks every signature as it "
                "arrives."
            ),
            self,
        )
        self.hint_label.setWordWrap(True)
        self.agreement_label = QLabel(self)
        self.agreement_label.setWordWrap(True)

        self.hash_caption = QLabel(self.tr("Revision hash (the same on every side):"), self)
        self.hash_label = QLabel(self)
        self.hash_label.setObjectName("revisionHash")
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSize(17)
        mono.setWeight(QFont.Weight.Bold)
        self.hash_label.setFont(mono)
        self.hash_label.setStyleSheet(
            "QLabel#revisionHash { background: #eceff1; color: #102027; padding: 8px; "
            "border-radius: 4px; }"
        )
        self.pdf_hash_label = QLabel(self)
        self.pdf_hash_label.setWordWrap(True)
        self.confirm_label = QLabel(self)
        self.confirm_label.setWordWrap(True)

        self.signatories_label = QLabel(self)
        self.signatories_label.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(True)
        self.turn_label = QLabel(self)
        self.turn_label.setWordWrap(True)
        # The signer signs right here (password + Sign); the dialog only for a handwritten one.
        self.signing = InlineSign(self._sign_inline, self)
        self.password = self.signing.password
        self.sign_button = self.signing.sign_button
        self.handwritten_button = self.signing.handwritten_button
        self.sign_error = self.signing.error
        self.signing.sig_handwritten.connect(self.open_sign_dialog)
        self.signing.sig_sign_clicked.connect(self._raise_dialog)
        # The panel, not the password field, takes the focus Qt hands out on its own (a new
        # window, a focused button hidden): typing meant for the call never lands in it.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        #: Set once the signed original is in this office's Archive (launcher): "opened" when
        #: the main window shows it, "unsaved" when the page was left for unsaved edits,
        #: "archived" without a main window (``archive_handoff.Handoff``).
        self.archived: str | None = None

        self.present_button = QPushButton(self.tr("Present the agreed revision"), self)
        self.present_button.clicked.connect(self.present)

        self.open_button = QPushButton(self.tr("Open signed PDF"), self)
        self.open_button.clicked.connect(self.open_pdf)
        self.save_button = QPushButton(self.tr("Save signed PDF…"), self)
        self.save_button.clicked.connect(self.save_pdf)
        done_row = QHBoxLayout()
        done_row.addWidget(self.open_button)
        done_row.addWidget(self.save_button)
        done_row.addStretch(1)

        self.attendance_label = QLabel(self)
        self.attendance_label.setWordWrap(True)
        self.problem_label = QLabel(self)
        self.problem_label.setObjectName("ceremonyProblem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("QLabel#ceremonyProblem { color: #c62828; }")
        self.problem_label.hide()

        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.state_label)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.agreement_label)
        layout.addWidget(self.hash_caption)
        layout.addWidget(self.hash_label)
        layout.addWidget(self.pdf_hash_label)
        layout.addWidget(self.confirm_label)
        layout.addWidget(self.signatories_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.turn_label)
        layout.addWidget(self.signing)
        layout.addWidget(self.present_button)
        layout.addLayout(done_row)
        layout.addWidget(self.problem_label)
        layout.addWidget(line)
        layout.addWidget(self.attendance_label)
        layout.addStretch(1)

        session.sig_updated.connect(self.show_record)
        session.sig_attendance.connect(self.show_attendance)
        session.sig_problem.connect(self._on_problem)
        self.show_attendance(session.ceremony.attendance)
        self.show_record(session.record())
        if session.store_problems:
            # A damaged stored ceremony is kept as it is on disk; say so instead of hiding it.
            self.show_problem(
                self.tr(
                    "A stored ceremony cannot be read and was left untouched: {details}"
                ).format(details="; ".join(session.store_problems))
            )

    # ------------------------------------------------------------------ display

    def _set_state(self, state: str, text: str) -> None:
        colours = {"waiting": "#546e7a", "signing": "#1565c0", "verified": "#2e7d32"}
        self.state_label.setProperty("state", state)
        self.state_label.setText(text)
        self.state_label.setStyleSheet(
            f"QLabel#ceremonyState {{ background: {colours[state]}; color: white; "
            "font-weight: bold; border-radius: 4px; }"
        )

    def _relayout(self) -> None:
        # Word-wrapped labels whose text changed while shown keep their old height unless the
        # layout is recomputed (Qt's height-for-width is only asked again on invalidation).
        layout = self.layout()
        layout.invalidate()
        layout.activate()

    @Slot(object)
    def show_record(self, record: CeremonyRecord | None) -> None:
        """Render ``record`` (``None``: nothing presented yet)."""
        self._show_record(record)
        self._relayout()

    def _show_record(self, record: CeremonyRecord | None) -> None:
        self.record = record
        presented = record is not None
        for widget in (
            self.agreement_label,
            self.hash_caption,
            self.hash_label,
            self.pdf_hash_label,
            self.confirm_label,
            self.signatories_label,
            self.progress,
        ):
            widget.setVisible(presented)
        self.present_button.setVisible(not presented and self.session.can_present())
        self.hint_label.setVisible(record is None)
        if record is None:
            if self.session.can_present():
                waiting = self.tr("Present the agreed revision once every office has joined.")
            else:
                waiting = self.tr("Waiting for the host to present the agreed revision.")
            self._set_state("waiting", waiting)
            self.turn_label.setText("")
            self.signing.hide()
            self.open_button.hide()
            self.save_button.hide()
            return
        self.agreement_label.setText(
            self.tr("<b>{title}</b><br>Agreement {agreement}, presented by {host}").format(
                title=record.title, agreement=record.agreement_id, host=record.host_office
            )
        )
        self.hash_label.setText(grouped_hash(record.revision_hash))
        self.pdf_hash_label.setText(fingerprints_html(record))
        self.confirm_label.setText(confirmations_html(record))
        self.signatories_label.setText(signatories_html(record))
        total = len(record.signatories)
        self.progress.setRange(0, total)
        self.progress.setValue(min(record.step, total))
        self.progress.setFormat(
            self.tr("{done} of {total} signatures").format(done=record.step, total=total)
        )
        nxt = record.next_signatory
        mine = nxt is not None and nxt.office == self.session.local_office
        # The name alone in the field: the title is in the turn line, and the field stays short.
        signer = nxt.signer_name if mine and nxt is not None else None
        self.signing.show_turn(record.step, signer, dialog_open=self._dialog_open())
        if self.sign_after_presenting:
            self.sign_after_presenting = False
            if mine and record.step == 0 and self.dialog is None:
                QTimer.singleShot(0, self.open_sign_dialog)
        complete = record.complete
        self.open_button.setVisible(complete)
        self.save_button.setVisible(complete)
        if complete:
            self._set_state("verified", verified_text(total, self.archived))
            self.turn_label.setText("")
        elif mine:
            self._set_state("signing", self.tr("Your turn to sign."))
            self.turn_label.setText(
                self.tr("{title} signs now for {office}.").format(
                    title=nxt.signer_title, office=nxt.office
                )
            )
        else:
            assert nxt is not None
            self._set_state(
                "signing", self.tr("Waiting for {office} to sign.").format(office=nxt.office)
            )
            self.turn_label.setText(
                self.tr("{title} signs now for {office}.").format(
                    title=nxt.signer_title, office=nxt.office
                )
            )

    def _dialog_open(self) -> bool:
        return self.dialog is not None and self.dialog.isVisible()

    def show_archived(self, archived: str) -> None:
        """Say the signed original is in the Archive (``archived``: a ``Handoff`` value)."""
        self.archived = archived
        self.show_record(self.record)

    @Slot(object)
    def show_attendance(self, attendance: list[Attendance]) -> None:
        """The session attendance with join and leave times in each office's zone."""
        self.attendance_label.setText(attendance_html(attendance))
        self._relayout()

    @Slot(str, str, str)
    def _on_problem(self, code: str, message: str, office: str, params: object = None) -> None:
        self.show_problem(problem_text(code, message, params if isinstance(params, dict) else None))

    def show_problem(self, text: str) -> None:
        """Show a problem under the controls."""
        self.problem_label.setText(text)
        self.problem_label.show()
        self._relayout()

    # ------------------------------------------------------------------ actions

    @Slot()
    def present(self) -> None:
        """Host: render and present the agreed revision."""
        try:
            self.session.present()
        except Exception as exc:  # a render or state error: say so, keep the call going
            self.sign_after_presenting = False  # nothing presented: no dialog later
            self.show_problem(
                self.tr("The revision cannot be presented: {error}").format(error=plain_text(exc))
            )

    @Slot()
    def open_sign_dialog(self) -> SignDialog | None:
        """Ask for the password and signature image, then sign (non-modal; returns the dialog)."""
        record = self.record
        if record is None or record.next_signatory is None:
            return None
        if self._dialog_open():
            self._raise_dialog()
            return self.dialog
        nxt = record.next_signatory
        self.dialog = SignDialog(
            f"{nxt.signer_title} ({nxt.signer_name})",
            record.revision_hash,
            self._sign,
            signature_png=self.signature_png,
            parent=self,
        )
        # A password typed in the panel before asking for the pad is not asked for twice.
        self.dialog.password.setText(self.signing.take_password())
        self.dialog.finished.connect(lambda _result: self.show_record(self.record))
        self.dialog.setModal(True)
        self.dialog.show()
        self.signing.set_inline(False)
        return self.dialog

    @Slot()
    def _raise_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()

    def _sign_inline(self, password: str, _png: bytes | None) -> str | None:
        # The image the dialog would start with (the office's stored one, if any).
        return self._sign(password, self.signature_png)

    def _sign(self, password: str, png: bytes | None) -> str | None:
        try:
            signed = self.session.sign(password, png)
        except CeremonyError as exc:
            return problem_text(exc.code, exc.message, exc.params)
        # Signed without a time-stamp (no or unreachable server): say so and what to do later.
        from ui.archive.extend import signing_notes_text

        note = signing_notes_text(self.session.last_notes)
        self.problem_label.setText(note)
        self.problem_label.setVisible(bool(note))
        self.sig_signed.emit(signed)
        return None

    def _pdf_path(self) -> Path | None:
        record = self.record
        if record is None:
            return None
        return self.session.store.folder(record.ceremony_id) / f"step-{record.step}.pdf"

    @Slot()
    def open_pdf(self) -> None:
        """Open the signed PDF in the system viewer."""
        path = self._pdf_path()
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    @Slot()
    def save_pdf(self, target: Path | None = None) -> Path | None:
        """Save a copy of the signed PDF (asks where unless ``target`` is given)."""
        data = self.session.current_pdf()
        record = self.record
        if data is None or record is None:
            return None
        if target is None:
            name, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save signed PDF"),
                f"{record.agreement_id}-signed.pdf",
                self.tr("PDF files (*.pdf)"),
            )
            if not name:
                return None
            target = Path(name)
        try:
            target.write_bytes(data)
        except OSError as exc:
            self.show_problem(
                self.tr("The file cannot be saved: {error}").format(error=plain_text(exc))
            )
            return None
        return target
