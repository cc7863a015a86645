# ruff: noqa: F811 (the "offices" fixture is imported, then requested by name)
"""Proving an office in a call with its exchange key: only the pair pinned from its card counts.

Real office identities (PKCS#12) and real Ed25519 exchange keys as the app makes them; the
binding is signed with the exchange key and checked by ``check_message`` like any other.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519

from conferencing.call_identity import (
    CallIdentity,
    TrustedOffices,
    VerifyCode,
    check_message,
    signed_message,
)
from mou.exchange.key import create_exchange_key
from tests.conferencing.test_call_identity import (  # noqa: F401 (fixture)
    FP_M,
    PEKANBARU,
    _binding,
    _expected,
    offices,
)


@pytest.fixture(scope="module")
def exchange(tmp_path_factory: pytest.TempPathFactory) -> dict[str, ed25519.Ed25519PrivateKey]:
    folder: Path = tmp_path_factory.mktemp("exchange")
    return {k: create_exchange_key(folder / f"{k}.key").private_key for k in ("pku", "other")}


def _der(key: ed25519.Ed25519PrivateKey) -> bytes:
    return CallIdentity(key, None, exchange=True).exchange_key_der  # type: ignore[arg-type]


def _pku(offices: dict, exchange: dict, key: str = "pku") -> CallIdentity:
    return CallIdentity(exchange[key], offices["pku"].certificate, exchange=True)


def _pinned(offices: dict, exchange: dict) -> TrustedOffices:
    (der,) = TrustedOffices.of([offices["pku"].certificate]).ders
    return TrustedOffices().pinned(der, _der(exchange["pku"]))


def test_a_binding_signed_with_the_pinned_exchange_key_is_accepted(offices, exchange) -> None:
    message = signed_message(_pku(offices, exchange), _binding())
    assert "xk" in message
    checked = check_message(message, _pinned(offices, exchange), _expected())
    assert (checked.status, checked.office) == ("pending", PEKANBARU)


def test_the_certificate_alone_does_not_vouch_for_an_exchange_key(offices, exchange) -> None:
    # Pinned certificate, but no exchange key from its card: not trusted.
    message = signed_message(_pku(offices, exchange), _binding())
    only_cert = TrustedOffices.of([offices["pku"].certificate])
    assert check_message(message, only_cert, _expected()).code == VerifyCode.UNTRUSTED
    # Another key sent with the pinned certificate (a stolen certificate, a replaced key).
    other = signed_message(_pku(offices, exchange, "other"), _binding())
    assert check_message(other, _pinned(offices, exchange), _expected()).code == (
        VerifyCode.UNTRUSTED
    )


def test_a_pinned_exchange_key_cannot_speak_for_another_certificate(offices, exchange) -> None:
    fake = CallIdentity(exchange["pku"], offices["fake_pku"].certificate, exchange=True)
    message = signed_message(fake, _binding())
    checked = check_message(message, _pinned(offices, exchange), _expected())
    assert checked.code == VerifyCode.UNTRUSTED


def test_a_forged_signature_or_swapped_dtls_is_caught(offices, exchange) -> None:
    good = signed_message(_pku(offices, exchange), _binding())
    forged = signed_message(_pku(offices, exchange, "other"), _binding())
    forged["xk"] = good["xk"]  # claims the pinned key, signed by another
    assert check_message(forged, _pinned(offices, exchange), _expected()).code == (
        VerifyCode.BAD_SIGNATURE
    )
    # Signed by the real office over other DTLS fingerprints: someone sits in the middle.
    middle = signed_message(_pku(offices, exchange), _binding(sender_fingerprint=FP_M))
    checked = check_message(middle, _pinned(offices, exchange), _expected())
    assert (checked.status, checked.code) == ("mismatch", VerifyCode.MISMATCH)


def test_unpinning_the_certificate_drops_its_exchange_key(offices, exchange) -> None:
    pinned = _pinned(offices, exchange)
    (der,) = pinned.ders
    assert pinned.exchange_keys and not pinned.unpinned(der).exchange_keys
    message = signed_message(_pku(offices, exchange), _binding())
    assert check_message(message, pinned.unpinned(der), _expected()).code == (VerifyCode.UNTRUSTED)
