"""Settings: the optional password of the office exchange key (packages and office cards).

The exchange key is a separate key from the mayor's signing certificate, so legal staff can
exchange drafts without the signing password. Without its own password, anyone who can read the
data folder can sign packages as this office; with one, Lintas asks for it once per run. Setting
or removing the password keeps the same key, so counterparts keep trusting it.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from mou.exchange.key import ExchangeKeyError
from ui.context import AppContext

MIN_LENGTH = 8  # a password that guards who may sign packages as this office


def _password_field(placeholder: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setPlaceholderText(placeholder)
    return field


class ExchangeKeySection(QGroupBox):
    """Protect the exchange key with a password, change it, or remove it."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Exchange key"), parent)
        self.context = context
        self.form = form = QFormLayout(self)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.current = _password_field(self.tr("Current password"))
        self.new = _password_field(self.tr("New password"))
        self.repeat = _password_field(self.tr("Repeat the new password"))
        buttons = QHBoxLayout()
        self.set_button = QPushButton(self.tr("Set password"))
        self.remove_button = QPushButton(self.tr("Remove password"))
        buttons.addWidget(self.set_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self.message = QLabel()
        self.message.setObjectName("exchangeKeyMessage")
        self.message.setWordWrap(True)
        form.addRow(self.tr("Protection:"), self.state)
        form.addRow(self.tr("Current password:"), self.current)
        form.addRow(self.tr("New password:"), self.new)
        form.addRow(self.tr("Repeat:"), self.repeat)
        form.addRow("", buttons)
        form.addRow("", self.message)
        self.set_button.clicked.connect(self.set_password)
        self.remove_button.clicked.connect(self.remove_password)
        self._say("", ok=None)
        self._show_state()

    @property
    def protected(self) -> bool:
        """True while the exchange key file is encrypted with a password."""
        from ui.exchange_keys import exchange_key_protected

        return exchange_key_protected(self.context.data_dir)

    def _show_state(self) -> None:
        protected = self.protected
        self.state.setText(
            self.tr(
                "Protected by a password. Lintas asks for it once each time it starts, before "
                "the first package or office card is signed."
            )
            if protected
            else self.tr(
                "No password. Anyone who can read this computer's data folder can sign packages "
                "as this office. The exchange key is not the mayor's signing certificate."
            )
        )
        self.form.setRowVisible(self.current, protected)
        self.remove_button.setEnabled(protected)

    def _say(self, text: str, *, ok: bool | None) -> None:
        color = {True: "#2e7d32", False: "#c62828"}.get(ok)
        self.message.setStyleSheet(
            f"QLabel#exchangeKeyMessage {{ color: {color}; }}" if color else ""
        )
        self.message.setText(text)
        self.form.setRowVisible(self.message, bool(text))

    def set_password(self) -> bool:
        """Protect (or re-protect) the key with the new password; say what happened."""
        new, repeat = self.new.text(), self.repeat.text()
        if len(new) < MIN_LENGTH:
            self._say(
                self.tr("Use at least {count} characters.").format(count=MIN_LENGTH), ok=False
            )
            return False
        if new != repeat:
            self._say(self.tr("The two new passwords differ. Type them again."), ok=False)
            return False
        return self._change(new)

    def remove_password(self) -> bool:
        """Store the key without a password again (after the current one is given)."""
        return self._change("")

    def _change(self, new: str) -> bool:
        from ui.exchange_keys import set_exchange_key_password

        try:
            set_exchange_key_password(self.context.data_dir, self.current.text(), new)
        except ExchangeKeyError:
            self._say(
                self.tr("The current password is wrong. Nothing was changed."), ok=False
            )
            return False
        except OSError:
            self._say(
                self.tr("The exchange key could not be saved. Nothing was changed."), ok=False
            )
            return False
        for field in (self.current, self.new, self.repeat):
            field.clear()
        self._show_state()
        self._say(
            self.tr("The exchange key is now protected by a password.")
            if new
            else self.tr("The exchange key no longer has a password."),
            ok=True,
        )
        return True
