"""One video tile: the latest frame, the office name, a quality badge and who is proven on it."""

from __future__ import annotations

import time

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from conferencing.call_identity import PeerVerification
from ui.vicon.quality import LinkStats, QualityIndicator
from ui.vicon.verification import verification_colour, verification_text

#: A remote picture older than this is shown dimmed as "video paused" (a stall, a cut link).
STALE_AFTER_S = 2.0


class VideoTile(QWidget):
    """Paints the newest image it was given; never queues frames (the controller drops stale ones)."""

    def __init__(
        self, peer_id: str, office: str, *, is_self: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.peer_id = peer_id
        self._office = office
        self._is_self = is_self
        self._image: QImage | None = None
        self._video_off = False
        self._video_paused = False  # the engine saw this peer's video freeze (sound goes on)
        self._muted = False
        self.frames_shown = 0
        self._last_frame_at = 0.0
        self._stale = False
        self._verification: PeerVerification | None = None
        self._guest = False  # a browser guest: marked, never verified
        self.setMinimumSize(QSize(200, 150))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.quality = QualityIndicator(office, self)
        self.quality.setVisible(not is_self)
        self.setObjectName(f"tile:{peer_id}")
        self.setAccessibleName(office)

    @property
    def office(self) -> str:
        """The office shown on the name bar."""
        return self._office

    @property
    def image(self) -> QImage | None:
        """The frame currently painted (None until the first one arrives)."""
        return self._image

    @property
    def video_off(self) -> bool:
        """Whether the 'camera off' card is shown."""
        return self._video_off

    @property
    def muted(self) -> bool:
        """Whether the name bar says 'muted'."""
        return self._muted

    def caption(self) -> str:
        """Text of the name bar."""
        if self._is_self:
            return self.tr("{office} (you)").format(office=self._office)
        return self._office

    def set_image(self, image: QImage) -> None:
        """Show a new frame (GUI thread only)."""
        self._image = image
        self.frames_shown += 1
        self._last_frame_at = time.monotonic()
        self._stale = False
        self.update()

    @property
    def stale(self) -> bool:
        """Whether the picture is frozen (no frame for a while) and marked so."""
        return self._stale

    def check_stale(self, after_s: float = STALE_AFTER_S) -> bool:
        """Mark the picture as frozen when no frame came for ``after_s`` seconds."""
        stale = (
            not self._is_self
            and self._image is not None
            and time.monotonic() - self._last_frame_at > after_s
        )
        if stale != self._stale:
            self._stale = stale
            self.update()
        return stale

    def set_video_off(self, off: bool) -> None:
        """Show a 'camera off' card instead of the last frame."""
        self._video_off = off
        self.update()

    @property
    def video_paused(self) -> bool:
        """Whether the engine reports this peer's picture frozen by a poor connection."""
        return self._video_paused

    def set_video_paused(self, paused: bool) -> None:
        """Say the picture is paused by a poor connection (the sound may go on)."""
        self._video_paused = paused
        self.update()

    @property
    def status_text(self) -> str:
        """What the tile writes over the picture ("" when it shows live video)."""
        if self._video_off:
            return self.tr("Camera off")
        if self._image is None:
            return self.tr("Starting camera…") if self._is_self else self.tr("Waiting for video…")
        if self._video_paused:
            return self.tr("Video paused: poor connection")
        if self._stale:
            return self.tr("Video paused…")
        return ""

    def set_muted(self, muted: bool) -> None:
        """Mark the name bar as muted."""
        self._muted = muted
        self.update()

    @property
    def verification(self) -> PeerVerification | None:
        """Who is proven to be on this tile's link (None for the self view or before any news)."""
        return self._verification

    def verification_label(self) -> str:
        """The identity badge's text: "Verified: <office>", "Not verified", ... ("" for self)."""
        if self._is_self:
            return ""
        return verification_text(self._verification, guest=self._guest)

    @property
    def guest(self) -> bool:
        """Whether this tile shows a browser guest."""
        return self._guest

    def set_guest(self, guest: bool) -> None:
        """Mark the tile "Guest (browser), not verified" (the hub said it joined from a link)."""
        self._guest = guest
        self.setToolTip(self.verification_label())
        self.update()

    def set_verification(self, state: PeerVerification) -> None:
        """Show whether the office on this link is verified (red when intercepted)."""
        self._verification = state
        self.setToolTip(self.verification_label())
        self.update()

    def set_stats(self, stats: LinkStats) -> None:
        """Update the quality badge."""
        self.quality.set_stats(stats)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        """Keep the quality badge in the top-right corner."""
        self.quality.move(self.width() - self.quality.width() - 8, 8)
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        """Letterbox the frame on black, then draw the name bar over its bottom edge."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.fillRect(self.rect(), QColor("#1b1f24"))
        if self._image is not None and not self._video_off:
            scaled = self._image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(0, 0, scaled.width(), scaled.height())
            target.moveCenter(self.rect().center())
            painter.drawImage(target, self._image)
            if self._stale or self._video_paused:
                # Dim the frozen picture so nobody mistakes it for a live one.
                painter.fillRect(self.rect(), QColor(0, 0, 0, 150))
                painter.setPen(QColor("white"))
                painter.drawText(
                    self.rect().adjusted(8, 0, -8, 0),
                    Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                    self.status_text,
                )
        else:
            painter.setPen(QColor("#cfd8dc"))
            font = QFont(self.font())
            font.setPointSizeF(font.pointSizeF() * 1.1)
            painter.setFont(font)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.status_text)
        self._paint_name_bar(painter)
        if not self._is_self:
            self._paint_verification(painter)
        painter.end()

    def _paint_verification(self, painter: QPainter) -> None:
        """Identity badge top-left; a red frame round the whole tile when intercepted."""
        colour = QColor(verification_colour(self._verification, guest=self._guest))
        metrics = painter.fontMetrics()
        box, elided = self.verification_box(metrics)
        line_h = metrics.height()
        painter.fillRect(box, colour)
        painter.setPen(QColor("white"))
        for index, text in enumerate(elided):
            row = QRect(box.left() + 8, box.top() + 4 + index * line_h, box.width() - 16, line_h)
            painter.drawText(row, Qt.AlignmentFlag.AlignVCenter, text)
        if self._verification is not None and self._verification.status == "mismatch":
            painter.setPen(QPen(colour, 6))
            painter.drawRect(self.rect().adjusted(3, 3, -3, -3))

    def verification_box(self, metrics: QFontMetrics | None = None) -> tuple[QRect, list[str]]:
        """Where the identity badge goes (top left) and its lines, cut to fit beside the
        top-right corner (the signal bars, and the host's "⋯" button when there is one)."""
        metrics = metrics or QFontMetrics(self.font())
        right = self.quality.width()
        button = self.findChild(QWidget, "officeActions")
        if button is not None and not button.isHidden():
            right = max(right, button.width())
        lines = self.verification_label().split("\n")
        width = self.width() - right - 24
        elided = [metrics.elidedText(t, Qt.TextElideMode.ElideRight, width - 16) for t in lines]
        box = QRect(
            8,
            8,
            max(metrics.horizontalAdvance(t) for t in elided) + 16,
            metrics.height() * len(lines) + 8,
        )
        return box, elided

    def _paint_name_bar(self, painter: QPainter) -> None:
        metrics = painter.fontMetrics()
        text = self.caption()
        if self._muted:
            text = self.tr("{name} · muted").format(name=text)
        bar_h = metrics.height() + 8
        elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, self.width() - 16)
        bar = QRect(0, self.height() - bar_h, metrics.horizontalAdvance(elided) + 16, bar_h)
        painter.fillRect(bar, QColor(0, 0, 0, 160))
        painter.setPen(QColor("white"))
        painter.drawText(bar.adjusted(8, 0, -8, 0), Qt.AlignmentFlag.AlignVCenter, elided)
