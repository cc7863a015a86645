"""The archive's list: one row per signed (or being signed) agreement."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from mou.signed_archive import ArchiveEntry
from ui.archive.messages import state_text


class ArchiveTable(QTableWidget):
    """Agreement, parties, status, signatures ("2 of 2"), the agreed revision's hash and
    whether the stored file verifies ("Verified, 2 signatures", filled in by the page)."""

    VERIFIED_COLUMN = 5

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 6, parent)
        self.entries: list[ArchiveEntry] = []
        self.setHorizontalHeaderLabels(
            [
                self.tr("Agreement"),
                self.tr("Parties"),
                self.tr("Status"),
                self.tr("Signatures"),
                self.tr("Revision"),
                self.tr("Verified"),
            ]
        )
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        head = self.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (2, 3, 4, self.VERIFIED_COLUMN):
            head.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def set_entries(self, entries: list[ArchiveEntry]) -> None:
        """Show ``entries``, keeping the selected agreement selected (else the first row)."""
        selected = self.selected_entry()
        self.entries = entries
        self.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            cells = [
                entry.title,
                " – ".join(entry.parties),
                state_text(entry.status),
                self.tr("{done} of {total}").format(done=entry.signatures, total=entry.signatories),
                (entry.revision_hash or "")[:12],
                "",
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.setItem(row, column, item)
        if not (selected is not None and self.select_agreement(selected.agreement_id)) and entries:
            self.selectRow(0)

    def set_verdict(self, row: int, text: str, *, ok: bool) -> None:
        """Show a row's verification result (green when verified, red when not)."""
        item = QTableWidgetItem(text)
        item.setToolTip(text)
        item.setForeground(QColor("#2e7d32" if ok else "#c62828"))
        self.setItem(row, self.VERIFIED_COLUMN, item)

    def verdict(self, row: int) -> str:
        """The text of a row's verification cell ("" while not verified)."""
        item = self.item(row, self.VERIFIED_COLUMN)
        return item.text() if item is not None else ""

    def selected_entry(self) -> ArchiveEntry | None:
        """The entry of the selected row."""
        model = self.selectionModel()
        rows = model.selectedRows() if model is not None else []
        if not rows or rows[0].row() >= len(self.entries):
            return None
        return self.entries[rows[0].row()]

    def select_agreement(self, agreement_id: int) -> bool:
        """Select the row of an agreement (False when it is not listed)."""
        for row, entry in enumerate(self.entries):
            if entry.agreement_id == agreement_id:
                self.selectRow(row)
                return True
        return False
