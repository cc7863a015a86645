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
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from conferencing import protocol
from conferencing.hub.embedded import EmbeddedHub
from conferencing.hub.guest_page import guest_link
from conferencing.hub.tokens import SESSION_MARGIN_S, session_ttl
from ui.sessions.addresses import choose_address, lan_addresses, with_host
from ui.sessions.invite import Invite, format_invite

log = logging.getLogger(__name__)

#: Default session length; an invitation lasts this long plus :data:`INVITE_MARGIN_S`.
DEFAULT_SESSION_HOURS = 3
MAX_SESSION_HOURS = 12
#: Time to send the invitation before the session starts and to rejoin near its end.
INVITE_MARGIN_S = SESSION_MARGIN_S


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
                "Start a session to open a call on this computer, then invite the other "
                "office: Lintas writes the invitation for you to send."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.start_session_button = QPushButton(self.tr("Start a session"), self)
        self.start_session_button.setObjectName("primaryAction")
        self.invite_office_button = QPushButton(self.tr("Invite an office…"), self)
        self.counterparts = list(counterparts or [])
        self.invite_dialog: QWidget | None = None
        self.address_label = QLabel(self)
        self.address_label.setObjectName("addressNote")
        self.address_label.setWordWrap(True)
        self.details_button = QToolButton(self)
        self.details_button.setText(self.tr("Details"))
        self.details_button.setCheckable(True)
        self.start_button = QPushButton(self.tr("Start hosting"), self)
        self.stop_button = QPushButton(self.tr("End the session"), self)
        self.status_label = QLabel(self.tr("Not hosting."), self)
        self.room_edit = QLineEdit(new_room_name(), self)
        self.address_combo = QComboBox(self)
        self.address_combo.setEditable(True)
        addresses = lan_addresses()
        chosen, _private = choose_address(addresses)
        self.address_combo.addItems([chosen] + [a for a in addresses if a != chosen])
        self.address_combo.currentTextChanged.connect(lambda _t: self._show_address())
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
        # (room, start in epoch seconds, length in seconds) of the scheduled session hosted;
        # its invitations last until its end plus the margin (see invitation_ttl_s).
        self.scheduled: tuple[str, float, float] | None = None
        self.ttl_spin.valueChanged.connect(self._length_typed)
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
        form.addRow(self.tr("Address in invitations:"), self.address_combo)
        form.addRow(self.tr("Invite office:"), self.guest_combo)
        form.addRow(self.tr("Session length:"), self.ttl_spin)
        hub_row = QHBoxLayout()
        hub_row.addWidget(self.start_button)
        hub_row.addWidget(self.join_button)
        hub_row.addStretch(1)
        self.status_label.setWordWrap(True)
        action_row = QHBoxLayout()
        action_row.addWidget(self.invite_button)
        action_row.addWidget(self.copy_button)
        action_row.addWidget(self.revoke_button)
        action_row.addStretch(1)
        # Two clicks for the usual case: "Start a session", then "Invite an office…". The
        # room, address and a hand-made invitation stay one click away under "Details".
        main_row = QHBoxLayout()
        main_row.addWidget(self.start_session_button)
        main_row.addWidget(self.invite_office_button)
        main_row.addWidget(self.stop_button)
        main_row.addStretch(1)
        main_row.addWidget(self.details_button)
        self.details = QWidget(self)
        details_layout = QVBoxLayout(self.details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.addLayout(hub_row)
        details_layout.addLayout(form)
        details_layout.addWidget(self.invite_text, 1)
        details_layout.addLayout(action_row)
        self.details.setVisible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(main_row)
        layout.addWidget(self.status_label)
        layout.addWidget(self.address_label)
        layout.addWidget(self.details, 1)
        layout.addStretch(0)

        self.start_session_button.clicked.connect(self.start_session)
        self.invite_office_button.clicked.connect(self.open_invite_dialog)
        self.details_button.toggled.connect(self.details.setVisible)
        self.start_button.clicked.connect(self.start_hosting)
        self.stop_button.clicked.connect(self.stop_hosting)
        self.invite_button.clicked.connect(self.create_invitation)
        self.copy_button.clicked.connect(self.copy_invitation)
        self.revoke_button.clicked.connect(self.revoke_invitation)
        self.join_button.clicked.connect(self._join_own_call)
        self.guest_combo.editTextChanged.connect(self._update_enabled)
        self._update_enabled()

    def start_session(self) -> bool:
        """Start hosting, open our own call and the invitation dialog at once.

        A session nobody is invited to is not what anyone starts one for, so the invitation
        comes with it (one click less); closing the dialog keeps the session open, and
        "Invite an office…" opens it again for the next office.
        """
        if not self.start_hosting():
            return False
        self._join_own_call()
        self.open_invite_dialog()
        return True

    def open_invite_dialog(self) -> QWidget | None:
        """The second click: one dialog with the invitation for an office (text or .ics)."""
        if not self.start_hosting():
            return None
        from ui.sessions.invite_dialog import InviteDialog

        dialog = InviteDialog(self, self.counterparts, self)
        dialog.finished.connect(lambda _r: self._update_enabled())
        dialog.open()
        self.invite_dialog = dialog
        return dialog

    def address_note(self) -> str:
        """Where other offices reach this computer, explained only when it is a private address."""
        address = self.address_combo.currentText().strip()
        _chosen, private = choose_address([address])
        if not private:
            return ""
        return self.tr(
            "Invitations use this computer's address in your office network ({address}). "
            "Offices in other cities can join only over a network you share with them, such as "
            "a VPN. If they cannot connect, ask your IT staff for the address to use and enter it "
            "under Details."
        ).format(address=address)

    def _show_address(self) -> None:
        note = self.address_note()
        self.address_label.setText(note)
        self.address_label.setVisible(bool(note) and self.hub is not None)

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
        self.status_label.setText(
            self.tr("The session is open. Invite the other office to join it.")
        )
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

    def set_schedule(self, room: str, starts_at: float, duration_s: float) -> None:
        """Host the scheduled session ``room``: invitations last until its end plus the margin."""
        self.room_edit.setText(room)
        hours = max(1, min(MAX_SESSION_HOURS, -(-int(duration_s) // 3600)))
        self.ttl_spin.blockSignals(True)  # shown rounded up; the exact length is kept
        self.ttl_spin.setValue(hours)
        self.ttl_spin.blockSignals(False)
        self.scheduled = (room, starts_at, duration_s)

    def _length_typed(self, _hours: int) -> None:
        self.scheduled = None  # the host chose a length by hand: it wins over the schedule

    def invitation_ttl_s(self, now: float | None = None) -> int:
        """How long an invitation issued now lasts (seconds)."""
        room = self.room_edit.text().strip()
        if self.scheduled is not None and self.scheduled[0] == room:
            _, starts_at, duration_s = self.scheduled
            return session_ttl(duration_s, starts_at=starts_at, now=now)
        return session_ttl(self.ttl_spin.value() * 3600, now=now)

    def invite_for(self, office: str) -> Invite:
        """A signed invitation of ``office`` to the current room (hub must be running)."""
        if self.hub is None:
            raise RuntimeError("start hosting first")
        room = self.room_edit.text().strip()
        address = self.address_combo.currentText().strip() or "127.0.0.1"
        # Our own invitation is the session's host invitation (the hub enforces host controls).
        token = self.hub.invite(room, office, self.invitation_ttl_s(), host=office == self.office)
        hub_url = with_host(self.hub_url, address)
        # The same invitation as a browser link (one install at a time, withdrawn together).
        browser = guest_link(hub_url, self.hub.guest_invite(token))
        return Invite(hub_url, room, token, office, browser_link=browser)

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
        self.start_session_button.setEnabled(not hosting)
        self._show_address()
        self.start_button.setEnabled(not hosting)
        self.stop_button.setEnabled(hosting)
        self.room_edit.setEnabled(not hosting)
        self.invite_button.setEnabled(hosting and bool(self.guest_combo.currentText().strip()))
        self.copy_button.setEnabled(hosting and bool(self.invite_text.toPlainText()))
        self.revoke_button.setEnabled(hosting and self.issued is not None)
        self.join_button.setEnabled(hosting)
