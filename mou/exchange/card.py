"""Office cards and trust: a counterpart office's profile, lambang and certificate.

A card is sent once per counterpart; trusting it (after comparing the fingerprint by phone)
stores the office and its certificate, which every later package must be signed with.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from sqlalchemy import select
from sqlalchemy.orm import Session

from mou import audit, models
from mou.agreement import AgreementCode, AgreementError
from mou.exchange.errors import PackageCode, PackageError
from mou.exchange.key import (
    ExchangeKey,
    derived_exchange_key,
    endorse,
    endorsement_valid,
    key_fingerprint,
    verify,
)
from mou.exchange.limits import bounded_loads
from mou.lambang import check_lambang_png
from mou.office import Actor, Role, counterpart_office, require_local_office
from mou.revision import canonical_json
from mou.signing.identity import OfficeIdentity, fingerprint_sha256

CARD_FORMAT = "lintas-office-card"
#: Version 2 of cards and packages: signed with the office exchange key, not the signing key.
VERSION = 2
PACKAGE_VERSION = 2
#: A card is a few KB plus a lambang of at most 2 MiB in base64; anything larger is not a card.
MAX_CARD_BYTES = 4 * 1024 * 1024
_CARD_CONTEXT = b"lintas-office-card/2\x00"


def office_dict(office: models.Office) -> dict[str, Any]:
    """An office's profile as cards and packages carry it (without the lambang)."""
    return {
        "uuid": office.uuid,
        "level": office.level,
        "region": office.region,
        "unit": office.unit,
        "head_name": office.head_name,
        "head_title": office.head_title,
        "head_nip": office.head_nip,
    }


def office_card(
    session: Session,
    identity: OfficeIdentity,
    key: ExchangeKey | None = None,
) -> bytes:
    """The local office's card, made with the unlocked signing ``identity``.

    The identity endorses the exchange ``key`` on the spot; without ``key`` the card carries the
    exchange key derived from the identity (what ``export_package(..., identity, ...)`` uses).
    """
    exchange = key if key is not None else derived_exchange_key(identity.private_key)
    return office_card_for_certificate(
        session, identity.certificate, exchange, endorse(identity.private_key, exchange.public_der)
    )


def office_card_for_certificate(
    session: Session, certificate: x509.Certificate, key: ExchangeKey, endorsement: bytes
) -> bytes:
    """The local office's card: profile, ``certificate``, exchange ``key`` and its endorsement.

    Public parts only, signed with the exchange key, so no signing password is needed once the
    endorsement exists (``mou.exchange.key.save_endorsement``).
    """
    office = require_local_office(session)
    profile = office_dict(office)
    if office.lambang_png:
        # Only the card carries the emblem (once per counterpart), not every package.
        profile["lambang_png"] = base64.b64encode(office.lambang_png).decode("ascii")
    card: dict[str, Any] = {
        "format": CARD_FORMAT,
        "version": VERSION,
        "office": profile,
        "certificate_pem": certificate.public_bytes(serialization.Encoding.PEM).decode("ascii"),
        "fingerprint_sha256": fingerprint_sha256(certificate),
        "exchange_key": base64.b64encode(key.public_der).decode("ascii"),
        "endorsement": base64.b64encode(endorsement).decode("ascii"),
    }
    signature = key.sign(_CARD_CONTEXT + canonical_json(card))
    return canonical_json({**card, "signature": base64.b64encode(signature).decode("ascii")})


def _card_lambang(office: dict[str, Any]) -> bytes | None:
    """The card's lambang as PNG bytes (``None`` when it has none); ``ValueError`` if unsound."""
    encoded = office.get("lambang_png")
    if encoded is None:
        return None
    if not isinstance(encoded, str):
        raise ValueError("the lambang is not base64 text")
    try:
        png = base64.b64decode(encoded, validate=True)
    except binascii.Error as exc:
        raise ValueError(f"the lambang is not valid base64 ({exc})") from exc
    check_lambang_png(png)
    return png


@dataclass(frozen=True)
class OfficeCard:
    """A card whose signature and endorsement verified (it is not trusted yet)."""

    office: dict[str, Any]
    certificate: x509.Certificate
    exchange_key_der: bytes


def _b64_field(card: dict[str, Any], name: str) -> bytes:
    value = card.get(name)
    if not isinstance(value, str):
        raise ValueError(f"the card has no {name}")
    try:
        return base64.b64decode(value, validate=True)
    except binascii.Error as exc:
        raise ValueError(f"the card's {name} is not base64") from exc


