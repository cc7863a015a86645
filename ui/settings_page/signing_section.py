"""Settings: the office's time-stamp server (TSA) and its certificate authority."""

from __future__ import annotations

from pathlib import Path

from cryptography import x509
from cryptography.x509.oid import NameOID
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from mou.signing.timestamps import valid_tsa_url
from ui.context import AppContext
from ui.datestyle import short_date


def tsa_ca_certificate(context: AppContext) -> x509.Certificate | None:
    """The TSA's CA from Settings (None when unset or unreadable)."""
    pem = context.settings.tsa_ca_pem
    if not pem:
        return None
    try:
        return x509.load_pem_x509_certificate(pem.encode("ascii"))
    except ValueError:
        return None


class SigningSection(QGroupBox):
    """Each signature gets a trusted time from the TSA, so it outlives its certificate."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Signatures"), parent)
        self.context = context
        self.form = form = QFormLayout(self)
        self.tsa_url = QLineEdit(context.settings.tsa_url)
        self.tsa_url.setPlaceholderText(self.tr("e.g. https://tsa.example.go.id/"))
        self.tsa_url.setClearButtonEnabled(True)
        self.ca_label = QLabel()
        self.ca_label.setWordWrap(True)
        self.ca_button = QPushButton(self.tr("Choose…"))
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_label, 1)
        ca_row.addWidget(self.ca_button)
        self.hint = QLabel(
            self.tr(
                "Each signature gets a trusted time from this server, and the certificates' "
                "status is stored in the PDF, so agreements stay verifiable after the "
                "certificates expire. Without a server, documents are signed without a "
                "time-stamp; use Extend in the Archive later. The server's certificate "
                "authority is trusted for time-stamps only."
            )
        )
        self.hint.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("tsaError")
        self.error.setStyleSheet("QLabel#tsaError { color: #c62828; }")
        self.error.setWordWrap(True)
        form.addRow(self.tr("Time-stamp server:"), self.tsa_url)
        form.addRow(self.tr("Its certificate authority:"), ca_row)
        form.addRow("", self.error)
        form.addRow("", self.hint)
        form.setRowVisible(self.error, False)  # a hidden row would still leave a gap
        self.tsa_url.editingFinished.connect(self.save)
        self.ca_button.clicked.connect(self._choose_ca)
        self._show_ca()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.form.setRowVisible(self.error, bool(text))

    def save(self) -> bool:
        """Store the address when it is empty or an http(s) URL; otherwise say what is wrong."""
        text = self.tsa_url.text().strip()
        if text and not valid_tsa_url(text):
            self._show_error(
                self.tr("Enter an address starting with https:// or http://, or leave it empty.")
            )
            return False
        self._show_error("")
        self.context.settings.tsa_url = text
        self.context.settings.sync()
        return True

    def _show_ca(self) -> None:
        ca = tsa_ca_certificate(self.context)
        if ca is None:
            self.ca_label.setText(self.tr("None chosen"))
            return
        names = ca.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
        name = str(names[0].value) if names else self.tr("(unnamed)")
        self.ca_label.setText(
            self.tr("{name}, valid until {date}").format(
                name=name, date=short_date(ca.not_valid_after_utc)
            )
        )

    def _choose_ca(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("The time-stamp server's certificate authority"),
            "",
            self.tr("Certificates (*.pem *.crt *.cer *.der)"),
        )
        if path:
            self.set_ca_file(Path(path))

    def set_ca_file(self, path: Path) -> bool:
        """Read a CA certificate (PEM or DER) and keep it as the TSA's certificate authority."""
        from cryptography.hazmat.primitives import serialization

        try:
            raw = path.read_bytes()
            if len(raw) > 64 * 1024:  # a certificate is a few KiB
                raise ValueError("too large")
            try:
                ca = x509.load_pem_x509_certificate(raw)
            except ValueError:
                ca = x509.load_der_x509_certificate(raw)
        except (OSError, ValueError):
            self._show_error(self.tr("That file is not a readable certificate."))
            return False
        self._show_error("")
        pem = ca.public_bytes(serialization.Encoding.PEM).decode("ascii")
        self.context.settings.tsa_ca_pem = pem
        self.context.settings.sync()
        self._show_ca()
        return True
