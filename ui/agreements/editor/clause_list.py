"""The pasal list: automatically numbered, with insert, move up/down and delete."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.agreements.editor.open_comments import (
    OPEN_COMMENTS_ROLE,
    OpenCommentsDelegate,
    count_tip,
)
from ui.agreements.editor.snapshot import ClauseData


class ClauseListPanel(QWidget):
    """Lists "Pasal 1 — Maksud dan Tujuan", ... and asks the editor to restructure."""

    sig_selected = Signal(str)
    sig_insert_requested = Signal(int)  # insert as this pasal number
    sig_move_requested = Signal(str, int)  # clause uuid, new number
    sig_delete_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(self.tr("Pasal"))
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        layout.addWidget(label)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        # Long headings wrap; alternating rows keep each pasal visibly one item.
        self.list.setAlternatingRowColors(True)
        self.list.setItemDelegate(OpenCommentsDelegate(self.list))
        self.list.currentItemChanged.connect(self._current_changed)
        layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        self.insert_button = self._button(
            self.tr("Insert"), self.tr("Insert a pasal after this one")
        )
        self.up_button = self._button("▲", self.tr("Move the pasal up"))
        self.down_button = self._button("▼", self.tr("Move the pasal down"))
        self.delete_button = self._button(self.tr("Delete"), self.tr("Delete the pasal"))
        for button in (self.insert_button, self.up_button, self.down_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.insert_button.clicked.connect(self._insert)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(+1))
        self.delete_button.clicked.connect(self._delete)
        self._editable = True

    def _button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    @staticmethod
    def item_text(clause: ClauseData, pasal_word: str) -> str:
        """ "Pasal 3 — Pelaksanaan" (the heading may be empty)."""
        heading = clause.heading.strip()
        return f"{pasal_word} {clause.number}" + (f" — {heading}" if heading else "")

    def set_clauses(self, clauses: list[ClauseData], select_uuid: str | None) -> None:
        """Show ``clauses`` in order and select ``select_uuid`` (or the first)."""
        self.list.blockSignals(True)
        self.list.clear()
        chosen = 0
        for index, clause in enumerate(clauses):
            item = QListWidgetItem(self.item_text(clause, self.tr("Pasal")))
            item.setData(Qt.ItemDataRole.UserRole, clause.uuid)
            self.list.addItem(item)
            if clause.uuid == select_uuid:
                chosen = index
        self.list.blockSignals(False)
        if clauses:
            self.list.setCurrentRow(chosen)
        self._update_buttons()

    def set_open_counts(self, counts: dict[str | None, int]) -> None:
        """Mark each pasal with open comments with a badge of their number."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            count = counts.get(item.data(Qt.ItemDataRole.UserRole), 0)
            item.setData(OPEN_COMMENTS_ROLE, count)
            # Read out by screen readers; the delegate paints the badge and adds the tooltip.
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, count_tip(count))
        self.list.doItemsLayout()  # a badge narrows the text: rows may wrap differently

    def open_counts(self) -> list[int]:
        """The open-comment count shown on each row (tests read the markers here)."""
        return [
            int(self.list.item(r).data(OPEN_COMMENTS_ROLE) or 0) for r in range(self.list.count())
        ]

    def update_heading(self, clause: ClauseData) -> None:
        """Refresh one row's text while its heading is typed."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == clause.uuid:
                item.setText(self.item_text(clause, self.tr("Pasal")))

    def texts(self) -> list[str]:
        """The rows as shown (tests read the numbering from here)."""
        return [self.list.item(r).text() for r in range(self.list.count())]

    def current_uuid(self) -> str | None:
        """The selected pasal's uuid."""
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def select_uuid(self, uuid: str) -> None:
        """Select the pasal with ``uuid``."""
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == uuid:
                self.list.setCurrentRow(row)

    def set_editable(self, editable: bool) -> None:
        """Enable or disable the restructuring buttons."""
        self._editable = editable
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.list.currentRow()
        count = self.list.count()
        self.insert_button.setEnabled(self._editable)
        self.up_button.setEnabled(self._editable and row > 0)
        self.down_button.setEnabled(self._editable and 0 <= row < count - 1)
        self.delete_button.setEnabled(self._editable and row >= 0)

    def _current_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        self._update_buttons()
        if current is not None:
            self.sig_selected.emit(current.data(Qt.ItemDataRole.UserRole))

    def _insert(self) -> None:
        # After the selected pasal; at the end when nothing is selected.
        row = self.list.currentRow()
        self.sig_insert_requested.emit(row + 2 if row >= 0 else self.list.count() + 1)

    def _move(self, delta: int) -> None:
        row = self.list.currentRow()
        uuid = self.current_uuid()
        if uuid is not None and 0 <= row + delta < self.list.count():
            self.sig_move_requested.emit(uuid, row + 1 + delta)

    def _delete(self) -> None:
        uuid = self.current_uuid()
        if uuid is not None:
            self.sig_delete_requested.emit(uuid)
