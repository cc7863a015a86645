"""The people part of the one-page wizard: the office's signing identity (the head of region's
password), the drafter, and any other users behind "More users".

Every office needs at least the head of region (signatory) and one drafter: without a drafter
nobody can write an agreement, without the head nobody can sign. Each person has a password or
PIN, checked when someone switches "Acting as" to them, so nobody acts as the mayor by a click.

The head of region's secret is the signing identity's password, not a PIN of its own: the head
is the one person who holds the signing key, and a separate PIN would be a second secret for
the same person that guards less than the password beside it. Only its scrypt hash is stored
(as for every PIN), which an attacker holding the data folder could test no faster than the
PKCS#12 file lying next to it. Settings can give the head a separate PIN later.

Texts keep the translation context "UsersPage" of the page this section once was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mou.office import MIN_SECRET_LENGTH, Role
from ui.roles import role_description, role_label
from ui.wizard.identity_page import IdentitySection
from ui.wizard.password_strength import MIN_LENGTH

if TYPE_CHECKING:
    from ui.wizard.office_page import OfficeForm

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


class PeopleSection(QWidget):
    """The head of region (with the signing identity), a drafter (both required), any others.

    ``hint`` says what is still missing on the whole page (the office's fields first), or, once
    nothing is, who Lintas opens as; ``changed`` on every edit that can change :meth:`problem`,
    ``resized`` when "More users" folds out or in.
    """

    changed = Signal()
    resized = Signal()

    def __init__(self, office: OfficeForm, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.office = office
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.head_box = QGroupBox(self)
        self.head_box.setObjectName("headIdentity")
        head_layout = QVBoxLayout(self.head_box)
        self.identity = IdentitySection(self.head_box)
        head_layout.addWidget(self.identity)
        layout.addWidget(self.head_box)

        needed = QHBoxLayout()
        self.drafter_name = QLineEdit()
        self.drafter_name.setPlaceholderText(
            QCoreApplication.translate("UsersPage", "Name of the staff member who drafts")
        )
        self.drafter_pin = _secret_field()
        needed.addWidget(QLabel(QCoreApplication.translate("UsersPage", "Drafter:")))
        needed.addWidget(self.drafter_name, 3)
        needed.addWidget(self.drafter_pin, 2)
        layout.addLayout(needed)

        # Optional, so folded away: the usual office starts with the head and one drafter.
        self.more_button = QToolButton()
        self.more_button.setObjectName("moreUsers")
        self.more_button.setCheckable(True)
        self.more_button.setAutoRaise(True)
        self.more_button.setArrowType(Qt.ArrowType.RightArrow)
        self.more_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        layout.addWidget(self.more_button)
        self.more = QGroupBox(self)
        self.more.setObjectName("moreUsersBox")
        more_layout = QVBoxLayout(self.more)
        row = QHBoxLayout()
        self.name = QLineEdit()
        self.name.setPlaceholderText(QCoreApplication.translate("UsersPage", "Name"))
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role_label(role), role.value)
            self.role.setItemData(
                self.role.count() - 1, role_description(role), Qt.ItemDataRole.ToolTipRole
            )
        self.role.setCurrentIndex(self.role.findData(Role.REVIEWER.value))
        self.pin = _secret_field()
        # The short form fits the row.
        self.pin.setPlaceholderText(QCoreApplication.translate("UsersPage", "Password or PIN"))
        self.add_button = QPushButton(QCoreApplication.translate("UsersPage", "Add"))
        self.add_button.setEnabled(False)
        row.addWidget(self.name, 2)
        row.addWidget(self.role)
        row.addWidget(self.pin, 2)
        row.addWidget(self.add_button)
        more_layout.addLayout(row)
        self.list = QListWidget()
        self.list.setMaximumHeight(64)  # a few extra people; the page must fit a small screen
        list_row = QHBoxLayout()
        list_row.addWidget(self.list, 1)
        self.remove_button = QPushButton(QCoreApplication.translate("UsersPage", "Remove selected"))
        list_row.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignBottom)
        more_layout.addLayout(list_row)
        self.more.hide()
        layout.addWidget(self.more)

        self.hint = QLabel()
        self.hint.setObjectName("usersHint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)

        self.office.changed.connect(self._changed)
        self.identity.changed.connect(self._changed)
        for field in (self.drafter_name, self.drafter_pin, self.name, self.pin):
            field.textChanged.connect(self._changed)
        # Enter in the extra-user row adds that user; it must not also press the dialog's
        # default button ("Create and open Lintas") as a line edit lets it do.
        self.pin.installEventFilter(self)
        self.name.installEventFilter(self)
        self.add_button.clicked.connect(self.add_current)
        self.remove_button.clicked.connect(self.remove_selected)
        self.more_button.toggled.connect(self._more_toggled)
        self._changed()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Enter in the extra-user row adds the user, and goes no further."""
        if (
            watched in (self.name, self.pin)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.add_current()
            return True
        return super().eventFilter(watched, event)

    def head_name(self) -> str:
        """The head of region's name as typed in the office form."""
        return self.office.head.name.text().strip()

    def add_user(self, name: str, role: Role, secret: str) -> bool:
        """Add an extra user; refuses empty and duplicate names and short PINs (with a hint)."""
        clean = name.strip()
        if not clean:
            return False
        if len(secret) < MIN_SECRET_LENGTH:
            self.hint.setText(self._short_secret_text(clean))
            return False
        if any(n.casefold() == clean.casefold() for n, _, _ in self.users()):
            self.hint.setText(
                QCoreApplication.translate("UsersPage", "%1 is already in the list.").replace(
                    "%1", clean
                )
            )
            return False
        text = QCoreApplication.translate("UsersPage", "%1 — %2")
        item = QListWidgetItem(text.replace("%1", clean).replace("%2", role_label(role)))
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
        """Why the wizard cannot finish yet (the office's fields first), or "" when it can."""
        office = self.office.problem()
        if office:
            return office
        if not self.identity.is_complete() and self.identity.importing():
            return QCoreApplication.translate(
                "UsersPage", "Choose the .p12 file and type its password."
            )
        if not self.identity.is_complete():
            return QCoreApplication.translate(
                "UsersPage", "Give the signing identity a password of at least %1 characters."
            ).replace("%1", str(MIN_LENGTH))
        if len(self.identity.secret()) < MIN_SECRET_LENGTH:  # an imported file's own password
            return self._short_secret_text(self.head_name())
        drafter = self.drafter_name.text().strip()
        if not drafter:
            return QCoreApplication.translate(
                "UsersPage",
                "Name one drafter: without a drafter nobody can write an agreement, and the "
                "head of region only signs.",
            )
        if len(self.drafter_pin.text()) < MIN_SECRET_LENGTH:
            return self._short_secret_text(drafter)
        names = [n.casefold() for n, _, _ in self.users()]
        if len(set(names)) != len(names):
            return QCoreApplication.translate(
                "UsersPage", "Each person can be listed only once; use different names."
            )
        return ""

    def _short_secret_text(self, name: str) -> str:
        return (
            QCoreApplication.translate(
                "UsersPage", "Give %1 a password or PIN of at least %2 characters."
            )
            .replace("%1", name)
            .replace("%2", str(MIN_SECRET_LENGTH))
        )

    def _more_toggled(self, shown: bool) -> None:
        self.more.setVisible(shown)
        self.more_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        if shown:
            self.name.setFocus()
        self.resized.emit()

    def _changed(self) -> None:
        self.add_button.setEnabled(bool(self.name.text().strip()))
        head = self.head_name()
        self.head_box.setTitle(
            QCoreApplication.translate(
                "UsersPage", "%1, head of region (signatory): the office's signing identity"
            ).replace("%1", head)
            if head
            else QCoreApplication.translate(
                "UsersPage", "Head of region (signatory): the office's signing identity"
            )
        )
        extra = self.list.count()
        self.more_button.setText(
            QCoreApplication.translate("UsersPage", "More users: %1").replace("%1", str(extra))
            if extra
            else QCoreApplication.translate("UsersPage", "More users (optional)")
        )
        problem = self.problem()
        if not problem:
            # Say who acts once Lintas opens (least privilege: the wizard hands over to the
            # drafter) and when the head's password will be asked.
            problem = QCoreApplication.translate(
                "UsersPage",
                "Lintas opens as %1, the drafter. The head's password is asked when the head "
                "approves, trusts an office or signs.",
            ).replace("%1", self.drafter_name.text().strip())
            if not any(role is Role.REVIEWER for _, role, _ in self.users()):
                # By default the head's approval releases a draft (mou.workflow.approve); a
                # reviewer is for offices that want drafts checked first.
                tip = QCoreApplication.translate(
                    "UsersPage",
                    "A reviewer is optional: the head's approval releases a draft for "
                    "negotiation (Settings can require a reviewer's release first).",
                )
                problem = f"{tip} {problem}"
        self.hint.setText(problem)
        self.changed.emit()