def read_card(data: bytes) -> OfficeCard:
    """Parse and check a card without trusting it (the UI shows the fingerprint to compare).

    The card must be signed by the exchange key it carries, and that key endorsed by the signing
    certificate it carries, so the fingerprint compared by phone vouches for both keys.
    """
    if len(data) > MAX_CARD_BYTES:
        raise PackageError(
            "This file is not a Lintas office card (too large)",
            code=PackageCode.NOT_AN_OFFICE_CARD,
            detail="too large",
        )
    try:
        card = bounded_loads(data, max_bytes=MAX_CARD_BYTES, max_depth=4, max_values=1000)
        if not isinstance(card, dict) or card.get("format") != CARD_FORMAT:
            raise ValueError("not an office card")
    except (ValueError, PackageError) as exc:
        raise PackageError(
            f"This file is not a Lintas office card ({exc})",
            code=PackageCode.NOT_AN_OFFICE_CARD,
            detail=str(exc),
        ) from exc
    if card.get("version") != VERSION or "exchange_key" not in card:
        raise PackageError(
            "This office card was made by an older version of Lintas; ask the office to update "
            "Lintas and send its card again",
            code=PackageCode.MADE_BY_OLDER,
        )
    try:
        signature = _b64_field(card, "signature")
        exchange_der = _b64_field(card, "exchange_key")
        endorsement = _b64_field(card, "endorsement")
        certificate = x509.load_pem_x509_certificate(card["certificate_pem"].encode("ascii"))
        office = card["office"]
        for key in ("uuid", "level", "region"):
            if not isinstance(office.get(key), str) or not office.get(key):
                raise ValueError(f"the card has no {key}")
        lambang = _card_lambang(office)
        if lambang is not None:
            office = {**office, "lambang_png": lambang}
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise PackageError(
            f"This file is not a Lintas office card ({exc})",
            code=PackageCode.NOT_AN_OFFICE_CARD,
            detail=str(exc),
        ) from exc
    unsigned = {k: v for k, v in card.items() if k != "signature"}
    if not verify(exchange_der, signature, _CARD_CONTEXT + canonical_json(unsigned)):
        raise PackageError(
            "The office card was changed after it was made; ask the office to send it again",
            code=PackageCode.CARD_NOT_ENDORSED,
        )
    if not endorsement_valid(certificate, exchange_der, endorsement):
        raise PackageError(
            "The office card's exchange key is not vouched for by its certificate; ask the "
            "office to send its card again",
            code=PackageCode.CARD_NOT_ENDORSED,
        )
    return OfficeCard(office, certificate, exchange_der)


def is_trusted(session: Session, fingerprint: str) -> bool:
    """True when a certificate with this SHA-256 fingerprint is trusted here."""
    return (
        session.scalars(
            select(models.TrustedCertificate.id).where(
                models.TrustedCertificate.fingerprint_sha256 == fingerprint
            )
        ).first()
        is not None
    )


def card_office_name(office: dict[str, Any]) -> str:
    """The display name of a card's office ("Pemerintah Kota Pekanbaru"), bounded in length."""
    from mou.office import GovernmentLevel, OfficeProfile

    region = str(office.get("region", ""))[:200]
    try:
        level = GovernmentLevel(str(office.get("level")))
    except ValueError:
        return region
    return OfficeProfile(level, region, "", "", "").display_name


def read_office_card(data: bytes) -> tuple[dict[str, Any], x509.Certificate]:
    """``(office, certificate)`` of a checked, not yet trusted card (see :func:`read_card`)."""
    card = read_card(data)
    return card.office, card.certificate


def trust_office_card(session: Session, data: bytes, actor: Actor) -> models.TrustedCertificate:
    """Trust a counterpart office's card: store the office, its certificate and exchange key."""
    card = read_card(data)
    return trust_certificate(
        session, card.office, card.certificate, actor, exchange_key_der=card.exchange_key_der
    )


