"""A browser guest (resources/guest, Debian's headless Chromium) in a call with a Lintas office.

Everything is real: the app's embedded hub serves the page over its own TLS, Chromium opens the
guest link with fake camera and microphone, and a headless Lintas office (``CallEngine``, the
engine behind ``main.py call``) is in the same room. It runs in a private network namespace
with a veth pair (Chromium ignores loopback candidates). Both join orders; video, audio and
chat both ways; the hub marks the guest and Lintas never verifies it.

Run as ``python -m tests.conferencing.test_browser_guest NAME`` by :func:`run_scenario`.
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from tests.conferencing.browser import HUB_HOST, VETH_SETUP, Browser, chromium_unavailable
from tests.conferencing.netns import run_scenario

ROOM = "kb-browser-guest"
BANDUNG, PEKANBARU = "Pemerintah Kota Bandung", "Pemerintah Kota Pekanbaru"
TO_GUEST, FROM_GUEST = "Salam dari Bandung", "Salam dari Pekanbaru (peramban)"
#: Over 16 KiB once encoded: travels as "LC1" binary chunks (docs/protocol.md §8) both ways.
LONG_CHAT = "Pasal 5 ayat (2) — ditinjau bersama. " * 600


def _run(name: str) -> dict[str, Any]:
    reason = chromium_unavailable()
    if reason:
        pytest.skip(reason)
    return run_scenario(
        name, 150, module="tests.conferencing.test_browser_guest", setup=VETH_SETUP
    )


def _check_call(r: dict[str, Any]) -> None:
    page = r["page"]
    assert page["phase"] == "call" and not [e for e in page["errors"] if ":" in e], page
    (figures,) = page["peers"].values()
    assert figures["office"] == BANDUNG and not figures["guest"]
    # Lintas -> browser: decoded video, and audio with energy (the 440 Hz tone).
    assert figures["framesDecoded"] >= 30, figures
    assert figures["audioPackets"] >= 50 and figures["audioEnergy"] > 0, figures
    # Browser -> Lintas: the fake camera's frames and the fake microphone's beeps.
    assert r["lintas_frames_from_guest"] >= 30, r
    assert r["lintas_audio_loud_chunks"] >= 5, r
    # Chat both ways, each acknowledged by the other side's data channel.
    assert [c["text"] for c in page["chats"] if not c["own"]] == [TO_GUEST]
    assert r["guest_chat_id"] in page["acks"]
    assert r["lintas_chats"][0] == [PEKANBARU, FROM_GUEST]
    # Chunked both ways: the guest's long chat arrives whole; Lintas's large app message too.
    assert r["lintas_chats"][1:] == [[PEKANBARU, LONG_CHAT]] and r["long_chat_id"] in page["acks"]
    ((app),) = page["apps"]
    assert app["kind"] == "lintas.test_large" and app["size"] > 40000  # 40,000 x plus envelope
    # The hub named and marked it; Lintas never took it for a verified office.
    assert r["lintas_joined"] == [[PEKANBARU, True]]
    assert r["lintas_is_guest"] is True
    assert r["lintas_verification"]["verified"] is False


def test_browser_guest_joins_after_the_lintas_office() -> None:
    r = _run("lintas-first")
    _check_call(r)
    assert r["page"]["lang"] == "id"  # Indonesian by default
    assert r["page"]["badge"] == "Tamu (peramban), tidak terverifikasi"
    # The page left with 'leave': Lintas saw it go at once, not after the 20 s grace.
    assert r["lintas_left_after_s"] is not None and r["lintas_left_after_s"] < 5


def test_lintas_office_joins_after_the_browser_guest() -> None:
    r = _run("guest-first")
    _check_call(r)
    assert r["page"]["lang"] == "en" and r["page"]["badge"] == "Guest (browser), not verified"


def test_guest_without_camera_or_microphone_is_told_and_still_sees_hears_and_chats() -> None:
    r = _run("no-devices")
    page = r["page"]
    assert page["phase"] == "call"
    # Said in plain words (Indonesian by default), with what still works.
    assert page["notices"][0] == (
        "Tidak ada kamera atau mikrofon yang ditemukan. "
        "Anda tetap bisa melihat, mendengar, dan mengobrol."
    )
    assert page["errors"] == ["media:NotFoundError"]
    (figures,) = page["peers"].values()
    assert figures["framesDecoded"] >= 30 and figures["audioEnergy"] > 0
    assert figures["framesEncoded"] == 0 and figures["audioSent"] == 0
    assert [c["text"] for c in page["chats"] if not c["own"]] == [TO_GUEST]
    assert r["lintas_chats"] == [[PEKANBARU, FROM_GUEST], [PEKANBARU, LONG_CHAT]]
    # Receive-only: Lintas does not take its silence for a stall (no new session past 6 s).
    assert r["lintas_frames_from_guest"] == 0 and figures["session"] == 1


def test_browser_guest_with_the_headless_call_command() -> None:
    """``python main.py call`` (the headless office) and the browser see each other's video."""
    r = _run("cli")
    report, page = r["report"], r["page"]
    ((peer, figures),) = report["peers"].items()
    assert figures["office"] == PEKANBARU and figures["frames"] >= 30, figures
    assert figures["verified"] is False  # a guest is never verified
    (seen,) = page["peers"].values()
    assert seen["office"] == "Pemerintah Kota Bandung" and seen["framesDecoded"] >= 30
    assert seen["audioEnergy"] > 0


