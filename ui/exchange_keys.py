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

from mou.exchange.card import office_card_for_certificate
from mou.exchange.key import (
    ExchangeKey,
    endorsement_valid,
    ensure_exchange_key,
    load_endorsement,
    save_endorsement,
)
from mou.signing.identity import OfficeIdentity
from ui import paths


def office_exchange_key(data_dir: Path) -> ExchangeKey:
    """The office exchange key, created (0600) on first use; ``ExchangeKeyError`` if unusable."""
    return ensure_exchange_key(paths.exchange_key_file(data_dir))


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
