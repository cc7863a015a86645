"""In-call chat: a transcript and a line to type into."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ui.datestyle import short_time

# Chat text travels through the data channel; cap it so one paste cannot stall the link.
MAX_CHAT_CHARS = 2000


class ChatPanel(QWidget):
    """Emits ``sig_send(text)`` when the user sends; shows messages via ``add_message``."""

    sig_send = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.transcript = QTextBrowser(self)
        self.transcript.setAccessibleName(self.tr("Chat messages"))
        self.transcript.setOpenExternalLinks(False)
        self.input = QLineEdit(self)
        self.input.setPlaceholderText(self.tr("Type a message…"))
        self.input.setMaxLength(MAX_CHAT_CHARS)
        self.send_button = QPushButton(self.tr("Send"), self)
        self.send_button.setEnabled(False)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.input, 1)
        row.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.transcript, 1)
        layout.addLayout(row)
        self.input.returnPressed.connect(self._send)
        self.send_button.clicked.connect(self._send)
        self.input.textChanged.connect(lambda t: self.send_button.setEnabled(bool(t.strip())))
        self._lines: list[tuple[str, str]] = []

    @property
    def messages(self) -> list[tuple[str, str]]:
        """(sender, text) pairs shown so far, oldest first."""
        return list(self._lines)

    def set_enabled_for_call(self, enabled: bool) -> None:
        """Allow typing only while connected (messages would go nowhere otherwise)."""
        self.input.setEnabled(enabled)
        self.send_button.setEnabled(enabled and bool(self.input.text().strip()))

    def add_message(self, sender: str, text: str, sent_at: datetime | None = None) -> None:
        """Append a message; the text is escaped, never interpreted as HTML."""
        self._lines.append((sender, text))
        stamp = short_time((sent_at or datetime.now()).astimezone())
        cursor = self.transcript.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        if not self.transcript.document().isEmpty():
            cursor.insertBlock()
        cursor.insertText(f"[{stamp}] {sender}: {text}")
        self.transcript.setTextCursor(cursor)
        self.transcript.ensureCursorVisible()

    def add_notice(self, text: str) -> None:
        """Append a system line (someone joined, left, an error)."""
        cursor = self.transcript.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        if not self.transcript.document().isEmpty():
            cursor.insertBlock()
        cursor.insertText(f"— {text}")
        self.transcript.setTextCursor(cursor)

    def _send(self) -> None:
        text = self.input.text().strip()
        if not text:
            return
        self.input.clear()
        self.sig_send.emit(text)
