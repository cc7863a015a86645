"""Revisions (Revisi) of the agreement: every save round with its office, author, time and hash."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mou.revision import RevisionInfo, history
from ui.context import AppContext
from ui.datestyle import short_datetime
from ui.hash_label import add_copy_hash_menu, short_hash


class RevisionsPanel(QWidget):
    """The round history; asks for a redline of the selected round against its predecessor."""

    sig_compare_requested = Signal(int, int)  # old revision id, new revision id
    sig_compare_dialog_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.agreement_id: int | None = None
        self.infos: list[RevisionInfo] = []
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Round"), self.tr("Office"), self.tr("Saved"), self.tr("Hash")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.previous_button = QPushButton(self.tr("Changes in this round"))
        self.compare_button = QPushButton(self.tr("Compare two revisions…"))
        row.addWidget(self.previous_button)
        row.addWidget(self.compare_button)
        layout.addLayout(row)
        self.previous_button.clicked.connect(self._compare_previous)
        self.compare_button.clicked.connect(self.sig_compare_dialog_requested)
        self.table.doubleClicked.connect(self._compare_previous)
        self.hash_menu = add_copy_hash_menu(self.table, self._hash_at)

    def _hash_at(self, pos: QPoint) -> str | None:
        row = self.table.rowAt(pos.y())
        return self.infos[row].hash if 0 <= row < len(self.infos) else None

    def set_agreement(self, agreement_id: int | None) -> None:
        """Show the rounds of ``agreement_id``."""
        self.agreement_id = agreement_id
        self.refresh()

    def refresh(self) -> None:
        """Reload the history."""
        self.infos = []
        if self.agreement_id is not None:
            with self.context.database.session() as session:
                self.infos = history(session, self.agreement_id)
        self.table.setRowCount(len(self.infos))
        for r, info in enumerate(self.infos):
            when = short_datetime(info.created_at)
            cells = [
                str(info.round) + (" ●" if info.is_head else ""),
                f"{info.author_office} ({info.author_name})",
                when,
                short_hash(info.hash),
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, info.id)
                item.setToolTip(info.hash if c == 3 else info.message or text)
                self.table.setItem(r, c, item)
        self.previous_button.setEnabled(len(self.infos) > 1)
        self.compare_button.setEnabled(len(self.infos) > 1)

    def _compare_previous(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            row = len(self.infos) - 1
        if row >= 1:
            self.sig_compare_requested.emit(self.infos[row - 1].id, self.infos[row].id)
