"""The header's "acting as" selector over the office's local users and their roles.

A user with a password or PIN is acted as only after it was typed (``ui.pin_dialog``); until
then the selector stays on the previous user.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from mou import office as office_api
from mou.models import LocalUser
from ui.context import AppContext, CurrentUserChanged, UsersChanged
from ui.roles import role_description, role_label


class UserSwitcher(QWidget):
    """A labelled combo box; picking a user calls ``context.set_current_user``."""

    user_changed = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._users: list[LocalUser] = []
        self.pin_dialog: QWidget | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self.tr("Acting as:"))
        self.combo = QComboBox()
        self.combo.setObjectName("userSwitcher")
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.label.setBuddy(self.combo)
        layout.addWidget(self.label)
        layout.addWidget(self.combo)
        self.reload()
        self.combo.currentIndexChanged.connect(self._picked)
        context.bridge.subscribe(UsersChanged, lambda _event: self.reload(), owner=self)
        # The acting user also changes outside this combo (the head's password beside Approve).
        context.bridge.subscribe(
            CurrentUserChanged, lambda _event: self._select_current(), owner=self
        )

    def reload(self) -> None:
        """Re-read the local users (after Settings added one)."""
        with self._context.database.session() as session:
            self._users = office_api.local_users(session)
        current = self._context.current_user
        self.combo.blockSignals(True)
        self.combo.clear()
        for user in self._users:
            self.combo.addItem(
                self.tr("%1 — %2").replace("%1", user.name).replace("%2", role_label(user.role))
            )
            self.combo.setItemData(self.combo.count() - 1, role_description(user.role), 3)
        index = next(
            (i for i, u in enumerate(self._users) if current is not None and u.id == current.id),
            0,
        )
        self.combo.setCurrentIndex(index if self._users else -1)
        self.combo.blockSignals(False)

    def users(self) -> list[LocalUser]:
        """The users offered, in combo order."""
        return list(self._users)

    def _picked(self, index: int) -> None:
        if not 0 <= index < len(self._users):
            return
        user = self._users[index]
        current = self._context.current_user
        if user.secret_hash and (current is None or current.id != user.id):
            self._select_current()  # stay on the previous user until the PIN is right
            from ui.pin_dialog import PinDialog

            self.pin_dialog = PinDialog(self._context, user.id, user.name, self)
            self.pin_dialog.sig_confirmed.connect(lambda _id, u=user: self._switch_to(u))
            self.pin_dialog.open()
            return
        self._switch_to(user)

    def _switch_to(self, user: LocalUser) -> None:
        self._context.set_current_user(user)
        self._select_current()
        self.user_changed.emit(user)

    def _select_current(self) -> None:
        current = self._context.current_user
        index = next(
            (i for i, u in enumerate(self._users) if current is not None and u.id == current.id),
            -1,
        )
        self.combo.blockSignals(True)
        self.combo.setCurrentIndex(index)
        self.combo.blockSignals(False)
