"""Catalog picker: search and filter the granting city's apps and pick them for the Lampiran."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mou.catalog import Dimension, opds, search_catalog
from ui.agreements.catalog_table import CatalogTable, sample_banner
from ui.agreements.labels import dimension_label
from ui.context import AppContext


class CatalogFilters(QWidget):
    """Search text, dimension, public-service flag and OPD (shared by picker and catalog page)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search name, description, OPD, technology…"))
        self.search_edit.setClearButtonEnabled(True)
        self.dimension_combo = QComboBox()
        self.dimension_combo.addItem(self.tr("All dimensions"), None)
        for dimension in Dimension:
            self.dimension_combo.addItem(dimension_label(dimension.value), dimension.value)
        self.public_combo = QComboBox()
        self.public_combo.addItem(self.tr("Public service or not"), None)
        self.public_combo.addItem(self.tr("Public service only"), True)
        self.public_combo.addItem(self.tr("Internal only"), False)
        self.opd_combo = QComboBox()
        self.opd_combo.setMinimumContentsLength(14)
        self.opd_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        row.addWidget(self.search_edit, 2)
        row.addWidget(self.dimension_combo)
        row.addWidget(self.public_combo)
        row.addWidget(self.opd_combo, 1)
        self.context = context
        self.reload_opds()

    def reload_opds(self) -> None:
        """Refill the OPD choices from the catalog."""
        chosen = self.opd_combo.currentData()
        with self.context.database.session() as session:
            names = opds(session)
        self.opd_combo.blockSignals(True)
        self.opd_combo.clear()
        self.opd_combo.addItem(self.tr("All OPD"), None)
        for name in names:
            self.opd_combo.addItem(name, name)
        self.opd_combo.setCurrentIndex(max(self.opd_combo.findData(chosen), 0))
        self.opd_combo.blockSignals(False)

    def connect_changed(self, slot: object) -> None:
        """Call ``slot`` whenever a filter changes."""
        self.search_edit.textChanged.connect(slot)
        for combo in (self.dimension_combo, self.public_combo, self.opd_combo):
            combo.currentIndexChanged.connect(slot)

    def query(self) -> dict[str, object]:
        """Keyword arguments for ``mou.catalog.search_catalog``."""
        return {
            "text": self.search_edit.text(),
            "dimension": self.dimension_combo.currentData(),
            "public_service": self.public_combo.currentData(),
            "opd": self.opd_combo.currentData(),
        }


class CatalogPickerDialog(QDialog):
    """Tick the applications to grant; ``picked_ids`` keeps the ticked ones in catalog order."""

    def __init__(
        self, context: AppContext, picked_uuids: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Pick applications for the Lampiran"))
        self.resize(1100, 640)
        # Ticks survive filtering: remember them by app id, not by table row.
        self.picked: dict[int, bool] = {}
        self._initial_uuids = set(picked_uuids)
        self.ids: list[int] = []
        layout = QVBoxLayout(self)
        self.sample_banner = sample_banner(
            self.tr(
                "SAMPLE data: this catalog is the shipped example, not a real city's list. "
                "Import your own catalog on the App catalog page."
            )
        )
        layout.addWidget(self.sample_banner)
        self.filters = CatalogFilters(context)
        layout.addWidget(self.filters)
        self.table = CatalogTable(
            [
                self.tr("Application"),
                self.tr("Dimension"),
                self.tr("OPD"),
                self.tr("Public service"),
                self.tr("Description"),
            ],
            fit=(0, 1, 3),
            widths=((2, 200),),
            stretch=4,
        )
        layout.addWidget(self.table, 1)
        # An empty table says nothing by itself; tell the user why and where apps come from.
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setVisible(False)
        layout.addWidget(self.empty_label)
        self.count_label = QLabel()
        layout.addWidget(self.count_label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Put in the Lampiran"))
        buttons.accepted.connect(self.accept)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.itemChanged.connect(self._item_changed)
        self.filters.connect_changed(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Run the filters and show the matching apps with their tick boxes."""
        with self.context.database.session() as session:
            every = search_catalog(session)
            for app in every:
                if app.id not in self.picked:
                    self.picked[app.id] = app.uuid in self._initial_uuids
            # Ids of every known app in catalog order, for a stable Lampiran order.
            self._order = [a.id for a in every]
            any_sample = any(a.sample for a in every)
            rows = search_catalog(session, **self.filters.query())  # type: ignore[arg-type]
            self.sample_banner.setVisible(any_sample)
            self._show_empty(bool(every), bool(rows))
            self.table.blockSignals(True)
            self.table.setRowCount(len(rows))
            self.ids = [a.id for a in rows]
            for r, app in enumerate(rows):
                name = QTableWidgetItem(app.name + (self.tr(" (SAMPLE)") if app.sample else ""))
                name.setFlags(name.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                name.setCheckState(
                    Qt.CheckState.Checked if self.picked[app.id] else Qt.CheckState.Unchecked
                )
                name.setData(Qt.ItemDataRole.UserRole, app.id)
                cells = [
                    name,
                    QTableWidgetItem(dimension_label(app.dimension)),
                    QTableWidgetItem(app.opd),
                    QTableWidgetItem(self.tr("yes") if app.public_service else self.tr("no")),
                    QTableWidgetItem(app.description),
                ]
                cells[2].setToolTip(app.opd)
                cells[4].setToolTip(app.description)
                for c, item in enumerate(cells):
                    self.table.setItem(r, c, item)
            self.table.blockSignals(False)
        self._update_count()

    def _show_empty(self, catalog_has_apps: bool, rows_shown: bool) -> None:
        if not catalog_has_apps:
            text = self.tr(
                "Your office's catalog has no applications yet. Import the list of applications "
                "your city offers on the App catalog page, then pick them here."
            )
        elif not rows_shown:
            text = self.tr("No application matches the search and filters above.")
        else:
            text = ""
        self.empty_label.setText(text)
        self.empty_label.setVisible(bool(text))

    def set_checked(self, row: int, checked: bool) -> None:
        """Tick or untick the app in ``row``."""
        self.table.item(row, 0).setCheckState(
            Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        )

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == 0:
            app_id = item.data(Qt.ItemDataRole.UserRole)
            self.picked[app_id] = item.checkState() == Qt.CheckState.Checked
            self._update_count()

    def picked_ids(self) -> list[int]:
        """Ticked apps, in catalog order."""
        return [i for i in self._order if self.picked.get(i)]

    def _update_count(self) -> None:
        count = sum(1 for v in self.picked.values() if v)
        self.count_label.setText(
            self.tr("%1 application(s) picked; %2 shown")
            .replace("%1", str(count))
            .replace("%2", str(len(self.ids)))
        )
