"""Run every ``benchmarks/bench_*.py`` and write ``docs/PERFORMANCE.md`` plus JSON.

Each module exposes ``run() -> list[Measurement]``. Modules run one after another in fresh
subprocesses so that one benchmark's imports and caches do not flatter the next (cold start in
particular). ``python -m benchmarks NAME ...`` runs a subset; the report keeps rows of the modules
that were not re-run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import platform
import subprocess
import sys
from pathlib import Path

from benchmarks.result import Measurement

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results.json"
REPORT = ROOT / "docs" / "PERFORMANCE.md"


def _modules() -> list[str]:
    return sorted(p.stem for p in (ROOT / "benchmarks").glob("bench_*.py"))


def _run_one(module: str) -> list[dict[str, object]]:
    """Run one benchmark module in a child process and return its rows."""
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--child", module],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        return [
            Measurement(module, "benchmark failed", float("nan"), "", note=proc.stderr[-200:].strip())
            .as_dict()
        ]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _child(module: str) -> None:
    rows = importlib.import_module(f"benchmarks.{module}").run()
    print(json.dumps([r.as_dict() for r in rows]))


def _write_report(results: dict[str, list[dict[str, object]]]) -> None:
    lines = [
        "# Performance",
        "",
        "Produced by `make bench` (`python -m benchmarks`), which runs every `benchmarks/bench_*.py`",
        "in its own process and rewrites this file. Raw rows: `benchmarks/results.json`.",
        f"Last run: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on {platform.machine()}, "
        f"Python {platform.python_version()}, {_cpu_count()} cores. These machines are noisy;",
        "comparisons are ratios measured side by side in one run.",
        "",
        "| area | measurement | value | unit | target | verdict | note |",
        "| --- | --- | ---: | --- | ---: | --- | --- |",
    ]
    for module in sorted(results):
        for row in results[module]:
            target = "" if row["target"] is None else f"{row['target']:g}"
            lines.append(
                f"| {row['area']} | {row['name']} | {row['value']:.4g} | {row['unit']} | {target} "
                f"| {row['verdict']} | {row['note']} |"
            )
    kept = _kept_sections()
    REPORT.write_text("\n".join(lines) + "\n" + kept, encoding="utf-8")


#: Sections other tools write into the report between these markers (the journey test's count
#: of user actions); a benchmark run keeps them as they are.
KEPT_MARKERS = (
    ("<!-- journey:start -->", "<!-- journey:end -->", "## First-contact journey"),
    # bench_sfu writes the mesh/SFU cost curve (table and plot) here while it runs.
    ("<!-- sfu:start -->", "<!-- sfu:end -->", "## Mesh and SFU cost curve"),
)


def _kept_sections() -> str:
    """The marked sections of the current report, with their headings, to write back."""
    try:
        text = REPORT.read_text(encoding="utf-8")
    except OSError:
        return ""
    out = []
    for start, end, heading in KEPT_MARKERS:
        if start in text and end in text:
            out.append(f"\n{heading}\n\n{text[text.index(start) : text.index(end) + len(end)]}\n")
    return "".join(out)


def _cpu_count() -> int:
    import os

    return os.cpu_count() or 1


def main() -> int:
    """Entry point of ``python -m benchmarks``."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("modules", nargs="*", help="bench_* modules to run (default: all)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child)
        return 0
    chosen = args.modules or _modules()
    results: dict[str, list[dict[str, object]]] = {}
    if RESULTS.exists():
        results = json.loads(RESULTS.read_text(encoding="utf-8"))
    for module in chosen:
        print(f"running {module} ...", flush=True)
        results[module] = _run_one(module)
        for row in results[module]:
            print(f"  {row['name']}: {row['value']:.4g} {row['unit']} [{row['verdict']}]")
    RESULTS.write_text(json.dumps(results, indent=2), encoding="utf-8")
    _write_report(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
