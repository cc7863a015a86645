"""The presentation shown large, with the offices as thumbnails beneath it.

:class:`PresentationFeed` connects to the call engine (its screen sink and events, from the
engine's threads) and re-emits on the GUI thread: who presents, a refusal, the newest decoded
presentation frame (painted at most 5 times a second). :class:`PresentationStage` is the widget:
a caption ("Presentation from Pemerintah Kota Bandung" / "You are presenting"), the picture
scaled to fit, and a strip of small camera pictures, one per office.
"""

from __future__ import annotations

import threading

import numpy as np
from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from conferencing.presenting import PresenterChanged, PresentingRefused
from ui.vicon.frames import image_from_rgb

PAINT_MS = 200  # 5 fps is all a presentation sends
THUMB = QSize(160, 100)


class PresentationFeed(QObject):
    """The engine's presentation events and frames, on the GUI thread."""

    sig_presenter = Signal(str, str, bool, bool)  # peer id, office, is self, taken over
    sig_refused = Signal(str, str)  # code, office presenting
    sig_image = Signal(str, QImage)  # presenter's peer id, newest frame
    _sig_event = Signal(object)

    def __init__(self, engine: object, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._lock = threading.Lock()
        self._latest: tuple[str, np.ndarray] | None = None
        self.frames_shown = 0
        self._sig_event.connect(self._dispatch, Qt.ConnectionType.QueuedConnection)
        engine.add_listener(self._on_event)  # type: ignore[attr-defined]
        engine.set_screen_sink(self._on_frame)  # type: ignore[attr-defined]
        self._timer = QTimer(self)
        self._timer.setInterval(PAINT_MS)
        self._timer.timeout.connect(self._paint)
        self._timer.start()

    def _on_event(self, event: object) -> None:
        # Engine thread: only the queued hop.
        if isinstance(event, PresenterChanged | PresentingRefused):
            self._sig_event.emit(event)

    def _on_frame(self, peer_id: str, frame: np.ndarray) -> None:
        # Frame thread: keep the newest, the GUI timer paints it.
        with self._lock:
            self._latest = (peer_id, frame)

    @Slot(object)
    def _dispatch(self, event: object) -> None:
        if isinstance(event, PresenterChanged):
            self.sig_presenter.emit(event.peer_id, event.office, event.is_self, event.taken_over)
        elif isinstance(event, PresentingRefused):
            self.sig_refused.emit(event.code, event.presenter)

    @Slot()
    def _paint(self) -> None:
        with self._lock:
            latest, self._latest = self._latest, None
        if latest is not None:
            self.frames_shown += 1
            self.sig_image.emit(latest[0], image_from_rgb(latest[1]))

    def stop(self) -> None:
        """Stop painting and detach from the engine."""
        self._timer.stop()
        self._engine.set_screen_sink(None)  # type: ignore[attr-defined]
        self._engine.remove_listener(self._on_event)  # type: ignore[attr-defined]


class _Picture(QLabel):
    """A label that shows an image scaled to fit, keeping its aspect ratio."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image: QImage | None = None
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(200, 120)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setStyleSheet("background: #111;")

    def show_image(self, image: QImage) -> None:
        self.image = image
        self._fit()

    def _fit(self) -> None:
        if self.image is not None and self.width() > 0 and self.height() > 0:
            self.setPixmap(
                QPixmap.fromImage(self.image).scaled(
                    self.size(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )

    def resizeEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._fit()


class _Thumbnail(QWidget):
    """One office's camera, small, with its name."""

    def __init__(self, office: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.office = office
        self.picture = QLabel(self)
        self.picture.setFixedSize(THUMB)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setStyleSheet("background: #263238; color: white;")
        self.name = QLabel(office, self)
        self.name.setMaximumWidth(THUMB.width())
        self.name.setToolTip(office)
        self.name.setWordWrap(True)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.picture)
        column.addWidget(self.name)
        self.frames = 0

    def show_image(self, image: QImage) -> None:
        self.frames += 1
        self.picture.setPixmap(
            QPixmap.fromImage(image).scaled(
                THUMB, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation
            )
        )


class PresentationStage(QWidget):
    """The presentation large, the offices as thumbnails in a row beneath it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = QLabel(self)
        self.caption.setObjectName("presentationCaption")
        self.caption.setStyleSheet("font-weight: bold; font-size: 14px;")
        self.caption.setWordWrap(True)
        self.page_label = QLabel(self)
        self.picture = _Picture(self)
        self.nav = QWidget(self)
        self.nav_layout = QHBoxLayout(self.nav)
        self.nav_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.caption, 1)
        top.addWidget(self.page_label)
        top.addWidget(self.nav)
        self.strip = QHBoxLayout()
        self.strip.setSpacing(8)
        self.strip.addStretch(1)
        self.thumbnails: dict[str, _Thumbnail] = {}
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addWidget(self.picture, 1)
        column.addLayout(self.strip)

    def set_caption(self, text: str) -> None:
        """What is shown, and whose."""
        self.caption.setText(text)

    def show_image(self, image: QImage) -> None:
        """Show the presentation's newest picture."""
        self.picture.show_image(image)

    def add_thumbnail(self, key: str, office: str) -> None:
        """A small picture for ``office`` (``key``: its peer id, "" for this office)."""
        if key not in self.thumbnails:
            thumb = _Thumbnail(office, self)
            self.thumbnails[key] = thumb
            self.strip.insertWidget(self.strip.count() - 1, thumb)

    def remove_thumbnail(self, key: str) -> None:
        """The office left."""
        thumb = self.thumbnails.pop(key, None)
        if thumb is not None:
            thumb.hide()
            thumb.deleteLater()

    def thumbnail_image(self, key: str, image: QImage) -> None:
        """A camera frame for the thumbnail of ``key``."""
        thumb = self.thumbnails.get(key)
        if thumb is not None:
            thumb.show_image(image)
