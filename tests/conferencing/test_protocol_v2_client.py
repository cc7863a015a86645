"""docs/protocol.md is enough: an independent client joins a call with a Lintas office.

``tests/conferencing/doc_client.py`` (written from the document, importing nothing from
``conferencing/``) runs as its own process against the app's embedded hub (``wss://``, pinned)
and an in-process Lintas office, inside a private network namespace. Both ways: video and a
chat message, acknowledged; the client trickles every ICE candidate after its offer.
A receive-only variant checks that Lintas does not take its silence for a stall.

Run as ``python -m tests.conferencing.test_protocol_v2_client NAME`` by :func:`run_scenario`.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from tests.conferencing.netns import run_scenario

ROOT = Path(__file__).resolve().parents[2]
HOST = "127.0.0.2"
ROOM = "kb-doc-client"
BANDUNG, PEKANBARU = "Pemerintah Kota Bandung", "Pemerintah Kota Pekanbaru"


def test_document_client_exchanges_video_and_chat_with_a_lintas_office() -> None:
    r = run_scenario("both", module="tests.conferencing.test_protocol_v2_client")
    doc = r["doc"]
    assert doc["welcome"], doc
    # Its SDP had no candidates; every one it trickled afterwards reached Lintas's ICE agent.
    assert doc["candidates_trickled"] >= 1
    assert r["lintas_remote_candidates"] >= doc["candidates_trickled"]
    assert doc["video_frames_received"] >= 30  # Lintas -> client video
    assert doc["chats_received"] == ["Salam dari Bandung"]  # Lintas -> client chat
    assert doc["sent_chat_id"] in doc["acks_received"]  # Lintas acknowledged the client's chat
    assert r["lintas_frames_from_doc"] >= 30  # client -> Lintas video
    assert r["lintas_chats"] == [[PEKANBARU, "Salam dari Pekanbaru"]]  # client -> Lintas chat
    assert r["lintas_verified_office"] == PEKANBARU  # the hub named the office, not the client


def test_receive_only_document_client_is_not_renegotiated() -> None:
    r = run_scenario("receive-only", module="tests.conferencing.test_protocol_v2_client")
    doc = r["doc"]
    assert doc["video_frames_received"] >= 30 and doc["chats_received"] == ["Salam dari Bandung"]
    assert r["lintas_frames_from_doc"] == 0  # it sends nothing, by design
    # 23 s in the call, past the 12 s after which a silent sending peer is renegotiated.
    assert doc["offers_received"] == 0 and r["sessions"] == [1]  # never taken for a stall
    # Its half-sent chunked message was held, then dropped after 20 s although nothing followed.
    assert r["pending_max"] == 1 and r["pending_last"] == 0


async def scenario(receive_only: bool) -> dict[str, Any]:
    from conferencing.engine import CallEngine
    from conferencing.events import ChatReceived, ParticipantJoined
    from conferencing.hub.embedded import EmbeddedHub
    from conferencing.media import SyntheticAudioSource, SyntheticVideoSource

    hub = EmbeddedHub()  # wss:// with a pinned self-signed certificate, as hosting in the app
    url = hub.start(HOST, 0)
    frames: dict[str, int] = {}
    events: list[Any] = []
    bandung = CallEngine(
        BANDUNG,
        video_source=SyntheticVideoSource(BANDUNG, 320, 240, 15),
        audio_source=SyntheticAudioSource(),
    )
    bandung.add_listener(events.append)
    bandung.add_frame_observer(lambda peer, _f: frames.__setitem__(peer, frames.get(peer, 0) + 1))
    bandung.start()
    try:
        await asyncio.wrap_future(
            bandung.submit(bandung.join(url, ROOM, hub.invite(ROOM, BANDUNG, 600)))
        )
        command = [
            sys.executable,
            "tests/conferencing/doc_client.py",
            "--hub",
            url,
            "--room",
            ROOM,
            "--token",
            hub.invite(ROOM, PEKANBARU, 600),
            "--chat",
            "Salam dari Pekanbaru",
            "--seconds",
            "40",
            "--stay",  # receive-only: past the 12 s after which a silent sender is renegotiated
            # ... and past the 20 s after which an unfinished chunked message is dropped.
            "23" if receive_only else "0",
        ]
        if receive_only:
            command += ["--receive-only", "--half-chunk"]
        doc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)  # fmt: skip
        deadline = time.monotonic() + 40
        sent = False
        remote_candidates, sessions, pending = 0, set(), []
        while time.monotonic() < deadline and doc.poll() is None:
            joined = [e for e in list(events) if isinstance(e, ParticipantJoined)]
            if joined and not sent and (receive_only or frames.get(joined[0].peer_id, 0) > 0):
                await asyncio.sleep(1.0)  # the data channel opens with the media
                await asyncio.wrap_future(bandung.submit(bandung.send_chat("Salam dari Bandung")))
                sent = True
            # Sampled while the client is in the call (its 'bye' ends the link).
            remote_candidates = max(remote_candidates, _remote_candidates(bandung))
            sessions.update(link.session for link in _links(bandung))
            pending.append(sum(link.reassembler.pending_messages for link in _links(bandung)))
            await asyncio.sleep(0.2)
        out, _ = await asyncio.to_thread(doc.communicate, timeout=60)
        joined = [e for e in events if isinstance(e, ParticipantJoined)]
        peer = joined[0].peer_id if joined else ""
        return {
            "sessions": sorted(sessions),
            # Unfinished chunked messages Lintas held: at most, and in the last second before
            # the client hung up (expired by the engine's tick, no further message needed).
            "pending_max": max(pending, default=0),
            "pending_last": max(pending[-5:], default=0),
            "lintas_remote_candidates": remote_candidates,
            "doc": json.loads(out.strip().splitlines()[-1]),
            "lintas_frames_from_doc": frames.get(peer, 0),
            "lintas_chats": [[e.office, e.text] for e in events if isinstance(e, ChatReceived)],
            "lintas_verified_office": joined[0].office if joined else "",
        }
    finally:
        bandung.stop()
        hub.stop()


def _links(engine: Any) -> list[Any]:
    topology = engine.topology
    return list(getattr(topology, "links", {}).values()) if topology is not None else []


def _remote_candidates(engine: Any) -> int:
    """How many remote candidates Lintas's ICE transport holds for the (only) peer."""
    for link in _links(engine):
        if link.pc is not None:
            for transceiver in link.pc.getTransceivers():
                return len(transceiver.receiver.transport.transport.getRemoteCandidates())
    return 0


def main() -> None:
    result = asyncio.run(scenario(sys.argv[1] == "receive-only"))
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
