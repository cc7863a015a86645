"""``make faults``: every network and hub fault of issue 10, run for real, as one table.

Each fault re-uses the scenario the tests run (``tests/conferencing/*scenarios.py``): real
offices through the real hub in a private network namespace (``unshare -rn``), the link impaired
the ways this kernel allows (nftables loss and drops, ``tc ... tbf``, ``ip link set lo down``,
killing the hub or an office). The floods run against a real ``main.py hub`` process on
loopback. The table (fault, what was tried, how often, the worst measured result, the budget,
and the test that guards it in CI) is written between markers in docs/RELIABILITY.md.

Usage: ``python -m benchmarks.faults [--repeat N] [--only NAME ...] [--no-write]``. CI does not
run this (about ten minutes); ``make test`` runs the named tests instead.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import json
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "RELIABILITY.md"
RESULTS = ROOT / "benchmarks" / "faults.json"  # the latest row of each fault, for --only runs
BEGIN, END = "<!-- faults:begin -->", "<!-- faults:end -->"
SETUP = "ip link set lo up && ip addr add 127.0.0.2/8 dev lo"
ADAPT, CALLS, REJOIN = (
    "tests.conferencing.adapt_scenarios",
    "tests.conferencing.scenarios",
    "tests.conferencing.rejoin_scenario",
)

Verdict = tuple[str, bool]  # (measured, within budget)


@dataclass(frozen=True)
class Fault:
    """One row: how to provoke the fault and how to read the result."""

    name: str
    tried: str
    run: Callable[[], dict[str, Any]]
    judge: Callable[[dict[str, Any]], Verdict]
    budget: str
    ci_test: str


def scenario(module: str, name: str, timeout: float = 240) -> Callable[[], dict[str, Any]]:
    """Run ``python -m module name`` in a fresh network namespace; its last line as JSON."""

    def run() -> dict[str, Any]:
        proc = subprocess.run(
            ["unshare", "-rn", "sh", "-c", f"{SETUP} && exec {sys.executable} -m {module} {name}"],
            cwd=ROOT, capture_output=True, text=True, timeout=timeout,
        )  # fmt: skip
        lines = proc.stdout.strip().splitlines()
        if proc.returncode != 0 or not lines:
            raise RuntimeError(f"{module} {name} failed: {proc.stderr[-1500:]}")
        return json.loads(lines[-1])

    return run


# ----------------------------------------------------------------------------- judges


def _directions(r: dict[str, Any]) -> tuple[str, float, float, int]:
    """Worst of both directions of an impaired pair: (text, fps, median latency, freezes)."""
    dirs = r["directions"]
    fps = min(d.get("fps_steady") or 0.0 for d in dirs)
    latency = max(d.get("latency_ms_steady") or 1e9 for d in dirs)
    freezes = max(d.get("video_freezes_settled", 99) for d in dirs)
    longest = max(d.get("longest_video_freeze_ms_settled", 0.0) for d in dirs)
    smallest = " / ".join(str(d.get("resolution_min")) for d in dirs)
    text = (f"{fps:.1f} fps, median latency {latency:.0f} ms, {freezes} freezes over 1 s "
            f"(longest {longest:.0f} ms), smallest picture {smallest}")  # fmt: skip
    return text, fps, latency, freezes


def judge_tbf(r: dict[str, Any]) -> Verdict:
    text, fps, latency, freezes = _directions(r)
    return text, fps >= 20 and latency <= 300 and freezes == 0


def judge_loss15(r: dict[str, Any]) -> Verdict:
    text, fps, _latency, freezes = _directions(r)
    return text, fps >= 25 and freezes == 0


def judge_cut(r: dict[str, Any]) -> Verdict:
    ok = (r["resumed"] and r["saw_reconnecting"] and r["final"] == ["connected", "connected"]
          and bool(r["chat_at_b"]))  # fmt: skip
    text = (f"said 'reconnecting': {r['saw_reconnecting']}; frames again "
            f"{r['resumed_after_s']:.2f} s after the link came back; chat typed during the cut "
            f"delivered: {bool(r['chat_at_b'])}; final {', '.join(r['final'])}")  # fmt: skip
    return text, ok


def judge_hub(r: dict[str, Any]) -> Verdict:
    ok = r["saw_reconnecting"] and r["media_during_outage"] and r["rejoined"]
    text = (f"said 'hub offline' (not 'reconnecting'): {r['saw_reconnecting']}; media during "
            f"the outage: {r['media_during_outage']}; rejoined the restarted hub: "
            f"{r['rejoined']}; a newcomer connected: {r['newcomer_frames']}")  # fmt: skip
    return text, ok and r["newcomer_frames"]


def judge_crash(r: dict[str, Any]) -> Verdict:
    ok = r["back_s"] <= 3.0 and r["ghost_replaced"] and r["frames_from_new"] > 0
    text = (f"back in the room {r['back_s']:.2f} s after restart (process start included); "
            f"ghost replaced: {r['ghost_replaced']}; frames from the new instance: "
            f"{r['frames_from_new']}")  # fmt: skip
    return text, ok


def judge_second(r: dict[str, Any]) -> Verdict:
    named = "Pekanbaru" in r["copy_error"]
    ok = r["copy_rc"] == 3 and named and r["still_present_after_copy"]
    text = (f"refused (exit {r['copy_rc']}), office named: {named}; the connected one "
            f"untouched: {r['still_present_after_copy']}")  # fmt: skip
    return text, ok


def judge_turn(r: dict[str, Any]) -> Verdict:
    ok = ("turn-auth-failed" in r["wrong_password"] and "turn-unreachable" in r["absent"]
          and not r["right_password"] and r["gather_s"] <= 2.5)  # fmt: skip
    text = (f"wrong password: {', '.join(r['wrong_password']) or 'nothing said'}; server absent: "
            f"{', '.join(r['absent']) or 'nothing said'}; right password: "
            f"{', '.join(r['right_password']) or 'no error'}; gathering with a dead STUN server "
            f"gave up after {r['gather_s']:.1f} s")  # fmt: skip
    return text, ok


def judge_ice(r: dict[str, Any]) -> Verdict:
    ok = r["said"] and r["states_during"] == ["reconnecting", "reconnecting"]
    text = (f"'no network path' said after {r['said_after_s']:.1f} s, once per office; state "
            f"meanwhile {', '.join(r['states_during'])}; hang-up took {r['leave_s']:.2f} s")
    return text, ok and r["leave_s"] < 5


# ----------------------------------------------------------------------------- floods


def floods() -> dict[str, Any]:
    """The hub floods of issue 10 against a real ``main.py hub`` (plain ws on loopback)."""
    return asyncio.run(_floods())


async def _floods() -> dict[str, Any]:
    import tempfile

    import aiohttp

    from conferencing import protocol as p
    from conferencing.hub.tokens import issue_token, load_secret
    from tests.conferencing.hubclient import RawClient

    tmp = Path(tempfile.mkdtemp(prefix="lintas-faults-"))
    proc = subprocess.Popen(
        [sys.executable, "main.py", "hub", "--host", "127.0.0.1", "--port", "0",
         "--secret-file", str(tmp / "hub.secret"), "--insecure"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    out: dict[str, Any] = {}
    try:
        assert proc.stdout is not None
        url = proc.stdout.readline().split("hub listening on ", 1)[1].strip()
        secret = load_secret(tmp / "hub.secret")
        out["rss_before_mib"] = _rss_mib(proc.pid)
        frame = json.dumps({"v": p.VERSION, "type": "ping", "pad": "x" * (1 << 20)})
        held: list[tuple[aiohttp.ClientSession, Any]] = []
        refused = 0
        for source in range(2, 32):  # 30 client addresses x 20 sockets, each a 1 MiB frame
            for _ in range(20):
                session = aiohttp.ClientSession(
                    connector=aiohttp.TCPConnector(local_addr=(f"127.0.0.{source}", 0))
                )
                try:
                    ws = await session.ws_connect(url, autoping=False)
                except aiohttp.ClientError:
                    refused += 1
                    await session.close()
                    continue
                held.append((session, ws))
                with contextlib.suppress(ConnectionError, aiohttp.ClientError):
                    await ws.send_str(frame)
        await asyncio.sleep(0.5)
        out["sockets"], out["refused"] = len(held), refused
        out["rss_flood_mib"] = _rss_mib(proc.pid)
        # Meanwhile an office still joins, and a ping flood on its socket is bounded.
        office = await RawClient.connect(url)
        started = time.monotonic()
        welcome = await office.join("r1", issue_token(secret, "r1", "Kota Bandung", 60), "peer-a")
        out["join_ms"] = round((time.monotonic() - started) * 1000, 1)
        out["joined"] = bool(welcome and welcome.get("type") == "welcome")
        for n in range(5000):
            await office.send({"type": "ping", "nonce": n})
        pongs = 0
        try:
            while (msg := await office.recv(timeout=1.0)) is not None:
                pongs += msg.get("type") == "pong"
        except TimeoutError:
            pass
        out["pings_sent"], out["pongs"] = 5000, pongs
        await office.close()
        for session, ws in held:
            await ws.close()
            await session.close()
        await asyncio.sleep(1.0)
        out["rss_after_mib"] = _rss_mib(proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    return out


async def flood_worker(url: str, seconds: float) -> dict[str, int]:
    """Keep flooding the hub at ``url`` for ``seconds``: unauthenticated sockets from 30
    addresses, each sending a 1 MiB frame, plus sockets that never join (a separate process,
    so the offices measured meanwhile do not pay for it)."""
    import aiohttp

    from conferencing import protocol as p

    frame = json.dumps({"v": p.VERSION, "type": "ping", "pad": "x" * (1 << 20)})
    opened = refused = 0
    idle: list[tuple[aiohttp.ClientSession, Any]] = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for source in range(3, 33):
            session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(local_addr=(f"127.0.0.{source}", 0))
            )
            try:
                ws = await session.ws_connect(url, autoping=False)
            except (aiohttp.ClientError, OSError):
                refused += 1
                await session.close()
                continue
            opened += 1
            if source % 3 == 0 and len(idle) < 300:
                idle.append((session, ws))  # never joins: held until the join deadline
                continue
            with contextlib.suppress(ConnectionError, aiohttp.ClientError):
                await ws.send_str(frame)
            await ws.close()
            await session.close()
    for session, ws in idle:
        await ws.close()
        await session.close()
    return {"opened": opened, "refused": refused}


def _rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def judge_floods(r: dict[str, Any]) -> Verdict:
    ok = r["rss_flood_mib"] <= 200 and r["joined"] and r["pongs"] < 1000
    text = (f"{r['sockets']} sockets opened ({r['refused']} refused by the per-address cap), each "
            f"sent a 1 MiB frame before joining: hub RSS {r['rss_before_mib']:.0f} -> "
            f"{r['rss_flood_mib']:.0f} MiB (after: {r['rss_after_mib']:.0f}); an office joined "
            f"meanwhile in {r['join_ms']:.0f} ms; of {r['pings_sent']} pings at once "
            f"{r['pongs']} answered (the connection is closed past its budget)")  # fmt: skip
    return text, ok


def judge_flood_call(r: dict[str, Any]) -> Verdict:
    text, fps, latency, freezes = _directions(r)
    ok = fps >= 29 and freezes == 0 and r["rss_peak_mib"] <= 200 and r["flood"]["opened"] > 0
    text = (f"{text}; hub RSS peak {r['rss_peak_mib']:.0f} MiB while {r['flood']['opened']} "
            f"flood sockets were opened ({r['flood']['refused']} refused)")  # fmt: skip
    return text, ok


# ----------------------------------------------------------------------------- the table

_crash = scenario(REJOIN, "crash")
_crash_runs: list[dict[str, Any]] = []  # one per attempt; the second-device row reads them too
_second_reads: list[int] = [0]


def _crash_fresh() -> dict[str, Any]:
    _crash_runs.append(_crash())
    return _crash_runs[-1]


def _crash_seen() -> dict[str, Any]:
    """The crash scenario also tries a second device: each crash run feeds that row once."""
    index = _second_reads[0]
    _second_reads[0] += 1
    return _crash_runs[index] if index < len(_crash_runs) else _crash_fresh()


FAULTS: tuple[Fault, ...] = (
    Fault("loss 5 %", "2 offices at 640x480@30 both ways, nftables drops 5 % of UDP, 30 s",
          scenario(ADAPT, "bench_loss5"), judge_loss15, ">= 25 fps; no freeze over 1 s",
          "test_calls.py::test_video_under_random_loss_is_read_right_or_not_at_all (320x240@15)"),
    Fault("loss 15 %", "2 offices at 640x480@30 both ways, 15 % of UDP dropped, 30 s",
          scenario(ADAPT, "bench_loss"), judge_loss15, ">= 25 fps; no freeze over 1 s",
          "test_adaptation.py::test_15_percent_loss_lowers_the_bitrate_and_the_picture_keeps_coming"),
    Fault("tbf 1 Mbit, 720p", "2 offices at 1280x720@30 both ways, tbf 1 Mbit (both directions "
          "share it), 30 s", scenario(ADAPT, "bench_tbf"), judge_tbf,
          ">= 20 fps; median latency <= 300 ms; no freeze over 1 s after 5 s",
          "test_adaptation.py::test_720p_under_a_1_mbit_limit_steps_down_keeps_frames_and_climbs_back"),
    Fault("tbf 1 Mbit, 480p", "2 offices at 640x480@30 both ways, tbf 1 Mbit, 30 s",
          scenario(ADAPT, "bench_tbf480"), judge_tbf,
          ">= 20 fps; median latency <= 300 ms; no freeze over 1 s after 5 s",
          "test_faults_latency.py (jitter buffer, controller)"),
    Fault("cut 10 s", "loopback down for 10 s (hub socket too), chat typed during the cut",
          scenario(CALLS, "link_cut"), judge_cut, "media and chat back by themselves",
          "test_calls.py::test_ten_second_link_cut_is_survived"),
    Fault("cut 60 s", "loopback down for 60 s (longer than the hub's 20 s grace)",
          scenario(ADAPT, "link_cut60"), judge_cut, "media and chat back by themselves",
          "by hand only (60 s)"),
    Fault("hub kill", "hub stopped mid-call, restarted on the same port, a third office joins",
          scenario(CALLS, "hub_restart"), judge_hub,
          "media goes on; 'hub offline'; rejoined; newcomer connects",
          "test_calls.py::test_restarted_hub_is_rejoined_automatically"),
    Fault("crash and rejoin", "headless office (main.py call) killed with SIGKILL, restarted "
          "with the same data folder", _crash_fresh, judge_crash, "back <= 3 s",
          "test_rejoin.py::test_a_crashed_headless_office_is_back_at_once_and_a_second_device_is_refused"),
    Fault("second device", "the same invitation from another data folder (another install key) "
          "while the office is in the call", _crash_seen, judge_second,
          "refused with the office named; the connected one untouched",
          "test_rejoin.py::test_a_second_device_with_the_same_invitation_is_refused_naming_the_office"),
    Fault("floods", "600 unauthenticated sockets from 30 addresses, 1 MiB frame each; then 5000 "
          "pings at once from a joined office", floods, judge_floods,
          "hub <= 200 MiB RSS; an office still joins",
          "test_hub_hardening.py (megabyte frames, pings, descriptors, deadline, per-IP cap)"),
    Fault("call during a flood", "2 offices at 640x480@30 in a call through a real main.py hub "
          "while another process floods it for 20 s (1 MiB frames, idle sockets, 30 addresses)",
          scenario(ADAPT, "hub_flood_call"), judge_flood_call,
          "hub <= 200 MiB RSS; the call still reaches 29 fps", "by hand only"),
    Fault("wrong TURN password", "relay-only ICE through coturn with a wrong password; a TURN "
          "server that is not there; a dead STUN server", scenario(ADAPT, "turn_errors"),
          judge_turn, "each said with its own code; gathering gives up after 2 s",
          "test_honest_states.py::test_turn_problems_are_coded_and_gathering_gives_up_on_a_dead_server"),
    Fault("ICE fails", "signalling works, nftables drops every UDP packet", scenario(ADAPT,
          "ice_blocked"), judge_ice, "'no network path' said; never 'connected'; clean hang-up",
          "test_faults_ice.py"),
)  # fmt: skip


def run_faults(repeat: int, only: list[str]) -> list[dict[str, Any]]:
    """Run each fault ``repeat`` times; the worst run is the one reported."""
    rows = []
    for fault in FAULTS:
        if only and fault.name not in only:
            continue
        verdicts: list[Verdict] = []
        for attempt in range(repeat):
            started = time.monotonic()
            try:
                verdicts.append(fault.judge(fault.run()))
            except Exception as exc:  # noqa: BLE001 - a fault run that breaks is a failed row
                verdicts.append((f"the run failed: {str(exc)[:300]}", False))
            print(f"{fault.name} [{attempt + 1}/{repeat}] {time.monotonic() - started:.0f} s: "
                  f"{verdicts[-1]}", flush=True)  # fmt: skip
        failed = [v for v in verdicts if not v[1]]
        worst = failed[0] if failed else verdicts[-1]
        rows.append({"fault": fault.name, "tried": fault.tried, "runs": repeat,
                     "passed": repeat - len(failed), "measured": worst[0], "ok": not failed,
                     "budget": fault.budget, "test": fault.ci_test})  # fmt: skip
    return rows


def table(rows: list[dict[str, Any]], command: str) -> str:
    """The Markdown table, with the command and date that produced it."""
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        f"Produced by `{command}` (`python -m benchmarks.faults`), last written {when}, on a "
        "2-core machine shared with other work; `--only NAME` re-runs single rows.",
        "",
        "| fault | what was tried | runs (ok), date | measured (the last run, or a failed one) "
        "| budget | result "
        "| in CI |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        runs = f"{r['runs']} ({r['passed']})" + (f", {r['date']}" if r.get("date") else "")
        cells = [r["fault"], r["tried"], runs, r["measured"],
                 r["budget"], "ok" if r["ok"] else "**FAIL**", f"`{r['test']}`"]  # fmt: skip
        lines.append("| " + " | ".join(c.replace("|", "/") for c in cells) + " |")
    return "\n".join(lines)


def write_doc(text: str) -> None:
    """Replace the table between the markers of docs/RELIABILITY.md."""
    doc = DOC.read_text(encoding="utf-8")
    head, rest = doc.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    DOC.write_text(f"{head}{BEGIN}\n{text}\n{END}{tail}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.faults", description=__doc__)
    parser.add_argument("--repeat", type=int, default=1, help="runs of each fault (default 1)")
    parser.add_argument("--only", nargs="*", default=[], help="fault names to run")
    parser.add_argument("--no-write", action="store_true", help="print, do not touch the doc")
    parser.add_argument("--flood", nargs=2, metavar=("URL", "SECONDS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.flood:  # the flooding process of the "hub flood during a call" row
        print(json.dumps(asyncio.run(flood_worker(args.flood[0], float(args.flood[1])))))
        return 0
    rows = run_faults(max(1, args.repeat), args.only)
    print(table(rows, "python -m benchmarks.faults"))
    if args.no_write:
        return 0 if all(r["ok"] for r in rows) else 1
    # Rows of faults not run this time stay as they were (each says its own runs and date).
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d")
    known = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    for row in rows:
        known[row["fault"]] = {**row, "date": when}
    RESULTS.write_text(json.dumps(known, indent=2) + "\n", encoding="utf-8")
    ordered = [known[f.name] for f in FAULTS if f.name in known]
    write_doc(table(ordered, "make faults"))
    return 0 if all(r["ok"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
