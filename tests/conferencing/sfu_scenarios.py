"""SFU scenarios: a real Janus, the real hub with its JanusPool, real aiortc offices.

Run by ``tests/conferencing/test_sfu.py`` as ``python -m tests.conferencing.sfu_scenarios NAME``
under ``unshare -rn`` with :data:`~tests.conferencing.janus_server.SFU_SETUP` (a veth pair:
Janus skips loopback). Each scenario only observes and prints one JSON object as its last line.
Video is the pixel-stamped synthetic pattern at 320x240, 15 fps (two shared cores).
"""

from __future__ import annotations

import asyncio
import base64
import dataclasses
import hashlib
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from aiortc import RTCPeerConnection, RTCSessionDescription

from conferencing import protocol as p
from conferencing import stamp
from conferencing.call_identity import SFU_PUBLISH_KIND, TrustedOffices
from conferencing.events import AppMessageReceived, ChatReceived, VideoPaused
from conferencing.hub.janus_pool import JanusPool
from conferencing.hub.server import HubServer
from conferencing.hub.tokens import issue_token
from conferencing.janus_client import JanusSession
from conferencing.media import SyntheticVideoSource
from conferencing.topology.sfu import SfuTopology
from tests.conferencing.hubclient import RawClient
from tests.conferencing.identity_scenarios import make_identity
from tests.conferencing.janus_server import SFU_HOST, SFU_HOST_2, JanusServer
from tests.conferencing.scenarios import ROOT, SECRET, Office, frames_from, nft, wait_for

ROOM = "apeksi-pokja-smart-city"
CITIES = [
    "Pemerintah Kota Bandung",
    "Pemerintah Kota Pekanbaru",
    "Pemerintah Kota Palangkaraya",
    "Pemerintah Kota Makassar",
    "Pemerintah Kota Surabaya",
    "Pemerintah Kota Denpasar",
]
IMPOSTOR = "Penyusup"


def token(office: str, size: int) -> str:
    return issue_token(SECRET, ROOM, office, 600, size=size)


async def join(office: Office, hub: HubServer, size: int) -> None:
    await office.engine.join(hub.url, ROOM, token(office.name, size))


async def start_hub(janus: JanusServer) -> HubServer:
    hub = HubServer(SFU_HOST, 0, SECRET, janus=JanusPool([janus.spec()]), sfu_above=4)
    await hub.start()
    return hub


class Stamps:
    """Reads the stamp of every frame an office receives, small simulcast layers included.

    The stamp's grid follows the frame's width, so a frame of the low layer (scaled by the
    sender) is brought back to the published size before it is read.
    """

    def __init__(self, office: Office, size: tuple[int, int] = (320, 240)) -> None:
        self.size = size
        self.stamped: dict[str, int] = {}
        self.tags: dict[str, set[int]] = {}
        self.last: dict[str, int] = {}
        self.increasing: dict[str, bool] = {}
        office.engine.add_frame_observer(self._frame)

    def _frame(self, peer_id: str, frame: Any) -> None:
        if (frame.width, frame.height) != self.size:
            frame = frame.reformat(width=self.size[0], height=self.size[1])
        value = stamp.read_frame(frame)
        if value is None:
            return
        self.stamped[peer_id] = self.stamped.get(peer_id, 0) + 1
        self.tags.setdefault(peer_id, set()).add(value.tag)
        previous = self.last.get(peer_id)
        if previous is not None and value.counter < previous:
            self.increasing[peer_id] = False
        self.increasing.setdefault(peer_id, True)
        self.last[peer_id] = value.counter


