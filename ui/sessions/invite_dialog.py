""""Invite an office": one dialog with the invitation text to send, or a calendar file (.ics).

The host panel already runs the session; this dialog only picks the office, shows the text for
it at once and offers Copy, Save as calendar file and Withdraw.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.sessions.invite import Invite, format_invite

if TYPE_CHECKING:
    from ui.sessions.host_panel import HostPanel


def invitation_ics(invite: Invite, host_office: str, text: str, hours: int) -> bytes:
    """A calendar file for the invitation: starts now, lasts the session, carries the text."""
    import icalendar

    start = dt.datetime.now(dt.UTC).replace(microsecond=0)
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Lintas//Jaringan Lintas Perkotaan//ID")
    cal.add("version", "2.0")
    event = icalendar.Event()
    event.add("uid", f"{invite.room}-{abs(hash(invite.token)) % 10**12}@lintas")
    event.add("summary", f"Lintas: {host_office} — {invite.office}")
    event.add("dtstamp", start)
    event.add("dtstart", start)
    event.add("dtend", start + dt.timedelta(hours=hours))
    event.add("description", text)
    event.add("location", invite.link())
    cal.add_component(event)
    return cal.to_ical()


class InviteDialog(QDialog):
    """Pick the office; the invitation appears at once; copy it or save it as .ics."""

    def __init__(
        self, panel: HostPanel, counterparts: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.panel = panel
        self.invite: Invite | None = None
        self.setWindowTitle(self.tr("Invite an office"))
        self.setMinimumWidth(660)  # four buttons in Indonesian, unclipped
        self.setMinimumHeight(480)  # the text, the address note and the buttons, unclipped
        form = QFormLayout()
        self.office_combo = QComboBox(self)
        self.office_combo.setEditable(True)
        self.office_combo.addItems(counterparts)
        self.office_combo.lineEdit().setPlaceholderText(self.tr("e.g. Pemerintah Kota Pekanbaru"))
        form.addRow(self.tr("Office:"), self.office_combo)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setPlaceholderText(self.tr("Type the office's name; the invitation appears here."))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        # A wrapped label gets one line's height next to an expanding text box; the address
        # note needs up to four at this width.
        self.status.setMinimumHeight(self.status.fontMetrics().lineSpacing() * 4 + 4)
        self.copy_button = QPushButton(self.tr("Copy invitation and close"), self)
        self.copy_button.setObjectName("primaryAction")
        self.ics_button = QPushButton(self.tr("Save as calendar file…"), self)
        self.revoke_button = QPushButton(self.tr("Withdraw"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        buttons = QHBoxLayout()
        for button in (self.copy_button, self.ics_button, self.revoke_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Send this text by e-mail or chat:"), self))
        layout.addWidget(self.text, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.office_combo.currentTextChanged.connect(self.refresh)
        self.copy_button.clicked.connect(self.copy)
        self.ics_button.clicked.connect(self._choose_ics)
        self.revoke_button.clicked.connect(self.withdraw)
        self.close_button.clicked.connect(self.accept)
        self.refresh()

    def refresh(self) -> str:
        """Issue the invitation for the office shown (a new one each time the name changes)."""
        office = self.office_combo.currentText().strip()
        self.invite = None
        self.text.clear()
        if office and self.panel.hub is not None:
            try:
                self.invite = self.panel.invite_for(office)
            except ValueError:
                self.status.setText(self.tr("That name cannot be used in an invitation."))
            else:
                self.text.setPlainText(format_invite(self.invite, self.panel.office))
                self.panel.issued = self.invite
                self.status.setText(self.panel.address_note())
        for button in (self.copy_button, self.ics_button, self.revoke_button):
            button.setEnabled(self.invite is not None)
        return self.text.toPlainText()

    def copy(self) -> None:
        """Put the invitation on the clipboard and close: copying is what the dialog is for.

        One click instead of "Copy" then "Close"; the host panel says it was copied. Saving
        an .ics or withdrawing still happen before closing, with their own buttons.
        """
        QGuiApplication.clipboard().setText(self.text.toPlainText())
        self.status.setText(self.tr("Copied. Paste it into an e-mail or chat to the office."))
        self.panel.status_label.setText(
            self.tr("Invitation copied. Paste it into an e-mail or chat to the office.")
        )
        self.accept()

    def save_ics(self, path: Path) -> bool:
        """Write the invitation as a calendar file; True on success."""
        if self.invite is None:
            return False
        if path.suffix.lower() != ".ics":
            path = path.with_name(path.name + ".ics")
        data = invitation_ics(
            self.invite, self.panel.office, self.text.toPlainText(), self.panel.ttl_spin.value()
        )
        try:
            path.write_bytes(data)
        except OSError:
            self.status.setText(self.tr("The calendar file could not be saved there."))
            return False
        self.status.setText(self.tr("Saved as %1. Attach it to an e-mail.").replace("%1", path.name))
        return True

    def withdraw(self) -> None:
        """Withdraw the invitation shown (the office can no longer join with it)."""
        if self.invite is not None and self.panel.hub is not None:
            self.panel.hub.revoke(self.invite.token)
            self.panel.issued = None
            self.invite = None
            self.text.clear()
            self.status.setText(self.tr("Withdrawn: nobody can join with that invitation."))
            for button in (self.copy_button, self.ics_button, self.revoke_button):
                button.setEnabled(False)

    def _choose_ics(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the invitation as a calendar file"),
            str(Path.home() / "lintas-invitation.ics"),
            self.tr("Calendar files (*.ics)"),
        )
        if name:
            self.save_ics(Path(name))
