"""App catalog page: the smart-city applications this office can share with other regions."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.context import AppContext
from ui.empty_state import EmptyState
from ui.icons import icon


class Page(QWidget):
    """The office's shareable applications (they become an agreement's annex)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        self.empty_state = EmptyState(
            self.tr("The app catalog is empty"),
            self.tr(
                "List the smart-city applications your office can share with other regions. "
                "An agreement's annex names the applications it grants."
            ),
            icon("catalog"),
        )
        self.add_button = self.empty_state.add_action(self.tr("Add an application"), primary=True)
        self.sample_button = self.empty_state.add_action(self.tr("Load the sample catalog"))
        layout.addWidget(self.empty_state)