def figures(office: Office, others: list[Office], stamps: Stamps | None = None) -> dict[str, Any]:
    """What ``office`` received from each other office: stamped frames and their tags."""
    out = {}
    for other in others:
        if stamps is not None:
            peer = other.engine.peer_id
            out[other.name] = {
                "stamped": stamps.stamped.get(peer, 0),
                "tags": sorted(stamps.tags.get(peer, ())),
                "increasing": stamps.increasing.get(peer, False),
            }
            continue
        fig = office.report.peers.get(other.engine.peer_id)
        out[other.name] = {
            "stamped": fig.stamped if fig else 0,
            "tags": sorted(fig.tags) if fig else [],
            "increasing": fig.counters_increasing if fig else False,
        }
    return out


def verdicts(office: Office) -> dict[str, Any]:
    out = {}
    for peer_id, state in office.engine.verifications().items():
        name = office.engine.participants.get(peer_id, peer_id)
        out[name] = {"status": state.status, "code": str(state.code), "office": state.office}
    return out


async def raw_welcome(hub: HubServer, size: int) -> dict[str, Any] | None:
    """The welcome exactly as an office receives it (one more office, which then leaves)."""
    client = await RawClient.connect(hub.url)
    try:
        welcome = await client.join(ROOM, token("Pemerintah Kota Observasi", size), "observer01")
        await client.send({"type": "leave"})
    finally:
        await client.close()
    return welcome


# ----------------------------------------------------------------------------- scenarios


async def six(tmp: Path) -> dict[str, Any]:
    """Six offices with office identities in one SFU session; each checks every other."""
    async with JanusServer(SFU_HOST) as janus:
        hub = await start_hub(janus)
        try:
            welcome = await raw_welcome(hub, 6)
            await asyncio.sleep(0.5)
            identities = [make_identity(tmp, name, f"o{i}") for i, name in enumerate(CITIES)]
            trusted = TrustedOffices.of([i.certificate for i in identities])
            offices = [
                Office(name, identity=identity, trusted=trusted)
                for name, identity in zip(CITIES, identities, strict=True)
            ]
            stamps = {o.name: Stamps(o) for o in offices}
            for office in offices:
                await join(office, hub, 6)
            everyone = await wait_for(
                lambda: all(
                    stamps[x.name].stamped.get(y.engine.peer_id, 0) > 15
                    for x in offices
                    for y in offices
                    if x is not y
                ),
                90,
            )
            await wait_for(
                lambda: all(
                    v.status != "pending"
                    for o in offices
                    for v in o.engine.verifications().values()
                ),
                15,
            )
            secrets_ = [janus.api_secret, janus.admin_secret, janus.admin_key]
            secrets_ += [t.secret for t in hub.sfu.pool.rooms.values()]  # type: ignore[union-attr]
            out = {
                "everyone": everyone,
                "welcome": welcome,
                "welcome_leaks": [s for s in secrets_ if s in json.dumps(welcome)],
                "topologies": sorted({type(o.engine.topology).__name__ for o in offices}),
                "tags": {o.name: stamp.office_tag(o.name) for o in offices},
                "figures": {
                    o.name: figures(o, [x for x in offices if x is not o], stamps[o.name])
                    for o in offices
                },
                "participants": {o.name: sorted(o.engine.participants.values()) for o in offices},
                "verdicts": {o.name: verdicts(o) for o in offices},
                "feeds": {o.name: o.engine.sfu.feed for o in offices},  # type: ignore[union-attr]
                "hub_rooms": {r: len(x.seats) for r, x in hub.sfu.rooms.items()},
                # Five others on screen: each received in the low simulcast layer.
                "sizes": sorted(
                    {
                        f"{w}x{h}"
                        for o in offices
                        for fig in o.report.peers.values()
                        for w, h in fig.sizes
                    }
                ),
            }
            await offices[-1].engine.leave()
            await wait_for(lambda: len(offices[0].engine.participants) == 4, 10)
            out["after_leave"] = sorted(offices[0].engine.participants.values())
            for office in offices[:-1]:
                await office.engine.leave()
            await asyncio.sleep(0.5)
            out["rooms_after"] = len(hub.sfu.rooms)
            # Janus's own count; a session that went back to a mesh on the way down may keep
            # its Janus room for a grace period (hub/switching.py) before the hub destroys it.
            deadline = time.monotonic() + 20
            while (count := await janus_room_count(janus)) and time.monotonic() < deadline:
                await asyncio.sleep(1.0)
            out["janus_rooms_after"] = count
        finally:
            await hub.stop()
    return out


