"""The "Sign" dialog: the PKCS#12 password and the handwritten signature for one signature.

The signature is drawn on (or imported into) the signing area's :class:`SignaturePad`; it is
optional (the password and the Sign click are the deliberate act).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.plain_errors import plain_text
from ui.signing.signature_pad import SignaturePad

#: ``sign(password, png)`` returns ``None`` on success or a message to show (dialog stays open).
SignCallback = Callable[[str, bytes | None], str | None]


class SignDialog(QDialog):
    """Asks for the password and the signature image, then calls ``sign``; stays open on error."""

    def __init__(
        self,
        signer: str,
        revision_hash: str,
        sign: SignCallback,
        *,
        signature_png: bytes | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign the agreement"))
        self._sign = sign
        intro = QLabel(
            self.tr(
                "You sign as <b>{signer}</b> the revision whose hash starts with <tt>{short}</tt>. "
                "The password unlocks the signing certificate for this signature only."
            ).format(signer=signer, short=revision_hash[:16]),
            self,
        )
        intro.setWordWrap(True)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Certificate password"))
        # The signing area's pad: draw with mouse, pen or tablet, or import a PNG.
        self.pad = SignaturePad(self)
        self.pad.setMinimumSize(360, 130)
        self.clear_button = QPushButton(self.tr("Clear"), self)
        self.clear_button.clicked.connect(self.pad.clear)
        self.import_button = QPushButton(self.tr("Import PNG…"), self)
        self.import_button.clicked.connect(self._choose_png)
        pad_buttons = QVBoxLayout()
        pad_buttons.addStretch(1)
        pad_buttons.addWidget(self.clear_button)
        pad_buttons.addWidget(self.import_button)
        image_row = QHBoxLayout()
        image_row.addWidget(self.pad, 1)
        image_row.addLayout(pad_buttons)
        form = QFormLayout()
        form.addRow(self.tr("Certificate password:"), self.password)
        form.addRow(self.tr("Handwritten signature (optional):"), image_row)
        # Why optional: the digital signature (this certificate, unlocked by the password, on
        # this exact revision) is what binds; the drawn image only decorates the printed page.
        # Asking every signer to draw before the deliberate act (Sign + password) was a step
        # with no legal weight. Without one, the stamp shows the signer's name and title.
        pad_hint = QLabel(self.tr("Leave it empty to sign with your name and title only."), self)
        pad_hint.setWordWrap(True)
        form.addRow("", pad_hint)
        self.error = QLabel(self)
        self.error.setObjectName("signError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("QLabel#signError { color: #c62828; }")
        # Room for two lines kept from the start, so a message never squeezes the form.
        self.error.setMinimumHeight(2 * self.error.fontMetrics().lineSpacing() + 4)
        self.buttons = QDialogButtonBox(self)
        self.sign_button = self.buttons.addButton(
            self.tr("Sign"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._try_sign)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        if signature_png:
            self.set_signature_png(signature_png)
        self.resize(560, self.sizeHint().height())

    @property
    def signature_png(self) -> bytes | None:
        """The drawn or imported signature as a transparent PNG (None while the pad is empty)."""
        return self.pad.to_png()

    def set_signature_png(self, data: bytes) -> bool:
        """Show ``data`` on the pad as the signature; False (and a message) if it is no image."""
        if not self.pad.load_png(data):
            self.show_error(self.tr("The file is not a usable PNG image (at most 2 MB)."))
            return False
        self.error.clear()
        return True

    @Slot()
    def _choose_png(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Signature image"), "", self.tr("PNG images (*.png)")
        )
        if path:
            try:
                self.set_signature_png(Path(path).read_bytes())
            except OSError as exc:
                self.show_error(
                    self.tr("The file cannot be read: {error}").format(error=plain_text(exc))
                )

    def show_error(self, message: str) -> None:
        """Show ``message`` under the form."""
        self.error.setText(message)

    @Slot()
    def _try_sign(self) -> None:
        png = self.signature_png  # None: no image, the stamp carries name and title
        if attempt_sign(self.password, self.sign_button, self._sign, png, self.show_error):
            self.accept()


def attempt_sign(
    password: QLineEdit,
    button: QAbstractButton,
    sign: SignCallback,
    png: bytes | None,
    show_error: Callable[[str], None],
) -> bool:
    """The one way a typed password signs, in the dialog and in the ceremony panel alike.

    An empty field is refused before anything is tried. Otherwise ``sign`` runs with ``button``
    disabled (no second click while the certificate is unlocked); the field is cleared either
    way, since the password is not kept anywhere once used. On a refusal (a wrong password
    signs nothing) the message is shown and the field gets the focus for the next try.
    True when it signed.
    """
    if not password.text():
        show_error(
            QCoreApplication.translate(
                "SignDialog", "Enter the password of the signing certificate."
            )
        )
        return False
    button.setEnabled(False)
    try:
        problem = sign(password.text(), png)
    finally:
        button.setEnabled(True)
    password.clear()
    if problem:
        password.setFocus()
        show_error(problem)
        return False
    return True
