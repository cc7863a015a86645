"""Shown in place of a page whose module failed to import or build (a bug, reported plainly)."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout, QWidget

from ui.empty_state import EmptyState


class PageLoadError(QWidget):
    """Says which part of Lintas failed and shows the technical detail for a bug report."""

    def __init__(self, title: str, detail: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.empty_state = EmptyState(
            self.tr("%1 could not be opened").replace("%1", title),
            self.tr(
                "This part of Lintas failed to start. The rest of the app keeps working. "
                "Please send the details below to your IT staff."
            ),
        )
        self.detail = QPlainTextEdit(detail)
        self.detail.setReadOnly(True)
        self.detail.setMaximumHeight(160)
        layout.addWidget(self.empty_state, 1)
        layout.addWidget(self.detail)
