"""The office part of the one-page wizard: which regional government (picked from a list, or
typed), the unit, the head of region and, optionally, the lambang.

Picking "Pemerintah Kota Bandung" from the list fills the level and the region's name, and the
head of region's title follows ("Wali Kota Bandung"); a region not in the list is typed. The
unit defaults to :data:`DEFAULT_UNIT`, the usual cooperation unit of a regional secretariat.
The fields are laid out two to a row so that the whole wizard (office, signing identity and
people) fits a 1366x768 screen without a "Next". Texts keep the translation context
"OfficePage" of the page this form once was.
"""

from __future__ import annotations

import functools
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

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


class OfficeForm(QWidget):
    """Which regional government this installation belongs to, and who heads it.

    ``changed`` on every edit that can change :meth:`problem`.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.city = QComboBox()
        self.city.setObjectName("regionChoice")
        self.city.addItem(
            QCoreApplication.translate(
                "OfficePage", "Choose from the list, or type the name below"
            ),
            None,
        )
        for level, region in known_regions():
            name = OfficeProfile(level, region, "", "", "").display_name
            self.city.addItem(name, (level.value, region))
        self.level = QComboBox()
        for level in GovernmentLevel:
            self.level.addItem(level_label(level), level.value)
        self.region = QLineEdit()
        self.region.setPlaceholderText(QCoreApplication.translate("OfficePage", "e.g. Bandung"))
        self.unit = QLineEdit()
        self.unit.setPlaceholderText(DEFAULT_UNIT)
        self.unit.setToolTip(
            QCoreApplication.translate("OfficePage", "Leave it empty for %1.").replace(
                "%1", DEFAULT_UNIT
            )
        )
        self.preview = QLabel()
        self.preview.setObjectName("officePreview")
        self.preview.setWordWrap(True)  # a long regency name takes two lines, not a clip
        font = self.preview.font()
        font.setBold(True)
        self.preview.setFont(font)
        labels = (
            (QCoreApplication.translate("OfficePage", "Regional government:"), 0, 0),
            (QCoreApplication.translate("OfficePage", "Government level:"), 1, 0),
            (QCoreApplication.translate("OfficePage", "City, regency or province name:"), 1, 2),
            (QCoreApplication.translate("OfficePage", "Unit:"), 2, 0),
            (QCoreApplication.translate("OfficePage", "Official name:"), 2, 2),
        )
        for text, row, column in labels:
            grid.addWidget(QLabel(text), row, column)
        grid.addWidget(self.city, 0, 1, 1, 3)
        grid.addWidget(self.level, 1, 1)
        grid.addWidget(self.region, 1, 3)
        grid.addWidget(self.unit, 2, 1)
        grid.addWidget(self.preview, 2, 3)
        # The head's name and title are printed above the signature.
        self.head = HeadSection(self)
        self.head.place(grid, 3)
        # Optional (Settings has it too), so it costs no click in the usual set-up.
        self.lambang = LambangSection(self)
        grid.addWidget(
            QLabel(QCoreApplication.translate("OfficePage", "Lambang (optional):")), 4, 2
        )
        grid.addWidget(self.lambang, 4, 3)
        self.head.changed.connect(self.changed)
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

    def problem(self) -> str:
        """What is still missing (the region's name, then the head of region), or ""."""
        if not self.region.text().strip():
            return QCoreApplication.translate(
                "OfficePage", "Choose the regional government from the list, or type its name."
            )
        return self.head.problem()

    def is_complete(self) -> bool:
        """The region's name and the head of region are needed (the unit has a default)."""
        return not self.problem()

    def _picked(self, index: int) -> None:
        chosen = self.city.itemData(index)
        if not chosen:
            return
        level, region = chosen
        self.level.setCurrentIndex(self.level.findData(level))
        self.region.setText(region)

    def _changed(self) -> None:
        self.preview.setText(
            self.display_name() or QCoreApplication.translate("OfficePage", "(enter the name)")
        )
        self.head.suggest(self.government_level(), self.region.text())
        self.changed.emit()
