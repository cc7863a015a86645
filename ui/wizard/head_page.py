"""The head of region who signs agreements (name, title, optional NIP): part of the office form.

Its fields sit in the office form's grid (name and title on one row, so the one-page wizard fits
a 1366x768 screen), and the title follows the region as it is picked. Its texts keep the
translation context "HeadPage" of the page it once was, so their Indonesian stays.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit

from mou.office import GovernmentLevel


def suggested_title(level: GovernmentLevel, region: str) -> str:
    """The usual title of the head of region: "Wali Kota Bandung", "Bupati Bandung Barat"."""
    word = {
        GovernmentLevel.KOTA: "Wali Kota",
        GovernmentLevel.KABUPATEN: "Bupati",
        GovernmentLevel.PROVINSI: "Gubernur",
    }[level]
    return f"{word} {region.strip()}".strip()


class HeadSection(QObject):
    """The signatory named on every Kesepakatan Bersama; ``changed`` on every edit.

    It owns the fields, not a layout: :meth:`place` puts them into the form's grid.
    """

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit()
        self.name.setObjectName("headName")
        self.name.setPlaceholderText(
            QCoreApplication.translate("HeadPage", "Full name with academic titles")
        )
        self.title = QLineEdit()
        self.nip = QLineEdit()
        self.nip.setPlaceholderText(QCoreApplication.translate("HeadPage", "Optional, 18 digits"))
        self.nip.setMaxLength(18)
        self.nip_hint = QLabel()
        self.nip_hint.setWordWrap(True)
        self.nip_hint.setStyleSheet("color: #b00020;")
        self.nip_hint.hide()
        self.name.textChanged.connect(self.changed)
        self.title.textChanged.connect(self.changed)
        self.nip.textChanged.connect(self._nip_changed)
        self._suggested = ""

    def place(self, grid: QGridLayout, row: int) -> None:
        """Name and title on ``row`` of a four-column grid, the NIP in the first two columns
        of the next row (the other two are the caller's), its hint under it when wrong."""
        grid.addWidget(QLabel(QCoreApplication.translate("HeadPage", "Head of region:")), row, 0)
        grid.addWidget(self.name, row, 1)
        grid.addWidget(QLabel(QCoreApplication.translate("HeadPage", "Title:")), row, 2)
        grid.addWidget(self.title, row, 3)
        grid.addWidget(QLabel(QCoreApplication.translate("HeadPage", "NIP:")), row + 1, 0)
        grid.addWidget(self.nip, row + 1, 1)
        grid.addWidget(self.nip_hint, row + 2, 1, 1, 3)

    def suggest(self, level: GovernmentLevel, region: str) -> None:
        """Follow the region with the usual title, unless the user typed another one."""
        suggestion = suggested_title(level, region) if region.strip() else ""
        if not self.title.text() or self.title.text() == self._suggested:
            self.title.setText(suggestion)
        self._suggested = suggestion

    def nip_value(self) -> str | None:
        """The NIP, or ``None`` when left empty."""
        return self.nip.text().strip() or None

    def _nip_valid(self) -> bool:
        value = self.nip.text().strip()
        return not value or (value.isdigit() and len(value) == 18)

    def _nip_changed(self) -> None:
        valid = self._nip_valid()
        self.nip_hint.setText(
            "" if valid else QCoreApplication.translate("HeadPage", "A NIP has exactly 18 digits.")
        )
        self.nip_hint.setVisible(not valid)
        self.changed.emit()

    def problem(self) -> str:
        """Why the head of region is not complete yet, or "" (the NIP's own hint is beside it)."""
        if not self.name.text().strip():
            return QCoreApplication.translate("HeadPage", "Type the name of the head of region.")
        if not self.title.text().strip():
            return QCoreApplication.translate("HeadPage", "Type the title of the head of region.")
        if not self._nip_valid():
            return QCoreApplication.translate("HeadPage", "A NIP has exactly 18 digits.")
        return ""

    def is_complete(self) -> bool:
        """Name and title are required; the NIP, when given, must be 18 digits."""
        return not self.problem()
