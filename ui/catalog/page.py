"""App catalog page: the smart-city applications this office can grant (hibah) to other regions.

Browse and filter, import CSV/JSON (bad rows are listed row by row before anything is stored),
export, and load the shipped sample catalog, which stays visibly labelled as SAMPLE data.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mou import events as mou_events
from mou.catalog import (
    CatalogImportError,
    export_catalog,
    import_catalog,
    load_sample_catalog,
    parse_catalog,
    search_catalog,
)
from ui.agreements.catalog_picker import CatalogFilters
from ui.agreements.catalog_table import CatalogTable, sample_banner
from ui.agreements.domain_events import forward_domain_events, subscribe_while_alive
from ui.agreements.labels import dimension_label
from ui.agreements.message_bar import MessageBar
from ui.catalog.import_report import ImportReportDialog
from ui.catalog.row_errors import import_error_text
from ui.context import AppContext
from ui.empty_state import EmptyState
from ui.icons import icon
from ui.plain_errors import plain_text


class Page(QWidget):
    """The office's shareable applications (they become an agreement's Lampiran)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.report_dialog: ImportReportDialog | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget()
        outer.addWidget(self.stack)

        self.empty_state = EmptyState(
            self.tr("The app catalog is empty"),
            self.tr(
                "List the smart-city applications your office can share with other regions: "
                "import a CSV or JSON file, or load the sample catalog to try Lintas out. "
                "An agreement's Lampiran names the applications it grants."
            ),
            icon("catalog"),
        )
        self.import_button = self.empty_state.add_action(
            self.tr("Import CSV or JSON…"), primary=True
        )
        self.sample_button = self.empty_state.add_action(self.tr("Load the sample catalog"))
        self.stack.addWidget(self.empty_state)

        browse = QWidget()
        layout = QVBoxLayout(browse)
        top = QHBoxLayout()
        title = QLabel(self.tr("App catalog"))
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        title.setFont(font)
        top.addWidget(title, 1)
        self.list_import_button = QPushButton(self.tr("Import…"))
        self.export_button = QPushButton(self.tr("Export…"))
        top.addWidget(self.list_import_button)
        top.addWidget(self.export_button)
        layout.addLayout(top)
        self.message_bar = MessageBar()
        layout.addWidget(self.message_bar)
        self.sample_banner = sample_banner(
            self.tr(
                "SAMPLE data: the applications marked (SAMPLE) come from the shipped example "
                "catalog, not from a real city's list. Import your own catalog to replace them."
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
                self.tr("Technology"),
                self.tr("Licence"),
                self.tr("Description"),
            ],
            fit=(1, 3),
            widths=((0, 260), (2, 170), (4, 140), (5, 90)),
            stretch=6,
        )
        layout.addWidget(self.table, 1)
        self.count_label = QLabel()
        layout.addWidget(self.count_label)
        self.stack.addWidget(browse)
        self.browse = browse

        self.import_button.clicked.connect(self.choose_import)
        self.list_import_button.clicked.connect(self.choose_import)
        self.sample_button.clicked.connect(self.load_sample)
        self.export_button.clicked.connect(self.choose_export)
        self.filters.connect_changed(self.refresh)
        forward_domain_events(context.bridge)
        subscribe_while_alive(
            context.bridge, self, mou_events.CatalogChanged, lambda _e: self.refresh()
        )
        self.refresh()

    def refresh(self) -> None:
        """Show the empty state or the filtered catalog."""
        with self.context.database.session() as session:
            every = search_catalog(session, limit=1)
            if not every:
                self.stack.setCurrentWidget(self.empty_state)
                return
            apps = search_catalog(session, **self.filters.query())  # type: ignore[arg-type]
            any_sample = any(a.sample for a in search_catalog(session))
            self.stack.setCurrentWidget(self.browse)
            self.sample_banner.setVisible(any_sample)
            self.table.setRowCount(len(apps))
            for r, app in enumerate(apps):
                cells = [
                    app.name + (self.tr(" (SAMPLE)") if app.sample else ""),
                    dimension_label(app.dimension),
                    app.opd,
                    self.tr("yes") if app.public_service else self.tr("no"),
                    app.tech_stack,
                    app.licence,
                    app.description,
                ]
                for c, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    item.setToolTip(text)
                    self.table.setItem(r, c, item)
            self.count_label.setText(
                self.tr("%1 application(s) shown").replace("%1", str(len(apps)))
            )

    # -- import / export -------------------------------------------------------------------

    def choose_import(self) -> None:
        """Ask for a CSV or JSON file and import it."""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import an app catalog"), "", self.tr("Catalog files (*.csv *.json)")
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> ImportReportDialog | None:
        """Import ``path``; bad rows open the error report (returned) and nothing is stored yet."""
        parsed = parse_catalog(path)
        if parsed.errors:
            dialog = ImportReportDialog(path.name, parsed, self)
            dialog.accepted.connect(lambda: self._store(parsed, accept_valid_rows=True))
            dialog.open()
            self.report_dialog = dialog
            self.message_bar.show_message(
                self.tr("%1 was not imported: it has %2 problem(s).")
                .replace("%1", path.name)
                .replace("%2", str(len(parsed.errors)))
            )
            self.stack.setCurrentWidget(self.browse)
            return dialog
        self._store(parsed, accept_valid_rows=False)
        return None

    def _store(self, parsed: object, *, accept_valid_rows: bool) -> None:
        try:
            with self.context.database.session() as session:
                count = import_catalog(
                    session,
                    parsed,  # type: ignore[arg-type]
                    owner_region=getattr(parsed, "owner_region", "") or self.context.office.region,
                    accept_valid_rows=accept_valid_rows,
                )
        except CatalogImportError as exc:
            self.message_bar.show_message(import_error_text(exc))
            return
        self.filters.reload_opds()
        self.refresh()
        self.message_bar.show_message(
            self.tr("%1 application(s) imported.").replace("%1", str(count)), "success"
        )

    def load_sample(self) -> None:
        """Load the shipped SAMPLE catalog."""
        with self.context.database.session() as session:
            count = load_sample_catalog(session)
        self.filters.reload_opds()
        self.refresh()
        self.message_bar.show_message(
            self.tr("%1 SAMPLE application(s) loaded.").replace("%1", str(count)), "info"
        )

    def choose_export(self) -> None:
        """Ask for a .csv or .json file name and export the catalog shown."""
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the app catalog"), "catalog.csv",
            self.tr("CSV (*.csv);;JSON (*.json)"),
        )  # fmt: skip
        if path:
            self.export_file(Path(path))

    def export_file(self, path: Path) -> bool:
        """Export the filtered catalog to ``path`` (.csv or .json)."""
        try:
            with self.context.database.session() as session:
                apps = search_catalog(session, **self.filters.query())  # type: ignore[arg-type]
                export_catalog(apps, path, owner_region=self.context.office.region)
        except (ValueError, OSError) as exc:
            self.message_bar.show_message(
                self.tr("The catalog was not exported: %1").replace("%1", plain_text(exc))
            )
            return False
        self.message_bar.show_message(
            self.tr("Exported %1 application(s) to %2")
            .replace("%1", str(len(apps)))
            .replace("%2", str(path)),
            "success",
        )
        return True
