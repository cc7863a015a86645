"""Per-participant connection quality: a coloured indicator with the numbers on hover."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget


class Quality(IntEnum):
    """Coarse grade of a link, worst last so ``max`` picks the limiting factor."""

    UNKNOWN = 0
    GOOD = 1
    FAIR = 2
    POOR = 3


@dataclass(frozen=True)
class LinkStats:
    """The numbers of one StatsUpdated event (any may be unknown)."""

    rtt_ms: float | None = None
    loss_pct: float | None = None
    bitrate_kbps: float | None = None
    fps: float | None = None

    @classmethod
    def from_event(cls, event: object) -> LinkStats:
        """Copy the fields of a ``conferencing.events.StatsUpdated``."""
        return cls(
            rtt_ms=getattr(event, "rtt_ms", None),
            loss_pct=getattr(event, "loss_pct", None),
            bitrate_kbps=getattr(event, "bitrate_kbps", None),
            fps=getattr(event, "fps", None),
        )


# Thresholds follow common vicon guidance (ITU-T G.114 puts one-way delay limits at
# 150/400 ms, so RTT 300/800 ms); loss above ~2 % is visible in VP8, above 8 % it breaks up.
# Frame rate: small tiles and every stream of a large session are sent at 15 fps on purpose
# (conferencing.fanout, the SFU's small layer), which is smooth for a face; only a picture
# that stutters below that is a symptom (a 20 fps limit showed a healthy gallery all "Fair").
_RTT_LIMITS = (300.0, 800.0)
_LOSS_LIMITS = (2.0, 8.0)
_FPS_LIMITS = (12.0, 6.0)


def grade(stats: LinkStats) -> Quality:
    """Grade a link by its worst metric; UNKNOWN until some number has arrived."""
    grades: list[Quality] = []
    if stats.rtt_ms is not None:
        grades.append(_grade_high(stats.rtt_ms, _RTT_LIMITS))
    if stats.loss_pct is not None:
        grades.append(_grade_high(stats.loss_pct, _LOSS_LIMITS))
    if stats.fps is not None:
        fair, poor = _FPS_LIMITS
        grades.append(
            Quality.GOOD
            if stats.fps >= fair
            else Quality.FAIR
            if stats.fps >= poor
            else Quality.POOR
        )
    return max(grades, default=Quality.UNKNOWN)


def _grade_high(value: float, limits: tuple[float, float]) -> Quality:
    fair, poor = limits
    if value < fair:
        return Quality.GOOD
    return Quality.FAIR if value < poor else Quality.POOR


_COLOURS = {
    Quality.UNKNOWN: QColor("#9e9e9e"),
    Quality.GOOD: QColor("#2e7d32"),
    Quality.FAIR: QColor("#f9a825"),
    Quality.POOR: QColor("#c62828"),
}


def quality_label(quality: Quality) -> str:
    """Translated one-word name of a grade."""
    names = {
        Quality.UNKNOWN: QCoreApplication.translate("Quality", "Measuring…"),
        Quality.GOOD: QCoreApplication.translate("Quality", "Good"),
        Quality.FAIR: QCoreApplication.translate("Quality", "Fair"),
        Quality.POOR: QCoreApplication.translate("Quality", "Poor"),
    }
    return names[quality]


def _number(value: float | None, fmt: str) -> str:
    if value is None:
        return QCoreApplication.translate("Quality", "n/a")
    return fmt.format(value)


def stats_tooltip(office: str, stats: LinkStats) -> str:
    """Multi-line tooltip with every metric, for hovering over an indicator."""
    lines = [
        QCoreApplication.translate("Quality", "Connection to {office}: {grade}").format(
            office=office, grade=quality_label(grade(stats))
        ),
        QCoreApplication.translate("Quality", "Round trip: {value}").format(
            value=_number(stats.rtt_ms, "{:.0f} ms")
        ),
        QCoreApplication.translate("Quality", "Packet loss: {value}").format(
            value=_number(stats.loss_pct, "{:.1f} %")
        ),
        QCoreApplication.translate("Quality", "Bitrate: {value}").format(
            value=_number(stats.bitrate_kbps, "{:.0f} kbit/s")
        ),
        QCoreApplication.translate("Quality", "Received video: {value}").format(
            value=_number(stats.fps, "{:.0f} fps")
        ),
    ]
    return "\n".join(lines)


class QualityIndicator(QWidget):
    """Three signal bars coloured by grade; the tooltip carries the numbers."""

    def __init__(self, office: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._office = office
        self._stats = LinkStats()
        self.setFixedSize(QSize(22, 16))
        self.setToolTip(stats_tooltip(office, self._stats))

    @property
    def quality(self) -> Quality:
        """The current grade."""
        return grade(self._stats)

    @property
    def stats(self) -> LinkStats:
        """The numbers last shown."""
        return self._stats

    def set_office(self, office: str) -> None:
        """Name the counterpart in the tooltip."""
        self._office = office
        self.setToolTip(stats_tooltip(office, self._stats))

    def set_stats(self, stats: LinkStats) -> None:
        """Show new numbers."""
        self._stats = stats
        self.setToolTip(stats_tooltip(self._office, stats))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        """Draw bars: GOOD lights three, FAIR two, POOR one, UNKNOWN none (grey outline)."""
        quality = self.quality
        lit = {Quality.GOOD: 3, Quality.FAIR: 2, Quality.POOR: 1}.get(quality, 0)
        colour = _COLOURS[quality]
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        bar_w = 5
        for i in range(3):
            h = 5 + i * 5
            x = 2 + i * (bar_w + 2)
            y = self.height() - h
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour if i < lit else QColor(255, 255, 255, 70))
            painter.drawRoundedRect(x, y, bar_w, h, 1, 1)
        painter.end()
