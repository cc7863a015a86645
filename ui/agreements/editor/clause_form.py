"""The body editor of one pasal: heading, body text and ayat, with optional English parallel text."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.agreements.editor.ayat_delegate import AyatDelegate
from ui.agreements.editor.snapshot import ClauseData


class ClauseForm(QWidget):
    """Edits one pasal in place; ``sig_edited`` fires on every change for the autosaver."""

    sig_edited = Signal()
    sig_add_ayat = Signal()
    sig_delete_ayat = Signal(int)  # ayat number (1-based)
    sig_move_ayat = Signal(int, int)  # from number, to number

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clause: ClauseData | None = None
        self._loading = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.number_label = QLabel()
        font = self.number_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.number_label.setFont(font)
        top = QHBoxLayout()
        top.addWidget(self.number_label, 1)
        self.english_check = QCheckBox(self.tr("English parallel text"))
        top.addWidget(self.english_check)
        layout.addLayout(top)

        form = QFormLayout()
        self.heading_edit = QLineEdit()
        self.heading_edit.setPlaceholderText(self.tr("Heading of the pasal"))
        form.addRow(self.tr("Heading:"), self.heading_edit)
        self.heading_en_edit = QLineEdit()
        self.heading_en_label = QLabel(self.tr("Heading (English):"))
        form.addRow(self.heading_en_label, self.heading_en_edit)
        layout.addLayout(form)

        self.body_edit = QPlainTextEdit()
        self.body_edit.setPlaceholderText(self.tr("Text of the pasal (before its ayat)"))
        self.body_en_edit = QPlainTextEdit()
        self.body_en_edit.setPlaceholderText(self.tr("English text of the pasal"))
        bodies = QHBoxLayout()
        bodies.addWidget(self.body_edit)
        bodies.addWidget(self.body_en_edit)
        layout.addLayout(bodies, 1)

        ayat_row = QHBoxLayout()
        ayat_label = QLabel(self.tr("Ayat"))
        ayat_label.setFont(font)
        ayat_row.addWidget(ayat_label, 1)
        self.add_ayat_button = QToolButton()
        self.add_ayat_button.setText(self.tr("Add ayat"))
        self.delete_ayat_button = QToolButton()
        self.delete_ayat_button.setText(self.tr("Delete ayat"))
        self.up_ayat_button = QToolButton()
        self.up_ayat_button.setText("▲")
        self.up_ayat_button.setToolTip(self.tr("Move the ayat up"))
        self.down_ayat_button = QToolButton()
        self.down_ayat_button.setText("▼")
        self.down_ayat_button.setToolTip(self.tr("Move the ayat down"))
        for button in (
            self.add_ayat_button,
            self.delete_ayat_button,
            self.up_ayat_button,
            self.down_ayat_button,
        ):
            ayat_row.addWidget(button)
        layout.addLayout(ayat_row)
        self.ayat_table = QTableWidget(0, 2)
        self.ayat_table.setHorizontalHeaderLabels([self.tr("Indonesian"), self.tr("English")])
        self.ayat_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.ayat_table.setWordWrap(True)
        # An ayat is read whole: never "…" at the end of a long paragraph.
        self.ayat_table.setTextElideMode(Qt.TextElideMode.ElideNone)
        # Row heights follow the wrapped text whatever the column width becomes: the stretched
        # columns change width when the splitter or window moves, which Qt does not re-measure.
        # Re-measured once the resize settled (a header signal alone fires before the new width).
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(0)
        self._relayout.timeout.connect(self.relayout_rows)
        self.ayat_table.horizontalHeader().sectionResized.connect(lambda *_: self._relayout.start())
        self.ayat_table.viewport().installEventFilter(self)
        self.ayat_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.ayat_delegate = AyatDelegate(self.ayat_table)
        self.ayat_table.setItemDelegate(self.ayat_delegate)
        layout.addWidget(self.ayat_table, 3)

        for edit in (self.heading_edit, self.heading_en_edit):
            edit.textEdited.connect(self._changed)
        for text_edit in (self.body_edit, self.body_en_edit):
            text_edit.textChanged.connect(self._changed)
        self.ayat_table.itemChanged.connect(self._changed)
        # A finished edit may have more lines than before: the row grows to show all of them.
        self.ayat_table.itemChanged.connect(lambda item: self._relayout.start())
        self.english_check.toggled.connect(self._show_english)
        self.add_ayat_button.clicked.connect(self.sig_add_ayat)
        self.delete_ayat_button.clicked.connect(self._delete_ayat)
        self.up_ayat_button.clicked.connect(lambda: self._move_ayat(-1))
        self.down_ayat_button.clicked.connect(lambda: self._move_ayat(+1))
        self._show_english(False)
        self.set_clause(None)

    def set_clause(self, clause: ClauseData | None) -> None:
        """Show ``clause`` (``None``: an agreement without pasal)."""
        self._loading = True
        self.clause = clause
        if clause is None:
            self.number_label.setText(self.tr("No pasal selected"))
        else:
            self.number_label.setText(self.tr("Pasal %1").replace("%1", str(clause.number)))
        self.heading_edit.setText(clause.heading if clause else "")
        self.heading_en_edit.setText(clause.heading_en if clause else "")
        self.body_edit.setPlainText(clause.body if clause else "")
        self.body_en_edit.setPlainText(clause.body_en if clause else "")
        ayat = clause.ayat if clause else []
        self.ayat_table.setRowCount(len(ayat))
        self.ayat_table.setVerticalHeaderLabels([f"({n})" for n in range(1, len(ayat) + 1)])
        for row, (text, text_en) in enumerate(ayat):
            self.ayat_table.setItem(row, 0, QTableWidgetItem(text))
            self.ayat_table.setItem(row, 1, QTableWidgetItem(text_en))
        self.ayat_table.resizeRowsToContents()
        if clause is not None and not self.english_check.isChecked():
            has_english = bool(clause.heading_en or clause.body_en or any(e for _, e in ayat))
            if has_english:
                self.english_check.setChecked(True)
        self._loading = False

    def set_editable(self, editable: bool) -> None:
        """Read-only for viewers, signatories and closed agreements."""
        for edit in (self.heading_edit, self.heading_en_edit):
            edit.setReadOnly(not editable)
        for text_edit in (self.body_edit, self.body_en_edit):
            text_edit.setReadOnly(not editable)
        self.ayat_table.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers
            if editable
            else QAbstractItemView.EditTrigger.NoEditTriggers
        )
        for button in (
            self.add_ayat_button,
            self.delete_ayat_button,
            self.up_ayat_button,
            self.down_ayat_button,
        ):
            button.setEnabled(editable)

    def values(self) -> ClauseData | None:
        """The pasal as currently typed."""
        if self.clause is None:
            return None
        ayat = []
        for row in range(self.ayat_table.rowCount()):
            text = self.ayat_table.item(row, 0)
            text_en = self.ayat_table.item(row, 1)
            ayat.append((text.text() if text else "", text_en.text() if text_en else ""))
        return ClauseData(
            uuid=self.clause.uuid,
            number=self.clause.number,
            heading=self.heading_edit.text(),
            heading_en=self.heading_en_edit.text(),
            body=self.body_edit.toPlainText(),
            body_en=self.body_en_edit.toPlainText(),
            ayat=ayat,
        )

    def relayout_rows(self) -> None:
        """Fit every ayat row to its wrapped text at the current column widths."""
        self.ayat_table.resizeRowsToContents()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.ayat_table.viewport() and event.type() == QEvent.Type.Resize:
            self._relayout.start()
        return super().eventFilter(watched, event)

    def _changed(self, *_args: object) -> None:
        if not self._loading and self.clause is not None:
            self.sig_edited.emit()

    def _show_english(self, shown: bool) -> None:
        self.heading_en_edit.setVisible(shown)
        self.heading_en_label.setVisible(shown)
        self.body_en_edit.setVisible(shown)
        self.ayat_table.setColumnHidden(1, not shown)

    def _delete_ayat(self) -> None:
        row = self.ayat_table.currentRow()
        if row >= 0:
            self.sig_delete_ayat.emit(row + 1)

    def _move_ayat(self, delta: int) -> None:
        row = self.ayat_table.currentRow()
        if row >= 0 and 0 <= row + delta < self.ayat_table.rowCount():
            self.sig_move_ayat.emit(row + 1, row + 1 + delta)
