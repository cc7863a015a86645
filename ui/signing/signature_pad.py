"""A pad on which a signatory draws the handwritten signature (mouse, pen or tablet with pressure).

The strokes are kept as vectors and only turned into a PNG (transparent, cropped to the ink) when
asked, so the image is sharp at the resolution the PDF stamp needs. An existing PNG can be
imported instead of drawing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QTabletEvent,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.plain_errors import plain_text

INK = QColor(16, 32, 128)
MOUSE_PRESSURE = 0.5  # a mouse has no pressure; draw a medium line
MAX_PNG_BYTES = 2 * 1024 * 1024


@dataclass
class Stroke:
    """One pen-down to pen-up movement: points in widget coordinates with their pressure."""

    points: list[tuple[QPointF, float]] = field(default_factory=list)


class SignaturePad(QWidget):
    """Draw with mouse, pen or tablet; ``to_png()`` gives the signature, ``changed`` fires on edits."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, pen_width: float = 3.2) -> None:
        super().__init__(parent)
        self.setObjectName("signaturePad")
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(360, 140)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAccessibleName(self.tr("Signature pad"))
        self._pen_width = pen_width
        self._strokes: list[Stroke] = []
        self._current: Stroke | None = None
        self._imported: QImage | None = None
        self._imported_png: bytes | None = None

    # ---- state ---------------------------------------------------------------------------

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        """A signature-shaped area."""
        return QSize(520, 190)

    @property
    def is_empty(self) -> bool:
        """True when nothing was drawn or imported."""
        return not self._strokes and self._imported is None

    @property
    def stroke_count(self) -> int:
        """Number of finished or ongoing strokes."""
        return len(self._strokes)

    def pressures(self) -> list[float]:
        """Every recorded pressure value (for tests and diagnostics)."""
        return [p for s in self._strokes for _, p in s.points]

    @Slot()
    def clear(self) -> None:
        """Remove the drawing and any imported image."""
        self._strokes.clear()
        self._current = None
        self._imported = None
        self._imported_png = None
        self.update()
        self.changed.emit()

    def load_png(self, data: bytes) -> bool:
        """Use an existing signature image instead of drawing; False if it is not a usable PNG."""
        image = QImage.fromData(data)
        if image.isNull() or len(data) > MAX_PNG_BYTES:
            return False
        self._strokes.clear()
        self._imported = image
        self._imported_png = data
        self.update()
        self.changed.emit()
        return True

    def to_png(self, *, scale: float = 2.0) -> bytes | None:
        """The signature as a transparent PNG cropped to the ink, or None when empty."""
        if self._imported_png is not None and not self._strokes:
            return self._imported_png
        if not self._strokes:
            return None
        bounds = self._ink_bounds()
        margin = self._pen_width * 2
        bounds.adjust(-margin, -margin, margin, margin)
        size = QSize(max(int(bounds.width() * scale), 1), max(int(bounds.height() * scale), 1))
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(scale, scale)
        painter.translate(-bounds.topLeft())
        self._paint_strokes(painter)
        painter.end()
        return png_bytes(image)

    def _ink_bounds(self) -> QRectF:
        xs = [pt.x() for s in self._strokes for pt, _ in s.points]
        ys = [pt.y() for s in self._strokes for pt, _ in s.points]
        return QRectF(min(xs), min(ys), max(max(xs) - min(xs), 1.0), max(max(ys) - min(ys), 1.0))

    # ---- input -----------------------------------------------------------------------------

    def _begin(self, pos: QPointF, pressure: float) -> None:
        if self._imported is not None:
            # Drawing after an import starts a fresh signature rather than mixing the two.
            self._imported = None
            self._imported_png = None
        self._current = Stroke([(pos, pressure)])
        self._strokes.append(self._current)
        self.update()

    def _extend(self, pos: QPointF, pressure: float) -> None:
        if self._current is None:
            return
        self._current.points.append((pos, pressure))
        self.update()

    def _end(self) -> None:
        if self._current is not None:
            self._current = None
            self.changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """Start a stroke with the left button."""
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position(), MOUSE_PRESSURE)
            event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """Extend the stroke while the left button is held."""
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._extend(event.position(), MOUSE_PRESSURE)
            event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """Finish the stroke."""
        if event.button() == Qt.MouseButton.LeftButton:
            self._extend(event.position(), MOUSE_PRESSURE)
            self._end()
            event.accept()

    def tabletEvent(self, event: QTabletEvent) -> None:  # noqa: N802
        """Pen and tablet input with pressure (accepted, so Qt synthesises no mouse events)."""
        kind = event.type()
        pressure = max(0.05, min(event.pressure(), 1.0))
        if kind == QTabletEvent.Type.TabletPress:
            self._begin(event.position(), pressure)
        elif kind == QTabletEvent.Type.TabletMove:
            if event.pressure() > 0:
                self._extend(event.position(), pressure)
        elif kind == QTabletEvent.Type.TabletRelease:
            self._end()
        event.accept()

    # ---- painting --------------------------------------------------------------------------

    def _paint_strokes(self, painter: QPainter) -> None:
        pen = QPen(INK)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        for stroke in self._strokes:
            points = stroke.points
            if len(points) == 1:
                point, pressure = points[0]
                pen.setWidthF(self._pen_width * (0.4 + pressure * 1.2))
                painter.setPen(pen)
                painter.drawPoint(point)
                continue
            for (a, pa), (b, pb) in zip(points, points[1:], strict=False):
                # Width follows pressure, like ink from a pen pressed harder.
                pen.setWidthF(self._pen_width * (0.4 + (pa + pb) * 0.6))
                painter.setPen(pen)
                painter.drawLine(a, b)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        """White sheet, a baseline, then the ink or the imported image."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QPen(QColor("#90a4ae"), 1, Qt.PenStyle.DashLine))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        baseline = int(self.height() * 0.78)
        painter.setPen(QPen(QColor("#cfd8dc"), 1))
        painter.drawLine(24, baseline, self.width() - 24, baseline)
        if self._imported is not None:
            target = QRectF(self.rect()).adjusted(12, 12, -12, -12)
            scaled = self._imported.size().scaled(
                target.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio
            )
            left = target.left() + (target.width() - scaled.width()) / 2
            top = target.top() + (target.height() - scaled.height()) / 2
            painter.drawImage(QRectF(left, top, scaled.width(), scaled.height()), self._imported)
        elif not self._strokes:
            painter.setPen(QColor("#90a4ae"))
            painter.drawText(
                self.rect().adjusted(0, 0, 0, -int(self.height() * 0.3)),
                Qt.AlignmentFlag.AlignCenter,
                self.tr("Sign here with the mouse, a pen or a tablet"),
            )
        self._paint_strokes(painter)
        painter.end()


class SignaturePadDialog(QDialog):
    """Draw or import the handwritten signature; ``signature_png`` holds it after OK."""

    def __init__(self, signer: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Handwritten signature"))
        self.signature_png: bytes | None = None
        intro = QLabel(
            self.tr("Draw the signature of <b>{signer}</b>, or import a PNG image of it.").format(
                signer=signer
            ),
            self,
        )
        intro.setWordWrap(True)
        self.pad = SignaturePad(self)
        self.clear_button = QPushButton(self.tr("Clear"), self)
        self.clear_button.clicked.connect(self.pad.clear)
        self.import_button = QPushButton(self.tr("Import PNG…"), self)
        self.import_button.clicked.connect(self._choose_png)
        self.error = QLabel(self)
        self.error.setObjectName("padError")
        self.error.setStyleSheet("QLabel#padError { color: #c62828; }")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Use this signature")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.pad.changed.connect(self._update_buttons)
        row = QHBoxLayout()
        row.addWidget(self.clear_button)
        row.addWidget(self.import_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.pad, 1)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._update_buttons()

    @Slot()
    def _update_buttons(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not self.pad.is_empty)
        self.clear_button.setEnabled(not self.pad.is_empty)

    def import_png(self, data: bytes) -> bool:
        """Load ``data`` into the pad; shows a message and returns False if it is unusable."""
        if self.pad.load_png(data):
            self.error.hide()
            return True
        self.error.setText(self.tr("The file is not a usable PNG image (at most 2 MB)."))
        self.error.show()
        return False

    @Slot()
    def _choose_png(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Signature image"), "", self.tr("PNG images (*.png)")
        )
        if not path:
            return
        try:
            self.import_png(Path(path).read_bytes())
        except OSError as exc:
            self.error.setText(
                self.tr("The file cannot be read: {error}").format(error=plain_text(exc))
            )
            self.error.show()

    @Slot()
    def _accept(self) -> None:
        self.signature_png = self.pad.to_png()
        if self.signature_png is not None:
            self.accept()


def png_bytes(image: QImage) -> bytes:
    """Encode a QImage as PNG bytes."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)
