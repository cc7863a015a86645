"""A small line plot drawn with QPainter offscreen (matplotlib is not a dependency of Lintas)."""

from __future__ import annotations

import math
import os
from pathlib import Path

COLOURS = ["#c62828", "#1565c0", "#2e7d32", "#6a1b9a"]


def _nice_max(value: float) -> float:
    """A round axis maximum at or above ``value`` (1, 2 or 5 times a power of ten)."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power


def line_plot(
    path: Path,
    title: str,
    x_label: str,
    y_label: str,
    series: dict[str, list[tuple[float, float]]],
    *,
    size: tuple[int, int] = (900, 540),
) -> None:
    """Draw ``series`` (name -> [(x, y), ...]) as lines with markers and a legend; save as PNG."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPen

    _app = QGuiApplication.instance() or QGuiApplication([])  # fonts need an application
    width, height = size
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont(painter.font())
    font.setPixelSize(14)
    painter.setFont(font)
    left, right, top, bottom = 80, 30, 50, 60
    plot = QRectF(left, top, width - left - right, height - top - bottom)
    points = [pt for pts in series.values() for pt in pts]
    xs = [x for x, _ in points] or [0.0, 1.0]
    x_min, x_max = min(xs), max(xs)
    if x_max == x_min:
        x_max = x_min + 1
    y_max = _nice_max(max((y for _, y in points), default=1.0))

    def at(x: float, y: float) -> QPointF:
        return QPointF(
            plot.left() + (x - x_min) / (x_max - x_min) * plot.width(),
            plot.bottom() - y / y_max * plot.height(),
        )

    painter.setPen(QPen(QColor("#222222")))
    title_font = QFont(font)
    title_font.setPixelSize(17)
    title_font.setBold(True)
    painter.setFont(title_font)
    painter.drawText(QRectF(0, 8, width, 30), Qt.AlignmentFlag.AlignCenter, title)
    painter.setFont(font)
    # Grid and y ticks: five steps.
    for i in range(6):
        y = y_max * i / 5
        p = at(x_min, y)
        painter.setPen(QPen(QColor("#dddddd")))
        painter.drawLine(QPointF(plot.left(), p.y()), QPointF(plot.right(), p.y()))
        painter.setPen(QPen(QColor("#222222")))
        painter.drawText(
            QRectF(0, p.y() - 10, left - 8, 20),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            f"{y:g}",
        )
    for x in sorted(set(xs)):
        p = at(x, 0)
        painter.drawLine(p, QPointF(p.x(), p.y() + 5))
        painter.drawText(
            QRectF(p.x() - 20, p.y() + 6, 40, 20), Qt.AlignmentFlag.AlignCenter, f"{x:g}"
        )
    painter.drawRect(plot)
    painter.drawText(
        QRectF(plot.left(), height - 28, plot.width(), 24), Qt.AlignmentFlag.AlignCenter, x_label
    )
    painter.save()
    painter.translate(18, plot.center().y())
    painter.rotate(-90)
    painter.drawText(
        QRectF(-plot.height() / 2, -12, plot.height(), 24), Qt.AlignmentFlag.AlignCenter, y_label
    )
    painter.restore()
    for index, (name, pts) in enumerate(series.items()):
        colour = QColor(COLOURS[index % len(COLOURS)])
        painter.setPen(QPen(colour, 2.5))
        ordered = sorted(pts)
        for a, b in zip(ordered, ordered[1:], strict=False):
            painter.drawLine(at(*a), at(*b))
        painter.setBrush(colour)
        for pt in ordered:
            painter.drawEllipse(at(*pt), 4, 4)
        # Legend, top-left inside the plot.
        ly = plot.top() + 14 + index * 22
        painter.drawLine(QPointF(plot.left() + 12, ly), QPointF(plot.left() + 40, ly))
        painter.setPen(QPen(QColor("#222222")))
        painter.drawText(QPointF(plot.left() + 48, ly + 5), name)
    painter.end()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(path)):
        raise OSError(f"could not write {path}")
