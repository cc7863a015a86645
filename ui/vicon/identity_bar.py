"""The call's identity bar: unlock the office identity so the others can verify this office.

The office key lives in a password-protected PKCS#12 file. A call starts without it (nobody is
asked for a password just to see a colleague), and this bar offers to unlock it; the engine then
signs our DTLS fingerprints for every office in the call. The certificates of the counterpart
offices this office trusts (imported office cards) are read from the database, no password
needed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from cryptography import x509
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QLabel, QLineEdit, QPushButton, QWidget

from conferencing.call_identity import CallIdentity, TrustedOffices
from mou.ceremony.store import ceremony_trust
from mou.db import Database
from mou.signing.identity import IdentityError, WrongPasswordError, load_identity
from ui.signing.messages import identity_error_text
from ui.vicon.controller import CallController

if TYPE_CHECKING:
    from ui.context import AppContext


def counterpart_trust(database: Database) -> TrustedOffices:
    """The certificates of every counterpart office this office trusts, pinned for calls.

    With each certificate, the exchange key its card carried (and its certificate endorsed),
    so an office that proves itself with its exchange key is verified too.
    """
    from cryptography.hazmat.primitives import serialization
    from sqlalchemy import select

    from mou import models

    with database.session() as session:
        trusted, _by_office = ceremony_trust(session)
        ders = {
            row.fingerprint_sha256: x509.load_pem_x509_certificate(
                row.certificate_pem.encode("ascii")
            ).public_bytes(serialization.Encoding.DER)
            for row in session.scalars(select(models.TrustedCertificate))
        }
        pairs = [
            (ders[key.certificate_fingerprint], bytes(key.public_key_der))
            for key in session.scalars(select(models.TrustedExchangeKey))
            if key.certificate_fingerprint in ders
        ]
    return TrustedOffices.of(trusted, pairs)


def exchange_call_identity(context: AppContext) -> CallIdentity | None:
    """Our call identity from the office exchange key, when it needs no password now.

    The exchange key already signs our drafts and office card without the signing password;
    proving the office in a call is the same kind of statement ("this comes from our office's
    computer"), so it uses the same key. Only a key our certificate endorsed is used (the
    counterpart pinned that pair from our card); otherwise None and the bar asks as before.
    """
    from mou.exchange.key import endorsement_valid, load_endorsement
    from ui import paths
    from ui.exchange_keys import unlocked_exchange_key
    from ui.office_card import our_certificate

    certificate = our_certificate(context)
    key = unlocked_exchange_key(context.data_dir)
    if certificate is None or key is None:
        return None
    endorsement = load_endorsement(paths.exchange_key_file(context.data_dir))
    if endorsement is None or not endorsement_valid(certificate, key.public_der, endorsement):
        return None
    return CallIdentity(key.private_key, certificate, exchange=True)


def prove_with_exchange_key(context: AppContext, window: QWidget) -> bool:
    """Prove our office in this call with the exchange key: no password typed, bar hidden."""
    identity = exchange_call_identity(context)
    if identity is None:
        return False
    window.controller.set_identity(identity)  # type: ignore[attr-defined]
    bar = getattr(window, "identity_bar", None)
    if bar is not None:
        bar.hide()
    return True


class IdentityBar(QWidget):
    """A "prove who you are" bar with an unlock button; hidden once the identity is in use."""

    sig_unlocked = Signal()

    def __init__(
        self, controller: CallController, identity_path: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.identity_path = identity_path
        self.setObjectName("identityBar")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setText(
            self.tr(
                "The other offices cannot verify this office yet. Unlock the office identity "
                "to prove that this call comes from {office}."
            ).format(office=controller.office)
        )
        # The password is typed right here (Enter or "Unlock"); an empty field asks in a dialog.
        self.password = QLineEdit(self)
        self.password.setObjectName("identityPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Password of the office identity"))
        self.password.setAccessibleName(self.tr("Password of the office identity"))
        self.password.setMinimumWidth(220)
        self.button = QPushButton(self.tr("Unlock"), self)
        self.button.clicked.connect(self.ask)
        self.password.returnPressed.connect(self.ask)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.label, 1)
        row.addWidget(self.password)
        row.addWidget(self.button)
        # A plain QWidget paints a style-sheet background only with WA_StyledBackground.
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("QWidget#identityBar { background: #fff3cd; border-radius: 4px; }")
        self.setVisible(not controller.has_identity and identity_path.exists())

    @Slot()
    def ask(self) -> None:
        """Unlock with the password typed in the bar, or ask for it in a dialog."""
        typed = self.password.text()
        if typed:
            self.password.clear()  # not kept in the widget, right or wrong
            if not self.unlock(typed):
                self.password.setFocus()
            return
        password, ok = QInputDialog.getText(
            self,
            self.tr("Unlock office identity"),
            self.tr("Password of the office identity:"),
            QLineEdit.EchoMode.Password,
        )
        if ok:
            self.unlock(password)

    def unlock(self, password: str) -> bool:
        """Open the identity with ``password`` and start proving who we are; False on failure."""
        try:
            identity = load_identity(self.identity_path, password)
        except WrongPasswordError:
            self.label.setText(self.tr("The password is wrong. Try again."))
            return False
        except IdentityError as exc:
            self.label.setText(identity_error_text(exc))
            return False
        self.controller.set_identity(CallIdentity(identity.private_key, identity.certificate))
        self.hide()
        self.sig_unlocked.emit()
        return True
