"""The ceremony panel the call window shows: the presented hash, whose turn it is, Sign, result."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer, QUrl, Signal, Slot
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
from ui.ceremony.session import CeremonySession
from ui.ceremony.sign_dialog import SignDialog
from ui.ceremony.texts import fingerprint_html, grouped_hash, problem_text, zoned
from ui.plain_errors import plain_text


class CeremonyPanel(QWidget):
    """Shows one :class:`CeremonySession`; every office in the call sees the same facts.

    ``sign_dialog_factory`` lets the owner pre-fill the signature image (the office's stored one).
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
        self.sign_button = QPushButton(self.tr("Sign…"), self)
        self.sign_button.setObjectName("signButton")
        self.sign_button.setStyleSheet(
            "QPushButton#signButton:enabled { background: #1565c0; color: white; "
            "font-weight: bold; padding: 6px 18px; }"
        )
        self.sign_button.clicked.connect(self.open_sign_dialog)
        turn_row = QHBoxLayout()
        turn_row.addWidget(self.turn_label, 1)
        turn_row.addWidget(self.sign_button)

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
        layout.addLayout(turn_row)
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
            self.sign_button.hide()
            self.open_button.hide()
            self.save_button.hide()
            return
        self.agreement_label.setText(
            self.tr("<b>{title}</b><br>Agreement {agreement}, presented by {host}").format(
                title=record.title, agreement=record.agreement_id, host=record.host_office
            )
        )
        self.hash_label.setText(grouped_hash(record.revision_hash))
        text = self.tr("PDF fingerprint (SHA-256, computed on this computer):") + fingerprint_html(
            record.presented_sha256
        )
        if record.complete:
            # The final file's fingerprint lets the offices confirm aloud they hold the same one.
            text += (
                "<br>"
                + self.tr("Signed PDF fingerprint (SHA-256):")
                + fingerprint_html(record.current_sha256)
            )
        self.pdf_hash_label.setText(text)
        confirmed = [o for o, sha in record.confirmations.items() if sha == record.presented_sha256]
        heading = self.tr("Same fingerprint confirmed by:")
        self.confirm_label.setText(
            f"{heading}<br>" + "<br>".join(f"✔ {office}" for office in confirmed)
        )
        rows = []
        for index, signatory in enumerate(record.signatories):
            if index < record.step:
                status = self.tr("signed ✔")
            elif index == record.step:
                status = self.tr("signing now")
            else:
                status = self.tr("waiting")
            rows.append(
                f"{index + 1}. <b>{status}</b> — {signatory.signer_title}, "
                f"{signatory.signer_name} ({signatory.office})"
            )
        self.signatories_label.setText("<br>".join(rows))
        total = len(record.signatories)
        self.progress.setRange(0, total)
        self.progress.setValue(min(record.step, total))
        self.progress.setFormat(
            self.tr("{done} of {total} signatures").format(done=record.step, total=total)
        )
        nxt = record.next_signatory
        mine = nxt is not None and nxt.office == self.session.local_office
        self.sign_button.setVisible(mine)
        self.sign_button.setEnabled(mine)
        if self.sign_after_presenting:
            self.sign_after_presenting = False
            if mine and record.step == 0 and self.dialog is None:
                QTimer.singleShot(0, self.open_sign_dialog)
        complete = record.complete
        self.open_button.setVisible(complete)
        self.save_button.setVisible(complete)
        if complete:
            self._set_state(
                "verified",
                self.tr(
                    "Verified: all {total} signatures are valid and this office holds the "
                    "signed file."
                ).format(total=total),
            )
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

    @Slot(object)
    def show_attendance(self, attendance: list[Attendance]) -> None:
        """The session attendance with join and leave times in each office's zone."""
        lines = []
        for entry in attendance:
            who = ", ".join(entry.people) or entry.office
            line = self.tr("{who} ({office}) joined {time}").format(
                who=who, office=entry.office, time=zoned(entry.joined_at, entry.tz_label)
            )
            if entry.left_at:
                line += self.tr(", left {time}").format(time=zoned(entry.left_at, entry.tz_label))
            lines.append(line)
        heading = self.tr("Attendance")
        self.attendance_label.setText(f"<b>{heading}</b><br>" + "<br>".join(lines))
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
        nxt = record.next_signatory
        self.dialog = SignDialog(
            f"{nxt.signer_title} ({nxt.signer_name})",
            record.revision_hash,
            self._sign,
            signature_png=self.signature_png,
            parent=self,
        )
        self.dialog.setModal(True)
        self.dialog.show()
        return self.dialog

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
