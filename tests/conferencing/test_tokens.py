"""Invite tokens: HMAC-signed room, office and expiry; refusals say why."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from conferencing import protocol as p
from conferencing.hub.tokens import TokenError, issue_token, load_secret, verify_token

SECRET = b"0123456789abcdef0123456789abcdef"
ROOT = Path(__file__).resolve().parents[2]


def test_valid_token_grants_room_office_and_expiry() -> None:
    token = issue_token(SECRET, "r1", "Pemerintah Kota Bandung", 60, now=1_000_000)
    claims = verify_token(SECRET, token, "r1", now=1_000_030)
    assert (claims.room, claims.office, claims.expires_at) == (
        "r1",
        "Pemerintah Kota Bandung",
        1_000_060,
    )


@pytest.mark.parametrize(
    ("mangle", "room", "now", "code", "reason"),
    [
        (lambda t: t, "r1", 1_000_060, p.E_TOKEN_EXPIRED, "expired at 1970-01-12 13:47 UTC"),
        (lambda t: t, "r2", 1_000_010, p.E_TOKEN_ROOM, "for room 'r1', not 'r2'"),
        (
            lambda t: t[:-3] + ("AAA" if not t.endswith("AAA") else "BBB"),
            "r1",
            1_000_010,
            p.E_TOKEN_INVALID,
            "not issued by this hub",
        ),
        (lambda t: "x" + t, "r1", 1_000_010, p.E_TOKEN_INVALID, "not issued by this hub"),
        (lambda t: "garbage", "r1", 1_000_010, p.E_TOKEN_INVALID, "malformed"),
        (lambda t: "", "r1", 1_000_010, p.E_TOKEN_INVALID, "malformed"),
    ],
)
def test_refusals_have_a_code_and_clear_reason(mangle, room, now, code, reason) -> None:  # type: ignore[no-untyped-def]
    token = mangle(issue_token(SECRET, "r1", "Pemerintah Kota Bandung", 60, now=1_000_000))
    with pytest.raises(TokenError) as info:
        verify_token(SECRET, token, room, now=now)
    assert info.value.code == code
    assert reason in str(info.value)


def test_token_of_another_hub_is_unknown() -> None:
    token = issue_token(b"another-hub-secret-000000000000", "r1", "Kota Pekanbaru", 60)
    with pytest.raises(TokenError, match="not issued by this hub"):
        verify_token(SECRET, token, "r1")


def test_issue_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="at least 16 bytes"):
        issue_token(b"short", "r1", "x")
    with pytest.raises(ValueError, match="room names"):
        issue_token(SECRET, "room with spaces", "x")
    with pytest.raises(ValueError, match="office"):
        issue_token(SECRET, "r1", "   ")


def test_secret_file_is_created_private_and_reloaded(tmp_path: Path) -> None:
    path = tmp_path / "hub.secret"
    secret = load_secret(path, create=True)
    assert path.stat().st_mode & 0o777 == 0o600
    assert load_secret(path) == secret
    (tmp_path / "weak").write_text("abcd")
    with pytest.raises(ValueError, match="fewer than 16 bytes"):
        load_secret(tmp_path / "weak")
    with pytest.raises(FileNotFoundError):
        load_secret(tmp_path / "missing")


def test_invite_command_prints_a_token_the_hub_accepts(tmp_path: Path) -> None:
    secret_file = tmp_path / "hub.secret"
    secret = load_secret(secret_file, create=True)
    out = subprocess.run(
        [
            sys.executable,
            "main.py",
            "invite",
            "--secret-file",
            str(secret_file),
            "--room",
            "mou-2026",
            "--office",
            "Pemerintah Kota Bandung",
            "--ttl",
            "120",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    claims = verify_token(secret, out, "mou-2026")
    assert claims.office == "Pemerintah Kota Bandung"
    assert 100 < claims.expires_at - time.time() <= 120
    bad = subprocess.run(
        [
            sys.executable,
            "main.py",
            "invite",
            "--secret-file",
            str(tmp_path / "nope"),
            "--room",
            "r",
            "--office",
            "o",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 2 and "does not exist" in bad.stderr