async def janus_room_count(janus: JanusServer) -> int:
    """How many VideoRooms Janus still holds (the hub destroys a session's room when empty)."""
    session = await JanusSession.open(janus.url, api_secret=janus.api_secret)
    try:
        handle = await session.attach()
        data, _ = await handle.message({"request": "list", "admin_key": janus.admin_key})
        return len(data.get("list", []))
    finally:
        await session.close()


async def impostor(tmp: Path) -> dict[str, Any]:
    """A lingering publisher under B's peer id, and a binding tampered on its way to A.

    The impostor publishes (with a token and the pin, as an office could) under the display
    of B's peer id before B even joins, sending its own stamped pattern. A must show B's
    pixels only. Then B's signed announcement reaches C with its feed number altered (a hub
    tampering in transit): C must not call B verified.
    """
    async with JanusServer(SFU_HOST) as janus:
        hub = await start_hub(janus)
        try:
            ids = [make_identity(tmp, name, f"o{i}") for i, name in enumerate(CITIES[:3])]
            trusted = TrustedOffices.of([i.certificate for i in ids])
            a, b, c = (
                Office(name, identity=ident, trusted=trusted)
                for name, ident in zip(CITIES[:3], ids, strict=True)
            )
            await join(a, hub, 6)
            ticket = hub.sfu.pool.rooms[ROOM]  # type: ignore[union-attr]
            fake = await publish_impostor(janus, hub, ticket, b.engine.peer_id)

            # B's announcements to C are altered in transit (the signature no longer fits).
            original = b.engine.send_relay

            async def tampering(to: str, data: dict[str, Any]) -> None:
                if to == c.engine.peer_id and data.get("t") == SFU_PUBLISH_KIND:
                    raw = json.loads(base64.b64decode(data["binding"]))
                    raw["office"] = raw["office"] + " "  # one byte more: the signature fails
                    data = {**data, "binding": base64.b64encode(json.dumps(raw).encode()).decode()}
                await original(to, data)

            b.engine.send_relay = tampering  # type: ignore[method-assign]
            await join(b, hub, 6)
            await join(c, hub, 6)
            offices = [a, b, c]
            await wait_for(
                lambda: all(frames_from(x, y) > 15 for x in offices for y in offices if x is not y),
                60,
            )
            await asyncio.sleep(2.0)  # the impostor keeps publishing all along
            topo = a.engine.topology
            assert isinstance(topo, SfuTopology)
            out = {
                "tags": {o.name: stamp.office_tag(o.name) for o in offices},
                "impostor_tag": stamp.office_tag(IMPOSTOR),
                "impostor_feed": fake["feed"],
                "b_feed": b.engine.sfu.feed,  # type: ignore[union-attr]
                "a_chose_for_b": topo.chosen_feed(b.engine.peer_id),
                "janus_feeds_with_b_display": sorted(
                    f.id for f in topo.feeds.values() if f.display == b.engine.peer_id
                ),
                "a_from": figures(a, [b, c]),
                "c_from": figures(c, [a, b]),
                "a_verdicts": verdicts(a),
                "c_verdicts": verdicts(c),
                "impostor_frames_sent": fake["track"].sent,
            }
            # Messages in an SFU session: chat to all, an app message to B alone.
            await a.engine.send_chat("Selamat pagi, Bapak dan Ibu Wali Kota")
            await a.engine.send_message_to(b.engine.peer_id, "agenda.item", {"no": 3})
            await wait_for(lambda: b.of(AppMessageReceived) and c.of(ChatReceived), 10)
            await asyncio.sleep(0.5)
            out["chat"] = {o.name: [(e.office, e.text) for e in o.of(ChatReceived)] for o in (b, c)}
            out["app"] = {
                o.name: [(e.office, e.kind, e.payload) for e in o.of(AppMessageReceived)]
                for o in (b, c)
            }
            # A draft with its signed PDF is far larger than one relay (31 KiB): 600 KB to all,
            # in chunks paced under the hub's message budget, arrives whole at each office.
            pdf = base64.b64encode(random.Random(7).randbytes(450_000)).decode()
            draft = {"title": "Kesepakatan Bersama", "pdf": pdf}
            digest = hashlib.sha256(json.dumps(draft, sort_keys=True).encode()).hexdigest()
            sent_at = time.monotonic()
            await a.engine.send_message("agreement.revision", draft)
            out["big_send_s"] = time.monotonic() - sent_at

            def big(office: Office) -> list[str]:
                return [
                    hashlib.sha256(json.dumps(e.payload, sort_keys=True).encode()).hexdigest()
                    for e in office.of(AppMessageReceived)
                    if e.kind == "agreement.revision"
                ]

            await wait_for(lambda: big(b) and big(c), 30)
            out["big_digest"], out["big_at"] = digest, {o.name: big(o) for o in (b, c)}
            out["big_size"] = len(json.dumps(draft))
            out["a_still_in"] = a.engine.state
            # Trust withdrawn in the call, then made again: C's verdict about A follows.
            pinned = c.engine.trusted_offices
            c.engine.trusted_offices = TrustedOffices.of(
                [d for d in pinned.ders if d != ids[0].certificate_der]
            )
            await asyncio.sleep(1.0)
            out["c_about_a_untrusted"] = verdicts(c)[a.name]
            c.engine.trusted_offices = pinned
            await asyncio.sleep(1.0)
            out["c_about_a_trusted_again"] = verdicts(c)[a.name]
            for office in offices:
                await office.engine.leave()
            await fake["pc"].close()
            await fake["session"].close()
        finally:
            await hub.stop()
    return out


