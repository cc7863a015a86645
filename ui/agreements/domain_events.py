"""Forward the domain's committed events (``mou.events``) onto the app's event bridge, once.

The agreements and catalog pages both need them; forwarding per bridge (not per page) keeps each
event delivered exactly once however many pages subscribe.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject

from mou import events as mou_events
from ui.bridge import EventBridge

_forwarded: weakref.WeakKeyDictionary[EventBridge, object] = weakref.WeakKeyDictionary()


def forward_domain_events(bridge: EventBridge) -> None:
    """Post every committed domain event to ``bridge`` (idempotent; stops when it is deleted)."""
    if bridge in _forwarded:
        return
    ref = weakref.ref(bridge)

    def deliver(event: mou_events.DomainEvent) -> None:
        target = ref()
        if target is not None:
            try:
                target.post(event)
            except RuntimeError:  # the Qt object behind the bridge is already gone
                unsubscribe()

    unsubscribe = mou_events.subscribe(deliver)
    _forwarded[bridge] = unsubscribe
    bridge.destroyed.connect(lambda *_: unsubscribe())


def subscribe_while_alive(
    bridge: EventBridge, owner: QObject, event_type: type, callback: Callable[[Any], None]
) -> None:
    """``bridge.subscribe`` that ends when ``owner`` (a widget) is destroyed."""
    bridge.subscribe(event_type, callback)
    owner.destroyed.connect(lambda *_: bridge.unsubscribe(callback))
