"""Wizard page 4: the people who use Lintas here, each with a role."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
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

from mou.office import Role
from ui.roles import role_description, role_label

_ROLE_DATA = 0x0100  # Qt.UserRole


class UsersPage(QWizardPage):
    """A list of (name, role); at least one user is needed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Users and roles"))
        self.setSubTitle(
            self.tr(
                "Add the staff who use Lintas on this computer. Drafters write agreements, "
                "reviewers approve them, signatories sign, viewers only read."
            )
        )
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Name"))
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role_label(role), role.value)
            self.role.setItemData(self.role.count() - 1, role_description(role), 3)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setEnabled(False)
        row.addWidget(self.name, 1)
        row.addWidget(self.role)
        row.addWidget(self.add_button)
        layout.addLayout(row)
        self.list = QListWidget()
        layout.addWidget(self.list, 1)
        bottom = QHBoxLayout()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.remove_button = QPushButton(self.tr("Remove selected"))
        bottom.addWidget(self.hint, 1)
        bottom.addWidget(self.remove_button)
        layout.addLayout(bottom)
        self.name.textChanged.connect(self._name_changed)
        self.name.returnPressed.connect(self.add_current)
        self.add_button.clicked.connect(self.add_current)
        self.remove_button.clicked.connect(self.remove_selected)
        self._update_hint()

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        """Start with the head of region as signatory, which nearly every office needs."""
        if self.list.count() == 0:
            head = self.wizard().head_page.name.text().strip()  # type: ignore[attr-defined]
            if head:
                self.add_user(head, Role.SIGNATORY)

    def add_user(self, name: str, role: Role) -> bool:
        """Add a user; refuses empty and duplicate names (with a hint)."""
        clean = name.strip()
        if not clean:
            return False
        if any(n.casefold() == clean.casefold() for n, _ in self.users()):
            self.hint.setText(self.tr("%1 is already in the list.").replace("%1", clean))
            return False
        item = QListWidgetItem(
            self.tr("%1 — %2").replace("%1", clean).replace("%2", role_label(role))
        )
        item.setData(_ROLE_DATA, (clean, role.value))
        self.list.addItem(item)
        self._update_hint()
        self.completeChanged.emit()
        return True

    def add_current(self) -> None:
        """Add what is typed in the name field with the chosen role."""
        if self.add_user(self.name.text(), Role(self.role.currentData())):
            self.name.clear()

    def remove_selected(self) -> None:
        """Remove the highlighted user."""
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))
        self._update_hint()
        self.completeChanged.emit()

    def users(self) -> list[tuple[str, Role]]:
        """The users entered, in order."""
        result = []
        for row in range(self.list.count()):
            name, role = self.list.item(row).data(_ROLE_DATA)
            result.append((name, Role(role)))
        return result

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        """At least one user."""
        return self.list.count() > 0

    def _name_changed(self, text: str) -> None:
        self.add_button.setEnabled(bool(text.strip()))

    def _update_hint(self) -> None:
        if self.list.count() == 0:
            self.hint.setText(self.tr("Add at least one user to continue."))
        elif not any(role is Role.SIGNATORY for _, role in self.users()):
            self.hint.setText(
                self.tr("Tip: nobody can sign agreements until a signatory is added.")
            )
        else:
            self.hint.clear()
