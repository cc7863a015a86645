"""Sessions beyond four offices: CPU per office against the number of offices, mesh and SFU.

Everything runs inside a private network namespace (``unshare -rn``; loopback plus 127.0.0.2
because aioice ignores 127.0.0.1), with the real hub (``main.py hub``, its room limit raised to
8 with ``--max-peers``) and every office its own ``main.py call`` process sending the synthetic
camera at 320x240, 15 fps:

* **mesh, 2 to 8 offices**: each office sends to and receives from every other directly
  (N-1 encodes and N-1 decodes per office);
* **SFU, 2 to 8 offices** (when the SFU topology and Janus are available): each office publishes
  once to Janus and subscribes to the others.

In both curves every office also sends a tone all the time, as if all of them spoke at once.
A **meeting** of 8 offices on Janus is measured apart: one office speaks, the other seven listen
with their microphones muted (``--muted``), as they do in a session that size.

CPU per office is read from ``/proc/<pid>/stat`` of each office's process over the same window,
once every office has joined and warmed up (so the figure is the cost of an N-office session,
not of the ramp). Received frame rate per stream is counted in the same window, from the frames
per monotonic second in each office's own ``--report``.
The curve is drawn into ``docs/perf_sfu.png`` and tabled in ``docs/PERFORMANCE.md``.
"""

from __future__ import annotations

import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.netns import HOST, ROOT, namespace_available
from benchmarks.result import Measurement

AREA = "sfu"
SIZE = "320x240"
FPS = 15
OFFICE_COUNTS = list(range(2, 9))
CITIES = ["Bandung", "Pekanbaru", "Makassar", "Medan", "Surabaya", "Denpasar", "Ambon", "Kupang"]
OFFICES = [f"Pemerintah Kota {c}" for c in CITIES]
JOIN_GAP_S = 1.0  # between offices joining (a real session fills over seconds, not at once)
SETTLE_S = 6.0  # after the last join: ICE, DTLS and the encoders' ramp
STARTUP_S = 4.0  # a call process's start-up (imports) on a loaded machine, before it joins
WINDOW_S = 8.0  # CPU is measured over this window, with every office present
PLOT = ROOT / "docs" / "perf_sfu.png"
REPORT = ROOT / "docs" / "PERFORMANCE.md"
SECTION = ("<!-- sfu:start -->", "<!-- sfu:end -->")
CLK_TCK = os.sysconf("SC_CLK_TCK")


def run() -> list[Measurement]:
    """Run the sessions in a fresh namespace; write the plot and the table; return the rows."""
    if not namespace_available():
        return [Measurement(AREA, "sfu benchmarks", float("nan"), "", note="unshare not available")]
    data = _run_inside_sfu_namespace()
    _write_docs(data)
    return _rows(data)


