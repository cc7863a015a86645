"""Qt side of a call: owns a CallEngine and turns its thread-bound world into queued signals.

The engine runs its own asyncio loop on its own thread (aiortc needs real datagram endpoints,
which QtAsyncio lacks). Everything that crosses over is marshalled here:

* Commands: coroutines go to ``engine.submit`` (``run_coroutine_threadsafe``); the returned
  future's outcome comes back as a queued signal and, on failure, ``sig_error``.
* Events: the engine calls our listener on its thread; we re-emit each event through a
  private queued signal, so the public ``sig_*`` signals always fire on the GUI thread.
* Video: decoded frames arrive from aiortc's decoder threads at up to 30 fps per peer. Only
  the newest frame per peer is kept (older ones are simply replaced), and a GUI timer at
  ~30 fps turns each pending frame into a QImage copy. A slow GUI therefore drops frames
  instead of building a queue.
"""

from __future__ import annotations

import ssl
import threading
from collections.abc import Callable, Coroutine
from concurrent.futures import Future
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QImage

from conferencing.call_identity import (
    CallIdentity,
    PeerVerification,
    PeerVerificationChanged,
    TrustedOffices,
    all_verified,
)
from conferencing.engine import CallEngine
from conferencing.events import (
    AppMessageReceived,
    ChatReceived,
    ConnectionStateChanged,
    EngineError,
    EngineEvent,
    ParticipantJoined,
    ParticipantLeft,
    StatsUpdated,
    TrackAdded,
    VideoPaused,
)
from conferencing.installkey import InstallKey
from conferencing.media import AudioSource, VideoSource
from ui.vicon.frames import image_from_rgb
from ui.vicon.messages import CALL_END, engine_error_text, error_text, state_reason_text

#: Joining a session of this many offices or more, the microphone starts muted; the office
#: unmutes when it speaks. In a meeting that size most offices listen, and a muted microphone
#: sends almost nothing (conferencing/dtx.py), which is what lets 8 offices fit on Janus.
MUTE_ON_ENTRY_OFFICES = 5
#: App-message kind the call windows use to tell each other "muted" / "camera off".
MEDIA_STATE_KIND = "vicon.media_state"

#: Paint rate of remote video; the sender does 30 fps, more would only burn the GUI thread.
PAINT_INTERVAL_MS = 33

DoneCallback = Callable[[Any, BaseException | None], None]


