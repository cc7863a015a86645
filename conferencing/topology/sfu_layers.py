"""Simulcast through Janus, the way aiortc can do it: one video stream per layer.

aiortc cannot send RID simulcast (several encodings of one track). Janus 1.x VideoRoom is
multistream, though: a publisher may send several video streams, and a subscriber's video
stream can be fed by any of them, switched without renegotiation (``switch``). So each office
publishes its camera twice, at full size (:data:`HIGH`) and small (:data:`LOW`, the engine's
180p tier), each described by name, and each subscriber receives ONE of them for each office:

* the layer fits the window: with more than :data:`HIGH_TILES` offices on screen the tiles are
  small and the low layer is enough;
* and the link: a high layer that arrives at under :data:`POOR_FPS` frames per second for
  :data:`POOR_S` seconds drops to low for that office; it goes back up after :data:`RETRY_HIGH_S`.

An office can also ask for a layer itself (``SfuTopology.prefer_layer``: the speaker view
wants the speaker in high). The publisher's extra cost is one small encode, and it is paid only
where it pays: a camera no taller than :data:`SIMULCAST_MIN_HEIGHT` is published as one layer
(libwebrtc, too, sends a single layer below about 480x270: ``kSimulcastFormats``), and its one
video serves both wishes (:func:`layer_mid` falls back to it).

The presentation is one more video stream of the same feed, described :data:`SCREEN` and never
taken for a camera layer (``conferencing/topology/sfu_screen.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Layer = Literal["high", "low"]
HIGH: Layer = "high"
LOW: Layer = "low"
DESCRIPTION = {HIGH: "lintas-high", LOW: "lintas-low"}
SCREEN = "lintas-screen"  # the presentation's stream (idle until the office presents)
#: A camera this tall or less is published without the small layer: 180p below 270p saves
#: too little to be worth a second encode.
SIMULCAST_MIN_HEIGHT = 270
LOW_TIER = 3  # conferencing.adaptation.TIERS[3]: 180p at 30 fps
LOW_BPS = 100_000  # the small layer's VP8 rate
HIGH_TILES = 4  # up to this many offices on screen, each gets the high layer
POOR_FPS = 6.0
POOR_S = 3
RETRY_HIGH_S = 15.0
MAX_STREAMS = 8


@dataclass(frozen=True)
class Stream:
    """One stream of a publisher as Janus lists it."""

    mid: str
    type: str
    description: str = ""


def publisher_streams(item: dict[str, Any]) -> tuple[Stream, ...]:
    """The streams in one entry of Janus's ``publishers`` list (bounded, checked)."""
    raw = item.get("streams")
    if not isinstance(raw, list):
        return ()
    out = []
    for entry in raw[:MAX_STREAMS]:
        if not isinstance(entry, dict) or "mid" not in entry:
            continue
        kind = entry.get("type")
        description = entry.get("description")
        out.append(
            Stream(
                str(entry["mid"])[:16],
                kind if isinstance(kind, str) else "",
                description[:64] if isinstance(description, str) else "",
            )
        )
    return tuple(out)


def camera_layers(height: int | None) -> tuple[Layer, ...]:
    """The layers to publish for a camera ``height`` pixels tall (unknown: both)."""
    if height is not None and height <= SIMULCAST_MIN_HEIGHT:
        return (HIGH,)
    return (HIGH, LOW)


def screen_mid(streams: tuple[Stream, ...]) -> str | None:
    """The publisher mid carrying the presentation, if the office published one."""
    for stream in streams:
        if stream.type == "video" and stream.description == SCREEN:
            return stream.mid
    return None


def layer_mid(streams: tuple[Stream, ...], layer: Layer) -> str | None:
    """The publisher mid carrying ``layer``; an office without layers has only its one video."""
    videos = [s for s in streams if s.type == "video" and s.description != SCREEN]
    for stream in videos:
        if stream.description == DESCRIPTION[layer]:
            return stream.mid
    return videos[0].mid if videos else None


def subscription_streams(feed: int, streams: tuple[Stream, ...], layer: Layer) -> list[dict]:
    """What to subscribe to: the feed's audio and ONE video layer (all of it when unknown)."""
    audio = [s.mid for s in streams if s.type == "audio"]
    video = layer_mid(streams, layer)
    if not audio and video is None:
        return [{"feed": feed}]
    mids = [*audio[:1], *([video] if video is not None else [])]
    return [{"feed": feed, "mid": mid} for mid in mids]


def fitting_layer(shown: int, preferred: Layer | None, poor_link: bool) -> Layer:
    """The layer for one office: its own preference, else the window, and never high on a poor
    link."""
    if poor_link:
        return LOW
    if preferred is not None:
        return preferred
    return HIGH if shown <= HIGH_TILES else LOW