def _run_inside_sfu_namespace() -> dict[str, Any]:
    """Like ``benchmarks.netns.run_inside``, with a veth pair for Janus (it skips loopback)."""
    from tests.conferencing.janus_server import SFU_SETUP

    command = f"{SFU_SETUP} && exec {sys.executable} -m benchmarks.bench_sfu --inside"
    proc = subprocess.run(
        ["unshare", "-rn", "sh", "-c", command],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=2400,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"sfu benchmark failed: {proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# ----------------------------------------------------------------------------- rows and docs


def _worst_fps(session: dict[str, Any]) -> float:
    """The lowest received frame rate of all N x (N-1) streams, counted inside the measuring
    window (every office present) from each report's frames per monotonic second."""
    fps = [
        _window_fps(p, session.get("window"))
        for r in session["reports"]
        for p in r["peers"].values()
    ]
    expected = session["offices"] * (session["offices"] - 1)
    # A stream that never arrived counts as 0 fps, not as absent.
    return min(fps) if len(fps) >= expected and fps else 0.0


def _worst_from(session: dict[str, Any], index: int) -> float:
    """The lowest frame rate at which the others received office ``index`` (0 if one did not)."""
    office = OFFICES[index]
    fps = [
        _window_fps(p, session.get("window"))
        for r in session["reports"]
        if r.get("office") != office
        for p in r["peers"].values()
        if p.get("office") == office
    ]
    return round(min(fps), 1) if len(fps) >= session["offices"] - 1 and fps else 0.0


def _window_fps(peer: dict[str, Any], window: list[float] | None) -> float:
    by_second = peer.get("frames_by_second")
    if not window or by_second is None:
        return peer.get("fps_steady") or 0.0
    first, last = math.ceil(window[0]), math.floor(window[1])  # whole seconds inside it
    if last <= first:
        return peer.get("fps_steady") or 0.0
    frames = sum(count for key, count in by_second.items() if first <= int(key) < last)
    return frames / (last - first)


def _rows(data: dict[str, Any]) -> list[Measurement]:
    rows: list[Measurement] = []
    for mode in ("mesh", "sfu"):
        sessions = data.get(mode) or []
        if not sessions:
            rows.append(
                Measurement(
                    AREA,
                    f"{mode}: CPU per office, 2-8 offices",
                    float("nan"),
                    "% of a core",
                    note=data.get(f"{mode}_skipped", "not measured"),
                )
            )
            continue
        for session in sessions:
            n = session["offices"]
            cpu = session["cpu_core_pct"]
            rows.append(
                Measurement(
                    AREA,
                    f"{mode}, {n} offices {SIZE}@{FPS}: CPU per office",
                    statistics.mean(cpu),
                    "% of a core",
                    note=f"{', '.join(f'{c:.0f}' for c in cpu)}; worst stream "
                    f"{_worst_fps(session):.1f} fps; load before {session['load']:.1f}"
                    + (f"; Janus {session['janus']:.0f} %" if session.get("janus") else "")
                    + (
                        f"; FAILED: {'; '.join(session['failures'])}"
                        if session.get("failures")
                        else ""
                    ),
                )
            )
            if n == max(OFFICE_COUNTS):
                rows.append(
                    Measurement(
                        AREA,
                        f"{mode}, {n} offices {SIZE}@{FPS}: received fps (worst stream), "
                        "all speaking at once",
                        _worst_fps(session),
                        "fps",
                        lower_is_better=False,
                        note=f"{n * (n - 1)} streams, each office checks every other; every "
                        "office sends a tone all the time (the stress case)",
                    )
                )
    meeting = data.get("sfu_meeting")
    if meeting:
        n = meeting["offices"]
        rows += [
            Measurement(
                AREA,
                f"sfu, {n} offices {SIZE}@{FPS}: received fps (worst stream), one speaking",
                _worst_fps(meeting),
                "fps",
                14,
                lower_is_better=False,
                note=f"{n * (n - 1)} streams, each office checks every other; one office sends "
                f"a tone, {n - 1} listen muted (a meeting); Janus {meeting['janus']:.0f} %"
                + (f"; FAILED: {'; '.join(meeting['failures'])}" if meeting["failures"] else ""),
            ),
            Measurement(
                AREA,
                f"sfu, {n} offices {SIZE}@{FPS}: CPU per office, one speaking",
                statistics.mean(meeting["cpu_core_pct"]),
                "% of a core",
                note=", ".join(f"{c:.0f}" for c in meeting["cpu_core_pct"])
                + f"; load before {meeting['load']:.1f}",
            ),
        ]
    for key, name, target, note in (
        (
            "publish720_alone",
            "SFU: one office publishing 1280x720 to 7 others vs to 1 (its CPU)",
            1.3,
            "it shows no tiles (--no-incoming-video) and the others listen muted, so this is "
            "the cost of publishing; "
            "its subscribers' worst stream {worst2} / {worst8} fps",
        ),
        (
            "publish720",
            "SFU: the same publisher also watching the others (its CPU, 7 vs 1)",
            None,
            "it also receives and decodes the others' 320x240 (6 more streams)",
        ),
    ):
        pub = data.get(key)
        if not pub:
            continue
        one, seven = pub["2"]["cpu_core_pct"][0], pub["8"]["cpu_core_pct"][0]
        worst = {"worst2": _worst_from(pub["2"], 0), "worst8": _worst_from(pub["8"], 0)}
        rows.append(
            Measurement(
                AREA,
                name,
                round(seven / one, 2) if one else float("nan"),
                "x",
                target,
                note=f"publisher {one:.0f} % -> {seven:.0f} % of a core; " + note.format(**worst),
            )
        )
    return rows


def _write_docs(data: dict[str, Any]) -> None:
    """The cost curve as a PNG and a table in the report's kept ``sfu`` section."""
    curves = {
        mode: [(s["offices"], statistics.mean(s["cpu_core_pct"])) for s in data.get(mode) or []]
        for mode in ("mesh", "sfu")
    }
    from benchmarks.plot import line_plot

    line_plot(
        PLOT,
        "CPU per office vs offices in the session (320x240, 15 fps)",
        "offices",
        "% of one core per office",
        {k: v for k, v in curves.items() if v},
    )
    lines = [
        SECTION[0],
        f"Each office its own process; {os.cpu_count()} cores shared by all offices (and Janus), "
        "so from about 5 offices the mesh's offices compete for the CPU and their frame rate "
        'falls. CPU is read from /proc over an 8 s window with every office present; "worst '
        'stream" is the lowest received frame rate of all N x (N-1) streams, counted in the same '
        "window. Janus's own CPU is "
        "the server's cost, shown apart (`benchmarks/bench_sfu.py`).",
        "",
        "![CPU per office, mesh and SFU](perf_sfu.png)",
        "",
        "| offices | mesh: CPU per office | mesh: worst stream | SFU: CPU per office | "
        "SFU: worst stream | Janus CPU |",
        "| ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    by_n = {mode: {s["offices"]: s for s in data.get(mode) or []} for mode in ("mesh", "sfu")}
    for n in OFFICE_COUNTS:
        cells = []
        for mode in ("mesh", "sfu"):
            s = by_n[mode].get(n)
            if s is None:
                cells += ["-", "-"]
            else:
                cells += [
                    f"{statistics.mean(s['cpu_core_pct']):.0f} %",
                    f"{_worst_fps(s):.1f} fps",
                ]
        janus = by_n["sfu"].get(n, {}).get("janus")
        cells.append("-" if janus is None else f"{janus:.0f} %")
        lines.append(f"| {n} | " + " | ".join(cells) + " |")
    meeting = data.get("sfu_meeting")
    if meeting:
        lines += [
            "",
            "In the curve every office sends a tone all the time, as if all of them spoke at "
            "once. In a meeting one office speaks and the others listen; a muted or quiet "
            "microphone sends one audio frame every 400 ms instead of 50 a second "
            "(`conferencing/dtx.py`), so listening offices cost the others almost nothing:",
            "",
            "| 8 offices on Janus | CPU per office | worst stream | Janus CPU |",
            "| --- | ---: | ---: | ---: |",
            f"| all speaking at once (the curve) | {_cpu_mean(by_n['sfu'].get(8))} | "
            f"{_worst_text(by_n['sfu'].get(8))} | {_janus_text(by_n['sfu'].get(8))} |",
            f"| one speaking, {meeting['offices'] - 1} listening (muted) | {_cpu_mean(meeting)} | "
            f"{_worst_text(meeting)} | {_janus_text(meeting)} |",
        ]
    for mode in ("mesh", "sfu"):
        if data.get(f"{mode}_skipped"):
            lines.append(f"\n{mode}: {data[f'{mode}_skipped']}")
    lines.append(SECTION[1])
    _replace_section(REPORT, "\n".join(lines))


def _cpu_mean(session: dict[str, Any] | None) -> str:
    return "-" if not session else f"{statistics.mean(session['cpu_core_pct']):.0f} %"


def _worst_text(session: dict[str, Any] | None) -> str:
    return "-" if not session else f"{_worst_fps(session):.1f} fps"


def _janus_text(session: dict[str, Any] | None) -> str:
    return "-" if not session or session.get("janus") is None else f"{session['janus']:.0f} %"


def _replace_section(report: Path, section: str) -> None:
    text = report.read_text(encoding="utf-8") if report.exists() else ""
    start, end = SECTION
    if start in text and end in text:
        text = text[: text.index(start)] + section + text[text.index(end) + len(end) :]
    else:
        text = text.rstrip("\n") + "\n\n## Mesh and SFU cost curve\n\n" + section + "\n"
    report.write_text(text, encoding="utf-8")


# ----------------------------------------------------------------------------- inside the namespace


def _cpu_ticks(pid: int) -> int:
    """utime + stime of a process (all its threads), in clock ticks."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def _invite(secret_file: Path, room: str, office: str, env: dict[str, str], offices: int) -> str:
    return subprocess.run(
        [sys.executable, "main.py", "invite", "--secret-file", str(secret_file), "--room", room,
         "--office", office, "--offices", str(offices)],
        cwd=ROOT, env=env, capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip


def session(
    hub_url: str,
    secret_file: Path,
    room: str,
    offices: list[str],
    *,
    sizes: list[str] | None = None,
    flags: dict[int, list[str]] | None = None,
    server_pid: int | None = None,
) -> dict[str, Any]:
    """Run one session of ``offices`` (each a ``main.py call``); CPU per office and reports.

    ``sizes``: each office's camera size (default :data:`SIZE`); ``flags``: more ``call``
    options for the office at that index; ``server_pid``: Janus, whose
    CPU over the same window is reported apart (the server's cost, not an office's).
    """
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    load = os.getloadavg()[0]
    n = len(offices)
    # Invitations first: each is a Python start-up, and between joins it would stretch the
    # session (the first offices then left while the window was still open).
    tokens = [_invite(secret_file, room, office, env, n) for office in offices]
    procs = []
    for i, (office, token) in enumerate(zip(offices, tokens, strict=True)):
        size = sizes[i] if sizes else SIZE
        # Everyone is still there when the window closes: ``--seconds`` counts from the join,
        # and a loaded machine's start-up (imports) can take STARTUP_S.
        seconds = (n - 1 - i) * JOIN_GAP_S + SETTLE_S + WINDOW_S + 2 * STARTUP_S
        command = [sys.executable, "main.py", "call", "--hub", hub_url, "--room", room]
        command += ["--token", token, "--office", office, "--synthetic", size]
        command += ["--fps", str(FPS), "--seconds", f"{seconds:.1f}", "--report"]
        command += (flags or {}).get(i, [])
        data_dir = tempfile.mkdtemp(prefix="lintas-bench-")  # an install key per office
        procs.append(
            subprocess.Popen(
                command,
                cwd=ROOT,
                env={**env, "LINTAS_DATA_DIR": data_dir},
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
        time.sleep(JOIN_GAP_S)
    time.sleep(STARTUP_S + SETTLE_S)
    before = [_cpu_ticks(p.pid) for p in procs]
    server_before = _cpu_ticks(server_pid) if server_pid else 0
    started = time.monotonic()
    time.sleep(WINDOW_S)
    after = [_cpu_ticks(p.pid) for p in procs]
    server_after = _cpu_ticks(server_pid) if server_pid else 0
    ended = time.monotonic()
    elapsed = ended - started
    cpu = [round(100 * (b - a) / CLK_TCK / elapsed, 1) for a, b in zip(before, after, strict=True)]
    server = round(100 * (server_after - server_before) / CLK_TCK / elapsed, 1)
    reports, failures = [], []
    for office, proc in zip(offices, procs, strict=True):
        out, err = proc.communicate(timeout=120)
        lines = out.strip().splitlines()
        if proc.returncode != 0 or not lines:
            # Counted, not hidden: its streams are missing, so the worst stream reads 0 fps.
            failures.append(
                f"{office}: {err.strip().splitlines()[-1][:160] if err.strip() else '?'}"
            )
            continue
        reports.append(json.loads(lines[-1]))
    return {
        "offices": n,
        "cpu_core_pct": cpu,
        "reports": reports,
        "load": load,
        "janus": server,
        "failures": failures,
        "window": [started, ended],
    }


def _hub(secret_file: Path, port: int, *extra: str) -> subprocess.Popen[str]:
    hub = subprocess.Popen(
        [sys.executable, "main.py", "hub", "--host", HOST, "--port", str(port), "--secret-file",
         str(secret_file), "--insecure", "--max-peers", str(max(OFFICE_COUNTS)), *extra],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    hub.stdout.readline()  # type: ignore[union-attr]  # "hub listening on ..."
    return hub


def _mesh(result: dict[str, Any], tmp: Path) -> None:
    secret_file = tmp / "hub.secret"
    port = 8793
    hub = _hub(secret_file, port)
    try:
        result["mesh"] = [
            session(f"ws://{HOST}:{port}/ws", secret_file, f"mesh-{n}", OFFICES[:n])
            for n in OFFICE_COUNTS
        ]
    finally:
        hub.terminate()
        hub.wait(5)


def _sfu(result: dict[str, Any], tmp: Path) -> None:
    """Every session on Janus (``--sfu-above 1``), then the 720p publisher with 1 and 7 others."""
    import dataclasses

    from tests.conferencing.janus_server import SFU_HOST, JanusServer, janus_unavailable

    reason = janus_unavailable()
    if reason:
        result["sfu_skipped"] = reason
        return
    janus = JanusServer(SFU_HOST).start_sync()
    assert janus.proc is not None
    secret_file = tmp / "sfu-hub.secret"
    config = tmp / "janus.json"
    config.write_text(json.dumps({"servers": [dataclasses.asdict(janus.spec())]}))
    port = 8794
    hub = _hub(secret_file, port, "--janus-config", str(config), "--sfu-above", "1")
    url = f"ws://{HOST}:{port}/ws"
    try:
        result["sfu"] = [
            session(url, secret_file, f"sfu-{n}", OFFICES[:n], server_pid=janus.proc.pid)
            for n in OFFICE_COUNTS
        ]
        # A meeting: one office speaks, the others listen with their microphones muted.
        n = max(OFFICE_COUNTS)
        result["sfu_meeting"] = session(
            url,
            secret_file,
            f"sfu-meeting-{n}",
            OFFICES[:n],
            flags={i: ["--muted"] for i in range(1, n)},
            server_pid=janus.proc.pid,
        )
        # One office publishes 1280x720 (the others 320x240), to one other and to seven.
        result["publish720"] = {
            str(n): session(
                url,
                secret_file,
                f"sfu720-{n}",
                OFFICES[:n],
                sizes=["1280x720"] + [SIZE] * (n - 1),
                server_pid=janus.proc.pid,
            )
            for n in (2, 8)
        }
        # The same, with the publisher showing no tiles (``--no-incoming-video``) and the
        # others listening muted: the SFU forwards it nobody's video and next to no audio, so
        # its CPU is the cost of publishing alone (seven speaking offices would add seven
        # Opus decoders, a cost of listening, not of publishing).
        result["publish720_alone"] = {
            str(n): session(
                url,
                secret_file,
                f"sfu720a-{n}",
                OFFICES[:n],
                sizes=["1280x720"] + [SIZE] * (n - 1),
                flags={0: ["--no-incoming-video"], **{i: ["--muted"] for i in range(1, n)}},
                server_pid=janus.proc.pid,
            )
            for n in (2, 8)
        }
    finally:
        hub.terminate()
        hub.wait(5)
        janus.stop_sync()


def _inside() -> None:
    result: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        if "--sfu-only" not in sys.argv:
            _mesh(result, Path(tmp))
        _sfu(result, Path(tmp))
    print(json.dumps(result))


if __name__ == "__main__":
    if "--inside" in sys.argv:
        _inside()
    else:
        for row in run():
            print(row.as_dict())
