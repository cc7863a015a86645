"""Settings: camera and microphone used in vicon sessions, and the microphone's audio processing."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QGroupBox, QLabel, QWidget

from ui.context import AppContext


class DevicesSection(QGroupBox):
    """Device choice by QMediaDevices id ("" keeps the system default) and audio processing.

    The four processing switches are saved at once and applied to calls already open, so a
    meeting room can turn echo cancellation off (a headset needs none) without leaving.
    """

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Camera and microphone"), parent)
        self.context = context
        form = QFormLayout(self)
        self.camera = QComboBox()
        self.microphone = QComboBox()
        self.speaker = QComboBox()
        form.addRow(self.tr("Camera:"), self.camera)
        form.addRow(self.tr("Microphone:"), self.microphone)
        form.addRow(self.tr("Speaker:"), self.speaker)
        settings = context.settings
        self.echo_cancellation = QCheckBox(self.tr("Echo cancellation"))
        self.echo_cancellation.setToolTip(
            self.tr("Removes the other office's voice coming back from your speaker.")
        )
        self.noise_suppression = QCheckBox(self.tr("Noise suppression"))
        self.auto_gain = QCheckBox(self.tr("Automatic gain"))
        self.auto_gain.setToolTip(self.tr("Keeps your voice at an even level."))
        self.high_pass = QCheckBox(self.tr("Low-frequency filter (hum and rumble)"))
        self._switches = (
            (self.echo_cancellation, "echo_cancellation"),
            (self.noise_suppression, "noise_suppression"),
            (self.auto_gain, "auto_gain"),
            (self.high_pass, "high_pass_filter"),
        )
        for box, name in self._switches:
            box.setChecked(bool(getattr(settings, name)))
        form.addRow(self.tr("Audio processing:"), self.echo_cancellation)
        for box in (self.noise_suppression, self.auto_gain, self.high_pass):
            form.addRow("", box)
        hint = QLabel(self.tr("Turn these off only with a headset. Changes apply at once."))
        hint.setWordWrap(True)
        form.addRow("", hint)
        self.reload()
        self.camera.currentIndexChanged.connect(self._camera_changed)
        self.microphone.currentIndexChanged.connect(self._microphone_changed)
        self.speaker.currentIndexChanged.connect(self._speaker_changed)
        for box, _name in self._switches:
            box.toggled.connect(self._processing_changed)

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
        speakers = [
            (bytes(d.id().data()).decode(errors="replace"), d.description())
            for d in QMediaDevices.audioOutputs()
        ]
        self._fill(self.microphone, microphones, self.context.settings.microphone_id)
        self._fill(self.speaker, speakers, self.context.settings.speaker_id)

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

    def _speaker_changed(self) -> None:
        self.context.settings.speaker_id = self.speaker.currentData()

    def _processing_changed(self) -> None:
        settings = self.context.settings
        for box, name in self._switches:
            setattr(settings, name, box.isChecked())
        # Imported here: the audio path (and its native library) loads only when used.
        from ui.vicon.audio import apply_to_open_calls, processing_options

        apply_to_open_calls(processing_options(settings))
