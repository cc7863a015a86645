"""Congestion control and honest call states, with real peers in a private network namespace.

Run by ``tests/conferencing/netns.py`` (``run_scenario(NAME, module=...)``) and by
``benchmarks/bench_links.py``. Links are impaired the ways this kernel allows: ``tc ... tbf``
for a rate limit, nftables for random loss, stopping the hub for a signalling outage. Each
scenario only observes and prints one JSON object; the tests assert on it.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from aiortc import MediaStreamTrack, RTCPeerConnection, RTCRtpSender

from conferencing import protocol as p
from conferencing.callreport import CallReport
from conferencing.events import EngineError, MediaAdapted, VideoPaused
from conferencing.hub.server import HubServer
from conferencing.hub.tokens import issue_token
from conferencing.linkhealth import MediaCode, limit_gathering
from conferencing.media import SyntheticVideoSource, VideoSource
from tests.conferencing.hubclient import RawClient
from tests.conferencing.scenarios import HOST, OFFICES, ROOM, SECRET, Office, nft, wait_for


def tbf(rate: str | None) -> None:
    """Limit (or with ``None`` free) everything on the namespace's loopback."""
    subprocess.run(["tc", "qdisc", "del", "dev", "lo", "root"], capture_output=True)
    if rate:
        subprocess.run(
            ["tc", "qdisc", "add", "dev", "lo", "root", "tbf", "rate", rate,
             "burst", "32kbit", "latency", "400ms"],
            check=True,
        )  # fmt: skip


def loss(percent: int | None) -> None:
    """Drop ``percent`` % of UDP packets at random (``None``: stop dropping)."""
    subprocess.run(["nft", "delete", "table", "inet", "loss"], capture_output=True)
    if percent:
        nft("add", "table", "inet", "loss")
        nft("add", "chain", "inet", "loss", "in", "{ type filter hook input priority 0; }")
        nft("add", "rule", "inet", "loss", "in", "meta", "l4proto", "udp",
            "numgen", "random", "mod", "100", "lt", str(percent), "drop")  # fmt: skip


def sent_rates(office: Office, peer_id: str, since: float = 0.0) -> list[int]:
    """The bitrates (kbit/s) congestion control set for our video to ``peer_id``."""
    return [
        e.bitrate_kbps
        for t, e in office.timed
        if isinstance(e, MediaAdapted) and e.peer_id == peer_id and t >= since
    ]


class TimedOffice(Office):
    """An office that also notes when each event arrived."""

    def __init__(self, name: str, size: tuple[int, int, int], **kwargs: Any) -> None:
        super().__init__(name, **kwargs)
        w, h, fps = size
        self.engine._video_source = SyntheticVideoSource(name, w, h, fps)
        self.timed: list[tuple[float, Any]] = []
        self.engine.add_listener(lambda e: self.timed.append((time.monotonic(), e)))


async def _two(
    a_size: tuple[int, int, int], b_size: tuple[int, int, int] = (320, 240, 15), **kw: Any
) -> tuple[HubServer, TimedOffice, TimedOffice]:
    hub = HubServer(HOST, 0, SECRET)
    await hub.start()
    a = TimedOffice(OFFICES[0], a_size, **kw)
    b = TimedOffice(OFFICES[1], b_size, **kw)
    await a.join(hub.url)
    await b.join(hub.url)
    return hub, a, b


async def _end(hub: HubServer | None, *offices: Office) -> None:
    for office in offices:
        await office.engine.leave()
    if hub is not None:
        await hub.stop()


