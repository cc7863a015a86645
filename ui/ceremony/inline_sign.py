"""The ceremony panel's own signing row: the signer's password, Sign, and the handwritten option.

When it is this office's turn, the signer signs right in the panel: type the certificate's
password, press Sign (or Enter). The Sign dialog, with its handwritten-signature pad, stays one
click away ("Add a handwritten signature…"). Nothing here opens by itself or takes the focus:
the turn may arrive from another office, and no office pops a password prompt up at another.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.ceremony.sign_dialog import SignCallback, attempt_sign


class InlineSign(QWidget):
    """Password field, Sign button, "Add a handwritten signature…" and the refusal line.

    ``sign(password, png)`` is the panel's signing callback, the very one the Sign dialog calls
    (``None``: signed; else the message to show). ``sig_sign_clicked`` fires for Sign while a
    Sign dialog is open (the panel raises it instead); ``sig_handwritten`` asks for the dialog.
    """

    sig_handwritten = Signal()
    sig_sign_clicked = Signal()

    def __init__(self, sign: SignCallback, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sign = sign
        self._inline = True
        self._step: int | None = None  # the turn whose refusal the row shows
        self.password = QLineEdit(self)
        self.password.setObjectName("ceremonyPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Signing certificate password"))
        self.password.returnPressed.connect(self.sign_now)
        self.sign_button = QPushButton(self.tr("Sign"), self)
        self.sign_button.setObjectName("signButton")
        self.sign_button.setStyleSheet(
            "QPushButton#signButton:enabled { background: #1565c0; color: white; "
            "font-weight: bold; padding: 6px 18px; }"
        )
        self.sign_button.clicked.connect(self._clicked)
        self.handwritten_button = QPushButton(self.tr("Add a handwritten signature…"), self)
        self.handwritten_button.setObjectName("handwrittenButton")
        self.handwritten_button.setFlat(True)
        self.handwritten_button.setStyleSheet(
            "QPushButton#handwrittenButton { color: #1565c0; text-decoration: underline; "
            "padding: 2px 4px; }"
        )
        self.handwritten_button.clicked.connect(lambda: self.sig_handwritten.emit())
        self.error = QLabel(self)
        self.error.setObjectName("inlineSignError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("QLabel#inlineSignError { color: #c62828; }")
        self.error.hide()
        field_row = QHBoxLayout()
        field_row.addWidget(self.password, 1)
        field_row.addWidget(self.sign_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(field_row)
        layout.addWidget(self.error)
        layout.addWidget(self.handwritten_button, 0, Qt.AlignmentFlag.AlignLeft)

    def show_turn(self, step: int, signer: str | None, *, dialog_open: bool) -> None:
        """The ceremony at ``step``: ``signer`` signs now for this office (``None``: not ours).

        While a Sign dialog is open only Sign shows (it raises the dialog). A refusal shown
        for an earlier turn is dropped.
        """
        mine = signer is not None
        self.setVisible(mine)
        self.sign_button.setEnabled(mine)
        if self._step != step:
            self._step = step
            self.clear_error()
        if signer is not None:
            self.set_signer(signer)
        self.set_inline(mine and not dialog_open)

    def set_signer(self, signer: str) -> None:
        """Name the signer in the empty field ("Signing password of Muhammad Farhan")."""
        text = self.tr("Signing password of {signer}").format(signer=signer)
        self.password.setPlaceholderText(text)
        self.password.setToolTip(text)  # the whole name, should the field be narrow

    def set_inline(self, inline: bool) -> None:
        """Show the field and its extras (``False`` while a Sign dialog is open: Sign only)."""
        self._inline = inline
        for widget in (self.password, self.handwritten_button):
            widget.setVisible(inline)
        if not inline:
            self.password.clear()
            self.clear_error()

    def is_inline(self) -> bool:
        """True when the password field is offered (not hidden behind an open dialog)."""
        return self._inline

    def show_error(self, text: str) -> None:
        """Say under the field why nothing was signed."""
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def clear_error(self) -> None:
        """Forget the last refusal (a new turn, a dialog took over)."""
        self.error.clear()
        self.error.hide()

    def take_password(self) -> str:
        """The typed password, cleared from the field (handed on to the Sign dialog)."""
        text = self.password.text()
        self.password.clear()
        return text

    @Slot()
    def _clicked(self) -> None:
        if self._inline:
            self.sign_now()
        else:
            self.sig_sign_clicked.emit()

    @Slot()
    def sign_now(self) -> bool:
        """Sign with the typed password, as the Sign dialog does (no handwritten image).

        True when it signed; else the refusal is shown and nothing was signed.
        """
        if not self._inline or not self.sign_button.isEnabled():
            return False
        self.clear_error()
        return attempt_sign(self.password, self.sign_button, self._sign, None, self.show_error)
