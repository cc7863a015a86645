"""The agreement list: full-text search, filters (status, counterpart, expiring soon), table."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mou.agreement import AgreementStatus
from mou.search import AgreementRow, counterparts, list_agreements
from ui.agreements.labels import kind_label, status_label
from ui.context import AppContext
from ui.datestyle import short_date, short_datetime

EXPIRING_DAYS = 90
_SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class SortItem(QTableWidgetItem):
    """A cell that sorts by a key (ISO dates), not by its localized text."""

    def __init__(self, text: str, key: str) -> None:
        super().__init__(text)
        self.setData(_SORT_ROLE, key)

    def __lt__(self, other: QTableWidgetItem) -> bool:
        return str(self.data(_SORT_ROLE)) < str(other.data(_SORT_ROLE))


def format_date(day: dt.date | None) -> str:
    """A date in the UI language's short form ("" for none)."""
    return short_date(day)


class AgreementListView(QWidget):
    """Search and filter the agreements; double-click (or Open) opens one in the editor."""

    sig_open_requested = Signal(int)
    sig_new_requested = Signal()
    sig_import_requested = Signal()
    sig_export_card_requested = Signal()
    sig_obligations_requested = Signal()
    sig_trust_card_requested = Signal()

    COLUMNS = 6

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.rows: list[AgreementRow] = []
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        title = QLabel(self.tr("Agreements"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        top.addWidget(title, 1)
        self.import_button = QPushButton(self.tr("Import package…"))
        self.import_button.clicked.connect(self.sig_import_requested)
        self.new_button = QPushButton(self.tr("New agreement…"))
        self.new_button.setObjectName("primaryAction")
        self.new_button.clicked.connect(self.sig_new_requested)
        # Office cards carry an office's certificate; trusting one is needed once per counterpart.
        self.cards_button = QPushButton(self.tr("Office cards"))
        menu = QMenu(self.cards_button)
        menu.addAction(self.tr("Save our office card…"), self.sig_export_card_requested.emit)
        menu.addAction(
            self.tr("Trust a counterpart's office card…"), self.sig_trust_card_requested.emit
        )
        self.cards_button.setMenu(menu)
        self.obligations_button = QPushButton(self.tr("Obligations tracker"))
        self.obligations_button.clicked.connect(self.sig_obligations_requested)
        top.addWidget(self.obligations_button)
        top.addWidget(self.cards_button)
        top.addWidget(self.import_button)
        top.addWidget(self.new_button)
        layout.addLayout(top)

        filters = QHBoxLayout()
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(
            self.tr("Search title, parties, nomor, pasal text, apps…")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.status_combo = QComboBox()
        self.status_combo.addItem(self.tr("All states"), None)
        for status in AgreementStatus:
            self.status_combo.addItem(status_label(status), status.value)
        self.counterpart_combo = QComboBox()
        self.counterpart_combo.setMinimumContentsLength(18)
        self.counterpart_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.expiring_check = QCheckBox(self.tr("Expiring within 90 days"))
        filters.addWidget(self.search_edit, 2)
        filters.addWidget(self.status_combo)
        filters.addWidget(self.counterpart_combo, 1)
        filters.addWidget(self.expiring_check)
        layout.addLayout(filters)

        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Title"),
                self.tr("Kind"),
                self.tr("State"),
                self.tr("Counterpart"),
                self.tr("Valid until"),
                self.tr("Last change"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # Newest change first, as the query returns them; the user may sort by any column.
        header.setSortIndicator(5, Qt.SortOrder.DescendingOrder)
        self.table.doubleClicked.connect(self._open_current)
        self.table.activated.connect(self._open_current)  # Enter on a row
        layout.addWidget(self.table, 1)
        self.status_line = QLabel()
        layout.addWidget(self.status_line)

        # Debounced: a search runs once the user pauses typing, not on every key.
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self.status_combo.currentIndexChanged.connect(self.refresh)
        self.counterpart_combo.currentIndexChanged.connect(self.refresh)
        self.expiring_check.toggled.connect(self.refresh)
        self.reload_counterparts()

    def current_filter(self) -> dict[str, object]:
        """Keyword arguments of ``mou.search.list_agreements`` that the controls describe."""
        status = self.status_combo.currentData()
        return {
            "text_query": self.search_edit.text(),
            "status": AgreementStatus(status) if status else None,
            "counterpart": self.counterpart_combo.currentData(),
            "expiring_within_days": EXPIRING_DAYS if self.expiring_check.isChecked() else None,
        }

    def reload_counterparts(self) -> None:
        """Refill the counterpart filter, keeping the current choice."""
        chosen = self.counterpart_combo.currentData()
        with self.context.database.session() as session:
            names = counterparts(session)
        self.counterpart_combo.blockSignals(True)
        self.counterpart_combo.clear()
        self.counterpart_combo.addItem(self.tr("All counterparts"), None)
        for name in names:
            self.counterpart_combo.addItem(name, name)
        index = self.counterpart_combo.findData(chosen)
        self.counterpart_combo.setCurrentIndex(max(index, 0))
        self.counterpart_combo.blockSignals(False)

    def refresh(self) -> None:
        """Run the query and fill the table."""
        self._search_timer.stop()
        with self.context.database.session() as session:
            self.rows = list_agreements(session, limit=500, **self.current_filter())  # type: ignore[arg-type]
        # Sorting is switched off while filling, else rows move under the loop's feet.
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(self.rows))
        soon = dt.date.today() + dt.timedelta(days=EXPIRING_DAYS)
        for r, row in enumerate(self.rows):
            cells = [
                row.title,
                kind_label(row.kind),
                status_label(row.status),
                row.counterparts,
                format_date(row.valid_until),
                short_datetime(row.updated_at),
            ]
            keys = {
                4: row.valid_until.isoformat() if row.valid_until else "",
                5: row.updated_at.isoformat(),
            }
            for c, text in enumerate(cells):
                item = SortItem(text, keys.get(c, text.casefold()))
                item.setData(Qt.ItemDataRole.UserRole, row.id)
                if c == 4 and row.valid_until and row.valid_until <= soon:
                    item.setForeground(QBrush(QColor("#b00020")))
                    item.setToolTip(self.tr("Expires within 90 days"))
                self.table.setItem(r, c, item)
        self.table.setSortingEnabled(True)
        if self.rows:
            self.status_line.setText(self.tr("%1 agreement(s)").replace("%1", str(len(self.rows))))
        else:
            self.status_line.setText(self.tr("No agreement matches the search and filters."))

    def _open_current(self) -> None:
        item = self.table.item(self.table.currentRow(), 0)
        if item is not None:
            self.sig_open_requested.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def open_row(self, row: int) -> None:
        """Open the agreement shown in table row ``row``."""
        self.table.selectRow(row)
        self._open_current()
