"""Settings: the office's local users, their roles and their passwords or PINs.

Add, remove, change a role, set a new password or PIN. Changes post ``UsersChanged`` so the
header's "Acting as" selector reloads. Only a signatory may change who can act for the office.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
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
)

from mou.office import (
    OfficeError,
    Role,
    add_local_user,
    change_user_role,
    local_users,
    remove_local_user,
    set_user_secret,
)
from ui.context import AppContext, CurrentUserChanged, UsersChanged
from ui.office_messages import office_error_text
from ui.roles import role_description, role_label

_ID = Qt.ItemDataRole.UserRole


def _role_combo() -> QComboBox:
    combo = QComboBox()
    for role in Role:
        combo.addItem(role_label(role), role.value)
        combo.setItemData(combo.count() - 1, role_description(role), Qt.ItemDataRole.ToolTipRole)
    return combo


def _secret_field(placeholder: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setPlaceholderText(placeholder)
    return field


class UsersSection(QGroupBox):
    """List users; add one with a role and PIN; re-role, re-PIN or remove the selected one."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Users"), parent)
        self.context = context
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.setMaximumHeight(130)
        layout.addWidget(self.list)

        selected = QFormLayout()
        self.selected_role = _role_combo()
        self.role_button = QPushButton(self.tr("Change role"))
        role_row = QHBoxLayout()
        role_row.addWidget(self.selected_role, 1)
        role_row.addWidget(self.role_button)
        selected.addRow(self.tr("Role of the selected user:"), role_row)
        self.new_secret = _secret_field(self.tr("New password or PIN"))
        self.secret_button = QPushButton(self.tr("Set password or PIN"))
        secret_row = QHBoxLayout()
        secret_row.addWidget(self.new_secret, 1)
        secret_row.addWidget(self.secret_button)
        selected.addRow(self.tr("Password or PIN:"), secret_row)
        self.remove_button = QPushButton(self.tr("Remove the selected user"))
        selected.addRow("", self.remove_button)
        layout.addLayout(selected)

        row = QHBoxLayout()
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Name of the new user"))
        self.role = _role_combo()
        self.secret = _secret_field(self.tr("Password or PIN"))
        self.add_button = QPushButton(self.tr("Add user"))
        row.addWidget(self.name, 2)
        row.addWidget(self.role)
        row.addWidget(self.secret, 1)
        row.addWidget(self.add_button)
        layout.addLayout(row)
        # The office's policy for its drafts: by default the head of region's approval releases
        # a draft for negotiation (mou.workflow.approve); offices that want a second pair of
        # eyes first turn this on, and a reviewer's release is required again.
        self.needs_review = QCheckBox(self.tr("Drafts need a reviewer's release"))
        self.needs_review.setToolTip(
            self.tr(
                "Off: the signatory's approval of a draft also releases it for negotiation. "
                "On: a reviewer releases every draft first."
            )
        )
        self.needs_review.setChecked(bool(context.settings.drafts_need_review))
        self.needs_review.toggled.connect(self._needs_review_changed)
        layout.addWidget(self.needs_review)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        self.add_button.clicked.connect(self.add_current)
        self.name.returnPressed.connect(self.add_current)
        self.list.currentRowChanged.connect(self._selection_changed)
        self.role_button.clicked.connect(self.change_role)
        self.secret_button.clicked.connect(self.set_secret)
        self.remove_button.clicked.connect(self.remove_selected)
        context.bridge.subscribe(CurrentUserChanged, lambda _e: self._update_enabled(), owner=self)
        self.reload()

    # -- reading ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Show the users stored now."""
        with self.context.database.session() as session:
            users = [(u.id, u.name, u.role, bool(u.secret_hash)) for u in local_users(session)]
        self.list.clear()
        for user_id, name, role, has_secret in users:
            text = self.tr("%1 — %2").replace("%1", name).replace("%2", role_label(role))
            if not has_secret:
                text += " " + self.tr("(no password or PIN)")
            item = QListWidgetItem(text)
            item.setData(_ID, (user_id, name, role))
            self.list.addItem(item)
        self._update_enabled()

    def selected_user(self) -> tuple[int, str, str] | None:
        """(id, name, role) of the highlighted user, or None."""
        item = self.list.currentItem()
        return None if item is None else item.data(_ID)

    def _may_manage(self) -> bool:
        # Who may act for the office is the head of region's decision, so a signatory's.
        user = self.context.current_user
        return user is not None and user.role == Role.SIGNATORY.value

    def _update_enabled(self) -> None:
        may = self._may_manage()
        chosen = self.selected_user() is not None
        for widget in (self.role_button, self.secret_button, self.remove_button):
            widget.setEnabled(may and chosen)
        for widget in (self.selected_role, self.new_secret):
            widget.setEnabled(may and chosen)
        for widget in (self.name, self.role, self.secret, self.add_button, self.needs_review):
            widget.setEnabled(may)
        self.setToolTip(
            "" if may else self.tr("Only a signatory can add, remove or change users.")
        )
        if not may:
            self.status.setText(self.tr("Only a signatory can add, remove or change users."))
        elif self.status.text() == self.tr("Only a signatory can add, remove or change users."):
            self.status.clear()

    def _selection_changed(self) -> None:
        chosen = self.selected_user()
        if chosen is not None:
            self.selected_role.setCurrentIndex(self.selected_role.findData(chosen[2]))
        self._update_enabled()

    # -- changing --------------------------------------------------------------------------

    def _needs_review_changed(self, on: bool) -> None:
        if not self._may_manage():  # the checkbox is disabled then; never trust that alone
            return
        self.context.settings.drafts_need_review = on
        self.context.settings.sync()

    def _changed(self, text: str) -> None:
        self.status.setText(text)
        self.reload()
        self.context.bridge.post(UsersChanged())

    def add_current(self) -> bool:
        """Add the typed name with the chosen role and password or PIN."""
        if not self._may_manage():
            return False
        name = self.name.text().strip()
        if not name:
            self.status.setText(self.tr("Type a name first."))
            return False
        with self.context.database.session() as session:
            if any(u.name.casefold() == name.casefold() for u in local_users(session)):
                self.status.setText(self.tr("%1 is already a user.").replace("%1", name))
                return False
            if not self.secret.text():
                self.status.setText(
                    self.tr("Give %1 a password or PIN, so nobody else can act as them.").replace(
                        "%1", name
                    )
                )
                return False
            try:
                add_local_user(session, name, Role(self.role.currentData()), self.secret.text())
            except OfficeError as error:
                self.status.setText(office_error_text(error))
                return False
        self.name.clear()
        self.secret.clear()
        self._changed(self.tr("%1 added.").replace("%1", name))
        return True

    def change_role(self) -> bool:
        """Give the selected user the role chosen next to it."""
        chosen = self.selected_user()
        if chosen is None or not self._may_manage():
            return False
        role = Role(self.selected_role.currentData())
        try:
            with self.context.database.session() as session:
                change_user_role(session, chosen[0], role)
        except OfficeError as error:
            self.status.setText(office_error_text(error))
            return False
        self._changed(
            self.tr("%1 is now %2.").replace("%1", chosen[1]).replace("%2", role_label(role))
        )
        return True

    def set_secret(self) -> bool:
        """Replace the selected user's password or PIN."""
        chosen = self.selected_user()
        if chosen is None or not self._may_manage():
            return False
        try:
            with self.context.database.session() as session:
                set_user_secret(session, chosen[0], self.new_secret.text())
        except OfficeError as error:
            self.status.setText(office_error_text(error))
            return False
        self.new_secret.clear()
        self._changed(self.tr("The password or PIN of %1 was changed.").replace("%1", chosen[1]))
        return True

    def remove_selected(self) -> bool:
        """Remove the selected user (never the one acting now)."""
        chosen = self.selected_user()
        if chosen is None or not self._may_manage():
            return False
        current = self.context.current_user
        if current is not None and current.id == chosen[0]:
            self.status.setText(
                self.tr("You cannot remove yourself. Act as another signatory to do it.")
            )
            return False
        try:
            with self.context.database.session() as session:
                remove_local_user(session, chosen[0])
        except OfficeError as error:
            self.status.setText(office_error_text(error))
            return False
        self._changed(self.tr("%1 was removed.").replace("%1", chosen[1]))
        return True
