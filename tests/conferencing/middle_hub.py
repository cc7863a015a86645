"""A malicious hub: the real :class:`HubServer`, plus a party in the middle of every call.

It answers each offer with its own aiortc peer connection and makes its own offer to the
callee, so it terminates DTLS on both sides and relays media (decoded and re-encoded) and the
``lintas`` data channel between them. It counts the frames it saw from each office: proof the
attack really carried the call. Identity bindings are forwarded untouched (or dropped with
``drop_identity``); it cannot forge them.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import Counter
from typing import Any

from aiohttp import web
from aiortc import (
    MediaStreamTrack,
    RTCDataChannel,
    RTCPeerConnection,
    RTCSessionDescription,
)
from aiortc.contrib.media import MediaRelay
from aiortc.mediastreams import MediaStreamError

from conferencing import protocol as p
from conferencing.call_identity import RELAY_KIND
from conferencing.hub.server import HubServer, Member


class _Splice:
    """One intercepted negotiation: the caller-facing and the callee-facing connections."""

    def __init__(self, caller: Member, callee: Member, session: int) -> None:
        self.caller, self.callee, self.session = caller, callee, session
        self.pc_caller = RTCPeerConnection()
        self.pc_callee = RTCPeerConnection()
        self.dc_caller: RTCDataChannel | None = None
        self.dc_callee: RTCDataChannel | None = None
        self.pending: dict[str, list[Any]] = {"to_callee": [], "to_caller": []}


class MiddleHub(HubServer):
    """The hub in the middle; ``frames_seen[office]`` counts decoded frames it relayed."""

    def __init__(self, *args: Any, drop_identity: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.drop_identity = drop_identity
        self.relay = MediaRelay()
        self.frames_seen: Counter[str] = Counter()
        self.channel_messages = 0
        self.splices: dict[tuple[str, str, int], _Splice] = {}
        self._tasks: set[asyncio.Task[None]] = set()

    async def _dispatch(
        self, ws: web.WebSocketResponse, state: dict[str, Member | None], message: p.Message
    ) -> None:
        member = state["member"]
        room = self._room_of(member) if member is not None else None
        if member is not None and room is not None and isinstance(message, p.Signal):
            target = room.members.get(message.to or "")
            if target is not None and message.sdp and message.kind in ("offer", "answer"):
                if message.kind == "offer":
                    await self._intercept_offer(member, target, message)
                else:
                    await self._intercept_answer(member, target, message)
                return
        if (
            self.drop_identity
            and isinstance(message, p.Relay)
            and message.data.get("t") == RELAY_KIND
        ):
            return
        await super()._dispatch(ws, state, message)

    # ------------------------------------------------------------------ the splice

    def _watch(self, office: str, track: MediaStreamTrack) -> None:
        counter = self.relay.subscribe(track)

        async def count() -> None:
            while True:
                try:
                    await counter.recv()
                except MediaStreamError:
                    return
                if track.kind == "video":
                    self.frames_seen[office] += 1

        task = asyncio.ensure_future(count())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _bridge(self, splice: _Splice) -> None:
        def forward(direction: str, message: str | bytes) -> None:
            self.channel_messages += 1
            target = splice.dc_callee if direction == "to_callee" else splice.dc_caller
            if target is not None and target.readyState == "open":
                target.send(message)
            else:
                splice.pending[direction].append(message)

        def flush(direction: str) -> None:
            target = splice.dc_callee if direction == "to_callee" else splice.dc_caller
            queued, splice.pending[direction] = splice.pending[direction], []
            for message in queued:
                assert target is not None
                target.send(message)

        @splice.pc_caller.on("datachannel")
        def on_caller_channel(dc: RTCDataChannel) -> None:
            splice.dc_caller = dc
            dc.on("message", lambda m: forward("to_callee", m))
            flush("to_caller")

        dc = splice.pc_callee.createDataChannel("lintas", ordered=True)
        splice.dc_callee = dc
        dc.on("message", lambda m: forward("to_caller", m))
        dc.on("open", lambda: flush("to_callee"))

    async def _intercept_offer(self, caller: Member, callee: Member, offer: p.Signal) -> None:
        splice = _Splice(caller, callee, offer.session)
        self.splices[(caller.peer_id, callee.peer_id, offer.session)] = splice
        caller_tracks: list[MediaStreamTrack] = []
        splice.pc_caller.on("track", caller_tracks.append)
        self._bridge(splice)
        await splice.pc_caller.setRemoteDescription(
            RTCSessionDescription(sdp=offer.sdp or "", type="offer")
        )
        for track in caller_tracks:
            self._watch(caller.office, track)
            splice.pc_callee.addTrack(self.relay.subscribe(track))
        await splice.pc_callee.setLocalDescription(await splice.pc_callee.createOffer())
        await self._send(
            callee.ws,
            p.Signal(
                "offer",
                offer.session,
                splice.pc_callee.localDescription.sdp,
                from_=caller.peer_id,
            ),
        )

    async def _intercept_answer(self, callee: Member, caller: Member, answer: p.Signal) -> None:
        splice = self.splices.get((caller.peer_id, callee.peer_id, answer.session))
        if splice is None:
            return
        callee_tracks: list[MediaStreamTrack] = []
        splice.pc_callee.on("track", callee_tracks.append)
        await splice.pc_callee.setRemoteDescription(
            RTCSessionDescription(sdp=answer.sdp or "", type="answer")
        )
        for track in callee_tracks:
            self._watch(callee.office, track)
            splice.pc_caller.addTrack(self.relay.subscribe(track))
        await splice.pc_caller.setLocalDescription(await splice.pc_caller.createAnswer())
        await self._send(
            caller.ws,
            p.Signal(
                "answer",
                answer.session,
                splice.pc_caller.localDescription.sdp,
                from_=callee.peer_id,
            ),
        )

    async def stop(self) -> None:
        """Close the spliced connections too."""
        for task in list(self._tasks):
            task.cancel()
        for splice in self.splices.values():
            for pc in (splice.pc_caller, splice.pc_callee):
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(pc.close(), 5.0)
        await super().stop()
