"""The row-level error report of a catalog import: what is wrong where, and what to do now."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mou.catalog import CatalogParse
from ui.catalog.row_errors import field_label, reason_text


class ImportReportDialog(QDialog):
    """Lists every bad row; "Import the valid rows" accepts, "Cancel" imports nothing."""

    def __init__(self, file_name: str, parsed: CatalogParse, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Problems in the catalog file"))
        self.resize(760, 460)
        layout = QVBoxLayout(self)
        summary = self.tr(
            "%1 has %2 problem(s). %3 row(s) are valid. Nothing has been imported yet: fix the "
            "file and import it again, or import only the valid rows."
        )
        summary = (
            summary.replace("%1", file_name)
            .replace("%2", str(len(parsed.errors)))
            .replace("%3", str(len(parsed.records)))
        )
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(len(parsed.errors), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Field"), self.tr("Problem")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for r, error in enumerate(parsed.errors):
            row_text = self.tr("whole file") if error.row == 0 else str(error.row)
            cells = [row_text, field_label(error.field), reason_text(error)]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_valid_button = buttons.addButton(
            self.tr("Import the %1 valid row(s)").replace("%1", str(len(parsed.records))),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.import_valid_button.setEnabled(bool(parsed.records))
        buttons.accepted.connect(self.accept)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
