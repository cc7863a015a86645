"""Asks for a local user's password or PIN before Lintas acts as that user."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from mou import office as office_api
from mou.office import OfficeError
from ui.context import AppContext
from ui.office_messages import office_error_text

#: After each wrong try the OK button rests this much longer (seconds, capped), so guessing a
#: four-digit PIN at the keyboard takes hours, while a typo costs a moment.
PAUSE_STEP_S = 1
PAUSE_MAX_S = 30


class PinDialog(QDialog):
    """Emits ``sig_confirmed(user_id)`` once the right password or PIN was typed."""

    sig_confirmed = Signal(int)

    def __init__(
        self, context: AppContext, user_id: int, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.user_id = user_id
        self.failures = 0
        self.setWindowTitle(self.tr("Act as %1").replace("%1", name))
        layout = QVBoxLayout(self)
        prompt = QLabel(self.tr("Type the password or PIN of %1:").replace("%1", name))
        prompt.setWordWrap(True)
        layout.addWidget(prompt)
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
        self.ok_button.setText(self.tr("Switch"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setWindowModality(Qt.WindowModality.WindowModal)

    def check(self) -> bool:
        """Compare the typed secret with the stored hash; accept on a match."""
        if not self.ok_button.isEnabled():
            return False
        try:
            with self.context.database.session() as session:
                right = office_api.check_user_secret(session, self.user_id, self.secret.text())
        except OfficeError as error:
            self.error.setText(office_error_text(error))
            return False
        if right:
            self.sig_confirmed.emit(self.user_id)
            self.accept()
            return True
        self.failures += 1
        pause = min(PAUSE_MAX_S, PAUSE_STEP_S * self.failures)
        self.error.setText(
            self.tr("That is not the right password or PIN. Try again in %1 s.").replace(
                "%1", str(pause)
            )
        )
        self.secret.clear()
        self.ok_button.setEnabled(False)
        QTimer.singleShot(pause * 1000, lambda: self.ok_button.setEnabled(True))
        return False
