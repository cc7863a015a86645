"""Scheduled sessions: the list of upcoming sessions, scheduling new ones and .ics export."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mou import meeting as meetings
from mou import models
from mou.events import MeetingChanged
from mou.office import Actor, system_actor
from ui.datestyle import zoned_datetime
from ui.plain_errors import plain_text
from ui.sessions.host_panel import new_room_name
from ui.sessions.schedule_dialog import ScheduleDialog, ScheduleRequest

if TYPE_CHECKING:
    from ui.context import AppContext

_MEETING_ROLE = Qt.ItemDataRole.UserRole


def _start(meeting: models.Meeting, zone: meetings.IndonesianTimeZone | None = None) -> str:
    """ "24 Nov 2026 09.00 WIB": the start in ``zone`` (else the zone it was scheduled in)."""
    tz = meetings.IndonesianTimeZone(zone or meeting.time_zone)
    return zoned_datetime(meetings.start_in(meeting, tz), tz.value)


class SchedulePanel(QWidget):
    """Upcoming sessions of this office.

    ``sig_host(room, offices, starts_at, duration_minutes)`` asks to host one now.
    """

    sig_host = Signal(str, list, object, int)

    def __init__(
        self, context: AppContext, counterparts: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.counterparts = counterparts
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Scheduled sessions"))
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.empty_label = QLabel(
            self.tr("No sessions scheduled. Schedule one to send a calendar invitation (.ics)."),
            self,
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: #607d8b;")
        self.schedule_button = QPushButton(self.tr("Schedule…"), self)
        self.export_button = QPushButton(self.tr("Export .ics…"), self)
        self.host_button = QPushButton(self.tr("Host this session"), self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        # Two rows: the column is narrow, and the Indonesian labels do not fit on one line.
        buttons = QHBoxLayout()
        buttons.addWidget(self.schedule_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        host_row = QHBoxLayout()
        host_row.addStretch(1)
        host_row.addWidget(self.host_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        layout.addLayout(host_row)
        self.schedule_button.clicked.connect(self.open_dialog)
        self.export_button.clicked.connect(self._export_clicked)
        self.host_button.clicked.connect(self._host_clicked)
        self.list.currentRowChanged.connect(lambda _row: self._update_enabled())
        # Sessions scheduled elsewhere (another page, an imported agreement) show up at once.
        bridge, handler = context.bridge, self._on_meeting_changed
        bridge.subscribe(MeetingChanged, handler)
        # The bridge outlives pages in tests and on language switches: stop delivering to a
        # deleted panel.
        self.destroyed.connect(lambda: bridge.unsubscribe(handler))
        self.refresh()

    def _on_meeting_changed(self, _event: MeetingChanged) -> None:
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """Another page (or another user) may have scheduled something meanwhile."""
        self.refresh()
        super().showEvent(event)

    # ------------------------------------------------------------------ data

    def refresh(self, *, now: dt.datetime | None = None) -> None:
        """Reload upcoming sessions from the database, soonest first."""
        current = self.selected_meeting_id()
        self.list.clear()
        with self.context.database.session() as session:
            for meeting in meetings.upcoming_meetings(session, now or dt.datetime.now(dt.UTC)):
                item = QListWidgetItem(self._describe(meeting))
                item.setData(_MEETING_ROLE, meeting.id)
                item.setToolTip(self._zones(meeting))
                self.list.addItem(item)
                if meeting.id == current:
                    self.list.setCurrentItem(item)
        self.empty_label.setVisible(self.list.count() == 0)
        self.list.setVisible(self.list.count() > 0)
        self._update_enabled()

    def _describe(self, meeting: models.Meeting) -> str:
        offices = ", ".join(p.office for p in meetings.participants_of(meeting) if p.office)
        text = f"{_start(meeting)}\n{meeting.title}"
        return f"{text}\n{offices}" if offices else text

    def _zones(self, meeting: models.Meeting) -> str:
        labels = [_start(meeting, zone) for zone in meetings.IndonesianTimeZone]
        return self.tr("Starts at:") + "\n" + "\n".join(labels)

    def selected_meeting_id(self) -> int | None:
        """Id of the highlighted session, if any."""
        item = self.list.currentItem()
        return int(item.data(_MEETING_ROLE)) if item is not None else None

    def _actor(self, session: object) -> Actor:
        user = self.context.current_user
        if user is not None:
            row = session.get(models.LocalUser, user.id)  # type: ignore[attr-defined]
            if row is not None:
                return Actor.of(row)
        return system_actor(session.get(models.Office, self.context.office.id))  # type: ignore[attr-defined]

    def schedule(self, request: ScheduleRequest) -> int:
        """Store a session (with a fresh room name) and return its id."""
        participants = [meetings.Participant("", office) for office in request.offices]
        with self.context.database.session() as session:
            meeting = meetings.create_meeting(
                session,
                self._actor(session),
                title=request.title,
                starts_at=request.starts_at,
                time_zone=request.time_zone,
                duration_minutes=request.duration_minutes,
                participants=participants,
                room=new_room_name(request.starts_at),
                notes=request.notes,
            )
            meeting_id = meeting.id
        self.refresh()
        for row in range(self.list.count()):
            if self.list.item(row).data(_MEETING_ROLE) == meeting_id:
                self.list.setCurrentRow(row)
        return meeting_id

    def export_ics(self, path: Path, meeting_ids: list[int] | None = None) -> Path:
        """Write the chosen (default: all upcoming) sessions as an iCalendar file."""
        with self.context.database.session() as session:
            if meeting_ids:
                rows = [session.get(models.Meeting, i) for i in meeting_ids]
                chosen = [m for m in rows if m is not None]
            else:
                chosen = meetings.upcoming_meetings(session, dt.datetime.now(dt.UTC))
            data = meetings.to_ics(chosen, organizer=self.context.office.display_name)
        path.write_bytes(data)
        self.message.setText(self.tr("Saved {file}.").format(file=path.name))
        return path

    # ------------------------------------------------------------------ actions

    def open_dialog(self) -> None:
        """Ask for a new session and store it."""
        dialog = ScheduleDialog(self.counterparts, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                self.schedule(dialog.request())
            except Exception as exc:  # noqa: BLE001 - domain refusal: show it, lose nothing
                self.message.setText(plain_text(exc))

    def _export_clicked(self) -> None:
        selected = self.selected_meeting_id()
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export calendar"),
            str(Path.home() / "lintas-sessions.ics"),
            self.tr("Calendar files (*.ics)"),
        )
        if name:
            try:
                self.export_ics(Path(name), [selected] if selected is not None else None)
            except OSError as exc:
                self.message.setText(
                    self.tr("Could not save: {error}").format(error=plain_text(exc))
                )

    def _host_clicked(self) -> None:
        meeting_id = self.selected_meeting_id()
        if meeting_id is None:
            return
        with self.context.database.session() as session:
            meeting = session.get(models.Meeting, meeting_id)
            if meeting is None:
                return
            room = meeting.room
            offices = [p.office for p in meetings.participants_of(meeting) if p.office]
            starts_at, minutes = meeting.starts_at, meeting.duration_minutes
        self.sig_host.emit(room, offices, starts_at, minutes)

    def _update_enabled(self) -> None:
        has = self.list.count() > 0
        self.export_button.setEnabled(has)
        self.host_button.setEnabled(self.list.currentItem() is not None)
