"""The hub's bounds on what one client, one address or the whole internet can make it spend.

Nobody who has not joined is trusted with anything: a socket gets a short deadline to join, a
small frame limit until it has, and every connection a message budget (a token bucket that also
counts WebSocket pings). Descriptors are budgeted below the process limit, and a flood of
failures is logged once per interval instead of once per event.
"""

from __future__ import annotations

import argparse
import logging
import resource
import time
from dataclasses import dataclass, fields, replace


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

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> HubLimits:
        """The limits given on the ``hub`` command line (see :func:`add_arguments`)."""
        given = {
            name: getattr(args, name)
            for name, *_ in _OPTIONS
            if getattr(args, name, None) is not None
        }
        return replace(cls(), **given)


# (field, option, metavar, help). Defaults are shown from the dataclass, so --help never lies.
_OPTIONS: tuple[tuple[str, str, str, str], ...] = (
    ("join_deadline_s", "--join-deadline", "S",
     "seconds a new connection has to send a valid join before it is closed"),
    ("pre_join_max_bytes", "--pre-join-bytes", "N",
     "largest WebSocket frame read before a valid join (bytes)"),
    ("joined_max_bytes", "--joined-max-bytes", "N",
     "largest frame after joining (bytes; the protocol's 64 KiB plus framing)"),
    ("max_per_ip", "--max-per-ip", "N", "open connections allowed from one address"),
    ("max_connections", "--max-connections", "N",
     "open connections in all (default: below the descriptor limit, LimitNOFILE)"),
    ("rate_per_s", "--message-rate", "M", "sustained messages per second per connection"),
    ("burst", "--message-burst", "N", "messages one connection may send at once"),
    ("max_dropped", "--max-dropped", "N",
     "messages over budget before a flooding connection is closed"),
    ("log_interval_s", "--flood-log-interval", "S",
     "seconds between two log lines about the same kind of flood"),
)  # fmt: skip


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare every :class:`HubLimits` bound as an option of the ``hub`` command."""
    group = parser.add_argument_group(
        "limits", "bounds on what one client or address can make the hub spend (docs/hub.md)"
    )
    defaults = HubLimits()
    types = {f.name: f.type for f in fields(HubLimits)}
    for name, option, metavar, text in _OPTIONS:
        default = getattr(defaults, name)
        kind = float if "float" in str(types[name]) else int
        group.add_argument(
            option,
            dest=name,
            type=_positive(kind),
            metavar=metavar,
            default=None,
            help=f"{text} (default {'auto' if default is None else f'{default:g}'})",
        )


def _positive(kind: type) -> object:
    def parse(text: str) -> float | int:
        value = kind(text)
        if value <= 0:
            raise argparse.ArgumentTypeError(f"must be more than 0, got {text}")
        return value

    parse.__name__ = kind.__name__  # argparse names the type in its error message
    return parse


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
