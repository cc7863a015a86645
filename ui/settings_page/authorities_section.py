"""Settings: the certificate authorities the office trusts (BSrE, Root CA Indonesia, a city CA).

A signer issued by one of them is trusted through full path validation in every window that
verifies (``ui.archive.office_files.office_trust_for`` reads the same store).
"""

from __future__ import annotations

from pathlib import Path

from cryptography import x509
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mou.signing.authorities import (
    AuthorityProblem,
    AuthorityRefused,
    AuthorityStore,
    read_authority,
)
from mou.signing.identity import fingerprint_sha256
from mou.signing.trust import organization_of
from ui.context import AppContext
from ui.datestyle import short_date

FINGERPRINT_ROLE = Qt.ItemDataRole.UserRole


def short_fingerprint(certificate: x509.Certificate) -> str:
    """The first 12 hex digits of the SHA-256 fingerprint: enough to read out on the phone."""
    return fingerprint_sha256(certificate).replace(":", "")[:12]


class AuthoritiesSection(QGroupBox):
    """A list of trusted certificate authorities with Add… and Remove."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Certificate authorities you trust"), parent)
        self.context = context
        self.store = AuthorityStore(context.data_dir)
        layout = QVBoxLayout(self)
        self.hint = QLabel(
            self.tr(
                "Signatures by certificates these authorities issued are trusted after the "
                "whole certificate chain is checked. Add only an authority your office has "
                "agreed to rely on, such as BSrE or your city's own authority."
            )
        )
        self.hint.setWordWrap(True)
        self.list = QListWidget()
        self.list.setMinimumHeight(90)
        self.list.setMaximumHeight(150)  # a handful of authorities; the page scrolls anyway
        self.add_button = QPushButton(self.tr("Add…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self.error = QLabel()
        self.error.setObjectName("authorityError")
        self.error.setStyleSheet("QLabel#authorityError { color: #c62828; }")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        layout.addWidget(self.hint)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        self.add_button.clicked.connect(self._choose)
        self.remove_button.clicked.connect(self.remove_selected)
        self.list.currentRowChanged.connect(self._update_buttons)
        self.refresh()

    def refresh(self) -> None:
        """Show the stored authorities: organisation, validity and a short fingerprint."""
        self.list.clear()
        authorities = self.store.load()
        for certificate in authorities:
            text = self.tr("{organisation}, valid {start} to {end}, fingerprint {fingerprint}")
            item = QListWidgetItem(
                text.format(
                    organisation=organization_of(certificate) or self.tr("(unnamed)"),
                    start=short_date(certificate.not_valid_before_utc),
                    end=short_date(certificate.not_valid_after_utc),
                    fingerprint=short_fingerprint(certificate),
                )
            )
            item.setData(FINGERPRINT_ROLE, fingerprint_sha256(certificate))
            self.list.addItem(item)
        if not authorities:
            empty = QListWidgetItem(
                self.tr("None yet: only the office cards you accepted are trusted.")
            )
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(empty)
        self._update_buttons()

    def _update_buttons(self) -> None:
        item = self.list.currentItem()
        self.remove_button.setEnabled(item is not None and bool(item.data(FINGERPRINT_ROLE)))

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("A certificate authority to trust"),
            "",
            self.tr("Certificates (*.pem *.crt *.cer *.der)"),
        )
        if path:
            self.add_file(Path(path))

    def add_file(self, path: Path) -> bool:
        """Trust the CA certificate in ``path``; a plain sentence says why one is refused."""
        try:
            with path.open("rb") as handle:
                raw = handle.read(64 * 1024 + 1)
            certificate = read_authority(raw)
            added = self.store.add(certificate)
        except OSError:
            self._show_error(self.tr("That file could not be read. Choose the file again."))
            return False
        except AuthorityRefused as refused:
            self._show_error(self._refusal(refused.problem))
            return False
        self.refresh()
        self._show_error("" if added else self.tr("That authority is already in the list."))
        return added

    def _refusal(self, problem: AuthorityProblem) -> str:
        sentences = {
            AuthorityProblem.UNREADABLE: self.tr(
                "That file is not a readable certificate. Choose a .pem, .crt or .der file "
                "from the certificate authority."
            ),
            AuthorityProblem.NOT_A_CA: self.tr(
                "That certificate belongs to a person or an office, not to a certificate "
                "authority. To trust an office, accept its office card instead."
            ),
            AuthorityProblem.EXPIRED: self.tr(
                "That authority's certificate has expired. Ask the authority for its current "
                "certificate."
            ),
            AuthorityProblem.NOT_YET_VALID: self.tr(
                "That authority's certificate is not valid yet. Check the computer's date, or "
                "add it once it becomes valid."
            ),
            AuthorityProblem.TOO_MANY: self.tr(
                "The list is full. Remove an authority you no longer need first."
            ),
        }
        return sentences[problem]

    def remove_selected(self) -> bool:
        """Stop trusting the selected authority."""
        item = self.list.currentItem()
        fingerprint = item.data(FINGERPRINT_ROLE) if item is not None else None
        if not fingerprint:
            return False
        removed = self.store.remove(str(fingerprint))
        self._show_error("")
        self.refresh()
        return removed
