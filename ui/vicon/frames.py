"""Conversions between numpy RGB frames (the engine's format) and Qt images.

The engine hands out ``HxWx3 uint8`` arrays from its own threads; Qt wants a
``QImage`` on the GUI thread. ``QImage(buffer, ...)`` does not copy the buffer,
so every conversion here ends in an explicit copy: the array may be reused or
freed by the decoder thread the moment we return.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QVideoFrame


def image_from_rgb(frame: np.ndarray) -> QImage:
    """Return a QImage that owns a copy of ``frame`` (``HxWx3`` uint8 RGB)."""
    if frame.ndim != 3 or frame.shape[2] != 3 or frame.dtype != np.uint8:
        raise ValueError(f"expected HxWx3 uint8 RGB, got shape {frame.shape} {frame.dtype}")
    data = np.ascontiguousarray(frame)
    height, width = data.shape[:2]
    # Wrap without copying, then copy() so the QImage no longer points into ``data``.
    return QImage(data.data, width, height, width * 3, QImage.Format.Format_RGB888).copy()


def rgb_from_image(image: QImage) -> np.ndarray:
    """Return an ``HxWx3`` uint8 RGB array copied out of ``image`` (any format)."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height, stride = rgb.width(), rgb.height(), rgb.bytesPerLine()
    if width == 0 or height == 0:
        raise ValueError("empty image")
    # Rows are padded to 4 bytes, so cut each row down to width*3 before reshaping.
    raw = np.frombuffer(rgb.constBits(), dtype=np.uint8, count=stride * height)
    return raw.reshape(height, stride)[:, : width * 3].reshape(height, width, 3).copy()


def rgb_from_video_frame(frame: QVideoFrame) -> np.ndarray | None:
    """Return the frame as RGB, or ``None`` for an invalid frame (camera stopping, format change)."""
    if not frame.isValid():
        return None
    image = frame.toImage()
    if image.isNull():
        return None
    return rgb_from_image(image)


def blank_ratio(image: QImage) -> float:
    """Fraction of pixels that are (almost) pure black; used to tell 'video' from 'nothing yet'."""
    rgb = rgb_from_image(image)
    dark = (rgb.max(axis=2) < 16).sum()
    return float(dark) / float(rgb.shape[0] * rgb.shape[1])
