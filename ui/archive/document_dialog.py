"""One signed agreement PDF on screen, with Verify, Print preview, Print and Save a copy."""

from __future__ import annotations

import hashlib
from pathlib import Path

from cryptography import x509
from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.archive.printing import preview_dialog, print_with_dialog
from ui.signing.pdf_view import SignedPdfView
from ui.signing.print import PrintError, SignedPdfPrinter
from ui.signing.verify_dialog import VerificationDialog


class SignedDocumentDialog(QDialog):
    """Shows ``data`` (PDFium, signature appearances drawn) and acts on it."""

    def __init__(
        self,
        data: bytes,
        trusted: list[x509.Certificate],
        *,
        title: str,
        paper: str = "f4",
        file_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("Signed PDF"))
        self.data = data
        self.trusted = trusted
        self.paper = paper
        self.file_name = file_name or "kesepakatan-bersama.pdf"
        self.sha256 = hashlib.sha256(data).hexdigest()
        self.last_dialog: QDialog | None = None
        heading = QLabel(self)
        heading.setTextFormat(Qt.TextFormat.RichText)
        heading.setWordWrap(True)
        heading.setText(
            f"<b>{title}</b><br/>"
            + self.tr("SHA-256 of this file: {sha}").format(sha=f"<tt>{self.sha256}</tt>")
        )
        heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.view = SignedPdfView(self)
        self.opened = self.view.set_pdf(data)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        if not self.opened:
            self.message.setText(self.tr("The PDF cannot be shown: it may be damaged."))
        self.verify_button = QPushButton(self.tr("Verify signatures…"), self)
        self.preview_button = QPushButton(self.tr("Print preview…"), self)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.save_button = QPushButton(self.tr("Save a copy…"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.verify_button.clicked.connect(self.verify)
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self._choose_copy)
        self.close_button.clicked.connect(self.reject)
        for button in (self.preview_button, self.print_button):
            button.setEnabled(self.opened)
        row = QHBoxLayout()
        for button in (
            self.verify_button,
            self.preview_button,
            self.print_button,
            self.save_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addLayout(row)
        self.resize(860, 900)

    @Slot()
    def verify(self) -> VerificationDialog:
        """Show the verification of every signature (trusted: own + accepted counterparts)."""
        dialog = VerificationDialog(self.data, self.trusted, title=self.windowTitle(), parent=self)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def _printer_document(self) -> SignedPdfPrinter | None:
        try:
            return SignedPdfPrinter(self.data, self)
        except PrintError:
            self.message.setText(self.tr("The PDF cannot be opened for printing."))
            return None

    @Slot()
    def preview(self) -> QDialog | None:
        """Open the print preview (paper from Settings, pages with their signatures)."""
        document = self._printer_document()
        if document is None:
            return None
        dialog = preview_dialog(document, self.paper, self)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def print_document(self) -> None:
        """The print dialog (printer, copies, pages, paper), then print."""
        document = self._printer_document()
        if document is not None:
            sheets = print_with_dialog(document, self.paper, self)
            if sheets:
                self.message.setText(
                    self.tr("{count} sheet(s) sent to the printer.").format(count=sheets)
                )

    @Slot()
    def _choose_copy(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save a copy"), self.file_name, self.tr("PDF files (*.pdf)")
        )
        if path:
            self.save_copy(Path(path))

    def save_copy(self, path: Path) -> bool:
        """Write the exact bytes (a copy verifies like the original); False with a message."""
        try:
            path.write_bytes(self.data)
        except OSError as exc:
            self.message.setText(self.tr("The copy could not be saved: {error}").format(error=exc))
            return False
        self.message.setText(self.tr("Saved a copy to {path}.").format(path=path))
        return True