def test_guest_reconnects_to_a_restarted_hub_while_the_call_goes_on() -> None:
    r = _run("hub-restart")
    notices = r["notices"]
    assert "Sambungan ke server terputus; mencoba lagi…" in notices
    lost = max(i for i, n in enumerate(notices) if n.startswith("Sambungan ke server terputus"))
    assert "Tersambung kembali." in notices[lost:]
    assert not [n for n in notices[lost:] if n.endswith("bergabung.")]  # not "joined" again
    assert r["phase"] == "call" and r["session"] == 1  # the same peer connection throughout
    assert r["frames_during_outage"] >= 15  # media never passed through the hub
    assert r["chat_after"] == "Masih tersambung"


async def restart_scenario() -> dict[str, Any]:
    from conferencing.engine import CallEngine
    from conferencing.events import ChatReceived
    from conferencing.hub.embedded import EmbeddedHub, office_certificate
    from conferencing.media import SyntheticAudioSource, SyntheticVideoSource

    cert_dir = Path(tempfile.mkdtemp(prefix="lintas-guest-hub-"))
    cert_pem, _ = office_certificate(cert_dir)
    hub = EmbeddedHub(cert_dir=cert_dir)
    url = hub.start(HUB_HOST, 0)
    assert hub.server is not None
    port, secret = hub.server.port, hub.secret
    events: list[Any] = []
    bandung = CallEngine(
        BANDUNG,
        video_source=SyntheticVideoSource(BANDUNG, 320, 240, 15),
        audio_source=SyntheticAudioSource(),
    )
    bandung.add_listener(events.append)
    bandung.start()
    browser = Browser(hub.guest_link(hub.invite(ROOM, PEKANBARU, 600)), cert_pem=cert_pem)
    frames = (
        "(async () => { const r = await window.lintasGuestReport();"
        " return Object.values(r.peers).reduce((n, p) => n + p.framesDecoded, 0); })()"
    )
    try:
        await asyncio.wrap_future(
            bandung.submit(bandung.join(url, ROOM, hub.invite(ROOM, BANDUNG, 600)))
        )
        await browser.start()
        await browser.wait_for("window.lintasGuestApi !== undefined")
        await browser.evaluate("window.lintasGuestApi.join(), true")
        await browser.wait_for(f"{frames}.then(n => n >= 30)", 40)
        hub.stop()  # the hub goes away; the peers keep their direct link
        before = await browser.evaluate(frames)
        await asyncio.sleep(3.0)
        during = await browser.evaluate(frames) - before
        hub = EmbeddedHub(secret, cert_dir=cert_dir)  # same secret and certificate, same port
        hub.start(HUB_HOST, port)
        await browser.wait_for("window.lintasGuest.notices.includes('Tersambung kembali.')", 20)
        await asyncio.sleep(1.0)
        await browser.evaluate("window.lintasGuestApi.sendChat('Masih tersambung'), true")
        deadline = time.monotonic() + 10
        while not any(isinstance(e, ChatReceived) for e in events) and time.monotonic() < deadline:
            await asyncio.sleep(0.1)
        report = await browser.report()
        (peer,) = report["peers"].values()
        chats = [e.text for e in events if isinstance(e, ChatReceived)]
        return {
            "notices": report["notices"],
            "phase": report["phase"],
            "session": peer["session"],
            "frames_during_outage": during,
            "chat_after": chats[0] if chats else None,
        }
    finally:
        await browser.close()
        bandung.stop()
        hub.stop()


