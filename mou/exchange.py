"""Exchange between cities: signed ``.lintas`` packages, trusted certificates, branches, reconcile.

A ``.lintas`` file is a zip holding ``package.json`` (canonical JSON: the agreement's revisions
with their full content and hashes, the annex as part of each revision, comments and approvals),
``certificate.pem`` (the sending office's certificate) and ``signature.bin`` (the office key's
signature over ``package.json``: ECDSA/SHA-256 for EC keys, PKCS#1 v1.5/SHA-256 for RSA keys as
BSrE issues them).

Import checks, in this order, and refuses with a clear message: the file is a package; the
signature matches the certificate (else *tampered*); the certificate is trusted by this office
(else *untrusted*, with its fingerprint so staff can compare it by phone); the sender is the office
that certificate was trusted for; every revision's hash matches its content. Import never
overwrites local work: unsaved edits are saved as a local round first, and when both sides edited
the same base the two heads are kept as a branch until ``reconcile`` merges them.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import io
import json
import zipfile
import zlib
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from sqlalchemy import select
from sqlalchemy.orm import Session

from mou import audit, events, models
from mou.agreement import EDITABLE_STATES, AgreementError, AgreementStatus, by_uuid, touch
from mou.identity import OfficeIdentity, fingerprint_sha256
from mou.lambang import check_lambang_png
from mou.messages import DomainMessage
from mou.office import Actor, Role, counterpart_office, require_local_office
from mou.revision import (
    ancestors,
    apply_content,
    canonical_json,
    compute_hash,
    content_of,
    envelope,
    format_time,
    heads,
    is_ancestor,
    is_dirty,
    load_revision,
    save_revision,
)

FORMAT = "lintas-exchange"
CARD_FORMAT = "lintas-office-card"
VERSION = 1
SUFFIX = ".lintas"
_MEMBERS = ("package.json", "certificate.pem", "signature.bin")
MAX_PACKAGE_BYTES = 256 * 1024 * 1024  # far above any real agreement; refuses zip bombs
_SHAPE: dict[str, tuple[str, ...]] = {
    "payload": ("sender", "agreement", "head", "revisions", "comments", "approvals", "offices"),
    "sender": ("uuid", "level", "region"),
    "agreement": ("uuid", "kind", "status"),
    "revision": ("round", "parent_hash", "merge_parent_hash", "hash", "author_office_uuid",
                 "author_office_name", "author_name", "message", "created_at", "content"),
    "content": ("agreement", "parties", "clauses", "annex", "obligations"),
    "comment": ("uuid", "clause_uuid", "parent_uuid", "author_office_uuid", "author_office_name",
                "author_name", "body", "revision_hash", "created_at", "resolved_at", "resolved_by"),
    "approval": ("uuid", "revision_hash", "office_uuid", "office_name", "approver_name",
                 "approver_role", "approved_at"),
    "office": ("uuid", "level", "region", "unit", "head_name", "head_title", "head_nip"),
}  # fmt: skip


def _require(item: object, shape: str, where: str) -> None:
    if not isinstance(item, dict):
        raise PackageError(
            f"The package content is malformed: {where} is not an object",
            code=PackageCode.MALFORMED_OBJECT,
            where=where,
        )
    missing = [k for k in _SHAPE[shape] if k not in item]
    if missing:
        raise PackageError(
            f"The package content is incomplete: {where} has no {missing[0]!r}",
            code=PackageCode.INCOMPLETE,
            where=where,
            field=missing[0],
        )


def _validate(payload: object) -> None:
    """Check the payload's shape so a malformed package fails with a message, not a crash."""
    _require(payload, "payload", "the package")
    assert isinstance(payload, dict)
    _require(payload["sender"], "sender", "the sender")
    _require(payload["agreement"], "agreement", "the agreement")
    for key in ("revisions", "comments", "approvals", "offices"):
        if not isinstance(payload[key], list):
            raise PackageError(
                f"The package content is malformed: {key} is not a list",
                code=PackageCode.MALFORMED_LIST,
                key=key,
            )
    if not payload["revisions"]:
        raise PackageError("The package holds no revision", code=PackageCode.NO_REVISION)
    for index, rev in enumerate(payload["revisions"], start=1):
        _require(rev, "revision", f"revision {index}")
        _require(rev["content"], "content", f"revision {index}'s text")
    for index, item in enumerate(payload["comments"], start=1):
        _require(item, "comment", f"comment {index}")
    for index, item in enumerate(payload["approvals"], start=1):
        _require(item, "approval", f"approval {index}")
    for index, item in enumerate(payload["offices"], start=1):
        _require(item, "office", f"office {index}")
    if payload["head"] not in {r["hash"] for r in payload["revisions"]}:
        raise PackageError(
            "The package's newest revision is not among its revisions",
            code=PackageCode.HEAD_MISSING,
        )