class CallController(QObject):
    """One office's side of one call, usable only from the GUI thread.

    Signals (all emitted on the GUI thread):

    * ``sig_state_changed(state, reason)`` — "connecting", "connected", "reconnecting",
      "left", "failed".
    * ``sig_participant_joined(peer_id, office)`` / ``sig_participant_left(peer_id, office)``
    * ``sig_track_added(peer_id, kind)``
    * ``sig_chat(peer_id, office, text, sent_at)`` — ``sent_at`` is a tz-aware datetime.
    * ``sig_stats(peer_id, StatsUpdated)``
    * ``sig_app_message(peer_id, office, kind, payload)`` — typed app channel.
    * ``sig_error(message)`` — engine errors and failed commands.
    * ``sig_frame(peer_id, QImage)`` — newest decoded remote frame, at most ~30 fps per peer.
    * ``sig_peer_media_state(peer_id, audio_muted, video_enabled)`` — a peer muted or turned
      its camera off (announced by its controller over the app channel, kind
      ``vicon.media_state``; the raw message is also on ``sig_app_message``).
    * ``sig_verification(peer_id, PeerVerification)`` — who is proven to be on that link
      changed (see :mod:`conferencing.call_identity`).
    * ``sig_muted_on_entry(offices)`` — we joined a session of :data:`MUTE_ON_ENTRY_OFFICES` or
      more offices, so the microphone started muted.
    """

    sig_state_changed = Signal(str, str)
    sig_participant_joined = Signal(str, str)
    sig_participant_left = Signal(str, str)
    sig_track_added = Signal(str, str)
    sig_chat = Signal(str, str, str, object)
    sig_stats = Signal(str, object)
    sig_app_message = Signal(str, str, str, object)
    sig_error = Signal(str)
    sig_frame = Signal(str, QImage)
    sig_peer_media_state = Signal(str, bool, bool)
    sig_verification = Signal(str, object)
    sig_video_paused = Signal(str, bool)  # peer's picture froze (True) or came back (False)
    sig_muted_on_entry = Signal(int)  # offices in the session we joined

    # Private hops from engine threads to the GUI thread.
    _sig_event = Signal(object)
    _sig_done = Signal(object, object, object)

    def __init__(
        self,
        office: str,
        *,
        video_source: VideoSource | None = None,
        audio_source: AudioSource | None = None,
        ssl_context: ssl.SSLContext | None = None,
        identity: CallIdentity | None = None,
        trusted: TrustedOffices | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.office = office
        self.state = "idle"
        self.state_code = ""  # the core's code for the last state change (e.g. "session-ended")
        self.audio_muted = False
        self.video_enabled = True
        self.last_join: tuple[str, str, str] | None = None
        # Remote offices whose video is on screen (None: no gallery told us; all are).
        self.visible_peers: frozenset[str] | None = None
        self._participants: dict[str, str] = {}
        self._verifications: dict[str, PeerVerification] = {}
        self._guests: set[str] = set()  # peers the hub marked as browser guests
        self._frames_lock = threading.Lock()
        self._latest: dict[str, np.ndarray] = {}
        self.frames_received: dict[str, int] = {}
        self.frames_painted: dict[str, int] = {}
        self._sig_event.connect(self._dispatch, Qt.ConnectionType.QueuedConnection)
        self._sig_done.connect(self._finish, Qt.ConnectionType.QueuedConnection)
        # ssl_context: verify a wss:// hub that uses a private (e.g. office CA) certificate.
        # identity/trusted: prove who we are and check who the others are (None: unverified).
        self.engine = CallEngine(
            office,
            video_source=video_source,
            audio_source=audio_source,
            ssl_context=ssl_context,
            identity=identity,
            trusted=trusted,
            install_key=_install_key(),
        )
        self.engine.add_listener(self._on_engine_event)
        self.engine.set_frame_sink(self._on_frame)
        self._paint_timer = QTimer(self)
        self._paint_timer.setInterval(PAINT_INTERVAL_MS)
        self._paint_timer.timeout.connect(self._paint_pending)
        self.engine.start()
        self._paint_timer.start()
        self._shut_down = False

    # ------------------------------------------------------------------ commands

    def run(
        self,
        coro: Coroutine[Any, Any, Any],
        on_done: DoneCallback | None = None,
        *,
        report_errors: bool = True,
    ) -> Future:
        """Run ``coro`` on the engine loop; ``on_done(result, error)`` is called on the GUI thread.

        Errors are also reported through ``sig_error`` (unless ``report_errors`` is false) so
        no failure goes unseen.
        """
        try:
            future = self.engine.submit(coro)
        except RuntimeError as exc:  # engine already shut down: fail the same visible way
            future = Future()
            future.set_exception(exc)
        future.add_done_callback(lambda f: self._sig_done.emit(f, on_done, report_errors))
        return future

    def pin_office(self, certificate_der: bytes, exchange_key: bytes = b"") -> Future:
        """Accept this office certificate (and its card's exchange key) in the call from now on."""
        engine = self.engine

        async def pin() -> None:
            engine.trusted_offices = engine.trusted_offices.pinned(
                certificate_der, exchange_key or None
            )

        return self.run(pin())

    def unpin_office(self, certificate_der: bytes) -> Future:
        """Stop accepting this office certificate in the call (trust withdrawn)."""
        engine = self.engine

        async def unpin() -> None:
            engine.trusted_offices = engine.trusted_offices.unpinned(certificate_der)

        return self.run(unpin())

    def join(
        self, hub_url: str, room: str, token: str, on_done: DoneCallback | None = None
    ) -> Future:
        """Join ``room`` on the hub at ``hub_url`` with an invite ``token``.

        A mute or camera-off chosen earlier (before a rejoin) is applied to the new call. The
        first join of a session of :data:`MUTE_ON_ENTRY_OFFICES` or more offices starts muted
        (``sig_muted_on_entry``); a rejoin keeps what the office chose.
        """
        first_join = self.last_join != (hub_url, room, token)
        self.last_join = (hub_url, room, token)
        self.state = "connecting"
        self.sig_state_changed.emit("connecting", "")

        async def join_and_restore() -> int:
            await self.engine.join(hub_url, room, token)
            offices = len(self.engine.participants) + 1
            # Muted before the first peer connection carries any sound.
            entry_mute = first_join and not self.audio_muted and offices >= MUTE_ON_ENTRY_OFFICES
            if self.audio_muted or entry_mute:
                await self.engine.set_audio_muted(True)
            if not self.video_enabled:
                await self.engine.set_video_enabled(False)
            return offices if entry_mute else 0

        def joined(result: object, error: BaseException | None) -> None:
            if error is None and isinstance(result, int) and result:
                self.audio_muted = True
                self._announce_media_state(None)  # the others' tiles show us muted
                self.sig_muted_on_entry.emit(result)
            if on_done is not None:
                on_done(result, error)

        return self.run(join_and_restore(), joined)

    def rejoin(self, on_done: DoneCallback | None = None) -> Future | None:
        """Join the last room again (after leaving or a failure); None if never joined."""
        if self.last_join is None:
            return None
        return self.join(*self.last_join, on_done=on_done)

    def leave(self, on_done: DoneCallback | None = None) -> Future:
        """Leave the call (the engine then reports state "left")."""
        return self.run(self.engine.leave(), on_done)

    def send_chat(self, text: str, on_done: DoneCallback | None = None) -> Future:
        """Send a chat line to every office in the call."""
        return self.run(self.engine.send_chat(text), on_done)

    def send_message(
        self, kind: str, payload: dict[str, Any], on_done: DoneCallback | None = None
    ) -> Future:
        """Send a typed application message to every peer (co-review, signing ceremony)."""
        return self.run(self.engine.send_message(kind, payload), on_done)

    def send_message_to(
        self, peer_id: str, kind: str, payload: dict[str, Any], on_done: DoneCallback | None = None
    ) -> Future:
        """Send a typed application message to one peer."""
        return self.run(self.engine.send_message_to(peer_id, kind, payload), on_done)

    def set_audio_muted(self, muted: bool) -> Future:
        """Mute or unmute the microphone for everyone."""
        self.audio_muted = muted
        future = self.run(self.engine.set_audio_muted(muted))
        self._announce_media_state(None)
        return future

    def set_video_enabled(self, enabled: bool) -> Future:
        """Turn the outgoing camera on or off."""
        self.video_enabled = enabled
        future = self.run(self.engine.set_video_enabled(enabled))
        self._announce_media_state(None)
        return future

    def replace_video_source(self, source: VideoSource) -> Future:
        """Switch camera mid-call."""
        return self.run(self.engine.replace_video_source(source))

    def replace_audio_source(self, source: AudioSource) -> Future:
        """Switch microphone mid-call."""
        return self.run(self.engine.replace_audio_source(source))

    def set_visible_peers(self, peer_ids: frozenset[str]) -> Future:
        """Tell the topology which offices' video is on screen (the gallery's current page).

        A topology that can pause feeds (the SFU's ``set_visible_peers``) stops receiving the
        others, so no bandwidth or decode is spent on them; the mesh receives everyone anyway.
        The set is kept, so a topology that starts later (a rejoin, a switch) is told again.
        """
        self.visible_peers = frozenset(peer_ids)
        wanted = self.visible_peers

        async def apply() -> None:
            hook = getattr(self.engine.topology, "set_visible_peers", None)
            if hook is not None:
                await hook(wanted)

        # Best effort: a topology gone meanwhile (leaving) is not worth an error message.
        return self.run(apply(), report_errors=False)

    def set_audio_sink(self, sink: Callable[[str, bytes], None] | None) -> None:
        """Receive remote PCM (peer_id, s16 mono 48 kHz) on engine threads; see AudioMixer."""
        self.engine.set_audio_sink(sink)

    def _announce_media_state(self, peer_id: str | None) -> None:
        """Tell one peer (or all) whether we are muted / camera off, so their tiles show it."""
        if self.state not in ("connected", "hub_offline", "reconnecting"):
            return
        payload = {"audio_muted": self.audio_muted, "video_enabled": self.video_enabled}
        coro = (
            self.engine.send_message(MEDIA_STATE_KIND, payload)
            if peer_id is None
            else self.engine.send_message_to(peer_id, MEDIA_STATE_KIND, payload)
        )
        # Best effort: a peer leaving meanwhile is not worth an error message.
        self.run(coro, report_errors=False)

    @property
    def has_identity(self) -> bool:
        """Whether this office proves who it is in the call (its office key is unlocked)."""
        return self.engine.call_identity is not None

    def set_identity(self, identity: CallIdentity, on_done: DoneCallback | None = None) -> Future:
        """Prove who we are from now on; offices already in the call are told at once."""
        return self.run(self.engine.set_identity(identity), on_done)

    def participants(self) -> dict[str, str]:
        """peer_id -> office of the remote offices currently in the call (GUI-thread view)."""
        return dict(self._participants)

    def verification(self, peer_id: str) -> PeerVerification | None:
        """Who is proven to be on the link to ``peer_id`` (GUI-thread view)."""
        return self._verifications.get(peer_id)

    def all_verified(self) -> bool:
        """True when another office is in the call and every one is verified.

        Live review and the signing ceremony refuse to run unless this holds.
        """
        return all_verified(self._verifications, self._participants)

    def is_guest(self, peer_id: str) -> bool:
        """Whether ``peer_id`` joined with a browser guest link (never verified)."""
        return peer_id in self._guests

    def guest_offices(self) -> list[str]:
        """Offices in the call as browser guests, by the name the hub gave them."""
        return sorted(o for pid, o in self._participants.items() if pid in self._guests)

    def unverified_offices(self) -> list[str]:
        """Offices in the call not (yet) verified, by the name the hub gave them."""
        return sorted(
            office
            for peer_id, office in self._participants.items()
            if not ((v := self._verifications.get(peer_id)) is not None and v.verified)
        )

    def shutdown(self) -> None:
        """Leave if needed, stop the engine loop and join its thread. Idempotent."""
        if self._shut_down:
            return
        self._shut_down = True
        self._paint_timer.stop()
        self.engine.set_frame_sink(None)
        self.engine.set_audio_sink(None)
        self.engine.stop()

    # ------------------------------------------------------------------ engine threads

    def _on_engine_event(self, event: EngineEvent) -> None:
        # Engine thread: never touch Qt objects beyond emitting the queued hop.
        self._sig_event.emit(event)

    def _on_frame(self, peer_id: str, frame: np.ndarray) -> None:
        # Decoder thread: replace, never queue. The array is ours to keep (engine contract:
        # a fresh ndarray per frame), so no copy here; the QImage conversion copies.
        with self._frames_lock:
            self._latest[peer_id] = frame
            self.frames_received[peer_id] = self.frames_received.get(peer_id, 0) + 1

    # ------------------------------------------------------------------ GUI thread

    @Slot()
    def _paint_pending(self) -> None:
        with self._frames_lock:
            pending, self._latest = self._latest, {}
        for peer_id, frame in pending.items():
            if peer_id not in self._participants:
                continue  # a late frame from someone who already left
            try:
                image = image_from_rgb(frame)
            except ValueError as exc:
                self.sig_error.emit(str(exc))
                continue
            self.frames_painted[peer_id] = self.frames_painted.get(peer_id, 0) + 1
            self.sig_frame.emit(peer_id, image)

    @Slot(object)
    def _dispatch(self, event: EngineEvent) -> None:
        if isinstance(event, ConnectionStateChanged):
            self.state = event.state
            self.state_code = event.code
            if event.state in ("left", "failed"):
                self._participants.clear()
                self._verifications.clear()
                self._guests.clear()
            self.sig_state_changed.emit(event.state, state_reason_text(event))
        elif isinstance(event, ParticipantJoined):
            self._participants[event.peer_id] = event.office
            if event.guest:
                self._guests.add(event.peer_id)
            self.sig_participant_joined.emit(event.peer_id, event.office)
            if self.audio_muted or not self.video_enabled:
                self._announce_media_state(event.peer_id)
        elif isinstance(event, ParticipantLeft):
            self._participants.pop(event.peer_id, None)
            self._verifications.pop(event.peer_id, None)
            self._guests.discard(event.peer_id)
            self.sig_participant_left.emit(event.peer_id, event.office)
        elif isinstance(event, TrackAdded):
            self.sig_track_added.emit(event.peer_id, event.kind)
        elif isinstance(event, StatsUpdated):
            self.sig_stats.emit(event.peer_id, event)
        elif isinstance(event, VideoPaused):
            self.sig_video_paused.emit(event.peer_id, event.paused)
        elif isinstance(event, ChatReceived):
            self.sig_chat.emit(event.peer_id, event.office, event.text, event.sent_at)
        elif isinstance(event, AppMessageReceived):
            if event.kind == MEDIA_STATE_KIND:
                muted = event.payload.get("audio_muted")
                video = event.payload.get("video_enabled")
                if isinstance(muted, bool) and isinstance(video, bool):
                    self.sig_peer_media_state.emit(event.peer_id, muted, video)
            self.sig_app_message.emit(event.peer_id, event.office, event.kind, event.payload)
        elif isinstance(event, EngineError):
            if not CALL_END.knows(event.code):  # the host's end is the banner's, not a problem
                self.sig_error.emit(engine_error_text(event))
        elif isinstance(event, PeerVerificationChanged):
            state = event.verification
            if state.peer_id in self._participants:
                self._verifications[state.peer_id] = state
                self.sig_verification.emit(state.peer_id, state)

    @Slot(object, object, object)
    def _finish(self, future: Future, on_done: DoneCallback | None, report: object) -> None:
        error: BaseException | None
        try:
            result, error = future.result(), None
        except BaseException as exc:  # noqa: BLE001 - any failure becomes a message
            result, error = None, exc
            if report:
                self.sig_error.emit(error_text(exc))
        if on_done is not None:
            on_done(result, error)


def _install_key() -> InstallKey | None:
    """This install's hub key from the data folder, so a restarted app replaces its own ghost.

    Unreadable (e.g. a read-only folder): the call still works with a key for this run only.
    """
    from ui.paths import data_dir

    try:
        return InstallKey.load_or_create(data_dir())
    except (OSError, ValueError):
        return None
