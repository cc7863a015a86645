"""Dialog to schedule a vicon session: title, date and time in WIB/WITA/WIT, offices, notes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from mou.meeting import IndonesianTimeZone
from ui.datestyle import date_edit_format, time_edit_format, zoned_time


@dataclass(frozen=True)
class ScheduleRequest:
    """What the user entered; ``starts_at`` is naive wall-clock time in ``time_zone``."""

    title: str
    starts_at: dt.datetime
    time_zone: IndonesianTimeZone
    duration_minutes: int
    offices: list[str]
    notes: str


class ScheduleDialog(QDialog):
    """Collects a :class:`ScheduleRequest`; OK stays disabled until a title is typed."""

    def __init__(
        self,
        counterparts: list[str],
        *,
        now: dt.datetime | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Schedule a session"))
        start = (now or dt.datetime.now()) + dt.timedelta(days=1)
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(self.tr("e.g. Vicon on the smart-city cooperation"))
        self.date_edit = QDateEdit(QDate(start.year, start.month, start.day), self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(date_edit_format())
        self.time_edit = QTimeEdit(QTime(9, 0), self)
        self.time_edit.setDisplayFormat(time_edit_format())
        self.zone_combo = QComboBox(self)
        for zone in IndonesianTimeZone:
            self.zone_combo.addItem(self._zone_label(zone), zone.value)
        self.duration_spin = QSpinBox(self)
        self.duration_spin.setRange(15, 8 * 60)
        self.duration_spin.setSingleStep(15)
        self.duration_spin.setValue(60)
        self.duration_spin.setSuffix(self.tr(" min"))
        self.office_combo = QComboBox(self)
        self.office_combo.setEditable(True)
        self.office_combo.addItems(counterparts)
        self.office_combo.setCurrentText(counterparts[0] if counterparts else "")
        self.office_combo.lineEdit().setPlaceholderText(self.tr("e.g. Pemerintah Kota Pekanbaru"))
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setPlaceholderText(self.tr("Agenda, dial-in notes…"))
        self.notes_edit.setMaximumHeight(90)
        self.zone_hint = QLabel(self)
        self.zone_hint.setStyleSheet("color: #607d8b;")
        form = QFormLayout()
        form.addRow(self.tr("Title:"), self.title_edit)
        form.addRow(self.tr("Date:"), self.date_edit)
        form.addRow(self.tr("Time:"), self.time_edit)
        form.addRow(self.tr("Time zone:"), self.zone_combo)
        form.addRow("", self.zone_hint)
        form.addRow(self.tr("Duration:"), self.duration_spin)
        form.addRow(self.tr("Counterpart office:"), self.office_combo)
        form.addRow(self.tr("Notes:"), self.notes_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Schedule"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.title_edit.textChanged.connect(self._update)
        for signal in (
            self.time_edit.timeChanged,
            self.date_edit.dateChanged,
            self.zone_combo.currentIndexChanged,
        ):
            signal.connect(self._update)
        self._update()

    def _zone_label(self, zone: IndonesianTimeZone) -> str:
        names = {
            IndonesianTimeZone.WIB: self.tr("WIB — Western Indonesia (UTC+7)"),
            IndonesianTimeZone.WITA: self.tr("WITA — Central Indonesia (UTC+8)"),
            IndonesianTimeZone.WIT: self.tr("WIT — Eastern Indonesia (UTC+9)"),
        }
        return names[zone]

    def request(self) -> ScheduleRequest:
        """The entered session (valid once OK is enabled)."""
        date = self.date_edit.date()
        time = self.time_edit.time()
        office = self.office_combo.currentText().strip()
        return ScheduleRequest(
            title=self.title_edit.text().strip(),
            starts_at=dt.datetime(
                date.year(), date.month(), date.day(), time.hour(), time.minute()
            ),
            time_zone=IndonesianTimeZone(self.zone_combo.currentData()),
            duration_minutes=self.duration_spin.value(),
            offices=[office] if office else [],
            notes=self.notes_edit.toPlainText().strip(),
        )

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.title_edit.text().strip()))
        # Show the same moment in the other two zones: Bandung (WIB) and Makassar (WITA)
        # otherwise arrive an hour apart.
        request = self.request()
        aware = request.starts_at.replace(tzinfo=request.time_zone.zone)
        others = [zoned_time(aware, z.value) for z in IndonesianTimeZone if z != request.time_zone]
        self.zone_hint.setText(self.tr("Same moment: {times}").format(times=", ".join(others)))
