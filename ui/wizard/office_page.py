"""Wizard page 1: government level, city or regency name, and the unit."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget, QWizardPage

from mou.office import GovernmentLevel, OfficeProfile
from ui.roles import level_label


class OfficePage(QWizardPage):
    """Which regional government this installation belongs to."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Your office"))
        self.setSubTitle(
            self.tr("Which regional government and which unit will use Lintas on this computer?")
        )
        form = QFormLayout(self)
        self.level = QComboBox()
        for level in GovernmentLevel:
            self.level.addItem(level_label(level), level.value)
        self.region = QLineEdit()
        self.region.setPlaceholderText(self.tr("e.g. Bandung"))
        self.unit = QLineEdit()
        self.unit.setPlaceholderText(self.tr("e.g. Bagian Kerja Sama"))
        self.preview = QLabel()
        self.preview.setObjectName("officePreview")
        font = self.preview.font()
        font.setBold(True)
        self.preview.setFont(font)
        form.addRow(self.tr("Government level:"), self.level)
        form.addRow(self.tr("City, regency or province name:"), self.region)
        form.addRow(self.tr("Unit:"), self.unit)
        form.addRow(self.tr("Official name:"), self.preview)
        self.level.currentIndexChanged.connect(self._changed)
        self.region.textChanged.connect(self._changed)
        self.unit.textChanged.connect(self._changed)
        self._changed()

    def government_level(self) -> GovernmentLevel:
        """The chosen level."""
        return GovernmentLevel(self.level.currentData())

    def display_name(self) -> str:
        """ "Pemerintah Kota Bandung" for the current entries ("" while the name is empty)."""
        if not self.region.text().strip():
            return ""
        return OfficeProfile(self.government_level(), self.region.text(), "", "", "").display_name

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        """Both the region's name and the unit are needed."""
        return bool(self.region.text().strip() and self.unit.text().strip())

    def _changed(self) -> None:
        self.preview.setText(self.display_name() or self.tr("(enter the name)"))
        self.completeChanged.emit()
