"""Camera and microphone through Qt Multimedia, feeding the call engine.

Qt delivers camera frames (``QVideoSink``) and microphone PCM (``QAudioSource``) on the GUI
thread; they are converted to the engine's formats and handed to ``PushVideoSource`` /
``PushAudioSource``, whose ``push`` is thread-safe. Remote audio playback lives in
:mod:`ui.vicon.audio`. When the machine has no camera or microphone, that is said plainly
("No camera found") and nothing is sent in its place: the synthetic test pattern and tone from
:mod:`conferencing.media` are offered in the pickers as an explicit choice, never chosen
silently. The microphone path runs WebRTC audio processing (echo cancellation, noise
suppression, gain, high-pass; :mod:`conferencing.audio_processing`).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QIODevice, QObject, QTimer, Signal
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import (
    QAudioDevice,
    QAudioFormat,
    QAudioSource,
    QCamera,
    QCameraDevice,
    QMediaCaptureSession,
    QMediaDevices,
    QVideoFrame,
    QVideoSink,
)

from conferencing.audio_processing import AudioProcessor, ProcessingOptions
from conferencing.media import (
    AudioSource,
    PushAudioSource,
    PushVideoSource,
    SyntheticAudioSource,
    SyntheticVideoSource,
    VideoSource,
)
from ui.vicon.frames import image_from_rgb, rgb_from_video_frame

#: Device id of the synthetic test pattern / tone in the pickers and in settings.
SYNTHETIC_ID = "synthetic"
#: Device id meaning "no such device here": black video or silence is sent, and it is said.
NO_DEVICE_ID = "none"
#: Width the camera picture is scaled to before encoding: VP8 at 640 px costs a third of a core.
SEND_WIDTH = 640
SEND_FPS = 30
AUDIO_RATE = 48_000


@dataclass(frozen=True)
class DeviceChoice:
    """One entry of a device picker."""

    device_id: str
    label: str


def _device_id(device: QCameraDevice | QAudioDevice) -> str:
    return bytes(device.id().data()).decode("utf-8", "replace")


def camera_choices(current: str = "") -> list[DeviceChoice]:
    """Every camera Qt Multimedia sees ("No camera found" when none), then the test pattern.

    With ``current`` NO_DEVICE_ID a "No camera" entry stays listed even once a camera is
    plugged in, so the picker never shows a camera that is not in use.
    """
    choices = [DeviceChoice(_device_id(d), d.description()) for d in QMediaDevices.videoInputs()]
    if not choices:
        choices.append(
            DeviceChoice(NO_DEVICE_ID, QCoreApplication.translate("Devices", "No camera found"))
        )
    elif current == NO_DEVICE_ID:
        choices.append(
            DeviceChoice(NO_DEVICE_ID, QCoreApplication.translate("Devices", "No camera"))
        )
    choices.append(
        DeviceChoice(SYNTHETIC_ID, QCoreApplication.translate("Devices", "Test pattern"))
    )
    return choices


def microphone_choices(current: str = "") -> list[DeviceChoice]:
    """Every microphone Qt Multimedia sees ("No microphone found" when none), then the test tone.

    With ``current`` NO_DEVICE_ID a "No microphone" entry stays listed (see camera_choices).
    """
    choices = [DeviceChoice(_device_id(d), d.description()) for d in QMediaDevices.audioInputs()]
    if not choices:
        choices.append(
            DeviceChoice(NO_DEVICE_ID, QCoreApplication.translate("Devices", "No microphone found"))
        )
    elif current == NO_DEVICE_ID:
        choices.append(
            DeviceChoice(NO_DEVICE_ID, QCoreApplication.translate("Devices", "No microphone"))
        )
    choices.append(DeviceChoice(SYNTHETIC_ID, QCoreApplication.translate("Devices", "Test tone")))
    return choices


def speaker_choices() -> list[DeviceChoice]:
    """Every speaker Qt Multimedia sees ("No speaker found" when none)."""
    choices = [DeviceChoice(_device_id(d), d.description()) for d in QMediaDevices.audioOutputs()]
    if not choices:
        choices.append(
            DeviceChoice(NO_DEVICE_ID, QCoreApplication.translate("Devices", "No speaker found"))
        )
    return choices


def _resolve(preferred: str, devices: list, default: QCameraDevice | QAudioDevice) -> str:
    if preferred == SYNTHETIC_ID:
        return SYNTHETIC_ID  # only ever by explicit choice
    for device in devices:
        if _device_id(device) == preferred:
            return preferred
    if devices:
        return _device_id(default if not default.isNull() else devices[0])
    return NO_DEVICE_ID


def resolve_camera(preferred: str) -> str:
    """The camera to use: ``preferred`` if present, else the default camera, else NO_DEVICE_ID.

    The test pattern is used only when ``preferred`` is SYNTHETIC_ID.
    """
    return _resolve(preferred, QMediaDevices.videoInputs(), QMediaDevices.defaultVideoInput())


def resolve_microphone(preferred: str) -> str:
    """The microphone to use: ``preferred`` if present, else the default, else NO_DEVICE_ID."""
    return _resolve(preferred, QMediaDevices.audioInputs(), QMediaDevices.defaultAudioInput())


def resolve_speaker(preferred: str) -> QAudioDevice | None:
    """The speaker to play on: ``preferred`` if present, else the default; None without any."""
    outputs = QMediaDevices.audioOutputs()
    for device in outputs:
        if _device_id(device) == preferred:
            return device
    default = QMediaDevices.defaultAudioOutput()
    if not default.isNull():
        return default
    return outputs[0] if outputs else None


def find_camera(device_id: str) -> QCameraDevice | None:
    """The camera with ``device_id`` if it is plugged in."""
    return next((d for d in QMediaDevices.videoInputs() if _device_id(d) == device_id), None)


def find_microphone(device_id: str) -> QAudioDevice | None:
    """The microphone with ``device_id`` if it is plugged in."""
    return next((d for d in QMediaDevices.audioInputs() if _device_id(d) == device_id), None)


def find_speaker(device_id: str) -> QAudioDevice | None:
    """The audio output with ``device_id`` if it is plugged in."""
    return next((d for d in QMediaDevices.audioOutputs() if _device_id(d) == device_id), None)


def device_id_of(device: QCameraDevice | QAudioDevice) -> str:
    """The id a picker stores for ``device`` (the one the find_* functions look up)."""
    return _device_id(device)


def pcm_format() -> QAudioFormat:
    """s16 mono 48 kHz, the engine's PCM format both ways."""
    fmt = QAudioFormat()
    fmt.setSampleRate(AUDIO_RATE)
    fmt.setChannelCount(1)
    fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
    return fmt


