"""Home page: what needs the current user's action today.

Upcoming sessions, agreements awaiting review or signature, obligations falling due (30 days)
and agreements expiring (90 days) come from ``mou.dashboard.home_summary``. When nothing needs
action, the page says how to begin and offers shortcuts to Sessions and Agreements.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from mou.events import DomainEvent
from ui.context import AppContext, CurrentUserChanged, OfficeChanged
from ui.empty_state import EmptyState
from ui.home.sections import (
    SummarySection,
    describe_agreement,
    describe_expiring,
    describe_meeting,
    describe_obligation,
)
from ui.icons import icon
from ui.roles import role_label


class Page(QWidget):
    """The start page."""

    #: Asks the main window to show another page (by navigation key).
    navigate_requested = Signal(str)
    #: Asks the main window to show page ``key`` and open item ``id`` there (an agreement).
    open_requested = Signal(str, int)

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

        # key: (section, page opened by a double-click)
        self.sections = {
            "upcoming_meetings": SummarySection(
                self.tr("Upcoming sessions"), self.tr("No sessions scheduled."), describe_meeting
            ),
            "awaiting_review": SummarySection(
                self.tr("Awaiting your review"), self.tr("No drafts to review."), describe_agreement
            ),
            "awaiting_signature": SummarySection(
                self.tr("Awaiting signature"), self.tr("Nothing to sign."), describe_agreement
            ),
            "obligations_due": SummarySection(
                self.tr("Obligations due in the next 30 days"),
                self.tr("No obligations due."),
                describe_obligation,
            ),
            "expiring_soon": SummarySection(
                self.tr("Agreements expiring within 90 days"),
                self.tr("None expiring soon."),
                describe_expiring,
            ),
        }
        for name, section in self.sections.items():
            target = "sessions" if name == "upcoming_meetings" else "agreements"
            section.activated.connect(lambda row, n=name, t=target: self._activate(n, t, row))
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.setContentsMargins(0, 0, 0, 0)
        for index, section in enumerate(self.sections.values()):
            grid.addWidget(section, index // 2, index % 2, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(grid.rowCount(), 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
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

        # Several domain events often arrive together (one commit); refresh once after them.
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(50)
        self._refresh_timer.timeout.connect(self.refresh)
        context.bridge.subscribe(CurrentUserChanged, self._refresh_event)
        context.bridge.subscribe(OfficeChanged, self._refresh_event)
        context.bridge.subscribe(DomainEvent, self._refresh_event)
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
        from mou import dashboard
        from mou.office import Role

        user = self.context.current_user
        role = Role(user.role) if user is not None else None
        with self.context.database.session() as session:
            summary = dashboard.home_summary(session, now=dt.datetime.now(dt.UTC), role=role)
            total = 0
            for name, section in self.sections.items():
                items = list(getattr(summary, name, []) or [])
                section.set_items(items)
                total += len(items)
        return total

    def _activate(self, name: str, target: str, row: int) -> None:
        item = self.sections[name].item(row)
        # Agreement rows carry ``id``; obligations carry ``agreement_id``; meetings only navigate.
        agreement_id = getattr(item, "agreement_id", None)
        if agreement_id is None and name != "upcoming_meetings":
            agreement_id = getattr(item, "id", None)
        if agreement_id is not None:
            self.open_requested.emit(target, int(agreement_id))
        else:
            self.navigate_requested.emit(target)

    def _refresh_event(self, _event: object) -> None:
        self._refresh_timer.start()


def _office_name(context: AppContext) -> str:
    from mou.office import OfficeProfile

    return OfficeProfile.of(context.office).display_name