class _CountingTrack:
    """Wraps a video track and counts the frames it handed to the encoder."""

    def __init__(self, track: Any) -> None:
        self.track = track
        self.sent = 0

    def wrap(self) -> Any:
        inner = self.track
        counter = self

        original = inner.recv

        async def recv() -> Any:
            frame = await original()
            counter.sent += 1
            return frame

        inner.recv = recv
        return inner


async def publish_impostor(
    janus: JanusServer, hub: HubServer, ticket: Any, display: str
) -> dict[str, Any]:
    """Publish a stamped pattern of :data:`IMPOSTOR` to the room under ``display``."""
    pool = hub.sfu.pool
    assert pool is not None
    office_token = await pool.add_token(ticket)
    session = await JanusSession.open(janus.url, token=office_token)
    handle = await session.attach()
    feed = 4242
    await handle.message(
        {
            "request": "join",
            "ptype": "publisher",
            "room": ticket.room,
            "pin": ticket.pin,
            "id": feed,
            "display": display,
        }
    )
    pc = RTCPeerConnection()
    counting = _CountingTrack(SyntheticVideoSource(IMPOSTOR, 320, 240, 15).track())
    pc.addTrack(counting.wrap())
    await pc.setLocalDescription(await pc.createOffer())
    _, jsep = await handle.message(
        {"request": "publish"}, {"type": "offer", "sdp": pc.localDescription.sdp}
    )
    assert jsep is not None
    await pc.setRemoteDescription(RTCSessionDescription(sdp=jsep["sdp"], type="answer"))
    return {"session": session, "pc": pc, "feed": feed, "track": counting}


