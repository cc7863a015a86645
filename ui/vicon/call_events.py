"""Bridge events telling the rest of the app that a call opened or closed.

Other areas (agreement co-review, the signing ceremony) send and receive typed app messages
through the call's :class:`~ui.vicon.controller.CallController`. They learn about it with::

    context.bridge.subscribe(CallOpened, lambda e: e.controller.sig_app_message.connect(...))
    context.bridge.subscribe(CallClosed, ...)

The Sessions page posts these on ``context.bridge`` (GUI thread).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ui.vicon.call_window import CallWindow
    from ui.vicon.controller import CallController


@dataclass(frozen=True)
class CallOpened:
    """A call window opened; ``controller`` is live until the matching :class:`CallClosed`.

    ``window.add_side_panel(title, widget)`` puts an area's own panel next to the chat.
    """

    controller: CallController
    room: str
    window: CallWindow | None = None


@dataclass(frozen=True)
class CallClosed:
    """The call window closed; its controller's engine has been shut down."""

    controller: CallController
    room: str
