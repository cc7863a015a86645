"""'Join a session': paste the invitation another office sent; a complete one joins at once.

Pasting is the person's decision to join (the invitation was sent for exactly that), so a
pasted text that reads as a whole invitation opens the call without a further "Join" click.
Typed text never joins by itself (a half-typed link would parse too early), and a pasted text
that is not an invitation just stays for the person to complete or "Join" to explain.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from ui.sessions.invite import Invite, InviteError, parse_invite


class InvitationEdit(QPlainTextEdit):
    """A plain text field that says when something was pasted into it (``sig_pasted``)."""

    sig_pasted = Signal()

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 (Qt override)
        """Paste as usual, then tell the panel (Ctrl+V, the context menu, middle click)."""
        super().insertFromMimeData(source)
        self.sig_pasted.emit()


class JoinPanel(QWidget):
    """Emits ``sig_join(Invite)`` for a valid pasted invitation; shows why otherwise."""

    sig_join = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        intro = QLabel(
            self.tr(
                "Paste the invitation text the hosting office sent you (the whole message is "
                "fine): the call opens at once."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.invite_edit = InvitationEdit(self)
        self.invite_edit.setPlaceholderText(self.tr("Paste the invitation here…"))
        self.invite_edit.setAccessibleName(self.tr("Invitation"))
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.hide()
        self.join_button = QPushButton(self.tr("Join"), self)
        self.join_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.invite_edit, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.join_button)
        self.invite_edit.textChanged.connect(self._on_text)
        self.join_button.clicked.connect(self.join)
        self.invite_edit.sig_pasted.connect(self._pasted)

    def _pasted(self) -> None:
        try:
            parse_invite(self.invite_edit.toPlainText())
        except InviteError:
            return  # not (yet) a whole invitation: "Join" explains what is missing
        self.join()

    def _on_text(self) -> None:
        self.error_label.hide()
        self.join_button.setEnabled(bool(self.invite_edit.toPlainText().strip()))

    def join(self) -> Invite | None:
        """Validate the pasted text and emit ``sig_join``; the text stays for another try."""
        try:
            invite = parse_invite(self.invite_edit.toPlainText())
        except InviteError as exc:
            self.error_label.setText(str(exc))
            self.error_label.show()
            return None
        self.sig_join.emit(invite)
        return invite
