"""Congestion control for outgoing video: the engine, not aiortc, decides bitrate and size.

aiortc's only congestion signal is REMB, and its sender never reacts to loss. This module turns
what the far side reports in RTCP (receiver reports: fraction lost, cumulative loss, round-trip
time; REMB) into a target bitrate, and the target bitrate into a quality *tier*: a picture
height and a frame rate. Bitrate goes first; the picture steps down (720p, 540p, 360p, 180p)
when the bitrate no longer suits it, and the frame rate only on the last step.

The rules, checked once a second (:meth:`RateController.update`):

* congestion (a growing round-trip time, or loss over :data:`CONGESTED_LOSS` in two reports in a
  row) lowers the rate
  by 15-30 % or in proportion to the loss; with a long queue (RTT 300 ms over its smallest),
  also below what actually got through: the video bytes sent in the last second times the share that arrived, times
  :data:`BACKOFF`. The encoder overshoots its target, so backing off from the target alone (as
  before) left a rate-limited link overfull for many seconds;
* heavy loss (> 10 %) without a growing queue is random loss, not congestion: the rate goes down
  in proportion (as in Google congestion control) but not below :data:`LOSS_FLOOR_BPS` (the
  picture stays fluent at 360p instead of collapsing);
* some loss (2-10 %) on a steady delay raises it by 3 % a second (a noisy line, not a queue);
* light loss (< 2 %) and a steady delay raise it by 8 % a second, but only by 2 % a second for
  :data:`CAREFUL_S` after a congestion once it is near the rate that congested (probing a
  rate limit slowly keeps its queue short); never above 1.5 times a steady REMB estimate (REMB
  follows what arrives; a simple picture that does not fill its budget must not talk the rate
  down; nor as a ceiling that follows each fall: measured on a busy CPU, aiortc's estimator
  took arrival jitter for overuse and, followed, spiralled a 15 % lossy call from 480 down to
  47 kbit/s);
* a tier is left downwards at once and entered upwards only after the rate has stayed above
  it, with a margin, for :data:`UP_HOLD_S` (no flapping: every size change costs a keyframe).

Nothing here touches aiortc: :mod:`conferencing.topology.mesh` feeds the numbers in and applies
the result (:mod:`conferencing.fanout` scales frames, :class:`AdaptiveVp8Encoder` takes the rate).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from aiortc.codecs.vpx import Vp8Encoder

MIN_BPS = 60_000
MAX_BPS = 1_500_000
START_BPS = 600_000
LOSS_FLOOR_BPS = 350_000  # random loss alone never takes the rate below this
HEAVY_LOSS = 0.10
CONGESTED_LOSS = 0.25  # more loss than this is an overflowing queue, not a noisy line
LIGHT_LOSS = 0.02
DELAY_GROWTH_MS = 100.0  # RTT this far above its smallest: a queue is building
BACKOFF = 0.85  # after congestion: this share of what got through
CAREFUL_S = 20.0  # after a congestion, climb slowly near the rate that congested
REMB_HEADROOM = 1.5
UP_HOLD_S = 3.0
UP_MARGIN = 1.15
RTT_WINDOW = 30  # reports (about seconds) to remember the minimum RTT over


@dataclass(frozen=True)
class Tier:
    """One quality step: a picture height, a frame rate and the rate it needs at least."""

    height: int
    fps: int
    min_bps: int

    def size_for(self, width: int, height: int) -> tuple[int, int]:
        """The size to send a ``width`` x ``height`` source at (never larger, even numbers)."""
        if height <= self.height:
            return width, height
        scaled_w = int(round(width * self.height / height / 2)) * 2
        return max(2, scaled_w), self.height


#: Best first. A 640x480 camera stays 640x480 on the top two steps (nothing is upscaled).
TIERS: tuple[Tier, ...] = (
    Tier(720, 30, 1_100_000),
    Tier(540, 30, 650_000),
    Tier(360, 30, 220_000),
    Tier(180, 30, 90_000),
    Tier(180, 15, 0),
)


def tier_for(bps: float) -> int:
    """Index of the best tier ``bps`` can carry."""
    for index, tier in enumerate(TIERS):
        if bps >= tier.min_bps:
            return index
    return len(TIERS) - 1


@dataclass(frozen=True)
class LinkReport:
    """What the far side told us about our video in the last period (``None``: not known)."""

    fraction_lost: float | None  # 0..1, from the latest receiver report or counter deltas
    rtt_ms: float | None
    remb_bps: int | None
    sent_bps: float | None = None  # video actually sent in the period (RTP bytes, no RTX)


class RateController:
    """The target bitrate and tier of one outgoing video stream (one peer connection)."""

    def __init__(self, start_bps: int = START_BPS) -> None:
        self.bps = float(start_bps)
        self.tier = tier_for(self.bps)
        self._rtts: deque[float] = deque(maxlen=RTT_WINDOW)
        self._base_rtt: float | None = None
        self._above_since: float | None = None
        self._overflowing = False  # the previous report's loss was over CONGESTED_LOSS
        self._congested: tuple[float, float] | None = None  # (when, rate that congested)
        self.last_loss: float | None = None
        self.last_rtt_ms: float | None = None
        # (loss, rtt_ms, remb_bps, bps after) of recent reports, for reports and diagnosis.
        self.history: deque[tuple[float | None, float | None, int | None, int]] = deque(
            maxlen=120
        )

    @property
    def target_bps(self) -> int:
        """The bitrate the encoder should aim at."""
        return int(self.bps)

    def update(self, report: LinkReport, now: float) -> bool:
        """Take one report; returns True when the tier changed."""
        loss = report.fraction_lost
        rtt = report.rtt_ms
        self.last_loss, self.last_rtt_ms = loss, rtt
        delay_growing = False
        if rtt is not None:
            self._rtts.append(rtt)
            # The base is the smallest RTT ever seen on the link: under a long congestion a
            # window's minimum would itself be queueing delay and hide the queue.
            self._base_rtt = rtt if self._base_rtt is None else min(self._base_rtt, rtt)
            # A queue lasts; a busy CPU delays one report. The smaller of the last two says
            # which (each report's own RTT is used, unsmoothed: see conferencing.rtcptap).
            queued = min(list(self._rtts)[-2:]) - self._base_rtt
            delay_growing = queued > DELAY_GROWTH_MS
        remb = report.remb_bps
        heavy = loss is not None and loss > HEAVY_LOSS
        # One report over ~40 packets of a 15 % lossy line often shows more than 25 %: only
        # two in a row (or a growing queue) say the queue overflows.
        overflowing = loss is not None and loss > CONGESTED_LOSS
        congested = delay_growing or (overflowing and self._overflowing)
        self._overflowing = overflowing
        if congested:
            # Remember the highest rate of this congestion episode: climbing back, the queue
            # is expected again near it.
            recent = self._congested is not None and now - self._congested[0] < CAREFUL_S
            peak = max(self.bps, self._congested[1]) if recent and self._congested else self.bps
            self._congested = (now, peak)
            deep = bool(self._rtts) and min(list(self._rtts)[-2:]) - (self._base_rtt or 0.0) > (
                3 * DELAY_GROWTH_MS
            )
            lowered = self.bps * (1.0 - 0.5 * loss if heavy and loss else 0.7 if deep else 0.85)
            if deep and report.sent_bps:
                # A long queue: what got through is the link's share for us now. (Loss alone
                # may be a noisy line, and a short RTT rise a busy CPU: no such cut for them.)
                lowered = min(lowered, report.sent_bps * (1.0 - (loss or 0.0)) * BACKOFF)
            self.bps = lowered
        elif heavy:
            # Without a growing queue, moderate loss is the line's, not ours: lowering further
            # would only starve the picture (the loss stays the same at any rate).
            self.bps = max(self.bps * (1.0 - 0.5 * (loss or 0.0)), min(self.bps, LOSS_FLOOR_BPS))
        elif loss is None or loss < LIGHT_LOSS:
            near = self._congested is not None and (
                now - self._congested[0] < CAREFUL_S and self.bps > 0.8 * self._congested[1]
            )
            self.bps = self.bps * 1.02 if near else self.bps * 1.08 + 10_000
        elif not heavy:
            # Some loss (2-10 %) on a steady delay is a noisy line: holding the rate there for
            # good kept a 5 % lossy call at 180p. Probe upwards slowly; a queue would show.
            self.bps *= 1.03
        if remb:
            # REMB follows what arrives, and a simple picture does not fill its budget: as a
            # hard ceiling it would talk the rate down on an idle link. Keep headroom above it.
            self.bps = min(self.bps, max(remb * REMB_HEADROOM, LOSS_FLOOR_BPS))
        self.bps = max(MIN_BPS, min(MAX_BPS, self.bps))
        self.history.append((loss, rtt, report.remb_bps, int(self.bps)))
        return self._retier(now)

    def _retier(self, now: float) -> bool:
        wanted = tier_for(self.bps)
        if wanted > self.tier:  # worse: step down at once
            self.tier = wanted
            self._above_since = None
            return True
        if wanted < self.tier and self.bps >= TIERS[self.tier - 1].min_bps * UP_MARGIN:
            if self._above_since is None:
                self._above_since = now
            elif now - self._above_since >= UP_HOLD_S:
                self.tier -= 1  # one step at a time
                self._above_since = None
                return True
        else:
            self._above_since = None
        return False


class AdaptiveVp8Encoder(Vp8Encoder):
    """aiortc's VP8 encoder with the bitrate set by the engine, not by REMB alone.

    aiortc's sender writes every REMB value into ``target_bitrate`` (clamped to 250 kbps and
    more); here that only records the estimate (:attr:`remb_bps`), which the controller uses as
    a ceiling, and :meth:`set_rate` applies the engine's target, down to :data:`MIN_BPS`.
    """

    def __init__(self) -> None:
        super().__init__()
        self.remb_bps: int | None = None
        self._rate = START_BPS
        self._Vp8Encoder__target_bitrate = START_BPS  # bufsize is read from the private field

    @property  # type: ignore[override]
    def target_bitrate(self) -> int:
        """The bitrate the codec is configured with."""
        return self._rate

    @target_bitrate.setter
    def target_bitrate(self, bitrate: int) -> None:
        self.remb_bps = int(bitrate)  # aiortc's REMB path: an estimate, not an order

    def set_rate(self, bps: int) -> None:
        """Aim at ``bps`` (aiortc re-creates the codec when it moves by more than 10 %)."""
        bps = int(max(MIN_BPS, min(MAX_BPS, bps)))
        if abs(bps - self._rate) / self._rate <= 0.12:
            return  # not worth the keyframe a codec re-creation costs
        self._rate = bps
        self._Vp8Encoder__target_bitrate = bps