async def cli_scenario() -> dict[str, Any]:
    import os
    import subprocess

    from conferencing.hub.embedded import EmbeddedHub, office_certificate

    cert_dir = Path(tempfile.mkdtemp(prefix="lintas-guest-hub-"))
    cert_pem, _ = office_certificate(cert_dir)
    hub = EmbeddedHub(cert_dir=cert_dir)
    url = hub.start(HUB_HOST, 0)
    root = Path(__file__).resolve().parents[2]
    command = [sys.executable, "main.py", "call", "--hub", url, "--room", ROOM,
               "--token", hub.invite(ROOM, BANDUNG, 600), "--office", BANDUNG,
               "--synthetic", "320x240", "--fps", "15", "--seconds", "14", "--report"]  # fmt: skip
    env = {**os.environ, "LINTAS_DATA_DIR": str(cert_dir / "office")}
    office = subprocess.Popen(command, cwd=root, env=env, stdout=subprocess.PIPE, text=True)
    browser = Browser(hub.guest_link(hub.invite(ROOM, PEKANBARU, 600)), cert_pem=cert_pem)
    try:
        await browser.start()
        await browser.wait_for("window.lintasGuestApi !== undefined")
        await asyncio.sleep(2.0)  # the office is in the room first
        await browser.evaluate("window.lintasGuestApi.join(), true")
        await browser.wait_for(
            "(async () => { const r = await window.lintasGuestReport();"
            " return Object.values(r.peers).some(p => p.framesDecoded >= 30); })()",
            40,
        )
        page = await browser.report()
        out, _ = await asyncio.to_thread(office.communicate, timeout=60)
        return {"report": json.loads(out.strip().splitlines()[-1]), "page": page}
    finally:
        if office.poll() is None:
            office.terminate()
            office.wait(10)
        await browser.close()
        hub.stop()


def test_guest_link_refusals_are_said_in_plain_words() -> None:
    r = _run("refused")
    # The office's own Lintas already holds the invitation: the link is refused, in words.
    assert r["in_use"]["phase"] == "refused" and r["in_use"]["errors"] == ["invite-in-use"]
    assert r["in_use"]["start_hidden"] is True  # no Join button left to press
    assert r["in_use"]["notices"][-1] == (
        "Undangan ini sedang dipakai di perangkat lain. "
        "Keluar di perangkat itu, atau minta tautan baru."
    )
    # An expired link.
    assert r["expired"]["errors"] == ["token-expired"]
    assert r["expired"]["notices"][-1] == (
        "Undangan ini sudah kedaluwarsa. Minta tautan baru kepada kantor yang mengundang."
    )
    # A damaged link never reaches the hub.
    assert r["damaged"]["phase"] == "start" and r["damaged"]["notices"] == [
        "Tautan ini tidak lengkap. Buka tautan dari undangan persis seperti yang dikirim."
    ]
    assert r["damaged"]["start_hidden"] is True
    # Only the sentence is on screen: no empty call layout under it.
    assert not any(r[case]["call_shown"] for case in ("in_use", "expired", "damaged"))
    # Nothing of the hub's English or internals reached the page's words.
    for case in ("in_use", "expired", "damaged"):
        assert not any("http" in n or "token" in n for n in r[case]["notices"])


