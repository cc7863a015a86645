"""One window for a signed agreement: the pages, the verification verdict, print and save.

Other pages (Archive, Agreements, the ceremony) open a signed PDF with one call:
``SignedDocumentDialog(pdf_bytes, trusted_certificates, title=...).show()``.
"""

from __future__ import annotations

from pathlib import Path

from cryptography import x509
from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mou.signing import VerificationReport, verify_pdf
from ui.signing.pdf_view import SignedPdfView
from ui.signing.print import PrintError, SignedPdfPrinter, print_preview, print_with_dialog
from ui.signing.verify_dialog import VerificationDialog


class SignedDocumentDialog(QDialog):
    """Shows ``data`` (a signed agreement), its verification status, and print/save actions."""

    def __init__(
        self,
        data: bytes,
        trusted: list[x509.Certificate],
        *,
        title: str = "",
        file_name: str = "kesepakatan.pdf",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("Signed agreement"))
        self.data = data
        self.trusted = trusted
        self.file_name = file_name
        self.report: VerificationReport = verify_pdf(data, trusted)
        self.status = QLabel(self)
        self.status.setObjectName("documentStatus")
        self.status.setWordWrap(True)
        self._show_status()
        self.view = SignedPdfView(self)
        self.view.set_pdf(data)
        self.verify_button = QPushButton(self.tr("Signature details…"), self)
        self.verify_button.clicked.connect(self.show_verification)
        self.preview_button = QPushButton(self.tr("Print preview…"), self)
        self.preview_button.clicked.connect(self.show_print_preview)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.print_button.clicked.connect(self.print_document)
        self.save_button = QPushButton(self.tr("Save a copy…"), self)
        self.save_button.clicked.connect(self._choose_save_path)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.reject)
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
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        self._printer: SignedPdfPrinter | None = None
        self.resize(820, 980)

    def _show_status(self) -> None:
        report = self.report
        if report.ok:
            text = self.tr("Verified: {count} valid signatures from trusted offices.").format(
                count=len(report.signatures)
            )
            color = "#2e7d32"
        elif report.error:
            text = self.tr("This file cannot be verified: it is not a readable PDF.")
            color = "#c62828"
        elif not report.signatures:
            text = self.tr("Not signed yet.")
            color = "#ef6c00"
        else:
            failed = sum(1 for s in report.signatures if not s.ok)
            text = self.tr(
                "Warning: {failed} of {count} signatures failed verification. Open the signature "
                "details before relying on this document."
            ).format(failed=failed, count=len(report.signatures))
            color = "#c62828"
        self.status.setText(text)
        self.status.setStyleSheet(
            f"QLabel#documentStatus {{ color: white; background: {color}; padding: 8px;"
            " border-radius: 4px; }"
        )

    def _document(self) -> SignedPdfPrinter | None:
        if self._printer is None:
            try:
                self._printer = SignedPdfPrinter(self.data, self)
            except PrintError:
                self.status.setText(
                    self.tr("This file cannot be printed: it is not a readable PDF.")
                )
                return None
        return self._printer

    @Slot()
    def show_verification(self) -> VerificationDialog:
        """Open the per-signature details (non-modal; returned for tests and callers)."""
        dialog = VerificationDialog(self.data, self.trusted, title=self.windowTitle(), parent=self)
        dialog.show()
        return dialog

    @Slot()
    def show_print_preview(self) -> QDialog | None:
        """Open the print preview (non-modal; returned for tests and callers)."""
        document = self._document()
        if document is None:
            return None
        dialog = print_preview(document, self)
        dialog.show()
        return dialog

    @Slot()
    def print_document(self) -> int:
        """Ask for printer, copies and paper, then print; returns the sheets printed."""
        document = self._document()
        return print_with_dialog(document, self) if document is not None else 0

    def save_copy(self, path: Path) -> None:
        """Write the signed bytes unchanged (any change would break the signatures)."""
        Path(path).write_bytes(self.data)

    @Slot()
    def _choose_save_path(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save a copy"), self.file_name, self.tr("PDF documents (*.pdf)")
        )
        if path:
            try:
                self.save_copy(Path(path))
            except OSError as exc:
                self.status.setText(
                    self.tr("The copy could not be saved: {error}").format(error=exc.strerror)
                )
