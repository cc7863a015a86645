"""The head of region who signs agreements (name, title, optional NIP): a section of page 1.

It sits on the office page, so the title can follow the region as it is picked. Its texts keep
the translation context "HeadPage" of the page it once was, so their Indonesian stays.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from mou.office import GovernmentLevel


def suggested_title(level: GovernmentLevel, region: str) -> str:
    """The usual title of the head of region: "Wali Kota Bandung", "Bupati Bandung Barat"."""
    word = {
        GovernmentLevel.KOTA: "Wali Kota",
        GovernmentLevel.KABUPATEN: "Bupati",
        GovernmentLevel.PROVINSI: "Gubernur",
    }[level]
    return f"{word} {region.strip()}".strip()


class HeadSection(QWidget):
    """The signatory named on every Kesepakatan Bersama; ``changed`` on every edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
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
        self.nip_hint.hide()
        form.addRow(QCoreApplication.translate("HeadPage", "Head of region:"), self.name)
        form.addRow(QCoreApplication.translate("HeadPage", "Title:"), self.title)
        form.addRow(QCoreApplication.translate("HeadPage", "NIP:"), self.nip)
        form.addRow("", self.nip_hint)
        self.name.textChanged.connect(self.changed)
        self.title.textChanged.connect(self.changed)
        self.nip.textChanged.connect(self._nip_changed)
        self._suggested = ""

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

    def is_complete(self) -> bool:
        """Name and title are required; the NIP, when given, must be 18 digits."""
        return bool(self.name.text().strip() and self.title.text().strip() and self._nip_valid())
