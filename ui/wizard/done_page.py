"""Wizard last page: what was set up, and our office card for the counterpart offices."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QVBoxLayout, QWidget, QWizardPage


class DonePage(QWizardPage):
    """Summary, fingerprint and "Save our office card…"."""

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
                "Other offices trust you through your office card. The easiest way: in your "
                "first call with them, compare the code Lintas shows and press “Trust”. You "
                "can also save the office card now and send it; they compare the fingerprint "
                "with you by phone. Later, “Office card” at the top of every screen does the same."
            )
        )
        explain.setWordWrap(True)
        layout.addWidget(explain)
        self.export_button = QPushButton(self.tr("Save our office card…"))
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

    def export_to(self, path: Path) -> bool:
        """Write our office card to ``path`` and say where it went."""
        from ui.exchange_keys import card_for_certificate, endorse_with

        if path.suffix != ".lintas-card":
            path = path.with_name(path.name + ".lintas-card")
        wizard = self.wizard()
        identity = wizard.identity  # type: ignore[attr-defined]
        try:
            with wizard.database.session() as session:  # type: ignore[attr-defined]
                card = card_for_certificate(session, wizard.data_dir, identity.certificate)  # type: ignore[attr-defined]
                if card is None:  # the identity is unlocked right here: let it endorse the key
                    endorse_with(wizard.data_dir, identity)  # type: ignore[attr-defined]
                    card = card_for_certificate(session, wizard.data_dir, identity.certificate)  # type: ignore[attr-defined]
            assert card is not None
            path.write_bytes(card)
        except OSError:
            self.export_status.setText(
                self.tr("The office card could not be saved there. Choose another folder.")
            )
            return False
        self.export_status.setText(self.tr("Office card saved as %1.").replace("%1", path.name))
        return True

    def _choose_export(self) -> None:
        wizard = self.wizard()
        name = "".join(
            c if c.isalnum() else "_"
            for c in wizard.profile().display_name  # type: ignore[attr-defined]
        )
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save our office card"),
            str(Path.home() / f"{name}.lintas-card"),
            self.tr("Office cards (*.lintas-card)"),
            options=QFileDialog.Option.DontUseNativeDialog,
        )
        if chosen:
            self.export_to(Path(chosen))
