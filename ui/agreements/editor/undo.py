"""Undo and redo for the editor: every pasal, ayat and Lampiran edit is one ``QUndoCommand``.

A command keeps the part of the working copy it changed (the pasal with their ayat, or the
Lampiran) as it was before and after the edit (:mod:`mou.working_copy`); undo writes "before"
back, redo "after", through the domain's editing rules. Typing becomes one command per autosave
(a pause in typing), so Ctrl+Z takes back the last burst of typing, not one letter.

The history belongs to the open agreement and ends when the working copy changes in a way it did
not make (a live-review suggestion, an imported reply, a reconcile): undoing then would silently
overwrite that change. It also ends when the text becomes read-only (submitted for review).

``AgreementEditor.undo_action`` / ``redo_action`` carry the shortcuts (Ctrl+Z; Ctrl+Shift+Z and
Ctrl+Y) for the editor and its children. A window menu that offers Undo/Redo should add these same
actions (or act on ``undo_stack()``) rather than define a second Ctrl+Z, which Qt would treat as an
ambiguous shortcut and run neither.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QWidget

from mou.agreement import AgreementError, get_agreement
from mou.working_copy import ANNEX, CLAUSES, DETAILS, parts, restore
from ui.agreements.messages import error_text

if TYPE_CHECKING:
    from ui.agreements.editor.editor import AgreementEditor

Parts = dict[str, Any]


class WorkingCopyCommand(QUndoCommand):
    """One edit already made; undo/redo put its part of the working copy back."""

    def __init__(
        self,
        editor: AgreementEditor,
        text: str,
        before: Parts,
        after: Parts,
        select: tuple[str | None, str | None],
    ) -> None:
        super().__init__(text)
        self.editor = editor
        self.before, self.after = before, after
        self.select_before, self.select_after = select
        self._done = True  # pushed after the edit ran: the first redo() has nothing to do

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self.editor.restore_parts(self.after, self.select_after)

    def undo(self) -> None:
        self.editor.restore_parts(self.before, self.select_before)


class UndoKeys(QObject):
    """Sends Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y typed in a text field to the editor's history.

    Qt's line and text edits keep their own per-field undo and take these keys first; the
    drafter expects one history for the whole agreement instead.
    """

    def __init__(self, editor: AgreementEditor) -> None:
        super().__init__(editor)
        self.editor = editor

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            assert isinstance(event, QKeyEvent)
            wants = _undo_key(event)
            if wants and event.type() == QEvent.Type.ShortcutOverride:
                event.accept()  # keep the key for this filter, not a window shortcut
                return True
            if wants == "undo":
                self.editor.undo()
                return True
            if wants == "redo":
                self.editor.redo()
                return True
        return super().eventFilter(watched, event)


def _undo_key(event: QKeyEvent) -> str:
    if event.matches(QKeySequence.StandardKey.Undo):
        return "undo"
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    if (
        event.matches(QKeySequence.StandardKey.Redo)
        or (event.key() == Qt.Key.Key_Y and mods == ctrl)
        or (event.key() == Qt.Key.Key_Z and mods == ctrl | shift)
    ):
        return "redo"
    return ""


class UndoSupport:
    """The editor's undo history, mixed into ``AgreementEditor``."""

    def _setup_undo(self: AgreementEditor) -> None:
        self._undo_stack = QUndoStack(self)
        self._expected: Parts | None = None  # the working copy the history's top assumes
        self.undo_action = QAction(self)
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.redo_action = QAction(self)
        # Both common redo keys whatever the platform's own binding is.
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.undo_action.triggered.connect(self.undo)
        self.redo_action.triggered.connect(self.redo)
        self._undo_stack.indexChanged.connect(self._update_undo_actions)
        self._undo_stack.cleanChanged.connect(self._update_undo_actions)
        self.undo_keys = UndoKeys(self)
        self._update_undo_actions()

    def undo_stack(self: AgreementEditor) -> QUndoStack:
        """The open agreement's history (a window's Edit menu may act on it)."""
        return self._undo_stack

    def watch_undo_keys(self: AgreementEditor, *widgets: QWidget) -> None:
        """Route the undo keys typed in ``widgets`` to the editor's history."""
        for widget in widgets:
            widget.installEventFilter(self.undo_keys)

    def undo(self: AgreementEditor) -> None:
        """Take back the last edit (pending typing is saved first, so it is the last edit)."""
        if self._settle_for_undo():
            self._undo_stack.undo()

    def redo(self: AgreementEditor) -> None:
        """Do again the edit last taken back."""
        if self._settle_for_undo():
            self._undo_stack.redo()

    def _settle_for_undo(self: AgreementEditor) -> bool:
        delegate = self.clause_form.ayat_delegate
        if delegate.editor is not None:  # finish the open ayat cell: its text is the last edit
            delegate.commitData.emit(delegate.editor)
            delegate.closeEditor.emit(delegate.editor, QAbstractItemDelegate.EndEditHint.NoHint)
        table = self.clause_form.ayat_table
        if table.state() == QAbstractItemView.State.EditingState:
            table.setFocus()
        return self.autosaver.flush()

    def record_edit(
        self: AgreementEditor,
        text: str,
        before: Parts,
        after: Parts,
        select: tuple[str | None, str | None] = (None, None),
    ) -> None:
        """Push an edit that already happened (``before``/``after``: parts it changed)."""
        changed = {k: before[k] for k in before if before[k] != after.get(k)}
        if not changed:
            return
        after = {k: after[k] for k in changed}
        self._undo_stack.push(WorkingCopyCommand(self, text, changed, after, select))

    def set_expected(self: AgreementEditor, current: Parts | None) -> None:
        """What the working copy is after our own edit (later reloads compare with it)."""
        self._expected = current

    def check_history(self: AgreementEditor, current: Parts, editable: bool) -> None:
        """End the history when the copy changed elsewhere, or can no longer be edited."""
        if not editable or (self._expected is not None and current != self._expected):
            self._undo_stack.clear()
        self._expected = current

    def restore_parts(self: AgreementEditor, wanted: Parts, select: str | None) -> None:
        """Write ``wanted`` back into the working copy (undo and redo of a command)."""
        if self.data is None:
            return
        try:
            with self.context.database.session() as session:
                agreement = get_agreement(session, self.data.id)
                restore(
                    session,
                    agreement,
                    self._require_actor(session),
                    clauses=wanted.get(CLAUSES),
                    annex=wanted.get(ANNEX),
                    detail=wanted.get(DETAILS),
                )
                self._expected = parts(agreement)
        except AgreementError as exc:
            self.show_error(error_text(exc))
            # The history no longer matches what can be written: end it after this call.
            QTimer.singleShot(0, self, self._undo_stack.clear)
            return
        self.reload(select)
        self.message_bar.clear()
        self.sig_changed.emit(self.data.id)

    def _update_undo_actions(self: AgreementEditor) -> None:
        stack = self._undo_stack
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())
        self.undo_action.setText(
            QCoreApplication.translate("AgreementEditor", "Undo %1").replace("%1", stack.undoText())
            if stack.canUndo()
            else QCoreApplication.translate("AgreementEditor", "Undo")
        )
        self.redo_action.setText(
            QCoreApplication.translate("AgreementEditor", "Redo %1").replace("%1", stack.redoText())
            if stack.canRedo()
            else QCoreApplication.translate("AgreementEditor", "Redo")
        )
        self.undo_action.setToolTip(self.undo_action.text() + " (Ctrl+Z)")
        self.redo_action.setToolTip(self.redo_action.text() + " (Ctrl+Shift+Z, Ctrl+Y)")
