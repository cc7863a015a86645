"""Archive page: signed agreements (and those being signed), signing by file exchange,
verification of a received PDF and the check of a printed page."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mou.agreement import AgreementStatus
from mou.signed_archive import ArchiveEntry, SignedArchiveError
from ui.archive.archive_table import ArchiveTable
from ui.archive.extend import ExtendDialog
from ui.archive.office_files import (
    office_trust_for,
    signed_archive,
    trusted_certificates,
)
from ui.archive.offline_dialog import OfflineSigningDialog
from ui.archive.prepare_dialog import PrepareSigningDialog, preparable_agreements
from ui.archive.qr_check import QrCheckDialog
from ui.archive.receiving import receive_file
from ui.archive.verdict import ArchiveVerdicts, verdict_text
from ui.context import AppContext
from ui.empty_state import EmptyState
from ui.icons import icon
from ui.plain_errors import plain_text
from ui.signing.document_dialog import SignedDocumentDialog
from ui.signing.print import PrintError, SignedPdfPrinter, print_preview, print_with_dialog
from ui.signing.verify_dialog import VerificationDialog


class Page(QWidget):
    """Final, signed documents, and the way to sign one by file exchange."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.entries: list[ArchiveEntry] = []
        self.last_dialog: QDialog | None = None
        layout = QVBoxLayout(self)
        self.stack = QStackedWidget(self)
        layout.addWidget(self.stack, 1)
        # Below the stack, so a refusal is readable on the empty page too.
        self.message = QLabel(self)
        self.message.setObjectName("archiveMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        self.empty_state = EmptyState(
            self.tr("Nothing archived yet"),
            self.tr(
                "Agreements appear here once every party has signed them. You can also open a "
                "signed PDF you received to check its signatures."
            ),
            icon("archive"),
        )
        self.verify_button = self.empty_state.add_action(
            self.tr("Verify a signed PDF"), primary=True
        )
        self.verify_button.clicked.connect(self._choose_file_to_verify)
        self.empty_prepare_button = self.empty_state.add_action(self.tr("Prepare for signing…"))
        self.empty_prepare_button.clicked.connect(self.prepare_for_signing)
        self.empty_open_button = self.empty_state.add_action(self.tr("Open a signed PDF…"))
        self.empty_open_button.clicked.connect(self._choose_file_to_open)
        empty_check = self.empty_state.add_action(self.tr("Check a printed page…"))
        empty_check.clicked.connect(self.check_printed_page)
        self.stack.addWidget(self.empty_state)

        self.list_panel = QWidget(self)
        panel = QVBoxLayout(self.list_panel)
        panel.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        title = QLabel(self.tr("Signed agreements"), self.list_panel)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        header.addWidget(title)
        header.addStretch(1)
        self.prepare_button = QPushButton(self.tr("Prepare for signing…"), self.list_panel)
        self.open_file_button = QPushButton(self.tr("Open a signed PDF…"), self.list_panel)
        self.check_button = QPushButton(self.tr("Check a printed page…"), self.list_panel)
        self.prepare_button.clicked.connect(self.prepare_for_signing)
        self.open_file_button.clicked.connect(self._choose_file_to_open)
        self.check_button.clicked.connect(self.check_printed_page)
        for button in (self.prepare_button, self.open_file_button, self.check_button):
            header.addWidget(button)
        panel.addLayout(header)

        self.table = ArchiveTable(self.list_panel)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.verdicts = ArchiveVerdicts(context)
        self.table.itemSelectionChanged.connect(self.show_selected_verdict)
        self.table.doubleClicked.connect(lambda *_: self.open_selected())
        panel.addWidget(self.table, 1)

        actions = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open"), self.list_panel)
        self.verify_selected_button = QPushButton(self.tr("Verify…"), self.list_panel)
        self.preview_button = QPushButton(self.tr("Print preview…"), self.list_panel)
        self.print_button = QPushButton(self.tr("Print…"), self.list_panel)
        self.save_button = QPushButton(self.tr("Save a copy…"), self.list_panel)
        self.extend_button = QPushButton(self.tr("Extend…"), self.list_panel)
        self.extend_button.setToolTip(
            self.tr(
                "Add a time-stamp and validation data so the signatures outlive their certificates"
            )
        )
        self.continue_button = QPushButton(self.tr("Continue signing…"), self.list_panel)
        self.open_button.clicked.connect(self.open_selected)
        self.verify_selected_button.clicked.connect(self.verify_selected)
        self.preview_button.clicked.connect(self.preview_selected)
        self.print_button.clicked.connect(self.print_selected)
        self.save_button.clicked.connect(self._save_selected)
        self.extend_button.clicked.connect(self.extend_selected)
        self.continue_button.clicked.connect(self.continue_selected)
        self.row_buttons = [
            self.open_button,
            self.verify_selected_button,
            self.preview_button,
            self.print_button,
            self.save_button,
            self.extend_button,
            self.continue_button,
        ]
        for button in self.row_buttons:
            actions.addWidget(button)
        actions.addStretch(1)
        panel.addLayout(actions)
        self.stack.addWidget(self.list_panel)
        self._subscribe()
        self.refresh()

    def _subscribe(self) -> None:
        from mou.events import StateChanged
        from ui.agreements.domain_events import forward_domain_events

        # Agreements move to Signing/Signed elsewhere too (ceremony, agreements page).
        forward_domain_events(self.context.bridge)
        self.context.bridge.subscribe(StateChanged, self._on_state_changed)

    def _on_state_changed(self, _event: object) -> None:
        self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        """Files may have arrived while the page was hidden (a ceremony elsewhere)."""
        self.refresh()
        super().showEvent(event)

    # ------------------------------------------------------------------ list

    @Slot()
    def refresh(self) -> None:
        """Re-read the archive from the database and the data folder."""
        with self.context.database.session() as s:
            self.entries = signed_archive(self.context).entries(s)
        self.verdicts.clear()  # trust or the records may have changed since the last check
        self.table.set_entries(self.entries)
        self.show_selected_verdict()
        self.stack.setCurrentWidget(self.list_panel if self.entries else self.empty_state)
        self.empty_prepare_button.setVisible(bool(preparable_agreements(self.context)))
        self._update_buttons()

    def _update_buttons(self) -> None:
        entry = self.table.selected_entry()
        has_pdf = entry is not None and entry.pdf_path is not None
        for button in self.row_buttons[:-1]:
            button.setEnabled(has_pdf)
        self.continue_button.setEnabled(
            entry is not None and entry.status == AgreementStatus.SIGNING.value
        )

    @Slot()
    def show_selected_verdict(self) -> None:
        """Verify the selected agreement's stored PDF and say so in its row (no click needed).

        Only while the page is shown: the window builds this page at start-up, and nobody
        should wait for a verification they are not looking at (showEvent refreshes).
        """
        entry = self.table.selected_entry()
        if not self.isVisible() or entry is None or entry.pdf_sha256 is None:
            return
        report = self.verdicts.known(entry.pdf_sha256)
        if report is None:
            data = self._entry_pdf(entry)
            if data is None:
                return
            report = self.verdicts.verify(entry.pdf_sha256, data)
        row = self.table.entries.index(entry)
        self.table.set_verdict(row, verdict_text(report), ok=report.ok)

    def selected_report(self):
        """The verification report shown for the selected agreement (``None``: not checked)."""
        entry = self.table.selected_entry()
        return self.verdicts.known(entry.pdf_sha256) if entry is not None else None

    def show_message(self, text: str, *, ok: bool) -> None:
        """A line under the list: green for done, red for refused."""
        color = "#2e7d32" if ok else "#c62828"
        self.message.setStyleSheet(f"QLabel#archiveMessage {{ color: {color}; }}")
        self.message.setText(text)

    def _entry_pdf(self, entry: ArchiveEntry | None) -> bytes | None:
        if entry is None or entry.pdf_sha256 is None:
            return None
        try:
            return signed_archive(self.context).read(entry.uuid, entry.pdf_sha256)
        except SignedArchiveError:
            self.show_message(
                self.tr("The stored PDF of “{title}” is missing or damaged.").format(
                    title=entry.title
                ),
                ok=False,
            )
            return None

    def _document_dialog(self, entry: ArchiveEntry) -> SignedDocumentDialog | None:
        data = self._entry_pdf(entry)
        if data is None:
            return None
        anchors, expected = office_trust_for(self.context, data)  # bound to the parties
        dialog = SignedDocumentDialog(
            data,
            anchors,
            expected=expected,
            title=entry.title,
            paper=self.context.settings.paper_size,
            file_name=f"kesepakatan-{entry.uuid[:8]}.pdf",
            parent=self,
        )
        self.last_dialog = dialog
        return dialog

    @Slot()
    def open_selected(self) -> SignedDocumentDialog | None:
        """Show the selected agreement's PDF with its signatures."""
        entry = self.table.selected_entry()
        dialog = self._document_dialog(entry) if entry is not None else None
        if dialog is not None:
            dialog.open()
        return dialog

    @Slot()
    def verify_selected(self) -> QDialog | None:
        """Verify the selected PDF (trusted: own certificate + accepted counterparts)."""
        data = self._entry_pdf(self.table.selected_entry())
        if data is None:
            return None
        return self._show_verification(data, self.table.selected_entry().title)  # type: ignore[union-attr]

    def _printer_document(self, data: bytes) -> SignedPdfPrinter | None:
        from mou.signing import verify_pdf

        anchors, expected = office_trust_for(self.context, data)
        report = verify_pdf(data, anchors, expected=expected)
        if report.signatures and not report.modified and not report.ok:
            # Paper carries the "signed document" stamp: only a verified document gets it.
            self.show_message(
                self.tr(
                    "Printing is refused: a signature of this file does not verify. Open it to "
                    "see which one and why."
                ),
                ok=False,
            )
            return None
        try:
            return SignedPdfPrinter(data, self, report=report)
        except PrintError as exc:
            if exc.modified:  # something was added after signing: never print it as signed
                self.show_message(
                    self.tr(
                        "Printing is refused: this file was changed after it was signed. "
                        "Ask the sender for the signed original."
                    ),
                    ok=False,
                )
                return None
            self.show_message(self.tr("The PDF cannot be opened for printing."), ok=False)
            return None

    @Slot()
    def preview_selected(self) -> QDialog | None:
        """Print preview of the selected PDF on the paper from Settings."""
        data = self._entry_pdf(self.table.selected_entry())
        if data is None:
            return None
        document = self._printer_document(data)
        if document is None:
            return None
        dialog = print_preview(document, self, paper=self.context.settings.paper_size)
        document.setParent(dialog)  # goes with the preview
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def print_blocked_reason(self) -> str | None:
        """Why Ctrl+P (the window's File > Print) cannot print now, or ``None``."""
        entry = self.table.selected_entry()
        if entry is None or entry.pdf_path is None:
            return self.tr("Select a signed agreement in the list to print it.")
        return None

    def print_current(self) -> None:
        """Ctrl+P: print the selected agreement (as the Print… button does)."""
        self.print_selected()

    @Slot()
    def print_selected(self) -> None:
        """The print dialog (copies, paper) for the selected PDF."""
        data = self._entry_pdf(self.table.selected_entry())
        if data is None:
            return
        document = self._printer_document(data)
        if document is None:
            return
        try:
            sheets = print_with_dialog(document, self, paper=self.context.settings.paper_size)
        finally:
            document.close()
            document.deleteLater()
        if sheets:
            self.show_message(
                self.tr("{count} sheet(s) sent to the printer.").format(count=sheets), ok=True
            )

    @Slot()
    def _save_selected(self) -> None:
        entry = self.table.selected_entry()
        if entry is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save a copy"),
            f"kesepakatan-{entry.uuid[:8]}.pdf",
            self.tr("PDF files (*.pdf)"),
        )
        if path:
            self.save_selected_copy(Path(path))

    def save_selected_copy(self, path: Path) -> bool:
        """Write the selected PDF's exact bytes to ``path``."""
        data = self._entry_pdf(self.table.selected_entry())
        if data is None:
            return False
        try:
            path.write_bytes(data)
        except OSError as exc:
            self.show_message(
                self.tr("The copy could not be saved: {error}").format(error=plain_text(exc)),
                ok=False,
            )
            return False
        self.show_message(self.tr("Saved a copy to {path}.").format(path=path), ok=True)
        return True

    @Slot()
    def extend_selected(self) -> ExtendDialog | None:
        """Make the selected PDF long-term valid (PAdES B-LTA) with the office's TSA."""
        entry = self.table.selected_entry()
        data = self._entry_pdf(entry)
        if entry is None or data is None:
            return None
        dialog = ExtendDialog(self.context, entry, data, trusted_certificates(self.context), self)
        dialog.extended.connect(lambda _sha: self.refresh())
        self.last_dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def continue_selected(self) -> OfflineSigningDialog | None:
        """The file-exchange signing dialog of the selected (Signing) agreement."""
        entry = self.table.selected_entry()
        if entry is None:
            return None
        if entry.pdf_sha256 is None:  # moved to Signing elsewhere: render the PDF first
            dialog = self.prepare_for_signing()
            dialog.select(entry.agreement_id)
            return None
        return self.open_signing(entry.agreement_id)

    def open_signing(self, agreement_id: int) -> OfflineSigningDialog:
        """Open the file-exchange signing dialog of one agreement."""
        dialog = OfflineSigningDialog(self.context, agreement_id, self)
        dialog.changed.connect(self.refresh)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    # ------------------------------------------------------------------ actions

    @Slot()
    def prepare_for_signing(self) -> PrepareSigningDialog:
        """Choose an Agreed agreement and render it for signing by file exchange."""
        dialog = PrepareSigningDialog(self.context, self)
        dialog.prepared.connect(self._on_prepared)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def _on_prepared(self, agreement_id: int) -> None:
        self.refresh()
        self.table.select_agreement(agreement_id)
        self.open_signing(agreement_id)

    @Slot()
    def check_printed_page(self) -> QrCheckDialog:
        """Paste or scan the QR text of a printed page and compare it with the record."""
        dialog = QrCheckDialog(self.context, self)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def _read(self, path: Path) -> bytes | None:
        try:
            return path.read_bytes()
        except OSError as exc:
            self.show_message(
                self.tr("The file cannot be read: {error}").format(error=plain_text(exc)), ok=False
            )
            return None

    @Slot()
    def _choose_file_to_verify(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Verify a signed PDF"), "", self.tr("PDF files (*.pdf)")
        )
        if path:
            self.verify_file(Path(path))

    def verify_file(self, path: Path) -> QDialog | None:
        """Verify any PDF (e.g. received by mail) without storing it."""
        data = self._read(path)
        return self._show_verification(data, path.name) if data is not None else None

    def _show_verification(self, data: bytes, title: str) -> VerificationDialog:
        anchors, expected = office_trust_for(self.context, data)  # bound to the parties
        dialog = VerificationDialog(data, anchors, title=title, expected=expected, parent=self)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def _choose_file_to_open(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a signed PDF"), "", self.tr("PDF files (*.pdf)")
        )
        if path:
            self.open_file(Path(path))

    def open_file(self, path: Path) -> QDialog | None:
        """Open a PDF from a file: the counterpart's partly signed file joins the signing here
        (verified on arrival); any other PDF opens for viewing, verifying and printing."""
        data = self._read(path)
        if data is None:
            return None
        arrival = receive_file(self.context, data)
        if arrival.message:
            self.show_message(arrival.message, ok=arrival.ok)
        if arrival.view:
            return self._view_file(data, path.name)
        if arrival.received is None:
            return None
        status = arrival.received.status
        self.refresh()
        self.table.select_agreement(status.agreement_id)
        dialog = self.open_signing(status.agreement_id)
        dialog.announce_arrival(status.problems)
        return dialog

    def _view_file(self, data: bytes, name: str) -> SignedDocumentDialog:
        anchors, expected = office_trust_for(self.context, data)  # bound to the parties
        dialog = SignedDocumentDialog(
            data,
            anchors,
            expected=expected,
            title=name,
            paper=self.context.settings.paper_size,
            file_name=name,
            parent=self,
        )
        self.last_dialog = dialog
        dialog.open()
        return dialog
