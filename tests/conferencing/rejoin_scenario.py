"""Crash and rejoin with real processes, run inside a private network namespace (see netns.py).

Bandung is an in-process engine; Pekanbaru is ``main.py call`` with its own data folder. The
Pekanbaru process is killed with SIGKILL (no ``leave``) and started again with the same data
folder and invitation; then a copy of the invitation is tried from another data folder.
Prints one JSON object of observations; test_rejoin.py asserts on them.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from conferencing.engine import CallEngine
from conferencing.events import EngineEvent, ParticipantJoined, ParticipantLeft
from conferencing.hub.server import HubServer
from conferencing.hub.tokens import issue_token
from conferencing.media import SyntheticAudioSource, SyntheticVideoSource

HOST = "127.0.0.2"
SECRET = b"rejoin-scenario-secret-012345678"
ROOM = "kb-bandung-pekanbaru"
BANDUNG, PEKANBARU = "Pemerintah Kota Bandung", "Pemerintah Kota Pekanbaru"
ROOT = Path(__file__).resolve().parents[2]


async def wait_for(predicate: Any, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        await asyncio.sleep(0.05)
    return bool(predicate())


async def crash() -> dict[str, Any]:
    hub = HubServer(HOST, 0, SECRET)
    await hub.start()
    url = hub.url
    events: list[EngineEvent] = []
    frames: dict[str, int] = {}
    bandung = CallEngine(
        BANDUNG,
        video_source=SyntheticVideoSource(BANDUNG, 320, 240, 15),
        audio_source=SyntheticAudioSource(),
    )
    bandung.add_listener(events.append)
    bandung.add_frame_observer(
        lambda peer, _frame: frames.__setitem__(peer, frames.get(peer, 0) + 1)
    )
    bandung.start()
    await asyncio.wrap_future(
        bandung.submit(bandung.join(url, ROOM, issue_token(SECRET, ROOM, BANDUNG, 600)))
    )
    pekanbaru_token = issue_token(SECRET, ROOM, PEKANBARU, 600)
    tmp = Path(tempfile.mkdtemp(prefix="lintas-rejoin-"))

    def call(data_dir: Path, seconds: int) -> subprocess.Popen[str]:
        env = {**os.environ, "LINTAS_DATA_DIR": str(data_dir)}
        return subprocess.Popen(
            [sys.executable, "main.py", "call", "--hub", url, "--room", ROOM, "--token",
             pekanbaru_token, "--office", PEKANBARU, "--synthetic", "320x240", "--fps", "15",
             "--seconds", str(seconds)],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip

    def members() -> list[str]:
        room = hub.rooms.get(ROOM)
        return [m.peer_id for m in room.members.values() if m.office == PEKANBARU] if room else []

    def present(peer: str) -> bool:
        room = hub.rooms.get(ROOM)
        return bool(room and peer in room.members and room.members[peer].ws is not None)

    out: dict[str, Any] = {}
    first = call(tmp / "pekanbaru", 120)
    try:
        await wait_for(lambda: members() and frames.get(members()[0], 0) > 10, 60)
        old_peer = members()[0]
        out["old_peer"] = old_peer
        out["frames_before_crash"] = frames.get(old_peer, 0)
        first.send_signal(signal.SIGKILL)  # a crash: no 'leave', the socket just dies
        first.wait()
        await wait_for(lambda: not present(old_peer), 10)  # the hub noticed: a ghost now
        out["ghost_before_restart"] = old_peer in members()
        restarted_at = time.monotonic()
        second = call(tmp / "pekanbaru", 120)  # same data folder: the same install key
        try:
            await wait_for(lambda: any(p != old_peer for p in members()), 30)
            out["back_s"] = round(time.monotonic() - restarted_at, 2)  # includes process start
            new_peers = [p for p in members() if p != old_peer]
            new_peer = new_peers[0] if new_peers else ""
            out["new_peer"] = new_peer
            out["ghost_replaced"] = bool(new_peer) and members() == [new_peer]
            await wait_for(lambda: frames.get(new_peer, 0) > 10, 30)
            out["frames_from_new"] = frames.get(new_peer, 0)
            out["bandung_saw"] = [
                ["joined" if isinstance(e, ParticipantJoined) else "left", e.peer_id]
                for e in list(events)
                if isinstance(e, ParticipantJoined | ParticipantLeft)
            ]
            # A copy of the invitation on another device (another data folder, another key).
            copy = call(tmp / "other-device", 5)
            _, err = await asyncio.to_thread(copy.communicate, timeout=60)
            out["copy_rc"] = copy.returncode
            out["copy_error"] = err.strip().splitlines()[-1] if err.strip() else ""
            out["still_present_after_copy"] = present(new_peer)
            out["rejoin_rc"] = second.poll()  # None: still in the call
        finally:
            second.kill()
            second.wait()
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
        bandung.stop()
        await hub.stop()
    return out


SCENARIOS = {"crash": crash}


def main() -> None:
    result = asyncio.run(SCENARIOS[sys.argv[1]]())
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