async def refused_scenario() -> dict[str, Any]:
    from conferencing.engine import CallEngine
    from conferencing.hub.embedded import EmbeddedHub, office_certificate
    from conferencing.hub.guest_page import guest_link
    from conferencing.hub.tokens import guest_token, issue_token

    cert_dir = Path(tempfile.mkdtemp(prefix="lintas-guest-hub-"))
    cert_pem, _ = office_certificate(cert_dir)
    hub = EmbeddedHub(cert_dir=cert_dir)
    url = hub.start(HUB_HOST, 0)
    office_token = hub.invite(ROOM, PEKANBARU, 600)
    pekanbaru_app = CallEngine(PEKANBARU)  # the office's own Lintas, holding the invitation
    pekanbaru_app.start()
    out: dict[str, Any] = {}

    async def page_for(link: str, join: bool = True) -> dict[str, Any]:
        browser = Browser(link, cert_pem=cert_pem)
        try:
            await browser.start()
            if join:
                await browser.wait_for("window.lintasGuestApi !== undefined")
                await browser.evaluate("window.lintasGuestApi.join(), true")
                await browser.wait_for("window.lintasGuest.phase === 'refused'", 20)
            else:
                await browser.wait_for("window.lintasGuestReport !== undefined")
            report = await browser.report()
            report["start_hidden"] = await browser.evaluate(
                "document.getElementById('start').hidden"
            )
            report["call_shown"] = await browser.evaluate(
                "getComputedStyle(document.getElementById('call')).display !== 'none'"
            )
            return report
        finally:
            await browser.close()

    try:
        await asyncio.wrap_future(
            pekanbaru_app.submit(pekanbaru_app.join(url, ROOM, office_token))
        )
        out["in_use"] = await page_for(hub.guest_link(office_token))
        expired = guest_token(hub.secret, issue_token(hub.secret, ROOM, "Kota Lama", 1))
        await asyncio.sleep(1.2)
        out["expired"] = await page_for(guest_link(url, expired))
        out["damaged"] = await page_for(guest_link(url, "rusak") + "%%%", join=False)
        return out
    finally:
        pekanbaru_app.stop()
        hub.stop()


# ---------------------------------------------------------------------- the scenario process


