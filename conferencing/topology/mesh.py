"""Full mesh: one RTCPeerConnection to every other office (good for 2 to 4 offices).

Negotiation rules (docs/protocol.md §6; no glare):

* An office that receives a ``welcome`` offers to every listed peer it has no link with.
* Recovery: aiortc cannot restart ICE, so a link whose media stalls (no remote frame for
  :data:`STALL_S`) gets a fresh peer connection with a higher ``session`` number. The office
  with the smaller peer id makes the new offer; the other asks it to with a ``restart`` signal.
* An offer with a higher session replaces the current connection; stale answers are ignored.
* Trickle ICE: our SDP already holds every candidate (aiortc gathers before it sends); remote
  ``candidate`` signals are added as they arrive (:mod:`conferencing.trickle`).
* A receive-only peer (no media it sends) is never taken for a stalled link.
* The answer keeps VP8: our transceivers and their codec preferences exist before the remote
  offer is applied, so a browser offering H.264 first still gets a VP8 answer.

Media health is judged per track: a link is *stalled* (renegotiate) only when nothing arrives,
audio included; its video is *paused* when no new video frame came for :data:`FREEZE_S` while
the track is live, even if sound goes on (:class:`~conferencing.events.VideoPaused`). Once a
second each link's RTCP reports drive its congestion controller (:mod:`conferencing.adaptation`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from typing import Any

from aiortc import (
    MediaStreamTrack,
    RTCDataChannel,
    RTCPeerConnection,
    RTCRtpSender,
    RTCSessionDescription,
)
from aiortc import sdp as aiortc_sdp
from aiortc.codecs.opus import OpusEncoder
from aiortc.mediastreams import MediaStreamError
from aiortc.rtcconfiguration import RTCBundlePolicy

from conferencing import channel, jitter, trickle
from conferencing import protocol as p
from conferencing.adaptation import TIERS, AdaptiveVp8Encoder, LinkReport, RateController
from conferencing.call_identity import PeerVerification, PeerVerificationChanged, sdp_fingerprint
from conferencing.events import (
    EngineError,
    MediaAdapted,
    ParticipantJoined,
    ParticipantLeft,
    StatsUpdated,
    TrackAdded,
    VideoPaused,
)
from conferencing.linkhealth import MediaCode, limit_gathering
from conferencing.presenting import MAX_SCREEN_SIDE, ScreenVp8Encoder
from conferencing.rtcptap import ReportTap
from conferencing.topology.base import Topology, TopologyHost, newest_frame
from conferencing.topology.verify import LinkVerifier, dtls_peer_fingerprints

log = logging.getLogger(__name__)

STALL_S = 3.0  # no remote media for this long: the link is stalled
RETRY_S = 6.0  # minimum gap between two recovery attempts on one link
ABSENT_DROP_S = 20.0  # a stalled peer the hub no longer lists is dropped after this
STATS_PERIOD_S = 1.0
AUDIO_BPS = 32_000  # Opus for speech (aiortc's 96 kbit/s took a quarter of a 1 Mbit link)
NO_PATH_S = 2 * RETRY_S  # no media from a new office this long, ICE not connected: no path
FREEZE_S = 1.0  # no new video frame for this long while the track is live: the picture froze
SCREEN_JITTER = 512  # packets: a 1080p slide's keyframe is over a hundred


class PeerLink:
    """Everything about one remote office; outlives the peer connections made for it."""

    def __init__(self, peer_id: str, office: str) -> None:
        self.peer_id = peer_id
        self.office = office
        self.session = 0
        self.pc: RTCPeerConnection | None = None
        self.channel: RTCDataChannel | None = None
        self.local_tracks: list[MediaStreamTrack] = []
        self.tasks: set[asyncio.Task[Any]] = set()
        self.outbox = channel.Outbox()
        self.seen = channel.SeenIds()
        self.reassembler = channel.Reassembler()
        self.attempt_at = time.monotonic()
        self.recover_at = 0.0
        self.last_media: float | None = None
        self.ever_media = False
        self.stalled = False
        self.absent_since: float | None = None
        self.announced_tracks: set[str] = set()
        self.video_frames = 0
        self.video_skipped = 0  # decoded frames skipped because we fell behind
        self.audio_frames = 0
        self._stats_at = time.monotonic()
        self._stats_frames = 0
        self._stats_bytes: int | None = None
        self._stats_lost: int | None = None
        self._stats_received: int | None = None
        self.last_stats: StatsUpdated | None = None
        self.verifier = LinkVerifier(peer_id)
        # Outgoing video and its congestion control (kept across peer connections of the link).
        self.rate = RateController()
        self.video_track: MediaStreamTrack | None = None
        self.encoder: AdaptiveVp8Encoder | None = None
        self.tap: ReportTap | None = None  # each receiver report about our video, unsmoothed
        self.tap_read_at = 0.0
        self.sent_bytes: tuple[int, float] | None = None  # video bytes sent, and when read
        self.jitter: list[jitter.BoundedJitterBuffer] = []  # incoming video, per connection
        self.report_at: object = None  # timestamp of the last receiver report acted on
        self.adapted: tuple[int, int, int, int] | None = None
        # Incoming video, judged apart from audio.
        self.last_video: float | None = None
        self.video_paused = False
        self.ice_failed_said = False
        self.created_at = time.monotonic()
        # The presentation track (second video transceiver), per connection.
        self.screen: Any = None  # RTCRtpTransceiver
        self.screen_encoder: ScreenVp8Encoder | None = None
        self.screen_frames = 0


class MeshTopology(Topology):
    """Direct peer connections between every pair of offices."""

    def __init__(self, host: TopologyHost) -> None:
        super().__init__(host)
        self.links: dict[str, PeerLink] = {}
        # Replaced (never mutated) whenever links change, so other threads can read it safely.
        self._participants: dict[str, str] = {}
        self._last_stats = time.monotonic()
        self._closed = False

    # ------------------------------------------------------------------ hub events

    async def start(self, peers: list[p.PeerInfo], *, newcomer: bool) -> None:
        listed = {peer.peer_id for peer in peers}
        now = time.monotonic()
        for link in self.links.values():
            link.absent_since = None if link.peer_id in listed else (link.absent_since or now)
        attempts = []
        for peer in peers:
            link = self.links.get(peer.peer_id)
            if link is None:
                attempts.append(self._offer(self._add_link(peer)))
            elif link.stalled:
                # The hub is back: renegotiate now rather than wait for the next retry slot.
                attempts.append(self._recover(link, force=True))
        # In parallel: each offer waits for its own ICE gathering.
        await asyncio.gather(*attempts)

    async def peer_joined(self, peer: p.PeerInfo) -> None:
        link = self.links.get(peer.peer_id)
        if link is None:
            # The newcomer offers; we wait for it.
            self._add_link(peer)
        else:
            link.absent_since = None
            if link.stalled:
                # It is back at the hub after a long cut (its ghost had expired): renegotiate
                # now, not at the next retry slot (that cost 6-9 s after a 60 s cut).
                await self._recover(link, force=True)

    async def peer_left(self, peer_id: str) -> None:
        link = self.links.pop(peer_id, None)
        self._snapshot()
        if link is not None:
            self.host.emit(ParticipantLeft(link.peer_id, link.office))
            self.host.media_health_changed()
            await self._close_link(link)

    def _add_link(self, peer: p.PeerInfo) -> PeerLink:
        link = PeerLink(peer.peer_id, peer.office)
        self.links[peer.peer_id] = link
        self._snapshot()
        self.host.emit(ParticipantJoined(peer.peer_id, peer.office))
        return link

    async def signal(self, message: p.Signal) -> None:
        link = self.links.get(message.from_ or "")
        if link is None:
            log.info("signal from unknown peer %s ignored", message.from_)
            return
        if message.kind == "offer" and message.sdp:
            await self._answer(link, message.session, message.sdp)
        elif message.kind == "answer" and message.sdp:
            pc = link.pc
            if (
                message.session != link.session
                or pc is None
                or pc.signalingState != "have-local-offer"
            ):
                return  # answer to an attempt we already replaced
            if "opus/48000" not in message.sdp.lower():
                _plain_audio(pc)  # the other side chose PCMU/PCMA: aiortc picks the encoder
            await pc.setRemoteDescription(RTCSessionDescription(sdp=message.sdp, type="answer"))
            _route_retransmissions(pc)
            if link.pc is pc:
                link.verifier.remote_fp = sdp_fingerprint(message.sdp)
                await self._send_identity(link)
        elif message.kind == "candidate":
            # Trickle ICE from a client that does not put candidates in its SDP (a browser).
            if link.pc is not None and message.session == link.session:
                await trickle.add_remote_candidate(link.pc, message.sdp or "", message.mid)
        elif message.kind == "restart":
            if self._i_offer(link) and time.monotonic() - link.attempt_at > 1.0:
                self._mark_stalled(link)
                await self._offer(link, at_least=message.session + 1)
        elif message.kind == "bye":
            await self.peer_left(link.peer_id)

    # ------------------------------------------------------------------ negotiation

    def _i_offer(self, link: PeerLink) -> bool:
        return self.host.peer_id < link.peer_id

    def _new_pc(self, link: PeerLink, session: int) -> RTCPeerConnection:
        old_pc, old_tracks = link.pc, link.local_tracks
        for task in link.tasks:
            task.cancel()
        link.tasks = set()
        if old_pc is not None:
            # Closing waits on transports; do not hold up the new attempt for it.
            asyncio.ensure_future(self._close_pc(old_pc, old_tracks))
        link.session = session
        link.attempt_at = time.monotonic()
        link.last_media = None
        link.last_video = None
        link.report_at = None
        link.channel = None
        link.reassembler = channel.Reassembler()
        link.local_tracks = []
        before = link.verifier.state
        link.verifier.reset(session)  # new DTLS certificates: the old verdict is void
        self._publish_verification(link, before=before)
        link.screen = link.screen_encoder = None
        config = self.host.rtc_configuration()
        # One transport for every section from the start. With aiortc's "balanced" default a
        # second video section (the screen) shares the camera's transport, which the BUNDLE
        # answer then stops: the presentation went into a dead transport (0 packets).
        config.bundlePolicy = RTCBundlePolicy.MAX_BUNDLE
        pc = RTCPeerConnection(configuration=config)
        link.pc = pc

        @pc.on("track")
        def on_track(track: MediaStreamTrack) -> None:
            if link.pc is pc:
                screen = link.screen is not None and link.screen.receiver.track is track
                self._spawn(link, self._consume(link, pc, track, screen=screen))

        @pc.on("datachannel")
        def on_datachannel(dc: RTCDataChannel) -> None:
            if link.pc is pc:
                self._attach_channel(link, dc)

        @pc.on("connectionstatechange")
        def on_state() -> None:
            if link.pc is pc and pc.connectionState == "connected":
                self._dtls_connected(link, pc)
            if link.pc is pc and pc.connectionState == "failed":
                log.info("peer connection to %s failed; recovering", link.peer_id)
                self._say_ice_failed(link)
                # Not in link.tasks: the recovery replaces the connection, which cancels those.
                asyncio.ensure_future(self._recover(link))

        return pc

    def _add_local_tracks(
        self, link: PeerLink, pc: RTCPeerConnection, *, screen: bool = True
    ) -> None:
        for kind in ("audio", "video"):
            track = self.host.new_local_track(kind)
            link.local_tracks.append(track)
            sender = pc.addTrack(track)
            attach = getattr(track, "attach_sender", None)
            if attach is not None:
                attach(sender)
            if kind == "video":
                self._adapt_sender(link, sender, track)
            else:
                _lean_audio(sender)
        # The presentation: a second video section negotiated up front (idle until someone
        # presents), so presenting needs no renegotiation between Lintas offices. It has its
        # own encoder, tuned for detail and outside congestion control's scaling. (Answering an
        # offer without that section, a transceiver left unmatched would break aiortc's answer.)
        if screen:
            screen_track = self.host.new_local_track("screen")
            link.local_tracks.append(screen_track)
            link.screen = pc.addTransceiver(screen_track, direction="sendrecv")
            link.screen_encoder = ScreenVp8Encoder()
            setattr(link.screen.sender, _ENCODER_SLOT, link.screen_encoder)
        for transceiver in pc.getTransceivers():
            if transceiver.kind == "video":
                # A missing packet must not hold the picture back for seconds, and a backlog
                # must drain at once (conferencing.jitter). A slide's keyframe is large.
                screen = transceiver is link.screen
                buffer = jitter.install(
                    transceiver.receiver, capacity=SCREEN_JITTER if screen else jitter.CAPACITY
                )
                if buffer is not None and not screen:
                    link.jitter = [buffer]
                # VP8 only: the contract's codec, and what a shared encoder produces.
                vp8 = [
                    c
                    for c in RTCRtpSender.getCapabilities("video").codecs
                    if c.mimeType in ("video/VP8", "video/rtx")
                ]
                transceiver.setCodecPreferences(vp8)

    def _adapt_sender(self, link: PeerLink, sender: RTCRtpSender, track: MediaStreamTrack) -> None:
        """Put the video sender under the link's congestion controller."""
        link.video_track = track
        link.tap = ReportTap(sender)
        link.sent_bytes = None
        set_tier = getattr(track, "set_tier", None)
        if set_tier is not None:
            set_tier(link.rate.tier)
        # aiortc makes its encoder lazily on the first frame; one made now is used instead. It
        # is the only way to reach the codec's rate (aiortc exposes it to REMB alone).
        slot = "_RTCRtpSender__encoder"
        if getattr(sender, slot, "absent") is None:
            encoder = AdaptiveVp8Encoder()
            encoder.set_rate(link.rate.target_bps)
            setattr(sender, slot, encoder)
            link.encoder = encoder
        else:
            log.warning("aiortc's sender changed shape: video bitrate follows REMB only")
            link.encoder = None

    async def _offer(self, link: PeerLink, at_least: int = 0) -> None:
        session = max(link.session + 1, at_least)
        pc = self._new_pc(link, session)
        self._add_local_tracks(link, pc)
        self._attach_channel(link, pc.createDataChannel("lintas", ordered=True))
        limit_gathering(pc)
        await pc.setLocalDescription(await pc.createOffer())
        if link.pc is pc:
            link.verifier.local_fp = sdp_fingerprint(pc.localDescription.sdp)
            await self.host.send_signal(link.peer_id, "offer", session, pc.localDescription.sdp)

    async def _answer(self, link: PeerLink, session: int, sdp: str) -> None:
        if session < link.session:
            return
        pc = link.pc
        if (
            session == link.session
            and pc is not None
            and (pc.signalingState != "have-local-offer" or self._i_offer(link))
        ):
            return  # duplicate, or glare that the smaller peer id wins
        if link.ever_media:
            self._mark_stalled(link)  # the other side is renegotiating a link that had media
        pc = self._new_pc(link, session)
        link.verifier.remote_fp = sdp_fingerprint(sdp)
        # Tracks (and the VP8 preference) first: aiortc picks the answer's codecs while it
        # applies the offer, from the preferences of the transceivers that exist by then.
        self._add_local_tracks(link, pc, screen=sdp.count("m=video") >= 2)
        if "opus/48000" not in sdp.lower():
            _plain_audio(pc)
        await pc.setRemoteDescription(RTCSessionDescription(sdp=sdp, type="offer"))
        _route_retransmissions(pc)
        limit_gathering(pc)
        await pc.setLocalDescription(await pc.createAnswer())
        if link.pc is pc:
            link.verifier.local_fp = sdp_fingerprint(pc.localDescription.sdp)
            await self.host.send_signal(link.peer_id, "answer", session, pc.localDescription.sdp)
            await self._send_identity(link)

    def _say_ice_failed(self, link: PeerLink) -> None:
        """Tell the user once that no path to this office was found (never any media)."""
        if not link.ever_media and not link.ice_failed_said:
            # A failure after media flowed is a stall, said by the "reconnecting" state.
            link.ice_failed_said = True
            self.host.emit(EngineError("no network path to the other office", MediaCode.ICE_FAILED))

    async def _recover(self, link: PeerLink, *, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - link.recover_at < RETRY_S:
            return
        link.recover_at = now
        self._mark_stalled(link)
        if self._i_offer(link):
            await self._offer(link)
        else:
            await self.host.send_signal(link.peer_id, "restart", link.session)

    def _mark_stalled(self, link: PeerLink) -> None:
        if not link.stalled:
            link.stalled = True
            self.host.media_health_changed()

    async def _close_pc(self, pc: RTCPeerConnection, tracks: list[MediaStreamTrack]) -> None:
        for track in tracks:
            track.stop()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(pc.close(), 5.0)

    async def _close_link(self, link: PeerLink) -> None:
        for task in link.tasks:
            task.cancel()
        if link.pc is not None:
            await self._close_pc(link.pc, link.local_tracks)
        link.pc = None

    def _spawn(self, link: PeerLink, coro: Any) -> None:
        task = asyncio.ensure_future(coro)
        link.tasks.add(task)
        task.add_done_callback(link.tasks.discard)

    # ------------------------------------------------------------------ media in

    async def _consume(
        self, link: PeerLink, pc: RTCPeerConnection, track: MediaStreamTrack, *, screen: bool
    ) -> None:
        if screen:
            await self._consume_screen(link, pc, track)
            return
        kind = track.kind
        if kind not in link.announced_tracks:
            link.announced_tracks.add(kind)
            self.host.emit(TrackAdded(link.peer_id, kind))  # type: ignore[arg-type]
        while link.pc is pc:
            try:
                frame = await track.recv()
            except MediaStreamError:
                return
            link.last_media = time.monotonic()
            if link.stalled:
                link.stalled = False
                self.host.media_health_changed()
            link.ever_media = True
            if kind == "video":
                frame, skipped = newest_frame(track, frame)
                link.video_skipped += skipped
                link.video_frames += 1
                link.last_video = link.last_media
                if link.video_paused:
                    link.video_paused = False
                    self.host.emit(VideoPaused(link.peer_id, False))
                self.host.remote_video_frame(link.peer_id, frame)
            else:
                link.audio_frames += 1
                self.host.remote_audio_frame(link.peer_id, frame)

    async def _consume_screen(
        self, link: PeerLink, pc: RTCPeerConnection, track: MediaStreamTrack
    ) -> None:
        """Frames of the peer's presentation: media for stall detection, not its camera."""
        while link.pc is pc:
            try:
                frame = await track.recv()
            except MediaStreamError:
                return
            link.last_media = time.monotonic()
            frame, _ = newest_frame(track, frame)
            if max(frame.width, frame.height) > MAX_SCREEN_SIDE:
                continue  # larger than any presentation we send: not handed on (memory)
            link.screen_frames += 1
            self.host.remote_screen_frame(link.peer_id, frame)

    async def ensure_screen_links(self) -> None:
        """Renegotiate links whose connection has no screen section we may send on.

        A browser that offered first (one video section) answered no presentation; a new
        offer from us (session + 1) carries the camera and the screen."""
        for link in list(self.links.values()):
            screen = link.screen
            if link.pc is None or (
                screen is not None
                and screen.mid is not None
                and screen.currentDirection in ("sendrecv", "sendonly")
            ):
                continue
            await self._offer(link)

    # ------------------------------------------------------------------ messages

    def _attach_channel(self, link: PeerLink, dc: RTCDataChannel) -> None:
        @dc.on("open")
        def on_open() -> None:
            if link.pc is not None and link.channel is dc:
                self._flush(link)

        @dc.on("message")
        def on_message(message: str | bytes) -> None:
            self._on_channel_message(link, dc, message)

        link.channel = dc
        if dc.readyState == "open":
            self._flush(link)

    def _flush(self, link: PeerLink) -> None:
        for envelope in link.outbox.pending():
            self._transmit(link, envelope)

    def _transmit(self, link: PeerLink, envelope: dict[str, Any]) -> bool:
        dc = link.channel
        if dc is None or dc.readyState != "open":
            return False
        try:
            for part in channel.encode(envelope):
                dc.send(part)
        except Exception as exc:  # aiortc raises InvalidStateError when the channel just closed
            log.info("send to %s deferred: %s", link.peer_id, exc)
            return False
        return True

    def _on_channel_message(self, link: PeerLink, dc: RTCDataChannel, message: str | bytes) -> None:
        try:
            envelope = link.reassembler.feed(message)
        except channel.ChannelError as exc:
            log.warning("bad message from %s: %s", link.peer_id, exc)
            return
        if envelope is None:
            return
        kind = envelope.get("t")
        if kind == "ack":
            link.outbox.ack(str(envelope.get("id")))
            return
        envelope_id = envelope.get("id")
        if not isinstance(envelope_id, str):
            return
        with contextlib.suppress(Exception):
            for part in channel.encode({"t": "ack", "id": envelope_id}):
                dc.send(part)
        if link.seen.first_time(envelope_id):
            self.host.envelope_received(link.peer_id, link.office, envelope)

    async def send_envelope(self, peer_id: str | None, envelope: dict[str, Any]) -> None:
        channel.encode(envelope)  # size check up front, so the caller gets the error
        targets = list(self.links.values()) if peer_id is None else [self.links[peer_id]]
        for link in targets:
            link.outbox.add(envelope)
            self._transmit(link, envelope)

    # ------------------------------------------------------------------ who is on the link

    async def _send_identity(self, link: PeerLink) -> None:
        """Send our signed binding for the link's current session (when we have an identity)."""
        identity = self.host.call_identity
        if identity is None:
            return  # an identity-less office is simply "not verified" on the other side
        data = link.verifier.own_message(identity, self.host.room, self.host.peer_id)
        if data is not None:
            await self.host.send_relay(link.peer_id, data)

    async def announce_identity(self) -> None:
        for link in list(self.links.values()):
            await self._send_identity(link)

    def _dtls_connected(self, link: PeerLink, pc: RTCPeerConnection) -> None:
        verifier = link.verifier
        verifier.dtls_fps = dtls_peer_fingerprints(pc)
        if verifier.connected_at is None:
            verifier.connected_at = time.monotonic()
            # Once more now that media flows: the first copy may have met a hub outage.
            self._spawn(link, self._send_identity(link))
        self._publish_verification(link)

    async def identity_received(self, peer_id: str, data: dict[str, Any]) -> None:
        link = self.links.get(peer_id)
        if link is None or link.pc is None:
            return
        link.verifier.message(data, self.host.trusted_offices, self.host.room, self.host.peer_id)
        self._publish_verification(link)

    def _publish_verification(
        self, link: PeerLink, now: float | None = None, before: PeerVerification | None = None
    ) -> None:
        before = before or link.verifier.state
        after = link.verifier.evaluate(now)
        if after != before:
            self.host.emit(PeerVerificationChanged(after))

    def verification(self, peer_id: str) -> PeerVerification | None:
        link = self.links.get(peer_id)
        return link.verifier.state if link is not None else None

    # ------------------------------------------------------------------ health and stats

    async def tick(self) -> None:
        now = time.monotonic()
        for link in list(self.links.values()):
            link.reassembler.expire(now)  # a sender that went quiet mid-message frees its chunks
            if link.verifier.state.status == "pending":
                self._publish_verification(link, now)
            if link.pc is not None and not trickle.remote_sends_media(link.pc):
                continue  # a receive-only client: its silence is by design, not a stall
            if (
                not link.ever_media
                and now - link.created_at > NO_PATH_S
                and (
                    link.pc is None or link.pc.iceConnectionState not in ("connected", "completed")
                )
            ):
                # No attempt found a path in all that time (a firewall dropping UDP). Attempts
                # are replaced before aiortc would call one failed, so say it here; the call
                # is not "connected" to that office meanwhile.
                self._say_ice_failed(link)
                self._mark_stalled(link)
            silent_since = link.last_media or link.attempt_at
            if now - silent_since > STALL_S and (
                link.ever_media or now - link.attempt_at > 2 * RETRY_S
            ):
                if link.absent_since is not None and now - link.absent_since > ABSENT_DROP_S:
                    await self.peer_left(link.peer_id)
                    continue
                await self._recover(link)
            self._check_video(link, now)
        if now - self._last_stats >= STATS_PERIOD_S:
            self._last_stats = now
            for link in list(self.links.values()):
                await self._stats(link, now)

    def _check_video(self, link: PeerLink, now: float) -> None:
        """Video paused: the track delivered frames on this connection, then none for a while."""
        if link.video_paused or link.last_video is None:
            return
        if now - link.last_video > FREEZE_S:
            link.video_paused = True
            self.host.emit(VideoPaused(link.peer_id, True))

    def _adapt(self, link: PeerLink, report: Any, now: float) -> None:
        """Feed the newest receiver report about our video to the link's controller."""
        remote = next(
            (
                s
                for s in report.values()
                if s.type == "remote-inbound-rtp" and getattr(s, "kind", "") == "video"
            ),
            None,
        )
        if remote is None or remote.timestamp == link.report_at:
            return  # no new receiver report since the last look
        link.report_at = remote.timestamp
        rtt = getattr(remote, "roundTripTime", None)
        rtt = None if rtt is None else rtt * 1000.0
        lost = getattr(remote, "fractionLost", None)
        loss = None if lost is None else lost / 256.0
        if link.tap is not None and link.tap.attached:
            # Each report's own figures: aiortc's RTT is smoothed and lags a drained queue.
            fresh = link.tap.since(link.tap_read_at)
            if fresh:
                link.tap_read_at = fresh[-1].at
                rtts = [r.rtt_ms for r in fresh if r.rtt_ms is not None]
                rtt = rtts[-1] if rtts else rtt
                loss = sum(r.fraction_lost for r in fresh) / len(fresh)
        sent = next(
            (
                s.bytesSent
                for s in report.values()
                if s.type == "outbound-rtp" and getattr(s, "kind", "") == "video"
            ),
            None,
        )
        sent_bps = None
        if sent is not None and link.sent_bytes is not None and sent >= link.sent_bytes[0]:
            sent_bps = (sent - link.sent_bytes[0]) * 8 / max(1e-3, now - link.sent_bytes[1])
        link.sent_bytes = None if sent is None else (sent, now)
        link.rate.update(
            LinkReport(
                fraction_lost=loss,
                rtt_ms=rtt,
                remb_bps=link.encoder.remb_bps if link.encoder is not None else None,
                sent_bps=sent_bps,
            ),
            now,
        )
        if link.encoder is not None:
            link.encoder.set_rate(link.rate.target_bps)
        if link.tap is not None:
            link.tap.rate_bps = link.rate.target_bps
        track = link.video_track
        set_tier = getattr(track, "set_tier", None)
        if set_tier is not None:
            set_tier(link.rate.tier)
        size = getattr(track, "sent_size", None) or (0, 0)
        adapted = (link.rate.target_bps // 1000, size[0], size[1], TIERS[link.rate.tier].fps)
        if (
            link.adapted is None
            or adapted[1:] != link.adapted[1:]
            or (abs(adapted[0] - link.adapted[0]) > 0.05 * max(1, link.adapted[0]))
        ):
            link.adapted = adapted
            self.host.emit(MediaAdapted(link.peer_id, *adapted))

    async def _stats(self, link: PeerLink, now: float) -> None:
        pc = link.pc
        if pc is None or pc.connectionState != "connected":
            return
        try:
            report = await pc.getStats()
        except Exception:
            return
        self._adapt(link, report, now)
        rtt: float | None = None
        received = lost = 0
        transport_bytes: dict[str, int] = {}
        for stat in report.values():
            if stat.type == "remote-inbound-rtp" and getattr(stat, "roundTripTime", None):
                rtt = max(rtt or 0.0, stat.roundTripTime * 1000.0)
            elif stat.type == "inbound-rtp":
                received += stat.packetsReceived or 0
                lost += max(0, stat.packetsLost or 0)
            elif stat.type == "transport":
                # aiortc has no per-stream byte counters; the (bundled) DTLS transport has them.
                transport_bytes[stat.id] = stat.bytesReceived or 0
        bytes_in = sum(transport_bytes.values())
        elapsed = max(1e-3, now - link._stats_at)
        fps = (link.video_frames - link._stats_frames) / elapsed
        bitrate = loss = None
        if link._stats_bytes is not None and bytes_in >= link._stats_bytes:
            bitrate = (bytes_in - link._stats_bytes) * 8 / 1000 / elapsed
            d_recv = received - (link._stats_received or 0)
            d_lost = lost - (link._stats_lost or 0)
            loss = 100.0 * d_lost / (d_recv + d_lost) if d_recv + d_lost > 0 else 0.0
        link._stats_at, link._stats_frames = now, link.video_frames
        link._stats_bytes, link._stats_received, link._stats_lost = bytes_in, received, lost
        link.last_stats = StatsUpdated(link.peer_id, rtt, loss, bitrate, fps)
        self.host.emit(link.last_stats)

    def _snapshot(self) -> None:
        self._participants = {peer_id: link.office for peer_id, link in self.links.items()}

    def participants(self) -> dict[str, str]:
        return dict(self._participants)

    def reconnecting(self) -> bool:
        return any(link.stalled for link in self.links.values())

    def media_flowing(self) -> bool:
        now = time.monotonic()
        return any(
            link.last_media is not None and now - link.last_media < STALL_S and not link.stalled
            for link in self.links.values()
        )

    async def close(self) -> None:
        self._closed = True
        for link in list(self.links.values()):
            with contextlib.suppress(Exception):
                await self.host.send_signal(link.peer_id, "bye", link.session)
            await self._close_link(link)
        self.links.clear()
        self._snapshot()


_ENCODER_SLOT = "_RTCRtpSender__encoder"


class _SpeechOpusEncoder(OpusEncoder):
    """aiortc's Opus encoder at :data:`AUDIO_BPS` (aiortc fixes 96 kbit/s)."""

    def __init__(self) -> None:
        super().__init__()
        self.codec.bit_rate = AUDIO_BPS  # the codec opens on its first frame, with this rate


def _lean_audio(sender: RTCRtpSender) -> None:
    """Give ``sender`` a speech-rate Opus encoder (aiortc makes its own lazily otherwise)."""
    if getattr(sender, _ENCODER_SLOT, "absent") is None:
        setattr(sender, _ENCODER_SLOT, _SpeechOpusEncoder())


def _route_retransmissions(pc: RTCPeerConnection) -> None:
    """Send each video section's retransmissions (RTX) to that section's receiver.

    aiortc registers only a receiver's media SSRC; a packet with another SSRC is routed by its
    payload type, and with two video sections (camera and screen share VP8's and RTX's payload
    types) such a packet matches both and is dropped: under loss every retransmission was lost
    and the camera's picture broke. The remote SDP's ``ssrc-group:FID`` names each RTX SSRC.
    """
    remote = pc.remoteDescription
    if remote is None:
        return
    try:
        description = aiortc_sdp.SessionDescription.parse(remote.sdp)
    except ValueError:
        return
    by_mid = {t.mid: t for t in pc.getTransceivers() if t.kind == "video" and t.mid is not None}
    for media in description.media:
        transceiver = by_mid.get(media.rtp.muxId)
        router = getattr(getattr(transceiver, "receiver", None), "transport", None)
        table = getattr(getattr(router, "_rtp_router", None), "ssrc_table", None)
        if transceiver is None or table is None:
            continue
        for group in media.ssrc_group:
            if group.semantic == "FID" and len(group.items) == 2:
                table[int(group.items[1])] = transceiver.receiver


def _plain_audio(pc: RTCPeerConnection) -> None:
    """Undo :func:`_lean_audio` before negotiation settles on another audio codec."""
    for transceiver in pc.getTransceivers():
        if transceiver.kind == "audio" and isinstance(
            getattr(transceiver.sender, _ENCODER_SLOT, None), _SpeechOpusEncoder
        ):
            setattr(transceiver.sender, _ENCODER_SLOT, None)
