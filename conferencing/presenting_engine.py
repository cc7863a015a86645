"""The call engine's side of presenting (mixed into :class:`~conferencing.engine.CallEngine`).

The screen track exists on every peer connection from the start (a second video transceiver
beside the camera, see :mod:`conferencing.topology.mesh`); while nobody presents it sends
nothing. Presenting goes through the hub's presenter slot (docs/protocol.md §3): the engine
asks with ``present``, and only when the hub names this office in ``presenter`` does the slide
or screen go on the track. Another office's ``presenter`` (the host took over) stops ours.

Threads: everything here runs on the engine loop, like the engine; the screen sink runs on the
engine's frame thread and the screen observers on the engine thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import av
import numpy as np
from aiortc import MediaStreamTrack

from conferencing import protocol as p
from conferencing.fanout import TrackFanout
from conferencing.media import VideoSource
from conferencing.presenting import (
    IdleTrack,
    PresenterChanged,
    PresenterState,
    PresentingRefused,
)

if TYPE_CHECKING:
    from conferencing.signaling import HubClient
    from conferencing.topology.base import Topology

log = logging.getLogger(__name__)

#: Hub refusals about the presenter slot: said by :class:`PresentingRefused`, not as errors.
PRESENT_CODES = frozenset({p.E_PRESENTER_BUSY, p.E_PRESENT_DENIED})

ScreenSink = Callable[[str, np.ndarray], None]
FrameObserver = Callable[[str, av.VideoFrame], None]


class EnginePresenting:
    """Presenting for :class:`~conferencing.engine.CallEngine` (uses its hub, topology, emit)."""

    peer_id: str
    _hub: HubClient | None
    _topology: Topology | None

    def emit(self, event: Any) -> None:  # provided by the engine
        raise NotImplementedError

    def _init_presenting(self) -> None:
        self.presenter = PresenterState()
        self._screen_fanout: TrackFanout | None = None
        self._screen_source: VideoSource | None = None  # ours, asked for or on the track
        self._screen_sink: ScreenSink | None = None
        self._screen_observers: list[FrameObserver] = []

    # ------------------------------------------------------------------ sending

    def screen_track(self) -> MediaStreamTrack:
        """A fresh outbound screen track for one peer connection (idle until we present)."""
        if self._screen_fanout is None:
            self._screen_fanout = TrackFanout("video", IdleTrack())
        return self._screen_fanout.subscribe()

    @property
    def presenting(self) -> bool:
        """True while this office's presentation is on the screen track."""
        return self.presenter.peer_id == self.peer_id and self._screen_source is not None

    async def start_presenting(self, source: VideoSource, *, take_over: bool = False) -> None:
        """Ask the hub for the presenter slot and, once granted, send ``source`` as the screen.

        Already presenting: switch to ``source`` at once (another page, another window). The
        answer comes as an event: :class:`PresenterChanged` naming this office, or
        :class:`PresentingRefused` (someone else presents; only the host may take over).
        """
        if self._hub is None:
            raise RuntimeError("not in a call")
        self._screen_source = source
        if self.presenter.peer_id == self.peer_id:
            await self._send_screen(source)
            return
        await self._hub.send(p.Present(on=True, take_over=True if take_over else None))

    async def stop_presenting(self) -> None:
        """Stop sending the presentation and free the hub's presenter slot."""
        was = self._screen_source is not None
        self._screen_source = None
        await self._send_screen(None)
        if was and self._hub is not None:
            await self._hub.send(p.Present(on=False))

    async def _send_screen(self, source: VideoSource | None) -> None:
        if self._screen_fanout is None:
            self._screen_fanout = TrackFanout("video", IdleTrack())
        await self._screen_fanout.set_source(source.track() if source else IdleTrack())
        if source is not None and self._topology is not None:
            # A link negotiated without a screen section (a browser's offer) gets a new one.
            renegotiate = getattr(self._topology, "ensure_screen_links", None)
            if renegotiate is not None:
                await renegotiate()

    async def _presenter_announced(self, message: p.Presenter) -> None:
        """The hub says who presents now."""
        before = self.presenter
        self.presenter = PresenterState(message.peer_id or "", message.office or "")
        mine = self.presenter.peer_id == self.peer_id
        # A topology that subscribes to the presentation (the SFU) follows the presenter; it
        # goes first so that our own slide starts at the rate the SFU then allows.
        follow = getattr(self._topology, "presenter_changed", None)
        if follow is not None and before != self.presenter:
            await follow()
        if mine and self._screen_source is not None:
            await self._send_screen(self._screen_source)
        elif before.peer_id == self.peer_id and not mine and self._screen_source is not None:
            self._screen_source = None  # the host took over (or the hub freed the slot)
            await self._send_screen(None)
        if before != self.presenter:
            taken = before.peer_id == self.peer_id and self.presenter.active and not mine
            self.emit(PresenterChanged(self.presenter.peer_id, self.presenter.office, mine, taken))

    def _present_refused(self, code: str) -> None:
        self._screen_source = None
        self.emit(PresentingRefused(code, self.presenter.office))

    async def _close_presenting(self) -> None:
        if self._screen_fanout is not None:
            await self._screen_fanout.close()
        self._screen_fanout = None
        self._screen_source = None
        self.presenter = PresenterState()

    # ------------------------------------------------------------------ receiving

    def set_screen_sink(self, sink: ScreenSink | None) -> None:
        """Receive decoded presentations as ``(peer_id, HxWx3 uint8 RGB)`` on a worker thread.

        Like the frame sink: one frame at a time, newest wins, the array may be kept."""
        self._screen_sink = sink

    def add_screen_observer(self, observer: FrameObserver) -> None:
        """Every decoded remote presentation frame (reports, tests, benchmarks)."""
        self._screen_observers.append(observer)

    def remote_screen_frame(self, peer_id: str, frame: av.VideoFrame) -> None:
        """A decoded frame of ``peer_id``'s presentation arrived (called by the topology)."""
        for observer in self._screen_observers:
            try:
                observer(peer_id, frame)
            except Exception:
                log.exception("screen observer failed")
        sink = self._screen_sink
        key = f"screen:{peer_id}"
        busy: set[str] = self._sink_busy  # type: ignore[attr-defined]
        if sink is None or key in busy:
            return
        busy.add(key)

        def deliver() -> None:
            try:
                sink(peer_id, frame.to_ndarray(format="rgb24"))
            except Exception:
                log.exception("screen sink failed")
            finally:
                busy.discard(key)

        self._frame_pool().submit(deliver)  # type: ignore[attr-defined]