async def tbf720(tmp: Path, free_s: float = 14.0, limited_s: float = 25.0) -> dict[str, Any]:
    """A sends 720p: it climbs on a free link, steps down under tbf 1 Mbit, climbs back after."""
    hub, a, b = await _two((1280, 720, 30))
    b_id = a.engine.peer_id
    await wait_for(lambda: bool(b.report.peers.get(b_id)), 20)
    await asyncio.sleep(free_s)
    free = b.report.as_dict()["peers"][b_id]
    tbf("1mbit")
    limited_at = time.monotonic()
    shaped = CallReport(b.engine)  # what B received while the link was limited
    await asyncio.sleep(limited_s)
    during = shaped.as_dict()["peers"].get(b_id, {})
    shaped_rates = sent_rates(a, b.engine.peer_id, limited_at)
    link = a.engine.topology.links[b.engine.peer_id]
    audio_bytes = await _audio_bytes_sent(link.pc)
    tbf(None)
    freed_at = time.monotonic()
    await asyncio.sleep(15.0)
    tap = link.tap
    assert tap is not None
    raw = [(r.at, r.rtt_ms) for r in tap.reports if r.rtt_ms is not None]
    stats = await link.pc.getStats()
    smoothed = next(
        (s.roundTripTime * 1000 for s in stats.values()
         if s.type == "remote-inbound-rtp" and getattr(s, "kind", "") == "video"), None,
    )  # fmt: skip
    out = {
        "raw_rtts_limited": [ms for t, ms in raw if limited_at <= t < freed_at],
        "raw_rtts_after": [[round(t - freed_at, 2), ms] for t, ms in raw if t >= freed_at],
        "smoothed_rtt_end": smoothed,
        "rtx": [tap.rtx_sent, tap.rtx_skipped],
        "audio_kbps": None if audio_bytes is None else audio_bytes * 8 / 1000 / (
            freed_at - link.created_at
        ),
        "free": free,
        "limited": during,
        "limited_s": limited_s,
        "rates_limited": shaped_rates,
        "rates_after": sent_rates(a, b.engine.peer_id, freed_at),
        "states_b": b.states(),
        "controller_a": list(a.engine.topology.links[b.engine.peer_id].rate.history),
        "controller_b": list(b.engine.topology.links[a.engine.peer_id].rate.history),
    }
    await _end(hub, a, b)
    return out


async def _audio_bytes_sent(pc: RTCPeerConnection | None) -> int | None:
    """Opus payload bytes this connection sent so far."""
    if pc is None:
        return None
    stats = await pc.getStats()
    return next(
        (s.bytesSent for s in stats.values()
         if s.type == "outbound-rtp" and getattr(s, "kind", "") == "audio"), None,
    )  # fmt: skip


async def loss15(tmp: Path, lossy_s: float = 20.0) -> dict[str, Any]:
    """15 % random UDP loss at 480p: the bitrate goes down, the picture keeps coming."""
    hub, a, b = await _two((640, 480, 30))
    b_id = a.engine.peer_id
    await wait_for(lambda: bool(b.report.peers.get(b_id)), 20)
    await asyncio.sleep(8.0)
    before = sent_rates(a, b.engine.peer_id)
    loss(15)
    lossy_at = time.monotonic()
    during_report = CallReport(b.engine)
    await asyncio.sleep(lossy_s)
    during = during_report.as_dict()["peers"].get(b_id, {})
    rates = sent_rates(a, b.engine.peer_id, lossy_at)
    loss(None)
    freed_at = time.monotonic()
    await asyncio.sleep(12.0)
    out = {
        "rate_before": before[-1] if before else None,
        "rates_lossy": rates,
        "rates_after": sent_rates(a, b.engine.peer_id, freed_at),
        "lossy": during,
        "states_b": b.states(),
        "controller_a": list(a.engine.topology.links[b.engine.peer_id].rate.history),
    }
    await _end(hub, a, b)
    return out


class _HangingTrack(MediaStreamTrack):
    """A camera that stopped delivering (the track stays live, no frame ever comes)."""

    kind = "video"

    async def recv(self) -> Any:
        await asyncio.Event().wait()


class HangingVideoSource(VideoSource):
    """Video source whose track never yields a frame."""

    width, height, fps = 320, 240, 15

    def __init__(self) -> None:
        self._track = _HangingTrack()

    def track(self) -> MediaStreamTrack:
        return self._track


async def video_freeze(tmp: Path) -> dict[str, Any]:
    """A's camera hangs while its sound goes on: B sees the video paused, not a lost call."""
    hub, a, b = await _two((320, 240, 15))
    a_id = a.engine.peer_id
    await wait_for(lambda: a_id in b.report.peers and b.report.peers[a_id].frames > 10, 20)
    link = b.engine.topology.links[a_id]
    audio_before = link.audio_frames
    await a.engine.replace_video_source(HangingVideoSource())
    paused = await wait_for(lambda: any(e.paused for e in b.of(VideoPaused)), 5)
    await asyncio.sleep(2.0)
    audio_during = link.audio_frames - audio_before
    state_during = b.engine.state
    await a.engine.replace_video_source(SyntheticVideoSource(a.name, 320, 240, 15))
    resumed = await wait_for(
        lambda: [e.paused for e in b.of(VideoPaused)][-1:] == [False], 10
    )
    out = {
        "paused_events": [e.paused for e in b.of(VideoPaused)],
        "paused": paused,
        "resumed": resumed,
        "audio_frames_while_paused": audio_during,
        "state_during": state_during,
        "states_b": b.states(),
        "report": b.report.as_dict()["peers"][a_id],
    }
    await _end(hub, a, b)
    return out


