"""Settings: language and paper size."""

from __future__ import annotations

import sys

from PySide6.QtCore import QProcess
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from ui import i18n
from ui.context import AppContext


class GeneralSection(QGroupBox):
    """Language (applied at the next start, with a restart button) and paper size."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("General"), parent)
        self.context = context
        form = QFormLayout(self)
        self.language = QComboBox()
        self.language.addItem(self.tr("Same as the system"), "")
        # Each language is named in itself, so a user who cannot read the current one finds theirs.
        self.language.addItem("English", i18n.ENGLISH)
        self.language.addItem("Bahasa Indonesia", i18n.INDONESIAN)
        self.language.setCurrentIndex(max(self.language.findData(context.settings.language), 0))
        self.language_note = QLabel()
        self.language_note.setWordWrap(True)
        self.restart_button = QPushButton(self.tr("Restart now"))
        self.restart_button.setVisible(False)
        self.language_note.setVisible(False)
        note_row = QHBoxLayout()
        note_row.addWidget(self.language_note, 1)
        note_row.addWidget(self.restart_button)
        self.paper = QComboBox()
        self.paper.addItem(self.tr("F4 (215 × 330 mm)"), "f4")
        self.paper.addItem(self.tr("A4 (210 × 297 mm)"), "a4")
        self.paper.setCurrentIndex(max(self.paper.findData(context.settings.paper_size), 0))
        form.addRow(self.tr("Language:"), self.language)
        form.addRow("", note_row)
        form.addRow(self.tr("Paper size for printing:"), self.paper)
        self.language.currentIndexChanged.connect(self._language_changed)
        self.paper.currentIndexChanged.connect(self._paper_changed)
        self.restart_button.clicked.connect(self.restart)

    def _language_changed(self) -> None:
        choice = self.language.currentData()
        self.context.settings.language = choice
        self.context.settings.sync()
        wanted = i18n.resolve_language(choice)
        changed = wanted != i18n.current_language()
        # Every page builds its texts once, so a new language shows after a restart.
        self.language_note.setText(
            self.tr("The new language is used when Lintas starts again.") if changed else ""
        )
        self.restart_button.setVisible(changed)
        self.language_note.setVisible(changed)

    def _paper_changed(self) -> None:
        self.context.settings.paper_size = self.paper.currentData()

    def restart(self) -> None:
        """Start a fresh Lintas process and close this one (the window saves its geometry)."""
        QProcess.startDetached(sys.executable, sys.argv)
        for window in QApplication.topLevelWidgets():
            window.close()
