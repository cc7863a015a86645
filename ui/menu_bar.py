"""The main window's menu bar: File, Edit, View, Help, with the standard shortcuts.

The menus act on the page shown. A page takes part by defining any of these (all optional):

- ``save_blocked_reason() -> str | None`` and ``save_current()``: File > Save revision (Ctrl+S);
- ``print_blocked_reason() -> str | None`` and ``print_current()``: File > Print (Ctrl+P);
- ``current_undo_stack() -> QUndoStack | None``, ``undo()``, ``redo()``: Edit > Undo/Redo;
- ``help_topic() -> str``: which help F1 opens (else the page's key).

A reason (a translated sentence) says why the action cannot run now; the action stays enabled
where the page supports it and shows the reason in the status bar when used, so a key press is
never silently ignored. Undo/Redo carry no window shortcut: the editor owns Ctrl+Z, Ctrl+Shift+Z
and Ctrl+Y within itself (one key sequence in two window-wide actions is ambiguous in Qt, and
then neither fires); the menu shows those keys and acts on the same history.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMenu, QWidget
from shiboken6 import isValid

from ui.navigation import PAGES

if TYPE_CHECKING:
    from ui.main_window import MainWindow

#: How long a "why not" message stays in the status bar (ms).
REASON_MS = 8000


def _keys(sequence: QKeySequence | QKeySequence.StandardKey) -> str:
    return QKeySequence(sequence).toString(QKeySequence.SequenceFormat.NativeText)


class MenuBar(QObject):
    """Builds the window's menus and keeps them in step with the page shown."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        bar = window.menuBar()
        bar.setNativeMenuBar(False)  # the same menus on every desktop (and offscreen)
        self.file_menu = self._menu(self.tr("&File"))
        self.save_action = self._action(
            self.file_menu, self.tr("&Save revision"), QKeySequence.StandardKey.Save, self.save
        )
        self.print_action = self._action(
            self.file_menu, self.tr("&Print…"), QKeySequence.StandardKey.Print, self.print
        )
        self.file_menu.addSeparator()
        self.quit_action = self._action(
            self.file_menu, self.tr("&Quit"), QKeySequence("Ctrl+Q"), window.close
        )

        self.edit_menu = self._menu(self.tr("&Edit"))
        self.undo_action = self._action(self.edit_menu, self.tr("&Undo"), None, self.undo)
        self.redo_action = self._action(self.edit_menu, self.tr("&Redo"), None, self.redo)

        self.view_menu = self._menu(self.tr("&View"))
        self.page_actions: dict[str, QAction] = {}
        for number, spec in enumerate(PAGES, start=1):
            action = self._action(
                self.view_menu,
                spec.title(),
                QKeySequence(f"Ctrl+{number}"),
                lambda _checked=False, key=spec.key: window.navigate(key),
            )
            self.page_actions[spec.key] = action

        self.help_menu = self._menu(self.tr("&Help"))
        self.help_action = self._action(
            self.help_menu, self.tr("&Help for this page"), QKeySequence.StandardKey.HelpContents,
            self.help,
        )  # fmt: skip
        self.about_action = self._action(self.help_menu, self.tr("&About Lintas"), None, self.about)
        self.last_help: QWidget | None = None

        window.stack.currentChanged.connect(lambda _i: self.update_actions())
        for menu in (self.file_menu, self.edit_menu):
            menu.aboutToShow.connect(self.update_actions)
        self._watched_stack: QUndoStack | None = None
        self.update_actions()

    def _menu(self, title: str) -> QMenu:
        menu = self.window.menuBar().addMenu(title)
        menu.setToolTipsVisible(True)  # disabled entries say why in their tooltip
        return menu

    def _action(
        self,
        menu: QMenu,
        text: str,
        keys: QKeySequence | QKeySequence.StandardKey | None,
        slot: Callable[..., object],
    ) -> QAction:
        action = menu.addAction(text)
        if keys is not None:
            action.setShortcut(keys)
        # The window owns its actions' shortcuts (a menu entry alone is not a shortcut target
        # while the menu is closed).
        self.window.addAction(action)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    # -- the page shown ---------------------------------------------------------------------

    def page(self) -> QWidget | None:
        """The page in the window's stack (``None`` before the first one is shown)."""
        return self.window.stack.currentWidget()

    def _ask(self, name: str) -> Callable[..., object] | None:
        page = self.page()
        found = getattr(page, name, None) if page is not None else None
        return found if callable(found) else None

    def undo_stack(self) -> QUndoStack | None:
        """The undo history of the page shown, if it has one."""
        ask = self._ask("current_undo_stack")
        stack = ask() if ask is not None else None
        return stack if isinstance(stack, QUndoStack) else None

    def update_actions(self) -> None:
        """Enable and describe the actions for the page shown."""
        supported = {
            self.save_action: self._ask("save_current") is not None,
            self.print_action: self._ask("print_current") is not None,
        }
        for action, ok in supported.items():
            action.setEnabled(ok)
            action.setToolTip("" if ok else self.tr("Not available on this page."))
        stack = self.undo_stack()
        if stack is not self._watched_stack:
            if self._watched_stack is not None and isValid(self._watched_stack):
                self._watched_stack.indexChanged.disconnect(self._on_stack_changed)
            if stack is not None:
                stack.indexChanged.connect(self._on_stack_changed)
            self._watched_stack = stack
        self._on_stack_changed()

    def _on_stack_changed(self, *_args: object) -> None:
        if not isValid(self.undo_action):  # the window is being torn down
            return
        stack = self._watched_stack
        if stack is not None and not isValid(stack):  # its editor went away with the window
            stack = self._watched_stack = None
        undo_keys = _keys(QKeySequence.StandardKey.Undo)
        redo_keys = _keys(QKeySequence("Ctrl+Shift+Z"))
        can_undo = stack is not None and stack.canUndo()
        can_redo = stack is not None and stack.canRedo()
        undo_text = (
            self.tr("&Undo %1").replace("%1", stack.undoText()) if can_undo else self.tr("&Undo")
        )
        redo_text = (
            self.tr("&Redo %1").replace("%1", stack.redoText()) if can_redo else self.tr("&Redo")
        )
        # After a tab the menu shows the keys (the editor itself handles them, see above).
        self.undo_action.setText(f"{undo_text.strip()}\t{undo_keys}")
        self.redo_action.setText(f"{redo_text.strip()}\t{redo_keys}")
        self.undo_action.setEnabled(can_undo)
        self.redo_action.setEnabled(can_redo)
        none = self.tr("Nothing to undo here.") if stack is None else ""
        self.undo_action.setToolTip(none if not can_undo else "")

    # -- actions ----------------------------------------------------------------------------

    def _blocked(self, name: str) -> bool:
        ask = self._ask(name)
        reason = ask() if ask is not None else self.tr("Not available on this page.")
        if reason:
            self.window.statusBar().showMessage(str(reason), REASON_MS)
            return True
        return False

    def save(self) -> None:
        """Ctrl+S: save a revision on the page shown, or say why not."""
        if not self._blocked("save_blocked_reason"):
            self._ask("save_current")()  # type: ignore[misc]
        self.update_actions()

    def print(self) -> None:
        """Ctrl+P: print the page's document, or say why not."""
        if not self._blocked("print_blocked_reason"):
            self._ask("print_current")()  # type: ignore[misc]

    def undo(self) -> None:
        """Undo on the page shown (through the page, which settles pending typing first)."""
        ask = self._ask("undo")
        if ask is not None:
            ask()
        elif (stack := self.undo_stack()) is not None:
            stack.undo()

    def redo(self) -> None:
        """Redo on the page shown."""
        ask = self._ask("redo")
        if ask is not None:
            ask()
        elif (stack := self.undo_stack()) is not None:
            stack.redo()

    def help_topic(self) -> str:
        """The help topic of the page shown."""
        ask = self._ask("help_topic")
        topic = ask() if ask is not None else None
        return str(topic) if topic else self.window.current_key()

    def help(self) -> QWidget:
        """F1: the help for the page shown."""
        from ui.help import HelpDialog

        if self.last_help is not None:
            self.last_help.close()
        dialog = HelpDialog(self.help_topic(), self.window)
        self.last_help = dialog
        dialog.show()
        return dialog

    def about(self) -> QWidget:
        """Help > About Lintas."""
        from ui.help import HelpDialog

        dialog = HelpDialog("about", self.window)
        self.last_help = dialog
        dialog.show()
        return dialog
