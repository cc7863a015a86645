"""Open a call window for an invitation: local media, a controller and the window together."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from conferencing.call_identity import TrustedOffices
from conferencing.media import AudioSource, VideoSource
from ui.sessions.invite import Invite
from ui.settings import Settings
from ui.vicon.audio import AudioMixer, processing_options, register_processor
from ui.vicon.call_window import CallWindow
from ui.vicon.controller import CallController
from ui.vicon.devices import SYNTHETIC_ID, LocalMedia
from ui.vicon.speaker_choice import CallSpeaker, attach_speaker


def open_call(
    office: str,
    invite: Invite,
    *,
    settings: Settings | None = None,
    synthetic: bool = False,
    identity_path: Path | None = None,
    trusted: TrustedOffices | None = None,
    parent: QWidget | None = None,
) -> CallWindow | None:
    """Create media + engine for ``office``, show a call window and start joining.

    ``synthetic`` forces the test pattern and tone (tests, machines without devices); otherwise
    the device check (camera preview, microphone meter, speaker tone) comes first, and None is
    returned when the user cancels it. ``trusted`` pins the counterpart offices' certificates
    (who can be verified); ``identity_path`` lets the window offer to unlock the office
    identity (so the others can verify us).
    """
    camera = SYNTHETIC_ID if synthetic or settings is None else settings.camera_id
    microphone = SYNTHETIC_ID if synthetic or settings is None else settings.microphone_id
    speaker = "" if settings is None else settings.speaker_id
    if settings is not None and not synthetic:
        from ui.vicon.device_check import DeviceCheckDialog

        check = DeviceCheckDialog(settings, parent=parent)
        if check.exec() != DeviceCheckDialog.DialogCode.Accepted:
            return None
        camera, microphone, speaker = check.camera_id, check.microphone_id, check.speaker_id
    media = LocalMedia(
        office,
        camera_id=camera,
        microphone_id=microphone,
        processing=processing_options(None if synthetic else settings),
    )
    # Settings changed during the call reach this call's audio processing at once.
    register_processor(media.processor)
    video: VideoSource = media.video_source()
    audio: AudioSource = media.audio_source()
    controller = CallController(office, video_source=video, audio_source=audio, trusted=trusted)
    window = CallWindow(
        controller,
        media,
        title=invite.room,
        identity_path=identity_path,
        settings=settings,  # the Gallery/Speaker choice is kept for the next call
        parent=parent,
    )
    controller.setParent(window)
    media.setParent(window)
    # Remote audio: engine threads fill the mixer; a speaker (when the machine has one) drains it.
    window.mixer = AudioMixer()
    controller.set_audio_sink(window.mixer.feed)
    controller.sig_participant_left.connect(lambda peer_id, _office: window.mixer.drop(peer_id))
    # What the speaker plays is the echo canceller's reverse stream; the picker switches it.
    attach_speaker(
        window,
        CallSpeaker(window.mixer, speaker, window, reverse=media.processor.reverse_stream()),
    )
    if settings is not None and not synthetic:
        # A device picked during a call becomes the default for the next one.
        # The test pattern is stored as "" (system default), which the Settings page knows.
        window.controls.sig_camera_chosen.connect(
            lambda d: setattr(settings, "camera_id", "" if d == SYNTHETIC_ID else d)
        )
        window.controls.sig_microphone_chosen.connect(
            lambda d: setattr(settings, "microphone_id", "" if d == SYNTHETIC_ID else d)
        )
        window.controls.sig_speaker_chosen.connect(lambda d: setattr(settings, "speaker_id", d))
    window.show()
    controller.join(invite.hub_url, invite.room, invite.token)
    return window
