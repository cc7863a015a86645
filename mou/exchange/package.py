"""The ``.lintas`` package: its format, shape check, signature, export and verified reading."""

from __future__ import annotations

import io
import json
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from sqlalchemy import select
from sqlalchemy.orm import Session

from mou import audit, models
from mou.agreement import AgreementCode, AgreementError
from mou.exchange.card import VERSION, office_dict
from mou.exchange.errors import (
    PackageCode,
    PackageError,
    TamperedPackageError,
    UntrustedPackageError,
)
from mou.office import Actor, require_local_office
from mou.revision import (
    canonical_json,
    compute_hash,
    content_of,
    envelope,
    format_time,
    is_dirty,
)
from mou.signing.identity import OfficeIdentity, fingerprint_sha256

FORMAT = "lintas-exchange"
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


def _require(item: object, shape: str, where: str, index: int = 0) -> None:
    # ``part`` (the shape) and ``index`` let the UI word ``where`` in its own language.
    if not isinstance(item, dict):
        raise PackageError(
            f"The package content is malformed: {where} is not an object",
            code=PackageCode.MALFORMED_OBJECT,
            where=where,
            part=shape,
            index=index,
        )
    missing = [k for k in _SHAPE[shape] if k not in item]
    if missing:
        raise PackageError(
            f"The package content is incomplete: {where} has no {missing[0]!r}",
            code=PackageCode.INCOMPLETE,
            where=where,
            part=shape,
            index=index,
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
        _require(rev, "revision", f"revision {index}", index)
        _require(rev["content"], "content", f"revision {index}'s text", index)
    for index, item in enumerate(payload["comments"], start=1):
        _require(item, "comment", f"comment {index}", index)
    for index, item in enumerate(payload["approvals"], start=1):
        _require(item, "approval", f"approval {index}", index)
    for index, item in enumerate(payload["offices"], start=1):
        _require(item, "office", f"office {index}", index)
    if payload["head"] not in {r["hash"] for r in payload["revisions"]}:
        raise PackageError(
            "The package's newest revision is not among its revisions",
            code=PackageCode.HEAD_MISSING,
        )


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
        raise AgreementError(
            "Save the agreement as a revision before sending it",
            code=AgreementCode.SAVE_BEFORE_SENDING,
        )
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
        "sender": office_dict(local),
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
        "offices": [office_dict(o) for o in offices],
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
