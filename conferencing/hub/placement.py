"""Where the hub puts a new SFU room when it knows several Janus servers: the least loaded one.

A city (or Apeksi) grows past one machine by running more Janus servers beside the hub. Each
server's load is measured two ways, and the larger counts:

* **Janus's own session count** (Admin API ``list_sessions``): one session per office in a
  room, whichever hub put it there, so several hubs sharing servers still see each other's load;
* **the offices this hub has placed** on the server and not yet released: a room just created
  has no sessions yet, and without this count every room made in the same second would land
  on the same server.

A server that does not answer (down, wrong admin secret, too slow) is skipped; when none
answers, placement fails with ``SfuCode.UNREACHABLE`` and the session stays on the mesh. A
server configured without Admin API access cannot say its load: only the hub's own count is
used for it.
Janus's answer is bounded: the session list is read as a count, never trusted beyond that.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from conferencing.janus_client import JanusError, SfuCode, admin_request

log = logging.getLogger(__name__)

#: A Janus reply listing more sessions than this is not believed (and counts as this many).
MAX_SESSIONS_COUNTED = 100_000
#: How long one server may take to say its load before it is passed over.
PROBE_TIMEOUT_S = 2.0


class AdminSpec(Protocol):
    """What placement needs of a server (``JanusSpec`` has it)."""

    @property
    def admin_url(self) -> str | None: ...

    @property
    def admin_secret(self) -> str | None: ...


@dataclass(frozen=True)
class ServerLoad:
    """One server's load as seen at placement time."""

    index: int  # position in the hub's list of servers
    sessions: int | None  # Janus's own count; None when unknown (no answer, no Admin API)
    placed: int  # offices this hub placed there and has not released
    reachable: bool = True  # False when the Admin API probe failed

    @property
    def load(self) -> int:
        """The figure rooms are balanced on (the larger of the two counts)."""
        return max(self.sessions or 0, self.placed)


async def session_count(spec: AdminSpec, timeout_s: float = PROBE_TIMEOUT_S) -> int:
    """Janus's own count of sessions on the server (Admin API). Raises :class:`JanusError`."""
    reply = await asyncio.wait_for(
        admin_request(spec.admin_url, spec.admin_secret, {"janus": "list_sessions"}, timeout_s),
        timeout_s + 1,
    )
    sessions = reply.get("sessions")
    if not isinstance(sessions, list):
        raise JanusError(SfuCode.PROTOCOL, "the SFU's session list is not a list")
    return min(len(sessions), MAX_SESSIONS_COUNTED)


async def measure(specs: Sequence[AdminSpec], placed: Sequence[int]) -> list[ServerLoad]:
    """Probe every server at once; ``placed[i]`` is this hub's own count for server ``i``."""

    async def probe(spec: AdminSpec) -> tuple[int | None, bool]:
        if not (spec.admin_url and spec.admin_secret):
            return None, True  # cannot ask: the hub's own count stands for its load
        try:
            return await session_count(spec), True
        except (JanusError, TimeoutError) as exc:
            reason = exc.reason if isinstance(exc, JanusError) else "timeout"
            log.warning("SFU server %s left out of placement: %s", spec.admin_url, reason)
            return None, False

    answers = await asyncio.gather(*(probe(spec) for spec in specs))
    return [
        ServerLoad(i, count, placed[i] if i < len(placed) else 0, up)
        for i, (count, up) in enumerate(answers)
    ]


def choose(loads: Sequence[ServerLoad]) -> int:
    """Index of the least-loaded reachable server (ties: the first listed).

    Raises :class:`JanusError` (``UNREACHABLE``) when no server answered.
    """
    reachable = [load for load in loads if load.reachable]
    if not reachable:
        raise JanusError(SfuCode.UNREACHABLE, "no SFU server answered")
    return min(reachable, key=lambda load: (load.load, load.index)).index


class Placement:
    """The hub's book of which server holds how many of its offices, and the choice itself."""

    def __init__(self, specs: Sequence[AdminSpec]) -> None:
        self.specs = list(specs)
        self.placed = [0] * len(self.specs)
        self.last_loads: list[ServerLoad] = []

    async def pick(self, offices: int) -> int:
        """Choose a server for a room of ``offices`` offices and book them on it.

        The booking stands until :meth:`resize` takes it back (the room is destroyed).
        """
        self.last_loads = await measure(self.specs, self.placed)
        index = choose(self.last_loads)
        self.placed[index] += max(0, offices)
        return index

    def resize(self, index: int, delta: int) -> None:
        """Offices joined (+) or left (-) a room on server ``index``."""
        if 0 <= index < len(self.placed):
            self.placed[index] = max(0, self.placed[index] + delta)
