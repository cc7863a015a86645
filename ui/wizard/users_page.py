"""Wizard page 2 (the last): the people who use Lintas here, and the office's signing identity.

Every office needs at least the head of region (signatory) and one drafter: without a drafter
nobody can write an agreement, without the head nobody can sign. Each person has a password or
PIN, checked when someone switches "Acting as" to them, so nobody acts as the mayor by a click.

The head of region's secret is the signing identity's password, not a PIN of its own: the head
is the one person who holds the signing key, and a separate PIN would be a second secret for
the same person that guards less than the password beside it. Only its scrypt hash is stored
(as for every PIN), which an attacker holding the data folder could test no faster than the
PKCS#12 file lying next to it. Settings can give the head a separate PIN later.

Pressing "Create and open Lintas" makes the identity file and the office in the database; a
wrong password or an unusable file is reported on the page and nothing is lost.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from mou.office import MIN_SECRET_LENGTH, Role
from ui.roles import role_description, role_label
from ui.wizard.identity_page import IdentitySection
from ui.wizard.password_strength import MIN_LENGTH

_USER_DATA = Qt.ItemDataRole.UserRole


def _secret_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setPlaceholderText(
        QCoreApplication.translate("UsersPage", "Password or PIN (at least %1 characters)").replace(
            "%1", str(MIN_SECRET_LENGTH)
        )
    )
    return field


class UsersPage(QWizardPage):
    """The head of region (with the signing identity), a drafter (both required), any others."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("People and passwords"))
        self.setSubTitle(
            self.tr(
                "Drafters write, reviewers approve, signatories sign. Each person gets a "
                "password or PIN, asked when someone switches to them."
            )
        )
        layout = QVBoxLayout(self)
        head_box = QGroupBox(self)
        head_layout = QVBoxLayout(head_box)
        self.head_label = QLabel()
        self.head_label.setObjectName("headLabel")
        self.head_label.setWordWrap(True)
        font = self.head_label.font()
        font.setBold(True)
        self.head_label.setFont(font)
        head_layout.addWidget(self.head_label)
        self.identity = IdentitySection(head_box)
        head_layout.addWidget(self.identity)
        layout.addWidget(head_box)
        needed = QFormLayout()
        self.drafter_name = QLineEdit()
        self.drafter_name.setPlaceholderText(self.tr("Name of the staff member who drafts"))
        self.drafter_pin = _secret_field()
        drafter_row = QHBoxLayout()
        drafter_row.addWidget(self.drafter_name, 3)
        drafter_row.addWidget(self.drafter_pin, 2)
        needed.addRow(self.tr("Drafter:"), drafter_row)
        layout.addLayout(needed)

        more = QGroupBox(self.tr("More users (optional)"))
        more_layout = QVBoxLayout(more)
        row = QHBoxLayout()
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Name"))
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role_label(role), role.value)
            self.role.setItemData(
                self.role.count() - 1, role_description(role), Qt.ItemDataRole.ToolTipRole
            )
        self.role.setCurrentIndex(self.role.findData(Role.REVIEWER.value))
        self.pin = _secret_field()
        self.pin.setPlaceholderText(self.tr("Password or PIN"))  # the short form fits the row
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setEnabled(False)
        row.addWidget(self.name, 2)
        row.addWidget(self.role)
        row.addWidget(self.pin, 2)
        row.addWidget(self.add_button)
        more_layout.addLayout(row)
        self.list = QListWidget()
        self.list.setMaximumHeight(72)  # a few extra people; the page must fit a small screen
        list_row = QHBoxLayout()
        list_row.addWidget(self.list, 1)
        self.remove_button = QPushButton(self.tr("Remove selected"))
        list_row.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignBottom)
        more_layout.addLayout(list_row)
        layout.addWidget(more)
        self.hint = QLabel()
        self.hint.setObjectName("usersHint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        layout.addStretch(1)

        self.identity.changed.connect(self._changed)
        for field in (self.drafter_name, self.drafter_pin):
            field.textChanged.connect(self._changed)
        self.name.textChanged.connect(self._changed)
        self.pin.textChanged.connect(self._changed)
        self.pin.returnPressed.connect(self.add_current)
        self.add_button.clicked.connect(self.add_current)
        self.remove_button.clicked.connect(self.remove_selected)
        self._changed()

    def head_name(self) -> str:
        """The head of region's name from the previous page."""
        wizard = self.wizard()
        return wizard.head_section.name.text().strip() if wizard else ""  # type: ignore[attr-defined]

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        """Show the head of region named on the previous page."""
        self.head_label.setText(
            self.tr("%1, head of region (signatory): the office's signing identity").replace(
                "%1", self.head_name()
            )
        )
        self._changed()

    def validatePage(self) -> bool:  # noqa: N802 (Qt override)
        """Make the identity and the office; on failure show why and stay on the page."""
        from mou.office import OfficeError

        wizard = self.wizard()
        identity = self.identity.make(
            wizard.identity_path,  # type: ignore[attr-defined]
            wizard.profile(),  # type: ignore[attr-defined]
        )
        if identity is None:
            return False
        try:
            wizard.create_office(identity)  # type: ignore[attr-defined]
        except OfficeError as error:
            from ui.office_messages import office_error_text

            self.identity.error.setText(office_error_text(error))
            return False
        return True

    def add_user(self, name: str, role: Role, secret: str) -> bool:
        """Add an extra user; refuses empty and duplicate names and short PINs (with a hint)."""
        clean = name.strip()
        if not clean:
            return False
        if len(secret) < MIN_SECRET_LENGTH:
            self.hint.setText(self._short_secret_text(clean))
            return False
        if any(n.casefold() == clean.casefold() for n, _, _ in self.users()):
            self.hint.setText(self.tr("%1 is already in the list.").replace("%1", clean))
            return False
        item = QListWidgetItem(
            self.tr("%1 — %2").replace("%1", clean).replace("%2", role_label(role))
        )
        item.setData(_USER_DATA, (clean, role.value, secret))
        self.list.addItem(item)
        self._changed()
        return True

    def add_current(self) -> None:
        """Add what is typed in the extra-user row."""
        if self.add_user(self.name.text(), Role(self.role.currentData()), self.pin.text()):
            self.name.clear()
            self.pin.clear()

    def remove_selected(self) -> None:
        """Remove the highlighted extra user."""
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))
        self._changed()

    def users(self) -> list[tuple[str, Role, str]]:
        """(name, role, password or PIN) of everyone entered: head, drafter, then the others."""
        result: list[tuple[str, Role, str]] = []
        if self.head_name():
            result.append((self.head_name(), Role.SIGNATORY, self.identity.secret()))
        if self.drafter_name.text().strip():
            result.append((self.drafter_name.text().strip(), Role.DRAFTER, self.drafter_pin.text()))
        for row in range(self.list.count()):
            name, role, secret = self.list.item(row).data(_USER_DATA)
            result.append((name, Role(role), secret))
        return result

    def problem(self) -> str:
        """Why the page cannot be left yet, or "" when it can."""
        if not self.identity.is_complete() and self.identity.importing():
            return self.tr("Choose the .p12 file and type its password.")
        if not self.identity.is_complete():
            return self.tr(
                "Give the signing identity a password of at least %1 characters."
            ).replace("%1", str(MIN_LENGTH))
        if len(self.identity.secret()) < MIN_SECRET_LENGTH:  # an imported file's own password
            return self._short_secret_text(self.head_name() or self.tr("the head of region"))
        drafter = self.drafter_name.text().strip()
        if not drafter:
            return self.tr(
                "Name one drafter: without a drafter nobody can write an agreement, and the "
                "head of region only signs."
            )
        if len(self.drafter_pin.text()) < MIN_SECRET_LENGTH:
            return self._short_secret_text(drafter)
        names = [n.casefold() for n, _, _ in self.users()]
        if len(set(names)) != len(names):
            return self.tr("Each person can be listed only once; use different names.")
        return ""

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        """The signing identity, a drafter with a PIN, and no name twice."""
        return not self.problem()

    def _short_secret_text(self, name: str) -> str:
        return (
            self.tr("Give %1 a password or PIN of at least %2 characters.")
            .replace("%1", name)
            .replace("%2", str(MIN_SECRET_LENGTH))
        )

    def _changed(self) -> None:
        self.add_button.setEnabled(bool(self.name.text().strip()))
        problem = self.problem()
        if not problem:
            # Say who acts once Lintas opens (least privilege: the wizard hands over to the
            # drafter) and when the head's password will be asked.
            opens_as = self.tr(
                "Lintas opens as %1, the drafter. The head's password is asked when the head "
                "approves, trusts an office or signs."
            ).replace("%1", self.drafter_name.text().strip())
            if not any(role is Role.REVIEWER for _, role, _ in self.users()):
                # Not required, but without one no draft can be released for negotiation.
                opens_as = (
                    self.tr(
                        "Tip: add a reviewer under “More users”. A reviewer releases drafts for "
                        "negotiation; you can also add one later in Settings."
                    )
                    + " "
                    + opens_as
                )
            problem = opens_as
        self.hint.setText(problem)
        self.completeChanged.emit()
