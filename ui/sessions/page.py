"""The Sessions page: host a vicon session, join one from an invitation, see open calls."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from conferencing import protocol
from ui.sessions.call_launcher import open_call
from ui.sessions.host_panel import HostPanel
from ui.sessions.invite import Invite
from ui.sessions.join_panel import JoinPanel
from ui.sessions.schedule_panel import SchedulePanel
from ui.vicon.call_events import CallClosed, CallOpened
from ui.vicon.call_window import CallWindow
from ui.vicon.controller import CallController

if TYPE_CHECKING:
    from ui.context import AppContext


def _counterpart_offices(context: AppContext) -> list[str]:
    """Names of the counterpart offices already in the database, for the invite picker."""
    from sqlalchemy import select

    from mou.models import Office

    with context.database.session() as session:
        offices = session.scalars(select(Office).where(Office.is_local.is_(False))).all()
        return sorted({office.display_name for office in offices})


def _ice_servers(context: AppContext) -> list[protocol.IceServer] | None:
    """The TURN relay from Settings, handed by the hosted hub to every office that joins."""
    settings = context.settings
    if not settings.turn_url.strip():
        return None
    return [
        protocol.IceServer(
            urls=[settings.turn_url.strip()],
            username=settings.turn_username or None,
            credential=settings.turn_password or None,
        )
    ]


class Page(QWidget):
    """The Sessions page: host or join a session; each call opens in its own window."""

    sig_call_opened = Signal(object)

    def __init__(
        self, context: AppContext, parent: QWidget | None = None, *, synthetic: bool = False
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.synthetic = synthetic
        self.calls: list[CallWindow] = []
        self._rooms: dict[int, str] = {}  # id(window) -> room
        office = context.office.display_name
        title = QLabel(self.tr("Sessions"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        self.hint = QLabel(self._empty_hint(), self)
        self.hint.setObjectName("emptyStateHint")
        self.hint.setWordWrap(True)
        counterparts = _counterpart_offices(context)
        self.host_panel = HostPanel(office, counterparts, self, ice_servers=_ice_servers(context))
        self.join_panel = JoinPanel(self)
        host_box = QGroupBox(self.tr("Host a session"), self)
        QVBoxLayout(host_box).addWidget(self.host_panel)
        join_box = QGroupBox(self.tr("Join a session"), self)
        QVBoxLayout(join_box).addWidget(self.join_panel)
        self.schedule_panel = SchedulePanel(context, counterparts, self)
        schedule_box = QGroupBox(self.tr("Scheduled sessions"), self)
        QVBoxLayout(schedule_box).addWidget(self.schedule_panel)
        right = QVBoxLayout()
        right.addWidget(join_box, 1)
        right.addWidget(schedule_box, 1)
        row = QHBoxLayout()
        row.addWidget(host_box, 3)
        row.addLayout(right, 2)
        # The content scrolls instead of forcing a minimum size on the main window (long
        # Indonesian labels make the two columns wide).
        body = QWidget(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        layout = QVBoxLayout(body)
        layout.addWidget(title)
        layout.addWidget(self.hint)
        layout.addLayout(row, 1)
        self.host_panel.sig_join.connect(self.open_call)
        self.join_panel.sig_join.connect(self.open_call)
        self.host_panel.sig_hosting_changed.connect(lambda _on: self._update_hint())
        self.schedule_panel.sig_host.connect(self.host_scheduled)

    def open_call(self, invite: Invite) -> CallWindow | None:
        """Open a call window for ``invite`` as the local office (or raise the open one).

        None when the user cancelled the device check that comes before the call.
        """
        for open_window in self.calls:
            if self._rooms.get(id(open_window)) == invite.room:
                # One office joins a room once; a second engine would only talk to itself.
                open_window.raise_()
                open_window.activateWindow()
                return open_window
        from ui.vicon.identity_bar import counterpart_trust

        window = open_call(
            self.context.office.display_name,
            invite,
            settings=self.context.settings,
            synthetic=self.synthetic,
            # Who is on the call: the offices whose cards we imported can be verified, and we
            # can prove who we are once the office identity is unlocked in the call window.
            identity_path=self.context.identity_path,
            trusted=counterpart_trust(self.context.database),
            parent=self,
        )
        if window is None:
            return None  # the device check was cancelled: no call
        # We prove who we are with the office exchange key (no password), when it is usable.
        from ui.vicon.identity_bar import prove_with_exchange_key

        prove_with_exchange_key(self.context, window)
        self.calls.append(window)
        self._rooms[id(window)] = invite.room
        window.sig_closed.connect(lambda: self._forget(window, invite.room))
        # Offices that never met exchange office cards here and trust after comparing a code.
        from ui.vicon.trust_exchange import attach_trust_exchange

        attach_trust_exchange(self.context, window)
        # Agreements (a draft, a new round, approvals) travel in the verified call, not by file.
        from ui.agreements.live.call_packages import attach_call_packages

        attach_call_packages(self.context, window)
        # Offices that just agreed in this call can sign right here.
        from ui.vicon.sign_bar import attach_sign_bar

        attach_sign_bar(self.context, window)
        # "Present an agreement draft" lists this office's agreements.
        window.presenting.set_database(self.context.database)
        self.context.bridge.post(CallOpened(window.controller, invite.room, window))
        self._update_hint()
        self.sig_call_opened.emit(window)
        return window

    def host_scheduled(
        self,
        room: str,
        offices: list[str],
        starts_at: dt.datetime | None = None,
        duration_minutes: int = 0,
    ) -> None:
        """Host a scheduled session: its room, hub started, invitation for its first office.

        The invitation lasts until the session's scheduled end plus the margin.
        """
        if starts_at is not None and duration_minutes > 0:
            self.host_panel.set_schedule(room, starts_at.timestamp(), duration_minutes * 60)
        else:
            self.host_panel.room_edit.setText(room)
        if not self.host_panel.start_hosting():
            return
        if offices:
            self.host_panel.guest_combo.setCurrentText(offices[0])
            self.host_panel.create_invitation()

    def current_controller(self) -> CallController | None:
        """The controller of the most recently opened call still open (for app messages)."""
        return self.calls[-1].controller if self.calls else None

    def _forget(self, window: CallWindow, room: str) -> None:
        if window in self.calls:
            self.calls.remove(window)
            self._rooms.pop(id(window), None)
            self.context.bridge.post(CallClosed(window.controller, room))
        self._update_hint()

    def _update_hint(self) -> None:
        if self.calls:
            self.hint.setText(self.tr("A call is open in its own window."))
        elif self.host_panel.hosting:
            self.hint.setText(
                self.tr("The session is open. Press “Invite an office…” and send the invitation.")
            )
        else:
            self.hint.setText(self._empty_hint())

    def _empty_hint(self) -> str:
        return self.tr(
            "No session is open. Press “Start a session”, then “Invite an office…” and send "
            "the invitation. Or paste an invitation you received under “Join a session”."
        )

    def shutdown(self) -> None:
        """Close open calls and stop hosting (called when the app quits)."""
        for window in list(self.calls):
            window.close()
        self.host_panel.stop_hosting()


#: The name other modules and tests use; ``Page`` is what the main window looks up.
SessionsPage = Page
