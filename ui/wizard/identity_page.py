"""Wizard page 5: the office's signing identity — create one, or import a .p12 (e.g. from BSrE).

This is the commit page: leaving it creates the identity file and the office in the database.
A wrong password or an unusable file is reported on the page and nothing is lost.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from ui.signing.messages import identity_error_text
from ui.wizard.password_strength import MIN_LENGTH, strength_hint


class IdentityPage(QWizardPage):
    """Create or import the PKCS#12 identity the office signs with."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Signing identity"))
        self.setSubTitle(
            self.tr(
                "Agreements are signed with the office's key and certificate, kept in a "
                "password-protected file on this computer."
            )
        )
        self.setCommitPage(True)
        layout = QVBoxLayout(self)
        self.create_radio = QRadioButton(self.tr("Create a new signing identity for this office"))
        self.import_radio = QRadioButton(
            self.tr("Import an existing .p12 file (for example from BSrE)")
        )
        self.create_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.create_radio)
        group.addButton(self.import_radio)
        layout.addWidget(self.create_radio)
        layout.addWidget(self.import_radio)

        self.panels = QStackedWidget()
        layout.addWidget(self.panels)

        create_panel = QWidget()
        create_form = QFormLayout(create_panel)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.strength = QLabel()
        self.strength.setObjectName("passwordStrength")
        self.strength.setWordWrap(True)
        create_form.addRow(self.tr("Password:"), self.password)
        create_form.addRow(self.tr("Repeat password:"), self.confirm)
        create_form.addRow("", self.strength)
        warning = QLabel(
            self.tr(
                "Keep this password safe. Without it nobody can sign for the office, and "
                "Lintas cannot recover it."
            )
        )
        warning.setWordWrap(True)
        create_form.addRow("", warning)
        self.panels.addWidget(create_panel)

        import_panel = QWidget()
        import_form = QFormLayout(import_panel)
        file_row = QHBoxLayout()
        self.p12_path = QLineEdit()
        self.p12_path.setPlaceholderText(self.tr("Path of the .p12 or .pfx file"))
        self.browse_button = QPushButton(self.tr("Browse…"))
        file_row.addWidget(self.p12_path, 1)
        file_row.addWidget(self.browse_button)
        self.import_password = QLineEdit()
        self.import_password.setEchoMode(QLineEdit.EchoMode.Password)
        import_form.addRow(self.tr("File:"), file_row)
        import_form.addRow(self.tr("Password of the file:"), self.import_password)
        self.panels.addWidget(import_panel)

        self.error = QLabel()
        self.error.setObjectName("identityError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        layout.addWidget(self.error)
        layout.addStretch(1)

        self.create_radio.toggled.connect(self._mode_changed)
        for field in (self.password, self.confirm, self.p12_path, self.import_password):
            field.textChanged.connect(self._changed)
        self.browse_button.clicked.connect(self._browse)
        self._changed()

    def importing(self) -> bool:
        """True when the user chose to import a .p12 file."""
        return self.import_radio.isChecked()

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        """Create: a long enough password typed twice. Import: a file and a password."""
        if self.importing():
            return bool(self.p12_path.text().strip() and self.import_password.text())
        return (
            len(self.password.text()) >= MIN_LENGTH and self.password.text() == self.confirm.text()
        )

    def validatePage(self) -> bool:  # noqa: N802 (Qt override)
        """Make the identity and the office; on failure show why and stay on the page."""
        from mou.office import OfficeError
        from mou.signing.identity import (
            IdentityError,
            WrongPasswordError,
            create_identity,
            import_identity,
        )

        wizard = self.wizard()
        dest: Path = wizard.identity_path  # type: ignore[attr-defined]
        self.error.clear()
        try:
            if self.importing():
                source = Path(self.p12_path.text().strip())
                if not source.is_file():
                    self.error.setText(
                        self.tr("The file %1 does not exist.").replace("%1", str(source))
                    )
                    return False
                # Validate before touching an existing file, so a wrong password changes nothing.
                from mou.signing.identity import load_identity

                load_identity(source, self.import_password.text())
                _set_aside(dest)
                identity = import_identity(source, self.import_password.text(), dest)
            else:
                profile = wizard.profile()  # type: ignore[attr-defined]
                _set_aside(dest)
                identity = create_identity(
                    dest,
                    self.password.text(),
                    common_name=profile.head_title,
                    organization=profile.display_name,
                    unit=profile.unit,
                )
        except WrongPasswordError:
            self.error.setText(
                self.tr(
                    "The password does not open this file. Check it and try again; "
                    "nothing has been changed."
                )
            )
            self.import_password.selectAll()
            self.import_password.setFocus()
            return False
        except (IdentityError, OSError) as error:
            # The core's message is English detail; lead with a translated sentence.
            self.error.setText(
                self.tr("This file cannot be used as the signing identity: %1").replace(
                    "%1", identity_error_text(error)
                )
            )
            return False
        try:
            wizard.create_office(identity)  # type: ignore[attr-defined]
        except OfficeError as error:
            from ui.office_messages import office_error_text

            self.error.setText(office_error_text(error))
            return False
        return True

    def _mode_changed(self) -> None:
        self.panels.setCurrentIndex(1 if self.importing() else 0)
        self.error.clear()
        self._changed()

    def _changed(self) -> None:
        if not self.importing():
            hint = strength_hint(self.password.text())
            if self.confirm.text() and self.confirm.text() != self.password.text():
                hint += " " + self.tr("The two passwords differ.")
            self.strength.setText(hint)
        self.completeChanged.emit()

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the signing identity file"),
            str(Path.home()),
            self.tr("PKCS#12 files (*.p12 *.pfx)"),
            options=QFileDialog.Option.DontUseNativeDialog,
        )
        if name:
            self.p12_path.setText(name)


def _set_aside(dest: Path) -> None:
    """Never overwrite a key: an identity file left by an earlier attempt is renamed, not lost."""
    if dest.exists():
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        dest.rename(dest.with_name(f"{dest.stem}-replaced-{stamp}{dest.suffix}"))
