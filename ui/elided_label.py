"""A one-line label that never pushes its layout wider: a long text ends in "…", whole in a tooltip.

A plain QLabel asks for its full text width as its minimum, so one long line (a list of office
names) widens the whole window past 1366 px and its neighbours get squeezed over it. This label
asks for little, shows what fits, and keeps the full text in its tooltip and accessible name.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget


class ElidedLabel(QLabel):
    """One line of text, cut with "…" at the right when the space is short."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        """Show ``text`` (cut to fit); the full text stays in :meth:`full_text`."""
        self._full = text
        super().setText(text)
        self.setAccessibleName(text)
        self._sync_tooltip()

    def full_text(self) -> str:
        """The text as set, before any cut."""
        return self._full

    def shown_text(self) -> str:
        """The text as painted at the current width."""
        return self.fontMetrics().elidedText(
            self._full, Qt.TextElideMode.ElideRight, max(0, self.contentsRect().width())
        )

    def is_elided(self) -> bool:
        """True when the text does not fit and ends in "…"."""
        return self.shown_text() != self._full

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """Small enough for any layout: a few characters and the ellipsis."""
        hint = super().minimumSizeHint()
        return QSize(
            min(hint.width(), self.fontMetrics().horizontalAdvance("M…") * 3), hint.height()
        )

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._sync_tooltip()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.drawText(self.contentsRect(), int(self.alignment()), self.shown_text())

    def _sync_tooltip(self) -> None:
        self.setToolTip(self._full if self.is_elided() else "")