async def hub_offline(tmp: Path) -> dict[str, Any]:
    """The hub goes away while media flows: 'hub_offline', never 'reconnecting'."""
    hub, a, b = await _two((320, 240, 15))
    await wait_for(lambda: (b.report.peers.get(a.engine.peer_id) is not None), 20)
    await asyncio.sleep(2.0)
    await hub.stop()
    down_at = time.monotonic()
    said = await wait_for(lambda: b.engine.state == "hub_offline", 10)
    await asyncio.sleep(3.0)
    out = {
        "said_hub_offline": said,
        "states_a": a.states(),
        "states_b": b.states(),
        "media_during_outage": b.report.frames_since(a.engine.peer_id, down_at + 2.5),
    }
    await _end(None, a, b)
    return out


def _coturn(tmp: Path, port: int) -> subprocess.Popen[bytes]:
    turnserver = shutil.which("turnserver") or "/usr/bin/turnserver"
    return subprocess.Popen(
        [turnserver, "-n", f"--listening-ip={HOST}", f"--relay-ip={HOST}",
         f"--listening-port={port}", "--user=lintas:geheim", "--realm=lintas.test",
         "--lt-cred-mech", "--no-tls", "--no-dtls", "--no-cli", "--allow-loopback-peers",
         "--min-port=49152", "--max-port=49400", f"--pidfile={tmp}/turn.pid",
         "--log-file=stdout", "--simple-log"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip


async def _relay_errors(urls: list[str], credential: str) -> list[str]:
    ice = [p.IceServer(urls=urls, username="lintas", credential=credential)]
    hub = HubServer(HOST, 0, SECRET, ice_servers=ice)
    await hub.start()
    a = Office(OFFICES[0], ice_transport_policy="relay")
    await a.join(hub.url)
    await wait_for(lambda: bool(a.of(EngineError)), 6)
    codes = [e.code for e in a.of(EngineError)]
    await _end(hub, a)
    return codes


async def turn_errors(tmp: Path) -> dict[str, Any]:
    """Wrong TURN password and a TURN server that is not there: each gets its coded error."""
    proc = _coturn(tmp, 3478)
    try:
        await asyncio.sleep(0.8)
        wrong = await _relay_errors([f"turn:{HOST}:3478?transport=udp"], "salah")
        right = await _relay_errors([f"turn:{HOST}:3478?transport=udp"], "geheim")
        absent = await _relay_errors([f"turn:{HOST}:3999?transport=udp"], "geheim")
    finally:
        proc.terminate()
        proc.wait(5)
    # ICE gathering against a dead STUN server is bounded (aioice waits 5 s by default).
    pc = RTCPeerConnection(_config([f"stun:{HOST}:3999"]))
    pc.addTransceiver("video")
    limit_gathering(pc)
    started = time.monotonic()
    await pc.setLocalDescription(await pc.createOffer())
    gather_s = time.monotonic() - started
    await pc.close()
    return {"wrong_password": wrong, "right_password": right, "absent": absent,
            "gather_s": gather_s}  # fmt: skip


async def ice_blocked(tmp: Path) -> dict[str, Any]:
    """Signalling works (TCP) but every UDP packet is dropped: ICE really fails."""
    nft("add", "table", "inet", "block")
    nft("add", "chain", "inet", "block", "out", "{ type filter hook output priority 0; }")
    nft("add", "rule", "inet", "block", "out", "meta", "l4proto", "udp", "drop")
    hub = HubServer(HOST, 0, SECRET)
    await hub.start()
    a, b = TimedOffice(OFFICES[0], (320, 240, 15)), TimedOffice(OFFICES[1], (320, 240, 15))
    started = time.monotonic()
    await a.join(hub.url)
    await b.join(hub.url)
    said = await wait_for(
        lambda: all(
            any(e.code == MediaCode.ICE_FAILED for e in o.of(EngineError)) for o in (a, b)
        ),
        40,
    )
    said_after_s = time.monotonic() - started
    states_during = [a.engine.state, b.engine.state]
    await asyncio.sleep(1.0)
    left_at = time.monotonic()
    await asyncio.wait_for(_end(hub, a, b), 15)
    out = {
        "said": said,
        "said_after_s": said_after_s,
        "codes": [[e.code for e in o.of(EngineError)] for o in (a, b)],
        "states_during": states_during,
        "states": [o.states() for o in (a, b)],
        "frames": [o.report.as_dict()["peers"] for o in (a, b)],
        "leave_s": time.monotonic() - left_at,
        "topology_after": [o.engine.topology is None for o in (a, b)],
    }
    subprocess.run(["nft", "delete", "table", "inet", "block"], capture_output=True)
    return out


async def hub_blackholed(tmp: Path) -> dict[str, Any]:
    """A connect to the hub whose packets vanish (a link that is down): how long it waits."""
    from conferencing.signaling import HubClient

    hub = HubServer(HOST, 0, SECRET)
    await hub.start()
    nft("add", "table", "inet", "hole")
    nft("add", "chain", "inet", "hole", "in", "{ type filter hook input priority 0; }")
    nft("add", "rule", "inet", "hole", "in", "tcp", "dport", str(hub.port), "drop")

    async def ignore(*_: Any) -> None:
        return None

    client = HubClient(hub.url, ROOM, issue_token(SECRET, ROOM, OFFICES[0], 600), "peer-a",
                       on_message=ignore, on_link=ignore)  # fmt: skip
    started = time.monotonic()
    try:
        await asyncio.wait_for(client.start(), 30)
        outcome = "joined"
    except Exception as exc:  # noqa: BLE001 - the kind of failure is the result
        outcome = type(exc).__name__
    waited = time.monotonic() - started
    if waited >= 29:
        outcome = "still waiting after 30 s"
    await client.close(leave=False)
    subprocess.run(["nft", "delete", "table", "inet", "hole"], capture_output=True)
    await hub.stop()
    return {"outcome": outcome, "waited_s": waited}


async def hub_flood_call(tmp: Path) -> dict[str, Any]:
    """A call through a real ``main.py hub`` process while another process floods the hub."""
    root = Path(__file__).resolve().parents[2]
    secret_file = tmp / "hub.secret"
    secret_file.write_text(SECRET.hex() + "\n")
    secret_file.chmod(0o600)
    hub = subprocess.Popen(
        [sys.executable, "main.py", "hub", "--host", HOST, "--port", "0",
         "--secret-file", str(secret_file), "--insecure"],
        cwd=root, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    flooder = None
    try:
        assert hub.stdout is not None
        url = hub.stdout.readline().split("hub listening on ", 1)[1].strip()
        a, b = TimedOffice(OFFICES[0], (640, 480, 30)), TimedOffice(OFFICES[1], (640, 480, 30))
        await a.join(url)
        await b.join(url)
        await wait_for(
            lambda: a.engine.peer_id in b.report.peers and b.engine.peer_id in a.report.peers, 20
        )
        flooder = subprocess.Popen(
            [sys.executable, "-m", "benchmarks.faults", "--flood", url, "20"],
            cwd=root, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        )  # fmt: skip
        await asyncio.sleep(2.0)
        reports = [CallReport(b.engine), CallReport(a.engine)]
        peak = 0.0
        for _ in range(30):
            await asyncio.sleep(0.5)
            status = Path(f"/proc/{hub.pid}/status").read_text().splitlines()
            rss = next(int(x.split()[1]) for x in status if x.startswith("VmRSS:")) / 1024
            peak = max(peak, rss)
        directions = [
            r.as_dict(warmup_s=1.0)["peers"].get(o.engine.peer_id, {})
            for r, o in zip(reports, (a, b), strict=True)
        ]
        out_text, _ = flooder.communicate(timeout=40)
        await _end(None, a, b)
        return {"directions": directions, "rss_peak_mib": peak,
                "flood": json.loads(out_text.strip().splitlines()[-1])}  # fmt: skip
    finally:
        if flooder is not None and flooder.poll() is None:
            flooder.kill()
        hub.terminate()
        hub.wait(10)


def _config(urls: list[str]) -> Any:
    from aiortc import RTCConfiguration, RTCIceServer

    return RTCConfiguration(iceServers=[RTCIceServer(urls=urls)])


async def h264_offer(tmp: Path) -> dict[str, Any]:
    """A plain aiortc peer offers H.264 first; Lintas answers VP8."""
    hub = HubServer(HOST, 0, SECRET)
    await hub.start()
    a = Office(OFFICES[0])
    await a.join(hub.url)
    raw = await RawClient.connect(hub.url)
    peer_id = "ffffffffffffffff"  # larger than any hex id: the engine does not offer itself
    await raw.join(ROOM, issue_token(SECRET, ROOM, OFFICES[1], 600), peer_id)
    pc = RTCPeerConnection()
    video = pc.addTransceiver("video")
    caps = RTCRtpSender.getCapabilities("video").codecs
    h264_first = [c for c in caps if c.mimeType == "video/H264"] + [
        c for c in caps if c.mimeType != "video/H264"
    ]
    video.setCodecPreferences(h264_first)
    pc.addTransceiver("audio")
    await pc.setLocalDescription(await pc.createOffer())
    offer = pc.localDescription.sdp
    await raw.send({"type": "signal", "to": a.engine.peer_id, "kind": "offer", "session": 1,
                    "sdp": offer})  # fmt: skip
    answer = None
    deadline = time.monotonic() + 15
    while answer is None and time.monotonic() < deadline:
        msg = await raw.recv(15)
        if msg and msg.get("type") == "signal" and msg.get("kind") == "answer":
            answer = msg["sdp"]
    out = {"offer_video": _video_codecs(offer), "answer_video": _video_codecs(answer or "")}
    await pc.close()
    await raw.close()
    await _end(hub, a)
    return out


def _video_codecs(sdp: str) -> list[str]:
    """Codec names of the video m-line, in the order the SDP lists them."""
    order: list[str] = []
    names: dict[str, str] = {}
    in_video = False
    for line in sdp.splitlines():
        if line.startswith("m="):
            in_video = line.startswith("m=video")
            if in_video:
                order = line.split()[3:]
        elif in_video and line.startswith("a=rtpmap:"):
            pt, rest = line[len("a=rtpmap:") :].split(" ", 1)
            names[pt] = rest.split("/")[0]
    return [names.get(pt, pt) for pt in order]


async def impaired_pair(
    size: tuple[int, int, int], impair: Any, seconds: float = 30.0
) -> dict[str, Any]:
    """Two offices both sending ``size``; ``impair()`` applied once they see each other; the
    reports (both directions) over ``seconds`` of the impaired link."""
    hub, a, b = await _two(size, size)
    await wait_for(
        lambda: a.engine.peer_id in b.report.peers and b.engine.peer_id in a.report.peers, 20
    )
    impair()
    reports = [CallReport(b.engine), CallReport(a.engine)]
    await asyncio.sleep(seconds)
    out = {
        "directions": [
            r.as_dict(warmup_s=5.0)["peers"].get(o.engine.peer_id, {})
            for r, o in zip(reports, (a, b), strict=True)
        ],
        "seconds": seconds,
        "controllers": [
            list(o.engine.topology.links[x.engine.peer_id].rate.history)[-12:]
            for o, x in ((a, b), (b, a))
        ],
    }
    tbf(None)
    loss(None)
    await _end(hub, a, b)
    return out


async def bench_tbf(tmp: Path) -> dict[str, Any]:
    """Benchmark: two offices at 720p under tbf 1 Mbit."""
    return await impaired_pair((1280, 720, 30), lambda: tbf("1mbit"))


async def bench_loss5(tmp: Path) -> dict[str, Any]:
    """Fault run: two offices at 480p with 5 % random UDP loss."""
    return await impaired_pair((640, 480, 30), lambda: loss(5))


async def bench_tbf480(tmp: Path) -> dict[str, Any]:
    """Fault run: two offices at 480p under tbf 1 Mbit."""
    return await impaired_pair((640, 480, 30), lambda: tbf("1mbit"))


async def link_cut60(tmp: Path) -> dict[str, Any]:
    """Fault run: the link down for 60 s (hub socket included), then back."""
    from tests.conferencing.scenarios import _cut

    return await _cut(tmp, "link", 60.0)


async def bench_loss(tmp: Path) -> dict[str, Any]:
    """Benchmark: two offices at 480p with 15 % random UDP loss."""
    return await impaired_pair((640, 480, 30), lambda: loss(15))


SCENARIOS = {
    f.__name__: f
    for f in (
        tbf720, loss15, video_freeze, hub_offline, turn_errors, h264_offer, bench_tbf, bench_loss,
        ice_blocked, bench_tbf480, link_cut60, bench_loss5, hub_blackholed, hub_flood_call,
    )
}


def main() -> None:
    name = sys.argv[1]
    with tempfile.TemporaryDirectory(prefix=f"lintas-{name}-") as tmp:
        result = asyncio.run(asyncio.wait_for(SCENARIOS[name](Path(tmp)), 160))
    print(json.dumps(result, default=str))


if __name__ == "__main__":
    main()
