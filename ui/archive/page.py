"""Archive page: signed agreements and finished sessions, and verification of signed PDFs."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.context import AppContext
from ui.empty_state import EmptyState
from ui.icons import icon


class Page(QWidget):
    """Final, signed documents."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        self.empty_state = EmptyState(
            self.tr("Nothing archived yet"),
            self.tr(
                "Agreements appear here once every party has signed them. You can also open a "
                "signed PDF you received to check its signatures."
            ),
            icon("archive"),
        )
        self.verify_button = self.empty_state.add_action(
            self.tr("Verify a signed PDF"), primary=True
        )
        layout.addWidget(self.empty_state)
