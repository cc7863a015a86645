"""Multi-line editing of ayat cells, committed on every keystroke so autosave sees the typing.

The default cell editor is a one-line ``QLineEdit`` that commits only when the cell is left; a
legal paragraph needs several lines, and a crash while a cell is open must not lose its text.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QPlainTextEdit, QStyledItemDelegate, QStyleOptionViewItem, QWidget

Index = QModelIndex | QPersistentModelIndex


class AyatDelegate(QStyledItemDelegate):
    """A ``QPlainTextEdit`` editor that writes each change straight into the table."""

    def createEditor(  # noqa: N802 - Qt override
        self, parent: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> QWidget:
        editor = QPlainTextEdit(parent)
        editor.setTabChangesFocus(True)
        editor.textChanged.connect(lambda: self.commitData.emit(editor))
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
