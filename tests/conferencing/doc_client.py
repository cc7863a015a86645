"""A Lintas call client written from docs/protocol.md alone (plain aiohttp + aiortc).

It does not import anything from ``conferencing/``: it checks that the document is enough to
interoperate. It joins a room (hello, challenge, signed join), offers to every peer in the
welcome with its candidates trickled as ``candidate`` signals (stripped from its SDP), sends a
test pattern and silence, opens the ``lintas`` data channel, sends one chat envelope, answers
every chat/app envelope with an ack, and prints what it observed as one JSON line.

    python tests/conferencing/doc_client.py --hub URL --room R --token T --chat TEXT
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import os
import struct
import sys
import time
import uuid
from datetime import UTC, datetime
from fractions import Fraction
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import aiohttp
import av
import numpy as np
from aiortc import (
    MediaStreamTrack,
    RTCConfiguration,
    RTCIceServer,
    RTCPeerConnection,
    RTCSessionDescription,
)
from aiortc.mediastreams import AudioStreamTrack
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

CHUNK = 16384  # §8 framing


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


class Pattern(MediaStreamTrack):
    """A moving colour bar test pattern, 320x240 at 15 fps."""

    kind = "video"

    def __init__(self) -> None:
        super().__init__()
        self.n = 0
        self.start = time.monotonic()

    async def recv(self) -> av.VideoFrame:
        self.n += 1
        await asyncio.sleep(max(0.0, self.start + self.n / 15 - time.monotonic()))
        img = np.zeros((240, 320, 3), np.uint8)
        img[:, (self.n * 4) % 320 :] = (30, 120, 200)
        frame = av.VideoFrame.from_ndarray(img, format="rgb24")
        frame.pts, frame.time_base = self.n * 6000, Fraction(1, 90000)
        return frame


class Peer:
    """One peer connection attempt to a Lintas office (§6)."""

    def __init__(self, client: DocClient, peer_id: str, session: int) -> None:
        self.client, self.peer_id, self.session = client, peer_id, session
        servers = [RTCIceServer(**s) for s in client.ice_servers]
        self.pc = RTCPeerConnection(RTCConfiguration(iceServers=servers))
        self.channel: Any = None
        self.partial: dict[bytes, dict[int, bytes]] = {}

        @self.pc.on("track")
        def on_track(track: MediaStreamTrack) -> None:
            asyncio.ensure_future(self.consume(track))

        @self.pc.on("datachannel")
        def on_dc(dc: Any) -> None:
            self.attach(dc)

    async def consume(self, track: MediaStreamTrack) -> None:
        while True:
            try:
                await track.recv()
            except Exception:
                return
            if track.kind == "video":
                self.client.result["video_frames_received"] += 1

    def attach(self, dc: Any) -> None:
        self.channel = dc

        @dc.on("open")
        def on_open() -> None:
            self.client.flush(self)

        @dc.on("message")
        def on_message(message: str | bytes) -> None:
            self.client.envelope(self, self.unframe(message))

        if dc.readyState == "open":
            self.client.flush(self)

    def unframe(self, message: str | bytes) -> dict[str, Any] | None:
        if isinstance(message, str):
            return json.loads(message)
        magic, mid, index, count = struct.unpack_from("!3s16sII", message)
        if magic != b"LC1":
            return None
        parts = self.partial.setdefault(mid, {})
        parts[index] = message[27:]
        if len(parts) < count:
            return None
        del self.partial[mid]
        return json.loads(b"".join(parts[i] for i in range(count)))

    def send(self, envelope: dict[str, Any]) -> None:
        data = json.dumps(envelope, separators=(",", ":")).encode()
        if len(data) <= CHUNK:
            self.channel.send(data.decode())
            return
        mid, count = os.urandom(16), -(-len(data) // CHUNK)
        for i in range(count):
            self.channel.send(
                struct.pack("!3s16sII", b"LC1", mid, i, count) + data[i * CHUNK : (i + 1) * CHUNK]
            )

    def add_media(self) -> None:
        if self.client.receive_only:
            self.pc.addTransceiver("audio", direction="recvonly")
            self.pc.addTransceiver("video", direction="recvonly")
        else:
            self.pc.addTrack(AudioStreamTrack())
            self.pc.addTrack(Pattern())

    async def send_description(self, kind: str) -> None:
        """Send our SDP without candidates, then each candidate as a trickled signal (§6)."""
        sdp = self.pc.localDescription.sdp
        lines = sdp.splitlines()
        bare = [ln for ln in lines if not ln.startswith(("a=candidate:", "a=end-of-candidates"))]
        await self.client.signal(self.peer_id, kind, self.session, "\r\n".join(bare) + "\r\n")
        mid = None
        for line in lines:
            if line.startswith("a=mid:"):
                mid = line[6:]
            elif line.startswith("a=candidate:"):
                await self.client.signal(self.peer_id, "candidate", self.session, line[2:], mid)
                self.client.result["candidates_trickled"] += 1
        await self.client.signal(self.peer_id, "candidate", self.session, "", mid)


class DocClient:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.receive_only = args.receive_only
        self.peer_id = uuid.uuid4().hex[:16]
        self.key = Ed25519PrivateKey.generate()
        self.peers: dict[str, Peer] = {}
        self.outbox: list[dict[str, Any]] = []
        self.seen: set[str] = set()
        self.ice_servers: list[dict[str, Any]] = []
        self.ws: Any = None
        self.result: dict[str, Any] = {
            "welcome": False, "video_frames_received": 0, "chats_received": [],
            "acks_received": [], "candidates_trickled": 0, "sent_chat_id": None,
            "offers_received": 0,
        }  # fmt: skip

    async def send(self, obj: dict[str, Any]) -> None:
        await self.ws.send_str(json.dumps({"v": 2, **obj}))

    async def signal(
        self, to: str, kind: str, session: int, sdp: str | None = None, mid: str | None = None
    ) -> None:
        msg: dict[str, Any] = {"type": "signal", "to": to, "kind": kind, "session": session}
        if sdp is not None:
            msg["sdp"] = sdp
        if mid is not None:
            msg["mid"] = mid
        await self.send(msg)

    async def receive(self) -> dict[str, Any]:
        msg = await self.ws.receive()
        if msg.type != aiohttp.WSMsgType.TEXT:
            raise ConnectionError("hub closed the socket")
        return json.loads(msg.data)

    async def run(self) -> dict[str, Any]:
        parts = urlsplit(self.args.hub)
        url = urlunsplit((parts.scheme, parts.netloc, parts.path, parts.query, ""))
        ssl: Any = True
        if parts.fragment.startswith("sha256="):  # §1 certificate pin
            ssl = aiohttp.Fingerprint(bytes.fromhex(parts.fragment[7:]))
        async with aiohttp.ClientSession() as http:
            self.ws = await http.ws_connect(url, ssl=ssl)
            await self.send({"type": "hello"})
            nonce = (await self.receive())["nonce"]
            room, token = self.args.room, self.args.token
            text = "\n".join(["lintas-join-v2", nonce, room, self.peer_id, token])
            public = self.key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
            await self.send({"type": "join", "room": room, "token": token,
                             "peer_id": self.peer_id, "key": b64(public),
                             "sig": b64(self.key.sign(text.encode()))})  # fmt: skip
            welcome = await self.receive()
            if welcome["type"] != "welcome":
                self.result["refused"] = welcome
                return self.result
            self.result["welcome"] = True
            self.ice_servers = welcome["ice_servers"]
            self.outbox.append({"t": "chat", "id": uuid.uuid4().hex, "text": self.args.chat,
                                "sent_at": datetime.now(UTC).isoformat()})  # fmt: skip
            self.result["sent_chat_id"] = self.outbox[0]["id"]
            for peer in welcome["peers"]:  # §6: the newcomer offers to every listed peer
                await self.offer(peer["peer_id"], 1)
            reader = asyncio.ensure_future(self.read())
            deadline = time.monotonic() + self.args.seconds
            stay_until = time.monotonic() + self.args.stay
            while time.monotonic() < deadline and not (
                self.done() and time.monotonic() >= stay_until
            ):
                await asyncio.sleep(0.2)
            await asyncio.sleep(1.0)  # let the last acks go out
            reader.cancel()
            for peer in self.peers.values():
                await self.signal(peer.peer_id, "bye", peer.session)
                await peer.pc.close()
            await self.send({"type": "leave"})
            await self.ws.close()
        return self.result

    def done(self) -> bool:
        r = self.result
        return bool(r["chats_received"] and r["acks_received"] and r["video_frames_received"] >= 30)

    async def offer(self, peer_id: str, session: int) -> None:
        old = self.peers.get(peer_id)
        if old is not None:
            await old.pc.close()
        peer = self.peers[peer_id] = Peer(self, peer_id, session)
        peer.add_media()
        peer.attach(peer.pc.createDataChannel("lintas", ordered=True))
        await peer.pc.setLocalDescription(await peer.pc.createOffer())
        await peer.send_description("offer")

    async def answer(self, peer_id: str, session: int, sdp: str) -> None:
        old = self.peers.get(peer_id)
        if old is not None:
            await old.pc.close()
        peer = self.peers[peer_id] = Peer(self, peer_id, session)
        await peer.pc.setRemoteDescription(RTCSessionDescription(sdp, "offer"))
        peer.add_media()
        await peer.pc.setLocalDescription(await peer.pc.createAnswer())
        await peer.send_description("answer")

    async def read(self) -> None:
        while True:
            msg = await self.receive()
            if msg["type"] != "signal":
                continue
            sender, kind, session = msg["from"], msg["kind"], msg["session"]
            peer = self.peers.get(sender)
            current = peer.session if peer else 0
            if kind == "offer" and session > current:
                self.result["offers_received"] += 1
                await self.answer(sender, session, msg["sdp"])
            elif kind == "answer" and peer and session == current:
                await peer.pc.setRemoteDescription(RTCSessionDescription(msg["sdp"], "answer"))
            elif kind == "restart" and peer_first(self.peer_id, sender):
                await self.offer(sender, max(current, session) + 1)
            elif kind == "bye" and peer:
                await peer.pc.close()

    def flush(self, peer: Peer) -> None:
        for envelope in self.outbox:  # unacknowledged envelopes, resent on every new channel
            peer.send(envelope)
        if self.args.half_chunk:
            # Test of the receiver's bounds: the first of two chunks, and never the second.
            head = struct.pack("!3s16sII", b"LC1", os.urandom(16), 0, 2)
            peer.channel.send(head + b"x" * CHUNK)

    def envelope(self, peer: Peer, env: dict[str, Any] | None) -> None:
        if env is None:
            return
        if env.get("t") == "ack":
            self.result["acks_received"].append(env["id"])
            self.outbox = [e for e in self.outbox if e["id"] != env["id"]]
            return
        if env.get("t") in ("chat", "app"):
            peer.send({"t": "ack", "id": env["id"]})  # ack every one, duplicates too
            if env["id"] not in self.seen:
                self.seen.add(env["id"])
                if env["t"] == "chat":
                    self.result["chats_received"].append(env["text"])


def peer_first(a: str, b: str) -> bool:
    return a < b


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--hub", required=True)
    parser.add_argument("--room", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--chat", default="Salam")
    parser.add_argument("--seconds", type=float, default=40)
    parser.add_argument("--stay", type=float, default=0, help="stay at least this long")
    parser.add_argument("--receive-only", action="store_true")
    parser.add_argument("--half-chunk", action="store_true", help="start a message, never end it")
    result = asyncio.run(DocClient(parser.parse_args()).run())
    print(json.dumps(result), flush=True)
    sys.exit(0)


if __name__ == "__main__":
    main()
