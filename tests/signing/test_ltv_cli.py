"""The sample agreement is B-LTA out of the box and stays VALID after its certificates expire.

``main.py sample-agreement`` runs its own in-process CA and TSA (no network); ``main.py verify``
then checks it today and, with ``--at``, three years on, when both office certificates (two years)
have expired. Real subprocesses, real PDF, poppler's pdfsig as the independent reader.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography import x509

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
    """The sample agreement and its exported certificates (two offices and the sample CA)."""
    folder = tmp_path_factory.mktemp("ltv-sample")
    out = folder / "kesepakatan.pdf"
    proc = _main("sample-agreement", str(out), "--export-certs", str(folder / "certs"))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.count("long-term:     PAdES B-LTA") == 2, proc.stdout
    return out, folder / "certs"


def _verify(out: Path, certs: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return _main(
        "verify",
        str(out),
        "--trust",
        str(certs / "pihak1.pem"),
        str(certs / "pihak2.pem"),
        "--ca",
        str(certs / "sample-ca.pem"),
        *extra,
    )


def test_sample_is_b_lta_with_a_document_time_stamp(sample: tuple[Path, Path]) -> None:
    out, certs = sample
    assert (certs / "sample-ca.pem").is_file()
    ca = x509.load_pem_x509_certificate((certs / "sample-ca.pem").read_bytes())
    assert ca.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    proc = _verify(out, certs, "--json")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    report = json.loads(proc.stdout)
    assert report["ok"] and report["ltv_level"] == "B-LTA"
    assert [s["ltv_level"] for s in report["signatures"]] == ["B-LTA", "B-LTA"]
    assert all(s["timestamped"] and not s["certificate_expired"] for s in report["signatures"])
    sig = subprocess.run(["pdfsig", str(out)], capture_output=True, text=True)
    assert sig.stdout.count("Signature Validation: Signature is Valid.") == 2, sig.stdout
    assert "Lintas Sample Time-Stamp Authority" in sig.stdout  # the sealing document time-stamp


def test_sample_stays_valid_after_the_office_certificates_expire(
    sample: tuple[Path, Path],
) -> None:
    out, certs = sample
    office = x509.load_pem_x509_certificate((certs / "pihak1.pem").read_bytes())
    later = office.not_valid_after_utc + dt.timedelta(days=365)
    proc = _verify(out, certs, "--at", later.date().isoformat())
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.count(": VALID") == 2
    assert proc.stdout.count("PAdES B-LTA, certificate expired since") == 2
    assert "Valid at the time of its timestamp; the certificate has expired since." in proc.stdout
    assert "OK: 2 valid signature(s)." in proc.stdout
    # Without the CA nothing vouches for the offices or the time-stamps: not valid.
    bare = _main("verify", str(out), "--at", later.date().isoformat())
    assert bare.returncode == 1


def test_verify_rejects_a_malformed_date(sample: tuple[Path, Path]) -> None:
    out, certs = sample
    proc = _verify(out, certs, "--at", "next year")
    assert proc.returncode == 2 and "not a date" in proc.stderr
