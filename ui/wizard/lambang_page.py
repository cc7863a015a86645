"""Wizard page 3: the lambang (regional emblem) printed on the letterhead."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from ui.wizard.lambang import LambangError, lambang_png


class LambangPage(QWizardPage):
    """Pick a PNG, JPEG or SVG file; see a preview; it is stored as PNG."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Lambang"))
        self.setSubTitle(
            self.tr(
                "The regional emblem printed at the top of each agreement. PNG, JPEG or SVG. "
                "You may skip this and add it later."
            )
        )
        self.png: bytes | None = None
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.choose_button = QPushButton(self.tr("Choose image…"))
        self.clear_button = QPushButton(self.tr("Remove"))
        self.clear_button.setEnabled(False)
        row.addWidget(self.choose_button)
        row.addWidget(self.clear_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.preview = QLabel(self.tr("No image chosen"))
        self.preview.setObjectName("lambangPreview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(180, 180)
        self.preview.setFrameShape(QLabel.Shape.StyledPanel)
        layout.addWidget(self.preview, 1)
        self.error = QLabel()
        self.error.setObjectName("lambangError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        layout.addWidget(self.error)
        self.choose_button.clicked.connect(self._choose)
        self.clear_button.clicked.connect(self.clear)

    def load(self, path: Path) -> bool:
        """Use the image at ``path``; on failure keep the previous one and say why."""
        try:
            png = lambang_png(path)
        except LambangError as error:
            self.error.setText(str(error))
            return False
        self.png = png
        self.error.clear()
        pixmap = QPixmap()
        pixmap.loadFromData(png)
        self.preview.setPixmap(
            pixmap.scaled(
                160,
                160,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
        self.clear_button.setEnabled(True)
        return True

    def clear(self) -> None:
        """Go back to no emblem."""
        self.png = None
        self.preview.clear()
        self.preview.setText(self.tr("No image chosen"))
        self.clear_button.setEnabled(False)

    def _choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the lambang"),
            str(Path.home()),
            self.tr("Images (*.png *.jpg *.jpeg *.svg)"),
            options=QFileDialog.Option.DontUseNativeDialog,
        )
        if name:
            self.load(Path(name))
