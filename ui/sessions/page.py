"""Sessions page: vicon sessions with counterpart offices.

The vicon engineer owns what happens behind the buttons (``ui/vicon/``); this page shows the empty
state until there is something to list.
"""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.context import AppContext
from ui.empty_state import EmptyState
from ui.icons import icon


class Page(QWidget):
    """Vicon sessions: schedule, host or join."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        self.empty_state = EmptyState(
            self.tr("No vicon sessions yet"),
            self.tr(
                "Schedule a session with a counterpart office and send them the invitation, "
                "or join a session with the invitation another office sent you."
            ),
            icon("sessions"),
        )
        self.schedule_button = self.empty_state.add_action(
            self.tr("Schedule a session"), primary=True
        )
        self.join_button = self.empty_state.add_action(self.tr("Join with an invitation"))
        layout.addWidget(self.empty_state)
