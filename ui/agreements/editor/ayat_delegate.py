"""Multi-line editing of ayat cells that grows with its text, committed on every keystroke.

The default cell editor is a one-line ``QLineEdit``; a legal paragraph needs several lines, and a
crash while a cell is open must not lose its text, so every change is written to the table (the
autosaver sees it). While a cell is being edited its row grows with the typed text: the delegate's
size hint includes the editor's content height, and the row is re-measured on each change, so the
text never scrolls out of sight. Enter inserts a new line; Ctrl+Enter (or leaving the cell)
finishes; Esc puts back the text the cell had when editing began.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QFrame,
    QPlainTextEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

Index = QModelIndex | QPersistentModelIndex

# An empty ayat still offers room for two lines, so a new row invites a paragraph.
_MIN_LINES = 2


class AyatCellEditor(QPlainTextEdit):
    """The in-place editor: no inner scrolling (the row grows instead), wraps at the cell width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ayatCellEditor")
        self.setTabChangesFocus(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        # The text as it was when editing began (Esc puts it back).
        self.original = ""

    def content_height(self, width: int | None = None) -> int:
        """Pixels needed to show all of the text wrapped at ``width`` (default: as laid out now)."""
        margin = int(self.document().documentMargin())
        if width is None:
            width = self.viewport().width()
        text_width = max(width - 2 * margin, 20)
        metrics = QFontMetrics(self.font())
        text = self.toPlainText() or " "
        if text.endswith("\n"):  # a trailing new line is a visible empty line
            text += " "
        lines = metrics.boundingRect(
            QRect(0, 0, text_width, 1 << 20), int(Qt.TextFlag.TextWordWrap), text
        ).height()
        lines = max(lines, metrics.lineSpacing() * _MIN_LINES)
        return lines + 2 * margin + 2 * self.frameWidth() + 2


class AyatDelegate(QStyledItemDelegate):
    """Creates :class:`AyatCellEditor` and keeps the edited row as tall as its text."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self.view = view
        self.editor: AyatCellEditor | None = None
        self._index: QPersistentModelIndex | None = None
        # Installed on each cell editor (the editor's undo keys); set by the agreement editor.
        self.key_filter: QObject | None = None
        self.closeEditor.connect(lambda editor, _hint: self._forget(editor))

    def createEditor(  # noqa: N802 - Qt override
        self, parent: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> QWidget:
        editor = AyatCellEditor(parent)
        editor.original = str(index.data(Qt.ItemDataRole.EditRole) or "")
        if self.key_filter is not None:
            editor.installEventFilter(self.key_filter)
        editor.textChanged.connect(lambda: self._typed(editor))
        editor.destroyed.connect(lambda *_: self._forget(editor))
        self.editor = editor
        self._index = QPersistentModelIndex(index)
        # Measured once the editor has its real width (the view sets the geometry next).
        QTimer.singleShot(0, self, self._grow_row)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802 - Qt override
        assert isinstance(editor, QPlainTextEdit)
        text = str(index.data(Qt.ItemDataRole.EditRole) or "")
        if editor.toPlainText() != text:  # keep the cursor while our own commits echo back
            editor.setPlainText(text)

    def setModelData(  # noqa: N802 - Qt override
        self, editor: QWidget, model: QAbstractItemModel, index: Index
    ) -> None:
        assert isinstance(editor, QPlainTextEdit)
        if model.data(index, Qt.ItemDataRole.EditRole) != editor.toPlainText():
            model.setData(index, editor.toPlainText(), Qt.ItemDataRole.EditRole)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        hint = super().sizeHint(option, index)
        editor = self.editor
        if editor is not None and self._index is not None and self._index == index:
            width = self.view.columnWidth(index.column())
            hint.setHeight(max(hint.height(), editor.content_height(width)))
        return hint

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if isinstance(watched, AyatCellEditor) and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key, mods = event.key(), event.modifiers()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
                mods & Qt.KeyboardModifier.ControlModifier
            ):
                self.commitData.emit(watched)
                self.closeEditor.emit(watched, QAbstractItemDelegate.EndEditHint.NoHint)
                return True
            if key == Qt.Key.Key_Escape:
                # Every keystroke was already written to the table: put the old text back.
                if watched.toPlainText() != watched.original:
                    watched.setPlainText(watched.original)
                self.closeEditor.emit(watched, QAbstractItemDelegate.EndEditHint.NoHint)
                return True
        return super().eventFilter(watched, event)

    def _typed(self, editor: AyatCellEditor) -> None:
        self.commitData.emit(editor)
        self._grow_row()

    def _grow_row(self) -> None:
        if self._index is not None and self._index.isValid():
            self.view.resizeRowToContents(self._index.row())

    def _forget(self, editor: QObject) -> None:
        if self.editor is editor:
            row = self._index.row() if self._index is not None and self._index.isValid() else -1
            self.editor = None
            self._index = None
            if row >= 0:
                # Back to the height of the stored text (the editor's extra line is gone).
                QTimer.singleShot(0, self, lambda: self._resize_after_close(row))

    def _resize_after_close(self, row: int) -> None:
        if 0 <= row < self.view.model().rowCount():
            self.view.resizeRowToContents(row)
