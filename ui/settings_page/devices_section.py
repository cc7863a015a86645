"""Settings: camera and microphone used in vicon sessions."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QWidget

from ui.context import AppContext


class DevicesSection(QGroupBox):
    """Device choice by QMediaDevices id; "" keeps the system default."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Camera and microphone"), parent)
        self.context = context
        form = QFormLayout(self)
        self.camera = QComboBox()
        self.microphone = QComboBox()
        form.addRow(self.tr("Camera:"), self.camera)
        form.addRow(self.tr("Microphone:"), self.microphone)
        self.reload()
        self.camera.currentIndexChanged.connect(self._camera_changed)
        self.microphone.currentIndexChanged.connect(self._microphone_changed)

    def reload(self) -> None:
        """List the devices present now (QtMultimedia is imported here, not at start-up)."""
        from PySide6.QtMultimedia import QMediaDevices

        cameras = [
            (bytes(d.id().data()).decode(errors="replace"), d.description())
            for d in QMediaDevices.videoInputs()
        ]
        microphones = [
            (bytes(d.id().data()).decode(errors="replace"), d.description())
            for d in QMediaDevices.audioInputs()
        ]
        self._fill(self.camera, cameras, self.context.settings.camera_id)
        self._fill(self.microphone, microphones, self.context.settings.microphone_id)

    def _fill(self, combo: QComboBox, devices: list[tuple[str, str]], chosen: str) -> None:
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("System default"), "")
        for device_id, description in devices:
            combo.addItem(description, device_id)
        if chosen and combo.findData(chosen) < 0:
            # Keep a saved device that is unplugged right now rather than forgetting it.
            combo.addItem(self.tr("%1 (not connected)").replace("%1", chosen), chosen)
        combo.setCurrentIndex(max(combo.findData(chosen), 0))
        combo.blockSignals(False)

    def _camera_changed(self) -> None:
        self.context.settings.camera_id = self.camera.currentData()

    def _microphone_changed(self) -> None:
        self.context.settings.microphone_id = self.microphone.currentData()
