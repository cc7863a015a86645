"""Speaker view: the active speaker large, the other offices as a strip, the self view small.

Painted from the newest frame per office (no widget per tile), so it can run full screen on a
meeting-room TV (:mod:`ui.vicon.room_display`) beside the normal call window. Each picture is
labelled with its office.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

SELF_KEY = ""  # the self view (the call window's key for our own tile)
STRIP_RATIO = 0.18  # height of the thumbnail strip, of the whole view
SELF_RATIO = 0.16  # width of the self thumbnail, of the whole view


class SpeakerView(QWidget):
    """The active speaker large; everyone else in a strip; ourselves small in the corner."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(QSize(320, 200))
        self.images: dict[str, QImage] = {}
        self.labels: dict[str, str] = {}  # key -> the office's name
        self.active = ""  # key of the speaker shown large ("" is never large: ourselves)

    def set_office(self, key: str, label: str) -> None:
        """Show ``key`` (a peer id, or :data:`SELF_KEY`) with ``label``."""
        self.labels[key] = label
        self.update()

    def remove(self, key: str) -> None:
        """``key`` left the call."""
        self.images.pop(key, None)
        self.labels.pop(key, None)
        if self.active == key:
            self.active = ""
        self.update()

    def set_image(self, key: str, image: QImage) -> None:
        """The newest picture of ``key``."""
        self.images[key] = image
        self.update()

    def set_active(self, key: str) -> None:
        """Show ``key`` large (ourselves stay small: a self view as large as the others is
        what the room does not need)."""
        if key != SELF_KEY and key in self.labels and key != self.active:
            self.active = key
            self.update()

    def large_key(self) -> str:
        """Who is shown large: the active speaker, else the first other office."""
        if self.active and self.active in self.labels:  # "" is the self view, never large
            return self.active
        return next((k for k in self.labels if k != SELF_KEY), "")

    def waiting_text(self) -> str:
        """What the empty stage says while no other office is here ("" once one is)."""
        if self.large_key():
            return ""
        return self.tr("Waiting for the other offices to join…")

    def layout_rects(self) -> dict[str, QRect]:
        """Where each office is painted (tests check the sizes)."""
        rect = self.rect()
        strip_h = int(rect.height() * STRIP_RATIO)
        large = self.large_key()
        out: dict[str, QRect] = {}
        if large:
            out[large] = QRect(0, 0, rect.width(), rect.height() - strip_h)
        others = [k for k in self.labels if k not in (large, SELF_KEY)]
        thumb_w = int(strip_h * 16 / 9)
        for index, key in enumerate(others):
            out[key] = QRect(8 + index * (thumb_w + 8), rect.height() - strip_h + 4, thumb_w,
                             strip_h - 8)  # fmt: skip
        if SELF_KEY in self.labels:
            self_w = int(rect.width() * SELF_RATIO)
            self_h = int(self_w * 9 / 16)
            out[SELF_KEY] = QRect(rect.width() - self_w - 8, rect.height() - self_h - 8, self_w,
                                  self_h)  # fmt: skip
        return out

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#101418"))
        large = self.large_key()
        waiting = self.waiting_text()
        if waiting:  # alone: say so on the stage rather than leave a black hole
            font = painter.font()
            font.setPointSize(14)
            painter.setFont(font)
            painter.setPen(QColor("#c8d0d8"))
            stage = self.rect().adjusted(16, 16, -16, -int(self.height() * STRIP_RATIO))
            painter.drawText(stage, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             waiting)  # fmt: skip
        for key, rect in self.layout_rects().items():
            # "" is both "nobody large" and the self view's key: the self view is never large.
            self._paint_one(painter, key, rect, large=bool(large) and key == large)
        painter.end()

    def _paint_one(self, painter: QPainter, key: str, rect: QRect, *, large: bool) -> None:
        painter.fillRect(rect, QColor("#1e252c"))
        image = self.images.get(key)
        if image is not None and not image.isNull():
            scaled = image.scaled(rect.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                  Qt.TransformationMode.SmoothTransformation)  # fmt: skip
            x = rect.x() + (rect.width() - scaled.width()) // 2
            y = rect.y() + (rect.height() - scaled.height()) // 2
            painter.drawImage(x, y, scaled)
        label = self.labels.get(key, "")
        font = painter.font()
        font.setPointSize(18 if large else 10)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, rect.width() - 16)
        bar = QRect(rect.x(), rect.bottom() - metrics.height() - 8, rect.width(),
                    metrics.height() + 8)  # fmt: skip
        painter.fillRect(bar, QColor(0, 0, 0, 150))
        painter.setPen(QColor("white"))
        painter.drawText(bar.adjusted(8, 0, -8, 0), Qt.AlignmentFlag.AlignVCenter, text)
        if large:
            painter.setPen(QColor("#2e9d4f"))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
