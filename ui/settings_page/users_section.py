"""Settings: the office's local users and their roles."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mou.office import OfficeError, Role, add_local_user, local_users
from ui.context import AppContext, UsersChanged
from ui.office_messages import office_error_text
from ui.roles import role_description, role_label


class UsersSection(QGroupBox):
    """List users; add one with a role (posts ``UsersChanged`` so the header's switcher reloads)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Users"), parent)
        self.context = context
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.setMaximumHeight(130)
        layout.addWidget(self.list)
        row = QHBoxLayout()
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Name of the new user"))
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role_label(role), role.value)
            self.role.setItemData(self.role.count() - 1, role_description(role), 3)
        self.add_button = QPushButton(self.tr("Add user"))
        row.addWidget(self.name, 1)
        row.addWidget(self.role)
        row.addWidget(self.add_button)
        layout.addLayout(row)
        self.status = QLabel()
        layout.addWidget(self.status)
        self.add_button.clicked.connect(self.add_current)
        self.name.returnPressed.connect(self.add_current)
        self.reload()

    def reload(self) -> None:
        """Show the users stored now."""
        with self.context.database.session() as session:
            users = local_users(session)
        self.list.clear()
        for user in users:
            self.list.addItem(
                self.tr("%1 — %2").replace("%1", user.name).replace("%2", role_label(user.role))
            )

    def add_current(self) -> bool:
        """Add the typed name with the chosen role."""
        name = self.name.text().strip()
        if not name:
            self.status.setText(self.tr("Type a name first."))
            return False
        with self.context.database.session() as session:
            if any(u.name.casefold() == name.casefold() for u in local_users(session)):
                self.status.setText(self.tr("%1 is already a user.").replace("%1", name))
                return False
            try:
                add_local_user(session, name, Role(self.role.currentData()))
            except OfficeError as error:
                self.status.setText(office_error_text(error))
                return False
        self.name.clear()
        self.status.setText(self.tr("%1 added.").replace("%1", name))
        self.reload()
        self.context.bridge.post(UsersChanged())
        return True