async def stall(tmp: Path) -> dict[str, Any]:
    """All UDP dropped for 6 s: the offices say "reconnecting", then media resumes by itself."""
    async with JanusServer(SFU_HOST) as janus:
        hub = await start_hub(janus)
        try:
            offices = [Office(name) for name in CITIES[:3]]
            for office in offices:
                await join(office, hub, 6)
            pairs = [(x, y) for x in offices for y in offices if x is not y]
            await wait_for(lambda: all(frames_from(x, y) > 10 for x, y in pairs), 60)
            nft("add", "table", "inet", "cut")
            nft("add", "chain", "inet", "cut", "in", "{ type filter hook input priority 0; }")
            nft("add", "rule", "inet", "cut", "in", "meta", "l4proto", "udp", "drop")
            saw = await wait_for(lambda: all("reconnecting" in o.states() for o in offices), 8)
            await asyncio.sleep(6.0 - 0.0)
            nft("delete", "table", "inet", "cut")
            restored = time.monotonic()
            resumed = await wait_for(
                lambda: all(
                    x.report.frames_since(y.engine.peer_id, restored + 0.2) for x, y in pairs
                ),
                45,
            )
            await wait_for(lambda: all(o.engine.state == "connected" for o in offices), 10)
            out = {
                "saw_reconnecting": saw,
                "resumed": resumed,
                "resumed_after_s": time.monotonic() - restored,
                "final": [o.engine.state for o in offices],
                "states": {o.name: o.states() for o in offices},
                "tags_ok": all(
                    sorted(x.report.peers[y.engine.peer_id].tags) == [stamp.office_tag(y.name)]
                    for x, y in pairs
                ),
            }
            for office in offices:
                await office.engine.leave()
        finally:
            await hub.stop()
    return out


async def visible(tmp: Path) -> dict[str, Any]:
    """A shows only B (a gallery page): C's video stops reaching A, its sound does not."""
    async with JanusServer(SFU_HOST) as janus:
        hub = await start_hub(janus)
        try:
            a, b, c = (Office(name) for name in CITIES[:3])
            for office in (a, b, c):
                await join(office, hub, 6)
            offices = [a, b, c]
            pairs = [(x, y) for x in offices for y in offices if x is not y]
            await wait_for(lambda: all(frames_from(x, y) > 10 for x, y in pairs), 60)
            topo = a.engine.topology
            assert isinstance(topo, SfuTopology)

            def counts() -> dict[str, int]:
                sub_b, sub_c = topo.subs[b.engine.peer_id], topo.subs[c.engine.peer_id]
                return {
                    "b_video": sub_b.video_frames,
                    "c_video": sub_c.video_frames,
                    "c_audio": sub_c.audio_frames,
                }

            await topo.set_visible_peers(frozenset({b.engine.peer_id}))
            await asyncio.sleep(1.0)  # frames already on their way
            before = counts()
            await asyncio.sleep(3.0)
            hidden = {k: v - before[k] for k, v in counts().items()}
            paused_events = [
                e for e in a.of(VideoPaused) if e.peer_id == c.engine.peer_id and e.paused
            ]
            await topo.set_visible_peers(frozenset({b.engine.peer_id, c.engine.peer_id}))
            await asyncio.sleep(1.0)
            before = counts()
            await asyncio.sleep(2.0)
            shown = {k: v - before[k] for k, v in counts().items()}
            out = {
                "hidden": hidden,
                "shown": shown,
                "paused_events_for_hidden": len(paused_events),
                "c_tags_at_a": sorted(a.report.peers[c.engine.peer_id].tags),
                "c_tag": stamp.office_tag(c.name),
            }
            for office in offices:
                await office.engine.leave()
        finally:
            await hub.stop()
    return out


