"""Asks for a local user's password or PIN before Lintas acts as that user.

:class:`PinDialog` guards "Acting as"; :class:`SignInDialog` guards the start of the app, which
would otherwise resume the last user (the mayor, say) for whoever opens Lintas next.
"""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from mou import office as office_api
from mou.models import LocalUser
from mou.office import OfficeError
from ui.context import AppContext
from ui.office_messages import office_error_text

#: After each wrong try the OK button rests this much longer (seconds, capped), so guessing a
#: four-digit PIN at the keyboard takes hours, while a typo costs a moment.
PAUSE_STEP_S = 1
PAUSE_MAX_S = 30

#: Wrong tries per (data folder, user) in this process and when that user's secret may be tried
#: again. Kept outside the dialog: Cancel and "Acting as" (or Approve) again opened a fresh
#: dialog whose count started at zero, so the pause never grew.
_THROTTLE: dict[tuple[str, int], tuple[int, float]] = {}


def secret_pause(context: AppContext, user_id: int) -> float:
    """Seconds left before ``user_id``'s password or PIN may be tried again (0 when it may)."""
    _failures, until = _THROTTLE.get((str(context.data_dir), int(user_id)), (0, 0.0))
    return max(0.0, until - time.monotonic())


def check_secret(context: AppContext, user_id: int, secret: str) -> int | None:
    """Check a password or PIN typed outside a :class:`PinDialog` (e.g. in the call's trust bar).

    ``None`` when it is right; else the pause in seconds before the next try, counted in the
    same per-user throttle as the dialog, so asking in two places does not double the guesses.
    The caller checks :func:`secret_pause` first. Raises ``OfficeError`` for an unknown user.
    """
    key = (str(context.data_dir), int(user_id))
    with context.database.session() as session:
        right = office_api.check_user_secret(session, user_id, secret)
    if right:
        _THROTTLE.pop(key, None)
        return None
    failures = _THROTTLE.get(key, (0, 0.0))[0] + 1
    pause = min(PAUSE_MAX_S, PAUSE_STEP_S * failures)
    _THROTTLE[key] = (failures, time.monotonic() + pause)
    return pause


class PinDialog(QDialog):
    """Emits ``sig_confirmed(user_id)`` once the right password or PIN was typed.

    Its texts name their context ("PinDialog") so a subclass shows them translated too.
    """

    sig_confirmed = Signal(int)

    def __init__(
        self, context: AppContext, user_id: int, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.user_id = user_id
        self.failures = 0
        self.setWindowTitle(
            QCoreApplication.translate("PinDialog", "Act as %1").replace("%1", name)
        )
        layout = QVBoxLayout(self)
        self.prompt = QLabel(
            QCoreApplication.translate("PinDialog", "Type the password or PIN of %1:").replace(
                "%1", name
            )
        )
        self.prompt.setWordWrap(True)
        layout.addWidget(self.prompt)
        self.secret = QLineEdit()
        self.secret.setObjectName("pinField")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        layout.addWidget(self.secret)
        self.error = QLabel()
        self.error.setObjectName("pinError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(QCoreApplication.translate("PinDialog", "Switch"))
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(QCoreApplication.translate("PinDialog", "Cancel"))
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.rest_if_needed()

    def _throttle_key(self) -> tuple[str, int]:
        return (str(self.context.data_dir), int(self.user_id))

    def rest_if_needed(self) -> None:
        """Keep OK disabled while this user's pause after a wrong try is still running."""
        failures, until = _THROTTLE.get(self._throttle_key(), (0, 0.0))
        self.failures = failures
        remaining = until - time.monotonic()
        if remaining <= 0:
            return
        self.error.setText(
            QCoreApplication.translate(
                "PinDialog", "That is not the right password or PIN. Try again in %1 s."
            ).replace("%1", str(math.ceil(remaining)))
        )
        self.ok_button.setEnabled(False)
        QTimer.singleShot(math.ceil(remaining * 1000), lambda: self.ok_button.setEnabled(True))

    def check(self) -> bool:
        """Compare the typed secret with the stored hash; accept on a match."""
        _failures, until = _THROTTLE.get(self._throttle_key(), (0, 0.0))
        # A little grace: Qt's coarse timers re-enable OK up to 5 % early.
        if not self.ok_button.isEnabled() or time.monotonic() + 0.2 < until:
            return False
        try:
            pause = check_secret(self.context, self.user_id, self.secret.text())
        except OfficeError as error:
            self.error.setText(office_error_text(error))
            return False
        if pause is None:
            self.sig_confirmed.emit(self.user_id)
            self.accept()
            return True
        self.failures = _THROTTLE.get(self._throttle_key(), (0, 0.0))[0]
        self.error.setText(
            QCoreApplication.translate(
                "PinDialog", "That is not the right password or PIN. Try again in %1 s."
            ).replace("%1", str(pause))
        )
        self.secret.clear()
        self.ok_button.setEnabled(False)
        QTimer.singleShot(pause * 1000, lambda: self.ok_button.setEnabled(True))
        return False


class SignInDialog(PinDialog):
    """At start: who uses Lintas now (the last user preselected) and that person's PIN.

    Someone else than the last user picks their own name instead of needing the last user's
    PIN. "Open" checks the PIN like "Acting as" does (same pause after each wrong try) and then
    acts as the chosen user; "Quit" leaves the app.
    """

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        with context.database.session() as session:
            self.users: list[LocalUser] = office_api.local_users(session)
        current = context.current_user
        first = next((u for u in self.users if current is not None and u.id == current.id), None)
        first = first or self.users[0]
        super().__init__(context, first.id, first.name, parent)
        self.setWindowTitle(self.tr("Open Lintas"))
        self.who = QComboBox()
        self.who.setObjectName("signInUser")
        from ui.roles import role_label

        for user in self.users:
            self.who.addItem(
                self.tr("%1 — %2").replace("%1", user.name).replace("%2", role_label(user.role))
            )
        self.who.setCurrentIndex(self.users.index(first))
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        heading = QLabel(self.tr("Who is using Lintas now?"))
        layout.insertWidget(0, heading)
        layout.insertWidget(1, self.who)
        self.ok_button.setText(self.tr("Open"))
        self.cancel_button.setText(self.tr("Quit"))
        self.setMinimumWidth(420)
        self.who.currentIndexChanged.connect(self._chosen)
        self.sig_confirmed.connect(self._act_as)
        self._chosen(self.who.currentIndex())

    def chosen(self) -> LocalUser:
        """The user picked in the list."""
        return self.users[self.who.currentIndex()]

    def _chosen(self, index: int) -> None:
        user = self.users[index]
        self.user_id = user.id
        self.secret.clear()
        self.error.clear()
        self.ok_button.setEnabled(True)
        self.rest_if_needed()  # this user's own pause, not the previously chosen one's
        needs = bool(user.secret_hash)
        self.secret.setVisible(needs)
        self.prompt.setText(
            self.tr("Type the password or PIN of %1:").replace("%1", user.name)
            if needs
            else self.tr("%1 has no password or PIN.").replace("%1", user.name)
        )
        if needs:
            self.secret.setFocus()

    def _act_as(self, _user_id: int) -> None:
        self.context.set_current_user(self.chosen())


def needs_sign_in(context: AppContext) -> bool:
    """True when the user Lintas would resume has a password or PIN (ask before acting)."""
    user = context.current_user
    return user is not None and bool(user.secret_hash)
