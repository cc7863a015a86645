"""SFU: each office publishes once to a Janus VideoRoom and subscribes to the others' feeds.

The hub's welcome says where (:class:`~conferencing.protocol.SfuInfo`: Janus URL, room, pin,
the feed id reserved for us, our token); the engine then runs this topology instead of the
mesh. One Janus session per office holds a publisher handle (one ``RTCPeerConnection``
sending our audio and video) and one subscriber handle per other office (one receive-only
``RTCPeerConnection`` each).

**Feeds are chosen by office, never by position.** A publisher's display is its hub peer id,
and each office announces its feed through the hub (a ``relay`` of kind
:data:`~conferencing.call_identity.SFU_PUBLISH_KIND`, signed with the office key when it has
one). A feed is shown as office X only when X itself announced that feed id *and* the feed's
display is X's peer id; a lingering publisher (a crashed app's, until Janus's session timeout)
or one that merely calls itself X is never taken for X.

**Identity.** DTLS ends at Janus, so pairwise fingerprints prove nothing here; an office
signs its publish binding instead (:class:`~conferencing.call_identity.PublishBinding`) and a
tile is "verified" only when that signed binding names exactly the feed we receive as that
office. What this proves and what not: ``docs/SECURITY.md``.

**Messages** (chat, app messages) go through the hub as ``relay`` data of kind
:data:`SFU_ENVELOPE_KIND`, addressed to each office; one too large for a relay goes in chunks,
paced under the hub's message budget (:mod:`.sfu_messages`).

**Presenting**: every office publishes an idle screen stream beside its camera, and viewers
subscribe to the presenter's (the hub's presenter slot) alone: :mod:`.sfu_screen`.

Recovery: a subscription whose media stalls for :data:`STALL_S` is made again; a lost Janus
session is re-opened (at most every :data:`RETRY_S`) and we publish again.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import time
from dataclasses import dataclass, field
from typing import Any

from aiortc import (
    MediaStreamTrack,
    RTCBundlePolicy,
    RTCPeerConnection,
    RTCRtpSender,
    RTCSessionDescription,
)
from aiortc.mediastreams import MediaStreamError

from conferencing import channel, jitter
from conferencing import protocol as p
from conferencing.adaptation import AdaptiveVp8Encoder
from conferencing.call_identity import (
    SFU_PUBLISH_KIND,
    Checked,
    PeerVerification,
    PeerVerificationChanged,
    PublishBinding,
    VerifyCode,
    check_publish,
    sdp_fingerprint,
    signed_publish,
)
from conferencing.events import (
    EngineError,
    ParticipantJoined,
    ParticipantLeft,
    StatsUpdated,
    TrackAdded,
    VideoPaused,
)
from conferencing.hub.janus_pool import ROOM_BITRATE_BPS
from conferencing.janus_client import JanusError, JanusHandle, JanusSession, SfuCode, plugin_data
from conferencing.linkhealth import limit_gathering
from conferencing.presenting import SCREEN_BPS, ScreenVp8Encoder
from conferencing.topology.base import Topology, TopologyHost, newest_frame
from conferencing.topology.mesh import _lean_audio
from conferencing.topology.sfu_layers import (
    DESCRIPTION,
    HIGH,
    LOW_BPS,
    LOW_TIER,
    POOR_FPS,
    POOR_S,
    RETRY_HIGH_S,
    SCREEN,
    Layer,
    Stream,
    camera_layers,
    fitting_layer,
    layer_mid,
    publisher_streams,
    screen_mid,
    subscription_streams,
)
from conferencing.topology.sfu_messages import (
    ENVELOPE_KIND,
    RelayPacer,
    RelayReassembler,
    relay_payloads,
)
from conferencing.topology.sfu_screen import ScreenSubscription, close_screen, subscribe_screen

log = logging.getLogger(__name__)

SFU_ENVELOPE_KIND = ENVELOPE_KIND
#: Relay kinds the engine hands to :meth:`SfuTopology.identity_received`.
SFU_RELAY_KINDS = (SFU_PUBLISH_KIND, SFU_ENVELOPE_KIND)
MAX_FEEDS = 64  # publishers remembered per room (Janus rooms hold 16; the rest is churn)
MAX_ANNOUNCES_PER_PEER = 16  # publish announcements taken from one office per minute
STALL_S = 3.0
RETRY_S = 6.0
NO_MEDIA_S = 12.0  # a subscription that never brought media is made again after this
FREEZE_S = 1.0
IDENTITY_WAIT_S = 6.0
STATS_PERIOD_S = 1.0


@dataclass
class Feed:
    """A publisher Janus told us about."""

    id: int
    display: str
    streams: tuple[Stream, ...] = ()  # its audio and video layers (sfu_layers)


@dataclass
class Subscription:
    """Our receive-only connection to one office's feed."""

    peer_id: str
    feed: int
    handle: JanusHandle | None = None
    pc: RTCPeerConnection | None = None
    tasks: set[asyncio.Task[Any]] = field(default_factory=set)
    started_at: float = field(default_factory=time.monotonic)
    last_media: float | None = None
    last_video: float | None = None
    ever_media: bool = False
    stalled: bool = False
    video_paused: bool = False
    video_frames: int = 0
    audio_frames: int = 0
    stats_at: float = field(default_factory=time.monotonic)
    stats_frames: int = 0
    stats_bytes: int | None = None
    video_mids: list[str] = field(default_factory=list)  # Janus's video streams in this offer
    video_sent: bool = True  # False: paused by us (the office is not on screen)
    layer: Layer = HIGH  # the simulcast layer we receive (sfu_layers)
    poor_seconds: int = 0  # consecutive seconds the high layer came too slowly
    poor_until: float = 0.0  # until then this office is received in the low layer