async def layers(tmp: Path) -> dict[str, Any]:
    """Simulcast layers: A receives C small when it asks (or its gallery is crowded), else full.

    At 640x480: a camera of 270 lines or less is published as one layer (sfu_layers)."""
    async with JanusServer(SFU_HOST) as janus:
        hub = await start_hub(janus)
        try:
            a, b, c = (Office(name) for name in CITIES[:3])
            for office in (a, b, c):
                office.engine._video_source = SyntheticVideoSource(office.name, 640, 480, 15)
            sizes: list[tuple[float, str, int, int]] = []
            a.engine.add_frame_observer(
                lambda peer, frame: sizes.append(
                    (time.monotonic(), peer, frame.width, frame.height)
                )
            )
            stamps_a = Stamps(a, (640, 480))
            for office in (a, b, c):
                await join(office, hub, 6)
            offices = [a, b, c]
            pairs = [(x, y) for x in offices for y in offices if x is not y]
            await wait_for(lambda: all(frames_from(x, y) > 10 for x, y in pairs), 60)
            topo = a.engine.topology
            assert isinstance(topo, SfuTopology)
            c_id = c.engine.peer_id

            async def window(seconds: float) -> list[list[int]]:
                await asyncio.sleep(1.0)  # the switch waits for the layer's next key frame
                since = time.monotonic()
                await asyncio.sleep(seconds)
                seen = {(w, h) for t, peer, w, h in sizes if peer == c_id and t >= since}
                return sorted([w, h] for w, h in seen)

            out: dict[str, Any] = {"first": await window(2.0)}
            await topo.prefer_layer(c_id, "low")
            low_from = stamps_a.stamped.get(c_id, 0)
            out["asked_low"] = await window(2.0)
            out["stamped_low"] = stamps_a.stamped.get(c_id, 0) - low_from
            await topo.prefer_layer(c_id, None)
            out["back"] = await window(2.0)
            published = topo.feeds[topo.subs[c_id].feed].streams
            out["c_streams"] = sorted([s.type, s.description] for s in published)
            frames_before = frames_from(a, c)
            out["c_tags_at_a"] = sorted(stamps_a.tags[c_id])
            out["c_tag"] = stamp.office_tag(c.name)
            out["stamped_during"] = frames_before
            for office in offices:
                await office.engine.leave()
        finally:
            await hub.stop()
    return out


QUIET = CITIES[2]  # its call window shows no tiles (``--no-incoming-video``)


