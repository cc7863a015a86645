"""Host controls and active speaker with real engines through the real hub, in a namespace.

Run by ``tests/conferencing/test_host_controls.py`` through ``netns.run_scenario`` as
``python -m tests.conferencing.host_scenarios NAME``; each scenario only observes and prints one
JSON object as its last line.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from conferencing.engine import CallEngine
from conferencing.events import (
    ConnectionStateChanged,
    EngineError,
    EngineEvent,
    ParticipantJoined,
    ParticipantLeft,
)
from conferencing.hosting_engine import LobbyWaiting, MuteRequested, RoomStateChanged
from conferencing.hub.server import HubServer
from conferencing.hub.tokens import issue_token
from conferencing.installkey import InstallKey
from conferencing.media import SyntheticAudioSource, SyntheticVideoSource
from conferencing.signaling import JoinRefused
from conferencing.speaking import AudioLevels
from tests.conferencing.scenarios import HOST, SECRET, wait_for

ROOM = "kesepakatan-bandung-pekanbaru"
ROOT = Path(__file__).resolve().parents[2]
BANDUNG, PEKANBARU, PALANGKARAYA, MEDAN = (
    "Pemerintah Kota Bandung", "Pemerintah Kota Pekanbaru", "Pemerintah Kota Palangkaraya",
    "Pemerintah Kota Medan",
)  # fmt: skip


class Office:
    """One engine, its invitation and what it observed."""

    def __init__(self, name: str, *, host: bool = False, volume: float = 0.0) -> None:
        self.name = name
        self.token = issue_token(SECRET, ROOM, name, 600, host=host)
        self.key = InstallKey.generate()  # the same install across a restart
        self.engine = CallEngine(
            name,
            video_source=SyntheticVideoSource(name, 160, 120, 10),
            audio_source=SyntheticAudioSource(440.0, volume),
            install_key=self.key,
        )
        self.events: list[EngineEvent] = []
        self.engine.add_listener(self.events.append)

    def of(self, kind: type) -> list[Any]:
        return [e for e in list(self.events) if isinstance(e, kind)]

    def errors(self) -> list[str]:
        return [e.code for e in self.of(EngineError)]

    def room(self) -> RoomStateChanged | None:
        states = self.of(RoomStateChanged)
        return states[-1] if states else None

    def failed_code(self) -> str | None:
        failed = [e.code for e in self.of(ConnectionStateChanged) if e.state == "failed"]
        return failed[-1] if failed else None

    async def join(self, url: str) -> None:
        await self.engine.join(url, ROOM, self.token)

    async def try_join(self, url: str) -> str:
        """Join; ``"joined"`` or the refusal's code."""
        try:
            await self.engine.join(url, ROOM, self.token)
        except JoinRefused as exc:
            return exc.code
        return "joined"

    async def rejoin_fresh(self, url: str) -> str:
        """A restarted app with the same invitation (a new engine): ``"joined"`` or the code."""
        self.engine = CallEngine(
            self.name,
            video_source=SyntheticVideoSource(self.name, 160, 120, 10),
            install_key=self.key,
        )
        self.engine.add_listener(self.events.append)
        code = await self.try_join(url)
        if code == "joined":
            await self.engine.leave()
        return code


