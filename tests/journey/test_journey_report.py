"""`make bench` rewrites docs/PERFORMANCE.md but keeps the journey test's section."""

from __future__ import annotations

from pathlib import Path

import pytest

import benchmarks.__main__ as runner


def test_a_benchmark_run_keeps_the_journey_count(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = tmp_path / "PERFORMANCE.md"
    section = (
        "<!-- journey:start -->\nUser actions of the two-office journey\n\n"
        "| Step | Actions |\n|---|---:|\n| **Total** | **93** |\n<!-- journey:end -->"
    )
    report.write_text(
        "# Performance\n\n| old | rows |\n\n## First-contact journey\n\n" + section + "\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(runner, "REPORT", report)
    row = {"area": "x", "name": "y", "value": 1.0, "unit": "s", "target": None,
           "verdict": "", "note": ""}  # fmt: skip
    for _ in range(2):  # twice: the section is kept once, not duplicated
        runner._write_report({"bench_x": [row]})
    text = report.read_text(encoding="utf-8")
    assert "| old | rows |" not in text and "| x | y | 1 | s |" in text
    assert text.count("<!-- journey:start -->") == 1 and section in text
    assert text.count("## First-contact journey") == 1
