"""The sidebar: which pages exist, in which order, and the list widget that picks one.

Each page lives in its own package (``ui/<package>/page.py``, class ``Page``) so the engineer who
owns an area can grow it without touching the window. Pages are imported and built the first time
they are shown, which keeps heavy imports (aiortc, reportlab, pyHanko) out of the cold start.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QSize, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from ui.icons import icon


@dataclass(frozen=True)
class PageSpec:
    """One entry of the sidebar."""

    key: str
    title: Callable[[], str]
    module: str
    icon_name: str


# The titles are functions so they are translated when shown, not when this module is imported.
PAGES: tuple[PageSpec, ...] = (
    PageSpec(
        "home", lambda: QCoreApplication.translate("Navigation", "Home"), "ui.home.page", "home"
    ),
    PageSpec(
        "sessions",
        lambda: QCoreApplication.translate("Navigation", "Sessions"),
        "ui.sessions.page",
        "sessions",
    ),
    PageSpec(
        "agreements",
        lambda: QCoreApplication.translate("Navigation", "Agreements"),
        "ui.agreements.page",
        "agreements",
    ),
    PageSpec(
        "catalog",
        lambda: QCoreApplication.translate("Navigation", "App catalog"),
        "ui.catalog.page",
        "catalog",
    ),
    PageSpec(
        "archive",
        lambda: QCoreApplication.translate("Navigation", "Archive"),
        "ui.archive.page",
        "archive",
    ),
    PageSpec(
        "settings",
        lambda: QCoreApplication.translate("Navigation", "Settings"),
        "ui.settings_page.page",
        "settings",
    ),
)


def page_keys() -> list[str]:
    """Keys of every page in sidebar order."""
    return [spec.key for spec in PAGES]


class Sidebar(QListWidget):
    """The navigation list; emits the key of the page the user picked."""

    page_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setIconSize(QSize(22, 22))
        self.setSpacing(2)
        self.setUniformItemSizes(True)
        for spec in PAGES:
            item = QListWidgetItem(icon(spec.icon_name), spec.title())
            item.setData(0x0100, spec.key)  # Qt.UserRole
            item.setSizeHint(QSize(0, 40))
            self.addItem(item)
        width = max(self.sizeHintForColumn(0), 150) + 24
        self.setFixedWidth(width)
        self.currentRowChanged.connect(self._emit_key)

    def select(self, key: str) -> None:
        """Highlight ``key`` (which also emits ``page_selected`` when it changes)."""
        self.setCurrentRow(page_keys().index(key))

    def current_key(self) -> str:
        """Key of the highlighted page."""
        return PAGES[max(self.currentRow(), 0)].key

    def _emit_key(self, row: int) -> None:
        if 0 <= row < len(PAGES):
            self.page_selected.emit(PAGES[row].key)
