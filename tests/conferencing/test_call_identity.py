"""Who is on the call: office-signed DTLS fingerprints, short codes, and a hub in the middle.

Unit tests use real office identities (``mou.signing.identity``), real aiortc SDP and real
signatures. The call tests run real aiortc offices through the real hub (or a malicious
subclass of it) inside a private network namespace (``identity_scenarios.py``).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from aiortc import RTCPeerConnection
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from conferencing.call_identity import (
    MAX_MESSAGES_PER_SESSION,
    Binding,
    CallIdentity,
    Expected,
    TrustedOffices,
    VerifyCode,
    certificate_fingerprint,
    check_message,
    format_short_code,
    sdp_fingerprint,
    short_code,
    short_code_word_list,
    short_code_words,
    signed_message,
)
from conferencing.topology.verify import IDENTITY_WAIT_S, LinkVerifier
from mou.signing.identity import create_identity
from tests.conferencing.netns import ROOT, SETUP, netns_unavailable

BANDUNG, PEKANBARU = "Pemerintah Kota Bandung", "Pemerintah Kota Pekanbaru"
PASSWORD = "kata-sandi-uji"


@pytest.fixture(scope="module")
def offices(tmp_path_factory: pytest.TempPathFactory) -> dict[str, CallIdentity]:
    """Real office identities as the app makes them (PKCS#12 on disk), unlocked for calls."""
    folder = tmp_path_factory.mktemp("offices")
    out = {}
    for key, office in (("bdg", BANDUNG), ("pku", PEKANBARU), ("fake_pku", PEKANBARU)):
        create_identity(
            folder / f"{key}.p12", PASSWORD, common_name="Wali Kota", organization=office
        )
        out[key] = CallIdentity.load(folder / f"{key}.p12", PASSWORD)
    return out


async def _real_sdp() -> tuple[str, str]:
    """An offer SDP made by aiortc, and the fingerprint of the DTLS certificate it will use."""
    pc = RTCPeerConnection()
    pc.createDataChannel("lintas")
    await pc.setLocalDescription(await pc.createOffer())
    sdp = pc.localDescription.sdp
    fingerprints = pc._RTCPeerConnection__certificates[0].getFingerprints()  # type: ignore[attr-defined]
    await pc.close()
    sha256 = [f.value for f in fingerprints if f.algorithm == "sha-256"]
    return sdp, sha256[0]


FP_A = ":".join(["AA"] * 32)
FP_B = ":".join(["BB"] * 32)
FP_M = ":".join(["CC"] * 32)


def _binding(**changes: Any) -> Binding:
    fields: dict[str, Any] = dict(
        room="kesepakatan-bandung-pekanbaru",
        sender="peer-pekanbaru",
        recipient="peer-bandung",
        session=1,
        office=PEKANBARU,
        sender_fingerprint=FP_B,
        recipient_fingerprint=FP_A,
    )
    fields.update(changes)
    return Binding(**fields)


def _expected(**changes: Any) -> Expected:
    fields: dict[str, Any] = dict(
        room="kesepakatan-bandung-pekanbaru",
        sender="peer-pekanbaru",
        recipient="peer-bandung",
        session=1,
        sender_fingerprint=FP_B,
        recipient_fingerprint=FP_A,
    )
    fields.update(changes)
    return Expected(**fields)


# ----------------------------------------------------------------------------- fingerprints


def test_sdp_fingerprint_is_the_dtls_certificate_aiortc_uses() -> None:
    sdp, expected = asyncio.run(_real_sdp())
    assert sdp_fingerprint(sdp) == expected.upper()
    # Two different certificates in one SDP: we will not vouch for either.
    other = sdp.replace(expected, FP_M, 1) + f"a=fingerprint:sha-256 {expected}\r\n"
    assert sdp_fingerprint(other) is None
    assert sdp_fingerprint("v=0\r\n") is None


def test_short_code_is_six_digits_the_same_on_both_sides_and_changes_with_a_middle_man() -> None:
    code = short_code(FP_A, FP_B)
    assert len(code) == 6 and code.isdigit()
    assert short_code(FP_B, FP_A) == code  # order-independent
    assert short_code(FP_A.lower(), FP_B) == code
    # A party in the middle: each office pairs its own fingerprint with the middle man's.
    assert short_code(FP_A, FP_M) != code and short_code(FP_M, FP_B) != code
    assert format_short_code("042917") == "042 917"


def test_short_code_words_come_from_the_digits_bytes_and_change_with_a_middle_man() -> None:
    import hashlib

    words = short_code_word_list()
    # 256 simple, distinct Indonesian words: one per byte value, none a prefix-free trap of
    # spaces or capitals that would be read differently aloud.
    assert len(words) == 256 and len(set(words)) == 256
    assert all(w.isalpha() and w.islower() and 2 <= len(w) <= 10 for w in words)
    said = short_code_words(FP_A, FP_B)
    assert len(said.split()) == 4 and all(w in words for w in said.split())
    assert short_code_words(FP_B, FP_A) == said and short_code_words(FP_A.lower(), FP_B) == said
    # The same digest as the six digits: its first four bytes pick the words, its first
    # eight make the digits.
    pair = "|".join(sorted((FP_A, FP_B)))
    digest = hashlib.sha256(("lintas-short-code|" + pair).encode("ascii")).digest()
    assert said.split() == [words[b] for b in digest[:4]]
    assert short_code(FP_A, FP_B) == f"{int.from_bytes(digest[:8], 'big') % 1_000_000:06d}"
    # A party in the middle: each office reads out other words.
    assert short_code_words(FP_A, FP_M) != said and short_code_words(FP_M, FP_B) != said


# ----------------------------------------------------------------------------- signed bindings


def test_signed_binding_from_a_pinned_office_is_accepted(offices: dict[str, CallIdentity]) -> None:
    message = signed_message(offices["pku"], _binding())
    checked = check_message(message, TrustedOffices.of([offices["pku"].certificate]), _expected())
    assert checked.status == "pending"  # good so far; the DTLS handshake must still agree
    assert checked.office == PEKANBARU
    assert checked.binding is not None and checked.binding.sender_fingerprint == FP_B
    # The wire form is small enough for a hub relay.
    assert len(json.dumps(message)) < 4096


def test_an_unpinned_certificate_with_the_same_office_name_is_not_trusted(
    offices: dict[str, CallIdentity],
) -> None:
    message = signed_message(offices["fake_pku"], _binding())
    checked = check_message(message, TrustedOffices.of([offices["pku"].certificate]), _expected())
    assert (checked.status, checked.code, checked.office) == (
        "unverified",
        VerifyCode.UNTRUSTED,
        "",
    )


def test_a_pinned_office_cannot_issue_a_certificate_for_another_office(
    offices: dict[str, CallIdentity],
) -> None:
    """Pinned leaves are never issuers: Bandung's key signing a 'Pekanbaru' certificate fails."""
    bandung = offices["bdg"]
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    forged = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, PEKANBARU)]))
        .issuer_name(bandung.certificate.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .sign(bandung.private_key, hashes.SHA256())
    )
    message = signed_message(CallIdentity(key, forged), _binding())
    checked = check_message(message, TrustedOffices.of([bandung.certificate]), _expected())
    assert checked.code == VerifyCode.UNTRUSTED