async def controls(tmp: Path) -> dict[str, Any]:
    """Lock, lobby admit and deny, refused non-host controls, mute request, hands, remove, end."""
    hub = HubServer(HOST, 0, SECRET, grace_s=3.0)
    await hub.start()
    url = hub.url
    out: dict[str, Any] = {}
    a = Office(BANDUNG, host=True, volume=0.2)  # the host speaks (a tone)
    b = Office(PEKANBARU)  # silent
    await a.join(url)
    await b.join(url)
    await wait_for(lambda: a.room() is not None and b.room() is not None, 5)
    out["a_is_host"], out["b_is_host"] = a.engine.is_host, b.engine.is_host
    out["b_sees_host"] = b.room().host == a.engine.peer_id  # type: ignore[union-attr]

    # Active speaker: the tone of Bandung against Pekanbaru's silence, measured at both ends.
    def active_at(office: Office) -> str | None:
        levels = office.of(AudioLevels)
        return levels[-1].active if levels else None

    await wait_for(lambda: active_at(b) == a.engine.peer_id, 15)
    await asyncio.sleep(1.0)
    last_b, last_a = b.of(AudioLevels)[-1], a.of(AudioLevels)[-1]
    out["speaker_at_b"] = last_b.active == a.engine.peer_id
    out["speaking_at_b"] = sorted(
        {BANDUNG if p == a.engine.peer_id else PEKANBARU for p in last_b.speaking}
    )
    out["levels_at_b"] = {
        "bandung": last_b.levels.get(a.engine.peer_id, 0.0),
        "pekanbaru_own": last_b.levels.get(b.engine.peer_id, 0.0),
    }
    out["speaker_at_a"] = last_a.active == a.engine.peer_id  # its own microphone
    out["pekanbaru_speaking_at_a"] = b.engine.peer_id in last_a.speaking
    # At most about 10 reports a second (bounded rate).
    stamps = len(b.of(AudioLevels))
    await asyncio.sleep(2.0)
    out["level_reports_per_s_at_b"] = (len(b.of(AudioLevels)) - stamps) / 2.0

    # A non-host's controls are refused by the hub and change nothing.
    for action in ("lock", "end", "remove", "mute"):
        target = a.engine.peer_id if action in ("remove", "mute") else None
        await b.engine._host_control(action, target)
    await wait_for(lambda: b.errors().count("not-host") >= 4, 5)
    await asyncio.sleep(0.3)
    out["b_refusals"] = b.errors().count("not-host")
    out["after_refusals"] = {
        "locked": a.room().locked,  # type: ignore[union-attr]
        "a_muted": a.engine.mic_muted,
        "a_state": a.engine.state,
        "participants_a": sorted(a.engine.participants.values()),
    }

    # Lock; Palangkaraya waits in the lobby: no peers, no welcome, the host sees it.
    await a.engine.lock_room(True)
    await wait_for(lambda: a.room().locked and b.room().locked, 5)  # type: ignore[union-attr]
    c = Office(PALANGKARAYA)
    c_join = asyncio.ensure_future(c.try_join(url))
    await wait_for(lambda: bool(a.room().lobby), 10)  # type: ignore[union-attr]
    await asyncio.sleep(1.0)
    out["lobby_at_host"] = [o for _, o in a.room().lobby]  # type: ignore[union-attr]
    out["lobby_at_b"] = list(b.room().lobby)  # type: ignore[union-attr]
    out["c_waiting"] = bool(c.of(LobbyWaiting)) and not c_join.done()
    out["c_participants_while_waiting"] = len(c.engine.participants)
    out["a_saw_c_while_waiting"] = any(e.office == PALANGKARAYA for e in a.of(ParticipantJoined))
    # A non-host cannot admit it either.
    c_peer = a.room().lobby[0][0]  # type: ignore[union-attr]
    await b.engine._host_control("admit", c_peer)
    await wait_for(lambda: b.errors().count("not-host") >= 5, 5)
    await asyncio.sleep(0.5)
    out["c_still_waiting_after_b_admit"] = not c_join.done()
    await a.engine.admit(c_peer)
    out["c_join"] = await asyncio.wait_for(c_join, 10)
    await wait_for(lambda: len(c.engine.participants) == 2, 10)
    out["c_participants"] = sorted(c.engine.participants.values())
    await wait_for(lambda: not a.room().lobby, 5)  # type: ignore[union-attr]
    out["lobby_after_admit"] = list(a.room().lobby)  # type: ignore[union-attr]

    # Medan waits and is denied; it is refused again at once on a second try.
    d = Office(MEDAN)
    d_join = asyncio.ensure_future(d.try_join(url))
    await wait_for(lambda: bool(a.room().lobby), 10)  # type: ignore[union-attr]
    await a.engine.deny(a.room().lobby[0][0])  # type: ignore[union-attr]
    out["d_join"] = await asyncio.wait_for(d_join, 10)
    out["d_rejoin"] = await d.rejoin_fresh(url)
    out["a_saw_d"] = any(e.office == MEDAN for e in a.of(ParticipantJoined))

    # Mute request: Pekanbaru is asked and mutes; it may unmute itself.
    await a.engine.ask_to_mute(b.engine.peer_id)
    await wait_for(lambda: bool(b.of(MuteRequested)), 5)
    out["b_mute_request_from"] = [e.by_office for e in b.of(MuteRequested)]
    out["b_muted"] = b.engine.mic_muted
    await b.engine.set_audio_muted(False)
    out["b_unmuted_itself"] = not b.engine.mic_muted

    # Hands: Pekanbaru raises, everyone sees it; a repeat announces nothing; it lowers.
    await b.engine.raise_hand(True)
    await wait_for(lambda: b.engine.peer_id in a.room().hands, 5)  # type: ignore[union-attr]
    await wait_for(lambda: b.engine.peer_id in c.room().hands, 5)  # type: ignore[union-attr]
    rooms_before = len(a.of(RoomStateChanged))
    await b.engine.raise_hand(True)
    await asyncio.sleep(0.5)
    out["hand_seen"] = {
        "host": b.engine.peer_id in a.room().hands,  # type: ignore[union-attr]
        "palangkaraya": b.engine.peer_id in c.room().hands,  # type: ignore[union-attr]
        "repeat_announced": len(a.of(RoomStateChanged)) - rooms_before,
    }
    await b.engine.raise_hand(False)
    await wait_for(lambda: not a.room().hands, 5)  # type: ignore[union-attr]
    out["hands_after_lower"] = sorted(a.room().hands)  # type: ignore[union-attr]

    # Remove Palangkaraya: it is disconnected, the others see it leave, its rejoin is refused.
    await a.engine.remove_office(c.engine.peer_id)
    await wait_for(lambda: c.failed_code() is not None, 10)
    out["c_outcome"] = c.failed_code()
    await wait_for(lambda: any(e.office == PALANGKARAYA for e in b.of(ParticipantLeft)), 10)
    out["b_saw_c_leave"] = any(e.office == PALANGKARAYA for e in b.of(ParticipantLeft))
    out["c_rejoin"] = await c.rejoin_fresh(url)

    # End for everyone: both are disconnected; Pekanbaru cannot come back.
    await a.engine.end_for_everyone()
    await wait_for(lambda: a.failed_code() is not None and b.failed_code() is not None, 10)
    out["a_outcome"], out["b_outcome"] = a.failed_code(), b.failed_code()
    out["b_rejoin"] = await b.rejoin_fresh(url)
    out["room_members_after_end"] = len(hub.rooms[ROOM].members) if ROOM in hub.rooms else 0
    for office in (a, b, c, d):
        await office.engine.leave()
    await hub.stop()
    return out