class PackageCode(StrEnum):
    """Codes of the exchange's refusals (see :mod:`mou.messages`)."""

    MALFORMED_OBJECT = "exchange.malformed_object"
    INCOMPLETE = "exchange.incomplete"
    MALFORMED_LIST = "exchange.malformed_list"
    NO_REVISION = "exchange.no_revision"
    HEAD_MISSING = "exchange.head_missing"
    NOT_AN_OFFICE_CARD = "exchange.not_an_office_card"
    OWN_CARD = "exchange.own_card"
    TRUSTED_FOR_OTHER_OFFICE = "exchange.trusted_for_other_office"
    NOT_TRUSTED = "exchange.not_trusted"
    NOT_A_ZIP = "exchange.not_a_zip"
    MEMBER_MISSING = "exchange.member_missing"
    TOO_LARGE = "exchange.too_large"
    DAMAGED = "exchange.damaged"
    CERTIFICATE_UNREADABLE = "exchange.certificate_unreadable"
    SIGNATURE_MISMATCH = "exchange.signature_mismatch"
    NOT_JSON = "exchange.not_json"
    UNKNOWN_CONTENT = "exchange.unknown_content"
    INCOMPATIBLE_VERSION = "exchange.incompatible_version"
    UNTRUSTED_SIGNER = "exchange.untrusted_signer"
    SENDER_MISMATCH = "exchange.sender_mismatch"
    ROUND_HASH_MISMATCH = "exchange.round_hash_mismatch"
    NOT_OUR_PARTY = "exchange.not_our_party"
    SENDER_NOT_PARTY = "exchange.sender_not_party"


class PackageError(Exception):
    """The file is not a usable Lintas exchange package.

    ``message`` is the refusal as a :class:`DomainMessage` (a ``PackageCode`` and its params) for
    the UI to translate; ``str(exc)`` stays the English text.
    """

    def __init__(self, text: str, *, code: str = "", **params: str | int) -> None:
        self.message = DomainMessage(code, params, text)
        super().__init__(text)


class TamperedPackageError(PackageError):
    """The package's content does not match its signature or its revision hashes."""


class UntrustedPackageError(PackageError):
    """The package is intact but signed with a certificate this office has not trusted."""

    def __init__(self, message: str, *, fingerprint: str, subject: str, certificate_pem: bytes):
        self.fingerprint = fingerprint
        self.subject = subject
        self.certificate_pem = certificate_pem
        super().__init__(
            message,
            code=PackageCode.UNTRUSTED_SIGNER,
            subject=subject,
            fingerprint=fingerprint,
        )


# --- trust ---------------------------------------------------------------------------------


def _office_dict(office: models.Office) -> dict[str, Any]:
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
    profile = _office_dict(office)
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
        raise AgreementError("Only a reviewer or signatory can trust a counterpart's certificate")
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
            "Only a reviewer or signatory can change which certificates are trusted"
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


# --- signing -------------------------------------------------------------------------------


def _sign(identity: OfficeIdentity, data: bytes) -> bytes:
    key = identity.private_key
    if isinstance(key, ec.EllipticCurvePrivateKey):
        return key.sign(data, ec.ECDSA(hashes.SHA256()))
    if isinstance(key, rsa.RSAPrivateKey):
        return key.sign(data, padding.PKCS1v15(), hashes.SHA256())
    return key.sign(data)  # Ed25519 / Ed448


