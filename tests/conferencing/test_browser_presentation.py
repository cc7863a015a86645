"""The browser guest shows a presentation (an office's second video track) large.

First a plain aiortc peer that speaks docs/protocol.md through the real hub (signed join,
offer with a camera and a 1280x720 "screen" track, trickled candidates from the browser): the
guest page in headless Chromium must put the camera on the office's tile and the second track
in the large presentation area, and take the presentation down when that office leaves. Then a
real Lintas engine presents to the guest (:func:`lintas_scenario`).

Run as ``python -m tests.conferencing.test_browser_presentation`` by :func:`run_scenario`.
"""

from __future__ import annotations

import asyncio
import json
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest

from tests.conferencing.browser import HUB_HOST, VETH_SETUP, Browser, chromium_unavailable
from tests.conferencing.netns import run_scenario

ROOM = "kb-browser-presentation"
BANDUNG, PEKANBARU = "Pemerintah Kota Bandung", "Pemerintah Kota Pekanbaru"
PRESENTER_ID = "bandung-presenter"


def test_guest_page_shows_a_second_video_track_as_the_presentation() -> None:
    reason = chromium_unavailable()
    if reason:
        pytest.skip(reason)
    r = run_scenario(
        "present", 120, module="tests.conferencing.test_browser_presentation", setup=VETH_SETUP
    )
    assert r["presenting"] == PRESENTER_ID
    assert r["presentation_size"] == [1280, 720]  # the screen track, shown large
    assert r["tile_size"] == [320, 240]  # the camera stays on the office's tile
    assert r["presentation_frames"] >= 10
    assert r["title"] == f"Presentation from {BANDUNG}"
    assert r["after_leave"] == {"presenting": "", "hidden": True}


async def scenario() -> dict[str, Any]:
    from aiortc import RTCPeerConnection, RTCSessionDescription

    from conferencing.hub.embedded import EmbeddedHub, office_certificate
    from conferencing.media import SyntheticAudioSource, SyntheticVideoSource
    from conferencing.trickle import add_remote_candidate
    from tests.conferencing.hubclient import RawClient

    cert_dir = Path(tempfile.mkdtemp(prefix="lintas-guest-hub-"))
    cert_pem, _ = office_certificate(cert_dir)
    hub = EmbeddedHub(cert_dir=cert_dir)
    url = hub.start(HUB_HOST, 0)
    browser = Browser(
        hub.guest_link(hub.invite(ROOM, PEKANBARU, 600)), cert_pem=cert_pem, lang="en-US"
    )
    office = await RawClient.connect(url)
    pc = RTCPeerConnection()
    try:
        await browser.start()
        await browser.wait_for("window.lintasGuestApi !== undefined")
        await browser.evaluate("window.lintasGuestApi.join(), true")
        await browser.wait_for("window.lintasGuest.phase === 'call'")
        welcome = await office.join(ROOM, hub.invite(ROOM, BANDUNG, 600), PRESENTER_ID)
        assert welcome is not None and welcome["type"] == "welcome", welcome
        (guest,) = welcome["peers"]
        assert guest["guest"] is True
        # The newcomer offers (§6): data channel first, then sound, camera and the screen.
        pc.createDataChannel("lintas")
        pc.addTrack(SyntheticAudioSource().track())
        pc.addTrack(SyntheticVideoSource(BANDUNG, 320, 240, 15).track())
        pc.addTrack(SyntheticVideoSource("Paparan katalog", 1280, 720, 5).track())
        await pc.setLocalDescription(await pc.createOffer())
        await office.send({"type": "signal", "to": guest["peer_id"], "kind": "offer",
                           "session": 1, "sdp": pc.localDescription.sdp})  # fmt: skip
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                msg = await office.recv(0.5)
            except TimeoutError:
                msg = None
            if msg is None or msg["type"] != "signal":
                msg = {"kind": ""}
            if msg["kind"] == "answer":
                await pc.setRemoteDescription(RTCSessionDescription(msg["sdp"], "answer"))
                _share_bundle_transport(pc)
            elif msg["kind"] == "candidate":
                await add_remote_candidate(pc, msg.get("sdp", ""), msg.get("mid"))
            if await browser.evaluate(
                "(v => v && v.videoWidth > 0)(document.querySelector('#presentation video'))"
            ):
                break
        await asyncio.sleep(2.0)
        shown = await browser.evaluate(
            "(async () => { const v = document.querySelector('#presentation video');"
            " const t = document.querySelector('.tile:not(:first-child) video');"
            " const q = v.getVideoPlaybackQuality();"
            " return {presenting: window.lintasGuest.presenting, title: v.title,"
            " presentation: [v.videoWidth, v.videoHeight], tile: [t.videoWidth, t.videoHeight],"
            " frames: q.totalVideoFrames}; })()"
        )
        shots = Path(__file__).resolve().parents[2] / "screenshots"  # gitignored, looked at
        shots.mkdir(exist_ok=True)
        await browser.screenshot(shots / "guest_page_presentation.png")
        await office.send({"type": "leave"})
        await browser.wait_for("window.lintasGuest.presenting === ''", 10)
        after = await browser.evaluate(
            "({presenting: window.lintasGuest.presenting,"
            " hidden: document.getElementById('presentation').hidden})"
        )
        return {
            "presenting": shown["presenting"],
            "presentation_size": shown["presentation"],
            "tile_size": shown["tile"],
            "presentation_frames": shown["frames"],
            "title": shown["title"],
            "after_leave": after,
        }
    finally:
        await pc.close()
        await office.close()
        await browser.close()
        hub.stop()


