"""Icons of the shell: SVGs in ``resources/icons`` with the style's standard icon as fallback."""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from ui import paths

_FALLBACK = {
    "home": QStyle.StandardPixmap.SP_DirHomeIcon,
    "sessions": QStyle.StandardPixmap.SP_MediaPlay,
    "agreements": QStyle.StandardPixmap.SP_FileDialogDetailedView,
    "catalog": QStyle.StandardPixmap.SP_FileDialogListView,
    "archive": QStyle.StandardPixmap.SP_DriveHDIcon,
    "settings": QStyle.StandardPixmap.SP_FileDialogInfoView,
    "user": QStyle.StandardPixmap.SP_DirIcon,
}


def icon(name: str) -> QIcon:
    """The icon called ``name`` (``resources/icons/<name>.svg``), or a standard one."""
    svg = paths.ICONS / f"{name}.svg"
    if svg.exists():
        found = QIcon(str(svg))
        if not found.isNull():
            return found
    style = QApplication.style()
    fallback = _FALLBACK.get(name, QStyle.StandardPixmap.SP_FileIcon)
    return style.standardIcon(fallback)
