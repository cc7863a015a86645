"""Icons of the shell: SVGs in ``resources/icons`` with the style's standard icon as fallback."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QStyle

from ui import paths

_FALLBACK = {
    "home": QStyle.StandardPixmap.SP_DirHomeIcon,
    "sessions": QStyle.StandardPixmap.SP_MediaPlay,
    "agreements": QStyle.StandardPixmap.SP_FileDialogDetailedView,
    "catalog": QStyle.StandardPixmap.SP_FileDialogListView,
    "archive": QStyle.StandardPixmap.SP_DriveHDIcon,
    "settings": QStyle.StandardPixmap.SP_FileDialogInfoView,
    "lintas": QStyle.StandardPixmap.SP_ComputerIcon,
}
#: The stroke colour the sidebar SVGs are drawn in; swapped for white on a selected row.
_INK = b"#1f5f99"


def icon(name: str, sizes: tuple[int, ...] = (22, 64)) -> QIcon:
    """The icon called ``name`` (``resources/icons/<name>.svg``), or a standard one.

    Rendered once at ``sizes`` (each render costs start-up time; ask for what you will show).
    """
    svg = paths.ICONS / f"{name}.svg"
    if svg.exists():
        data = svg.read_bytes()
        found = QIcon()
        # Sidebar glyphs get a white variant, readable on the highlighted (dark) row.
        selected = data.replace(_INK, b"#ffffff") if _INK in data and name != "lintas" else data
        for size in sizes:
            found.addPixmap(_render(data, size), QIcon.Mode.Normal)
            found.addPixmap(_render(selected, size), QIcon.Mode.Selected)
        if not found.isNull():
            return found
    style = QApplication.style()
    fallback = _FALLBACK.get(name, QStyle.StandardPixmap.SP_FileIcon)
    return style.standardIcon(fallback)


def _render(svg: bytes, size: int) -> QPixmap:
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(QByteArray(svg)).render(painter)
    painter.end()
    return QPixmap.fromImage(image)
