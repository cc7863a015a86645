"""Call controls: mute, camera, leave, and the camera, microphone and speaker pickers."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from ui.vicon.devices import DeviceChoice


class CallControls(QWidget):
    """Buttons emit intent signals; the window applies them and calls ``set_*`` to reflect state."""

    sig_mute_toggled = Signal(bool)  # True = mute
    sig_camera_toggled = Signal(bool)  # True = camera on
    sig_leave = Signal()
    sig_rejoin = Signal()
    sig_camera_chosen = Signal(str)  # device id, "" = synthetic
    sig_microphone_chosen = Signal(str)
    sig_speaker_chosen = Signal(str)  # audio output device id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mute_button = QPushButton(self.tr("Mute"), self)
        self.mute_button.setCheckable(True)
        self.mute_button.setToolTip(self.tr("Mute or unmute the microphone (Ctrl+D)"))
        self.camera_button = QPushButton(self.tr("Stop camera"), self)
        self.camera_button.setCheckable(True)
        self.camera_button.setToolTip(self.tr("Stop or start sending video (Ctrl+E)"))
        self.leave_button = QPushButton(self.tr("Leave"), self)
        self.leave_button.setObjectName("leaveButton")
        self.leave_button.setStyleSheet(
            "QPushButton#leaveButton { background: #c62828; color: white; padding: 4px 14px; }"
            "QPushButton#leaveButton:disabled { background: #d8b4b4; color: #f5eeee; }"
        )
        self.rejoin_button = QPushButton(self.tr("Rejoin"), self)
        self.rejoin_button.hide()
        self.camera_picker = QComboBox(self)
        self.camera_picker.setAccessibleName(self.tr("Camera"))
        self.microphone_picker = QComboBox(self)
        self.microphone_picker.setAccessibleName(self.tr("Microphone"))
        # Shown once the call has a speaker to switch (ui.vicon.speaker_choice.attach_speaker).
        self.speaker_picker = QComboBox(self)
        self.speaker_picker.setAccessibleName(self.tr("Speaker"))
        self.speaker_label = QLabel(self.tr("Speaker:"), self)
        for picker in (self.camera_picker, self.microphone_picker, self.speaker_picker):
            # Long device names ("Pengeras suara tidak ditemukan") are cut short in the box and
            # shown whole as its tooltip: the bar fits 1366 pixels with every button it gains.
            picker.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            picker.setMinimumContentsLength(10)
            picker.currentTextChanged.connect(picker.setToolTip)
        layout = QHBoxLayout(self)
        layout.addWidget(self.mute_button)
        layout.addWidget(self.camera_button)
        layout.addSpacing(12)
        layout.addWidget(QLabel(self.tr("Camera:"), self))
        layout.addWidget(self.camera_picker, 1)
        layout.addWidget(QLabel(self.tr("Microphone:"), self))
        layout.addWidget(self.microphone_picker, 1)
        layout.addWidget(self.speaker_label)
        layout.addWidget(self.speaker_picker, 1)
        for widget in (self.speaker_label, self.speaker_picker):
            widget.hide()
        layout.addSpacing(12)
        layout.addWidget(self.rejoin_button)
        layout.addWidget(self.leave_button)
        self.mute_button.toggled.connect(self._on_mute)
        self.camera_button.toggled.connect(self._on_camera)
        self.leave_button.clicked.connect(self.sig_leave)
        self.rejoin_button.clicked.connect(self.sig_rejoin)
        self.camera_picker.activated.connect(
            lambda i: self.sig_camera_chosen.emit(self.camera_picker.itemData(i) or "")
        )
        self.microphone_picker.activated.connect(
            lambda i: self.sig_microphone_chosen.emit(self.microphone_picker.itemData(i) or "")
        )
        self.speaker_picker.activated.connect(
            lambda i: self.sig_speaker_chosen.emit(self.speaker_picker.itemData(i) or "")
        )

    def set_devices(
        self,
        cameras: list[DeviceChoice],
        microphones: list[DeviceChoice],
        camera_id: str,
        microphone_id: str,
    ) -> None:
        """Fill the pickers; the synthetic source is always the first choice."""
        for picker, choices, current in (
            (self.camera_picker, cameras, camera_id),
            (self.microphone_picker, microphones, microphone_id),
        ):
            picker.blockSignals(True)
            picker.clear()
            for choice in choices:
                picker.addItem(choice.label, choice.device_id)
            index = picker.findData(current)
            picker.setCurrentIndex(max(index, 0))
            picker.blockSignals(False)

    def set_speakers(self, speakers: list[DeviceChoice], current: str) -> None:
        """Fill the speaker picker (and show it), keeping ``current`` selected."""
        picker = self.speaker_picker
        picker.blockSignals(True)
        picker.clear()
        for choice in speakers:
            picker.addItem(choice.label, choice.device_id)
        picker.setCurrentIndex(max(picker.findData(current), 0))
        picker.blockSignals(False)
        for widget in (self.speaker_label, picker):
            widget.show()

    def set_in_call(self, in_call: bool, *, ended: bool = False) -> None:
        """Grey out what makes no sense outside a call; once it ended, Leave becomes Close."""
        for widget in (self.mute_button, self.camera_button):
            widget.setEnabled(in_call)
        self.leave_button.setEnabled(in_call or ended)
        self.leave_button.setText(self.tr("Close") if ended else self.tr("Leave"))
        self.rejoin_button.setVisible(ended)

    def _on_mute(self, muted: bool) -> None:
        self.mute_button.setText(self.tr("Unmute") if muted else self.tr("Mute"))
        self.sig_mute_toggled.emit(muted)

    def _on_camera(self, stopped: bool) -> None:
        self.camera_button.setText(self.tr("Start camera") if stopped else self.tr("Stop camera"))
        self.sig_camera_toggled.emit(not stopped)
