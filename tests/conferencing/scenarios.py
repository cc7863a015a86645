"""Call scenarios with real aiortc peers and the real hub, run inside a private network namespace.

``tests/conferencing/netns.py`` starts ``python -m tests.conferencing.scenarios NAME`` under
``unshare -rn`` with loopback up and 127.0.0.2 added (aioice ignores 127.0.0.1). Each scenario
only *observes* (frames, stamps, events, timings) and prints one JSON object as its last line;
the pytest tests assert on those observations.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import ipaddress
import json
import os
import shutil
import ssl
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from conferencing import protocol as p
from conferencing import stamp
from conferencing.callreport import CallReport
from conferencing.engine import CallEngine
from conferencing.events import (
    AppMessageReceived,
    ChatReceived,
    ConnectionStateChanged,
    EngineEvent,
    ParticipantJoined,
    StatsUpdated,
    TrackAdded,
)
from conferencing.hub.server import HubServer
from conferencing.hub.tokens import issue_token
from conferencing.media import SyntheticAudioSource, SyntheticVideoSource

HOST = "127.0.0.2"
SECRET = b"lintas-test-secret-0123456789abcdef"
ROOM = "kesepakatan-bandung-pekanbaru"
OFFICES = ["Pemerintah Kota Bandung", "Pemerintah Kota Pekanbaru", "Pemerintah Kota Palangkaraya"]
W, H, FPS = 320, 240, 15
ROOT = Path(__file__).resolve().parents[2]


class Office:
    """One engine plus everything it observed."""

    def __init__(self, name: str, **engine_kwargs: Any) -> None:
        self.name = name
        self.engine = CallEngine(
            name,
            video_source=SyntheticVideoSource(name, W, H, FPS),
            audio_source=SyntheticAudioSource(440.0, 0.2),
            **engine_kwargs,
        )
        self.report = CallReport(self.engine)
        self.events: list[EngineEvent] = []
        self.engine.add_listener(self.events.append)

    def of(self, kind: type) -> list[Any]:
        return [e for e in list(self.events) if isinstance(e, kind)]

    def states(self) -> list[str]:
        return [e.state for e in self.of(ConnectionStateChanged)]

    async def join(self, url: str, room: str = ROOM, office: str | None = None) -> None:
        token = issue_token(SECRET, room, office or self.name, 600)
        await self.engine.join(url, room, token)


async def wait_for(predicate: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        await asyncio.sleep(0.05)
    return predicate()


def frames_from(office: Office, other: Office) -> int:
    fig = office.report.peers.get(other.engine.peer_id)
    return fig.stamped if fig else 0


def self_signed(tmp: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.2, made with cryptography (the test's own CA)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "lintas test hub")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address(HOST))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = tmp / "hub.pem", tmp / "hub.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def dominant_hz(pcm: bytes) -> float:
    samples = np.frombuffer(pcm[: len(pcm) & ~1], np.int16).astype(np.float64)
    spectrum = np.abs(np.fft.rfft(samples * np.hanning(samples.size)))
    return float(np.fft.rfftfreq(samples.size, 1 / 48_000)[int(np.argmax(spectrum[1:])) + 1])


def rms(pcm: bytes) -> float:
    samples = np.frombuffer(pcm[: len(pcm) & ~1], np.int16).astype(np.float64)
    return float(np.sqrt(np.mean(samples**2))) if samples.size else 0.0


# ----------------------------------------------------------------------------- scenarios


async def pair(tmp: Path) -> dict[str, Any]:
    """Two offices over wss: stamped frames, RGB sink, tone, chat, app messages, mute, camera off."""
    cert, key = self_signed(tmp)
    server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_ctx.load_cert_chain(cert, key)
    hub = HubServer(HOST, 0, SECRET, ssl_context=server_ctx)
    await hub.start()
    client_ctx = ssl.create_default_context(cafile=str(cert))
    a, b = Office(OFFICES[0], ssl_context=client_ctx), Office(OFFICES[1], ssl_context=client_ctx)
    rgb_stamps: list[int | None] = []
    pcm: dict[str, bytearray] = {"all": bytearray()}
    b.engine.set_frame_sink(
        lambda peer, rgb: rgb_stamps.append(s.tag if (s := stamp.read_rgb(rgb)) else None)
    )
    b.engine.set_audio_sink(lambda peer, data: pcm["all"].extend(data))
    out: dict[str, Any] = {"hub_url": hub.url}

    await a.join(hub.url)
    await b.join(hub.url)
    await wait_for(lambda: frames_from(a, b) > 20 and frames_from(b, a) > 20, 20)
    await asyncio.sleep(1.5)  # let stats arrive

    # Chat both ways.
    await a.engine.send_chat("Selamat pagi, Pak Wali Kota")
    await b.engine.send_chat("Pagi! Siap membahas kesepakatan.")
    await wait_for(lambda: a.of(ChatReceived) and b.of(ChatReceived), 10)

    # App messages: a 1 MB co-review payload, answered with its digest, and a direct message.
    rng = np.random.default_rng(7)
    body = "".join(rng.choice(list("abcdefghijklmnopqrstuvwxyz \n"), 1_000_000))
    digest = hashlib.sha256(body.encode()).hexdigest()

    def answer(event: EngineEvent) -> None:
        if isinstance(event, AppMessageReceived) and event.kind == "agreement.revision":
            got = hashlib.sha256(event.payload["text"].encode()).hexdigest()
            # Listeners run on the engine loop (here the scenario's loop): schedule, don't block.
            asyncio.ensure_future(
                b.engine.send_message_to(event.peer_id, "agreement.received", {"sha256": got})
            )

    b.engine.add_listener(answer)
    t0 = time.monotonic()
    await a.engine.send_message("agreement.revision", {"text": body, "revision": 3})
    await wait_for(
        lambda: any(e.kind == "agreement.received" for e in a.of(AppMessageReceived)), 20
    )
    big_ms = (time.monotonic() - t0) * 1000

    # Audio: the 440 Hz tone arrives; muting sends silence.
    pcm["all"].clear()
    await asyncio.sleep(1.0)
    tone_hz, tone_rms = dominant_hz(bytes(pcm["all"][-96000:])), rms(bytes(pcm["all"][-96000:]))
    # Muted, the microphone sends one frame every 400 ms instead of 50 a second (conferencing.dtx).
    pcm["all"].clear()
    await asyncio.sleep(1.0)
    tone_bytes_per_s = len(pcm["all"]) / 1.0
    await a.engine.set_audio_muted(True)
    await asyncio.sleep(1.0)
    pcm["all"].clear()
    await asyncio.sleep(2.0)
    muted_rms = rms(bytes(pcm["all"]))
    muted_bytes_per_s = len(pcm["all"]) / 2.0
    await a.engine.set_audio_muted(False)
    pcm["all"].clear()
    unmuted_at = time.monotonic()
    await wait_for(lambda: rms(bytes(pcm["all"][-1920:])) > 0.5 * tone_rms, 5)
    tone_back_ms = (time.monotonic() - unmuted_at) * 1000

    # Camera off: frames keep coming but are black (stamp unreadable, dark).
    dark: list[float] = []
    b.engine.set_frame_sink(lambda peer, rgb: dark.append(float(rgb.mean())))
    await a.engine.set_video_enabled(False)
    await asyncio.sleep(1.5)
    await a.engine.set_video_enabled(True)
    dark_tail = dark[-5:]

    out.update(
        a=a.report.as_dict(),
        b=b.report.as_dict(),
        rgb_stamps=rgb_stamps,
        a_tag=stamp.office_tag(a.name),
        b_tag=stamp.office_tag(b.name),
        chat_at_a=[(e.office, e.text, e.sent_at.isoformat()) for e in a.of(ChatReceived)],
        chat_at_b=[(e.office, e.text, e.sent_at.isoformat()) for e in b.of(ChatReceived)],
        big_digest=digest,
        big_reply=[e.payload for e in a.of(AppMessageReceived) if e.kind == "agreement.received"],
        big_revision=[
            e.payload.get("revision")
            for e in b.of(AppMessageReceived)
            if e.kind == "agreement.revision"
        ],
        big_ms=big_ms,
        tracks_at_b=sorted(e.kind for e in b.of(TrackAdded)),
        joined_at_a=[(e.office) for e in a.of(ParticipantJoined)],
        stats_at_a=[[e.rtt_ms, e.loss_pct, e.bitrate_kbps, e.fps] for e in a.of(StatsUpdated)],
        tone_hz=tone_hz,
        tone_rms=tone_rms,
        muted_rms=muted_rms,
        tone_bytes_per_s=tone_bytes_per_s,
        muted_bytes_per_s=muted_bytes_per_s,
        tone_back_ms=tone_back_ms,
        dark_tail=dark_tail,
        participants_a=a.engine.participants,
    )
    for o in (a, b):
        await o.engine.leave()
    out["states_a"] = a.states()
    await hub.stop()
    return out


async def mesh3(tmp: Path, shared_encoder: bool = False) -> dict[str, Any]:
    """Three offices in a full mesh: each gets stamped frames from both others."""
    hub = HubServer(HOST, 0, SECRET)
    await hub.start()
    offices = [Office(name, shared_encoder=shared_encoder) for name in OFFICES]
    for office in offices:
        await office.join(hub.url)
    await wait_for(
        lambda: all(frames_from(x, y) > 15 for x in offices for y in offices if x is not y), 30
    )
    await asyncio.sleep(0.5)
    out = {
        "reports": {o.name: o.report.as_dict() for o in offices},
        "tags": {o.name: stamp.office_tag(o.name) for o in offices},
        "ids": {o.name: o.engine.peer_id for o in offices},
        "participants": {o.name: sorted(o.engine.participants.values()) for o in offices},
        "video_encodes": {
            o.name: o.engine._fanouts["video"].frames_encoded
            for o in offices
        },
        "keyframes": {
            o.name: o.engine._fanouts["video"].keyframes for o in offices
        },
    }
    await offices[2].engine.leave()
    await wait_for(lambda: len(offices[0].engine.participants) == 1, 5)
    out["after_leave"] = sorted(offices[0].engine.participants.values())
    for o in offices[:2]:
        await o.engine.leave()
    await hub.stop()
    return out


async def mesh3_shared(tmp: Path) -> dict[str, Any]:
    """The mesh with one shared VP8 encoder per office instead of one per peer connection."""
    return await mesh3(tmp, shared_encoder=True)


def nft(*args: str) -> None:
    subprocess.run(["nft", *args], check=True)


async def stall(tmp: Path) -> dict[str, Any]:
    """Drop all UDP for 5 s: the engines notice, renegotiate, and media resumes."""
    return await _cut(tmp, "udp", 5.0)


async def link_cut(tmp: Path) -> dict[str, Any]:
    """Take the link down for 10 s (hub socket included): everything comes back on its own."""
    return await _cut(tmp, "link", 10.0)


async def _cut(tmp: Path, mode: str, seconds: float) -> dict[str, Any]:
    hub = HubServer(HOST, 0, SECRET)
    await hub.start()
    a, b = Office(OFFICES[0]), Office(OFFICES[1])
    await a.join(hub.url)
    await b.join(hub.url)
    await wait_for(lambda: frames_from(a, b) > 10 and frames_from(b, a) > 10, 20)
    sessions_before = {
        o.name: o.engine.topology.links[x.engine.peer_id].session for o, x in ((a, b), (b, a))
    }
    if mode == "udp":
        nft("add", "table", "inet", "cut")
        nft("add", "chain", "inet", "cut", "in", "{ type filter hook input priority 0; }")
        nft("add", "rule", "inet", "cut", "in", "meta", "l4proto", "udp", "drop")
    else:
        subprocess.run(["ip", "link", "set", "lo", "down"], check=True)
    cut_at = time.monotonic()
    saw_reconnecting = await wait_for(
        lambda: "reconnecting" in a.states() and "reconnecting" in b.states(), 8
    )
    # A chat line typed during the cut must arrive once the link is back.
    await a.engine.send_chat("masih terdengar?")
    await asyncio.sleep(max(0.0, seconds - (time.monotonic() - cut_at)))
    if mode == "udp":
        nft("delete", "table", "inet", "cut")
    else:
        subprocess.run(["ip", "link", "set", "lo", "up"], check=True)
    restored_at = time.monotonic()
    resumed = await wait_for(
        lambda: (
            a.report.frames_since(b.engine.peer_id, restored_at + 0.2)
            and b.report.frames_since(a.engine.peer_id, restored_at + 0.2)
        ),
        30,
    )
    resumed_after = time.monotonic() - restored_at
    await wait_for(lambda: a.engine.state == "connected" and b.engine.state == "connected", 10)
    await wait_for(lambda: bool(b.of(ChatReceived)), 10)
    out = {
        "saw_reconnecting": saw_reconnecting,
        "resumed": resumed,
        "resumed_after_s": resumed_after,
        "states_a": a.states(),
        "states_b": b.states(),
        "final": [a.engine.state, b.engine.state],
        "sessions_before": sessions_before,
        "sessions_after": {
            o.name: o.engine.topology.links[x.engine.peer_id].session for o, x in ((a, b), (b, a))
        },
        "chat_at_b": [e.text for e in b.of(ChatReceived)],
        "hub_members": sorted(m.office for r in hub.rooms.values() for m in r.members.values()),
        "b_counters_increasing": a.report.as_dict()["peers"][b.engine.peer_id][
            "counters_increasing"
        ],
    }
    for o in (a, b):
        await o.engine.leave()
    await hub.stop()
    return out


async def lossy(tmp: Path) -> dict[str, Any]:
    """5 % random UDP loss: video keeps coming, stamps read right or not at all, stats see loss."""
    hub = HubServer(HOST, 0, SECRET)
    await hub.start()
    a, b = Office(OFFICES[0]), Office(OFFICES[1])
    await a.join(hub.url)
    await b.join(hub.url)
    await wait_for(lambda: frames_from(b, a) > 10, 20)
    nft("add", "table", "inet", "loss")
    nft("add", "chain", "inet", "loss", "in", "{ type filter hook input priority 0; }")
    nft(
        "add",
        "rule",
        "inet",
        "loss",
        "in",
        "meta",
        "l4proto",
        "udp",
        "numgen",
        "random",
        "mod",
        "100",
        "lt",
        "5",
        "drop",
    )
    fig = b.report.peers[a.engine.peer_id]
    frames0, stamped0 = fig.frames, fig.stamped
    await asyncio.sleep(6.0)
    frames, stamped = fig.frames - frames0, fig.stamped - stamped0
    losses = [e.loss_pct for e in b.of(StatsUpdated) if e.loss_pct is not None]
    nft("delete", "table", "inet", "loss")
    out = {
        "frames": frames,
        "stamped": stamped,
        "tags": sorted(fig.tags),
        "a_tag": stamp.office_tag(a.name),
        "counters_increasing": fig.counters_increasing,
        "max_loss_pct": max(losses, default=None),
        "fps_nominal": FPS,
    }
    for o in (a, b):
        await o.engine.leave()
    await hub.stop()
    return out


async def hub_restart(tmp: Path) -> dict[str, Any]:
    """Restart the hub on the same port: calls carry on, both offices rejoin, a newcomer connects."""
    hub = HubServer(HOST, 0, SECRET)
    await hub.start()
    port = hub.port
    a, b = Office(OFFICES[0]), Office(OFFICES[1])
    await a.join(hub.url)
    await b.join(hub.url)
    await wait_for(lambda: frames_from(a, b) > 10 and frames_from(b, a) > 10, 20)
    await hub.stop()
    down_at = time.monotonic()
    # Media keeps flowing peer to peer: the honest state is "hub_offline", not "reconnecting".
    saw_reconnecting = await wait_for(
        lambda: "hub_offline" in a.states() and "hub_offline" in b.states(), 10
    )
    await asyncio.sleep(1.0)
    media_during_outage = a.report.frames_since(b.engine.peer_id, down_at + 0.5)
    hub2 = HubServer(HOST, port, SECRET)
    await hub2.start()
    rejoined = await wait_for(
        lambda: (
            a.engine.state == "connected"
            and b.engine.state == "connected"
            and sum(len(r.members) for r in hub2.rooms.values()) == 2
        ),
        20,
    )
    c = Office(OFFICES[2])
    await c.join(hub2.url)
    newcomer = await wait_for(
        lambda: all(frames_from(x, c) > 5 and frames_from(c, x) > 5 for x in (a, b)), 25
    )
    out = {
        "saw_reconnecting": saw_reconnecting,
        "media_during_outage": media_during_outage,
        "rejoined": rejoined,
        "newcomer_frames": newcomer,
        "states_a": a.states(),
        "states_b": b.states(),
        "room_members": sorted(m.office for r in hub2.rooms.values() for m in r.members.values()),
        "c_participants": sorted(c.engine.participants.values()),
    }
    for o in (a, b, c):
        await o.engine.leave()
    await hub2.stop()
    return out


async def relay(tmp: Path) -> dict[str, Any]:
    """coturn on loopback, relay-only ICE: frames still arrive, and only relay candidates are used."""
    turnserver = shutil.which("turnserver") or "/usr/bin/turnserver"
    port = 3478
    proc = subprocess.Popen(
        [
            turnserver,
            "-n",
            f"--listening-ip={HOST}",
            f"--relay-ip={HOST}",
            f"--listening-port={port}",
            "--user=lintas:geheim",
            "--realm=lintas.test",
            "--lt-cred-mech",
            "--no-tls",
            "--no-dtls",
            "--no-cli",
            "--allow-loopback-peers",
            "--min-port=49152",
            "--max-port=49400",
            f"--pidfile={tmp}/turn.pid",
            "--log-file=stdout",
            "--simple-log",
        ],
        stdout=open(tmp / "turn.log", "w"),  # noqa: SIM115 - closed with the process
        stderr=subprocess.STDOUT,
    )
    try:
        await asyncio.sleep(0.8)
        ice = [
            p.IceServer(
                urls=[f"turn:{HOST}:{port}?transport=udp"], username="lintas", credential="geheim"
            )
        ]
        hub = HubServer(HOST, 0, SECRET, ice_servers=ice)
        await hub.start()
        a, b = (
            Office(OFFICES[0], ice_transport_policy="relay"),
            Office(OFFICES[1], ice_transport_policy="relay"),
        )
        await a.join(hub.url)
        await b.join(hub.url)
        ok = await wait_for(lambda: frames_from(a, b) > 10 and frames_from(b, a) > 10, 30)
        link = a.engine.topology.links[b.engine.peer_id]
        sdp = link.pc.localDescription.sdp if link.pc else ""
        types = sorted(
            {line.split(" typ ")[1].split()[0] for line in sdp.splitlines() if " typ " in line}
        )
        out = {"frames": ok, "candidate_types": types, "a": a.report.as_dict()}
        for o in (a, b):
            await o.engine.leave()
        await hub.stop()
        out["turn_log_allocations"] = (
            (tmp / "turn.log").read_text(errors="replace").count("ALLOCATE")
        )
        return out
    finally:
        proc.terminate()
        proc.wait(5)


async def cli(tmp: Path) -> dict[str, Any]:
    """The command line: hub, invite and two headless calls printing --report JSON."""
    py = sys.executable
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    secret = tmp / "hub.secret"
    hub = subprocess.Popen(
        [py, "main.py", "hub", "--host", HOST, "--port", "8799", "--secret-file", str(secret)]
        + ["--insecure"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        first_line = await asyncio.to_thread(hub.stdout.readline)  # type: ignore[union-attr]

        def invite(office: str, room: str = ROOM) -> str:
            return subprocess.run(
                [
                    py,
                    "main.py",
                    "invite",
                    "--secret-file",
                    str(secret),
                    "--room",
                    room,
                    "--office",
                    office,
                ],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                check=True,
            ).stdout.strip()

        url = f"ws://{HOST}:8799/ws"

        def call(office: str, token: str, seconds: str) -> subprocess.Popen[str]:
            return subprocess.Popen(
                [
                    py,
                    "main.py",
                    "call",
                    "--hub",
                    url,
                    "--room",
                    ROOM,
                    "--token",
                    token,
                    "--office",
                    office,
                    "--synthetic",
                    "160x120",
                    "--fps",
                    "15",
                    "--seconds",
                    seconds,
                    "--report",
                ],
                cwd=ROOT,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )

        first = call("Bandung", invite(OFFICES[0]), "6")
        await asyncio.sleep(1.0)
        second = call("Pekanbaru", invite(OFFICES[1]), "4")
        out_second, _ = await asyncio.to_thread(second.communicate, timeout=60)
        out_first, _ = await asyncio.to_thread(first.communicate, timeout=60)
        refused = subprocess.run(
            [
                py,
                "main.py",
                "call",
                "--hub",
                url,
                "--room",
                "another-room",
                "--token",
                invite(OFFICES[0]),
                "--seconds",
                "0",
                "--report",
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        # The same hub command serving wss:// with a self-signed certificate; a client trusting it joins.
        cert, key = self_signed(tmp)
        tls_hub = subprocess.Popen(
            [
                py,
                "main.py",
                "hub",
                "--host",
                HOST,
                "--port",
                "8798",
                "--secret-file",
                str(secret),
                "--tls-cert",
                str(cert),
                "--tls-key",
                str(key),
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        try:
            tls_line = await asyncio.to_thread(tls_hub.stdout.readline)  # type: ignore[union-attr]
            tls_call = subprocess.run(
                [
                    py,
                    "main.py",
                    "call",
                    "--hub",
                    f"wss://{HOST}:8798/ws",
                    "--room",
                    ROOM,
                    "--token",
                    invite(OFFICES[0]),
                    "--ca-file",
                    str(cert),
                    "--seconds",
                    "0",
                    "--report",
                ],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
            )
            untrusted = subprocess.run(
                [
                    py,
                    "main.py",
                    "call",
                    "--hub",
                    f"wss://{HOST}:8798/ws",
                    "--room",
                    ROOM,
                    "--token",
                    invite(OFFICES[0]),
                    "--seconds",
                    "0",
                    "--report",
                ],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
            )
        finally:
            tls_hub.terminate()
            tls_hub.wait(5)
        return {
            "hub_line": first_line.strip(),
            "first": out_first.strip().splitlines(),
            "second": out_second.strip().splitlines(),
            "first_rc": first.returncode,
            "refused_rc": refused.returncode,
            "refused_stderr": refused.stderr.strip(),
            "refused_stdout": refused.stdout.strip().splitlines(),
            "tls_line": tls_line.strip(),
            "tls_rc": tls_call.returncode,
            "tls_report": tls_call.stdout.strip().splitlines(),
            "untrusted_rc": untrusted.returncode,
            "untrusted_stderr": untrusted.stderr.strip(),
            "tags": {
                o: stamp.office_tag(n)
                for o, n in (("Bandung", "Bandung"), ("Pekanbaru", "Pekanbaru"))
            },
        }
    finally:
        hub.terminate()
        hub.wait(5)


def threaded(tmp: Path) -> dict[str, Any]:
    """The UI's way: engines on their own threads, a pushed camera, a source switch mid-call."""
    from concurrent.futures import Future

    from conferencing.hub.embedded import EmbeddedHub
    from conferencing.media import PushVideoSource

    hub = EmbeddedHub(SECRET)
    url = hub.start(HOST, 0)
    camera = PushVideoSource(W, H, FPS)
    a = CallEngine(OFFICES[0], video_source=camera)
    b = CallEngine(OFFICES[1], video_source=SyntheticVideoSource(OFFICES[1], W, H, FPS))
    threads: dict[str, set[str]] = {"listener_a": set(), "sink_b": set()}
    colours: list[tuple[float, float, float]] = []
    tags: list[int | None] = []
    a.add_listener(lambda e: threads["listener_a"].add(threading.current_thread().name))

    def sink(peer: str, rgb: np.ndarray) -> None:
        threads["sink_b"].add(threading.current_thread().name)
        h = stamp.stamp_height(rgb.shape[1], rgb.shape[0])
        colours.append(tuple(float(c) for c in rgb[h + 40 :, :, :].reshape(-1, 3).mean(axis=0)))
        tags.append(s.tag if (s := stamp.read_rgb(rgb)) else None)

    b.set_frame_sink(sink)
    stop_pushing = threading.Event()

    def push() -> None:  # the "Qt camera": a plain thread pushing RGB frames
        while not stop_pushing.is_set():
            camera.push(np.full((H, W, 3), (20, 160, 40), np.uint8))
            time.sleep(1 / FPS)

    pusher = threading.Thread(target=push, daemon=True)
    pusher.start()
    a.start()
    b.start()
    futures: list[Future[None]] = [
        a.submit(a.join(url, ROOM, issue_token(SECRET, ROOM, OFFICES[0], 600))),
        b.submit(b.join(url, ROOM, issue_token(SECRET, ROOM, OFFICES[1], 600))),
    ]
    for fut in futures:
        fut.result(timeout=20)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and len(colours) < 20:
        time.sleep(0.05)
    pushed_colours = colours[-5:]
    a.submit(a.replace_video_source(SyntheticVideoSource("Kamera cadangan", 480, 360, FPS))).result(
        timeout=5
    )
    switched_at = len(tags)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and sum(1 for t in tags[switched_at:] if t is not None) < 10:
        time.sleep(0.05)
    stop_pushing.set()
    participants = a.participants
    a.stop()
    b.stop()
    hub.stop()
    return {
        "engine_threads": [a._thread is None, b._thread is None],
        "threads": {k: sorted(v) for k, v in threads.items()},
        "pushed_colours": pushed_colours,
        "tags_after_switch": sorted({t for t in tags[switched_at:] if t is not None}),
        "backup_tag": stamp.office_tag("Kamera cadangan"),
        "participants": participants,
        "main_thread": threading.current_thread().name,
    }


SCENARIOS = {
    f.__name__: f
    for f in (pair, mesh3, mesh3_shared, lossy, stall, link_cut, hub_restart, relay, cli, threaded)
}


def main() -> None:
    name = sys.argv[1]
    with tempfile.TemporaryDirectory(prefix=f"lintas-{name}-") as tmp:
        scenario = SCENARIOS[name]
        if asyncio.iscoroutinefunction(scenario):
            result = asyncio.run(asyncio.wait_for(scenario(Path(tmp)), 150))
        else:
            result = scenario(Path(tmp))
    print(json.dumps(result, default=str))


if __name__ == "__main__":
    main()
