"""``main.py verify`` and ``main.py sample-agreement`` run as real subprocesses."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from mou.signing.identity import export_certificate
from tests.signing.conftest import SignedAgreement

ROOT = Path(__file__).resolve().parents[2]


def _main(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The sample agreement written by the CLI, with both certificates exported."""
    folder = tmp_path_factory.mktemp("sample")
    out = folder / "kesepakatan.pdf"
    proc = _main("sample-agreement", str(out), "--export-certs", str(folder / "certs"))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "OK: 2 valid signature(s)." in proc.stdout
    # The sample goes the real way: template, exchange, both approvals, Agreed, publication.
    assert "Built from: agreements core" in proc.stdout
    return out, folder / "certs"


def test_sample_agreement_is_signed_twice_and_verifies(sample: tuple[Path, Path]) -> None:
    out, certs = sample
    proc = _main(
        "verify",
        str(out),
        "--trust",
        str(certs / "pihak1.pem"),
        "--trust",
        str(certs / "pihak2.pem"),
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.count(": VALID") == 2
    assert (
        "Pemerintah Kota Bandung" in proc.stdout and "Pemerintah Kota Palangkaraya" in proc.stdout
    )
    assert " WIB " in proc.stdout
    sig = subprocess.run(["pdfsig", str(out)], capture_output=True, text=True)
    assert sig.stdout.count("Signature is Valid.") == 2
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert "609.449 x 935.433 pts" in info
    # Several certificates after one --trust, as a shell glob gives them.
    glob_form = _main("verify", str(out), "--trust", *sorted(str(p) for p in certs.glob("*.pem")))
    assert glob_form.returncode == 0, glob_form.stdout + glob_form.stderr


def test_sample_agreement_on_a4(tmp_path: Path) -> None:
    out = tmp_path / "a4.pdf"
    proc = _main("sample-agreement", str(out), "--paper", "a4")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert "595.276 x 841.89 pts (A4)" in info


def test_verify_fails_without_trust_and_names_unknown_signers(sample: tuple[Path, Path]) -> None:
    out, certs = sample
    proc = _main("verify", str(out), "--trust", str(certs / "pihak1.pem"))
    assert proc.returncode == 1
    assert "UNKNOWN SIGNER" in proc.stdout and "FAILED: 1 of 2" in proc.stdout
    assert "Traceback" not in proc.stderr


def test_verify_exit_codes_for_tampered_and_unreadable_input(
    signed_agreement: SignedAgreement, bandung_identity, palangkaraya_identity, tmp_path: Path
) -> None:
    a, b = tmp_path / "a.pem", tmp_path / "b.pem"
    export_certificate(bandung_identity, a)
    export_certificate(palangkaraya_identity, b)
    data = signed_agreement.after_both
    at = data.index(b"/Creator (Lintas ")
    bad = tmp_path / "tampered.pdf"
    bad.write_bytes(data[:at] + b"/Creator (Lintaz " + data[at + 17 :])
    proc = _main("verify", str(bad), "--trust", str(a), "--trust", str(b))
    assert proc.returncode == 1
    assert proc.stdout.count("TAMPERED") >= 2
    good = tmp_path / "good.pdf"
    good.write_bytes(data)
    assert _main("verify", str(good), "--trust", str(a), "--trust", str(b)).returncode == 0
    assert _main("verify", str(tmp_path / "missing.pdf")).returncode == 2
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"not a pdf")
    proc = _main("verify", str(junk))
    assert proc.returncode == 2 and "not a PDF" in proc.stdout
    (tmp_path / "bad.pem").write_text("garbage")
    proc = _main("verify", str(good), "--trust", str(tmp_path / "bad.pem"))
    assert proc.returncode == 2 and "not an X.509" in proc.stderr
    unsigned = tmp_path / "unsigned.pdf"
    unsigned.write_bytes(signed_agreement.unsigned)
    proc = _main("verify", str(unsigned), "--trust", str(a))
    assert proc.returncode == 1 and "no signature" in proc.stdout


def test_verify_json_output(sample: tuple[Path, Path]) -> None:
    import json

    out, certs = sample
    proc = _main("verify", str(out), "--json", "--trust", str(certs / "pihak1.pem"))
    assert proc.returncode == 1
    report = json.loads(proc.stdout)
    assert report["ok"] is False
    assert [s["verdict"] for s in report["signatures"]] == ["valid", "untrusted"]
    assert report["signatures"][0]["office"] == "Pemerintah Kota Bandung"
    assert report["signatures"][0]["signing_time"].endswith("+00:00")
