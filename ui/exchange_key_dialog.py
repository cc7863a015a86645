"""Asks for the exchange key's own password, once per run, when a package or card is signed.

The exchange key signs packages and office cards; an office may protect it with a password of
its own (Settings → Exchange key). That password is not the mayor's signing password, and the
dialog says so, because staff who exchange drafts never hold the signing one.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from mou.exchange.key import ExchangeKey, ExchangeKeyError


class ExchangeKeyPasswordDialog(QDialog):
    """Password prompt that unlocks the office exchange key; wrong passwords are said plainly."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.key: ExchangeKey | None = None
        self.setWindowTitle(self.tr("Unlock the exchange key"))
        self.setMinimumWidth(460)
        intro = QLabel(
            self.tr(
                "Packages and office cards are signed with this office's exchange key, which is "
                "protected by a password. Enter it once; Lintas keeps the key unlocked until it "
                "is closed. This is not the mayor's signing password."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Exchange key password"))
        self.error = QLabel(self)
        self.error.setObjectName("exchangeKeyError")
        self.error.setStyleSheet("QLabel#exchangeKeyError { color: #c62828; }")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(self)
        self.unlock_button = buttons.addButton(
            self.tr("Unlock"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Cancel"))
        self.unlock_button.clicked.connect(self.try_unlock)
        self.cancel_button.clicked.connect(self.reject)
        self.password.returnPressed.connect(self.try_unlock)
        layout = QVBoxLayout(self)
        for widget in (intro, self.password, self.error, buttons):
            layout.addWidget(widget)

    def try_unlock(self) -> bool:
        """Open the key with the typed password; on a wrong one say so and stay open."""
        from ui.exchange_keys import unlock_exchange_key

        try:
            self.key = unlock_exchange_key(self.data_dir, self.password.text())
        except ExchangeKeyError:
            self.error.setText(
                self.tr(
                    "That password does not open the exchange key. Check it and try again, or "
                    "ask the colleague who set it in Settings."
                )
            )
            self.error.show()
            self.password.selectAll()
            self.password.setFocus()
            return False
        self.password.clear()
        self.accept()
        return True


def ask_exchange_key_password(data_dir: Path) -> ExchangeKey | None:
    """Ask for the password (modal); the unlocked key, or ``None`` when the user cancels."""
    # Unparented on purpose: this is asked from deep inside signing code, where the "active
    # window" may be one already scheduled for deletion; deleting the parent inside exec() would
    # take the dialog with it and read as a cancel. exec() is application-modal either way.
    dialog = ExchangeKeyPasswordDialog(data_dir, None)
    dialog.exec()
    return dialog.key
