"""The call engine: joins a room on the hub and runs the call on its own asyncio thread.

Threading model (the UI depends on it):

* :meth:`CallEngine.start` starts a private asyncio loop on a daemon thread. Every coroutine
  method (``join``, ``leave``, ``send_chat`` ...) must run on that loop: call
  ``engine.submit(engine.join(...))`` from any thread and wait on / add a callback to the
  returned :class:`concurrent.futures.Future`.
* Listeners (:meth:`add_listener`) and the audio sink are called ON THE ENGINE THREAD; the frame
  sink on the engine's frame thread. None of them may touch Qt widgets; the UI re-emits them as
  queued signals. They must return quickly.
* Frame sink: ``(peer_id, HxWx3 uint8 RGB ndarray)``, a fresh array per call (safe to keep);
  frames are dropped (newest wins) while the sink is busy.
  Audio sink: ``(peer_id, bytes)`` of s16 mono 48 kHz PCM, 20 ms per call.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import dataclasses
import logging
import ssl
import threading
import time
import uuid
from collections.abc import Callable, Coroutine
from datetime import UTC, datetime
from typing import Any, Literal, TypeVar

import av
import numpy as np
from aiortc import MediaStreamTrack, RTCConfiguration, RTCIceServer

from conferencing import protocol as p
from conferencing.call_identity import (
    RELAY_KIND,
    CallIdentity,
    PeerVerification,
    PeerVerificationChanged,
    TrustedOffices,
    VerifyCode,
    all_verified,
)
from conferencing.dtx import SilenceGate
from conferencing.events import (
    AppMessageReceived,
    ChatReceived,
    ConnectionState,
    ConnectionStateChanged,
    EngineError,
    EngineEvent,
    ParticipantJoined,
)
from conferencing.fanout import TrackFanout
from conferencing.hosting_engine import EngineHosting
from conferencing.installkey import InstallKey
from conferencing.linkhealth import probe_turn
from conferencing.media import AudioSource, SyntheticAudioSource, SyntheticVideoSource, VideoSource
from conferencing.presenting_engine import PRESENT_CODES, EnginePresenting
from conferencing.sharedencoder import SharedVp8Encoder
from conferencing.signaling import CLOSING_CODES, HubClient, JoinRefused
from conferencing.switching import apply_switch
from conferencing.topology.base import Topology
from conferencing.topology.mesh import MeshTopology
from conferencing.topology.sfu import SFU_RELAY_KINDS, SfuTopology

log = logging.getLogger(__name__)
T = TypeVar("T")

TICK_S = 0.25  # video freezes are noticed within FREEZE_S plus this
MAX_KIND_CHARS = 64

FrameSink = Callable[[str, np.ndarray], None]
AudioSink = Callable[[str, bytes], None]
FrameObserver = Callable[[str, av.VideoFrame], None]


class CallEngine(EnginePresenting, EngineHosting):
    """One office's side of a call.

    ``office`` is the display name shown to others (the hub takes the authoritative name from
    the invite token). Without sources the engine sends the synthetic test pattern and tone.
    ``ice_transport_policy="relay"`` forces TURN; ``ssl_context`` verifies a ``wss://`` hub
    with a private certificate (a ``#sha256=`` pin in the hub URL replaces it);
    ``install_key`` is the install's hub key (kept in the data folder; a fresh one per engine
    when omitted); ``topology_factory`` selects mesh (default) or a future SFU;
    ``shared_encoder`` encodes video once for all peers (see :mod:`conferencing.sharedencoder`).

    ``identity`` (the office key and certificate) signs our DTLS fingerprints so peers can tell
    who we are; ``trusted`` pins the office certificates of the peers we can verify (see
    :mod:`conferencing.call_identity`). Without them the call works, unverified.
    """

    def __init__(
        self,
        office: str,
        *,
        video_source: VideoSource | None = None,
        audio_source: AudioSource | None = None,
        ice_transport_policy: Literal["all", "relay"] = "all",
        ssl_context: ssl.SSLContext | None = None,
        topology_factory: Callable[[CallEngine], Topology] = MeshTopology,
        shared_encoder: bool = False,
        identity: CallIdentity | None = None,
        trusted: TrustedOffices | None = None,
        install_key: InstallKey | None = None,
    ) -> None:
        self.office = office
        # Proves to the hub that a rejoin after a crash is this install (conferencing.installkey).
        self.install_key = install_key
        self.call_identity = identity
        self.trusted_offices = trusted or TrustedOffices()
        self.room = ""
        self.peer_id = uuid.uuid4().hex[:16]
        self._video_source = video_source or SyntheticVideoSource(office, 640, 480, 30)
        self._audio_source = audio_source or SyntheticAudioSource()
        self._ice_policy = ice_transport_policy
        self._ssl = ssl_context
        self._topology_factory = topology_factory
        self._shared_encoder = shared_encoder
        self._listeners: list[Callable[[EngineEvent], None]] = []
        self._frame_sink: FrameSink | None = None
        self._audio_sink: AudioSink | None = None
        self._frame_observers: list[FrameObserver] = []
        self._sink_pool: concurrent.futures.ThreadPoolExecutor | None = None
        self._sink_busy: set[str] = set()
        self.frames_dropped = 0  # remote frames not handed to a busy frame sink
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._hub: HubClient | None = None
        self._topology: Topology | None = None
        self._ice_servers: list[p.IceServer] = []
        self._fanouts: dict[str, TrackFanout] = {}
        self._tick_task: asyncio.Task[None] | None = None
        self._probe_task: asyncio.Task[None] | None = None
        self._hub_up = False
        self._state: ConnectionState | None = None
        self.joined_at: float | None = None  # monotonic time join() started (for reports)
        # Peers the hub marked as browser guests (guest links): never verified, see is_guest.
        self._guests: set[str] = set()
        # The session's Janus room when the hub runs it on an SFU (from the welcome).
        self.sfu: p.SfuInfo | None = None
        self._init_presenting()  # the screen track and the hub's presenter slot
        self._init_hosting()  # host controls and audio levels (conferencing/hosting_engine.py)

    # ------------------------------------------------------------------ thread and loop

    def start(self) -> None:
        """Start the engine loop on its own daemon thread (idempotent)."""
        if self._thread is not None:
            return
        ready = threading.Event()

        def run() -> None:
            loop = asyncio.new_event_loop()
            asyncio.set_event_loop(loop)
            self._loop = loop
            ready.set()
            loop.run_forever()
            loop.close()

        self._thread = threading.Thread(
            target=run, name=f"call-engine-{self.office[:20]}", daemon=True
        )
        self._thread.start()
        ready.wait()

    def stop(self) -> None:
        """Leave the call if in one, stop the loop and join the thread."""
        if self._loop is None or self._thread is None:
            return
        with contextlib.suppress(Exception):
            self.submit(self.leave()).result(timeout=10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
        self._thread = None
        self._loop = None
        if self._sink_pool is not None:
            self._sink_pool.shutdown(wait=True, cancel_futures=True)
            self._sink_pool = None

    def submit(self, coro: Coroutine[Any, Any, T]) -> concurrent.futures.Future[T]:
        """Run ``coro`` on the engine loop from any thread."""
        if self._loop is None:
            coro.close()
            raise RuntimeError("CallEngine.start() has not been called")
        return asyncio.run_coroutine_threadsafe(coro, self._loop)

    @property
    def loop(self) -> asyncio.AbstractEventLoop | None:
        """The engine loop (``None`` before :meth:`start`)."""
        return self._loop

    # ------------------------------------------------------------------ listeners and sinks

    def add_listener(self, callback: Callable[[EngineEvent], None]) -> None:
        """Register ``callback`` for every event; it is called on the engine thread."""
        self._listeners.append(callback)

    def remove_listener(self, callback: Callable[[EngineEvent], None]) -> None:
        """Undo :meth:`add_listener`."""
        with contextlib.suppress(ValueError):
            self._listeners.remove(callback)

    def set_frame_sink(self, sink: FrameSink | None) -> None:
        """Receive decoded remote video as ``(peer_id, HxWx3 uint8 RGB)``.

        Called on the engine's frame thread (``call-engine-frames...``), one frame at a time; a
        frame that arrives while the sink is still busy with the same peer's previous one is
        dropped, so a slow sink never delays the call. The array is fresh and may be kept."""
        self._frame_sink = sink

    def set_audio_sink(self, sink: AudioSink | None) -> None:
        """Receive remote audio as ``(peer_id, s16 mono 48 kHz PCM bytes)`` on the engine thread."""
        self._audio_sink = sink

    def add_frame_observer(self, observer: FrameObserver) -> None:
        """Low-level hook: every decoded remote ``av.VideoFrame`` (reports, tests, benchmarks)."""
        self._frame_observers.append(observer)

    def emit(self, event: EngineEvent) -> None:
        """Deliver ``event`` to every listener; a failing listener never breaks the call."""
        if isinstance(event, ParticipantJoined) and event.peer_id in self._guests:
            event = dataclasses.replace(event, guest=True)
        elif isinstance(event, PeerVerificationChanged) and event.verification.verified:
            event = PeerVerificationChanged(self._guest_verdict(event.verification))
        for callback in list(self._listeners):
            try:
                callback(event)
            except Exception:
                log.exception("engine listener failed on %s", type(event).__name__)

    # ------------------------------------------------------------------ TopologyHost

    def rtc_configuration(self) -> RTCConfiguration:
        """ICE servers from the hub plus the configured transport policy."""
        from aiortc.rtcconfiguration import RTCIceTransportPolicy

        servers = [
            RTCIceServer(urls=s.urls, username=s.username, credential=s.credential)
            for s in self._ice_servers
        ]
        policy = (
            RTCIceTransportPolicy.RELAY
            if self._ice_policy == "relay"
            else RTCIceTransportPolicy.ALL
        )
        return RTCConfiguration(iceServers=servers, iceTransportPolicy=policy)

    def new_local_track(self, kind: str) -> MediaStreamTrack:
        """A fresh outbound track fed by the local source of ``kind`` (or ``"screen"``)."""
        if kind == "screen":
            return self.screen_track()
        return self._fanout(kind).subscribe()

    async def send_relay(self, to: str, data: dict[str, Any]) -> None:
        """Send app-level data to one peer through the hub (dropped while the hub is down)."""
        if self._hub is not None:
            await self._hub.send(p.Relay(data=data, to=to))

    async def send_signal(self, to: str, kind: str, session: int, sdp: str | None = None) -> None:
        """Relay a negotiation message through the hub (dropped while the hub is down)."""
        if self._hub is not None:
            await self._hub.send(p.Signal(kind=kind, session=session, sdp=sdp, to=to))

    def remote_video_frame(self, peer_id: str, frame: av.VideoFrame) -> None:
        """Hand a decoded remote frame to observers and (as RGB) to the frame sink."""
        for observer in self._frame_observers:
            try:
                observer(peer_id, frame)
            except Exception:
                log.exception("frame observer failed")
        sink = self._frame_sink
        if sink is None:
            return
        if peer_id in self._sink_busy:
            # The sink thread is still converting this peer's previous frame: newest wins.
            self.frames_dropped += 1
            return
        self._sink_busy.add(peer_id)
        self._frame_pool().submit(self._deliver_frame, sink, peer_id, frame)

    def _frame_pool(self) -> concurrent.futures.ThreadPoolExecutor:
        if self._sink_pool is None:
            # One worker thread: RGB conversion (about 3 ms at 720p) stays off the media loop.
            self._sink_pool = concurrent.futures.ThreadPoolExecutor(
                1, thread_name_prefix="call-engine-frames"
            )
        return self._sink_pool

    def _deliver_frame(self, sink: FrameSink, peer_id: str, frame: av.VideoFrame) -> None:
        try:
            sink(peer_id, frame.to_ndarray(format="rgb24"))
        except Exception:
            log.exception("frame sink failed")
        finally:
            self._sink_busy.discard(peer_id)

    def remote_audio_frame(self, peer_id: str, frame: av.AudioFrame) -> None:
        """Downmix remote audio to s16 mono and hand it to the audio sink."""
        self._remote_level(peer_id, frame)  # who is speaking (AudioLevels events, 10 Hz)
        sink = self._audio_sink
        if sink is None:
            return
        samples = frame.to_ndarray()
        channels = len(frame.layout.channels)
        if frame.format.is_planar:
            mono = samples.mean(axis=0)
        else:
            mono = samples.reshape(-1, channels).mean(axis=1)
        try:
            sink(peer_id, mono.astype(np.int16).tobytes())
        except Exception:
            log.exception("audio sink failed")

    def envelope_received(self, peer_id: str, office: str, envelope: dict[str, Any]) -> None:
        """Turn a message-channel envelope into a chat or app event."""
        kind = envelope.get("t")
        if kind == "chat" and isinstance(envelope.get("text"), str):
            try:
                sent_at = datetime.fromisoformat(str(envelope.get("sent_at")))
            except ValueError:
                sent_at = datetime.now(UTC)
            self.emit(ChatReceived(peer_id, office, envelope["text"], sent_at))
        elif (
            kind == "app"
            and isinstance(envelope.get("kind"), str)
            and isinstance(envelope.get("payload"), dict)
        ):
            self.emit(AppMessageReceived(peer_id, office, envelope["kind"], envelope["payload"]))
        else:
            self.emit(EngineError(f"unreadable message from {office}", p.E_BAD_APP_MESSAGE))

    def media_health_changed(self) -> None:
        """Recompute the overall state after a peer stalled or recovered."""
        self._update_state()

    # ------------------------------------------------------------------ state

    def _set_state(self, state: ConnectionState, reason: str = "", code: str = "") -> None:
        if state != self._state:
            self._state = state
            self.emit(ConnectionStateChanged(state, reason, code))

    def _update_state(self, reason: str = "", code: str = "") -> None:
        if self._state in (None, "left", "failed") or self._topology is None:
            return
        # Honest states: "reconnecting" only when media stopped; a hub outage alone while media
        # flows is "hub_offline" (the call goes on, nobody can join or renegotiate).
        if self._topology.reconnecting():
            state: ConnectionState = "reconnecting"
        elif not self._hub_up:
            state = "hub_offline" if self._topology.media_flowing() else "reconnecting"
        else:
            state = "connected"
        self._set_state(state, reason, code)

    @property
    def state(self) -> ConnectionState | None:
        """The last reported connection state."""
        return self._state

    @property
    def participants(self) -> dict[str, str]:
        """peer_id -> office of the other offices in the call."""
        topology = self._topology  # read once: another thread may be leaving
        return topology.participants() if topology is not None else {}

    def verification(self, peer_id: str) -> PeerVerification | None:
        """Who is proven to be on the link to ``peer_id`` (``None``: not in the call).

        Safe from any thread (a snapshot). Live review and the signing ceremony check this.
        """
        topology = self._topology
        state = topology.verification(peer_id) if topology is not None else None
        return self._guest_verdict(state) if state is not None else None

    def is_guest(self, peer_id: str) -> bool:
        """Whether the hub marked ``peer_id`` as a browser guest (a guest link, no Lintas)."""
        return peer_id in self._guests

    def _guest_verdict(self, state: PeerVerification) -> PeerVerification:
        """A browser guest is never "verified", whatever reached us (it has no office key)."""
        if state.peer_id in self._guests and state.status == "verified":
            return dataclasses.replace(state, status="unverified", code=VerifyCode.NO_IDENTITY)
        return state

    def _note_guests(self, peers: list[p.PeerInfo]) -> None:
        for peer in peers:
            if peer.guest:
                self._guests.add(peer.peer_id)

    def verifications(self) -> dict[str, PeerVerification]:
        """peer_id -> verification of every office in the call."""
        out = {}
        for peer_id in self.participants:
            state = self.verification(peer_id)
            if state is not None:
                out[peer_id] = state
        return out

    def all_verified(self) -> bool:
        """True when someone else is in the call and every office in it is verified."""
        return all_verified(self.verifications(), self.participants)

    @property
    def video_source(self) -> VideoSource:
        """The local camera (or test pattern) now being sent."""
        return self._video_source

    @property
    def topology(self) -> Topology | None:
        """The active topology (diagnostics, tests)."""
        return self._topology

    # ------------------------------------------------------------------ call control

    async def join(self, hub_url: str, room: str, token: str) -> None:
        """Join ``room`` on the hub at ``hub_url`` (``ws://`` or ``wss://``).

        Raises :class:`~conferencing.signaling.JoinRefused` when the hub refuses the token (the
        ``failed`` state carries the same reason) and ``ConnectionError`` when it is unreachable.
        """
        if self._hub is not None:
            raise RuntimeError("already in a call; leave() first")
        self.joined_at = time.monotonic()
        self.room = room  # bound into our signed identity, checked in the peers'
        self._state = None
        self._set_state("connecting")
        self._topology = self._topology_factory(self)
        hub = HubClient(
            hub_url,
            room,
            token,
            self.peer_id,
            on_message=self._on_hub_message,
            on_link=self._on_hub_link,
            ssl_context=self._ssl,
            install_key=self.install_key,
            on_lobby=self._lobby_waiting,
        )
        try:
            welcome = await hub.start()
        except JoinRefused as exc:
            await hub.close(leave=False)
            self._topology = None
            self._set_state("failed", str(exc), exc.code)
            raise
        except Exception as exc:
            await hub.close(leave=False)
            self._topology = None
            self._set_state("failed", f"cannot reach the hub: {exc}", p.E_HUB_UNREACHABLE)
            raise ConnectionError(f"cannot reach the hub at {hub_url}: {exc}") from exc
        self._hub = hub
        self._hub_up = True
        self._ice_servers = welcome.ice_servers
        self.sfu = welcome.sfu
        if welcome.sfu is not None and not isinstance(self._topology, SfuTopology):
            self._topology = SfuTopology(self)  # the hub put this session on Janus
        self._set_state("connected")
        self._probe_task = asyncio.ensure_future(self._probe_relays(welcome.ice_servers))
        self._note_guests(welcome.peers)
        await self._topology.start(welcome.peers, newcomer=True)
        self._tick_task = asyncio.ensure_future(self._ticker())

    async def _probe_relays(self, servers: list[p.IceServer]) -> None:
        """Say so when a TURN server the hub named refuses our credentials or does not answer
        (aioice drops the relay candidate silently, and the call would just have no video)."""
        for server in servers:
            code = await probe_turn(server.urls, server.username, server.credential)
            if code is not None:
                self.emit(EngineError(f"relay server problem: {code.value}", code))

    async def _ticker(self) -> None:
        while True:
            await asyncio.sleep(TICK_S)
            if self._topology is not None:
                try:
                    await self._topology.tick()
                except Exception:
                    log.exception("topology tick failed")

    async def _on_hub_message(self, message: p.Message) -> None:
        topology = self._topology
        if topology is None:
            return
        if isinstance(message, p.PeerJoined):
            self._note_guests([p.PeerInfo(message.peer_id, message.office, message.guest)])
            await topology.peer_joined(p.PeerInfo(message.peer_id, message.office))
        elif isinstance(message, p.PeerLeft):
            await topology.peer_left(message.peer_id)
            self._guests.discard(message.peer_id)
            self._forget_speaker(message.peer_id)
        elif isinstance(message, p.TopologySwitch):
            await apply_switch(self, message)  # mesh <-> SFU, nobody leaves (switching.py)
        elif isinstance(message, p.Signal):
            await topology.signal(message)
        elif isinstance(message, p.Relay):
            # A guest has no office identity to prove: whatever it relays as one is ignored.
            if (
                message.data.get("t") in (RELAY_KIND, *SFU_RELAY_KINDS)
                and message.from_
                and message.from_ not in self._guests
            ):
                await topology.identity_received(message.from_, message.data)
        elif isinstance(message, p.Presenter):
            await self._presenter_announced(message)
        elif await self._hosting_message(message):
            pass  # host controls: room state, mute request (conferencing/hosting_engine.py)
        elif isinstance(message, p.Error):
            log.info("hub error %s: %s", message.code, message.message)
            if message.code in PRESENT_CODES:
                self._present_refused(message.code)
            elif message.code not in (p.E_UNKNOWN_PEER, *CLOSING_CODES):  # closing: on_link says
                self.emit(EngineError(f"hub: {message.message}", message.code))

    async def _on_hub_link(self, up: bool, detail: p.Welcome | str, final: bool) -> None:
        if not up:
            self._hub_up = False
            if final:
                # Media links may still run, but nobody can (re)connect any more: say so.
                code = getattr(detail, "code", "")
                if code in CLOSING_CODES:
                    # Removed by the host, or ended for everyone: the media goes too. Left in a
                    # task of its own, since leaving closes the hub link this callback runs in.
                    asyncio.ensure_future(self.leave(closed=(code, str(detail))))
                    return
                self.emit(EngineError(str(detail), code))
                self._set_state("failed", str(detail), code)
                return
            self._update_state(str(detail), getattr(detail, "code", ""))
            return
        assert isinstance(detail, p.Welcome)
        self._hub_up = True
        self._ice_servers = detail.ice_servers
        self.sfu = detail.sfu
        self._note_guests(detail.peers)
        if self._topology is not None:
            await self._topology.start(detail.peers, newcomer=False)
        self._update_state()

    async def leave(self, *, closed: tuple[str, str] | None = None) -> None:
        """Hang up and leave the room; the engine can join again afterwards.

        ``closed`` is ``(code, reason)`` when the host removed us or ended the session: the
        call then ends in the state ``failed`` with that code instead of ``left``.
        """
        if self._tick_task is not None:
            self._tick_task.cancel()
            self._tick_task = None
        if self._probe_task is not None:
            self._probe_task.cancel()
            self._probe_task = None
        if self._topology is not None:
            await self._topology.close()
        if self._hub is not None:
            await self._hub.close()
        for fanout in self._fanouts.values():
            await fanout.close()
        self._fanouts.clear()
        await self._close_presenting()
        was_in_call = self._hub is not None
        self._hub = None
        self._topology = None
        self._hub_up = False
        if was_in_call:
            if closed is not None:
                self.emit(EngineError(closed[1], closed[0]))
                self._set_state("failed", closed[1], closed[0])
            else:
                self._set_state("left")

    async def set_identity(self, identity: CallIdentity | None) -> None:
        """Prove who we are from now on (e.g. the office key was unlocked mid-call).

        Peers already connected get our signed binding for their current connection at once.
        """
        self.call_identity = identity
        if self._topology is not None and identity is not None:
            await self._topology.announce_identity()

    async def send_chat(self, text: str) -> None:
        """Send a chat line to every office in the call (delivered reliably, in order)."""
        await self._send(None, {"t": "chat", "text": text})

    async def send_message(self, kind: str, payload: dict[str, Any]) -> None:
        """Send a typed application message to every office (payload: JSON object, up to MBs)."""
        await self._send(None, self._app_envelope(kind, payload))

    async def send_message_to(self, peer_id: str, kind: str, payload: dict[str, Any]) -> None:
        """Send a typed application message to one office."""
        if peer_id not in self.participants:
            raise KeyError(f"no participant {peer_id!r} in the call")
        await self._send(peer_id, self._app_envelope(kind, payload))

    @staticmethod
    def _app_envelope(kind: str, payload: dict[str, Any]) -> dict[str, Any]:
        if not isinstance(kind, str) or not kind or len(kind) > MAX_KIND_CHARS:
            raise ValueError(
                f"message kind must be a non-empty string of at most {MAX_KIND_CHARS} characters"
            )
        if not isinstance(payload, dict):
            raise TypeError("payload must be a dict (a JSON object)")
        return {"t": "app", "kind": kind, "payload": payload}

    async def _send(self, peer_id: str | None, envelope: dict[str, Any]) -> None:
        if self._topology is None:
            raise RuntimeError("not in a call")
        envelope = {**envelope, "id": uuid.uuid4().hex, "sent_at": datetime.now(UTC).isoformat()}
        await self._topology.send_envelope(peer_id, envelope)

    async def set_audio_muted(self, muted: bool) -> None:
        """Send silence instead of the microphone (the audio track stays negotiated)."""
        self._fanout("audio").enabled = not muted
        self.mic_muted = muted

    async def set_video_enabled(self, enabled: bool) -> None:
        """Send black frames instead of the camera when ``enabled`` is false."""
        self._fanout("video").enabled = enabled

    async def replace_video_source(self, source: VideoSource) -> None:
        """Switch camera (or to the test pattern) mid-call without renegotiating."""
        self._video_source = source
        await self._fanout("video").set_source(source.track())

    async def replace_audio_source(self, source: AudioSource) -> None:
        """Switch microphone mid-call without renegotiating."""
        self._audio_source = source
        await self._fanout("audio").set_source(self._tap_local_audio(source.track()))

    @property
    def audio_gate(self) -> SilenceGate | None:
        """What the microphone's silence gate sent and held (None before the call sends audio)."""
        fanout = self._fanouts.get("audio")
        return fanout.gate if fanout is not None else None

    def _fanout(self, kind: str) -> TrackFanout:
        fanout = self._fanouts.get(kind)
        if fanout is None:
            if kind == "video":
                encoder = SharedVp8Encoder(self._video_source.fps) if self._shared_encoder else None
                fanout = TrackFanout(kind, self._video_source.track(), encoder)
            else:
                fanout = TrackFanout(kind, self._tap_local_audio(self._audio_source.track()))
            self._fanouts[kind] = fanout
        return fanout
