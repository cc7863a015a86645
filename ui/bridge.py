"""Bridge from domain events (plain callbacks, any thread) to Qt signals on the GUI thread.

The cores notify through plain Python callbacks, and the conferencing engine calls them on its own
asyncio thread. Widgets must only be touched on the GUI thread, so :meth:`EventBridge.post` hands
each event to a queued connection; the bridge's slot then runs on the thread the bridge lives in
(the GUI thread) and re-emits it. This is the pattern of electrum's ``qt_event_listener``.

Usage::

    engine.add_listener(context.bridge.post)            # engine thread -> bridge
    context.bridge.listen_to(mou.events.subscribe)      # done by ui.app at start
    context.bridge.subscribe(ParticipantJoined, self._on_joined)   # GUI thread
    context.bridge.watch_future(engine.submit(engine.join(...)), on_done, on_error)
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot


@dataclass(frozen=True)
class FutureSettled:
    """Internal event: a watched future finished (delivered to its callbacks on the GUI thread)."""

    future: concurrent.futures.Future[Any]
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None


class EventBridge(QObject):
    """Re-emits events posted from any thread as signals on the GUI thread."""

    #: Every posted event, delivered on the GUI thread (internal future notices excluded).
    event_received = Signal(object)
    # Carries events across threads; always queued so even a GUI-thread post is asynchronous,
    # which keeps ordering identical whatever thread the event came from.
    _posted = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._subscribers: list[tuple[type, Callable[[Any], None]]] = []
        self._detachers: dict[object, Callable[[], None] | None] = {}
        self._posted.connect(self._dispatch, Qt.ConnectionType.QueuedConnection)

    def listen_to(self, subscribe: Callable[[Callable[[Any], None]], Any]) -> None:
        """Feed a core's observer into the bridge, e.g. ``bridge.listen_to(mou.events.subscribe)``.

        Idempotent per ``subscribe`` function (``ui.app`` already wires ``mou.events``, so a page
        calling it again does not get every event twice). When ``subscribe`` returns an
        unsubscribe function it is kept for :meth:`detach_all`.
        """
        if subscribe in self._detachers:
            return
        # The cores keep their subscribers for the life of the process, while a bridge lives as
        # long as its Qt object: hold it weakly and stop forwarding once it is gone.
        target = weakref.ref(self)

        def forward(event: object) -> None:
            bridge = target()
            if bridge is None:
                return
            # RuntimeError: the C++ object behind the bridge was already deleted.
            with contextlib.suppress(RuntimeError):
                bridge.post(event)

        unsubscribe = subscribe(forward)
        if not callable(unsubscribe):
            self._detachers[subscribe] = None
            return
        done = False

        def detach() -> None:
            # Runs from detach_all() and again when the bridge is destroyed: only once.
            nonlocal done
            if not done:
                done = True
                unsubscribe()

        self._detachers[subscribe] = detach
        self.destroyed.connect(lambda *_: detach())

    def detach_all(self) -> None:
        """Unsubscribe from every core observer attached with :meth:`listen_to` (at shutdown)."""
        detachers = list(self._detachers.values())
        self._detachers.clear()
        for detach in detachers:
            if detach is not None:
                detach()

    def post(self, event: object) -> None:
        """Queue ``event`` for delivery on the GUI thread. Safe to call from any thread."""
        self._posted.emit(event)

    def subscribe(
        self,
        event_type: type,
        callback: Callable[[Any], None],
        owner: QObject | None = None,
    ) -> None:
        """Call ``callback(event)`` on the GUI thread for each posted instance of ``event_type``.

        The subscription ends by itself when ``owner`` is destroyed; for a bound method of a
        QObject (``self._on_event`` in a widget) that object is the owner without saying so.
        Pass ``owner=self`` when the callback is a lambda.
        """
        if owner is None:
            bound_to = getattr(callback, "__self__", None)
            owner = bound_to if isinstance(bound_to, QObject) else None
        self._subscribers.append((event_type, callback))
        if owner is not None:
            owner.destroyed.connect(lambda *_: self.unsubscribe(callback))

    def unsubscribe(self, callback: Callable[[Any], None]) -> None:
        """Stop delivering to ``callback`` (e.g. when a page closes)."""
        self._subscribers = [(t, cb) for t, cb in self._subscribers if cb != callback]

    def watch_future(
        self,
        future: concurrent.futures.Future[Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Deliver a future's result (or exception) to the callbacks on the GUI thread.

        For ``asyncio.run_coroutine_threadsafe`` futures: the done-callback runs on the engine's
        thread, so it only posts; the callbacks themselves run here on the GUI thread.
        """
        future.add_done_callback(lambda f: self.post(FutureSettled(f, on_done, on_error)))

    @Slot(object)
    def _dispatch(self, event: object) -> None:
        if isinstance(event, FutureSettled):
            self._settle(event)
            return
        self.event_received.emit(event)
        for event_type, callback in list(self._subscribers):
            if isinstance(event, event_type):
                callback(event)

    @staticmethod
    def _settle(notice: FutureSettled) -> None:
        future = notice.future
        if future.cancelled():
            if notice.on_error is not None:
                notice.on_error(concurrent.futures.CancelledError())
            return
        error = future.exception()
        if error is not None:
            if notice.on_error is not None:
                notice.on_error(error)
        elif notice.on_done is not None:
            notice.on_done(future.result())
