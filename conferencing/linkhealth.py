"""Telling the user why media cannot flow: TURN credentials, TURN reachability, ICE failure.

aioice swallows what went wrong while it gathers candidates (a relay candidate that fails is
simply missing), and waits up to 5 s for STUN and TURN servers that never answer. This module

* bounds gathering to :data:`GATHER_TIMEOUT_S` on every ICE connection of a peer connection,
  so ``setLocalDescription`` never waits longer for a dead STUN or TURN server;
* bounds what waits in asyncio's send buffer (:data:`SEND_BUFFER_LIMIT`), so a congested
  local interface drops instead of queueing media for seconds;
* bounds each ICE connectivity check to :data:`CHECK_RETRANSMISSIONS` retransmissions, so
  when no path exists (a firewall drops UDP) the call says so after about 15 s instead of
  aioice's 63 s;
* probes each TURN server the hub hands out once per join (one allocation, released at once)
  and says which failed and how, as a :class:`MediaCode` the UI translates.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
from enum import StrEnum
from typing import Any

from aioice import stun, turn
from aiortc import RTCPeerConnection
from aiortc.rtcicetransport import parse_stun_turn_uri

log = logging.getLogger(__name__)

GATHER_TIMEOUT_S = 2.0
# Datagrams the kernel would not take yet and asyncio keeps for later. A rate limit on this
# host's own interface (tbf) makes the socket push back; asyncio's buffer is unbounded, so
# media would queue for seconds. Beyond this many bytes (~0.5 s at 1 Mbit/s) a datagram is
# dropped, as a router's full queue would, and the far side's loss reports tell the
# congestion controller.
SEND_BUFFER_LIMIT = 64 * 1024
PROBE_TIMEOUT_S = 2.0
# aioice retransmits a check 6 times (0.5 s doubling: it gives up after 63.5 s); 4 gives up
# after 15.5 s and still rides out a 15 % lossy line (0.15 ** 5 of checks lost for good).
CHECK_RETRANSMISSIONS = 4


class MediaCode(StrEnum):
    """Why media cannot flow (``EngineError.code``; translated in ``ui.vicon.messages``)."""

    TURN_AUTH = "turn-auth-failed"  # the relay server refused the user name or password
    TURN_UNREACHABLE = "turn-unreachable"  # the relay server did not answer
    ICE_FAILED = "ice-failed"  # no network path to another office was found


def limit_gathering(pc: RTCPeerConnection, seconds: float = GATHER_TIMEOUT_S) -> None:
    """Make every ICE gatherer of ``pc`` give up on STUN/TURN servers after ``seconds``.

    Call right before ``setLocalDescription`` (the transports exist by then). aioice's
    ``get_component_candidates`` takes the timeout as a parameter; it is bound per connection,
    nothing global changes.
    """
    transports = [t.sender.transport for t in pc.getTransceivers()]
    if pc.sctp is not None:
        transports.append(pc.sctp.transport)
    for dtls in transports:
        connection = getattr(getattr(dtls, "transport", None), "iceGatherer", None)
        connection = getattr(connection, "_connection", None)
        if connection is None or getattr(connection, "_lintas_bounded", False):
            continue
        original = connection.get_component_candidates
        connection.get_component_candidates = functools.partial(
            _bounded, original, int(max(1, seconds))
        )
        connection._lintas_bounded = True


async def _bounded(original: Any, timeout: int, *args: Any, **kwargs: Any) -> Any:
    kwargs["timeout"] = timeout
    candidates = await original(*args, **kwargs)
    connection = getattr(original, "__self__", None)
    for protocol in list(getattr(connection, "_protocols", [])):
        _drop_when_backlogged(protocol)
        _bound_checks(protocol)
    return candidates


def _bound_checks(protocol: Any) -> None:
    """Give STUN requests without their own retransmission count :data:`CHECK_RETRANSMISSIONS`."""
    if getattr(protocol, "_lintas_checks", False) or not hasattr(protocol, "request"):
        return
    original = protocol.request

    async def request(*args: Any, **kwargs: Any) -> Any:
        if kwargs.get("retransmissions") is None and len(args) < 4:
            kwargs["retransmissions"] = CHECK_RETRANSMISSIONS
        return await original(*args, **kwargs)

    protocol.request = request
    protocol._lintas_checks = True


def _drop_when_backlogged(protocol: Any) -> None:
    """Drop outgoing media datagrams while the local send buffer is over its limit."""
    if getattr(protocol, "_lintas_bounded", False) or not hasattr(protocol, "send_data"):
        return
    original = protocol.send_data

    async def send_data(data: bytes, addr: tuple[str, int]) -> None:
        transport = getattr(protocol, "transport", None)
        size = getattr(transport, "get_write_buffer_size", None)
        if size is not None and size() > SEND_BUFFER_LIMIT:
            return  # a full queue drops; RTCP loss reports make the sender slow down
        await original(data, addr)

    protocol.send_data = send_data
    protocol._lintas_bounded = True


class _Quiet(asyncio.DatagramProtocol):
    """The probe's inner protocol: it never sends through the relay."""


async def probe_turn(
    urls: list[str], username: str | None, credential: str | None
) -> MediaCode | None:
    """Try one allocation on the first UDP ``turn:`` URL; ``None`` when it works (or no TURN)."""
    for url in urls:
        try:
            parsed = parse_stun_turn_uri(url)
        except ValueError:
            continue
        if parsed["scheme"] != "turn" or parsed.get("transport", "udp") != "udp":
            continue
        try:
            transport, _ = await asyncio.wait_for(
                turn.create_turn_endpoint(
                    _Quiet, (parsed["host"], parsed["port"]), username, credential, lifetime=60
                ),
                PROBE_TIMEOUT_S,
            )
        except stun.TransactionFailed as exc:
            log.info("TURN server %s refused the allocation: %s", url, exc)
            code = exc.response.attributes.get("ERROR-CODE", (0, ""))[0]
            return MediaCode.TURN_AUTH if code in (401, 403, 431, 441) else (
                MediaCode.TURN_UNREACHABLE
            )
        except (TimeoutError, OSError, ConnectionError, stun.TransactionTimeout) as exc:
            log.info("TURN server %s did not answer: %s", url, exc)
            return MediaCode.TURN_UNREACHABLE
        with contextlib.suppress(Exception):
            transport.close()
        return None
    return None