def _share_bundle_transport(pc: Any) -> None:
    """Put every section on the first section's transport, as the BUNDLE answer says.

    aiortc (1.x, default "balanced" policy) gives a second video section the first video
    section's transport at creation and, when the answer bundles everything, moves only the
    first of each kind onto the bundle transport: the second video track was sent into a
    transport that no longer ran (0 packets). The Lintas engine will need the same when it
    sends a presentation track.
    """
    transceivers = pc.getTransceivers()
    primary = transceivers[0].receiver.transport
    for transceiver in transceivers[1:]:
        if transceiver.sender.transport is not primary:
            transceiver.sender.setTransport(primary)
            transceiver.receiver.setTransport(primary)




def test_guest_page_shows_a_lintas_office_presenting() -> None:
    """A real Lintas engine presents to the guest: the guest offered first (one video section),
    so presenting renegotiates with a screen section; the page follows the hub's presenter."""
    reason = chromium_unavailable()
    if reason:
        pytest.skip(reason)
    r = run_scenario(
        "lintas", 150, module="tests.conferencing.test_browser_presentation", setup=VETH_SETUP
    )
    assert r["before"] == {"presenting": "", "hidden": True}  # an idle screen section is not shown
    assert r["presenting"] == r["lintas_peer"]
    assert r["presentation_size"] == [1920, 1080]
    assert r["tile_size"] == [320, 240]
    assert r["presentation_frames"] >= 3
    assert r["after_stop"] == {"presenting": "", "hidden": True}


async def lintas_scenario() -> dict[str, Any]:
    from conferencing.engine import CallEngine
    from conferencing.hub.embedded import EmbeddedHub, office_certificate
    from conferencing.media import SyntheticAudioSource, SyntheticVideoSource
    from conferencing.presenting import SlideSource, synthetic_slide

    cert_dir = Path(tempfile.mkdtemp(prefix="lintas-guest-hub-"))
    cert_pem, _ = office_certificate(cert_dir)
    hub = EmbeddedHub(cert_dir=cert_dir)
    url = hub.start(HUB_HOST, 0)
    engine = CallEngine(
        BANDUNG,
        video_source=SyntheticVideoSource(BANDUNG, 320, 240, 15),
        audio_source=SyntheticAudioSource(),
    )
    browser = Browser(
        hub.guest_link(hub.invite(ROOM, PEKANBARU, 600)), cert_pem=cert_pem, lang="en-US"
    )
    tile = "(v => v && v.videoWidth > 0)(document.querySelector('.tile:not(:first-child) video'))"
    hidden = (
        "({presenting: window.lintasGuest.presenting,"
        " hidden: document.getElementById('presentation').hidden})"
    )
    try:
        await engine.join(url, ROOM, hub.invite(ROOM, BANDUNG, 600))
        await browser.start()
        await browser.wait_for("window.lintasGuestApi !== undefined")
        await browser.evaluate("window.lintasGuestApi.join(), true")
        await browser.wait_for(tile, 30)  # the guest offered; Lintas answered camera only
        await asyncio.sleep(1.0)
        before = await browser.evaluate(hidden)
        await engine.start_presenting(SlideSource(synthetic_slide(1920, 1080)))
        await browser.wait_for(
            "(v => v && v.videoWidth > 0)(document.querySelector('#presentation video'))", 30
        )
        await asyncio.sleep(1.5)
        shown = await browser.evaluate(
            "(async () => { const v = document.querySelector('#presentation video');"
            " const t = document.querySelector('.tile:not(:first-child) video');"
            " const q = v.getVideoPlaybackQuality();"
            " return {presenting: window.lintasGuest.presenting,"
            " presentation: [v.videoWidth, v.videoHeight], tile: [t.videoWidth, t.videoHeight],"
            " frames: q.totalVideoFrames}; })()"
        )
        shots = Path(__file__).resolve().parents[2] / "screenshots"  # gitignored, looked at
        shots.mkdir(exist_ok=True)
        await browser.screenshot(shots / "guest_page_lintas_presenting.png")
        await engine.stop_presenting()
        await browser.wait_for("window.lintasGuest.presenting === ''", 10)
        return {
            "lintas_peer": engine.peer_id,
            "before": before,
            "presenting": shown["presenting"],
            "presentation_size": shown["presentation"],
            "tile_size": shown["tile"],
            "presentation_frames": shown["frames"],
            "after_stop": await browser.evaluate(hidden),
        }
    finally:
        await engine.leave()
        await browser.close()
        hub.stop()


def main() -> None:
    import sys

    run = lintas_scenario if sys.argv[-1] == "lintas" else scenario
    print(json.dumps(asyncio.run(run())), flush=True)


if __name__ == "__main__":
    main()
