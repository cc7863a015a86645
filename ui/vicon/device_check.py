"""The device check before joining: camera preview, microphone meter and a speaker test tone.

Shown by the call launcher before the call window. Each device has a picker; a missing camera
or microphone is said in a plain sentence, with the test pattern or test tone offered as a
button, never chosen on the user's behalf. Devices plugged in while the check is open appear
in the pickers (QMediaDevices' change signals).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtMultimedia import QAudioDevice, QMediaDevices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.settings import Settings
from ui.vicon.audio import AudioMixer, SpeakerOutput
from ui.vicon.devices import (
    AUDIO_RATE,
    NO_DEVICE_ID,
    SYNTHETIC_ID,
    CameraFeed,
    DeviceChoice,
    MicrophoneReader,
    SyntheticPreview,
    camera_choices,
    find_camera,
    find_microphone,
    microphone_choices,
    resolve_camera,
    resolve_microphone,
    resolve_speaker,
    speaker_choices,
)

#: The meter spans -60 dBFS (empty) to 0 dBFS (full).
METER_FLOOR_DB = -60.0
#: Level of the synthetic test tone (SyntheticAudioSource's default volume of 0.1).
TONE_LEVEL_DB = -23.0
TEST_TONE_S = 1.0


def level_db(pcm: bytes) -> float:
    """RMS level of s16 PCM in dBFS (METER_FLOOR_DB for silence)."""
    samples = np.frombuffer(pcm[: len(pcm) & ~1], np.int16).astype(np.float64)
    if samples.size == 0:
        return METER_FLOOR_DB
    rms = float(np.sqrt(np.mean(samples**2))) / 32768
    return max(METER_FLOOR_DB, 20 * np.log10(rms)) if rms > 0 else METER_FLOOR_DB


class MicrophoneLevel(MicrophoneReader):
    """Reads a microphone and reports its level in dBFS about every 50 ms."""

    sig_level = Signal(float)

    def __init__(self, device: QAudioDevice, parent: QObject | None = None) -> None:
        super().__init__(device, parent, buffer_bytes=AUDIO_RATE * 2 // 10)
        self._pending = bytearray()

    def received(self, pcm: bytes) -> None:
        """Emit the level of the newest 50 ms once that much has arrived."""
        self._pending += pcm
        chunk = AUDIO_RATE * 2 // 20  # 50 ms
        if len(self._pending) >= chunk:
            # Only the newest 50 ms matter for a meter; older audio is dropped.
            self.sig_level.emit(level_db(bytes(self._pending[-chunk:])))
            self._pending.clear()


class DeviceCheckDialog(QDialog):
    """Pick and try the camera, microphone and speaker; Join accepts with the choices.

    After acceptance ``camera_id``, ``microphone_id`` and ``speaker_id`` hold the choices
    (SYNTHETIC_ID for the test pattern/tone, NO_DEVICE_ID for none); real devices are saved
    in ``settings`` as the default for the next call.
    """

    def __init__(self, settings: Settings, office: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.office = office or self.tr("Your office")
        self.setWindowTitle(self.tr("Check your devices"))
        self._camera: CameraFeed | None = None
        self._pattern: SyntheticPreview | None = None
        self._meter_source: MicrophoneLevel | None = None
        self._tone: SpeakerOutput | None = None
        self.preview_image: QImage | None = None
        self.level = METER_FLOOR_DB

        heading = QLabel(self.tr("Check your camera, microphone and speaker before joining."))
        heading.setWordWrap(True)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)

        self.camera_picker = QComboBox()
        self.camera_picker.setAccessibleName(self.tr("Camera"))
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(480, 270)
        self.preview.setStyleSheet("background: #263238; color: #eceff1;")
        self.camera_missing = QLabel(self.tr("No camera found."))
        self.pattern_button = QPushButton(self.tr("Send a test pattern instead"))
        camera_box = QGroupBox(self.tr("Camera"))
        col = QVBoxLayout(camera_box)
        col.addWidget(self.camera_picker)
        col.addWidget(self.preview, 1)
        col.addWidget(self.camera_missing)
        col.addWidget(self.pattern_button)

        self.microphone_picker = QComboBox()
        self.microphone_picker.setAccessibleName(self.tr("Microphone"))
        self.meter = QProgressBar()
        self.meter.setRange(0, 100)
        self.meter.setTextVisible(False)
        self.meter.setAccessibleName(self.tr("Microphone level"))
        self.microphone_hint = QLabel(self.tr("Speak: the bar should move."))
        self.microphone_missing = QLabel(self.tr("No microphone found."))
        self.tone_source_button = QPushButton(self.tr("Send a test tone instead"))
        mic_box = QGroupBox(self.tr("Microphone"))
        col = QVBoxLayout(mic_box)
        for widget in (self.microphone_picker, self.meter, self.microphone_hint):
            col.addWidget(widget)
        col.addWidget(self.microphone_missing)
        col.addWidget(self.tone_source_button)
        col.addStretch(1)

        self.speaker_picker = QComboBox()
        self.speaker_picker.setAccessibleName(self.tr("Speaker"))
        self.play_button = QPushButton(self.tr("Play a test tone"))
        self.speaker_status = QLabel(self.tr("You should hear a short beep."))
        self.speaker_status.setWordWrap(True)
        speaker_box = QGroupBox(self.tr("Speaker"))
        col = QVBoxLayout(speaker_box)
        for widget in (self.speaker_picker, self.play_button, self.speaker_status):
            col.addWidget(widget)
        col.addStretch(1)

        for label in (self.camera_missing, self.microphone_missing):
            label.setWordWrap(True)
            label.setStyleSheet("color: #b71c1c; font-weight: bold;")
        buttons = QDialogButtonBox()
        self.join_button = buttons.addButton(
            self.tr("Join"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = buttons.addButton(
            self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.join_button.setDefault(True)
        grid = QGridLayout(self)
        grid.addWidget(heading, 0, 0, 1, 2)
        grid.addWidget(camera_box, 1, 0, 2, 1)
        grid.addWidget(mic_box, 1, 1)
        grid.addWidget(speaker_box, 2, 1)
        grid.addWidget(buttons, 3, 0, 1, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)

        self.camera_id = resolve_camera(settings.camera_id)
        self.microphone_id = resolve_microphone(settings.microphone_id)
        speaker = resolve_speaker(settings.speaker_id)
        self.speaker_id = _id(speaker) if speaker is not None else NO_DEVICE_ID
        self._had_camera = bool(QMediaDevices.videoInputs())
        self._had_microphone = bool(QMediaDevices.audioInputs())
        self._media_devices = QMediaDevices(self)
        # A device that just appeared is not ready to open in the same instant (PulseAudio
        # reports it before its stream runs), so the refresh waits a moment.
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(300)
        self._refresh_timer.timeout.connect(self.refresh_devices)
        for changed in (
            self._media_devices.videoInputsChanged,
            self._media_devices.audioInputsChanged,
            self._media_devices.audioOutputsChanged,
        ):
            changed.connect(self._refresh_timer.start)
        self.camera_picker.activated.connect(
            lambda i: self.choose_camera(self.camera_picker.itemData(i))
        )
        self.microphone_picker.activated.connect(
            lambda i: self.choose_microphone(self.microphone_picker.itemData(i))
        )
        self.speaker_picker.activated.connect(
            lambda i: setattr(self, "speaker_id", self.speaker_picker.itemData(i))
        )
        self.pattern_button.clicked.connect(lambda: self.choose_camera(SYNTHETIC_ID))
        self.tone_source_button.clicked.connect(lambda: self.choose_microphone(SYNTHETIC_ID))
        self.play_button.clicked.connect(self.play_test_tone)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.refresh_devices()
        self.choose_camera(self.camera_id)
        self.choose_microphone(self.microphone_id)

    # ------------------------------------------------------------------ pickers

    def refresh_devices(self) -> None:
        """Re-list every device (a USB camera or headset may have come or gone).

        A device plugged in while none was there is taken at once (that is why it was
        plugged in); otherwise the current choice is kept. A chosen device that was
        unplugged falls back to the default one, or to none, and the pickers say so.
        """
        camera = resolve_camera(self.camera_id)
        # "None" chosen by hand while cameras exist stays none; "none found" takes a new one.
        if camera != self.camera_id and (self.camera_id != NO_DEVICE_ID or not self._had_camera):
            self.choose_camera(camera)
        microphone = resolve_microphone(self.microphone_id)
        if microphone != self.microphone_id and (
            self.microphone_id != NO_DEVICE_ID or not self._had_microphone
        ):
            self.choose_microphone(microphone)
        self._had_camera = bool(QMediaDevices.videoInputs())
        self._had_microphone = bool(QMediaDevices.audioInputs())
        speaker = resolve_speaker(self.speaker_id)
        self.speaker_id = _id(speaker) if speaker is not None else NO_DEVICE_ID
        _fill(self.camera_picker, camera_choices(self.camera_id), self.camera_id)
        _fill(self.microphone_picker, microphone_choices(self.microphone_id), self.microphone_id)
        _fill(self.speaker_picker, speaker_choices(), self.speaker_id)
        self._show_missing()

    def _show_missing(self) -> None:
        no_camera = not QMediaDevices.videoInputs()
        no_microphone = not QMediaDevices.audioInputs()
        self.camera_missing.setVisible(no_camera)
        self.pattern_button.setVisible(no_camera and self.camera_id != SYNTHETIC_ID)
        self.microphone_missing.setVisible(no_microphone)
        self.tone_source_button.setVisible(no_microphone and self.microphone_id != SYNTHETIC_ID)
        self.microphone_hint.setVisible(self.microphone_id not in (NO_DEVICE_ID, SYNTHETIC_ID))
        self.meter.setEnabled(self.microphone_id != NO_DEVICE_ID)
        no_speaker = self.speaker_id == NO_DEVICE_ID
        self.play_button.setEnabled(not no_speaker)
        if no_speaker:
            self.speaker_status.setText(self.tr("No speaker found. You will not hear the others."))

    def choose_camera(self, device_id: str) -> None:
        """Preview ``device_id`` (SYNTHETIC_ID: the test pattern; NO_DEVICE_ID: nothing)."""
        self._stop_camera()
        self.camera_id = device_id
        device = find_camera(device_id)
        if device is not None:
            self._camera = CameraFeed(device, self)
            self._camera.sig_preview.connect(self._show_preview)
            self._camera.start()
        elif device_id == SYNTHETIC_ID:
            self._pattern = SyntheticPreview(self.office, parent=self)
            self._pattern.sig_preview.connect(self._show_preview)
            self._pattern.start()
        else:
            self.camera_id = NO_DEVICE_ID
            self.preview.setText(self.tr("No picture"))
        _select(self.camera_picker, self.camera_id)
        self._show_missing()

    def choose_microphone(self, device_id: str) -> None:
        """Meter ``device_id`` (SYNTHETIC_ID: the test tone's level; NO_DEVICE_ID: empty)."""
        if self._meter_source is not None:
            self._meter_source.stop()
            self._meter_source.deleteLater()
            self._meter_source = None
        self.microphone_id = device_id
        device = find_microphone(device_id)
        if device is not None:
            self._meter_source = MicrophoneLevel(device, self)
            self._meter_source.sig_level.connect(self._show_level)
            self._meter_source.start()
            self._show_level(METER_FLOOR_DB)
        elif device_id == SYNTHETIC_ID:
            self._show_level(TONE_LEVEL_DB)
        else:
            self.microphone_id = NO_DEVICE_ID
            self._show_level(METER_FLOOR_DB)
        _select(self.microphone_picker, self.microphone_id)
        self._show_missing()

    # ------------------------------------------------------------------ preview, meter, tone

    def _show_preview(self, image: QImage) -> None:
        self.preview_image = image
        pixmap = QPixmap.fromImage(image).scaled(
            self.preview.size(),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        self.preview.setPixmap(pixmap)

    def _show_level(self, db: float) -> None:
        self.level = db
        self.meter.setValue(int(round((db - METER_FLOOR_DB) / -METER_FLOOR_DB * 100)))

    def play_test_tone(self) -> SpeakerOutput | None:
        """Play a one-second 440 Hz tone on the chosen speaker through the call's output path."""
        device = next((d for d in QMediaDevices.audioOutputs() if _id(d) == self.speaker_id), None)
        if device is None:
            return None
        if self._tone is not None:
            self._tone.stop()
            self._tone.deleteLater()
        samples = int(AUDIO_RATE * TEST_TONE_S)
        t = np.arange(samples) / AUDIO_RATE
        fade = np.minimum(1.0, np.minimum(t, TEST_TONE_S - t) / 0.02)  # no clicks
        tone = (6000 * np.sin(2 * np.pi * 440 * t) * fade).astype(np.int16)
        mixer = AudioMixer(max_ms=int(TEST_TONE_S * 1000) + 100)
        mixer.feed("test-tone", tone.tobytes())
        self._tone = SpeakerOutput(mixer, device, self)
        self._tone.start()
        self.speaker_status.setText(self.tr("Playing a test tone…"))
        QTimer.singleShot(
            int(TEST_TONE_S * 1000) + 300,
            self,
            lambda: self.speaker_status.setText(
                self.tr("Did you hear it? If not, choose another speaker or turn it up.")
            ),
        )
        return self._tone

    # ------------------------------------------------------------------ closing

    def accept(self) -> None:
        """Join: remember real devices for next time and release them for the call."""
        for name, value in (
            ("camera_id", self.camera_id),
            ("microphone_id", self.microphone_id),
            ("speaker_id", self.speaker_id),
        ):
            if value not in (SYNTHETIC_ID, NO_DEVICE_ID):
                setattr(self.settings, name, value)
        self._release()
        super().accept()

    def reject(self) -> None:
        """Cancel: release the devices; no call is opened."""
        self._release()
        super().reject()

    def _release(self) -> None:
        self._stop_camera()
        if self._meter_source is not None:
            self._meter_source.stop()
        if self._tone is not None:
            self._tone.stop()

    def _stop_camera(self) -> None:
        for feed in (self._camera, self._pattern):
            if feed is not None:
                feed.stop()
                feed.deleteLater()
        self._camera = None
        self._pattern = None
        self.preview_image = None
        self.preview.clear()


def _id(device: QAudioDevice) -> str:
    return bytes(device.id().data()).decode("utf-8", "replace")


def _fill(picker: QComboBox, choices: list[DeviceChoice], current: str) -> None:
    picker.blockSignals(True)
    picker.clear()
    for choice in choices:
        picker.addItem(choice.label, choice.device_id)
    picker.blockSignals(False)
    _select(picker, current)


def _select(picker: QComboBox, device_id: str) -> None:
    picker.blockSignals(True)
    picker.setCurrentIndex(max(picker.findData(device_id), 0))
    picker.blockSignals(False)
