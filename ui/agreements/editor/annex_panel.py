"""The Lampiran (annex) of the agreement: the applications picked from the catalog.

Apps are added from this office's catalogue and removed from the Lampiran itself, so the office
that received a draft can take an app out even when its own catalogue does not list it.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mou import models
from mou.agreement import AgreementError, get_agreement
from mou.catalog import annex_records, remove_annex_items, set_annex
from mou.working_copy import ANNEX, parts
from ui.agreements.acting import required_actor
from ui.agreements.labels import dimension_label
from ui.agreements.messages import error_text
from ui.context import AppContext


class AnnexPanel(QWidget):
    """Shows the Lampiran; "Pick applications…" opens the catalog picker."""

    sig_changed = Signal()
    sig_error = Signal(str)
    sig_pick_requested = Signal()
    # An edit of the Lampiran for the undo history: its text, the Lampiran before and after.
    sig_undoable = Signal(str, object, object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.agreement_id: int | None = None
        self.app_uuids: list[str] = []
        self.editable = True
        layout = QVBoxLayout(self)
        self.hint = QLabel(
            self.tr("The applications granted by this agreement, listed in its Lampiran.")
        )
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Application"), self.tr("Dimension"), self.tr("OPD")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.pick_button = QPushButton(self.tr("Pick applications from the catalog…"))
        self.pick_button.clicked.connect(self.sig_pick_requested)
        self.remove_button = QPushButton(self.tr("Remove from the Lampiran"))
        self.remove_button.setEnabled(False)
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pick_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def set_agreement(self, agreement_id: int | None) -> None:
        """Show the Lampiran of ``agreement_id``."""
        self.agreement_id = agreement_id
        self.refresh()

    def names(self) -> list[str]:
        """Names of the applications in the Lampiran, in order."""
        return [self.table.item(r, 0).text() for r in range(self.table.rowCount())]

    def refresh(self) -> None:
        """Reload the Lampiran."""
        records: list[dict[str, str]] = []
        self.app_uuids = []
        if self.agreement_id is not None:
            with self.context.database.session() as session:
                agreement = get_agreement(session, self.agreement_id)
                records = annex_records(agreement)
                self.app_uuids = [
                    i.app_uuid for i in sorted(agreement.annex_items, key=lambda i: i.position)
                ]
        self.table.setRowCount(len(records))
        for r, record in enumerate(records):
            for c, text in enumerate(
                [record["name"], dimension_label(record["dimension"]), record["opd"]]
            ):
                item = QTableWidgetItem(text)
                item.setToolTip(record["description"] if c == 0 else text)
                self.table.setItem(r, c, item)

    def apply_pick(self, app_ids: list[int]) -> None:
        """Make the catalog apps with these ids the agreement's Lampiran."""
        if self.agreement_id is None:
            return
        try:
            with self.context.database.session() as session:
                actor = required_actor(self.context, session)
                apps = [session.get(models.CatalogApp, i) for i in app_ids]
                agreement = get_agreement(session, self.agreement_id)
                before = parts(agreement)[ANNEX]
                set_annex(session, agreement, actor, [a for a in apps if a is not None])
                session.flush()
                after = parts(agreement)[ANNEX]
        except AgreementError as exc:
            self.sig_error.emit(error_text(exc))
            return
        self.sig_undoable.emit(self.tr("Change the Lampiran"), {ANNEX: before}, {ANNEX: after})
        self.refresh()
        self.sig_changed.emit()

    def set_editable(self, editable: bool) -> None:
        """Allow removing only while the text may be edited (the domain checks it again)."""
        self.editable = editable
        self._selection_changed()

    def _selection_changed(self) -> None:
        selected = bool(self.table.selectionModel().selectedRows())
        self.remove_button.setEnabled(self.editable and selected)

    def remove_selected(self) -> None:
        """Take the selected applications out of the Lampiran."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        uuids = [self.app_uuids[r] for r in rows if r < len(self.app_uuids)]
        if self.agreement_id is None or not uuids:
            return
        try:
            with self.context.database.session() as session:
                actor = required_actor(self.context, session)
                agreement = get_agreement(session, self.agreement_id)
                before = parts(agreement)[ANNEX]
                remove_annex_items(session, agreement, actor, uuids)
                after = parts(agreement)[ANNEX]
        except AgreementError as exc:
            self.sig_error.emit(error_text(exc))
            return
        self.sig_undoable.emit(self.tr("Remove from the Lampiran"), {ANNEX: before}, {ANNEX: after})
        self.refresh()
        self.sig_changed.emit()
