"""Office cards and trust: a counterpart office's profile, lambang and certificate.

A card is sent once per counterpart; trusting it (after comparing the fingerprint by phone)
stores the office and its certificate, which every later package must be signed with.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from sqlalchemy import select
from sqlalchemy.orm import Session

from mou import audit, models
from mou.agreement import AgreementCode, AgreementError
from mou.exchange.errors import PackageCode, PackageError
from mou.lambang import check_lambang_png
from mou.office import Actor, Role, counterpart_office, require_local_office
from mou.revision import canonical_json
from mou.signing.identity import OfficeIdentity, fingerprint_sha256

CARD_FORMAT = "lintas-office-card"
VERSION = 1  # of the card and package formats


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


def office_card(session: Session, identity: OfficeIdentity) -> bytes:
    """The local office's card (profile + certificate) to send to a counterpart once."""
    office = require_local_office(session)
    profile = office_dict(office)
    if office.lambang_png:
        # Only the card carries the emblem (once per counterpart), not every package.
        profile["lambang_png"] = base64.b64encode(office.lambang_png).decode("ascii")
    card = {
        "format": CARD_FORMAT,
        "version": VERSION,
        "office": profile,
        "certificate_pem": identity.certificate_pem().decode("ascii"),
        "fingerprint_sha256": identity.fingerprint_sha256,
    }
    return canonical_json(card)


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


def read_office_card(data: bytes) -> tuple[dict[str, Any], x509.Certificate]:
    """Parse a card without trusting it (the UI shows the fingerprint to compare first)."""
    try:
        card = json.loads(data)
        if card.get("format") != CARD_FORMAT:
            raise ValueError("not an office card")
        certificate = x509.load_pem_x509_certificate(card["certificate_pem"].encode("ascii"))
        office = card["office"]
        for key in ("uuid", "level", "region"):
            if not office.get(key):
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
    return office, certificate


def trust_office_card(session: Session, data: bytes, actor: Actor) -> models.TrustedCertificate:
    """Trust a counterpart office's card: store the office and its certificate."""
    office_data, certificate = read_office_card(data)
    return trust_certificate(session, office_data, certificate, actor)


def trust_certificate(
    session: Session, office_data: dict[str, Any], certificate: x509.Certificate, actor: Actor
) -> models.TrustedCertificate:
    """Trust ``certificate`` for the counterpart office described by ``office_data``."""
    if actor.role not in (Role.SIGNATORY, Role.REVIEWER):
        raise AgreementError(
            "Only a reviewer or signatory can trust a counterpart's certificate",
            code=AgreementCode.TRUST_NEEDS_REVIEWER,
        )
    local = require_local_office(session)
    if office_data["uuid"] == local.uuid:
        raise PackageError("This is your own office's card", code=PackageCode.OWN_CARD)
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
    fingerprint = fingerprint_sha256(certificate)
    existing = session.scalars(
        select(models.TrustedCertificate).where(
            models.TrustedCertificate.fingerprint_sha256 == fingerprint
        )
    ).first()
    if existing is not None:
        if existing.office_id != office.id:
            raise PackageError(
                "This certificate is already trusted for another office",
                code=PackageCode.TRUSTED_FOR_OTHER_OFFICE,
            )
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
