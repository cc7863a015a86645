"""Presenting through Janus: the presentation is one more stream of the presenter's feed.

Every office publishes, beside its camera layers, an idle screen stream described
:data:`~conferencing.topology.sfu_layers.SCREEN` (the same idle-until-presenting track and the
same detail-tuned encoder as a mesh link, :class:`~conferencing.presenting.ScreenVp8Encoder`),
so starting to present needs no renegotiation with Janus: the engine puts the slide or screen
on that track once the hub names the office presenter.

Each viewer holds at most one :class:`ScreenSubscription`: a receive-only connection to the
presenter's screen mid alone, separate from the camera subscription so that following the
presenter (who starts, stops, or is taken over by the host) is one ``join`` or one ``detach``
and never renegotiates a camera. Frames go to the engine's presentation path
(``host.remote_screen_frame``), exactly as from a mesh link.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from dataclasses import dataclass, field
from typing import Any

from aiortc import MediaStreamTrack, RTCPeerConnection, RTCSessionDescription
from aiortc.mediastreams import MediaStreamError

from conferencing import jitter
from conferencing import protocol as p
from conferencing.janus_client import JanusError, JanusSession, SfuCode
from conferencing.linkhealth import limit_gathering
from conferencing.presenting import MAX_SCREEN_SIDE
from conferencing.topology.base import TopologyHost, newest_frame
from conferencing.topology.mesh import SCREEN_JITTER

log = logging.getLogger(__name__)


@dataclass
class ScreenSubscription:
    """Our receive-only connection to the presenter's screen stream."""

    peer_id: str
    feed: int
    mid: str
    handle: Any = None  # JanusHandle
    pc: RTCPeerConnection | None = None
    tasks: set[asyncio.Task[Any]] = field(default_factory=set)
    started_at: float = field(default_factory=time.monotonic)
    last_frame: float | None = None
    frames: int = 0
    failed: bool = False  # the subscription could not be made: tried again from tick()

    def key(self) -> tuple[str, int, str]:
        """What it follows: the presenter, its feed and the screen mid."""
        return (self.peer_id, self.feed, self.mid)


async def subscribe_screen(
    session: JanusSession,
    ticket: p.SfuInfo,
    host: TopologyHost,
    peer_id: str,
    feed: int,
    mid: str,
) -> ScreenSubscription:
    """Subscribe to ``mid`` of ``feed`` (``peer_id``'s presentation); frames go to ``host``.

    A failure is logged and leaves a subscription marked ``failed`` (the caller retries)."""
    sub = ScreenSubscription(peer_id, feed, mid)
    try:
        sub.handle = await session.attach()
        _, jsep = await sub.handle.message(
            {
                "request": "join",
                "ptype": "subscriber",
                "room": ticket.room,
                "pin": ticket.pin,
                "streams": [{"feed": feed, "mid": mid}],
            }
        )
        if jsep is None or jsep.get("type") != "offer" or not isinstance(jsep.get("sdp"), str):
            raise JanusError(SfuCode.PROTOCOL, "the SFU sent no offer for a presentation")
        pc = RTCPeerConnection(configuration=host.rtc_configuration())
        sub.pc = pc

        @pc.on("track")
        def on_track(track: MediaStreamTrack) -> None:
            if sub.pc is pc and track.kind == "video":
                task = asyncio.ensure_future(_consume(sub, pc, track, host))
                sub.tasks.add(task)
                task.add_done_callback(sub.tasks.discard)

        await pc.setRemoteDescription(RTCSessionDescription(sdp=jsep["sdp"], type="offer"))
        for transceiver in pc.getTransceivers():
            if transceiver.kind == "video":
                # A slide's key frame is well over a hundred packets.
                jitter.install(transceiver.receiver, capacity=SCREEN_JITTER)
        limit_gathering(pc)
        await pc.setLocalDescription(await pc.createAnswer())
        await sub.handle.message(
            {"request": "start"}, {"type": "answer", "sdp": pc.localDescription.sdp}
        )
    except JanusError as exc:
        log.info("subscribing to the presentation of %s failed: %s", peer_id, exc.reason)
        sub.failed = True
    return sub


async def _consume(
    sub: ScreenSubscription, pc: RTCPeerConnection, track: MediaStreamTrack, host: TopologyHost
) -> None:
    while sub.pc is pc:
        try:
            frame = await track.recv()
        except MediaStreamError:
            return
        frame, _ = newest_frame(track, frame)
        if max(frame.width, frame.height) > MAX_SCREEN_SIDE:
            continue  # larger than any presentation we send: not handed on (memory)
        sub.last_frame = time.monotonic()
        sub.frames += 1
        host.remote_screen_frame(sub.peer_id, frame)


async def close_screen(sub: ScreenSubscription) -> None:
    """Leave the presentation: detach from Janus and hang up (best effort)."""
    pc, sub.pc = sub.pc, None
    for task in list(sub.tasks):
        task.cancel()
    if sub.handle is not None:
        await sub.handle.detach()
    if pc is not None:
        with contextlib.suppress(Exception):
            await pc.close()
