"""Window sizes that fit the screen they open on (a 1366x768 laptop is common in city offices).

A dialog asks for the size it would like; :func:`resize_to_fit` gives it that size, or the
screen's available area less a margin for the title bar, whichever is smaller, so its buttons
never fall below the screen. Content that needs more room scrolls inside the dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

#: Room kept free for the window's title bar and frame (the panel is outside the available area).
FRAME_MARGIN = QSize(16, 48)


def available_rect(widget: QWidget | None = None) -> QRect:
    """The available area of the screen ``widget`` is on (else the primary screen)."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 768)


def fit_size(wanted: QSize, available: QRect, minimum: QSize | None = None) -> QSize:
    """``wanted``, shrunk to ``available`` less :data:`FRAME_MARGIN`, but not below ``minimum``."""
    room = available.size() - FRAME_MARGIN
    size = wanted.boundedTo(room)
    return size.expandedTo(minimum) if minimum is not None else size


def resize_to_fit(
    widget: QWidget, width: int, height: int, available: QRect | None = None
) -> QSize:
    """Resize ``widget`` to ``width`` x ``height`` or to what its screen allows; returns the size."""
    size = fit_size(
        QSize(width, height), available or available_rect(widget), widget.minimumSizeHint()
    )
    widget.resize(size)
    return size
