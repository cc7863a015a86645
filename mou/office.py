"""The local office (the city government running this Lintas) and its staff with roles."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from mou import models
from mou.messages import DomainMessage


class Role(StrEnum):
    """What a local user may do with agreements."""

    DRAFTER = "drafter"
    REVIEWER = "reviewer"
    SIGNATORY = "signatory"
    VIEWER = "viewer"


class GovernmentLevel(StrEnum):
    """Level of regional government."""

    KOTA = "kota"
    KABUPATEN = "kabupaten"
    PROVINSI = "provinsi"


_LEVEL_WORD = {
    GovernmentLevel.KOTA: "Kota",
    GovernmentLevel.KABUPATEN: "Kabupaten",
    GovernmentLevel.PROVINSI: "Provinsi",
}


class OfficeCode(StrEnum):
    """Codes of ``OfficeError`` (see :mod:`mou.messages`)."""

    FIELD_EMPTY = "office.field_empty"
    NOT_SET_UP = "office.not_set_up"
    ALREADY_SET_UP = "office.already_set_up"
    EMPTY_USER_NAME = "office.empty_user_name"
    DUPLICATE_USER = "office.duplicate_user"
    SECRET_TOO_SHORT = "office.secret_too_short"
    NO_SUCH_USER = "office.no_such_user"
    LAST_USER = "office.last_user"


class OfficeError(Exception):
    """The office profile or users are not acceptable (message says why).

    ``message`` carries an ``OfficeCode`` and params for the UI's translation.
    """

    def __init__(self, text: str = "", *, code: str = "", **params: str | int) -> None:
        self.message = DomainMessage(code, params, text)
        super().__init__(text)


@dataclass
class OfficeProfile:
    """What the first-run wizard asks about the office."""

    level: GovernmentLevel
    region: str
    unit: str
    head_name: str
    head_title: str
    head_nip: str | None = None
    lambang_png: bytes | None = None

    @property
    def display_name(self) -> str:
        """ "Pemerintah Kota Bandung", "Pemerintah Kabupaten Bandung Barat", ..."""
        return f"Pemerintah {_LEVEL_WORD[GovernmentLevel(self.level)]} {self.region.strip()}"

    @classmethod
    def of(cls, office: models.Office) -> OfficeProfile:
        """The profile stored in an ``Office`` row."""
        return cls(
            level=GovernmentLevel(office.level),
            region=office.region,
            unit=office.unit,
            head_name=office.head_name,
            head_title=office.head_title,
            head_nip=office.head_nip,
            lambang_png=office.lambang_png,
        )

    def validate(self) -> None:
        """Raise ``OfficeError`` naming the first missing field."""
        for field_name in ("region", "unit", "head_name", "head_title"):
            if not str(getattr(self, field_name) or "").strip():
                raise OfficeError(
                    f"The office's {field_name.replace('_', ' ')} is empty",
                    code=OfficeCode.FIELD_EMPTY,
                    field=field_name,
                )
        GovernmentLevel(self.level)


def local_office(session: Session) -> models.Office | None:
    """The office this installation belongs to, or ``None`` before the first-run wizard."""
    return session.scalars(select(models.Office).where(models.Office.is_local.is_(True))).first()


def require_local_office(session: Session) -> models.Office:
    """The local office; raises ``OfficeError`` when the first-run setup has not been done."""
    office = local_office(session)
    if office is None:
        raise OfficeError(
            "No local office is set up yet; finish the first-run setup first",
            code=OfficeCode.NOT_SET_UP,
        )
    return office


def _apply(office: models.Office, profile: OfficeProfile) -> None:
    office.level = GovernmentLevel(profile.level).value
    office.region = profile.region.strip()
    office.unit = profile.unit.strip()
    office.head_name = profile.head_name.strip()
    office.head_title = profile.head_title.strip()
    office.head_nip = (profile.head_nip or "").strip() or None
    office.lambang_png = profile.lambang_png


def create_local_office(
    session: Session, profile: OfficeProfile, users: list[tuple[str, Role]]
) -> models.Office:
    """Create the local office with its users (first-run wizard). Only one may exist."""
    profile.validate()
    if local_office(session) is not None:
        raise OfficeError(
            "This installation already has a local office", code=OfficeCode.ALREADY_SET_UP
        )
    office = models.Office(is_local=True)
    _apply(office, profile)
    seen: set[str] = set()
    for name, role in users:
        clean = name.strip()
        if not clean:
            raise OfficeError("A user has an empty name", code=OfficeCode.EMPTY_USER_NAME)
        if clean.casefold() in seen:
            raise OfficeError(
                f"The user {clean!r} is listed twice", code=OfficeCode.DUPLICATE_USER, name=clean
            )
        seen.add(clean.casefold())
        office.users.append(models.LocalUser(name=clean, role=Role(role).value))
    session.add(office)
    session.flush()
    return office


def update_local_office(session: Session, profile: OfficeProfile) -> models.Office:
    """Change the local office's profile (Settings)."""
    profile.validate()
    office = require_local_office(session)
    _apply(office, profile)
    session.flush()
    return office


