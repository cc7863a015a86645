"""The editor's side panels with tab labels that wrap onto a second row instead of being cut off.

Seven panels (Comments, Obligations, Lampiran, Revisions, Details, Live review, …) do not fit
one row of tabs in a 400-pixel pane at 1366x768, and ``QTabBar`` can only elide the labels or
scroll them ("Penin…"). ``SideTabs`` keeps the ``QTabWidget`` API the editor's parts use
(``addTab``, ``setCurrentWidget``, ``tabText``) but hides its bar and shows one toggle button per
panel in a flow layout above the pages, every label in full.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QPaintEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QLayout,
    QLayoutItem,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QWidget,
)

_STRIP_STYLE = """
QToolButton { border: 1px solid #c4c4c4; border-radius: 4px; padding: 3px 8px;
              background: #f5f5f5; }
QToolButton:hover { background: #e8eef5; }
QToolButton:checked { background: #1f5f99; border-color: #1f5f99; color: white; }
"""


class FlowLayout(QLayout):
    """Lays children out left to right, starting a new row when the width is used up."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt override
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt override
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt override
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt override
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        x, y, row_height = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > rect.right() + 1 and row_height > 0:
                x, y = rect.x(), y + row_height + self._spacing
                row_height = 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y()


class SideTabs(QTabWidget):
    """A ``QTabWidget`` whose tab labels wrap onto several rows (see the module docstring)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabBar().hide()
        self.strip = QWidget(self)
        self.strip.setObjectName("sideTabStrip")
        self.strip.setStyleSheet(_STRIP_STYLE)
        self.flow = FlowLayout(self.strip)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.group.idClicked.connect(self.setCurrentIndex)
        self.currentChanged.connect(self._check_current)

    def buttons(self) -> list[QToolButton]:
        """One toggle button per panel, in tab order."""
        return [b for b in self.group.buttons() if isinstance(b, QToolButton)]

    def tabInserted(self, index: int) -> None:  # noqa: N802 - Qt override
        super().tabInserted(index)
        self._rebuild()

    def tabRemoved(self, index: int) -> None:  # noqa: N802 - Qt override
        super().tabRemoved(index)
        self._rebuild()

    def setTabText(self, index: int, text: str) -> None:  # noqa: N802 - Qt API
        """Rename a panel (its button follows)."""
        super().setTabText(index, text)
        self._rebuild()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._place()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._place()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        """Nothing: QTabWidget would paint its frame where its hidden bar left room for it."""
        del event

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:
            self._place()  # QTabWidget just laid its pages out for its own (hidden) bar
        return handled

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().minimumSizeHint()
        return QSize(hint.width(), hint.height() + self._strip_height(max(hint.width(), 200)))

    def _rebuild(self) -> None:
        for button in self.buttons():
            self.group.removeButton(button)
            self.flow.removeWidget(button)
            button.deleteLater()
        for index in range(self.count()):
            button = QToolButton(self.strip)
            button.setText(self.tabText(index))
            button.setCheckable(True)
            button.setAccessibleName(self.tabText(index))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self.group.addButton(button, index)
            self.flow.addWidget(button)
            button.show()
        self._check_current(self.currentIndex())
        self._place()

    def _check_current(self, index: int) -> None:
        button = self.group.button(index)
        if button is not None:
            button.setChecked(True)

    def _strip_height(self, width: int) -> int:
        return self.flow.heightForWidth(width - 8) + 8 if self.count() else 0

    def _place(self) -> None:
        """The strip at the top, the pages below it (QTabWidget placed them for its own bar)."""
        width = self.width()
        height = self._strip_height(width)
        self.strip.setGeometry(4, 4, width - 8, max(height - 8, 0))
        stack = self.findChild(
            QStackedWidget, "qt_tabwidget_stackedwidget", Qt.FindChildOption.FindDirectChildrenOnly
        )
        if stack is not None:
            stack.setGeometry(0, height, width, max(self.height() - height, 0))