def trust_certificate(
    session: Session,
    office_data: dict[str, Any],
    certificate: x509.Certificate,
    actor: Actor,
    *,
    exchange_key_der: bytes | None = None,
) -> models.TrustedCertificate:
    """Trust ``certificate`` (and its endorsed exchange key) for the office in ``office_data``.

    An office record changes only through that office's own card: a card naming an office that
    already has another trusted certificate is refused (revoke the old one first to replace it),
    so one trusted office cannot rewrite another's name or head.
    """
    if actor.role not in (Role.SIGNATORY, Role.REVIEWER):
        raise AgreementError(
            "Only a reviewer or signatory can trust a counterpart's certificate",
            code=AgreementCode.TRUST_NEEDS_REVIEWER,
        )
    local = require_local_office(session)
    if office_data["uuid"] == local.uuid:
        raise PackageError("This is your own office's card", code=PackageCode.OWN_CARD)
    fingerprint = fingerprint_sha256(certificate)
    existing = session.scalars(
        select(models.TrustedCertificate).where(
            models.TrustedCertificate.fingerprint_sha256 == fingerprint
        )
    ).first()
    if existing is not None and existing.office.uuid != office_data["uuid"]:
        raise PackageError(
            "This certificate is already trusted for another office",
            code=PackageCode.TRUSTED_FOR_OTHER_OFFICE,
        )
    known = session.scalars(
        select(models.Office).where(models.Office.uuid == office_data["uuid"])
    ).first()
    if known is not None and any(c.fingerprint_sha256 != fingerprint for c in known.certificates):
        raise PackageError(
            f"{known.display_name} is already trusted with another certificate. If that office "
            "really has a new one, remove the old one from the trusted offices first.",
            code=PackageCode.OFFICE_HAS_OTHER_CERTIFICATE,
            office=known.display_name,
        )
    if exchange_key_der is not None:
        key_fp = key_fingerprint(exchange_key_der)
        other = session.scalars(
            select(models.TrustedExchangeKey).where(
                models.TrustedExchangeKey.fingerprint_sha256 == key_fp
            )
        ).first()
        if other is not None and other.office.uuid != office_data["uuid"]:
            raise PackageError(
                "This certificate is already trusted for another office",
                code=PackageCode.TRUSTED_FOR_OTHER_OFFICE,
            )
    office = counterpart_office(
        session,
        uuid=office_data["uuid"],
        level=office_data["level"],
        region=office_data["region"],
        unit=office_data.get("unit", ""),
        head_name=office_data.get("head_name", ""),
        head_title=office_data.get("head_title", ""),
        head_nip=office_data.get("head_nip"),
        lambang_png=office_data.get("lambang_png"),
    )
    if exchange_key_der is not None:
        _trust_exchange_key(session, office, fingerprint, exchange_key_der)
    if existing is not None:
        return existing
    trusted = models.TrustedCertificate(
        office=office,
        fingerprint_sha256=fingerprint,
        subject=certificate.subject.rfc4514_string(),
        certificate_pem=certificate.public_bytes(serialization.Encoding.PEM).decode("ascii"),
    )
    session.add(trusted)
    session.flush()
    audit.record(session, None, "certificate_trusted", actor, office=office.display_name,
                 fingerprint=fingerprint)  # fmt: skip
    return trusted


def _trust_exchange_key(
    session: Session, office: models.Office, certificate_fp: str, der: bytes
) -> None:
    """Make ``der`` the office's one trusted exchange key (a newer card replaces the older key)."""
    key_fp = key_fingerprint(der)
    rows = session.scalars(
        select(models.TrustedExchangeKey).where(models.TrustedExchangeKey.office_id == office.id)
    ).all()
    if any(r.fingerprint_sha256 == key_fp for r in rows):
        return
    for row in rows:
        session.delete(row)
    session.flush()
    session.add(
        models.TrustedExchangeKey(
            office=office,
            fingerprint_sha256=key_fp,
            certificate_fingerprint=certificate_fp,
            public_key_der=der,
        )
    )
    session.flush()


def revoke_trust(session: Session, fingerprint: str, actor: Actor) -> None:
    """Stop trusting a certificate (e.g. a counterpart's key was replaced or compromised)."""
    if actor.role not in (Role.SIGNATORY, Role.REVIEWER):
        raise AgreementError(
            "Only a reviewer or signatory can change which certificates are trusted",
            code=AgreementCode.TRUST_CHANGE_NEEDS_REVIEWER,
        )
    trusted = session.scalars(
        select(models.TrustedCertificate).where(
            models.TrustedCertificate.fingerprint_sha256 == fingerprint
        )
    ).first()
    if trusted is None:
        raise PackageError("That certificate is not trusted", code=PackageCode.NOT_TRUSTED)
    audit.record(session, None, "certificate_revoked", actor, office=trusted.office.display_name,
                 fingerprint=fingerprint)  # fmt: skip
    for key in session.scalars(
        select(models.TrustedExchangeKey).where(
            models.TrustedExchangeKey.certificate_fingerprint == fingerprint
        )
    ):
        session.delete(key)
    session.delete(trusted)
    session.flush()


def trusted_certificates(
    session: Session, office: models.Office | None = None
) -> list[x509.Certificate]:
    """Trusted counterpart certificates (of one office, or all), e.g. for PDF verification."""
    query = select(models.TrustedCertificate)
    if office is not None:
        query = query.where(models.TrustedCertificate.office_id == office.id)
    return [
        x509.load_pem_x509_certificate(t.certificate_pem.encode("ascii"))
        for t in session.scalars(query)
    ]