def local_users(session: Session) -> list[models.LocalUser]:
    """The local office's active users, in the order they were added."""
    office = local_office(session)
    if office is None:
        return []
    return [u for u in office.users if u.active]


def add_local_user(
    session: Session, name: str, role: Role, secret: str | None = None
) -> models.LocalUser:
    """Add a staff member to the local office (with a password or PIN when given)."""
    office = require_local_office(session)
    clean = name.strip()
    if not clean:
        raise OfficeError("A user has an empty name", code=OfficeCode.EMPTY_USER_NAME)
    user = models.LocalUser(
        name=clean, role=Role(role).value, secret_hash=hash_secret(secret) if secret else None
    )
    office.users.append(user)
    session.flush()
    return user


#: A PIN of four digits is the least an office accepts for "Acting as" (the key has its own).
MIN_SECRET_LENGTH = 4
# scrypt cost: about 50 ms here, so guessing a PIN offline costs real time per try.
_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**14, 8, 1


def hash_secret(secret: str) -> str:
    """A salted scrypt hash of a user's password or PIN, as stored in ``secret_hash``."""
    if len(secret) < MIN_SECRET_LENGTH:
        raise OfficeError(
            f"A password or PIN needs at least {MIN_SECRET_LENGTH} characters",
            code=OfficeCode.SECRET_TOO_SHORT,
            min=MIN_SECRET_LENGTH,
        )
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(
        secret.encode("utf-8"), salt=salt, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P, dklen=32
    )
    encode = base64.b64encode
    return (
        f"scrypt${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}$"
        f"{encode(salt).decode('ascii')}${encode(digest).decode('ascii')}"
    )


def verify_secret(stored: str | None, secret: str) -> bool:
    """True when ``secret`` matches the stored hash (a user without one needs no secret)."""
    if not stored:
        return True
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt" or int(n) > 2**20 or int(r) > 32 or int(p) > 16:
            return False  # bound the work a tampered row could make us do
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(
            secret.encode("utf-8"),
            salt=base64.b64decode(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(expected),
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


def _local_user(session: Session, user_id: int) -> models.LocalUser:
    office = require_local_office(session)
    user = session.get(models.LocalUser, user_id)
    if user is None or user.office_id != office.id or not user.active:
        raise OfficeError("That user does not exist", code=OfficeCode.NO_SUCH_USER)
    return user


def set_user_secret(session: Session, user_id: int, secret: str) -> models.LocalUser:
    """Give a local user a new password or PIN (stored only as a scrypt hash)."""
    user = _local_user(session, user_id)
    user.secret_hash = hash_secret(secret)
    session.flush()
    return user


def check_user_secret(session: Session, user_id: int, secret: str) -> bool:
    """True when ``secret`` is the user's password or PIN (or the user has none)."""
    return verify_secret(_local_user(session, user_id).secret_hash, secret)


def change_user_role(session: Session, user_id: int, role: Role) -> models.LocalUser:
    """Give a local user another role."""
    user = _local_user(session, user_id)
    user.role = Role(role).value
    session.flush()
    return user


def remove_local_user(session: Session, user_id: int) -> None:
    """Remove a user from the office (kept inactive, so the audit trail still names them)."""
    user = _local_user(session, user_id)
    if len(local_users(session)) <= 1:
        raise OfficeError("The last user cannot be removed", code=OfficeCode.LAST_USER)
    user.active = False
    session.flush()


def counterpart_office(
    session: Session,
    *,
    uuid: str,
    level: GovernmentLevel | str,
    region: str,
    unit: str = "",
    head_name: str = "",
    head_title: str = "",
    head_nip: str | None = None,
    lambang_png: bytes | None = None,
) -> models.Office:
    """Find or create a counterpart office by its global uuid, refreshing its profile.

    ``lambang_png`` comes only with an office card; ``None`` keeps the emblem already stored.
    """
    office = session.scalars(select(models.Office).where(models.Office.uuid == uuid)).first()
    if office is None:
        office = models.Office(uuid=uuid, is_local=False, level=str(level), region=region)
        session.add(office)
    if office.is_local:
        return office
    office.level = str(level)
    office.region = region
    office.unit = unit
    office.head_name = head_name
    office.head_title = head_title
    office.head_nip = head_nip
    if lambang_png is not None:
        office.lambang_png = lambang_png
    session.flush()
    return office


@dataclass(frozen=True)
class Actor:
    """Who does something: a local user acting for an office, with one role."""

    name: str
    role: Role
    office_uuid: str
    office_name: str

    @classmethod
    def of(cls, user: models.LocalUser) -> Actor:
        """The actor for a local user (the UI keeps the signed-in user's actor)."""
        return cls(
            name=user.name,
            role=Role(user.role),
            office_uuid=user.office.uuid,
            office_name=user.office.display_name,
        )


SYSTEM_ROLE = "system"


def system_actor(office: models.Office) -> Actor:
    """The actor for automatic changes (expiry), recorded as "Lintas" in the audit trail."""
    return Actor("Lintas", Role.VIEWER, office.uuid, office.display_name)
