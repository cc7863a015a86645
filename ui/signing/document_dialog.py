"""One window for a signed agreement: the pages, the verification verdict, print and save.

Other pages (Archive, Agreements, the ceremony) open a signed PDF with one call:
``SignedDocumentDialog(pdf_bytes, trusted_certificates, title=..., paper=...).show()``.
``paper`` ("f4"/"a4", the office's paper from Settings) starts the printer on that paper;
without it the printer starts on the document's own paper. ``expected`` (field -> party, from
the agreement record, see ``mou.signing.trust.expected_signers_for_pdf``) binds each signature
to its party.

Only a document whose signatures all verify can be previewed for print or printed: anything
added after signing (an overlay field, an annotation) would otherwise be drawn onto paper that
looks signed. The banner on top says in red what is wrong.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
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

from mou.signing import VerificationReport, verify_pdf
from mou.signing.trust import ExpectedSigner, TrustAnchors
from ui.hash_label import HashLabel
from ui.plain_errors import plain_text
from ui.screen_fit import resize_to_fit
from ui.signing.pdf_view import SignedPdfView
from ui.signing.print import PrintError, SignedPdfPrinter, print_preview, print_with_dialog
from ui.signing.verify_dialog import VerificationDialog


class SignedDocumentDialog(QDialog):
    """Shows ``data`` (a signed agreement), its verification status, and print/save actions."""

    def __init__(
        self,
        data: bytes,
        trusted: TrustAnchors | Iterable[x509.Certificate],
        *,
        title: str = "",
        paper: str | None = None,
        file_name: str = "",
        expected: Mapping[str, ExpectedSigner] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("Signed agreement"))
        self.data = data
        # A plain list holds office cards: pinned, never issuers (CA anchors come as TrustAnchors).
        self.trusted = trusted if isinstance(trusted, TrustAnchors) else TrustAnchors.pinned(trusted)
        self.expected = expected
        self.paper = paper
        self.file_name = file_name or "kesepakatan.pdf"
        self.sha256 = hashlib.sha256(data).hexdigest()
        self.last_dialog: QDialog | None = None
        self.report: VerificationReport = verify_pdf(data, self.trusted, expected=expected)
        self.status = QLabel(self)
        self.status.setObjectName("documentStatus")
        self.status.setWordWrap(True)
        self._show_status()
        # The hash matches the stamp on every printed page, so paper can be traced to this file.
        heading = HashLabel(self)
        heading.setTextFormat(Qt.TextFormat.RichText)
        heading.setWordWrap(True)
        # 12 characters on screen (the printed stamp's first ones); the menu copies all 64.
        heading.set_hash(
            self.sha256,
            (f"<b>{title}</b><br/>" if title else "")
            + self.tr("SHA-256 of this file: {sha}").format(sha="<tt>%1</tt>"),
        )
        self.view = SignedPdfView(self)
        self.opened = self.view.set_pdf(data)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        if not self.opened:
            self.message.setText(self.tr("The PDF cannot be shown: it may be damaged."))
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
        for button in (self.preview_button, self.print_button):
            button.setEnabled(self.printable)
            if self.opened and not self.report.ok:
                button.setToolTip(self._refusal())
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
        layout.addWidget(heading)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addLayout(row)
        # Tall for a whole page, but never below the screen: Print, Save and Close stay visible.
        resize_to_fit(self, 860, 980)

    @property
    def printable(self) -> bool:
        """True only for a readable document whose signatures all verify."""
        return self.opened and self.report.ok

    def _refusal(self) -> str:
        return self.tr(
            "Printing is refused: only a document whose signatures all verify can be printed. "
            "Ask the sender for the signed original."
        )

    def _show_status(self) -> None:
        report = self.report
        if report.modified and not report.error:
            # What the pages show may not be what was signed: say so before anything else.
            text = self.tr(
                "Changed after signing: something was added to this file after it was signed, "
                "so the pages below may not show what was signed. Do not rely on it or print it; "
                "ask the sender for the signed original."
            )
            color = "#c62828"
        elif report.ok:
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
        # A fresh renderer per job: the preview releases its PDFium document when it closes.
        try:
            return SignedPdfPrinter(self.data, self, report=self.report)
        except PrintError:
            self.message.setText(self.tr("The PDF cannot be opened for printing."))
            return None

    @Slot()
    def show_verification(self) -> VerificationDialog:
        """Open the per-signature details (non-modal; returned for tests and callers)."""
        dialog = VerificationDialog(
            self.data, self.trusted, title=self.windowTitle(), report=self.report, parent=self
        )
        self.last_dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def show_print_preview(self) -> QDialog | None:
        """Open the print preview (non-modal; returned for tests and callers)."""
        if not self.printable:
            self.message.setText(self._refusal() if self.opened else self.message.text())
            return None
        document = self._document()
        if document is None:
            return None
        dialog = print_preview(document, self, paper=self.paper)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def print_document(self) -> int:
        """Ask for printer, copies and paper, then print; returns the sheets printed."""
        if not self.printable:
            self.message.setText(self._refusal() if self.opened else self.message.text())
            return 0
        document = self._document()
        if document is None:
            return 0
        try:
            sheets = print_with_dialog(document, self, paper=self.paper)
        finally:
            document.close()  # release PDFium's copy now, not when the dialog goes
            document.deleteLater()
        if sheets:
            self.message.setText(
                self.tr("{count} sheet(s) sent to the printer.").format(count=sheets)
            )
        return sheets

    def save_copy(self, path: Path) -> bool:
        """Write the exact bytes (a copy verifies like the original); False with a message."""
        try:
            Path(path).write_bytes(self.data)
        except OSError as exc:
            self.message.setText(
                self.tr("The copy could not be saved: {error}").format(error=plain_text(exc))
            )
            return False
        self.message.setText(self.tr("Saved a copy to {path}.").format(path=path))
        return True

    @Slot()
    def _choose_save_path(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save a copy"), self.file_name, self.tr("PDF documents (*.pdf)")
        )
        if path:
            self.save_copy(Path(path))
