"""The catalog table and SAMPLE banner shared by the catalog page and the Lampiran picker."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableWidget, QWidget

SAMPLE_STYLE = "background:#fff4e5; color:#663c00; border:1px solid #ffd599; padding:4px;"


def sample_banner(text: str, parent: QWidget | None = None) -> QLabel:
    """The orange notice shown while the catalog holds SAMPLE applications."""
    banner = QLabel(text, parent)
    banner.setWordWrap(True)
    banner.setStyleSheet(SAMPLE_STYLE)
    return banner


class CatalogTable(QTableWidget):
    """Read-only rows of applications, one line each, long texts in fixed-width columns."""

    def __init__(
        self,
        headers: list[str],
        *,
        fit: tuple[int, ...],
        widths: tuple[tuple[int, int], ...],
        stretch: int,
        parent: QWidget | None = None,
    ) -> None:
        """``fit`` columns size to their contents, ``widths`` are (column, pixels) the user can
        resize, and ``stretch`` takes the remaining width."""
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels(headers)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().hide()
        # One line per app keeps 300-400 apps scannable; the full texts are in the tooltips.
        self.setWordWrap(False)
        self.verticalHeader().setDefaultSectionSize(24)
        header = self.horizontalHeader()
        for column in fit:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # Long names, OPD, technology and licence texts would push the description out of view.
        for column, width in widths:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
