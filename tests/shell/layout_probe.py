"""Checks that a shown window fits a 1366x768 screen: every visible button and tab lies on the
screen and shows its whole text.

Used by the conventions tests on every page and dialog. "Whole text" is measured the way Qt
draws it: the label's font metrics against the room the widget (or tab) really has.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QPushButton,
    QScrollArea,
    QStyle,
    QTabBar,
    QToolButton,
    QWidget,
)

SCREEN = QRect(0, 0, 1366, 768)


@dataclass(frozen=True)
class Problem:
    """One widget that does not fit: what, where, and why."""

    widget: str
    text: str
    reason: str

    def __str__(self) -> str:
        return f"{self.widget} {self.text!r}: {self.reason}"


def _plain(text: str) -> str:
    # "&Save" shows as "Save"; "&&" is a literal ampersand.
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _inside_scroll_area(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _on_screen(widget: QWidget, window: QWidget) -> bool:
    # In the window's own coordinates: the window itself must not be larger than the screen.
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    return SCREEN.contains(rect)


def _visible_in_window(widget: QWidget, window: QWidget) -> bool:
    """Visible, and not scrolled away inside a scroll area (scrolling to it is fine)."""
    return widget.isVisibleTo(window) and not widget.visibleRegion().isEmpty()


def _clipped(button: QAbstractButton, text: str) -> int | None:
    """The text's width when ``button`` is too narrow to show all of it, else ``None``."""
    width = button.fontMetrics().horizontalAdvance(text)
    if isinstance(button, QPushButton):
        # A push button's size hint has a minimum width, so measure the text against the room
        # inside the style's frame and margins instead (Fusion: about 4 px each side).
        room = button.width() - 8
        if not button.icon().isNull():
            room -= button.iconSize().width() + 4
        if button.menu() is not None:
            room -= 14
        return width if width > room else None
    if isinstance(button, QToolButton) and button.menu() is not None:
        # Qt paints an instant-popup button's arrow over its text; the text needs room beside it.
        arrow = button.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None, button)
        return width if width + arrow + 8 > button.width() else None
    # Tool buttons, check boxes and radio buttons: their size hint is exactly text plus
    # decoration (indicator, menu arrow, icon).
    return width if button.width() < button.sizeHint().width() else None


def problems(window: QWidget) -> list[Problem]:
    """Everything in the shown ``window`` (a top-level) that is off-screen or clipped."""
    found: list[Problem] = []
    if window.width() > SCREEN.width() or window.height() > SCREEN.height():
        size = f"{window.width()}x{window.height()}"
        found.append(Problem(type(window).__name__, window.windowTitle(), f"window is {size}"))
    for button in window.findChildren(QAbstractButton):
        if not _visible_in_window(button, window) or isinstance(button.parentWidget(), QTabBar):
            continue
        text = _plain(button.text())
        name = f"{type(button).__name__}({button.objectName() or '-'})"
        if not _inside_scroll_area(button) and not _on_screen(button, window):
            found.append(Problem(name, text, "outside the 1366x768 screen"))
        if text and "\n" not in text:
            width = _clipped(button, text)
            if width is not None:
                found.append(Problem(name, text, f"text {width}px in {button.width()}px"))
    for bar in window.findChildren(QTabBar):
        if not _visible_in_window(bar, window):
            continue
        for index in range(bar.count()):
            if not bar.isTabVisible(index):
                continue
            text = _plain(bar.tabText(index))
            rect = bar.tabRect(index)
            if rect.isEmpty() or not bar.rect().contains(rect):
                found.append(Problem("tab", text, "tab scrolled off its bar"))
                continue
            needed = bar.fontMetrics().horizontalAdvance(text)
            icon = bar.tabIcon(index)
            room = rect.width() - 16 - (bar.iconSize().width() + 4 if not icon.isNull() else 0)
            if needed > room:
                found.append(Problem("tab", text, f"text {needed}px in {rect.width()}px tab"))
    for label in window.findChildren(QLabel):
        if not _visible_in_window(label, window) or label.wordWrap() or not label.text():
            continue
        if label.textFormat() != label.textFormat().PlainText and "<" in label.text():
            continue  # rich text: measured by its document, not by one line of metrics
        text = label.text()
        if "\n" in text or _inside_scroll_area(label):
            continue
        width = label.fontMetrics().horizontalAdvance(text)
        if width > label.contentsRect().width() + 1 and label.pixmap().isNull():
            found.append(Problem(f"QLabel({label.objectName() or '-'})", text, "text clipped"))
    return found
