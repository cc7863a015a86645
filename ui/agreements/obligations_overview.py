"""Obligations tracker across every agreement: what is due next, by whom; overdue in red."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from mou import models
from mou.agreement import AgreementStatus, role_label
from ui.agreements.editor.obligations_panel import OVERDUE, is_overdue, next_due
from ui.agreements.labels import recurrence_label, status_label
from ui.agreements.list_view import format_date
from ui.context import AppContext

_LIVE = (AgreementStatus.AGREED, AgreementStatus.SIGNING, AgreementStatus.SIGNED)


class ObligationsOverview(QWidget):
    """Every obligation of live agreements (optionally drafts too), soonest first."""

    sig_back_requested = Signal()
    sig_open_requested = Signal(int)  # agreement id

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.today = dt.date.today()
        self.agreement_ids: list[int] = []
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.back_button = QPushButton(self.tr("← Agreements"))
        self.back_button.clicked.connect(self.sig_back_requested)
        title = QLabel(self.tr("Obligations tracker"))
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        title.setFont(font)
        self.drafts_check = QCheckBox(self.tr("Include agreements still being negotiated"))
        self.drafts_check.toggled.connect(self.refresh)
        top.addWidget(self.back_button)
        top.addWidget(title, 1)
        top.addWidget(self.drafts_check)
        layout.addLayout(top)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Next due"),
                self.tr("Obligation"),
                self.tr("Party"),
                self.tr("Agreement"),
                self.tr("Repeats"),
                self.tr("State"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in (0, 2, 4, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._open)
        layout.addWidget(self.table, 1)
        self.summary = QLabel()
        layout.addWidget(self.summary)

    def refresh(self) -> None:
        """Reload every obligation, soonest (and overdue) first."""
        states = [s.value for s in _LIVE]
        if self.drafts_check.isChecked():
            states += [
                AgreementStatus.DRAFT.value,
                AgreementStatus.INTERNAL_REVIEW.value,
                AgreementStatus.NEGOTIATION.value,
            ]
        rows = []
        with self.context.database.session() as session:
            query = (
                select(models.Obligation)
                .join(models.Agreement)
                .where(models.Agreement.status.in_(states))
            )
            for ob in session.scalars(query):
                agreement = ob.agreement
                party = next(
                    (p.name for p in agreement.parties if p.position == ob.party_position), ""
                )
                due = next_due(ob, self.today)
                rows.append(
                    (
                        due or dt.date.max,
                        is_overdue(ob, self.today),
                        [
                            format_date(due) or self.tr("no date"),
                            ob.what,
                            f"{role_label(ob.party_position)} — {party}",
                            agreement.title,
                            recurrence_label(ob.recurrence),
                            status_label(agreement.status),
                        ],
                        agreement.id,
                        ob.done_at is not None,
                    )
                )
        rows.sort(key=lambda r: (not r[1], r[0]))
        self.table.setRowCount(len(rows))
        self.agreement_ids = []
        overdue = 0
        for r, (_due, late, cells, agreement_id, done) in enumerate(rows):
            self.agreement_ids.append(agreement_id)
            overdue += late
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text + (self.tr(" (done)") if c == 1 and done else ""))
                item.setToolTip(text)
                item.setData(Qt.ItemDataRole.UserRole, agreement_id)
                if late:
                    item.setForeground(QBrush(OVERDUE))
                self.table.setItem(r, c, item)
        if rows:
            self.summary.setText(
                self.tr("%1 obligation(s), %2 overdue")
                .replace("%1", str(len(rows)))
                .replace("%2", str(overdue))
            )
        else:
            self.summary.setText(
                self.tr(
                    "No obligations yet. They come from agreements that are agreed or signed; "
                    "add them in an agreement's Obligations tab."
                )
            )

    def overdue_rows(self) -> list[int]:
        """Rows shown in the overdue colour."""
        return [
            r
            for r in range(self.table.rowCount())
            if self.table.item(r, 0).foreground().color() == OVERDUE
        ]

    def _open(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.agreement_ids):
            self.sig_open_requested.emit(self.agreement_ids[row])