@dataclass
class Announcement:
    """The newest publish announcement of one office (from the hub relay)."""

    feed: int
    session: int
    data: dict[str, Any]
    count: int = 0
    window_at: float = field(default_factory=time.monotonic)


class SfuTopology(Topology):
    """Publish once to Janus, subscribe to every other office's feed."""

    def __init__(self, host: TopologyHost) -> None:
        super().__init__(host)
        self.members: dict[str, str] = {}  # peer id -> office (from the hub)
        self.feeds: dict[int, Feed] = {}
        self.announced: dict[str, Announcement] = {}
        self.subs: dict[str, Subscription] = {}
        # peer id -> (the pinned offices and the feed it was checked with, the verdict)
        self.checked: dict[str, tuple[object, int, Checked]] = {}
        self.states: dict[str, PeerVerification] = {}
        self.ticket: p.SfuInfo | None = None
        self.session: JanusSession | None = None
        self.publisher: JanusHandle | None = None
        self.publisher_pc: RTCPeerConnection | None = None
        self.local_tracks: list[MediaStreamTrack] = []
        self.local_fp: str | None = None
        self.publish_session = 0
        self.seen = channel.SeenIds()
        self.reassembler = RelayReassembler()  # envelopes relayed in chunks (sfu_messages)
        self.pacer = RelayPacer()
        self._participants: dict[str, str] = {}
        self._connect_lock = asyncio.Lock()
        self._attempt_at = 0.0
        self.preferred: dict[str, Layer] = {}  # layers asked for by the UI (prefer_layer)
        self.publisher_lost = False  # our publisher connection failed: tick() publishes again
        self.layers: tuple[Layer, ...] = ()  # the camera layers we publish (sfu_layers)
        self.screen: ScreenSubscription | None = None  # the presentation we receive
        self.screen_budget = False  # our publisher's REMB cap includes the presentation
        self.screen_encoder: ScreenVp8Encoder | None = None  # our presentation's encoder
        self._last_stats = time.monotonic()
        self._closed = False

    # ------------------------------------------------------------------ hub events

    async def start(self, peers: list[p.PeerInfo], *, newcomer: bool) -> None:
        for peer in peers:
            self._add_member(peer)
        ticket = getattr(self.host, "sfu", None)
        if ticket is None:
            log.warning("SFU topology without an SFU ticket; nothing to join")
            return
        if ticket != self.ticket or self.session is None or self._session_lost():
            await self._connect(ticket)
        else:
            await self._announce()  # the hub restarted or we reconnected: say our feed again

    async def peer_joined(self, peer: p.PeerInfo) -> None:
        self._add_member(peer)
        await self._announce(peer.peer_id)  # the newcomer must learn which feed is ours

    async def peer_left(self, peer_id: str) -> None:
        office = self.members.pop(peer_id, None)
        self.announced.pop(peer_id, None)
        self.reassembler.forget(peer_id)
        self.checked.pop(peer_id, None)
        self.states.pop(peer_id, None)
        self._snapshot()
        sub = self.subs.pop(peer_id, None)
        if sub is not None:
            await self._close_sub(sub)
        await self._follow_presenter()
        if office is not None:
            self.host.emit(ParticipantLeft(peer_id, office))
            self.host.media_health_changed()

    def _add_member(self, peer: p.PeerInfo) -> None:
        if peer.peer_id in self.members or peer.peer_id == self.host.peer_id:
            return
        self.members[peer.peer_id] = peer.office
        self._snapshot()
        self.host.emit(ParticipantJoined(peer.peer_id, peer.office))

    async def signal(self, message: p.Signal) -> None:
        # Offices negotiate with Janus, not with each other; a peer-to-peer signal is stale.
        if message.kind == "bye" and message.from_:
            return
        log.info("signal %s from %s ignored in an SFU session", message.kind, message.from_)

    # ------------------------------------------------------------------ Janus: publishing

    def _session_lost(self) -> bool:
        return self.session is not None and self.session.connection.closed.is_set()

    async def _connect(self, ticket: p.SfuInfo) -> None:
        """Open a Janus session, join as our reserved feed and publish."""
        async with self._connect_lock:
            if self._closed:
                return
            self._attempt_at = time.monotonic()
            self.publisher_lost = False
            await self._drop_session()
            self.ticket = ticket
            try:
                session = await JanusSession.open(ticket.url, token=ticket.token)
                self.session = session
                self.publisher = await session.attach(self._on_publisher_event)
                data, _ = await self.publisher.message(
                    {
                        "request": "join",
                        "ptype": "publisher",
                        "room": ticket.room,
                        "pin": ticket.pin,
                        "id": ticket.feed,
                        "display": self.host.peer_id,
                    }
                )
                self._note_publishers(data.get("publishers"))
                await self._publish(session)
            except JanusError as exc:
                log.warning("SFU join failed: %s", exc.reason)
                self.host.emit(EngineError(f"media server: {exc.code.value}", exc.code.value))
                await self._drop_session()
                return
            await self._announce()
            await self._refresh()

    async def _publish(self, session: JanusSession) -> None:
        assert self.publisher is not None
        # MAX_BUNDLE: with aiortc's default (balanced) a second video transceiver stays on the
        # first video's transport, which the answer's BUNDLE retires: it never sent a packet.
        config = dataclasses.replace(
            self.host.rtc_configuration(), bundlePolicy=RTCBundlePolicy.MAX_BUNDLE
        )
        pc = RTCPeerConnection(configuration=config)
        self.publisher_pc = pc

        @pc.on("connectionstatechange")
        def on_state() -> None:
            if pc is self.publisher_pc and pc.connectionState == "failed":
                self.publisher_lost = True

        self.local_tracks = []
        self.layers = camera_layers(self.host.video_source.height)
        kinds = ("audio", *(["video"] * len(self.layers)))
        for kind in kinds:
            track = self.host.new_local_track(kind)
            low = kind == "video" and len(self.local_tracks) == 2
            if low:
                set_tier = getattr(track, "set_tier", None)
                if set_tier is not None:
                    set_tier(LOW_TIER)  # the second video is the small simulcast layer
            self.local_tracks.append(track)
            sender = pc.addTrack(track)
            if kind == "audio":
                _lean_audio(sender)  # Opus at speech rate, as in the mesh
            if low:
                # Its own modest rate: aiortc would give the small layer as much as the full one
                # (measured 280 against 220 kbit/s), and then it saves nobody's link.
                _fixed_rate(sender, LOW_BPS)
        # The presentation: one more video stream, idle until we present (as on a mesh link),
        # with the encoder tuned for detail: full size, low frame rate, sharp text.
        screen_track = self.host.new_local_track("screen")
        self.local_tracks.append(screen_track)
        screen = pc.addTransceiver(screen_track, direction="sendonly")
        self.screen_encoder = ScreenVp8Encoder()
        setattr(screen.sender, _ENCODER_SLOT, self.screen_encoder)
        for transceiver in pc.getTransceivers():
            transceiver.direction = "sendonly"
            if transceiver.kind == "video":
                vp8 = [
                    c
                    for c in RTCRtpSender.getCapabilities("video").codecs
                    if c.mimeType in ("video/VP8", "video/rtx")
                ]
                transceiver.setCodecPreferences(vp8)
        limit_gathering(pc)
        await pc.setLocalDescription(await pc.createOffer())
        self.local_fp = sdp_fingerprint(pc.localDescription.sdp)
        cameras = [t.mid for t in pc.getTransceivers() if t.kind == "video" and t is not screen]
        named = [
            *((mid, DESCRIPTION[layer]) for mid, layer in zip(cameras, self.layers, strict=False)),
            (screen.mid, SCREEN),
        ]
        descriptions = [
            {"mid": mid, "description": description}
            for mid, description in named
            if mid is not None
        ]
        _, jsep = await self.publisher.message(
            {"request": "publish", "descriptions": descriptions},
            {"type": "offer", "sdp": pc.localDescription.sdp},
        )
        if jsep is None or jsep.get("type") != "answer" or not isinstance(jsep.get("sdp"), str):
            raise JanusError(SfuCode.PROTOCOL, "the SFU did not answer our offer")
        await pc.setRemoteDescription(RTCSessionDescription(sdp=jsep["sdp"], type="answer"))
        self.publish_session += 1

    async def _announce(self, to: str | None = None) -> None:
        """Tell the others (or one newcomer) which feed is ours, signed when we can."""
        ticket = self.ticket
        if ticket is None or self.local_fp is None or self.publish_session == 0:
            return
        binding = PublishBinding(
            room=self.host.room,
            sender=self.host.peer_id,
            office=getattr(self.host.call_identity, "office", "") or self.host.office,
            sfu_room=ticket.room,
            feed=ticket.feed,
            session=self.publish_session,
            fingerprint=self.local_fp,
        )
        data = signed_publish(self.host.call_identity, binding)
        targets = [to] if to is not None else list(self.members)
        for peer_id in targets:
            await self.host.send_relay(peer_id, data)

    async def announce_identity(self) -> None:
        await self._announce()

    def _on_publisher_event(self, event: dict[str, Any]) -> Any:
        if event.get("janus") == "hangup":
            # Janus gave up on our publisher connection (ICE or DTLS failed): publish again.
            self.publisher_lost = True
            return None
        data = plugin_data(event)
        if "publishers" in data:
            self._note_publishers(data.get("publishers"))
        for key in ("unpublished", "leaving"):
            gone = data.get(key)
            if isinstance(gone, int) and not isinstance(gone, bool):
                self.feeds.pop(gone, None)
        if data.get("leaving") == "ok" and data.get("reason") == "kicked":
            log.warning("the SFU removed us from the room")
        return self._refresh()

    def _note_publishers(self, publishers: Any) -> None:
        if not isinstance(publishers, list):
            return
        for item in publishers[:MAX_FEEDS]:
            if not isinstance(item, dict):
                continue
            feed, display = item.get("id"), item.get("display")
            if (
                isinstance(feed, int)
                and not isinstance(feed, bool)
                and isinstance(display, str)
                and p.PEER_ID_RE.match(display)
            ):
                self.feeds[feed] = Feed(feed, display, publisher_streams(item))
        while len(self.feeds) > MAX_FEEDS:
            self.feeds.pop(next(iter(self.feeds)))

    # ------------------------------------------------------------------ Janus: subscribing

    def chosen_feed(self, peer_id: str) -> int | None:
        """The feed shown as ``peer_id``: the one it announced, published under its peer id."""
        announcement = self.announced.get(peer_id)
        if announcement is None:
            return None
        feed = self.feeds.get(announcement.feed)
        return feed.id if feed is not None and feed.display == peer_id else None

    async def _refresh(self) -> None:
        """Subscribe to each office's chosen feed; drop subscriptions nobody should see."""
        if self.session is None or self._closed:
            return
        for peer_id, sub in list(self.subs.items()):
            if peer_id not in self.members or self.chosen_feed(peer_id) != sub.feed:
                del self.subs[peer_id]
                await self._close_sub(sub)
        for peer_id in list(self.members):
            feed = self.chosen_feed(peer_id)
            if feed is not None and peer_id not in self.subs:
                await self._subscribe(peer_id, feed)
            self._publish_verification(peer_id)
        await self._follow_presenter()

    # ------------------------------------------------------------------ the presentation

    async def presenter_changed(self) -> None:
        """The hub named another presenter (or none): receive that office's screen stream."""
        await self._follow_presenter()

    def _presenter_screen(self) -> tuple[str, int, str] | None:
        """(peer id, feed, screen mid) of the presentation to receive, if any."""
        presenter = getattr(getattr(self.host, "presenter", None), "peer_id", "")
        if not presenter or presenter == self.host.peer_id or presenter not in self.members:
            return None
        feed = self.chosen_feed(presenter)  # chosen by office, as its camera is
        known = self.feeds.get(feed) if feed is not None else None
        mid = screen_mid(known.streams) if known is not None else None
        return None if feed is None or mid is None else (presenter, feed, mid)

    async def _raise_budget(self, presenting: bool) -> None:
        """While we present, lift our publisher's REMB cap by the presentation's rate.

        The hub's room caps each publisher at :data:`ROOM_BITRATE_BPS` for its camera; Janus
        says that cap as REMB on every video stream, and a 1080p slide squeezed into it stays
        blurred (PSNR about 31 dB after 2 s, measured). Janus lets a publisher set its own cap
        (``configure`` ``bitrate``) unless the room enforces ``bitrate_cap``."""
        if self.publisher is None or presenting == self.screen_budget:
            return
        bitrate = ROOM_BITRATE_BPS + (SCREEN_BPS if presenting else 0)
        try:
            await self.publisher.message({"request": "configure", "bitrate": bitrate})
        except JanusError as exc:
            log.info("could not change our bitrate cap: %s", exc.reason)
            return
        self.screen_budget = presenting
        if self.screen_encoder is not None:
            # Janus's REMB is that cap, not a measure of the link, so it is the cap from now on.
            # Left to the next REMB, the old one opened the slide's codec at the camera's rate
            # and the new one reopened it (a new blurred keyframe) a second into the slide.
            self.screen_encoder.remb_bps = bitrate

    async def _follow_presenter(self) -> None:
        presenter = getattr(getattr(self.host, "presenter", None), "peer_id", "")
        if self.session is not None and not self._closed:
            await self._raise_budget(bool(presenter) and presenter == self.host.peer_id)
        wanted = None if self.session is None or self._closed else self._presenter_screen()
        current = self.screen
        if current is not None and (wanted is None or current.key() != wanted):
            self.screen = None
            await close_screen(current)
        if wanted is None or self.screen is not None:
            return
        session, ticket = self.session, self.ticket
        if session is None or ticket is None:
            return
        # Claimed before the await: a second call meanwhile sees it and does not subscribe twice.
        placeholder = ScreenSubscription(*wanted)
        self.screen = placeholder
        sub = await subscribe_screen(session, ticket, self.host, *wanted)
        if self.screen is placeholder:
            self.screen = sub
        else:
            await close_screen(sub)  # the presenter changed while we subscribed

    async def _subscribe(self, peer_id: str, feed: int) -> None:
        session, ticket = self.session, self.ticket
        if session is None or ticket is None:
            return
        sub = Subscription(peer_id, feed, layer=self._wanted_layer(peer_id, None))
        self.subs[peer_id] = sub
        known = self.feeds.get(feed)
        try:
            sub.handle = await session.attach()
            joined, jsep = await sub.handle.message(
                {
                    "request": "join",
                    "ptype": "subscriber",
                    "room": ticket.room,
                    "pin": ticket.pin,
                    "streams": subscription_streams(
                        feed, known.streams if known else (), sub.layer
                    ),
                }
            )
            if jsep is None or jsep.get("type") != "offer" or not isinstance(jsep.get("sdp"), str):
                raise JanusError(SfuCode.PROTOCOL, "the SFU sent no offer for a feed")
            sub.video_mids = video_mids(joined)
            pc = RTCPeerConnection(configuration=self.host.rtc_configuration())
            sub.pc = pc

            @pc.on("track")
            def on_track(track: MediaStreamTrack) -> None:
                if sub.pc is pc:
                    self._spawn(sub, self._consume(sub, pc, track))

            await pc.setRemoteDescription(RTCSessionDescription(sdp=jsep["sdp"], type="offer"))
            for transceiver in pc.getTransceivers():
                if transceiver.kind == "video":
                    jitter.install(transceiver.receiver)
            limit_gathering(pc)
            await pc.setLocalDescription(await pc.createAnswer())
            await sub.handle.message(
                {"request": "start"}, {"type": "answer", "sdp": pc.localDescription.sdp}
            )
            if not self._shown(peer_id):
                await self._send_video(sub, False)
        except JanusError as exc:
            log.info("subscribing to %s failed: %s", peer_id, exc.reason)
            sub.stalled = True  # retried from tick()

    async def _consume(
        self, sub: Subscription, pc: RTCPeerConnection, track: MediaStreamTrack
    ) -> None:
        kind = track.kind
        if kind in ("audio", "video"):
            self.host.emit(TrackAdded(sub.peer_id, kind))  # type: ignore[arg-type]
        while sub.pc is pc:
            try:
                frame = await track.recv()
            except MediaStreamError:
                return
            sub.last_media = time.monotonic()
            sub.ever_media = True
            if sub.stalled:
                sub.stalled = False
                self.host.media_health_changed()
            if kind == "video":
                frame, _ = newest_frame(track, frame)
                sub.video_frames += 1
                sub.last_video = sub.last_media
                if sub.video_paused:
                    sub.video_paused = False
                    self.host.emit(VideoPaused(sub.peer_id, False))
                self.host.remote_video_frame(sub.peer_id, frame)
            else:
                sub.audio_frames += 1
                self.host.remote_audio_frame(sub.peer_id, frame)

    def _spawn(self, sub: Subscription, coro: Any) -> None:
        task = asyncio.ensure_future(coro)
        sub.tasks.add(task)
        task.add_done_callback(sub.tasks.discard)

    async def _close_sub(self, sub: Subscription) -> None:
        pc, sub.pc = sub.pc, None
        for task in list(sub.tasks):
            task.cancel()
        if sub.handle is not None:
            await sub.handle.detach()
        if pc is not None:
            with contextlib.suppress(Exception):
                await pc.close()

    # ------------------------------------------------------------------ relays from the hub

    async def identity_received(self, peer_id: str, data: dict[str, Any]) -> None:
        """A publish announcement or a message envelope relayed by the hub from ``peer_id``."""
        if peer_id not in self.members:
            return
        kind = data.get("t")
        if kind == SFU_ENVELOPE_KIND:
            try:
                envelope = self.reassembler.feed(peer_id, data)
            except channel.ChannelError as exc:
                log.warning("bad message from %s: %s", peer_id, exc)
                return
            if (
                envelope is not None
                and isinstance(envelope.get("id"), str)
                and self.seen.first_time(envelope["id"])
            ):
                self.host.envelope_received(peer_id, self.members[peer_id], envelope)
            return
        if kind != SFU_PUBLISH_KIND:
            return
        feed, session = data.get("feed"), data.get("session")
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in (feed, session)):
            return
        now = time.monotonic()
        previous = self.announced.get(peer_id)
        if previous is not None:
            if now - previous.window_at > 60:
                previous.count, previous.window_at = 0, now
            previous.count += 1
            if previous.count > MAX_ANNOUNCES_PER_PEER or session < previous.session:
                return  # a flood, or an older announcement replayed: a no-op
            if data == previous.data:
                return
        self.announced[peer_id] = Announcement(
            feed,
            session,
            data,
            previous.count if previous else 0,
            now,  # type: ignore[arg-type]
        )
        self.checked.pop(peer_id, None)
        if previous is None:
            # The first word from this office: it may have joined while our own announcement
            # was on its way (before its welcome was handled), so say ours to it once more.
            await self._announce(peer_id)
        await self._refresh()

    # ------------------------------------------------------------------ who is on each feed

    def _verdict(self, peer_id: str) -> PeerVerification:
        announcement = self.announced.get(peer_id)
        sub = self.subs.get(peer_id)
        ticket = self.ticket
        if announcement is None or sub is None or ticket is None:
            return PeerVerification(peer_id)
        trusted = self.host.trusted_offices
        cached = self.checked.get(peer_id)
        # Checked again when the feed or the pinned offices change (trust made or withdrawn
        # in the call replaces the engine's TrustedOffices object).
        if cached is not None and cached[0] is trusted and cached[1] == sub.feed:
            checked = cached[2]
        else:
            checked = check_publish(
                announcement.data,
                trusted,
                room=self.host.room,
                sender=peer_id,
                sfu_room=ticket.room,
                feed=sub.feed,
            )
            self.checked[peer_id] = (trusted, sub.feed, checked)
        if checked.code == VerifyCode.NO_IDENTITY and now_minus(sub.started_at) < IDENTITY_WAIT_S:
            return PeerVerification(peer_id, session=announcement.session)
        return PeerVerification(
            peer_id,
            status=checked.status,
            code=checked.code,
            office=checked.office if checked.status in ("verified", "mismatch") else "",
            session=announcement.session,
        )

    def _publish_verification(self, peer_id: str) -> None:
        state = self._verdict(peer_id)
        if self.states.get(peer_id) != state:
            self.states[peer_id] = state
            self.host.emit(PeerVerificationChanged(state))

    def verification(self, peer_id: str) -> PeerVerification | None:
        if peer_id not in self.members:
            return None
        return self.states.get(peer_id) or PeerVerification(peer_id)

    # ------------------------------------------------------------------ what is on screen

    async def prefer_layer(self, peer_id: str, layer: Layer | None) -> None:
        """Receive ``peer_id`` in this simulcast layer (``None``: as the window decides)."""
        if layer is None:
            self.preferred.pop(peer_id, None)
        else:
            self.preferred[peer_id] = layer
        sub = self.subs.get(peer_id)
        if sub is not None:
            await self._apply_layer(sub)

    def _wanted_layer(self, peer_id: str, sub: Subscription | None) -> Layer:
        members = set(self.members)
        shown = len(members if self.visible is None else members & self.visible)
        poor = sub is not None and time.monotonic() < sub.poor_until
        return fitting_layer(shown, self.preferred.get(peer_id), poor)

    async def _apply_layer(self, sub: Subscription) -> None:
        """Switch ``sub`` to the layer it should get (Janus ``switch``: no renegotiation)."""
        wanted = self._wanted_layer(sub.peer_id, sub)
        feed = self.feeds.get(sub.feed)
        if wanted == sub.layer or sub.handle is None or not sub.video_mids or feed is None:
            return
        mid = layer_mid(feed.streams, wanted)
        if mid is None or mid == layer_mid(feed.streams, sub.layer):
            return  # an office without layers: nothing to switch to
        try:
            await sub.handle.message(
                {
                    "request": "switch",
                    "streams": [{"feed": sub.feed, "mid": mid, "sub_mid": sub.video_mids[0]}],
                }
            )
        except JanusError as exc:
            log.info("could not switch %s to %s: %s", sub.peer_id, wanted, exc.reason)
            return
        sub.layer = wanted

    async def set_visible_peers(self, peer_ids: frozenset[str]) -> None:
        """Receive video only from these offices (the gallery's page); audio from everyone.

        Janus stops forwarding a hidden office's video (``configure`` with ``send: false``), so
        neither bandwidth nor decoding is spent on it; it resumes with a key frame when shown.
        """
        self.visible = frozenset(peer_ids)
        for sub in list(self.subs.values()):
            await self._send_video(sub, self._shown(sub.peer_id))
            await self._apply_layer(sub)  # fewer or more tiles: another layer may fit

    def _shown(self, peer_id: str) -> bool:
        return self.visible is None or peer_id in self.visible

    async def _send_video(self, sub: Subscription, send: bool) -> None:
        if sub.video_sent == send or sub.handle is None or not sub.video_mids:
            return
        try:
            await sub.handle.message(
                {
                    "request": "configure",
                    "streams": [{"mid": mid, "send": send} for mid in sub.video_mids],
                }
            )
        except JanusError as exc:
            log.info("could not %s the video of %s: %s", "resume" if send else "pause",
                     sub.peer_id, exc.reason)  # fmt: skip
            return
        sub.video_sent = send
        sub.last_video = None  # a paused picture is not a frozen one
        if send and sub.video_paused:
            sub.video_paused = False
            self.host.emit(VideoPaused(sub.peer_id, False))

    # ------------------------------------------------------------------ messages

    async def send_envelope(self, peer_id: str | None, envelope: dict[str, Any]) -> None:
        payloads = relay_payloads(envelope)  # ChannelError above the data channel's limit
        targets = list(self.members) if peer_id is None else [peer_id]
        if peer_id is not None and peer_id not in self.members:
            raise KeyError(peer_id)
        for target in targets:
            for payload in payloads:
                if len(payloads) > 1:
                    await self.pacer.wait()  # a single relay is within the hub's burst
                await self.host.send_relay(target, payload)

    # ------------------------------------------------------------------ health

    async def tick(self) -> None:
        now = time.monotonic()
        if self.ticket is not None and (
            self.session is None or self._session_lost() or self.publisher_lost
        ):
            if any(not sub.stalled for sub in self.subs.values()):
                for sub in self.subs.values():
                    sub.stalled = True  # no media while we are not at Janus: say reconnecting
                self.host.media_health_changed()
            if now - self._attempt_at > RETRY_S and not self._closed:
                await self._connect(self.ticket)
            return
        for peer_id, sub in list(self.subs.items()):
            silent = now - (sub.last_media or sub.started_at)
            if (sub.ever_media and silent > STALL_S) or (
                not sub.ever_media and silent > NO_MEDIA_S
            ):
                if not sub.stalled:
                    sub.stalled = True
                    self.host.media_health_changed()
                if now - sub.started_at > RETRY_S:
                    log.info("feed of %s stalled; subscribing again", peer_id)
                    del self.subs[peer_id]
                    await self._close_sub(sub)
                    await self._subscribe(peer_id, sub.feed)
                    self.subs[peer_id].stalled = True
                continue
            if (
                sub.video_sent
                and not sub.video_paused
                and sub.last_video is not None
                and now - sub.last_video > FREEZE_S
            ):
                sub.video_paused = True
                self.host.emit(VideoPaused(peer_id, True))
        screen = self.screen
        if (
            screen is not None
            and now - screen.started_at > RETRY_S
            and (
                screen.failed
                or now - (screen.last_frame or screen.started_at)
                > (STALL_S if screen.frames else NO_MEDIA_S)
            )
        ):
            log.info("the presentation of %s stalled; subscribing again", screen.peer_id)
            self.screen = None
            await close_screen(screen)
            await self._follow_presenter()
        for peer_id in list(self.members):
            self._publish_verification(peer_id)
        if now - self._last_stats >= STATS_PERIOD_S:
            self._last_stats = now
            for sub in list(self.subs.values()):
                await self._stats(sub, now)

    async def _stats(self, sub: Subscription, now: float) -> None:
        pc = sub.pc
        if pc is None or pc.connectionState != "connected":
            return
        try:
            report = await pc.getStats()
        except Exception:  # noqa: BLE001 - a closing connection has no stats
            return
        rtt = None
        bytes_in = sum((s.bytesReceived or 0) for s in report.values() if s.type == "transport")
        elapsed = max(1e-3, now - sub.stats_at)
        fps = (sub.video_frames - sub.stats_frames) / elapsed
        bitrate = None
        if sub.stats_bytes is not None and bytes_in >= sub.stats_bytes:
            bitrate = (bytes_in - sub.stats_bytes) * 8 / 1000 / elapsed
        sub.stats_at, sub.stats_frames, sub.stats_bytes = now, sub.video_frames, bytes_in
        if sub.layer == HIGH and sub.video_sent and sub.ever_media and fps < POOR_FPS:
            sub.poor_seconds += 1
            if sub.poor_seconds >= POOR_S:
                # The high layer does not get through: the low one for a while.
                sub.poor_until, sub.poor_seconds = now + RETRY_HIGH_S, 0
        else:
            sub.poor_seconds = 0
        await self._apply_layer(sub)
        self.host.emit(StatsUpdated(sub.peer_id, rtt, None, bitrate, fps))

    def _snapshot(self) -> None:
        self._participants = dict(self.members)

    def participants(self) -> dict[str, str]:
        return dict(self._participants)

    def reconnecting(self) -> bool:
        if (
            self.ticket is not None
            and self.members
            and (self.session is None or self._session_lost() or self.publisher_lost)
        ):
            return True  # not at Janus (yet again): nobody's media reaches us
        return any(sub.stalled for sub in self.subs.values())

    def media_flowing(self) -> bool:
        now = time.monotonic()
        return any(
            sub.last_media is not None and now - sub.last_media < STALL_S
            for sub in self.subs.values()
        )

    async def _drop_session(self) -> None:
        self.screen_budget = False  # a new publisher starts at the room's cap
        screen, self.screen = self.screen, None
        if screen is not None:
            await close_screen(screen)
        for sub in list(self.subs.values()):
            await self._close_sub(sub)
        self.subs.clear()
        self.feeds.clear()
        pc, self.publisher_pc = self.publisher_pc, None
        if pc is not None:
            with contextlib.suppress(Exception):
                await pc.close()
        for track in self.local_tracks:
            track.stop()
        self.local_tracks = []
        session, self.session, self.publisher = self.session, None, None
        if session is not None:
            await session.close()

    async def close(self) -> None:
        self._closed = True
        async with self._connect_lock:
            await self._drop_session()
        self.members.clear()
        self._snapshot()


def now_minus(moment: float) -> float:
    """Seconds since ``moment`` (monotonic)."""
    return time.monotonic() - moment


def video_mids(joined: dict[str, Any]) -> list[str]:
    """The mids of the video streams in a subscriber's ``attached`` event (bounded)."""
    streams = joined.get("streams")
    if not isinstance(streams, list):
        return []
    return [
        str(item["mid"])[:16]
        for item in streams[:8]
        if isinstance(item, dict) and item.get("type") == "video" and "mid" in item
    ]


_ENCODER_SLOT = "_RTCRtpSender__encoder"  # aiortc makes its encoder lazily unless one is here


def _fixed_rate(sender: RTCRtpSender, bps: int) -> None:
    """Give ``sender`` a VP8 encoder at ``bps`` (aiortc makes its own lazily otherwise)."""
    slot = _ENCODER_SLOT
    if getattr(sender, slot, "absent") is None:
        encoder = AdaptiveVp8Encoder()
        encoder.set_rate(bps)
        setattr(sender, slot, encoder)
