"""Wizard last page: what was set up, and the certificate export for counterpart offices."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QVBoxLayout, QWidget, QWizardPage


class DonePage(QWizardPage):
    """Summary, fingerprint and "Export certificate…"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Ready"))
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)
        explain = QLabel(
            self.tr(
                "Send the certificate to each counterpart office, so their Lintas can check "
                "your signatures. Read the fingerprint to them over the phone to be sure the "
                "file arrived unchanged."
            )
        )
        explain.setWordWrap(True)
        layout.addWidget(explain)
        self.export_button = QPushButton(self.tr("Export certificate…"))
        layout.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.export_status = QLabel()
        self.export_status.setWordWrap(True)
        layout.addWidget(self.export_status)
        layout.addStretch(1)
        self.export_button.clicked.connect(self._choose_export)

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        """Fill the summary from what the identity page created."""
        wizard = self.wizard()
        identity = wizard.identity  # type: ignore[attr-defined]
        profile = wizard.profile()  # type: ignore[attr-defined]
        self.summary.setText(
            self.tr(
                "<b>%1</b> is set up with %2 user(s).<br>Signing certificate: %3<br>"
                "Fingerprint (SHA-256):<br><tt>%4</tt>"
            )
            .replace("%1", profile.display_name)
            .replace("%2", str(len(wizard.users_page.users())))  # type: ignore[attr-defined]
            .replace("%3", identity.subject_name)
            .replace("%4", identity.fingerprint_sha256)
        )

    def export_to(self, path: Path) -> None:
        """Write the certificate (PEM) to ``path`` and say where it went."""
        from mou.signing.identity import export_certificate

        try:
            export_certificate(self.wizard().identity, path)  # type: ignore[attr-defined]
        except OSError as error:
            self.export_status.setText(
                self.tr("Could not save the certificate: %1").replace("%1", str(error))
            )
            return
        self.export_status.setText(self.tr("Certificate saved to %1").replace("%1", str(path)))

    def _choose_export(self) -> None:
        wizard = self.wizard()
        suggested = Path.home() / f"{wizard.profile().display_name}.pem"  # type: ignore[attr-defined]
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export certificate"),
            str(suggested),
            self.tr("Certificates (*.pem *.crt)"),
            options=QFileDialog.Option.DontUseNativeDialog,
        )
        if name:
            self.export_to(Path(name))