def _verify(certificate: x509.Certificate, signature: bytes, data: bytes) -> None:
    public = certificate.public_key()
    if isinstance(public, ec.EllipticCurvePublicKey):
        public.verify(signature, data, ec.ECDSA(hashes.SHA256()))
    elif isinstance(public, rsa.RSAPublicKey):
        public.verify(signature, data, padding.PKCS1v15(), hashes.SHA256())
    else:
        public.verify(signature, data)  # type: ignore[call-arg]


# --- export --------------------------------------------------------------------------------


def _revision_dict(rev: models.Revision) -> dict[str, Any]:
    return {
        "round": rev.round,
        "parent_hash": rev.parent_hash,
        "merge_parent_hash": rev.merge_parent_hash,
        "hash": rev.hash,
        "author_office_uuid": rev.author_office_uuid,
        "author_office_name": rev.author_office_name,
        "author_name": rev.author_name,
        "message": rev.message,
        "created_at": format_time(rev.created_at),
        "content": content_of(rev),
    }


def _comment_dict(c: models.Comment) -> dict[str, Any]:
    return {
        "uuid": c.uuid,
        "clause_uuid": c.clause_uuid,
        "parent_uuid": c.parent_uuid,
        "author_office_uuid": c.author_office_uuid,
        "author_office_name": c.author_office_name,
        "author_name": c.author_name,
        "body": c.body,
        "revision_hash": c.revision_hash,
        "created_at": format_time(c.created_at),
        "resolved_at": format_time(c.resolved_at) if c.resolved_at else None,
        "resolved_by": c.resolved_by,
    }


def build_payload(session: Session, agreement: models.Agreement) -> dict[str, Any]:
    """What a package carries for ``agreement`` (everything this office has of it)."""
    local = require_local_office(session)
    if agreement.current_revision is None or is_dirty(agreement):
        raise AgreementError("Save the agreement as a revision before sending it")
    revs = session.scalars(
        select(models.Revision)
        .where(models.Revision.agreement_id == agreement.id)
        .order_by(models.Revision.round, models.Revision.id)
    ).all()
    comments = session.scalars(
        select(models.Comment)
        .where(models.Comment.agreement_id == agreement.id, models.Comment.internal.is_(False))
        .order_by(models.Comment.id)
    ).all()
    approvals = session.scalars(
        select(models.Approval)
        .where(models.Approval.agreement_id == agreement.id)
        .order_by(models.Approval.id)
    ).all()
    offices = [p.office for p in agreement.parties if p.office is not None]
    return {
        "format": FORMAT,
        "version": VERSION,
        "created_at": format_time(models.utcnow()),
        "sender": _office_dict(local),
        "agreement": {"uuid": agreement.uuid, "kind": agreement.kind, "status": agreement.status},
        "head": agreement.current_revision.hash,
        "revisions": [_revision_dict(r) for r in revs],
        "comments": [_comment_dict(c) for c in comments],
        "approvals": [
            {
                "uuid": a.uuid,
                "revision_hash": a.revision_hash,
                "office_uuid": a.office_uuid,
                "office_name": a.office_name,
                "approver_name": a.approver_name,
                "approver_role": a.approver_role,
                "approved_at": format_time(a.approved_at),
            }
            for a in approvals
        ],
        "offices": [_office_dict(o) for o in offices],
    }


def export_package(
    session: Session,
    agreement: models.Agreement,
    identity: OfficeIdentity,
    actor: Actor,
    path: Path | None = None,
) -> bytes:
    """Build, sign and (when ``path`` is given) write the ``.lintas`` package; returns its bytes."""
    payload = canonical_json(build_payload(session, agreement))
    signature = _sign(identity, payload)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("package.json", payload)
        zf.writestr("certificate.pem", identity.certificate_pem())
        zf.writestr("signature.bin", signature)
    data = buffer.getvalue()
    if path is not None:
        Path(path).write_bytes(data)
    audit.record(session, agreement, "package_exported", actor,
                 head=agreement.current_revision.hash if agreement.current_revision else None)  # fmt: skip
    return data


# --- import --------------------------------------------------------------------------------


@dataclass
class VerifiedPackage:
    """A package whose signature, trust and hashes were checked."""

    payload: dict[str, Any]
    certificate: x509.Certificate
    sender: models.Office


