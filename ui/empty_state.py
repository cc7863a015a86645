"""The "how to begin" panel every empty page shows: an icon, a title, a hint and action buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyState(QWidget):
    """A centred explanation of what the page is for and how to start using it."""

    def __init__(
        self,
        title: str,
        message: str,
        icon: QIcon | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        if icon is not None and not icon.isNull():
            picture = QLabel()
            picture.setPixmap(icon.pixmap(64, 64))
            picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
            outer.addWidget(picture)
        self.title_label = QLabel(title)
        self.title_label.setObjectName("emptyStateTitle")
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setWordWrap(True)
        outer.addWidget(self.title_label)
        self.message_label = QLabel(message)
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label.setWordWrap(True)
        self.message_label.setMaximumWidth(560)
        self.message_label.setMinimumWidth(420)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.message_label)
        row.addStretch(1)
        outer.addLayout(row)
        self._buttons = QHBoxLayout()
        self._buttons.addStretch(1)
        self._buttons.addStretch(1)
        outer.addSpacing(12)
        outer.addLayout(self._buttons)
        outer.addStretch(2)

    def add_action(self, text: str, *, primary: bool = False) -> QPushButton:
        """Add a button under the hint; the page's owner connects its ``clicked``."""
        button = QPushButton(text)
        button.setDefault(primary)
        if primary:
            button.setObjectName("primaryAction")
        self._buttons.insertWidget(self._buttons.count() - 1, button)
        return button
