""" "Share a window": a small chooser listing the windows Qt can capture, by title.

The list is :meth:`QWindowCapture.capturableWindows` at the moment the chooser opens. Where no
window can be captured (the offscreen platform, a Wayland session without the screen-sharing
portal, a system that forbids it) the chooser says so plainly and offers only to close.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtMultimedia import QCapturableWindow, QWindowCapture
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class WindowPicker(QDialog):
    """Lists ``windows`` by title; :meth:`chosen` is the one the user picked to share."""

    def __init__(self, windows: Sequence[QCapturableWindow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("windowPicker")
        self.setWindowTitle(self.tr("Share a window"))
        self.windows = list(windows)
        col = QVBoxLayout(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        col.addWidget(self.message)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Windows you can share"))
        titles = [self.title_of(window) for window in self.windows]
        for index, title in enumerate(titles):
            if titles.count(title) > 1:  # two "Terminal" windows: tell them apart by number
                title = self.tr("{title} ({number})").format(
                    title=title, number=titles[: index + 1].count(title)
                )
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, index)
            self.list.addItem(item)
        col.addWidget(self.list, 1)
        self.buttons = QDialogButtonBox(self)
        self.share_button: QPushButton = self.buttons.addButton(
            self.tr("Share this window"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.close_button: QPushButton = self.buttons.addButton(
            self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        col.addWidget(self.buttons)
        self.list.currentRowChanged.connect(lambda row: self.share_button.setEnabled(row >= 0))
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        if self.windows:
            self.message.setText(self.tr("Choose the window the other offices will see."))
            self.list.setCurrentRow(0)
        else:
            self.message.setText(
                self.tr(
                    "No window can be shared on this computer right now. Open the window you "
                    "want to show and try again, or present a document instead."
                )
            )
            self.list.hide()
            self.share_button.hide()
            self.close_button.setText(self.tr("Close"))
        self.resize(480, 360 if self.windows else 140)

    def title_of(self, window: QCapturableWindow) -> str:
        """The name the list shows for ``window`` (its title, or a plain stand-in)."""
        return window.description().strip() or self.tr("Untitled window")

    def choose(self, row: int) -> None:
        """Select the window on ``row`` (as a click on it does)."""
        self.list.setCurrentRow(row)

    def chosen(self) -> QCapturableWindow | None:
        """The selected window (None when nothing is listed or selected)."""
        item = self.list.currentItem()
        if item is None or not self.windows:
            return None
        return self.windows[int(item.data(Qt.ItemDataRole.UserRole))]


def pick_window(
    parent: QWidget | None, windows: Sequence[QCapturableWindow] | None = None
) -> QCapturableWindow | None:
    """Ask which window to share; None when the user cancels or nothing can be shared."""
    picker = WindowPicker(
        QWindowCapture.capturableWindows() if windows is None else windows, parent
    )
    if picker.exec() != QDialog.DialogCode.Accepted:
        return None
    return picker.chosen()
