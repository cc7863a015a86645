"""'Join a session': paste the invitation another office sent."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from ui.sessions.invite import Invite, InviteError, parse_invite


class JoinPanel(QWidget):
    """Emits ``sig_join(Invite)`` for a valid pasted invitation; shows why otherwise."""

    sig_join = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        intro = QLabel(
            self.tr(
                "Paste the invitation text the hosting office sent you (the whole message is "
                "fine), then press Join."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.invite_edit = QPlainTextEdit(self)
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
