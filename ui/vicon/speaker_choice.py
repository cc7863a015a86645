"""The call's speaker: which audio output plays the others, switchable mid-call.

The call window's controls carry a speaker picker next to the camera and microphone ones. A
headset plugged in mid-call appears in it (QMediaDevices.audioOutputsChanged); choosing it moves
the playback at once, the mixer and the echo canceller's reverse stream staying the same (so no
audio already received is lost and echo cancellation keeps hearing what is played). When the
speaker in use is unplugged, playback moves to the system default and the call says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtMultimedia import QAudioDevice

from conferencing.audio_processing import ReverseStream
from ui.vicon.audio import AudioMixer, SpeakerOutput
from ui.vicon.devices import (
    NO_DEVICE_ID,
    device_id_of,
    find_speaker,
    resolve_speaker,
    speaker_choices,
)

if TYPE_CHECKING:
    from ui.vicon.call_window import CallWindow


class CallSpeaker(QObject):
    """Plays the call's :class:`AudioMixer` on one output at a time; ``use`` switches it."""

    sig_error = Signal(str)  # a translated sentence for the call's notices
    sig_changed = Signal(str)  # the device id now playing (NO_DEVICE_ID: none)

    def __init__(
        self,
        mixer: AudioMixer,
        preferred: str = "",
        parent: QObject | None = None,
        *,
        reverse: ReverseStream | None = None,
    ) -> None:
        super().__init__(parent)
        self.mixer = mixer
        self.reverse = reverse
        self.output: SpeakerOutput | None = None
        self.device_id = NO_DEVICE_ID
        device = resolve_speaker(preferred)
        if device is not None:
            self._play_on(device)

    def _play_on(self, device: QAudioDevice | None) -> None:
        if self.output is not None:
            self.output.stop()
            self.output.deleteLater()
            self.output = None
        self.device_id = NO_DEVICE_ID if device is None else device_id_of(device)
        if device is not None:
            self.output = SpeakerOutput(self.mixer, device, self, reverse=self.reverse)
            self.output.start()
        self.sig_changed.emit(self.device_id)

    @Slot(str)
    def use(self, device_id: str) -> None:
        """Play on ``device_id`` from now on (said, and nothing changes, if it is gone)."""
        if device_id == self.device_id:
            return
        device = find_speaker(device_id)
        if device is None:
            self.sig_error.emit(self.tr("That speaker is no longer connected."))
            self.sig_changed.emit(self.device_id)  # the picker goes back to what plays
            return
        self._play_on(device)

    @Slot()
    def follow_devices(self) -> None:
        """After outputs changed: leave an unplugged speaker for the default, or start on one."""
        if self.device_id != NO_DEVICE_ID and find_speaker(self.device_id) is not None:
            return
        lost = self.device_id != NO_DEVICE_ID
        self._play_on(resolve_speaker(""))
        if lost:
            self.sig_error.emit(
                self.tr("The speaker was unplugged. You now hear the call on another speaker.")
                if self.output is not None
                else self.tr("The speaker was unplugged. Plug in a speaker to hear the others.")
            )


def attach_speaker(window: CallWindow, speaker: CallSpeaker) -> None:
    """Show ``speaker`` in the window's speaker picker and keep both current mid-call."""
    controls = window.controls
    speaker.setParent(window)

    def refill(*_args: object) -> None:
        controls.set_speakers(speaker_choices(), speaker.device_id)

    def outputs_changed() -> None:
        speaker.follow_devices()  # may switch, which refills through sig_changed
        refill()

    window.speaker = speaker
    controls.sig_speaker_chosen.connect(speaker.use)
    speaker.sig_changed.connect(refill)
    speaker.sig_error.connect(window._on_error)
    window._media_devices.audioOutputsChanged.connect(outputs_changed)
    refill()
