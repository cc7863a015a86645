"""The "how to begin" panel every empty page shows: an icon, a title, a hint and action buttons."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mou.office import Role


def role_hint(role: Role | None) -> str:
    """What the acting user's role can do here, and who does the rest (for empty pages)."""
    if role is None:
        return QCoreApplication.translate(
            "EmptyState", "Choose who you are under “Acting as” at the top right."
        )
    hints = {
        Role.DRAFTER: QCoreApplication.translate(
            "EmptyState",
            "As a drafter you start agreements, edit them and send them to the other office.",
        ),
        Role.REVIEWER: QCoreApplication.translate(
            "EmptyState",
            "As a reviewer you approve the revisions a drafter prepared. To start an "
            "agreement, switch “Acting as” to a drafter.",
        ),
        Role.SIGNATORY: QCoreApplication.translate(
            "EmptyState",
            "As a signatory you approve and sign agreements once a drafter has prepared them. "
            "To start one, switch “Acting as” to a drafter.",
        ),
        Role.VIEWER: QCoreApplication.translate(
            "EmptyState",
            "As a viewer you can read agreements and join sessions. A drafter starts agreements.",
        ),
    }
    return hints[Role(role)]


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
