"""The "Sign" dialog: the PKCS#12 password and the handwritten signature image for one signature."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
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

#: ``sign(password, png)`` returns ``None`` on success or a message to show (dialog stays open).
SignCallback = Callable[[str, bytes | None], str | None]

MAX_PNG_BYTES = 2 * 1024 * 1024


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
        self.signature_png: bytes | None = None
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
        self.preview = QLabel(self.tr("No signature image"), self)
        self.preview.setObjectName("signaturePreview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setFixedSize(300, 110)
        self.preview.setStyleSheet(
            "QLabel#signaturePreview { background: white; border: 1px dashed #90a4ae; }"
        )
        self.import_button = QPushButton(self.tr("Import PNG…"), self)
        self.import_button.clicked.connect(self._choose_png)
        image_row = QHBoxLayout()
        image_row.addWidget(self.preview)
        image_row.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignBottom)
        image_row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Certificate password:"), self.password)
        form.addRow(self.tr("Handwritten signature:"), image_row)
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

    def set_signature_png(self, data: bytes) -> bool:
        """Use ``data`` as the handwritten signature; False (and a message) if it is no image."""
        image = QImage.fromData(data)
        if image.isNull() or len(data) > MAX_PNG_BYTES:
            self.show_error(self.tr("The file is not a usable PNG image (at most 2 MB)."))
            return False
        self.signature_png = data
        self.preview.setPixmap(
            QPixmap.fromImage(image).scaled(
                self.preview.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
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
                self.show_error(self.tr("The file cannot be read: {error}").format(error=exc))

    def show_error(self, message: str) -> None:
        """Show ``message`` under the form."""
        self.error.setText(message)

    @Slot()
    def _try_sign(self) -> None:
        if not self.password.text():
            self.show_error(self.tr("Enter the password of the signing certificate."))
            return
        if self.signature_png is None:
            self.show_error(self.tr("Import the handwritten signature image first."))
            return
        self.sign_button.setEnabled(False)
        try:
            problem = self._sign(self.password.text(), self.signature_png)
        finally:
            self.sign_button.setEnabled(True)
        if problem:
            self.password.clear()
            self.password.setFocus()
            self.show_error(problem)
            return
        self.password.clear()  # the password is not kept anywhere once used
        self.accept()