def test_tampered_or_foreign_signatures_fail(offices: dict[str, CallIdentity]) -> None:
    trusted = TrustedOffices.of([offices["pku"].certificate])
    message = signed_message(offices["pku"], _binding())
    # The binding altered after signing (a middle man's fingerprint put in).
    forged_binding = _binding(sender_fingerprint=FP_M, nonce="00" * 16)
    tampered = dict(message, binding=signed_message(offices["pku"], forged_binding)["binding"])
    assert check_message(tampered, trusted, _expected()).code == VerifyCode.BAD_SIGNATURE
    # Signed by another key but presenting the pinned certificate.
    wrong_key = CallIdentity(offices["bdg"].private_key, offices["pku"].certificate)
    checked = check_message(signed_message(wrong_key, _binding()), trusted, _expected())
    assert checked.code == VerifyCode.BAD_SIGNATURE


def test_a_binding_replayed_into_another_call_is_not_accepted(
    offices: dict[str, CallIdentity],
) -> None:
    trusted = TrustedOffices.of([offices["pku"].certificate])
    message = signed_message(offices["pku"], _binding())
    for other_call in (
        _expected(room="another-room"),
        _expected(session=2),
        _expected(recipient="peer-someone-else"),
        _expected(sender="peer-impostor"),
    ):
        checked = check_message(message, trusted, other_call)
        assert (checked.status, checked.code) == ("unverified", VerifyCode.STALE)
    # Same ids, but this call's DTLS fingerprints are new: proof someone is in between.
    checked = check_message(message, trusted, _expected(sender_fingerprint=FP_M))
    assert (checked.status, checked.code) == ("mismatch", VerifyCode.MISMATCH)
    checked = check_message(message, trusted, _expected(recipient_fingerprint=FP_M))
    assert checked.status == "mismatch"


