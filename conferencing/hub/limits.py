"""The hub's bounds on what one client, one address or the whole internet can make it spend.

Nobody who has not joined is trusted with anything: a socket gets a short deadline to join, a
small frame limit until it has, and every connection a message budget (a token bucket that also
counts WebSocket pings). Descriptors are budgeted below the process limit, and a flood of
failures is logged once per interval instead of once per event.
"""

from __future__ import annotations

import logging
import resource
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class HubLimits:
    """Every bound the hub enforces; the defaults suit a 2-4 office session."""

    join_deadline_s: float = 5.0  # a socket that has not joined by then is closed
    pre_join_max_bytes: int = 4 * 1024  # largest frame read before a valid join
    joined_max_bytes: int = 80 * 1024  # after join: protocol limit (64 KiB) plus framing slack
    max_per_ip: int = 16  # open WebSockets from one address
    max_connections: int | None = None  # None: derived from the descriptor limit
    rate_per_s: float = 50.0  # sustained messages per second per connection
    burst: int = 100  # messages allowed at once
    max_dropped: int = 500  # a connection that keeps flooding past its budget is closed
    log_interval_s: float = 10.0  # at most one line per interval for each kind of flood


def descriptor_budget(reserve: int = 64) -> int:
    """How many client sockets fit under the soft descriptor limit, keeping ``reserve`` free."""
    soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY:
        return 4096
    return max(16, soft - reserve)


class TokenBucket:
    """``rate`` tokens per second up to ``burst``; :meth:`take` spends one if there is one."""

    def __init__(self, rate: float, burst: int) -> None:
        self.rate = rate
        self.burst = float(burst)
        self._tokens = float(burst)
        self._at = time.monotonic()

    def take(self) -> bool:
        now = time.monotonic()
        self._tokens = min(self.burst, self._tokens + (now - self._at) * self.rate)
        self._at = now
        if self._tokens >= 1.0:
            self._tokens -= 1.0
            return True
        return False


class ThrottledLog:
    """Logs one line per ``interval`` per key, saying how many events it stands for."""

    def __init__(self, logger: logging.Logger, interval: float) -> None:
        self._log = logger
        self._interval = interval
        self._last: dict[str, float] = {}
        self._count: dict[str, int] = {}

    def warning(self, key: str, text: str) -> bool:
        """Count one event of ``key``; log ``text`` (plus the count) if the interval has passed."""
        self._count[key] = self._count.get(key, 0) + 1
        now = time.monotonic()
        if now - self._last.get(key, -1e9) < self._interval:
            return False
        count, self._count[key] = self._count[key], 0
        self._last[key] = now
        suffix = f" ({count} times since the last report)" if count > 1 else ""
        self._log.warning("%s%s", text, suffix)
        return True
