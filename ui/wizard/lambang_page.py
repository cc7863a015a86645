"""The lambang (regional emblem) printed on the letterhead: optional, beside the NIP in the
office form.

Choosing one is optional (Settings can add or change it later), so it costs no click in the
usual set-up, and it takes no row of its own: two buttons, and a small preview once chosen.
Its texts keep the translation context "LambangPage" of the page it once was.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.wizard.lambang import LambangError, lambang_png

PREVIEW_PX = 28  # the height of a line edit: the row keeps its height


class LambangSection(QWidget):
    """Pick a PNG, JPEG or SVG file; see a small preview; it is stored as PNG."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.png: bytes | None = None
        self.choose_button = QPushButton(QCoreApplication.translate("LambangPage", "Choose image…"))
        self.clear_button = QPushButton(QCoreApplication.translate("LambangPage", "Remove"))
        self.clear_button.setEnabled(False)
        self.choose_button.setToolTip(
            QCoreApplication.translate(
                "LambangPage",
                "The regional emblem printed at the top of each agreement. PNG, JPEG or SVG. "
                "You may skip this and add it later.",
            )
        )
        self.preview = QLabel()
        self.preview.setObjectName("lambangPreview")
        self.preview.setFixedSize(PREVIEW_PX, PREVIEW_PX)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.hide()  # shown with the chosen image
        self.error = QLabel()
        self.error.setObjectName("lambangError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.preview)
        row.addWidget(self.choose_button)
        row.addWidget(self.clear_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.error)
        self.choose_button.clicked.connect(self._choose)
        self.clear_button.clicked.connect(self.clear)

    def load(self, path: Path) -> bool:
        """Use the image at ``path``; on failure keep the previous one and say why."""
        try:
            png = lambang_png(path)
        except LambangError as error:
            self.error.setText(str(error))
            self.error.show()
            return False
        self.png = png
        self.error.clear()
        self.error.hide()
        pixmap = QPixmap()
        pixmap.loadFromData(png)
        self.preview.setPixmap(
            pixmap.scaled(
                PREVIEW_PX,
                PREVIEW_PX,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
        self.preview.show()
        self.clear_button.setEnabled(True)
        return True

    def clear(self) -> None:
        """Go back to no emblem."""
        self.png = None
        self.preview.clear()
        self.preview.hide()
        self.clear_button.setEnabled(False)

    def _choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("LambangPage", "Choose the lambang"),
            str(Path.home()),
            QCoreApplication.translate("LambangPage", "Images (*.png *.jpg *.jpeg *.svg)"),
            options=QFileDialog.Option.DontUseNativeDialog,
        )
        if name:
            self.load(Path(name))