def test_sizes_are_bounded_before_parsing_and_expired_certificates_refused(
    offices: dict[str, CallIdentity],
) -> None:
    trusted = TrustedOffices.of([offices["pku"].certificate])
    message = signed_message(offices["pku"], _binding())
    huge = dict(message, cert="A" * 100_000)
    assert check_message(huge, trusted, _expected()).code == VerifyCode.MALFORMED
    for broken in ({}, dict(message, sig=None), dict(message, binding="***not base64***")):
        assert check_message(broken, trusted, _expected()).code == VerifyCode.MALFORMED
    years_later = dt.datetime.now(dt.UTC) + dt.timedelta(days=20 * 365)
    checked = check_message(message, trusted, _expected(), now=years_later)
    assert checked.code == VerifyCode.CERT_EXPIRED


def test_link_verdict_needs_the_dtls_certificate_and_ignores_repeats(
    offices: dict[str, CallIdentity],
) -> None:
    trusted = TrustedOffices.of([offices["pku"].certificate])
    verifier = LinkVerifier("peer-pekanbaru")
    verifier.reset(1)
    verifier.local_fp, verifier.remote_fp = FP_A, FP_B
    good = signed_message(offices["pku"], _binding())
    verifier.message(good, trusted, "kesepakatan-bandung-pekanbaru", "peer-bandung")
    assert verifier.evaluate().status == "pending"  # DTLS not up yet
    verifier.dtls_fps = {FP_B}
    state = verifier.evaluate()
    assert (state.status, state.office, state.short_code) == (
        "verified",
        PEKANBARU,
        short_code(FP_A, FP_B),
    )
    # A replayed binding from elsewhere arriving later changes nothing.
    stale = signed_message(offices["pku"], _binding(session=7))
    verifier.message(stale, trusted, "kesepakatan-bandung-pekanbaru", "peer-bandung")
    assert verifier.evaluate().verified
    # The DTLS handshake presented a certificate other than the one signed for: red.
    verifier.dtls_fps = {FP_M}
    assert verifier.evaluate().status == "mismatch"
    # A new peer connection starts from nothing.
    verifier.reset(2)
    assert verifier.evaluate().status == "pending" and not verifier.state.verified


def test_link_without_identity_becomes_not_verified_and_floods_are_bounded(
    offices: dict[str, CallIdentity],
) -> None:
    trusted = TrustedOffices.of([offices["pku"].certificate])
    verifier = LinkVerifier("peer-pekanbaru")
    verifier.reset(1)
    verifier.local_fp, verifier.remote_fp, verifier.dtls_fps = FP_A, FP_B, {FP_B}
    verifier.connected_at = 100.0
    assert verifier.evaluate(now=101.0).status == "pending"
    state = verifier.evaluate(now=100.0 + IDENTITY_WAIT_S + 1)
    assert (state.status, state.code) == ("unverified", VerifyCode.NO_IDENTITY)
    # A flood of junk first: after the bound, even a good binding is ignored for this session.
    for _ in range(MAX_MESSAGES_PER_SESSION):
        verifier.message({"t": "call-identity"}, trusted, "kesepakatan-bandung-pekanbaru", "x")
    verifier.message(
        signed_message(offices["pku"], _binding()),
        trusted,
        "kesepakatan-bandung-pekanbaru",
        "peer-bandung",
    )
    assert verifier.evaluate().code == VerifyCode.MALFORMED


