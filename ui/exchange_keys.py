"""The office exchange key as the app uses it: where it lives, made on first use, endorsed.

Packages and office cards are signed with this key, so legal staff never need the mayor's
signing password to send a draft. The key is made by the first-run wizard (and endorsed there
by the new signing identity); an install older than the key gets it on first use and its
endorsement the next time the signing identity is unlocked for the office card.
"""

from __future__ import annotations

from pathlib import Path

from cryptography import x509
from sqlalchemy.orm import Session

from mou.durable import write_atomically
from mou.exchange.card import office_card_for_certificate
from mou.exchange.errors import PackageCode
from mou.exchange.key import (
    ExchangeKey,
    ExchangeKeyError,
    endorsement_valid,
    ensure_exchange_key,
    load_endorsement,
    load_exchange_key,
    save_endorsement,
)
from mou.signing.identity import OfficeIdentity
from ui import paths

#: Exchange keys unlocked in this run, by key file: a protected key asks for its password once
#: per start of the app, not for every package (the key object stays in memory, the password not).
_unlocked: dict[Path, ExchangeKey] = {}


def office_exchange_key(data_dir: Path) -> ExchangeKey:
    """The office exchange key, created (0600) on first use; ``ExchangeKeyError`` if unusable.

    A key protected by its own password is unlocked once per run: the user is asked for the
    password (:class:`ui.exchange_key_dialog.ExchangeKeyPasswordDialog`) the first time a
    package or office card is signed. Cancelling raises ``ExchangeKeyError`` (locked).
    """
    path = paths.exchange_key_file(data_dir).resolve()
    cached = _unlocked.get(path)
    if cached is not None and path.exists():
        return cached
    try:
        return ensure_exchange_key(path)
    except ExchangeKeyError as exc:
        if exc.message.code != PackageCode.EXCHANGE_KEY_LOCKED or not _can_ask():
            raise
    from ui.exchange_key_dialog import ask_exchange_key_password

    key = ask_exchange_key_password(data_dir)
    if key is None:
        raise ExchangeKeyError(
            "The office exchange key is protected by a password",
            code=PackageCode.EXCHANGE_KEY_LOCKED,
        )
    return key


def _can_ask() -> bool:
    """True when a GUI is running on this thread (a worker thread must never open a dialog)."""
    from PySide6.QtCore import QThread
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    return app is not None and QThread.currentThread() is app.thread()


def unlocked_exchange_key(data_dir: Path) -> ExchangeKey | None:
    """The exchange key when it can be used without asking anyone (None otherwise).

    That is: not protected by a password, or already unlocked in this run. Never creates a key
    and never opens a dialog (a call starting must not stop for a password).
    """
    path = paths.exchange_key_file(data_dir).resolve()
    cached = _unlocked.get(path)
    if cached is not None and path.exists():
        return cached
    if not path.exists() or exchange_key_protected(data_dir):
        return None
    try:
        return load_exchange_key(path)
    except ExchangeKeyError:
        return None


def exchange_key_protected(data_dir: Path) -> bool:
    """True when the exchange key file exists and is encrypted with a password."""
    try:
        with paths.exchange_key_file(data_dir).open("rb") as handle:
            return b"ENCRYPTED" in handle.read(16 * 1024)
    except OSError:
        return False


def unlock_exchange_key(data_dir: Path, password: str) -> ExchangeKey:
    """Open the protected key with ``password`` and keep it unlocked for this run.

    ``ExchangeKeyError`` when the password is wrong (nothing is kept).
    """
    path = paths.exchange_key_file(data_dir).resolve()
    key = load_exchange_key(path, password)
    _unlocked[path] = key
    return key


def set_exchange_key_password(data_dir: Path, current: str, new: str) -> ExchangeKey:
    """Protect the exchange key with ``new`` (or remove the protection with ""): the same key,
    so its endorsement and every counterpart's trust in it stay valid.

    ``current`` opens a key that is protected now. ``ExchangeKeyError`` when it does not
    (nothing is changed).
    """
    from cryptography.hazmat.primitives import serialization

    path = paths.exchange_key_file(data_dir).resolve()
    if exchange_key_protected(data_dir):
        key = load_exchange_key(path, current)
    else:
        key = ensure_exchange_key(path)
    encryption: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(new.encode("utf-8"))
        if new
        else serialization.NoEncryption()
    )
    pem = key.private_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption
    )
    write_atomically(path, pem)  # atomic, 0600
    _unlocked[path] = key
    return key


def forget_unlocked_keys() -> None:
    """Lock every exchange key again (a new run, or a test starting afresh)."""
    _unlocked.clear()


def endorse_with(data_dir: Path, identity: OfficeIdentity) -> ExchangeKey:
    """Have the unlocked signing ``identity`` vouch for the exchange key (kept next to it)."""
    key = office_exchange_key(data_dir)
    save_endorsement(paths.exchange_key_file(data_dir), identity.private_key, key)
    return key


def endorsement_for(data_dir: Path, certificate: x509.Certificate) -> bytes | None:
    """The stored endorsement when it is valid for ``certificate`` and today's key, else None."""
    key = office_exchange_key(data_dir)
    endorsement = load_endorsement(paths.exchange_key_file(data_dir))
    if endorsement is None or not endorsement_valid(certificate, key.public_der, endorsement):
        return None
    return endorsement


def card_for_certificate(
    session: Session, data_dir: Path, certificate: x509.Certificate
) -> bytes | None:
    """Our office card without any password, or None while the key is not yet endorsed."""
    endorsement = endorsement_for(data_dir, certificate)
    if endorsement is None:
        return None
    return office_card_for_certificate(
        session, certificate, office_exchange_key(data_dir), endorsement
    )
