"""Hashes on screen: always the first 12 characters, with the full value one action away.

Twelve hex characters (48 bits) tell revisions and files apart at a glance and fit a table
column; the full value is in the tooltip and "Copy full hash" puts it on the clipboard, for
comparing with a printed stamp or a counterpart's file. :class:`HashLabel` is the label form,
:func:`add_copy_hash_menu` gives a table or list the same context-menu action.

Certificate fingerprints that people compare *to decide trust* (office cards read aloud by
phone) are not shortened: 48 bits are too few to stop a forged certificate made to match.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QLabel, QMenu, QWidget

#: How many characters of a hash the screens show.
SHORT_LENGTH = 12


def short_hash(value: str | None) -> str:
    """The first :data:`SHORT_LENGTH` characters of ``value`` ("" for none)."""
    return (value or "")[:SHORT_LENGTH]


def copy_full_hash(value: str) -> None:
    """Put the whole ``value`` on the clipboard."""
    QGuiApplication.clipboard().setText(value)


def _copy_text() -> str:
    return QCoreApplication.translate("HashLabel", "Copy full hash")


class HashLabel(QLabel):
    """A label showing a short hash inside a sentence, the full hash in its tooltip and menu.

    ``set_hash(full, template)`` shows ``template`` with ``%1`` replaced by the short hash
    (the template may be rich text). Right-click offers "Copy full hash".
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)

    def set_hash(self, full: str | None, template: str = "%1") -> None:
        """Show ``template`` with the short form of ``full``; ``None`` shows the template bare."""
        self._full = full or ""
        self.setText(template.replace("%1", short_hash(full)) if full else template)
        self.setToolTip(self._full)

    def set_full_hash(self, full: str | None) -> None:
        """Attach ``full`` (tooltip, copy) to a text the caller composed with :func:`short_hash`."""
        self._full = full or ""
        self.setToolTip(self._full)

    def full_hash(self) -> str:
        """The whole hash shown in short."""
        return self._full

    def copy_full(self) -> None:
        """Copy the whole hash to the clipboard."""
        if self._full:
            copy_full_hash(self._full)

    def context_menu(self) -> QMenu:
        """The label's menu: "Copy full hash" (disabled without a hash)."""
        menu = QMenu(self)
        action = menu.addAction(_copy_text())
        action.setObjectName("copyFullHash")
        action.setEnabled(bool(self._full))
        action.triggered.connect(self.copy_full)
        return menu

    def _menu(self, pos: QPoint) -> None:
        self.context_menu().popup(self.mapToGlobal(pos))


def add_copy_hash_menu(
    view: QAbstractItemView, full_hash_at: Callable[[QPoint], str | None]
) -> Callable[[QPoint], QMenu | None]:
    """Give ``view`` a context menu "Copy full hash" for the hash under the mouse.

    ``full_hash_at(pos)`` (viewport coordinates) returns the full hash of the row there.
    Returns the menu builder, which shows nothing (``None``) where there is no hash.
    """

    def build(pos: QPoint) -> QMenu | None:
        full = full_hash_at(pos)
        if not full:
            return None
        menu = QMenu(view)
        action = menu.addAction(_copy_text())
        action.setObjectName("copyFullHash")
        action.triggered.connect(lambda: copy_full_hash(full))
        return menu

    def show(pos: QPoint) -> None:
        menu = build(pos)
        if menu is not None:
            menu.popup(view.viewport().mapToGlobal(pos))

    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    view.customContextMenuRequested.connect(show)
    return build
