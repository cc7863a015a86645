"""Agreements page: Kesepakatan Bersama drafts and their revisions.

The agreements engineer owns the editor behind the buttons; this is the empty state.
"""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.context import AppContext
from ui.empty_state import EmptyState
from ui.icons import icon


class Page(QWidget):
    """Agreements: draft, review and approve."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        self.empty_state = EmptyState(
            self.tr("No agreements yet"),
            self.tr(
                "Start a Kesepakatan Bersama from the standard template, or import a draft that a "
                "counterpart office sent you. Both offices then review the same revision."
            ),
            icon("agreements"),
        )
        self.new_button = self.empty_state.add_action(self.tr("New agreement"), primary=True)
        self.import_button = self.empty_state.add_action(self.tr("Import a draft"))
        layout.addWidget(self.empty_state)
