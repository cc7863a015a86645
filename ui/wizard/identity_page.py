"""The office's signing identity in the one-page wizard: create one, or import a .p12 (BSrE).

One password, typed once, with a "Show" toggle and the strength hint instead of a second
"Repeat password" field: the person can read what they typed before they press Create, which
catches the typo a repeat field catches, at one field less. The same password is the head of
region's secret for "Acting as" (see ``ui/wizard/users_page.py``), so it is asked in two places
for one person rather than being two secrets of which the PIN would guard less.

Texts keep the translation context "IdentityPage" of the page this section once was.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mou.office import OfficeProfile
from mou.signing.identity import OfficeIdentity
from ui.signing.messages import identity_error_text
from ui.wizard.password_strength import MIN_LENGTH, strength_hint


class IdentitySection(QWidget):
    """Create (one password) or import (file and its password) the office's signing identity."""

    changed = Signal()
    #: The error line changed (the window may need to grow or shrink).
    error_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.create_radio = QRadioButton(
            QCoreApplication.translate(
                "IdentityPage", "Create a new signing identity for this office"
            )
        )
        self.import_radio = QRadioButton(
            QCoreApplication.translate(
                "IdentityPage", "Import an existing .p12 file (for example from BSrE)"
            )
        )
        self.create_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.create_radio)
        group.addButton(self.import_radio)
        # Side by side: one row less keeps the one-page wizard on a 1366x768 screen.
        choice = QHBoxLayout()
        choice.addWidget(self.create_radio)
        choice.addWidget(self.import_radio)
        choice.addStretch(1)
        layout.addLayout(choice)

        self.panels = QStackedWidget()
        layout.addWidget(self.panels)

        # Each panel is one row (the strength beside the password), so the page stays short.
        create_panel = QWidget()
        create_row = QHBoxLayout(create_panel)
        create_row.setContentsMargins(0, 0, 0, 0)
        self.password = QLineEdit()
        self.password.setObjectName("identityPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.show_button = QToolButton()
        self.show_button.setCheckable(True)
        self.show_button.setText(QCoreApplication.translate("IdentityPage", "Show"))
        self.show_button.setToolTip(
            QCoreApplication.translate("IdentityPage", "Show the password to check what you typed")
        )
        self.strength = QLabel()
        self.strength.setObjectName("passwordStrength")
        self.strength.setWordWrap(True)
        create_row.addWidget(QLabel(QCoreApplication.translate("IdentityPage", "Password:")))
        create_row.addWidget(self.password, 1)
        create_row.addWidget(self.show_button)
        create_row.addWidget(self.strength, 1)
        self.panels.addWidget(create_panel)

        import_panel = QWidget()
        import_row = QHBoxLayout(import_panel)
        import_row.setContentsMargins(0, 0, 0, 0)
        self.p12_path = QLineEdit()
        self.p12_path.setPlaceholderText(
            QCoreApplication.translate("IdentityPage", "Path of the .p12 or .pfx file")
        )
        self.browse_button = QPushButton(QCoreApplication.translate("IdentityPage", "Browse…"))
        self.import_password = QLineEdit()
        self.import_password.setEchoMode(QLineEdit.EchoMode.Password)
        import_row.addWidget(QLabel(QCoreApplication.translate("IdentityPage", "File:")))
        import_row.addWidget(self.p12_path, 3)
        import_row.addWidget(self.browse_button)
        import_row.addWidget(
            QLabel(QCoreApplication.translate("IdentityPage", "Password of the file:"))
        )
        import_row.addWidget(self.import_password, 2)
        self.panels.addWidget(import_panel)

        self.note = QLabel(
            QCoreApplication.translate(
                "IdentityPage",
                "This password opens the office's signing key and is asked when someone acts "
                "as the head of region. Keep it safe: without it nobody can sign for the "
                "office, and Lintas cannot recover it.",
            )
        )
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.error = QLabel()
        self.error.setObjectName("identityError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()  # takes room only when there is something to say
        layout.addWidget(self.error)

        self.create_radio.toggled.connect(self._mode_changed)
        self.show_button.toggled.connect(self._show_toggled)
        for field in (self.password, self.p12_path, self.import_password):
            field.textChanged.connect(self._changed)
        self.browse_button.clicked.connect(self._browse)
        self._changed()

    def importing(self) -> bool:
        """True when the user chose to import a .p12 file."""
        return self.import_radio.isChecked()

    def secret(self) -> str:
        """The password that opens the identity (typed for a new one, or the file's)."""
        return self.import_password.text() if self.importing() else self.password.text()

    def is_complete(self) -> bool:
        """Create: a long enough password. Import: a file and a password."""
        if self.importing():
            return bool(self.p12_path.text().strip() and self.import_password.text())
        return len(self.password.text()) >= MIN_LENGTH

    def make(self, dest: Path, profile: OfficeProfile) -> OfficeIdentity | None:
        """Create or import the identity at ``dest``; None with the reason shown on failure."""
        from mou.signing.identity import (
            IdentityError,
            WrongPasswordError,
            create_identity,
            import_identity,
            load_identity,
        )

        self.show_error("")
        try:
            if self.importing():
                source = Path(self.p12_path.text().strip())
                if not source.is_file():
                    self.show_error(
                        QCoreApplication.translate(
                            "IdentityPage", "The file %1 does not exist."
                        ).replace("%1", source.name)
                    )
                    return None
                # Validate before touching an existing file, so a wrong password changes nothing.
                load_identity(source, self.import_password.text())
                _set_aside(dest)
                return import_identity(source, self.import_password.text(), dest)
            _set_aside(dest)
            return create_identity(
                dest,
                self.password.text(),
                common_name=profile.head_title,
                organization=profile.display_name,
                unit=profile.unit,
            )
        except WrongPasswordError:
            self.show_error(
                QCoreApplication.translate(
                    "IdentityPage",
                    "The password does not open this file. Check it and try again; "
                    "nothing has been changed.",
                )
            )
            self.import_password.selectAll()
            self.import_password.setFocus()
            return None
        except (IdentityError, OSError) as error:
            # The core's message is English detail; lead with a translated sentence.
            self.show_error(
                QCoreApplication.translate(
                    "IdentityPage", "This file cannot be used as the signing identity: %1"
                ).replace("%1", identity_error_text(error))
            )
            return None

    def show_error(self, text: str) -> None:
        """Say why the identity (or the office) could not be made; "" hides the line."""
        self.error.setText(text)
        self.error.setVisible(bool(text))
        self.error_changed.emit()

    def _mode_changed(self) -> None:
        self.panels.setCurrentIndex(1 if self.importing() else 0)
        self.show_error("")
        self._changed()

    def _show_toggled(self, shown: bool) -> None:
        self.password.setEchoMode(
            QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        )
        self.show_button.setText(
            QCoreApplication.translate("IdentityPage", "Hide")
            if shown
            else QCoreApplication.translate("IdentityPage", "Show")
        )

    def _changed(self) -> None:
        if not self.importing():
            self.strength.setText(strength_hint(self.password.text()))
        self.changed.emit()

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("IdentityPage", "Choose the signing identity file"),
            str(Path.home()),
            QCoreApplication.translate("IdentityPage", "PKCS#12 files (*.p12 *.pfx)"),
            options=QFileDialog.Option.DontUseNativeDialog,
        )
        if name:
            self.p12_path.setText(name)


def _set_aside(dest: Path) -> None:
    """Never overwrite a key: an identity file left by an earlier attempt is renamed, not lost."""
    if dest.exists():
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        dest.rename(dest.with_name(f"{dest.stem}-replaced-{stamp}{dest.suffix}"))