def read_package(session: Session, data: bytes) -> VerifiedPackage:
    """Open and check a package; raises ``PackageError`` (or a subclass) with a clear message."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise PackageError(
            "This is not a Lintas exchange package (not a zip archive)",
            code=PackageCode.NOT_A_ZIP,
        ) from exc
    with archive as zf:
        names = set(zf.namelist())
        missing = [m for m in _MEMBERS if m not in names]
        if missing:
            raise PackageError(
                f"This is not a Lintas exchange package ({missing[0]} is missing)",
                code=PackageCode.MEMBER_MISSING,
                member=missing[0],
            )
        if sum(zf.getinfo(m).file_size for m in _MEMBERS) > MAX_PACKAGE_BYTES:
            raise PackageError(
                "The package is implausibly large; it was not opened",
                code=PackageCode.TOO_LARGE,
            )
        try:
            payload_bytes = zf.read("package.json")
            cert_pem = zf.read("certificate.pem")
            signature = zf.read("signature.bin")
        except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
            raise TamperedPackageError(
                "The package is damaged or was altered: its contents fail their checksums",
                code=PackageCode.DAMAGED,
            ) from exc
    try:
        certificate = x509.load_pem_x509_certificate(cert_pem)
    except ValueError as exc:
        raise TamperedPackageError(
            "The package's certificate is unreadable", code=PackageCode.CERTIFICATE_UNREADABLE
        ) from exc
    try:
        _verify(certificate, signature, payload_bytes)
    except (InvalidSignature, ValueError) as exc:
        raise TamperedPackageError(
            "The package was changed after it was signed: its signature does not match. "
            "Ask the sender for a new copy.",
            code=PackageCode.SIGNATURE_MISMATCH,
        ) from exc
    try:
        payload = json.loads(payload_bytes)
    except json.JSONDecodeError as exc:
        raise PackageError(
            "The package content is not valid JSON", code=PackageCode.NOT_JSON
        ) from exc
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise PackageError(
            "This is not a Lintas exchange package (unknown content)",
            code=PackageCode.UNKNOWN_CONTENT,
        )
    if payload.get("version") != VERSION:
        raise PackageError(
            "This package was made by an incompatible version of Lintas",
            code=PackageCode.INCOMPATIBLE_VERSION,
        )
    _validate(payload)
    fingerprint = fingerprint_sha256(certificate)
    trusted = session.scalars(
        select(models.TrustedCertificate).where(
            models.TrustedCertificate.fingerprint_sha256 == fingerprint
        )
    ).first()
    if trusted is None:
        raise UntrustedPackageError(
            f"The package is signed by {certificate.subject.rfc4514_string()}, whose certificate "
            f"this office has not trusted (fingerprint {fingerprint}). Compare the fingerprint "
            "with the sender by phone, then trust their office card.",
            fingerprint=fingerprint,
            subject=certificate.subject.rfc4514_string(),
            certificate_pem=cert_pem,
        )
    if trusted.office.uuid != payload["sender"]["uuid"]:
        raise TamperedPackageError(
            f"The package claims to come from {payload['sender'].get('region')}, but it is signed "
            f"with the certificate of {trusted.office.display_name}",
            code=PackageCode.SENDER_MISMATCH,
            claimed=str(payload["sender"].get("region")),
            office=trusted.office.display_name,
        )
    for rev in payload["revisions"]:
        env = envelope(
            agreement_uuid=payload["agreement"]["uuid"],
            round=rev["round"],
            parent=rev["parent_hash"],
            merge_parent=rev["merge_parent_hash"],
            author_office=rev["author_office_uuid"],
            created_at=rev["created_at"],
            content=rev["content"],
        )
        if compute_hash(env) != rev["hash"]:
            raise TamperedPackageError(
                f"Round {rev['round']} in the package does not match its hash",
                code=PackageCode.ROUND_HASH_MISMATCH,
                round=str(rev["round"]),
            )
    return VerifiedPackage(payload, certificate, trusted.office)


@dataclass
class ImportResult:
    """What an import did."""

    agreement: models.Agreement
    created: bool
    new_revisions: int
    fast_forwarded: bool
    diverged: bool
    autosaved: models.Revision | None
    head_hashes: list[str] = field(default_factory=list)
    held_back: bool = False  # newer text arrived for an agreed/signed agreement; not loaded


def _parse_time(value: str) -> dt.datetime:
    return dt.datetime.strptime(value, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.UTC)


def import_package(session: Session, data: bytes, actor: Actor) -> ImportResult:
    """Verify and merge a package into this database. Local work is never overwritten."""
    if actor.role is Role.VIEWER:
        raise AgreementError("A viewer cannot import agreements")
    package = read_package(session, data)
    payload = package.payload
    local = require_local_office(session)
    party_offices = (
        [p["office_uuid"] for p in payload["revisions"][-1]["content"]["parties"]]
        if payload["revisions"]
        else []
    )
    if local.uuid not in party_offices:
        raise PackageError(
            "This agreement does not name your office as a party",
            code=PackageCode.NOT_OUR_PARTY,
        )
    if package.sender.uuid not in party_offices:
        raise PackageError(
            f"{package.sender.display_name} sent this package but is not a party to the agreement",
            code=PackageCode.SENDER_NOT_PARTY,
            sender=package.sender.display_name,
        )
    for office in payload["offices"]:
        if office["uuid"] != local.uuid:
            counterpart_office(
                session,
                **{
                    k: office[k]
                    for k in (
                        "uuid",
                        "level",
                        "region",
                        "unit",
                        "head_name",
                        "head_title",
                        "head_nip",
                    )
                },
            )

    agreement = by_uuid(session, payload["agreement"]["uuid"])
    created = agreement is None
    autosaved = None
    if agreement is None:
        agreement = models.Agreement(
            uuid=payload["agreement"]["uuid"],
            kind=payload["agreement"]["kind"],
            title="",
            status=AgreementStatus.NEGOTIATION.value,
            origin_office=package.sender,
            legal_basis=[],
            legal_basis_en=[],
        )
        session.add(agreement)
        session.flush()
    elif is_dirty(agreement) and agreement.current_revision is not None:
        autosaved = save_revision(session, agreement, actor, "Saved automatically before an import")

    known = set(
        session.scalars(
            select(models.Revision.hash).where(models.Revision.agreement_id == agreement.id)
        )
    )
    new = 0
    for rev in payload["revisions"]:
        if rev["hash"] in known:
            continue
        session.add(
            models.Revision(
                agreement_id=agreement.id,
                round=rev["round"],
                parent_hash=rev["parent_hash"],
                merge_parent_hash=rev["merge_parent_hash"],
                hash=rev["hash"],
                author_office_uuid=rev["author_office_uuid"],
                author_office_name=rev["author_office_name"],
                author_name=rev["author_name"],
                message=rev["message"],
                created_at=_parse_time(rev["created_at"]),
                content_json=canonical_json(rev["content"]).decode("utf-8"),
                imported=True,
            )
        )
        known.add(rev["hash"])
        new += 1
    session.flush()
    _import_comments(session, agreement, payload["comments"])
    _import_approvals(session, agreement, payload["approvals"], package.sender)

    remote = session.scalars(
        select(models.Revision).where(models.Revision.hash == payload["head"])
    ).one()
    current = agreement.current_revision
    fast_forwarded = diverged = held_back = False
    if current is None:
        load_revision(session, agreement, remote)
        fast_forwarded = True
    elif remote.hash == current.hash or is_ancestor(session, remote, current):
        pass
    elif is_ancestor(session, current, remote):
        if AgreementStatus(agreement.status) in EDITABLE_STATES:
            load_revision(session, agreement, remote)
            fast_forwarded = True
        else:
            # The text here is already agreed or signed: keep the newer round as a separate head;
            # reopening negotiation and checking it out is a deliberate step.
            held_back = True
    else:
        diverged = True
    touch(session, agreement, "imported")
    head_hashes = [h.hash for h in heads(session, agreement.id)]
    audit.record(session, agreement, "package_imported", actor, sender=package.sender.display_name,
                 new_revisions=new, diverged=diverged, head=remote.hash)  # fmt: skip
    events.emit(session, events.PackageImported(agreement.id, new, diverged))
    if diverged:
        events.emit(session, events.BranchDetected(agreement.id, tuple(head_hashes)))
    return ImportResult(
        agreement, created, new, fast_forwarded, diverged, autosaved, head_hashes, held_back
    )


def _import_comments(
    session: Session, agreement: models.Agreement, items: list[dict[str, Any]]
) -> None:
    existing = {
        c.uuid: c
        for c in session.scalars(
            select(models.Comment).where(models.Comment.agreement_id == agreement.id)
        )
    }
    for item in items:
        comment = existing.get(item["uuid"])
        if comment is None:
            session.add(
                models.Comment(
                    uuid=item["uuid"],
                    agreement_id=agreement.id,
                    clause_uuid=item["clause_uuid"],
                    parent_uuid=item["parent_uuid"],
                    author_office_uuid=item["author_office_uuid"],
                    author_office_name=item["author_office_name"],
                    author_name=item["author_name"],
                    body=item["body"],
                    revision_hash=item["revision_hash"],
                    created_at=_parse_time(item["created_at"]),
                    resolved_at=_parse_time(item["resolved_at"]) if item["resolved_at"] else None,
                    resolved_by=item["resolved_by"],
                )
            )
        elif comment.resolved_at is None and item["resolved_at"]:
            # Resolution travels one way: a thread resolved by either side is resolved.
            comment.resolved_at = _parse_time(item["resolved_at"])
            comment.resolved_by = item["resolved_by"]
    session.flush()


def _import_approvals(
    session: Session,
    agreement: models.Agreement,
    items: list[dict[str, Any]],
    sender: models.Office,
) -> None:
    existing = {
        (a.revision_hash, a.office_uuid)
        for a in session.scalars(
            select(models.Approval).where(models.Approval.agreement_id == agreement.id)
        )
    }
    for item in items:
        # Only the signing office can vouch for its own approvals; others' are ignored here.
        if (
            item["office_uuid"] != sender.uuid
            or (item["revision_hash"], item["office_uuid"]) in existing
        ):
            continue
        session.add(
            models.Approval(
                uuid=item["uuid"],
                agreement_id=agreement.id,
                revision_hash=item["revision_hash"],
                office_uuid=item["office_uuid"],
                office_name=item["office_name"],
                approver_name=item["approver_name"],
                approver_role=item["approver_role"],
                approved_at=_parse_time(item["approved_at"]),
            )
        )
        events.emit(
            session,
            events.ApprovalRecorded(agreement.id, item["revision_hash"], item["office_name"]),
        )
    session.flush()


# --- reconcile -----------------------------------------------------------------------------

Choice = Literal["mine", "theirs"]


@dataclass(frozen=True)
class Conflict:
    """One item both sides changed differently since their common revision."""

    key: str  # "clause:<uuid>", "agreement:<field>", "party:<n>", "obligation:<uuid>"
    label: str
    base: Any
    mine: Any
    theirs: Any


def common_ancestor(
    session: Session, a: models.Revision, b: models.Revision
) -> models.Revision | None:
    """The newest revision both ``a`` and ``b`` descend from."""
    other = {r.hash for r in ancestors(session, b)}
    return next((r for r in ancestors(session, a) if r.hash in other), None)


def _merge_keyed(
    kind: str,
    base: list[dict[str, Any]],
    mine: list[dict[str, Any]],
    theirs: list[dict[str, Any]],
    key: str,
    label: Any,
    choices: dict[str, Choice],
    conflicts: list[Conflict],
) -> list[dict[str, Any]]:
    b = {i[key]: i for i in base}
    m = {i[key]: i for i in mine}
    t = {i[key]: i for i in theirs}
    merged: dict[Any, dict[str, Any] | None] = {}
    for k in list(m) + [k for k in t if k not in m]:
        bi, mi, ti = b.get(k), m.get(k), t.get(k)
        if mi == ti or ti == bi:
            pick = mi
        elif mi == bi:
            pick = ti
        else:
            ckey = f"{kind}:{k}"
            conflicts.append(Conflict(ckey, label(mi or ti or bi), bi, mi, ti))
            # Default keeps the edited side when the other deleted, so no text is lost.
            default: Choice = "mine" if mi is not None else "theirs"
            pick = mi if choices.get(ckey, default) == "mine" else ti
        merged[k] = pick
    # Order: mine's order, with items only in theirs placed after their predecessor there.
    order = [k for k in m]
    previous = None
    for k in t:
        if k not in order:
            index = order.index(previous) + 1 if previous in order else len(order)
            order.insert(index, k)
        previous = k
    return [merged[k] for k in order if merged.get(k) is not None]  # type: ignore[misc]


def merge_content(
    base: dict[str, Any], mine: dict[str, Any], theirs: dict[str, Any], choices: dict[str, Choice]
) -> tuple[dict[str, Any], list[Conflict]]:
    """Three-way merge of two snapshots against their common base."""
    conflicts: list[Conflict] = []
    header: dict[str, Any] = {}
    for k in mine["agreement"]:
        bv, mv, tv = base["agreement"].get(k), mine["agreement"][k], theirs["agreement"].get(k)
        if mv == tv or tv == bv:
            header[k] = mv
        elif mv == bv:
            header[k] = tv
        else:
            ckey = f"agreement:{k}"
            conflicts.append(Conflict(ckey, k, bv, mv, tv))
            header[k] = mv if choices.get(ckey, "mine") == "mine" else tv
    parties = _merge_keyed("party", base["parties"], mine["parties"], theirs["parties"], "position",
                           lambda p: p["name"], choices, conflicts)  # fmt: skip
    clauses = _merge_keyed("clause", base["clauses"], mine["clauses"], theirs["clauses"], "uuid",
                           lambda c: c["heading"], choices, conflicts)  # fmt: skip
    obligations = _merge_keyed("obligation", base["obligations"], mine["obligations"],
                               theirs["obligations"], "uuid", lambda o: o["what"], choices, conflicts)  # fmt: skip
    base_apps = {i["name"] for i in base["annex"]}
    mine_apps = {i["name"] for i in mine["annex"]}
    theirs_apps = {i["name"] for i in theirs["annex"]}
    keep = (mine_apps & theirs_apps) | (mine_apps - base_apps) | (theirs_apps - base_apps)
    annex, seen = [], set()
    for item in mine["annex"] + theirs["annex"]:
        if item["name"] in keep and item["name"] not in seen:
            annex.append(item)
            seen.add(item["name"])
    merged = {"agreement": header, "parties": parties, "clauses": clauses, "annex": annex,
              "obligations": obligations}  # fmt: skip
    return merged, conflicts


def reconcile_preview(
    session: Session, agreement: models.Agreement, other: models.Revision
) -> list[Conflict]:
    """What a reconcile with ``other`` would have to decide (empty: merges cleanly)."""
    mine = agreement.current_revision
    if mine is None:
        return []
    base = common_ancestor(session, mine, other)
    base_content = content_of(base) if base else content_of(mine)
    return merge_content(base_content, content_of(mine), content_of(other), {})[1]


def reconcile(
    session: Session,
    agreement: models.Agreement,
    actor: Actor,
    other: models.Revision,
    choices: dict[str, Choice] | None = None,
) -> tuple[models.Revision, list[Conflict]]:
    """Merge the other head into the working copy and save the merge as a new round.

    Non-conflicting changes from both sides are combined; each conflict follows ``choices``
    (key -> "mine"/"theirs"; default keeps mine, or the edited side when the other deleted it).
    """
    if agreement.current_revision is None:
        raise AgreementError("Nothing to reconcile: this agreement has no revision yet")
    if is_dirty(agreement):
        save_revision(session, agreement, actor, "Saved automatically before reconciling")
    mine = agreement.current_revision
    assert mine is not None
    if other.hash == mine.hash or is_ancestor(session, other, mine):
        raise AgreementError("That version is already part of this one")
    base = common_ancestor(session, mine, other)
    base_content = content_of(base) if base else content_of(mine)
    merged, conflicts = merge_content(
        base_content, content_of(mine), content_of(other), choices or {}
    )
    apply_content(session, agreement, merged)
    revision = save_revision(
        session,
        agreement,
        actor,
        f"Reconciled with round {other.round} of {other.author_office_name}",
        merge_parent=other,
    )
    audit.record(
        session, agreement, "reconciled", actor, other=other.hash, conflicts=len(conflicts)
    )
    return revision, conflicts
