"""An inline message strip (error / info) shown above a page's content.

Refusals from the domain (workflow guards, untrusted packages, bad files) are shown here instead
of in modal boxes: the message stays visible while the user fixes the cause, and nothing blocks.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget


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
        self.action_button = QPushButton()
        self.action_button.hide()
        self.action_button.clicked.connect(self._run_action)
        self._action: Callable[[], None] | None = None
        row.addWidget(self.label, 1)
        row.addWidget(self.action_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.level = ""
        self.hide()

    def show_message(
        self,
        text: str,
        level: str = "error",
        action: tuple[str, Callable[[], None]] | None = None,
    ) -> None:
        """Show ``text`` with the colours of ``level`` ("error", "info" or "success").

        ``action`` adds a button (label, callback), e.g. "Undo"; it runs once, then hides.
        """
        self.level = level
        self._action = action[1] if action else None
        self.action_button.setText(action[0] if action else "")
        self.action_button.setVisible(action is not None)
        self.setStyleSheet(f"#messageBar {{{self._STYLES.get(level, self._STYLES['info'])}}}")
        self.label.setText(text)
        self.show()

    def text(self) -> str:
        """The message shown ("" when hidden)."""
        return self.label.text() if self.isVisible() or self.level else ""

    def _run_action(self) -> None:
        action, self._action = self._action, None
        self.clear()
        if action is not None:
            action()

    def clear(self) -> None:
        """Hide the message."""
        self._action = None
        self.action_button.hide()
        self.level = ""
        self.label.clear()
        self.hide()
