"""Every receiver report about our video, as it arrives, for congestion control.

aiortc's ``getStats()`` gives the round-trip time smoothed over many reports (a weight of 0.85
on the past): after a queue drained it kept saying "queue" for some 15 s, and congestion control
kept lowering the rate of a link that was already empty. And aiortc only remembers its latest
sender report: when the queue makes the round trip longer than the gap between two sender
reports (about a second), no report yields a round-trip time at all, just when it matters.
:class:`ReportTap` wraps the sender's RTCP send and receive methods (aiortc's own code runs
unchanged), remembers the last few sender reports, and keeps each receiver report's own
round-trip time and fraction lost.

It also bounds retransmissions. aiortc's receiver repeats every still-missing sequence number in
each NACK, and its sender retransmits each one every time: under a full rate-limit queue that
was a retransmission storm which kept the queue full seconds after the video rate had been
lowered. A packet is retransmitted again only after a round trip (its first retransmission
may still be on its way), and retransmissions stay within :data:`RTX_SHARE` of the video rate.
"""

from __future__ import annotations

import functools
import time
from collections import deque
from dataclasses import dataclass
from typing import Any

from aiortc.rtp import RtcpRrPacket, RtcpSrPacket

SENT_REPORTS = 16  # sender reports remembered (about 16 s)
RTX_REPEAT_MIN_S = 0.02  # the same packet is retransmitted again after a round trip, at least
RTX_REPEAT_MAX_S = 0.3  # ... and at most this long, however long the round trip looks
RTX_SHARE = 0.4  # retransmissions per second, as a share of the video bitrate
RTX_PACKET_BYTES = 1200  # what one retransmission is counted as


@dataclass(frozen=True)
class Report:
    """One receiver report block about our stream."""

    at: float  # time.monotonic() when it arrived
    rtt_ms: float | None  # None when the report did not echo our latest sender report
    fraction_lost: float  # 0..1


class ReportTap:
    """Collects the receiver reports about one sender's stream."""

    def __init__(self, sender: Any) -> None:
        self.reports: deque[Report] = deque(maxlen=64)
        self._sent: dict[int, float] = {}  # LSR (middle 32 bits of the NTP time) -> time.time()
        self.attached = hasattr(sender, "_send_rtcp") and hasattr(sender, "_handle_rtcp_packet")
        if not self.attached:
            return  # aiortc changed shape: congestion control falls back to getStats()
        send, handle = sender._send_rtcp, sender._handle_rtcp_packet
        self.rate_bps = 600_000  # the video target, kept up to date by the engine
        self.rtx_sent = self.rtx_skipped = 0
        self._rtx_at: dict[int, float] = {}
        self._rtx_budget = 0.0
        self._rtx_clock = time.monotonic()

        @functools.wraps(send)
        async def send_rtcp(packets: list[Any]) -> None:
            for packet in packets:
                if isinstance(packet, RtcpSrPacket):
                    self._sent[(packet.sender_info.ntp_timestamp >> 16) & 0xFFFFFFFF] = time.time()
                    while len(self._sent) > SENT_REPORTS:
                        del self._sent[next(iter(self._sent))]
            await send(packets)

        @functools.wraps(handle)
        async def handle_rtcp(packet: Any) -> None:
            if isinstance(packet, (RtcpRrPacket, RtcpSrPacket)):
                self._note(sender._ssrc, packet)
            await handle(packet)

        sender._send_rtcp = send_rtcp
        sender._handle_rtcp_packet = handle_rtcp
        if hasattr(sender, "_retransmit"):
            retransmit = sender._retransmit

            @functools.wraps(retransmit)
            async def bounded_retransmit(sequence_number: int) -> None:
                if self._may_retransmit(sequence_number):
                    await retransmit(sequence_number)

            sender._retransmit = bounded_retransmit

    def _may_retransmit(self, sequence_number: int) -> bool:
        now = time.monotonic()
        per_s = self.rate_bps * RTX_SHARE / 8 / RTX_PACKET_BYTES
        self._rtx_budget = min(per_s, self._rtx_budget + (now - self._rtx_clock) * per_s)
        self._rtx_clock = now
        last = self._rtx_at.get(sequence_number)
        if self._rtx_budget < 1.0 or (last is not None and now - last < self.repeat_s()):
            self.rtx_skipped += 1
            return False
        self._rtx_budget -= 1.0
        self._rtx_at[sequence_number] = now
        if len(self._rtx_at) > 512:
            self._rtx_at = {s: t for s, t in self._rtx_at.items() if now - t < RTX_REPEAT_MAX_S}
        self.rtx_sent += 1
        return True

    def _note(self, ssrc: int, packet: Any) -> None:
        for block in packet.reports:
            if block.ssrc != ssrc:
                continue
            sent_at = self._sent.get(block.lsr) if block.lsr else None
            rtt = None
            if sent_at is not None and block.dlsr:
                # RFC 3550 6.4.1, as aiortc computes it, without its smoothing.
                rtt = (time.time() - sent_at - block.dlsr / 65536) * 1000.0
            self.reports.append(Report(time.monotonic(), rtt, block.fraction_lost / 256.0))

    def repeat_s(self) -> float:
        """How long a retransmitted packet is not sent again: about one round trip."""
        rtt = next((r.rtt_ms for r in reversed(self.reports) if r.rtt_ms is not None), None)
        seconds = 0.1 if rtt is None else 1.2 * rtt / 1000.0
        return min(RTX_REPEAT_MAX_S, max(RTX_REPEAT_MIN_S, seconds))

    def since(self, at: float) -> list[Report]:
        """Reports that arrived after monotonic time ``at``."""
        return [r for r in self.reports if r.at > at]