def test_certificate_fingerprint_matches_openssl_notation(offices: dict[str, CallIdentity]) -> None:
    fp = certificate_fingerprint(offices["bdg"].certificate)
    assert len(fp) == 95 and fp == fp.upper() and fp.count(":") == 31


# ----------------------------------------------------------------------------- command line


def _main(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", *args],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_identity_new_writes_a_protected_p12_and_a_pem_the_call_can_use(tmp_path: Path) -> None:
    pw = tmp_path / "pw"
    pw.write_text("rahasia sekali\n", encoding="utf-8")
    out = tmp_path / "pku"
    made = _main(
        "identity", "new", "--office", PEKANBARU, "--signer", "Wali Kota Pekanbaru",
        "--title", "Wali Kota", "--out", str(out), "--password-file", str(pw),
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert stat.S_IMODE((out / "office.p12").stat().st_mode) == 0o600
    identity = CallIdentity.load(out / "office.p12", "rahasia sekali")
    assert identity.office == PEKANBARU
    (pem,) = TrustedOffices.from_files([out / "office.pem"]).ders
    assert pem == identity.certificate_der
    assert certificate_fingerprint(identity.certificate) in made.stdout
    # Never overwrites an identity.
    again = _main(
        "identity", "new", "--office", "X", "--signer", "Y", "--out", str(out),
        "--password-file", str(pw),
    )  # fmt: skip
    assert again.returncode == 1 and "already exists" in again.stderr
    # A wrong password stops `call` before it joins anything.
    bad = tmp_path / "bad"
    bad.write_text("salah\n", encoding="utf-8")
    call = _main(
        "call", "--hub", "ws://127.0.0.2:9/ws", "--room", "r", "--token", "t",
        "--identity", str(out / "office.p12"), "--password-file", str(bad),
        "--trust", str(out / "office.pem"), "--seconds", "0",
    )  # fmt: skip
    assert call.returncode == 2 and "wrong password" in call.stderr


# ----------------------------------------------------------------------------- real calls


def run_identity_scenario(name: str, timeout: float = 170) -> dict[str, Any]:
    """Run ``tests.conferencing.identity_scenarios NAME`` in a fresh network namespace."""
    reason = netns_unavailable()
    if reason:
        pytest.skip(reason)
    command = f"{SETUP} && exec {sys.executable} -m tests.conferencing.identity_scenarios {name}"
    proc = subprocess.run(
        ["unshare", "-rn", "sh", "-c", command],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0 or not lines:
        raise AssertionError(
            f"scenario {name} failed (rc={proc.returncode}):\n{proc.stderr[-4000:]}"
        )
    return json.loads(lines[-1])


@pytest.mark.netns
@pytest.mark.slow
def test_honest_call_both_verified_with_the_same_short_code() -> None:
    r = run_identity_scenario("honest")
    at_a, at_b = r["a"][PEKANBARU], r["b"][BANDUNG]
    assert at_a["verified"] and at_a["verified_office"] == PEKANBARU
    assert at_b["verified"] and at_b["verified_office"] == BANDUNG
    assert at_a["short_code"] == at_b["short_code"] and len(at_a["short_code"]) == 6
    assert at_a["short_words"] == at_b["short_words"] and len(at_a["short_words"].split()) == 4
    assert at_a["frames"] > 5 and at_b["frames"] > 5
    assert r["chat_at_b"] == ["Selamat pagi"]


@pytest.mark.netns
@pytest.mark.slow
@pytest.mark.parametrize("scenario", ["middle", "middle_drop"])
def test_a_hub_in_the_middle_is_never_verified(scenario: str) -> None:
    r = run_identity_scenario(scenario)
    # The attack really carried the call: the hub decoded both cameras and relayed the chat.
    assert r["splices"] >= 1
    assert r["hub_frames"].get(BANDUNG, 0) > 5 and r["hub_frames"].get(PEKANBARU, 0) > 5
    assert r["chat_at_b"] == ["Selamat pagi"] and r["hub_channel_messages"] >= 1
    at_a, at_b = r["a"][PEKANBARU], r["b"][BANDUNG]
    assert at_a["frames"] > 5 and at_b["frames"] > 5
    assert not at_a["verified"] and not at_b["verified"]
    assert "verified" not in r["verified_events_a"]
    # Each side pairs its fingerprint with the hub's: the codes read aloud differ.
    assert at_a["short_code"] != at_b["short_code"]
    assert at_a["short_words"] != at_b["short_words"]
    if scenario == "middle":
        # Genuine bindings over someone else's DTLS: the offices are told (red tile).
        assert at_a["status"] == at_b["status"] == "mismatch"
    else:
        assert at_a["code"] == at_b["code"] == "call.no_identity"


@pytest.mark.netns
@pytest.mark.slow
def test_untrusted_certificate_is_not_verified_but_the_other_side_is() -> None:
    r = run_identity_scenario("untrusted")
    at_a, at_b = r["a"][PEKANBARU], r["b"][BANDUNG]
    assert (at_a["verified"], at_a["code"]) == (False, "call.untrusted")
    assert at_b["verified"] and at_b["verified_office"] == BANDUNG
    assert at_a["short_code"] == at_b["short_code"]  # no one in the middle, only no trust


@pytest.mark.netns
@pytest.mark.slow
def test_identity_less_office_is_not_verified_but_not_refused() -> None:
    r = run_identity_scenario("anonymous")
    at_a, at_b = r["a"][PEKANBARU], r["b"][BANDUNG]
    assert (at_a["verified"], at_a["code"]) == (False, "call.no_identity")
    assert at_a["frames"] > 5 and r["chat_at_b"] == ["Selamat pagi"]
    assert at_b["verified"]  # it can still verify the office that has an identity


@pytest.mark.netns
@pytest.mark.slow
def test_binding_replayed_from_another_call_is_not_verified() -> None:
    r = run_identity_scenario("replay")
    assert r["first"][PEKANBARU]["verified"]
    assert r["replayed"] >= 1
    second = r["second"][PEKANBARU]
    assert not second["verified"] and second["code"] in ("call.mismatch", "call.stale")


@pytest.mark.netns
@pytest.mark.slow
def test_command_line_identity_new_and_verified_call_report() -> None:
    r = run_identity_scenario("cli")
    assert all(made[0] == 0 for made in r["made"].values()), r["made"]
    assert {"bdg/office.p12", "bdg/office.pem", "pku/office.p12", "pku/office.pem"} <= set(
        r["files"]
    )
    reports = {}
    for name in ("bandung", "pekanbaru", "rogue_call", "rogue_side"):
        rc, lines, *_ = r[name]
        reports[name] = (rc, json.loads(lines[-1]))
    (rc_a, a), (rc_b, b) = reports["bandung"], reports["pekanbaru"]
    assert rc_a == rc_b == 0
    (peer_a,) = a["peers"].values()
    (peer_b,) = b["peers"].values()
    assert peer_a["verified"] is True and peer_a["verified_office"] == PEKANBARU
    assert peer_b["verified"] is True and peer_b["verified_office"] == BANDUNG
    assert peer_a["short_code"] == peer_b["short_code"] and peer_a["frames"] > 10
    # Bandung meets a "Pemerintah Kota Pekanbaru" it never pinned: not verified, exit status 4.
    rc_c, c = reports["rogue_call"]
    (peer_c,) = c["peers"].values()
    assert rc_c == 4 and peer_c["verified"] is False and peer_c["code"] == "call.untrusted"
    assert peer_c["frames"] > 10  # not refused by the engine; --require-verified says so
    assert "not every office in the call was verified" in r["rogue_call"][2]
