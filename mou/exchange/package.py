"""The ``.lintas`` package: its format, shape check, signature, export and verified reading."""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mou import audit, models
from mou.agreement import AgreementCode, AgreementError
from mou.exchange.card import PACKAGE_VERSION, office_dict
from mou.exchange.errors import (
    PackageCode,
    PackageError,
    TamperedPackageError,
    UntrustedPackageError,
)
from mou.exchange.key import ExchangeKey, as_exchange_key, key_fingerprint, verify
from mou.exchange.limits import MAX_JSON_BYTES, bounded_loads, inflate
from mou.office import Actor, require_local_office
from mou.revision import (
    canonical_json,
    compute_hash,
    content_of,
    envelope,
    format_time,
    is_dirty,
)
from mou.signing.identity import OfficeIdentity

FORMAT = "lintas-exchange"
SUFFIX = ".lintas"
#: The file starts with this, then the lengths of the key, the signature and the body.
MAGIC = b"LINTAS-PACKAGE\x00\x02"
_HEADER = struct.Struct(">16sHHI")
#: The signature covers this context, the header, the key and the body (all raw bytes).
_SIGNED_CONTEXT = b"lintas-package/2\x00"
_MAX_KEY_BYTES = 256
_MAX_SIGNATURE_BYTES = 256
#: The file as sent (compressed). Far above a real agreement; read no more than this.
MAX_PACKAGE_BYTES = 16 * 1024 * 1024
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
    for index, rev in enumerate(payload["revisions"], start=1):
        strings = ("hash", "author_office_uuid", "created_at")
        if not isinstance(rev["round"], int) or not all(isinstance(rev[k], str) for k in strings):
            raise PackageError(
                f"The package content is malformed: revision {index} is not an object",
                code=PackageCode.MALFORMED_OBJECT, where=f"revision {index}", part="revision",
                index=index,
            )  # fmt: skip
    if payload["head"] not in {r["hash"] for r in payload["revisions"]}:
        raise PackageError(
            "The package's newest revision is not among its revisions",
            code=PackageCode.HEAD_MISSING,
        )


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
        "version": PACKAGE_VERSION,
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
    signer: ExchangeKey | OfficeIdentity,
    actor: Actor,
    path: Path | None = None,
) -> bytes:
    """Build, sign and (when ``path`` is given) write the ``.lintas`` package; returns its bytes.

    ``signer`` is the office exchange key (what the app uses: no signing password is needed). An
    unlocked :class:`OfficeIdentity` is accepted too and signs with the exchange key derived from
    it, the same one its office card carries (``office_card(session, identity)``).
    """
    key = as_exchange_key(signer)
    body = zlib.compress(canonical_json(build_payload(session, agreement)), 9)
    data = seal(key, body)
    if path is not None:
        Path(path).write_bytes(data)
    audit.record(session, agreement, "package_exported", actor,
                 head=agreement.current_revision.hash if agreement.current_revision else None)  # fmt: skip
    return data


def seal(key: ExchangeKey, body: bytes) -> bytes:
    """The package file for an already compressed ``body``: header, key, signature, body."""
    public = key.public_der
    probe = key.sign(b"")  # Ed25519 signatures have a fixed length
    header = _HEADER.pack(MAGIC, len(public), len(probe), len(body))
    signature = key.sign(_SIGNED_CONTEXT + header + public + body)
    return header + public + signature + body


@dataclass
class VerifiedPackage:
    """A package whose signature, trust and hashes were checked."""

    payload: dict[str, Any]
    key_fingerprint: str
    sender: models.Office


def _split(data: bytes) -> tuple[bytes, bytes, bytes, bytes]:
    """(header, key, signature, body) of a package file, checking only lengths."""
    if len(data) > MAX_PACKAGE_BYTES:
        raise PackageError(
            "The package is implausibly large; it was not opened", code=PackageCode.TOO_LARGE
        )
    if data.startswith(b"PK\x03\x04"):
        raise PackageError(
            "This package was made by an older version of Lintas; ask the sender to update "
            "Lintas and send it again",
            code=PackageCode.MADE_BY_OLDER,
        )
    if len(data) < _HEADER.size or not data.startswith(MAGIC):
        raise PackageError(
            "This is not a Lintas exchange package (unknown content)",
            code=PackageCode.UNKNOWN_CONTENT,
        )
    _magic, key_len, sig_len, body_len = _HEADER.unpack_from(data)
    if (
        key_len > _MAX_KEY_BYTES
        or sig_len > _MAX_SIGNATURE_BYTES
        or _HEADER.size + key_len + sig_len + body_len != len(data)
    ):
        raise TamperedPackageError(
            "The package is damaged or was altered: its parts do not fit together",
            code=PackageCode.DAMAGED,
        )
    header = data[: _HEADER.size]
    key = data[_HEADER.size : _HEADER.size + key_len]
    signature = data[_HEADER.size + key_len : _HEADER.size + key_len + sig_len]
    body = data[_HEADER.size + key_len + sig_len :]
    return header, key, signature, body


def read_package(session: Session, data: bytes) -> VerifiedPackage:
    """Open and check a package; raises ``PackageError`` (or a subclass) with a clear message.

    Order matters: sizes, then trust of the signing key, then the signature over the raw bytes;
    only a package from a trusted office that verifies is decompressed (with a maximum output
    size) and parsed (with limits on depth and count).
    """
    header, key, signature, body = _split(data)
    fingerprint = key_fingerprint(key)
    trusted = session.scalars(
        select(models.TrustedExchangeKey).where(
            models.TrustedExchangeKey.fingerprint_sha256 == fingerprint
        )
    ).first()
    if trusted is None or trusted.public_key_der != key:
        raise UntrustedPackageError(
            f"The package is signed with an exchange key this office has not trusted "
            f"(fingerprint {fingerprint}). Trust the sender's office card first.",
            fingerprint=fingerprint,
            subject="",
            certificate_pem=b"",
        )
    if not verify(key, signature, _SIGNED_CONTEXT + header + key + body):
        raise TamperedPackageError(
            "The package was changed after it was signed: its signature does not match. "
            "Ask the sender for a new copy.",
            code=PackageCode.SIGNATURE_MISMATCH,
        )
    payload = bounded_loads(inflate(body, MAX_JSON_BYTES))
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise PackageError(
            "This is not a Lintas exchange package (unknown content)",
            code=PackageCode.UNKNOWN_CONTENT,
        )
    if payload.get("version") != PACKAGE_VERSION:
        raise PackageError(
            "This package was made by an incompatible version of Lintas",
            code=PackageCode.INCOMPATIBLE_VERSION,
        )
    _validate(payload)
    if trusted.office.uuid != payload["sender"]["uuid"]:
        raise TamperedPackageError(
            f"The package claims to come from {payload['sender'].get('region')}, but it is signed "
            f"with the key of {trusted.office.display_name}",
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
    return VerifiedPackage(payload, fingerprint, trusted.office)
