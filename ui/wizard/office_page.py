"""Wizard page 1: which regional government (picked from a list, or typed), the unit, the head
of region and, optionally, the lambang.

Picking "Pemerintah Kota Bandung" from the list fills the level and the region's name, and the
head of region's title follows ("Wali Kota Bandung"); a region not in the list is typed. The
unit defaults to :data:`DEFAULT_UNIT`, the usual cooperation unit of a regional secretariat.
Everything that describes the office is on this one page (one "Next"), the people and their
passwords on the next.
"""

from __future__ import annotations

import functools
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from mou.office import GovernmentLevel, OfficeProfile
from ui.roles import level_label
from ui.wizard.head_page import HeadSection
from ui.wizard.lambang_page import LambangSection

#: The unit most offices use for agreements between regions (Permendagri 22/2020).
DEFAULT_UNIT = "Bagian Kerja Sama"
REGIONS_FILE = Path(__file__).resolve().parents[2] / "resources" / "regions" / "regions_id.txt"


@functools.cache
def known_regions() -> tuple[tuple[GovernmentLevel, str], ...]:
    """(level, region) of every regional government in the shipped list (empty if it is gone)."""
    try:
        lines = REGIONS_FILE.read_text(encoding="utf-8").splitlines()
    except OSError:
        return ()
    regions = []
    for line in lines:
        level, _, region = line.partition("|")
        if line.startswith("#") or not region.strip():
            continue
        try:
            regions.append((GovernmentLevel(level.strip()), region.strip()))
        except ValueError:
            continue  # a damaged line costs one entry, not the wizard
    return tuple(regions)


class OfficePage(QWizardPage):
    """Which regional government this installation belongs to, and who heads it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Your office"))
        self.setSubTitle(
            self.tr(
                "Which regional government and which unit will use Lintas on this computer, and "
                "who signs its agreements?"
            )
        )
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.city = QComboBox()
        self.city.setObjectName("regionChoice")
        self.city.addItem(self.tr("Choose from the list, or type the name below"), None)
        for level, region in known_regions():
            name = OfficeProfile(level, region, "", "", "").display_name
            self.city.addItem(name, (level.value, region))
        self.level = QComboBox()
        for level in GovernmentLevel:
            self.level.addItem(level_label(level), level.value)
        self.region = QLineEdit()
        self.region.setPlaceholderText(self.tr("e.g. Bandung"))
        self.unit = QLineEdit()
        self.unit.setPlaceholderText(DEFAULT_UNIT)
        self.unit.setToolTip(self.tr("Leave it empty for %1.").replace("%1", DEFAULT_UNIT))
        self.preview = QLabel()
        self.preview.setObjectName("officePreview")
        font = self.preview.font()
        font.setBold(True)
        self.preview.setFont(font)
        form.addRow(self.tr("Regional government:"), self.city)
        form.addRow(self.tr("Government level:"), self.level)
        form.addRow(self.tr("City, regency or province name:"), self.region)
        form.addRow(self.tr("Unit:"), self.unit)
        form.addRow(self.tr("Official name:"), self.preview)
        layout.addLayout(form)
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        layout.addWidget(line)
        # The head's name and title are printed above the signature.
        self.head = HeadSection(self)
        layout.addWidget(self.head)
        self.lambang = LambangSection(self)
        lambang_form = QFormLayout()
        lambang_form.addRow(self.tr("Lambang (optional):"), self.lambang)
        layout.addLayout(lambang_form)
        layout.addStretch(1)
        self.head.changed.connect(self.completeChanged)
        self.city.currentIndexChanged.connect(self._picked)
        self.level.currentIndexChanged.connect(self._changed)
        self.region.textChanged.connect(self._changed)
        self.unit.textChanged.connect(self._changed)
        self._changed()

    def government_level(self) -> GovernmentLevel:
        """The chosen level."""
        return GovernmentLevel(self.level.currentData())

    def unit_value(self) -> str:
        """The unit typed, or :data:`DEFAULT_UNIT` when left empty."""
        return self.unit.text().strip() or DEFAULT_UNIT

    def display_name(self) -> str:
        """ "Pemerintah Kota Bandung" for the current entries ("" while the name is empty)."""
        if not self.region.text().strip():
            return ""
        return OfficeProfile(self.government_level(), self.region.text(), "", "", "").display_name

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        """The region's name and the head of region are needed (the unit has a default)."""
        return bool(self.region.text().strip()) and self.head.is_complete()

    def _picked(self, index: int) -> None:
        chosen = self.city.itemData(index)
        if not chosen:
            return
        level, region = chosen
        self.level.setCurrentIndex(self.level.findData(level))
        self.region.setText(region)

    def _changed(self) -> None:
        self.preview.setText(self.display_name() or self.tr("(enter the name)"))
        self.head.suggest(self.government_level(), self.region.text())
        self.completeChanged.emit()