async def scenario(order: str, shots: Path | None = None) -> dict[str, Any]:
    from conferencing.engine import CallEngine
    from conferencing.events import ChatReceived, ParticipantJoined, ParticipantLeft
    from conferencing.hub.embedded import EmbeddedHub, office_certificate
    from conferencing.media import SyntheticAudioSource, SyntheticVideoSource

    cert_dir = Path(tempfile.mkdtemp(prefix="lintas-guest-hub-"))
    cert_pem, _ = office_certificate(cert_dir)
    hub = EmbeddedHub(cert_dir=cert_dir)  # wss:// and https:// with the office's certificate
    url = hub.start(HUB_HOST, 0)
    office_token = hub.invite(ROOM, PEKANBARU, 600)
    link = hub.guest_link(office_token)
    frames: dict[str, int] = {}
    loud: dict[str, int] = {}
    events: list[Any] = []
    bandung = CallEngine(
        BANDUNG,
        video_source=SyntheticVideoSource(BANDUNG, 320, 240, 15),
        audio_source=SyntheticAudioSource(),
    )
    bandung.add_listener(events.append)
    bandung.add_frame_observer(lambda peer, _f: frames.__setitem__(peer, frames.get(peer, 0) + 1))

    def hear(peer: str, pcm: bytes) -> None:
        samples = np.frombuffer(pcm, dtype=np.int16).astype(np.float64)
        if samples.size and np.sqrt(np.mean(samples**2)) > 200:
            loud[peer] = loud.get(peer, 0) + 1

    bandung.set_audio_sink(hear)
    bandung.start()
    browser = Browser(
        link,
        cert_pem=cert_pem,
        lang="en-US" if order == "guest-first" else "id",
        fake_devices=order != "no-devices",
    )
    sending = order != "no-devices"

    async def lintas_join() -> None:
        token = hub.invite(ROOM, BANDUNG, 600)
        await asyncio.wrap_future(bandung.submit(bandung.join(url, ROOM, token)))

    try:
        if order != "guest-first":
            await lintas_join()
        await browser.start()
        await browser.wait_for("window.lintasGuestApi !== undefined")
        await browser.evaluate("window.lintasGuestApi.join(), true")
        await browser.wait_for("window.lintasGuest.phase === 'call'")
        if order == "guest-first":
            await asyncio.sleep(0.5)
            await lintas_join()
        await browser.wait_for(
            "(async () => { const r = await window.lintasGuestReport();"
            " return Object.values(r.peers).some(p => p.framesDecoded >= 30); })()",
            60,
        )
        joined = [e for e in events if isinstance(e, ParticipantJoined)]
        peer = joined[0].peer_id
        deadline = time.monotonic() + (30 if sending else 8)  # past the 6 s stall check
        while (frames.get(peer, 0) < 30 or not sending) and time.monotonic() < deadline:
            await asyncio.sleep(0.2)
        await asyncio.sleep(0.5)  # the data channel opens with the media
        await asyncio.wrap_future(bandung.submit(bandung.send_chat(TO_GUEST)))
        chat_id = await browser.evaluate(f"window.lintasGuestApi.sendChat({json.dumps(FROM_GUEST)})")
        await browser.wait_for(f"window.lintasGuest.acks.includes({json.dumps(chat_id)})", 20)
        await browser.wait_for("window.lintasGuest.chats.some(c => !c.own)", 20)
        long_id = await browser.evaluate(f"window.lintasGuestApi.sendChat({json.dumps(LONG_CHAT)})")
        await browser.wait_for(f"window.lintasGuest.acks.includes({json.dumps(long_id)})", 20)
        blob = {"teks": "x" * 40000}
        await asyncio.wrap_future(
            bandung.submit(bandung.send_message_to(peer, "lintas.test_large", blob))
        )
        await browser.wait_for("window.lintasGuest.apps.length > 0", 20)
        deadline = time.monotonic() + 10
        while sending and loud.get(peer, 0) < 5 and time.monotonic() < deadline:
            await asyncio.sleep(0.2)
        page = await browser.report()
        if shots is not None:
            await browser.screenshot(shots / f"guest_page_{order}.png")
        verification = bandung.verification(peer)
        is_guest = bandung.is_guest(peer)
        left_after = None
        if order == "lintas-first":
            began = time.monotonic()
            await browser.evaluate("window.lintasGuestApi.leave(), true")
            while time.monotonic() - began < 10:
                if any(isinstance(e, ParticipantLeft) for e in events):
                    left_after = round(time.monotonic() - began, 2)
                    break
                await asyncio.sleep(0.1)
        return {
            "page": page,
            "guest_chat_id": chat_id,
            "long_chat_id": long_id,
            "lintas_frames_from_guest": frames.get(peer, 0),
            "lintas_audio_loud_chunks": loud.get(peer, 0),
            "lintas_chats": [[e.office, e.text] for e in events if isinstance(e, ChatReceived)],
            "lintas_joined": [[e.office, e.guest] for e in joined],
            "lintas_is_guest": is_guest,
            "lintas_verification": verification.as_dict() if verification else None,
            "lintas_left_after_s": left_after,
        }
    finally:
        await browser.close()
        bandung.stop()
        hub.stop()


def main() -> None:
    shots = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    if sys.argv[1] == "cli":
        result = asyncio.run(cli_scenario())
    elif sys.argv[1] == "hub-restart":
        result = asyncio.run(restart_scenario())
    elif sys.argv[1] == "refused":
        result = asyncio.run(refused_scenario())
    else:
        result = asyncio.run(scenario(sys.argv[1], shots))
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
