"""Call-identity scenarios: real aiortc offices, the real hub (honest or malicious), a namespace.

Run by ``tests/conferencing/test_call_identity.py`` as
``python -m tests.conferencing.identity_scenarios NAME`` under ``unshare -rn`` (see
``netns.py``). Each scenario observes and prints one JSON object as its last line.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from conferencing import protocol as p
from conferencing.call_identity import RELAY_KIND, CallIdentity, TrustedOffices
from conferencing.events import ChatReceived
from conferencing.hub.server import HubServer
from mou.signing.identity import create_identity, export_certificate
from tests.conferencing.middle_hub import MiddleHub
from tests.conferencing.scenarios import (
    HOST,
    OFFICES,
    ROOM,
    ROOT,
    SECRET,
    Office,
    frames_from,
    wait_for,
)

PASSWORD = "kata-sandi-uji"
BANDUNG, PEKANBARU = OFFICES[0], OFFICES[1]


def make_identity(tmp: Path, office: str, folder: str) -> CallIdentity:
    """A real office identity (PKCS#12 on disk, as the app makes it), unlocked for the call."""
    made = create_identity(
        tmp / folder / "office.p12", PASSWORD, common_name="Wali Kota", organization=office
    )
    export_certificate(made, tmp / folder / "office.pem")
    return CallIdentity.load(tmp / folder / "office.p12", PASSWORD)


def pair_identities(tmp: Path) -> tuple[CallIdentity, CallIdentity]:
    return make_identity(tmp, BANDUNG, "bandung"), make_identity(tmp, PEKANBARU, "pekanbaru")


def settled(office: Office) -> bool:
    states = office.engine.verifications()
    return bool(states) and all(v.status != "pending" for v in states.values())


def observe(office: Office) -> dict[str, Any]:
    """What one office concluded about each peer."""
    out = {}
    for peer_id, state in office.engine.verifications().items():
        fig = office.report.peers.get(peer_id)
        out[office.engine.participants.get(peer_id, peer_id)] = {
            **state.as_dict(),
            "office": state.office,
            "frames": fig.frames if fig else 0,
        }
    return out


async def _two(
    hub: HubServer,
    a: Office,
    b: Office,
    *,
    settle_s: float = 25,
) -> dict[str, Any]:
    await hub.start()
    try:
        await a.join(hub.url)
        await b.join(hub.url)
        await wait_for(lambda: settled(a) and settled(b), settle_s)
        await wait_for(lambda: frames_from(a, b) > 5 and frames_from(b, a) > 5, 15)
        await a.engine.send_chat("Selamat pagi")
        await wait_for(lambda: bool(b.of(ChatReceived)), 8)
        return {
            "a": observe(a),
            "b": observe(b),
            "chat_at_b": [e.text for e in b.of(ChatReceived)],
            "verified_events_a": [
                e.verification.status
                for e in a.events
                if type(e).__name__ == "PeerVerificationChanged"
            ],
        }
    finally:
        await a.engine.leave()
        await b.engine.leave()
        await hub.stop()


# ----------------------------------------------------------------------------- scenarios


async def honest(tmp: Path) -> dict[str, Any]:
    """Both offices pinned each other: both verified, same short code."""
    ida, idb = pair_identities(tmp)
    a = Office(BANDUNG, identity=ida, trusted=TrustedOffices.of([idb.certificate]))
    b = Office(PEKANBARU, identity=idb, trusted=TrustedOffices.of([ida.certificate]))
    return await _two(HubServer(HOST, 0, SECRET), a, b)


async def middle(tmp: Path, drop_identity: bool = False) -> dict[str, Any]:
    """A hub that splices itself into the call (DTLS terminated on both sides)."""
    ida, idb = pair_identities(tmp)
    a = Office(BANDUNG, identity=ida, trusted=TrustedOffices.of([idb.certificate]))
    b = Office(PEKANBARU, identity=idb, trusted=TrustedOffices.of([ida.certificate]))
    hub = MiddleHub(HOST, 0, SECRET, drop_identity=drop_identity)
    out = await _two(hub, a, b)
    out["hub_frames"] = dict(hub.frames_seen)
    out["hub_channel_messages"] = hub.channel_messages
    out["splices"] = len(hub.splices)
    return out


async def middle_drop(tmp: Path) -> dict[str, Any]:
    """The middle hub also drops the identity bindings."""
    return await middle(tmp, drop_identity=True)


async def untrusted(tmp: Path) -> dict[str, Any]:
    """Bandung pinned a look-alike 'Pemerintah Kota Pekanbaru' certificate, not the real one."""
    ida, idb = pair_identities(tmp)
    lookalike = make_identity(tmp, PEKANBARU, "lookalike")
    a = Office(BANDUNG, identity=ida, trusted=TrustedOffices.of([lookalike.certificate]))
    b = Office(PEKANBARU, identity=idb, trusted=TrustedOffices.of([ida.certificate]))
    return await _two(HubServer(HOST, 0, SECRET), a, b)


async def anonymous(tmp: Path) -> dict[str, Any]:
    """Pekanbaru has no identity (a future browser guest): not verified, but not refused."""
    ida, _ = pair_identities(tmp)
    a = Office(BANDUNG, identity=ida, trusted=TrustedOffices())
    b = Office(PEKANBARU, trusted=TrustedOffices.of([ida.certificate]))
    return await _two(HubServer(HOST, 0, SECRET), a, b)


class RecordingHub(HubServer):
    """Records identity bindings and, once armed, replaces them with a recorded one."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.recorded: dict[str, dict[str, Any]] = {}
        self.replay: dict[str, Any] | None = None
        self.replayed = 0

    async def _dispatch(self, ws, state, message) -> None:  # type: ignore[no-untyped-def]
        member = state["member"]
        if (
            member is not None
            and isinstance(message, p.Relay)
            and message.data.get("t") == RELAY_KIND
        ):
            self.recorded[member.office] = message.data
            if self.replay is not None and member.office == PEKANBARU:
                self.replayed += 1
                message = p.Relay(self.replay, to=message.to)
        await super()._dispatch(ws, state, message)


async def replay(tmp: Path) -> dict[str, Any]:
    """Pekanbaru's signed binding from a first call is replayed into a second one.

    The second call uses the same room, the same peer ids and the same session number; only
    the DTLS fingerprints are new. In the second call Pekanbaru's seat is taken by a key nobody
    pinned, and the hub substitutes the recorded binding for whatever that sends.
    """
    ida, idb = pair_identities(tmp)
    hub = RecordingHub(HOST, 0, SECRET)
    await hub.start()
    trust_a = TrustedOffices.of([idb.certificate])
    a = Office(BANDUNG, identity=ida, trusted=trust_a)
    b = Office(PEKANBARU, identity=idb, trusted=TrustedOffices.of([ida.certificate]))
    await a.join(hub.url)
    await b.join(hub.url)
    await wait_for(lambda: settled(a) and settled(b), 25)
    first = observe(a)
    a_id, b_id = a.engine.peer_id, b.engine.peer_id
    await b.engine.leave()
    await a.engine.leave()
    recorded = hub.recorded.get(PEKANBARU)
    await hub.stop()

    hub2 = RecordingHub(HOST, 0, SECRET)
    hub2.replay = recorded
    await hub2.start()
    a2 = Office(BANDUNG, identity=ida, trusted=trust_a)
    impostor = make_identity(tmp, PEKANBARU, "impostor")
    b2 = Office(PEKANBARU, identity=impostor, trusted=TrustedOffices.of([ida.certificate]))
    a2.engine.peer_id, b2.engine.peer_id = a_id, b_id
    try:
        await a2.join(hub2.url)
        await b2.join(hub2.url)
        await wait_for(lambda: settled(a2), 25)
        second = observe(a2)
    finally:
        await a2.engine.leave()
        await b2.engine.leave()
        await hub2.stop()
    return {"first": first, "second": second, "replayed": hub2.replayed}


async def cli(tmp: Path) -> dict[str, Any]:
    """The command line: ``identity new`` twice, ``hub``, ``invite``, ``call --identity --report``."""
    py = sys.executable
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    pw = tmp / "pw"
    pw.write_text(PASSWORD + "\n", encoding="utf-8")
    made = {}
    for key, office in (("bdg", BANDUNG), ("pku", PEKANBARU)):
        made[key] = subprocess.run(
            [py, "main.py", "identity", "new", "--office", office, "--signer", "Wali Kota",
             "--title", "Wali Kota", "--out", str(tmp / key), "--password-file", str(pw)],
            cwd=ROOT, env=env, capture_output=True, text=True,
        )  # fmt: skip
    # A third office nobody pinned, for a call that must end "not verified" with --require-verified.
    made["rogue"] = subprocess.run(
        [py, "main.py", "identity", "new", "--office", PEKANBARU, "--signer", "X",
         "--out", str(tmp / "rogue"), "--password-file", str(pw)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )  # fmt: skip
    secret = tmp / "hub.secret"
    hub = subprocess.Popen(
        [py, "main.py", "hub", "--host", HOST, "--port", "8797", "--secret-file", str(secret),
         "--insecure"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    url = f"ws://{HOST}:8797/ws"

    def invite(office: str, room: str) -> str:
        return subprocess.run(
            [py, "main.py", "invite", "--secret-file", str(secret), "--room", room,
             "--office", office],
            cwd=ROOT, env=env, capture_output=True, text=True, check=True,
        ).stdout.strip()  # fmt: skip

    def call(office: str, key: str, trust: str, room: str, seconds: str) -> subprocess.Popen:
        return subprocess.Popen(
            [py, "main.py", "call", "--hub", url, "--room", room, "--token", invite(office, room),
             "--office", office, "--synthetic", "160x120", "--fps", "10", "--seconds", seconds,
             "--identity", str(tmp / key / "office.p12"), "--password-file", str(pw),
             "--trust", str(tmp / trust / "office.pem"), "--report", "--require-verified"],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip

    try:
        await asyncio.to_thread(hub.stdout.readline)  # type: ignore[union-attr]
        first = call(BANDUNG, "bdg", "pku", ROOM, "14")
        await asyncio.sleep(1.0)
        second = call(PEKANBARU, "pku", "bdg", ROOM, "11")
        out2, err2 = await asyncio.to_thread(second.communicate, timeout=90)
        out1, err1 = await asyncio.to_thread(first.communicate, timeout=90)
        # Bandung meets the rogue "Pekanbaru" (pinned: the real one): not verified, status 4.
        room2 = "kesepakatan-kedua"
        third = call(BANDUNG, "bdg", "pku", room2, "12")
        await asyncio.sleep(1.0)
        rogue = call(PEKANBARU, "rogue", "bdg", room2, "9")
        out4, _ = await asyncio.to_thread(rogue.communicate, timeout=90)
        out3, err3 = await asyncio.to_thread(third.communicate, timeout=90)
    finally:
        hub.terminate()
        hub.wait(10)
    return {
        "made": {k: [v.returncode, v.stdout, v.stderr] for k, v in made.items()},
        "files": sorted(str(f.relative_to(tmp)) for f in tmp.glob("*/office.*")),
        "bandung": [first.returncode, out1.strip().splitlines()[-1:], err1[-2000:]],
        "pekanbaru": [second.returncode, out2.strip().splitlines()[-1:], err2[-2000:]],
        "rogue_call": [third.returncode, out3.strip().splitlines()[-1:], err3[-2000:]],
        "rogue_side": [rogue.returncode, out4.strip().splitlines()[-1:]],
    }


SCENARIOS = {
    f.__name__: f for f in (honest, middle, middle_drop, untrusted, anonymous, replay, cli)
}


def main() -> None:
    name = sys.argv[1]
    with tempfile.TemporaryDirectory(prefix=f"lintas-callid-{name}-") as tmp:
        started = time.monotonic()
        result = asyncio.run(asyncio.wait_for(SCENARIOS[name](Path(tmp)), 150))
        result["seconds"] = round(time.monotonic() - started, 1)
    print(json.dumps(result, default=str))


if __name__ == "__main__":
    main()
