"""Obligations (Kewajiban) tracker: what, which party, due date or recurrence; overdue in red."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mou import models
from mou.agreement import AgreementError, get_agreement, role_label
from mou.obligation import Recurrence, add_obligation, mark_done, occurrences, remove_obligation
from ui.agreements.acting import required_actor
from ui.agreements.labels import recurrence_label
from ui.agreements.list_view import format_date
from ui.agreements.messages import error_text
from ui.context import AppContext
from ui.datestyle import date_edit_format

OVERDUE = QColor("#b00020")


def is_overdue(obligation: models.Obligation, today: dt.date) -> bool:
    """A one-off obligation past its due date and not done (recurring ones just show the next date)."""
    if obligation.due_date is None or obligation.done_at is not None:
        return False
    if Recurrence(obligation.recurrence) is Recurrence.NONE:
        return obligation.due_date < today
    return False


def next_due(obligation: models.Obligation, today: dt.date) -> dt.date | None:
    """The next due date from today (recurring) or the due date itself (one-off)."""
    if obligation.due_date is None:
        return None
    if Recurrence(obligation.recurrence) is Recurrence.NONE:
        return obligation.due_date
    upcoming = occurrences(obligation, today, today + dt.timedelta(days=400))
    return upcoming[0] if upcoming else None


class ObligationsPanel(QWidget):
    """The obligations of one agreement, with an inline form to add one."""

    sig_changed = Signal()
    sig_error = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.agreement_id: int | None = None
        self.today = dt.date.today()
        self.ids: list[int] = []
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Obligation"),
                self.tr("Party"),
                self.tr("Due"),
                self.tr("Repeats"),
                self.tr("Done"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)

        form = QFormLayout()
        self.what_edit = QLineEdit()
        self.what_edit.setPlaceholderText(self.tr("e.g. Study visit of 7 to 10 days to Bandung"))
        form.addRow(self.tr("What:"), self.what_edit)
        self.party_combo = QComboBox()
        form.addRow(self.tr("Party:"), self.party_combo)
        due_row = QHBoxLayout()
        self.due_check = QCheckBox(self.tr("Due on"))
        self.due_edit = QDateEdit(QDate.currentDate())
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat(date_edit_format())
        self.due_edit.setEnabled(False)
        self.due_check.toggled.connect(self.due_edit.setEnabled)
        due_row.addWidget(self.due_check)
        due_row.addWidget(self.due_edit, 1)
        form.addRow(self.tr("Due:"), due_row)
        self.recurrence_combo = QComboBox()
        for recurrence in Recurrence:
            self.recurrence_combo.addItem(recurrence_label(recurrence.value), recurrence.value)
        form.addRow(self.tr("Repeats:"), self.recurrence_combo)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add obligation"))
        self.done_button = QPushButton(self.tr("Mark done"))
        self.remove_button = QPushButton(self.tr("Remove"))
        for button in (self.add_button, self.done_button, self.remove_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add)
        self.done_button.clicked.connect(self.toggle_done)
        self.remove_button.clicked.connect(self.remove)

    def set_editable(self, editable: bool) -> None:
        """Adding and removing change the agreement's text; marking done is tracking, always."""
        for widget in (self.add_button, self.remove_button):
            widget.setEnabled(editable)
            widget.setToolTip("" if editable else self.tr("The text cannot be changed now."))

    def set_agreement(self, agreement_id: int | None) -> None:
        """Show the obligations of ``agreement_id``."""
        self.agreement_id = agreement_id
        self.refresh()

    def refresh(self) -> None:
        """Reload the table and the party choices."""
        self.table.setRowCount(0)
        self.ids = []
        if self.agreement_id is None:
            return
        with self.context.database.session() as session:
            agreement = get_agreement(session, self.agreement_id)
            parties = {p.position: p.name for p in agreement.parties}
            chosen = self.party_combo.currentData()
            self.party_combo.clear()
            for position, name in sorted(parties.items()):
                self.party_combo.addItem(f"{role_label(position)} — {name}", position)
            self.party_combo.setCurrentIndex(max(self.party_combo.findData(chosen), 0))
            rows = sorted(agreement.obligations, key=lambda o: o.position)
            self.table.setRowCount(len(rows))
            for r, ob in enumerate(rows):
                self.ids.append(ob.id)
                overdue = is_overdue(ob, self.today)
                cells = [
                    ob.what,
                    role_label(ob.party_position),
                    format_date(next_due(ob, self.today)) or self.tr("no date"),
                    recurrence_label(ob.recurrence),
                    self.tr("yes") if ob.done_at else "",
                ]
                for c, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    item.setData(Qt.ItemDataRole.UserRole, ob.id)
                    if c == 1:
                        item.setToolTip(parties.get(ob.party_position, ""))
                    if overdue:
                        item.setForeground(QBrush(OVERDUE))
                        item.setToolTip(self.tr("Overdue"))
                    self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()

    def overdue_rows(self) -> list[int]:
        """Rows shown as overdue (tests check the highlighting through this)."""
        return [
            r
            for r in range(self.table.rowCount())
            if self.table.item(r, 0).foreground().color() == OVERDUE
        ]

    def add(self) -> None:
        """Add the obligation described by the form."""
        if self.agreement_id is None:
            return
        qdate = self.due_edit.date()
        due = (
            dt.date(qdate.year(), qdate.month(), qdate.day())
            if self.due_check.isChecked()
            else None
        )
        try:
            with self.context.database.session() as session:
                actor = required_actor(self.context, session)
                add_obligation(
                    session,
                    get_agreement(session, self.agreement_id),
                    actor,
                    what=self.what_edit.text(),
                    party=int(self.party_combo.currentData() or 1),
                    due_date=due,
                    recurrence=Recurrence(self.recurrence_combo.currentData()),
                )
        except AgreementError as exc:
            self.sig_error.emit(error_text(exc))
            return
        self.what_edit.clear()
        self.refresh()
        self.sig_changed.emit()

    def _selected(self) -> int | None:
        row = self.table.currentRow()
        return self.ids[row] if 0 <= row < len(self.ids) else None

    def toggle_done(self) -> None:
        """Mark the selected obligation done (or not done again)."""
        ob_id = self._selected()
        if ob_id is None:
            return
        with self.context.database.session() as session:
            ob = session.get(models.Obligation, ob_id)
            assert ob is not None
            mark_done(session, ob, ob.done_at is None)
        self.refresh()
        self.sig_changed.emit()

    def remove(self) -> None:
        """Remove the selected obligation from the agreement's text."""
        ob_id = self._selected()
        if ob_id is None or self.agreement_id is None:
            return
        try:
            with self.context.database.session() as session:
                actor = required_actor(self.context, session)
                ob = session.get(models.Obligation, ob_id)
                assert ob is not None
                remove_obligation(
                    session, get_agreement(session, self.agreement_id), actor, ob.uuid
                )
        except AgreementError as exc:
            self.sig_error.emit(error_text(exc))
            return
        self.refresh()
        self.sig_changed.emit()
