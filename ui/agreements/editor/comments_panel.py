"""Comments (Komentar) on the selected pasal: threads with replies, resolve and reopen."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mou import models
from mou.agreement import AgreementError, get_agreement
from mou.comment import add_comment, reopen_comment, resolve_comment, threads
from ui.agreements.acting import required_actor
from ui.agreements.messages import error_text
from ui.context import AppContext
from ui.datestyle import short_datetime

_RESOLVED_ROLE = Qt.ItemDataRole.UserRole + 1


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text: a comment is read whole, never cut off with "…".

    ``QTreeView`` paints wrapped text but sizes rows for one line; the height is measured here
    from the column's current width (less the indentation of replies).
    """

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(  # noqa: N802 - Qt override
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        width = self.tree.columnWidth(index.column()) - 12
        if index.column() == 0:
            width -= self.tree.indentation() * (depth + 1)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        rect = option.fontMetrics.boundingRect(
            QRect(0, 0, max(width, 40), 1 << 20), int(Qt.TextFlag.TextWordWrap), text
        )
        return QSize(hint.width(), max(hint.height(), rect.height() + 6))


class CommentsPanel(QWidget):
    """Threaded comments of one pasal (or of every pasal)."""

    sig_changed = Signal()
    sig_error = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.agreement_id: int | None = None
        self.clause_uuid: str | None = None
        self.clause_numbers: dict[str, int] = {}
        layout = QVBoxLayout(self)
        self.all_check = QCheckBox(self.tr("Show comments on every pasal"))
        self.all_check.toggled.connect(self.refresh)
        layout.addWidget(self.all_check)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Comment"), self.tr("By")])
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setItemDelegate(WrappingDelegate(self.tree))
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.tree.setColumnWidth(1, 140)
        # A wider or narrower pane re-wraps every comment (row heights are measured again).
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.timeout.connect(self.tree.doItemsLayout)
        header.sectionResized.connect(lambda *_: self._relayout.start(0))
        self.tree.currentItemChanged.connect(self._update_buttons)
        layout.addWidget(self.tree, 1)
        self.empty_label = QLabel(
            self.tr("No comments on this pasal yet. Write one below; the other office sees it "
                    "in the next exchange package or live session.")
        )  # fmt: skip
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color:#555;")
        layout.addWidget(self.empty_label)
        self.input = QPlainTextEdit()
        self.input.setPlaceholderText(self.tr("Write a comment on this pasal…"))
        self.input.setMaximumHeight(80)
        layout.addWidget(self.input)
        buttons = QHBoxLayout()
        self.comment_button = QPushButton(self.tr("Comment"))
        self.reply_button = QPushButton(self.tr("Reply"))
        self.resolve_button = QPushButton(self.tr("Resolve"))
        for button in (self.comment_button, self.reply_button, self.resolve_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.comment_button.clicked.connect(lambda: self.post(reply=False))
        self.reply_button.clicked.connect(lambda: self.post(reply=True))
        self.resolve_button.clicked.connect(self.toggle_resolved)
        self._update_buttons()

    def set_target(
        self, agreement_id: int | None, clause_uuid: str | None, numbers: dict[str, int]
    ) -> None:
        """Show the comments of ``clause_uuid`` in ``agreement_id``."""
        self.agreement_id = agreement_id
        self.clause_uuid = clause_uuid
        self.clause_numbers = numbers
        self.refresh()

    def refresh(self) -> None:
        """Reload the threads from the database."""
        self.tree.clear()
        if self.agreement_id is None:
            self.tree.hide()
            self._update_buttons()
            return
        clause = None if self.all_check.isChecked() else self.clause_uuid
        with self.context.database.session() as session:
            found = threads(session, self.agreement_id, clause)
            for root, replies in found:
                item = self._item(root, self.tree.invisibleRootItem())
                by_uuid = {root.uuid: item}
                for reply in replies:
                    parent = by_uuid.get(reply.parent_uuid or "", item)
                    by_uuid[reply.uuid] = self._item(reply, parent)
        self.tree.expandAll()
        self.tree.setVisible(self.tree.topLevelItemCount() > 0)
        self.empty_label.setVisible(self.tree.topLevelItemCount() == 0)
        self._update_buttons()

    def _item(self, comment: models.Comment, parent: QTreeWidgetItem) -> QTreeWidgetItem:
        when = short_datetime(comment.created_at)
        prefix = ""
        if self.all_check.isChecked() and comment.parent_uuid is None:
            number = self.clause_numbers.get(comment.clause_uuid or "")
            pasal = self.tr("Pasal")
            prefix = f"[{pasal} {number}] " if number else ""
        item = QTreeWidgetItem(
            parent, [prefix + comment.body, f"{comment.author_name}, {comment.author_office_name}"]
        )
        item.setToolTip(0, comment.body)
        item.setToolTip(1, when)
        item.setData(0, Qt.ItemDataRole.UserRole, comment.id)
        item.setData(0, _RESOLVED_ROLE, comment.resolved_at is not None)
        if comment.resolved_at is not None:
            item.setForeground(0, QBrush(QColor("#777777")))
            item.setText(0, self.tr("✓ resolved: ") + item.text(0))
        return item

    def _selected_id(self) -> int | None:
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def _update_buttons(self, *_args: object) -> None:
        has_agreement = self.agreement_id is not None
        self.comment_button.setEnabled(has_agreement and self.clause_uuid is not None)
        selected = self._selected_id() is not None
        self.reply_button.setEnabled(selected)
        self.resolve_button.setEnabled(selected)
        item = self.tree.currentItem()
        resolved = item is not None and bool(item.data(0, _RESOLVED_ROLE))
        self.resolve_button.setText(self.tr("Reopen") if resolved else self.tr("Resolve"))

    def post(self, *, reply: bool) -> None:
        """Add the typed text as a comment on the pasal, or as a reply to the selected one."""
        body = self.input.toPlainText()
        if self.agreement_id is None:
            return
        try:
            with self.context.database.session() as session:
                actor = required_actor(self.context, session)
                agreement = get_agreement(session, self.agreement_id)
                parent = session.get(models.Comment, self._selected_id()) if reply else None
                add_comment(
                    session,
                    agreement,
                    actor,
                    body,
                    clause_uuid=None if reply else self.clause_uuid,
                    reply_to=parent,
                )
        except AgreementError as exc:
            self.sig_error.emit(error_text(exc))
            return
        self.input.clear()
        self.refresh()
        self.sig_changed.emit()

    def toggle_resolved(self) -> None:
        """Resolve the selected thread (or reopen it when it is resolved)."""
        comment_id = self._selected_id()
        if self.agreement_id is None or comment_id is None:
            return
        try:
            with self.context.database.session() as session:
                actor = required_actor(self.context, session)
                agreement = get_agreement(session, self.agreement_id)
                comment = session.get(models.Comment, comment_id)
                assert comment is not None
                if comment.resolved_at is None:
                    resolve_comment(session, agreement, actor, comment)
                else:
                    reopen_comment(session, agreement, actor, comment)
        except AgreementError as exc:
            self.sig_error.emit(error_text(exc))
            return
        self.refresh()
        self.sig_changed.emit()
