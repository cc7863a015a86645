"""Wizard page 2: the head of region who signs agreements (name, title, optional NIP)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget, QWizardPage

from mou.office import GovernmentLevel


def suggested_title(level: GovernmentLevel, region: str) -> str:
    """The usual title of the head of region: "Wali Kota Bandung", "Bupati Bandung Barat"."""
    word = {
        GovernmentLevel.KOTA: "Wali Kota",
        GovernmentLevel.KABUPATEN: "Bupati",
        GovernmentLevel.PROVINSI: "Gubernur",
    }[level]
    return f"{word} {region.strip()}".strip()


class HeadPage(QWizardPage):
    """The signatory named on every Kesepakatan Bersama."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Head of region"))
        self.setSubTitle(
            self.tr(
                "The head of region signs the agreements. Their name and title are printed "
                "above the signature."
            )
        )
        form = QFormLayout(self)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Full name with academic titles"))
        self.title = QLineEdit()
        self.nip = QLineEdit()
        self.nip.setPlaceholderText(self.tr("Optional, 18 digits"))
        self.nip.setMaxLength(18)
        self.nip_hint = QLabel()
        self.nip_hint.setWordWrap(True)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Title:"), self.title)
        form.addRow(self.tr("NIP:"), self.nip)
        form.addRow("", self.nip_hint)
        self.name.textChanged.connect(self.completeChanged)
        self.title.textChanged.connect(self.completeChanged)
        self.nip.textChanged.connect(self._nip_changed)
        self._suggested = ""

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        """Suggest the title from the office page unless the user already typed another one."""
        office_page = self.wizard().office_page  # type: ignore[attr-defined]
        suggestion = suggested_title(office_page.government_level(), office_page.region.text())
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
        self.nip_hint.setText(
            ""
            if self._nip_valid()
            else QCoreApplication.translate("HeadPage", "A NIP has exactly 18 digits.")
        )
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        """Name and title are required; the NIP, when given, must be 18 digits."""
        return bool(self.name.text().strip() and self.title.text().strip() and self._nip_valid())
