"""Turning the chosen lambang (regional emblem) file into the PNG bytes the office keeps."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QPainter

#: Longest side of the stored emblem: sharp on a printed letterhead, small in the database.
MAX_SIDE = 512


class LambangError(ValueError):
    """The file is not an image Lintas can use; ``str()`` is a message for the user."""


def lambang_png(path: Path) -> bytes:
    """Read a PNG, JPEG or SVG file and return it as PNG, scaled to at most ``MAX_SIDE`` px."""
    if not path.is_file():
        raise LambangError(
            # Its name only: a full path is an internal, not something to read in a message.
            QCoreApplication.translate("Lambang", "The file %1 does not exist.").replace(
                "%1", path.name
            )
        )
    image = _render_svg(path) if path.suffix.lower() == ".svg" else QImage(str(path))
    if image.isNull():
        raise LambangError(
            QCoreApplication.translate(
                "Lambang", "%1 is not a PNG, JPEG or SVG image that Lintas can read."
            ).replace("%1", path.name)
        )
    if max(image.width(), image.height()) > MAX_SIDE:
        image = image.scaled(
            MAX_SIDE,
            MAX_SIDE,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def _render_svg(path: Path) -> QImage:
    # Imported here: QtSvg is only needed for this one choice in the wizard.
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(path))
    if not renderer.isValid():
        return QImage()
    size = renderer.defaultSize()
    if size.isEmpty():
        size = QSize(MAX_SIDE, MAX_SIDE)
    size = size.scaled(MAX_SIDE, MAX_SIDE, Qt.AspectRatioMode.KeepAspectRatio)
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image
