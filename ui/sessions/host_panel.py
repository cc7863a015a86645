"""'Host a session': run the hub inside the app, create a room and invite other offices.

The embedded hub serves ``wss://`` with a certificate made for this run; the invitation's hub
address carries its SHA-256 pin, so the guest checks exactly this hub without any CA. An
invitation lasts for the session plus a margin, belongs to the first computer that uses it, and
the host can withdraw it.
"""

from __future__ import annotations

import logging
import secrets
from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from conferencing import protocol
from conferencing.hub.embedded import EmbeddedHub
from ui.sessions.addresses import lan_addresses, with_host
from ui.sessions.invite import Invite, format_invite

log = logging.getLogger(__name__)

#: Default session length; an invitation lasts this long plus :data:`INVITE_MARGIN_S`.
DEFAULT_SESSION_HOURS = 3
MAX_SESSION_HOURS = 12
#: Time to send the invitation before the session starts and to rejoin near its end.
INVITE_MARGIN_S = 2 * 3600


def new_room_name(now: datetime | None = None) -> str:
    """A readable, unguessable room name such as ``sesi-20260122-1f3a9c``."""
    stamp = (now or datetime.now()).strftime("%Y%m%d")
    return f"sesi-{stamp}-{secrets.token_hex(3)}"


class HostPanel(QWidget):
    """Starts/stops the embedded hub and issues invitation texts.

    ``sig_join(Invite)`` asks the page to open the call for the local office.
    """

    sig_join = Signal(object)
    sig_hosting_changed = Signal(bool)

    def __init__(
        self,
        office: str,
        counterparts: list[str] | None = None,
        parent: QWidget | None = None,
        *,
        ice_servers: list[protocol.IceServer] | None = None,
        bind_host: str = "0.0.0.0",
    ) -> None:
        super().__init__(parent)
        self.office = office
        self._ice_servers = ice_servers
        self.bind_host = bind_host
        self.hub: EmbeddedHub | None = None
        self.hub_url = ""
        intro = QLabel(
            self.tr(
                "Run the meeting hub on this computer. Offices on the same network (or that "
                "can reach this computer) join with the invitation you send them."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.start_button = QPushButton(self.tr("Start hosting"), self)
        self.stop_button = QPushButton(self.tr("Stop hosting"), self)
        self.status_label = QLabel(self.tr("Not hosting."), self)
        self.room_edit = QLineEdit(new_room_name(), self)
        self.address_combo = QComboBox(self)
        self.address_combo.setEditable(True)
        self.address_combo.addItems(lan_addresses())
        self.address_combo.setToolTip(
            self.tr("The address other offices use to reach this computer.")
        )
        self.guest_combo = QComboBox(self)
        self.guest_combo.setEditable(True)
        self.guest_combo.addItems(counterparts or [])
        self.guest_combo.setCurrentText("")
        self.guest_combo.lineEdit().setPlaceholderText(self.tr("e.g. Pemerintah Kota Pekanbaru"))
        self.ttl_spin = QSpinBox(self)
        self.ttl_spin.setRange(1, MAX_SESSION_HOURS)
        self.ttl_spin.setValue(DEFAULT_SESSION_HOURS)
        self.ttl_spin.setSuffix(self.tr(" h"))
        self.ttl_spin.setToolTip(
            self.tr("The invitation works for the session's length plus two hours.")
        )
        self.issued: Invite | None = None  # the invitation shown, which "Withdraw" revokes
        self.invite_button = QPushButton(self.tr("Create invitation"), self)
        self.invite_text = QPlainTextEdit(self)
        self.invite_text.setReadOnly(True)
        self.invite_text.setPlaceholderText(self.tr("The invitation to send appears here."))
        self.copy_button = QPushButton(self.tr("Copy invitation"), self)
        self.revoke_button = QPushButton(self.tr("Withdraw invitation"), self)
        self.revoke_button.setToolTip(
            self.tr("The office can no longer join with it; if it is in the call, it is removed.")
        )
        self.join_button = QPushButton(self.tr("Open the call"), self)
        self.join_button.setObjectName("primaryAction")

        form = QFormLayout()
        form.addRow(self.tr("Room:"), self.room_edit)
        form.addRow(self.tr("This computer's address:"), self.address_combo)
        form.addRow(self.tr("Invite office:"), self.guest_combo)
        form.addRow(self.tr("Session length:"), self.ttl_spin)
        hub_row = QHBoxLayout()
        hub_row.addWidget(self.start_button)
        hub_row.addWidget(self.stop_button)
        hub_row.addStretch(1)
        self.status_label.setWordWrap(True)
        action_row = QHBoxLayout()
        action_row.addWidget(self.invite_button)
        action_row.addWidget(self.copy_button)
        action_row.addWidget(self.revoke_button)
        action_row.addStretch(1)
        action_row.addWidget(self.join_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(hub_row)
        layout.addWidget(self.status_label)
        layout.addLayout(form)
        layout.addWidget(self.invite_text, 1)
        layout.addLayout(action_row)

        self.start_button.clicked.connect(self.start_hosting)
        self.stop_button.clicked.connect(self.stop_hosting)
        self.invite_button.clicked.connect(self.create_invitation)
        self.copy_button.clicked.connect(self.copy_invitation)
        self.revoke_button.clicked.connect(self.revoke_invitation)
        self.join_button.clicked.connect(self._join_own_call)
        self.guest_combo.editTextChanged.connect(self._update_enabled)
        self._update_enabled()

    @property
    def hosting(self) -> bool:
        """Whether the embedded hub is running."""
        return self.hub is not None

    def start_hosting(self) -> bool:
        """Start the embedded hub on every interface; False (with the reason shown) on failure."""
        if self.hub is not None:
            return True
        hub = EmbeddedHub(ice_servers=self._ice_servers)
        try:
            self.hub_url = hub.start(host=self.bind_host, port=0)
        except OSError as exc:
            # The OS error (address, port, errno) is for the log, not for the person.
            log.warning("could not start the embedded hub: %s", exc)
            self.status_label.setText(
                self.tr(
                    "Could not start hosting on this computer. Check that this computer is "
                    "connected to the network, then try again."
                )
            )
            return False
        self.hub = hub
        self.status_label.setText(self.tr("Hosting on port {port}.").format(port=self._port()))
        self._update_enabled()
        self.sig_hosting_changed.emit(True)
        return True

    def stop_hosting(self) -> None:
        """Stop the hub; every office in the room is disconnected."""
        if self.hub is None:
            return
        self.hub.stop()
        self.hub = None
        self.hub_url = ""
        self.issued = None
        self.status_label.setText(self.tr("Not hosting."))
        self._update_enabled()
        self.sig_hosting_changed.emit(False)

    def invite_for(self, office: str) -> Invite:
        """A signed invitation of ``office`` to the current room (hub must be running)."""
        if self.hub is None:
            raise RuntimeError("start hosting first")
        room = self.room_edit.text().strip()
        address = self.address_combo.currentText().strip() or "127.0.0.1"
        token = self.hub.invite(room, office, self.ttl_spin.value() * 3600 + INVITE_MARGIN_S)
        return Invite(with_host(self.hub_url, address), room, token, office)

    def create_invitation(self) -> str:
        """Fill the invitation box for the office typed in 'Invite office'; returns the text."""
        guest = self.guest_combo.currentText().strip()
        if self.hub is None or not guest:
            return ""
        try:
            invite = self.invite_for(guest)
        except ValueError as exc:  # bad room or office name: say why, keep what was typed
            self.status_label.setText(str(exc))
            return ""
        text = format_invite(invite, self.office)
        self.invite_text.setPlainText(text)
        self.issued = invite
        self._update_enabled()
        return text

    def revoke_invitation(self) -> bool:
        """Withdraw the invitation shown: it no longer admits anyone; its holder is removed."""
        invite = self.issued
        if self.hub is None or invite is None:
            return False
        if not self.hub.revoke(invite.token):
            return False
        self.issued = None
        self.invite_text.clear()
        self.status_label.setText(
            self.tr("The invitation for {office} was withdrawn; it can no longer be used.").format(
                office=invite.office
            )
        )
        self._update_enabled()
        return True

    def copy_invitation(self) -> None:
        """Put the invitation on the clipboard for pasting into e-mail or chat."""
        QGuiApplication.clipboard().setText(self.invite_text.toPlainText())
        self.status_label.setText(self.tr("Invitation copied."))

    def _join_own_call(self) -> None:
        if self.hub is None:
            return
        try:
            invite = self.invite_for(self.office)
        except ValueError as exc:
            self.status_label.setText(str(exc))
            return
        self.sig_join.emit(invite)

    def _port(self) -> int:
        from urllib.parse import urlsplit

        return urlsplit(self.hub_url).port or 0

    def _update_enabled(self) -> None:
        hosting = self.hub is not None
        self.start_button.setEnabled(not hosting)
        self.stop_button.setEnabled(hosting)
        self.room_edit.setEnabled(not hosting)
        self.invite_button.setEnabled(hosting and bool(self.guest_combo.currentText().strip()))
        self.copy_button.setEnabled(hosting and bool(self.invite_text.toPlainText()))
        self.revoke_button.setEnabled(hosting and self.issued is not None)
        self.join_button.setEnabled(hosting)