async def cli(tmp: Path) -> dict[str, Any]:
    """The command line: ``main.py hub --janus-config``, ``invite --offices``, three ``call``s.

    The third office receives nobody's video; the other two still receive its own.
    """
    py, env = sys.executable, {**os.environ, "PYTHONPATH": str(ROOT)}
    async with JanusServer(SFU_HOST) as janus:
        config = tmp / "janus.json"
        spec = janus.spec()
        config.write_text(json.dumps({"servers": [dataclasses.asdict(spec)]}))
        secret = tmp / "hub.secret"
        hub = subprocess.Popen(
            [py, "main.py", "hub", "--host", SFU_HOST, "--port", "8797", "--insecure"]
            + ["--secret-file", str(secret), "--janus-config", str(config), "--sfu-above", "2"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        try:
            await asyncio.to_thread(hub.stdout.readline)  # type: ignore[union-attr]

            def invite(office: str) -> str:
                return subprocess.run(
                    [py, "main.py", "invite", "--secret-file", str(secret), "--room", ROOM]
                    + ["--office", office, "--offices", "3"],
                    cwd=ROOT,
                    env=env,
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout.strip()

            calls = [
                subprocess.Popen(
                    [py, "main.py", "call", "--hub", f"ws://{SFU_HOST}:8797/ws", "--room", ROOM]
                    + ["--token", invite(office), "--office", office, "--synthetic", "320x240"]
                    + ["--fps", "15", "--seconds", "8", "--report"]
                    + (["--no-incoming-video"] if office == QUIET else []),
                    cwd=ROOT,
                    env={**env, "LINTAS_DATA_DIR": str(tmp / f"d{i}")},
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                )
                for i, office in enumerate(CITIES[:3])
            ]
            reports = {}
            for office, proc in zip(CITIES[:3], calls, strict=True):
                out, err = await asyncio.to_thread(proc.communicate, timeout=90)
                lines = out.strip().splitlines()
                reports[office] = json.loads(lines[-1]) if lines else {"error": err[-2000:]}
        finally:
            hub.terminate()
            await asyncio.to_thread(hub.wait, 10)
    return {
        "reports": reports,
        "tags": {o: stamp.office_tag(o) for o in CITIES[:3]},
        "quiet": QUIET,
    }


async def squeeze(tmp: Path) -> dict[str, Any]:
    """A tbf rate limit on what Janus sends: the offices drop to the small layer and go on.

    Janus runs in a namespace of its own behind the veth pair (``SFU_SPLIT_SETUP``), so its
    traffic to the offices really crosses ``sfu1``, where the limit is put.
    """
    async with JanusServer(SFU_HOST_2, netns_device="sfu1") as janus:
        hub = await start_hub(janus)
        try:
            a, b = Office(CITIES[0]), Office(CITIES[1])
            for office in (a, b):
                office.engine._video_source = SyntheticVideoSource(office.name, 640, 480, 15)
            stamps = {o.name: Stamps(o, (640, 480)) for o in (a, b)}
            sizes: list[tuple[float, int, int]] = []
            a.engine.add_frame_observer(
                lambda peer, f: sizes.append((time.monotonic(), f.width, f.height))
            )
            for office in (a, b):
                await join(office, hub, 6)
            await wait_for(lambda: frames_from(a, b) > 15 and frames_from(b, a) > 15, 60)
            topo_a, topo_b = a.engine.topology, b.engine.topology
            assert isinstance(topo_a, SfuTopology) and isinstance(topo_b, SfuTopology)
            sub = topo_a.subs[b.engine.peer_id]
            await asyncio.sleep(2.0)
            out: dict[str, Any] = {
                "layer_before": sub.layer,
                "sizes_before": sorted({f"{w}x{h}" for t, w, h in sizes}),
            }
            # Everything Janus sends through 450 kbit/s: the two full layers (about 430 kbit/s
            # each with sound) no longer fit, the two small ones (about 175) do.
            janus.in_netns("tc qdisc add dev sfu1 root tbf rate 450kbit burst 20kb latency 300ms")
            limited = time.monotonic()
            out["switched_down"] = await wait_for(
                lambda: topo_a.subs[b.engine.peer_id].layer == "low", 30
            )
            out["switched_after_s"] = round(time.monotonic() - limited, 1)
            await asyncio.sleep(2.0)  # the small layer's first key frame
            frames_before, since = topo_a.subs[b.engine.peer_id].video_frames, time.monotonic()
            await asyncio.sleep(4.0)
            out["fps_low_under_limit"] = (
                topo_a.subs[b.engine.peer_id].video_frames - frames_before
            ) / (time.monotonic() - since)
            out["sizes_under_limit"] = sorted({f"{w}x{h}" for t, w, h in sizes if t >= since})
            out["b_tags_at_a"] = sorted(stamps[a.name].tags.get(b.engine.peer_id, ()))
            out["b_tag"] = stamp.office_tag(b.name)
            for office in (a, b):
                await office.engine.leave()
        finally:
            await hub.stop()
    return out


SCENARIOS = {
    "squeeze": squeeze,
    "cli": cli,
    "six": six,
    "impostor": impostor,
    "stall": stall,
    "visible": visible,
    "layers": layers,
}


def main() -> None:
    name = sys.argv[1]
    with tempfile.TemporaryDirectory(prefix=f"lintas-sfu-{name}-") as tmp:
        result = asyncio.run(asyncio.wait_for(SCENARIOS[name](Path(tmp)), 170))
    print(json.dumps(result, default=str))


if __name__ == "__main__":
    main()


_ = p  # the protocol module is imported for readers following the welcome's shape