def cli(tmp: Path) -> dict[str, Any]:
    """The headless ``call``: a host that locks and denies, then one that admits and ends."""
    secret = tmp / "hub.secret"
    secret.write_text(SECRET.hex() + "\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    main = [sys.executable, str(ROOT / "main.py")]
    hub = subprocess.Popen(
        [*main, "hub", "--host", HOST, "--port", "0", "--insecure", "--secret-file", str(secret)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env, cwd=ROOT,
    )  # fmt: skip
    try:
        assert hub.stdout is not None
        url = hub.stdout.readline().split("hub listening on ")[1].strip()
        out: dict[str, Any] = {}
        for room, decision in (("sesi-tolak", "deny"), ("sesi-terima", "admit")):
            tokens = {}
            for office, host in ((BANDUNG, True), (PEKANBARU, False)):
                args = [*main, "invite", "--secret-file", str(secret), "--room", room,
                        "--office", office, *(["--host"] if host else [])]  # fmt: skip
                tokens[office] = subprocess.run(
                    args, capture_output=True, text=True, check=True, env=env, cwd=ROOT
                ).stdout.split()[0]
            common = ["call", "--hub", url, "--room", room, "--report", "--synthetic", "160x120",
                      "--fps", "10"]  # fmt: skip
            host_args = ["--lock", "--lobby", decision, "--seconds", "12"]
            if decision == "admit":
                host_args += ["--end-after", "8"]
            host_proc = subprocess.Popen(
                [*main, *common, "--token", tokens[BANDUNG], "--office", BANDUNG, *host_args],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT,
            )  # fmt: skip
            import time

            time.sleep(3.0)  # the host is in and has locked the session
            guest = subprocess.run(
                [*main, *common, "--token", tokens[PEKANBARU], "--office", PEKANBARU,
                 "--seconds", "10", "--raise-hand"],
                capture_output=True, text=True, env=env, cwd=ROOT, timeout=60,
            )  # fmt: skip
            host_out, _ = host_proc.communicate(timeout=60)
            out[decision] = {
                "guest_rc": guest.returncode,
                "guest": json.loads(guest.stdout.strip().splitlines()[-1])["host"],
                "host_rc": host_proc.returncode,
                "host": json.loads(host_out.strip().splitlines()[-1])["host"],
            }
        return out
    finally:
        hub.terminate()
        hub.wait(10)


SCENARIOS = {f.__name__: f for f in (controls, cli)}


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
