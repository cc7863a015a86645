"""Home page: what needs the current user's action today.

Upcoming sessions, agreements awaiting review or signature, obligations falling due (30 days)
and agreements expiring (90 days) come from ``mou.dashboard.home_summary``. When nothing needs
action, the page says how to begin and offers shortcuts to Sessions and Agreements.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from ui.context import AppContext, CurrentUserChanged, OfficeChanged
from ui.empty_state import EmptyState
from ui.home.sections import SummarySection
from ui.icons import icon
from ui.roles import role_label


class Page(QWidget):
    """The start page."""

    #: Asks the main window to show another page (by navigation key).
    navigate_requested = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        self.greeting = QLabel()
        self.greeting.setObjectName("homeGreeting")
        font = self.greeting.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.greeting.setFont(font)
        self.greeting.setWordWrap(True)
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        layout.addWidget(self.greeting)
        layout.addWidget(self.subtitle)

        self.sections = {
            "upcoming_meetings": SummarySection(
                self.tr("Upcoming sessions"), self.tr("No sessions scheduled.")
            ),
            "awaiting_review": SummarySection(
                self.tr("Awaiting your review"), self.tr("No drafts to review.")
            ),
            "awaiting_signature": SummarySection(
                self.tr("Awaiting signature"), self.tr("Nothing to sign.")
            ),
            "obligations_due": SummarySection(
                self.tr("Obligations due in the next 30 days"), self.tr("No obligations due.")
            ),
            "expiring_soon": SummarySection(
                self.tr("Agreements expiring within 90 days"), self.tr("None expiring soon.")
            ),
        }
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.setContentsMargins(0, 0, 0, 0)
        for index, section in enumerate(self.sections.values()):
            grid.addWidget(section, index // 2, index % 2)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(grid_host)
        self.summary_area = scroll
        layout.addWidget(scroll, 1)

        self.empty_state = EmptyState(
            self.tr("Nothing needs your action"),
            self.tr(
                "To begin, schedule a vicon session with a counterpart office, or start a "
                "Kesepakatan Bersama in Agreements. What needs your review or signature will "
                "then appear here."
            ),
            icon("home"),
        )
        self.sessions_button = self.empty_state.add_action(self.tr("Go to Sessions"), primary=True)
        self.agreements_button = self.empty_state.add_action(self.tr("Go to Agreements"))
        self.sessions_button.clicked.connect(lambda: self.navigate_requested.emit("sessions"))
        self.agreements_button.clicked.connect(lambda: self.navigate_requested.emit("agreements"))
        layout.addWidget(self.empty_state, 1)

        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setEnabled(False)
        layout.addWidget(self.notice)

        context.bridge.subscribe(CurrentUserChanged, self._refresh_event)
        context.bridge.subscribe(OfficeChanged, self._refresh_event)
        self.refresh()

    def refresh(self) -> None:
        """Re-read the dashboard and the greeting."""
        user = self.context.current_user
        if user is not None:
            self.greeting.setText(self.tr("Welcome, %1").replace("%1", user.name))
            self.subtitle.setText(
                self.tr("%1 · %2")
                .replace("%1", _office_name(self.context))
                .replace("%2", role_label(user.role))
            )
        else:
            self.greeting.setText(self.tr("Welcome"))
            self.subtitle.setText(_office_name(self.context))
        total = self._load_summary()
        self.summary_area.setVisible(total > 0)
        self.empty_state.setVisible(total == 0)

    def _load_summary(self) -> int:
        try:
            from mou import dashboard
        except ImportError:
            # The dashboard query is not part of this build yet: show the how-to-begin state.
            self.notice.setText(self.tr("The summary of pending work is not available yet."))
            return 0
        self.notice.clear()
        with self.context.database.session() as session:
            summary = dashboard.home_summary(session, now=dt.datetime.now(dt.UTC))
            total = 0
            for name, section in self.sections.items():
                items = list(getattr(summary, name, []) or [])
                section.set_items(items)
                total += len(items)
        return total

    def _refresh_event(self, _event: object) -> None:
        self.refresh()


def _office_name(context: AppContext) -> str:
    from mou.office import OfficeProfile

    return OfficeProfile.of(context.office).display_name