def _even(value: float) -> int:
    return max(2, int(round(value / 2)) * 2)


class CameraFeed(QObject):
    """Frames arriving at ``sink`` are pushed to a :class:`PushVideoSource` and previewed.

    ``sink`` is the QVideoSink a QCamera writes into; anything that calls
    ``sink.setVideoFrame`` (a file player, a test) drives the same path.
    """

    sig_preview = Signal(QImage)
    sig_error = Signal(str)

    def __init__(self, device: QCameraDevice | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sink = QVideoSink(self)
        self.source: PushVideoSource | None = None
        self.frames_pushed = 0
        self._camera: QCamera | None = None
        self._session: QMediaCaptureSession | None = None
        if device is not None:
            self._camera = QCamera(device, self)
            # Busy or unplugged cameras report here; the window shows the message.
            self._camera.errorOccurred.connect(lambda _code, text: self.sig_error.emit(text))
            self._pick_format(device)
            self._session = QMediaCaptureSession(self)
            self._session.setCamera(self._camera)
            self._session.setVideoSink(self.sink)
        self.sink.videoFrameChanged.connect(self._on_frame)

    def _pick_format(self, device: QCameraDevice) -> None:
        # Prefer the smallest format at least SEND_WIDTH wide that still does 25+ fps,
        # so the camera does not hand us 4K frames we would only scale down.
        formats = [f for f in device.videoFormats() if f.maxFrameRate() >= 25]
        wide = [f for f in formats if f.resolution().width() >= SEND_WIDTH]
        pool = wide or formats
        if pool and self._camera is not None:
            best = min(pool, key=lambda f: f.resolution().width() * f.resolution().height())
            self._camera.setCameraFormat(best)

    def start(self) -> None:
        """Start the camera (no-op for a sink-only feed)."""
        if self._camera is not None:
            self._camera.start()

    def stop(self) -> None:
        """Stop the camera and release the device."""
        if self._camera is not None:
            self._camera.stop()

    @property
    def error(self) -> str:
        """The camera's last error text ('' when fine)."""
        return self._camera.errorString() if self._camera is not None else ""

    def _on_frame(self, frame: QVideoFrame) -> None:
        rgb = rgb_from_video_frame(frame)
        if rgb is None:
            return
        h, w = rgb.shape[:2]
        if self.source is None:
            # The engine source is sized from the first frame so the aspect ratio survives.
            self.source = PushVideoSource(SEND_WIDTH, _even(SEND_WIDTH * h / w), SEND_FPS)
        self.source.push(rgb)
        self.frames_pushed += 1
        self.sig_preview.emit(image_from_rgb(rgb))

    def ensure_source(self, width: int = SEND_WIDTH, height: int = 360) -> PushVideoSource:
        """The push source, created with a default 16:9 size if no frame arrived yet."""
        if self.source is None:
            self.source = PushVideoSource(width, height, SEND_FPS)
        return self.source


class MicrophoneReader(QObject):
    """Opens a microphone in pull mode and hands each batch of 16-bit PCM to :meth:`received`.

    The one microphone reader of the app: the call's feed and the device check's level meter
    differ only in what they do with the samples.
    """

    def __init__(
        self, device: QAudioDevice, parent: QObject | None = None, buffer_bytes: int = 0
    ) -> None:
        super().__init__(parent)
        self._audio = QAudioSource(device, pcm_format(), self)
        if buffer_bytes:
            self._audio.setBufferSize(buffer_bytes)
        self._io: QIODevice | None = None

    def start(self) -> None:
        """Open the microphone."""
        self._io = self._audio.start()
        if self._io is not None:
            self._io.readyRead.connect(self._read)

    def stop(self) -> None:
        """Close the microphone."""
        self._audio.stop()
        self._io = None

    def _read(self) -> None:
        if self._io is None:
            return
        data = bytes(self._io.readAll().data())
        if data:
            self.received(data)

    def received(self, pcm: bytes) -> None:
        """Handle PCM that arrived (subclasses)."""
        raise NotImplementedError


class MicrophoneFeed(MicrophoneReader):
    """Reads PCM from a QAudioSource and pushes it to a :class:`PushAudioSource`.

    With a ``processor`` the engine receives the microphone after WebRTC audio processing.
    """

    def __init__(
        self,
        device: QAudioDevice,
        parent: QObject | None = None,
        *,
        processor: AudioProcessor | None = None,
    ) -> None:
        super().__init__(device, parent)
        self.source = PushAudioSource(processor=processor)
        self.bytes_pushed = 0

    def received(self, pcm: bytes) -> None:
        """Forward the PCM to the engine's source."""
        self.source.push(pcm)
        self.bytes_pushed += len(pcm)


class SyntheticPreview(QObject):
    """Self view for the test pattern: renders a private copy of the pattern at a low rate.

    The engine's own track must not be read here (that would steal frames from the peers),
    so a second, identical synthetic source is drawn for the preview only.
    """

    sig_preview = Signal(QImage)

    def __init__(self, office: str, fps: int = 10, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = SyntheticVideoSource(office, 320, 240, fps)
        self._index = 0
        self._timer = QTimer(self)
        self._timer.setInterval(1000 // fps)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        """Begin drawing."""
        self._timer.start()
        self._tick()

    def stop(self) -> None:
        """Stop drawing."""
        self._timer.stop()

    def _tick(self) -> None:
        import time

        track = self._source.track()
        frame = track.render(self._index, int(time.time() * 1000))  # type: ignore[attr-defined]
        self._index += 3  # keep the sweep moving at the remote rate (30 fps / 10 fps)
        self.sig_preview.emit(image_from_rgb(frame.to_ndarray(format="rgb24")))


class LocalMedia(QObject):
    """The local camera and microphone of one call, switchable while the call runs.

    ``video_source()`` / ``audio_source()`` give the engine sources for the current choice;
    ``use_camera`` / ``use_microphone`` switch and return the new source for
    ``engine.replace_video_source`` / ``replace_audio_source``. ``sig_preview`` feeds the self view.
    A missing camera or microphone gives ``NO_DEVICE_ID`` (black video, silence) and
    :attr:`missing` says so; the test pattern and tone come only by explicit choice.
    ``processor`` is the microphone's audio processing (its reverse stream goes to the speaker).
    """

    sig_preview = Signal(QImage)
    sig_error = Signal(str)

    def __init__(
        self,
        office: str,
        *,
        camera_id: str = SYNTHETIC_ID,
        microphone_id: str = SYNTHETIC_ID,
        processing: ProcessingOptions | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.office = office
        self.processor = AudioProcessor(processing)
        self.camera_id = ""
        self.microphone_id = ""
        self._video: VideoSource | None = None
        self._audio: AudioSource | None = None
        self._feed: CameraFeed | None = None
        self._preview: SyntheticPreview | None = None
        self._mic: MicrophoneFeed | None = None
        self._last_preview: QImage | None = None
        self.use_camera(resolve_camera(camera_id))
        self.use_microphone(resolve_microphone(microphone_id))

    def video_source(self) -> VideoSource:
        """The engine source for the current camera choice."""
        assert self._video is not None
        return self._video

    def audio_source(self) -> AudioSource:
        """The engine source for the current microphone choice."""
        assert self._audio is not None
        return self._audio

    @property
    def last_preview(self) -> QImage | None:
        """The newest self-view picture (so a window opened later shows it at once)."""
        return self._last_preview

    def _on_preview(self, image: QImage) -> None:
        self._last_preview = image
        self.sig_preview.emit(image)

    @property
    def microphone(self) -> MicrophoneFeed | None:
        """The live microphone feed (None while the test tone is used)."""
        return self._mic

    @property
    def camera(self) -> CameraFeed | None:
        """The live camera feed (None while the test pattern is used)."""
        return self._feed

    def missing(self) -> list[str]:
        """Plain sentences for the devices this call has none of (empty when all are there)."""
        said = []
        if self.camera_id == NO_DEVICE_ID:
            said.append(
                self.tr(
                    "No camera found. The others see no picture; you can choose the test "
                    "pattern in the camera list."
                )
            )
        if self.microphone_id == NO_DEVICE_ID:
            said.append(
                self.tr(
                    "No microphone found. The others hear nothing from you; you can choose "
                    "the test tone in the microphone list."
                )
            )
        return said

    def use_camera(self, device_id: str) -> VideoSource:
        """Switch the camera (SYNTHETIC_ID for the test pattern); returns the new engine source."""
        self._stop_video()
        device = find_camera(device_id)
        if device is None and device_id != SYNTHETIC_ID:
            if device_id != NO_DEVICE_ID:
                self.sig_error.emit(self.tr("That camera is no longer connected."))
            # Say it, send black: the test pattern is never chosen on the user's behalf.
            self.camera_id = NO_DEVICE_ID
            self._video = PushVideoSource(SEND_WIDTH, 360, SEND_FPS)
            self._last_preview = None
        elif device is None:
            self.camera_id = SYNTHETIC_ID
            self._video = SyntheticVideoSource(self.office)
            self._preview = SyntheticPreview(self.office, parent=self)
            self._preview.sig_preview.connect(self._on_preview)
            self._preview.start()
        else:
            self.camera_id = device_id
            self._feed = CameraFeed(device, self)
            self._feed.sig_preview.connect(self._on_preview)
            self._feed.sig_error.connect(self.sig_error)
            self._video = self._feed.ensure_source()
            self._feed.start()
        return self._video

    def use_microphone(self, device_id: str) -> AudioSource:
        """Switch the microphone (SYNTHETIC_ID for the tone); returns the new engine source."""
        if self._mic is not None:
            self._mic.stop()
            self._mic.deleteLater()
            self._mic = None
        device = find_microphone(device_id)
        if device is None and device_id != SYNTHETIC_ID:
            if device_id != NO_DEVICE_ID:
                self.sig_error.emit(self.tr("That microphone is no longer connected."))
            self.microphone_id = NO_DEVICE_ID
            self._audio = PushAudioSource()  # nothing pushed: silence
        elif device is None:
            self.microphone_id = SYNTHETIC_ID
            self._audio = SyntheticAudioSource()
        else:
            self.microphone_id = device_id
            self._mic = MicrophoneFeed(device, self, processor=self.processor)
            self._audio = self._mic.source
            self._mic.start()
        return self._audio

    def set_preview_running(self, running: bool) -> None:
        """Pause the self view while the camera is off (saves the GUI thread the work)."""
        if self._preview is not None:
            if running:
                self._preview.start()
            else:
                self._preview.stop()

    def stop(self) -> None:
        """Release every device."""
        self._stop_video()
        if self._mic is not None:
            self._mic.stop()

    def _stop_video(self) -> None:
        if self._feed is not None:
            self._feed.stop()
            self._feed.deleteLater()
            self._feed = None
        if self._preview is not None:
            self._preview.stop()
            self._preview.deleteLater()
            self._preview = None
