"""Wiring the agreements and catalog pages need from the app's event bridge.

Both are thin on purpose: the bridge itself makes forwarding idempotent per core (``ui.app``
already wires ``mou.events``) and ends subscriptions with their owner widget, so every event is
delivered exactly once however many pages ask for it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject

from mou import events as mou_events
from ui.bridge import EventBridge


def forward_domain_events(bridge: EventBridge) -> None:
    """Make sure committed domain events reach ``bridge`` (a no-op where ``ui.app`` did it)."""
    bridge.listen_to(mou_events.subscribe)


def subscribe_while_alive(
    bridge: EventBridge, owner: QObject, event_type: type, callback: Callable[[Any], None]
) -> None:
    """``bridge.subscribe`` that ends when ``owner`` (a widget) is destroyed."""
    bridge.subscribe(event_type, callback, owner=owner)
