"""An inline message strip (error / info) shown above a page's content.

Refusals from the domain (workflow guards, untrusted packages, bad files) are shown here instead
of in modal boxes: the message stays visible while the user fixes the cause, and nothing blocks.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget


class MessageBar(QWidget):
    """A dismissable message; hidden while empty."""

    _STYLES = {
        "error": "background:#fdecea; color:#611a15; border:1px solid #f5c6cb; border-radius:4px;",
        "info": "background:#e8f4fd; color:#0d3c61; border:1px solid #b8daff; border-radius:4px;",
        "success": "background:#edf7ed; color:#1e4620; border:1px solid #c3e6cb; border-radius:4px;",
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 4, 4)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton()
        close.setText("×")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Dismiss"))
        close.clicked.connect(self.clear)
        row.addWidget(self.label, 1)
        row.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.level = ""
        self.hide()

    def show_message(self, text: str, level: str = "error") -> None:
        """Show ``text`` with the colours of ``level`` ("error", "info" or "success")."""
        self.level = level
        self.setStyleSheet(f"#messageBar {{{self._STYLES.get(level, self._STYLES['info'])}}}")
        self.label.setText(text)
        self.show()

    def text(self) -> str:
        """The message shown ("" when hidden)."""
        return self.label.text() if self.isVisible() or self.level else ""

    def clear(self) -> None:
        """Hide the message."""
        self.level = ""
        self.label.clear()
        self.hide()
