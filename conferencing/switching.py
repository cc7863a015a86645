"""An office's side of a session moving between the mesh and the SFU (``topology`` message).

The hub decides (``conferencing/hub/switching.py``); the engine obeys without leaving the call:
make before break. The new topology is started beside the old one and becomes the engine's
topology at once (hub signals, ticks and messages go to it), while the old one keeps delivering
media. The old one is hung up once the new one brings video from every office, or after
:data:`SWITCH_TIMEOUT_S`. Meanwhile the UI must not hear that offices left and came back: the
old topology's events are dropped once it is being hung up, and the new one's "joined" for an
office already in the call is not passed on. Frames from both paths carry the same peer ids, so
the tiles just keep painting.

Back to the mesh, offices must not all offer to each other at once (glare): of each pair, the
office with the greater peer id offers; the other waits for its offer.

A switch whose ``epoch`` is not newer than the last one applied is a no-op (a replay).

The visible set (the gallery's page, ``set_visible_peers``) goes with the call: the new topology
starts with the old one's, so the SFU subscribes to hidden offices with their video paused, and
the old path is hung up once the new one brings video from every office *on screen*.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from dataclasses import dataclass, field
from typing import Any

from conferencing import protocol as p
from conferencing.events import EngineEvent, ParticipantJoined
from conferencing.topology.base import Topology
from conferencing.topology.mesh import MeshTopology

log = logging.getLogger(__name__)

#: The old path is hung up at the latest this long after a switch began.
SWITCH_TIMEOUT_S = 12.0


class SwitchHost:
    """The engine, as seen by a topology taking part in a switch (filters its events)."""

    def __init__(self, engine: Any) -> None:
        self._engine = engine
        self.quiet = False  # being hung up: say nothing any more
        self.known: set[str] = set()  # offices already in the call: no "joined" for them
        self.video_from: dict[str, float] = {}  # peer id -> when its last frame came this way
        self.audio_from: set[str] = set()  # peers whose sound came this way
        # The path that replaced this one: once it carries an office's media, this path's
        # frames of that office are dropped (no doubled sound, no pictures out of order).
        self.superseded_by: SwitchHost | None = None

    def __getattr__(self, name: str) -> Any:
        # Everything else (peer_id, office, room, identity, rtc_configuration, send_signal, ...)
        # is the engine's own.
        return getattr(self._engine, name)

    def emit(self, event: EngineEvent) -> None:
        """Pass an event on, unless it would tell the UI about the path changing."""
        if self.quiet:
            return
        if isinstance(event, ParticipantJoined) and event.peer_id in self.known:
            return
        self._engine.emit(event)

    def remote_video_frame(self, peer_id: str, frame: Any) -> None:
        """A frame came this way: note it (the switch completes on it) and show it."""
        newer = self.superseded_by
        if newer is not None and peer_id in newer.video_from:
            return
        self.video_from[peer_id] = time.monotonic()
        self._engine.remote_video_frame(peer_id, frame)

    def remote_audio_frame(self, peer_id: str, frame: Any) -> None:
        """Sound came this way: play it unless the newer path already brings this office's."""
        newer = self.superseded_by
        if newer is not None and peer_id in newer.audio_from:
            return
        self.audio_from.add(peer_id)
        self._engine.remote_audio_frame(peer_id, frame)


@dataclass
class SwitchState:
    """Per engine: the last switch applied and the path being hung up."""

    epoch: int = 0
    old: Topology | None = None
    old_host: SwitchHost | None = None
    finishing: asyncio.Task[None] | None = None
    switches: list[str] = field(default_factory=list)  # "sfu"/"mesh", in order (reports)


def state_of(engine: Any) -> SwitchState:
    """The engine's switch state (made on first use, so the engine needs no field for it)."""
    state = engine.__dict__.get("_switch_state")
    if state is None:
        state = engine.__dict__["_switch_state"] = SwitchState()
    return state


async def apply_switch(engine: Any, message: p.TopologySwitch) -> bool:
    """Move ``engine``'s call to the SFU (``message.sfu``) or back to the mesh.

    Returns ``False`` when the message was not newer than the last switch (nothing done).
    """
    state = state_of(engine)
    old = engine.topology
    if message.epoch <= state.epoch or old is None:
        return False
    state.epoch = message.epoch
    await _finish_now(state)  # a switch still running ends before the next begins
    peers = [p.PeerInfo(pid, office) for pid, office in old.participants().items()]
    host = SwitchHost(engine)
    host.known = {peer.peer_id for peer in peers}
    visible = old.visible  # told to the old topology while the gallery paged
    _wrap(old).superseded_by = host
    new: Topology
    if message.sfu is not None:
        from conferencing.topology.sfu import SfuTopology  # Janus only when a switch asks

        engine.sfu = message.sfu
        new = SfuTopology(host)
        new.visible = visible  # before it subscribes: hidden offices start paused
        engine._topology = new
        await new.start(peers, newcomer=True)
    else:
        engine.sfu = None
        new = MeshTopology(host)
        new.visible = visible
        engine._topology = new
        # The greater peer id offers; the other office waits (no glare).
        offer_to = [peer for peer in peers if engine.peer_id > peer.peer_id]
        for peer in peers:
            if peer not in offer_to:
                await new.peer_joined(peer)
        if offer_to:
            await new.start(peers, newcomer=True)  # offers only where no link waits
    state.switches.append("sfu" if message.sfu is not None else "mesh")
    log.info("switched to the %s (epoch %d)", state.switches[-1], message.epoch)
    state.old, state.old_host = old, _wrap(old)
    shown = [peer for peer in peers if visible is None or peer.peer_id in visible]
    state.finishing = asyncio.ensure_future(_finish(engine, state, host, shown))
    return True


async def _finish(engine: Any, state: SwitchState, host: SwitchHost, peers: list[Any]) -> None:
    """Hang up the old path once the new one brings video from every office still here.

    ``peers``: the offices on screen (a hidden office's video is paused on the new path, so
    waiting for it would only hold the old path up until :data:`SWITCH_TIMEOUT_S`)."""
    started = time.monotonic()
    before = {peer.peer_id for peer in peers}
    while time.monotonic() - started < SWITCH_TIMEOUT_S:
        waiting = (before & set(engine.participants)) - set(host.video_from)
        if not waiting:
            break
        await asyncio.sleep(0.1)
    host.known = set()  # from now on a "joined" is a real join
    await _hang_up_old(state)


async def _finish_now(state: SwitchState) -> None:
    task, state.finishing = state.finishing, None
    if task is not None and not task.done():
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
    await _hang_up_old(state)


async def _hang_up_old(state: SwitchState) -> None:
    old, state.old = state.old, None
    if old is None:
        return
    # Silence the old path: its "left" and "paused" are about a path, not about offices.
    _silence(old)
    try:
        await old.close()
    except Exception:  # noqa: BLE001 - a failing hang-up must not end the call
        log.exception("closing the old topology failed")


def _wrap(topology: Topology) -> SwitchHost:
    """The topology's host as a :class:`SwitchHost` (the engine's first one talks to the
    engine directly: it gets one now; the topology reads ``self.host`` at each call)."""
    if not isinstance(topology.host, SwitchHost):
        topology.host = SwitchHost(topology.host)
    return topology.host


def _silence(old: Topology) -> None:
    _wrap(old).quiet = True
