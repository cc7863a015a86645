"""The editor's header: back, title and state; revision hash, autosave status, save and export."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.elided_label import ElidedLabel
from ui.hash_label import HashLabel


class EditorHeader(QWidget):
    """Two rows above the editor; the editor fills the labels and connects the buttons."""

    def __init__(self, undo: QAction, redo: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.back_button = QPushButton(self.tr("← Agreements"))
        self.title_label = QLabel()
        font = self.title_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title_label.setFont(font)
        self.title_label.setWordWrap(True)
        self.state_label = QLabel()
        self.state_label.setObjectName("stateBadge")
        top.addWidget(self.back_button)
        top.addWidget(self.title_label, 1)
        # Undo/Redo name the step they take back ("Undo Edit Pasal 3"), like a word processor.
        self.undo_button = QToolButton()
        self.redo_button = QToolButton()
        for button, action in ((self.undo_button, undo), (self.redo_button, redo)):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            _mirror(button, action)
            top.addWidget(button)
        top.addWidget(self.state_label)
        layout.addLayout(top)

        rev_row = QHBoxLayout()
        # Short hash on screen, the full one in its tooltip and "Copy full hash" menu.
        self.revision_label = HashLabel()
        # Whose approval is missing: a list of office names cut with "…" (whole in the tooltip),
        # so it neither widens the window nor runs under the save state.
        self.awaiting_label = ElidedLabel()
        self.autosave_label = QLabel()
        self.autosave_label.setStyleSheet("color:#555;")
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("Note for this round (optional)"))
        self.save_button = QPushButton(self.tr("Save revision"))
        self.save_button.setObjectName("primaryAction")
        self.export_button = QPushButton(self.tr("Export package…"))
        # The counterpart's reply goes into this agreement; a package of another is refused.
        self.import_button = QPushButton(self.tr("Import reply…"))
        self.autosave_label.setMinimumWidth(150)
        self.autosave_label.setWordWrap(True)  # a long state wraps rather than hiding its end
        self.note_edit.setMinimumWidth(240)
        rev_row.addWidget(self.revision_label)
        rev_row.addWidget(self.awaiting_label, 2)
        rev_row.addWidget(self.autosave_label, 1)
        rev_row.addWidget(self.note_edit)
        rev_row.addWidget(self.save_button)
        rev_row.addWidget(self.export_button)
        rev_row.addWidget(self.import_button)
        layout.addLayout(rev_row)


def _mirror(button: QToolButton, action: QAction, width: int = 240) -> None:
    """Show ``action`` on ``button``; a long step name is shortened there, whole in the tooltip."""

    def sync() -> None:
        text = action.text()
        button.setText(button.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, width))
        button.setToolTip(action.toolTip())
        button.setAccessibleName(text)
        button.setEnabled(action.isEnabled())

    action.changed.connect(sync)
    button.clicked.connect(action.trigger)
    sync()
