"""SQLAlchemy 2.0 typed ORM of the agreements core.

One schema serves SQLite (a single office on one PC) and PostgreSQL (a legal department sharing a
server). Enumerations are stored as short strings, not database enum types, so that adding a state
later is a data change rather than an ALTER TYPE on PostgreSQL.

Global identity: rows that travel between cities (agreements, clauses, revisions, comments,
offices) carry a ``uuid`` that both databases share; integer ``id`` columns are local only.

The *working copy* of an agreement is the editable rows (parties, clauses, ayat, annex items,
obligations). A ``Revision`` is an immutable canonical-JSON snapshot of that working copy.
"""

from __future__ import annotations

import datetime as dt
import uuid as uuid_module
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def new_uuid() -> str:
    """A fresh global identifier (hex, 32 characters)."""
    return uuid_module.uuid4().hex


def utcnow() -> dt.datetime:
    """The current time, timezone-aware in UTC."""
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Timestamps stored as UTC and always returned timezone-aware.

    SQLite keeps no offset, so without this a round trip would hand back naive datetimes and
    comparisons with aware ``now`` values would raise.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; Lintas stores only timezone-aware times")
        value = value.astimezone(dt.UTC)
        # SQLite stores text; drop the offset so ordering by the column stays lexical = temporal.
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


class Base(DeclarativeBase):
    """Declarative base of every Lintas table."""


class Office(Base):
    """A government office: the local one (``is_local``) or a counterpart city."""

    __tablename__ = "office"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uuid)
    is_local: Mapped[bool] = mapped_column(Boolean, default=False)
    level: Mapped[str] = mapped_column(String(16))
    region: Mapped[str] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(200), default="")
    head_name: Mapped[str] = mapped_column(String(200), default="")
    head_title: Mapped[str] = mapped_column(String(200), default="")
    head_nip: Mapped[str | None] = mapped_column(String(40), nullable=True)
    lambang_png: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)

    users: Mapped[list[LocalUser]] = relationship(
        back_populates="office", cascade="all, delete-orphan", order_by="LocalUser.id"
    )
    certificates: Mapped[list[TrustedCertificate]] = relationship(
        back_populates="office", cascade="all, delete-orphan", order_by="TrustedCertificate.id"
    )

    @property
    def display_name(self) -> str:
        """ "Pemerintah Kota Bandung" and the like."""
        prefix = {"kota": "Kota", "kabupaten": "Kabupaten", "provinsi": "Provinsi"}.get(
            self.level, self.level.title()
        )
        return f"Pemerintah {prefix} {self.region}"


class LocalUser(Base):
    """A member of the local office's staff with one role."""

    __tablename__ = "local_user"

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    #: scrypt hash of the user's password or PIN (``mou.office.hash_secret``); None: none set.
    secret_hash: Mapped[str | None] = mapped_column(String(200), nullable=True, default=None)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)

    office: Mapped[Office] = relationship(back_populates="users")


class TrustedCertificate(Base):
    """A counterpart office's certificate that this office decided to trust (per office)."""

    __tablename__ = "trusted_certificate"
    __table_args__ = (UniqueConstraint("fingerprint_sha256"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id", ondelete="CASCADE"))
    fingerprint_sha256: Mapped[str] = mapped_column(String(100))
    subject: Mapped[str] = mapped_column(String(400), default="")
    certificate_pem: Mapped[str] = mapped_column(Text)
    added_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)

    office: Mapped[Office] = relationship(back_populates="certificates")


class TrustedExchangeKey(Base):
    """A counterpart office's exchange key (signs its packages and cards, never PDFs).

    Trusted together with the office's certificate from its card, which carries the signing key's
    endorsement of this key; ``certificate_fingerprint`` names that certificate.
    """

    __tablename__ = "trusted_exchange_key"
    __table_args__ = (UniqueConstraint("fingerprint_sha256"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id", ondelete="CASCADE"))
    fingerprint_sha256: Mapped[str] = mapped_column(String(100))
    certificate_fingerprint: Mapped[str] = mapped_column(String(100))
    public_key_der: Mapped[bytes] = mapped_column(LargeBinary)
    added_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)

    office: Mapped[Office] = relationship()


class Agreement(Base):
    """A Kesepakatan Bersama or Perjanjian Kerja Sama; these columns are its working copy."""

    __tablename__ = "agreement"
    __table_args__ = (
        Index("ix_agreement_status_updated", "status", "updated_at"),
        Index("ix_agreement_updated", "updated_at"),
        Index("ix_agreement_valid_until", "valid_until"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uuid)
    kind: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(500))
    title_en: Mapped[str] = mapped_column(String(500), default="")
    # A PKS implements a named KB: by reference when the KB is in this database, else by name.
    implements_id: Mapped[int | None] = mapped_column(
        ForeignKey("agreement.id", ondelete="SET NULL"), nullable=True
    )
    implements_title: Mapped[str] = mapped_column(String(500), default="")
    place: Mapped[str] = mapped_column(String(200), default="")
    agreement_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    valid_from: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    valid_until: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    opening: Mapped[str] = mapped_column(Text, default="")
    opening_en: Mapped[str] = mapped_column(Text, default="")
    legal_basis: Mapped[list[str]] = mapped_column(JSON, default=list)
    legal_basis_en: Mapped[list[str]] = mapped_column(JSON, default=list)
    closing: Mapped[str] = mapped_column(Text, default="")
    closing_en: Mapped[str] = mapped_column(Text, default="")
    template_id: Mapped[str] = mapped_column(String(100), default="")
    # Reserve an area for an e-Meterai (None: as the template says). Part of the revision text.
    e_meterai: Mapped[bool | None] = mapped_column(Boolean, nullable=True, default=None)
    status: Mapped[str] = mapped_column(String(24), default="draft")
    origin_office_id: Mapped[int | None] = mapped_column(
        ForeignKey("office.id", ondelete="SET NULL"), nullable=True
    )
    # The revision the working copy was last saved as or loaded from (local head).
    current_revision_id: Mapped[int | None] = mapped_column(
        ForeignKey("revision.id", ondelete="SET NULL", use_alter=True), nullable=True
    )
    agreed_revision_id: Mapped[int | None] = mapped_column(
        ForeignKey("revision.id", ondelete="SET NULL", use_alter=True), nullable=True
    )
    counterpart_names: Mapped[str] = mapped_column(String(1000), default="")
    terminated_reason: Mapped[str] = mapped_column(Text, default="")
    # The renderer ("Lintas renderer N (reportlab x.y)") that made this office's PDF of the agreed
    # revision for signing; a counterpart PDF from another renderer is compared page by page.
    renderer_version: Mapped[str | None] = mapped_column(String(100), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # Optimistic locking: staff sharing one PostgreSQL server must not silently overwrite each
    # other's edits; a stale write raises (mou.db.ConcurrentEditError) instead.
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}

    parties: Mapped[list[Party]] = relationship(
        back_populates="agreement", cascade="all, delete-orphan", order_by="Party.position"
    )
    clauses: Mapped[list[Clause]] = relationship(
        back_populates="agreement", cascade="all, delete-orphan", order_by="Clause.position"
    )
    annex_items: Mapped[list[AnnexItem]] = relationship(
        back_populates="agreement", cascade="all, delete-orphan", order_by="AnnexItem.position"
    )
    obligations: Mapped[list[Obligation]] = relationship(
        back_populates="agreement", cascade="all, delete-orphan", order_by="Obligation.position"
    )
    revisions: Mapped[list[Revision]] = relationship(
        back_populates="agreement",
        cascade="all, delete-orphan",
        order_by="Revision.id",
        foreign_keys="Revision.agreement_id",
    )
    current_revision: Mapped[Revision | None] = relationship(
        foreign_keys=[current_revision_id], post_update=True
    )
    agreed_revision: Mapped[Revision | None] = relationship(
        foreign_keys=[agreed_revision_id], post_update=True
    )
    origin_office: Mapped[Office | None] = relationship(foreign_keys=[origin_office_id])
    implements: Mapped[Agreement | None] = relationship(remote_side=[id])
    search: Mapped[AgreementSearch | None] = relationship(
        back_populates="agreement", cascade="all, delete-orphan", uselist=False
    )


class AgreementSearch(Base):
    """The searchable text of an agreement, in its own narrow table.

    Kept apart so the agreement rows that the list reads stay small (a wide text column in the
    same row made SQLite walk overflow pages for every listed agreement). SQLite indexes it with
    FTS5 and PostgreSQL with a stored ``tsvector`` column (both added by the migrations).
    """

    __tablename__ = "agreement_search"

    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("agreement.id", ondelete="CASCADE"), primary_key=True
    )
    title: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")

    agreement: Mapped[Agreement] = relationship(back_populates="search")


class Party(Base):
    """One party of an agreement (PIHAK PERTAMA, PIHAK KEDUA, ...) with its own nomor."""

    __tablename__ = "party"

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    office_id: Mapped[int | None] = mapped_column(
        ForeignKey("office.id", ondelete="SET NULL"), nullable=True
    )
    office_uuid: Mapped[str] = mapped_column(String(32), default="")
    name: Mapped[str] = mapped_column(String(300))
    nomor: Mapped[str] = mapped_column(String(200), default="")
    head_name: Mapped[str] = mapped_column(String(200), default="")
    head_title: Mapped[str] = mapped_column(String(200), default="")
    head_nip: Mapped[str | None] = mapped_column(String(40), nullable=True)
    address: Mapped[str] = mapped_column(String(400), default="")

    agreement: Mapped[Agreement] = relationship(back_populates="parties")
    office: Mapped[Office | None] = relationship()


class Clause(Base):
    """A pasal. ``position`` is 0-based and contiguous; the pasal number is position + 1."""

    __tablename__ = "clause"
    __table_args__ = (Index("ix_clause_agreement_position", "agreement_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(32), default=new_uuid)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    heading: Mapped[str] = mapped_column(String(300), default="")
    heading_en: Mapped[str] = mapped_column(String(300), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    body_en: Mapped[str] = mapped_column(Text, default="")

    agreement: Mapped[Agreement] = relationship(back_populates="clauses")
    ayat: Mapped[list[Ayat]] = relationship(
        back_populates="clause", cascade="all, delete-orphan", order_by="Ayat.position"
    )

    @property
    def number(self) -> int:
        """The pasal number as printed (1-based)."""
        return self.position + 1


class Ayat(Base):
    """A numbered paragraph (ayat) inside a pasal."""

    __tablename__ = "ayat"

    id: Mapped[int] = mapped_column(primary_key=True)
    clause_id: Mapped[int] = mapped_column(ForeignKey("clause.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text, default="")
    text_en: Mapped[str] = mapped_column(Text, default="")

    clause: Mapped[Clause] = relationship(back_populates="ayat")

    @property
    def number(self) -> int:
        """The ayat number as printed, "(1)"."""
        return self.position + 1


class Revision(Base):
    """An immutable snapshot of an agreement's working copy, hash-chained to its parent."""

    __tablename__ = "revision"
    __table_args__ = (
        UniqueConstraint("hash"),
        Index("ix_revision_agreement_round", "agreement_id", "round"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uuid)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id", ondelete="CASCADE"))
    round: Mapped[int] = mapped_column(Integer)
    parent_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    merge_parent_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    hash: Mapped[str] = mapped_column(String(64))
    author_office_uuid: Mapped[str] = mapped_column(String(32))
    author_office_name: Mapped[str] = mapped_column(String(300), default="")
    author_name: Mapped[str] = mapped_column(String(200), default="")
    message: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    content_json: Mapped[str] = mapped_column(Text)
    imported: Mapped[bool] = mapped_column(Boolean, default=False)

    agreement: Mapped[Agreement] = relationship(
        back_populates="revisions", foreign_keys=[agreement_id]
    )


class Approval(Base):
    """An office's approval of one exact revision hash (the basis for the Agreed state)."""

    __tablename__ = "approval"
    __table_args__ = (UniqueConstraint("agreement_id", "revision_hash", "office_uuid"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uuid)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id", ondelete="CASCADE"))
    revision_hash: Mapped[str] = mapped_column(String(64))
    office_uuid: Mapped[str] = mapped_column(String(32))
    office_name: Mapped[str] = mapped_column(String(300), default="")
    approver_name: Mapped[str] = mapped_column(String(200), default="")
    approver_role: Mapped[str] = mapped_column(String(16), default="")
    approved_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Comment(Base):
    """A comment on a clause (by clause uuid, so it survives renumbering), threaded."""

    __tablename__ = "comment"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uuid)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id", ondelete="CASCADE"))
    clause_uuid: Mapped[str | None] = mapped_column(String(32), nullable=True)
    parent_uuid: Mapped[str | None] = mapped_column(String(32), nullable=True)
    author_office_uuid: Mapped[str] = mapped_column(String(32))
    author_office_name: Mapped[str] = mapped_column(String(300), default="")
    author_name: Mapped[str] = mapped_column(String(200), default="")
    body: Mapped[str] = mapped_column(Text)
    revision_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    resolved_by: Mapped[str] = mapped_column(String(200), default="")
    # Internal comments (the office's own review) never leave this database in a package.
    internal: Mapped[bool] = mapped_column(Boolean, default=False)


class Obligation(Base):
    """A commitment: what, which party (by position), and a due date or recurrence."""

    __tablename__ = "obligation"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(32), default=new_uuid)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    what: Mapped[str] = mapped_column(Text)
    what_en: Mapped[str] = mapped_column(Text, default="")
    party_position: Mapped[int] = mapped_column(Integer)
    due_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    recurrence: Mapped[str] = mapped_column(String(16), default="none")
    done_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    agreement: Mapped[Agreement] = relationship(back_populates="obligations")


class CatalogApp(Base):
    """An application in the granting city's catalog (hibah)."""

    __tablename__ = "catalog_app"
    __table_args__ = (UniqueConstraint("owner_region", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uuid)
    owner_region: Mapped[str] = mapped_column(String(200), default="")
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    dimension: Mapped[str] = mapped_column(String(16))
    opd: Mapped[str] = mapped_column(String(200), default="")
    public_service: Mapped[bool] = mapped_column(Boolean, default=False)
    tech_stack: Mapped[str] = mapped_column(String(300), default="")
    licence: Mapped[str] = mapped_column(String(100), default="")
    sample: Mapped[bool] = mapped_column(Boolean, default=False)


class AnnexItem(Base):
    """One picked application in the agreement's Lampiran (copied, so it is versioned)."""

    __tablename__ = "annex_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    app_uuid: Mapped[str] = mapped_column(String(32), default="")
    name: Mapped[str] = mapped_column(String(200))
    dimension: Mapped[str] = mapped_column(String(16), default="")
    opd: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    tech_stack: Mapped[str] = mapped_column(String(300), default="")
    licence: Mapped[str] = mapped_column(String(100), default="")

    agreement: Mapped[Agreement] = relationship(back_populates="annex_items")


class AuditEvent(Base):
    """One change of state, kept forever (the PDF's history page is built from these)."""

    __tablename__ = "audit_event"
    __table_args__ = (Index("ix_audit_agreement_at", "agreement_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int | None] = mapped_column(
        ForeignKey("agreement.id", ondelete="CASCADE"), nullable=True
    )
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    action: Mapped[str] = mapped_column(String(40))
    actor_name: Mapped[str] = mapped_column(String(200), default="")
    actor_role: Mapped[str] = mapped_column(String(16), default="")
    office_name: Mapped[str] = mapped_column(String(300), default="")
    from_state: Mapped[str | None] = mapped_column(String(24), nullable=True)
    to_state: Mapped[str | None] = mapped_column(String(24), nullable=True)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class Meeting(Base):
    """A scheduled vicon session between offices."""

    __tablename__ = "meeting"
    __table_args__ = (Index("ix_meeting_starts_at", "starts_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uuid)
    title: Mapped[str] = mapped_column(String(300))
    starts_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    duration_minutes: Mapped[int] = mapped_column(Integer, default=60)
    time_zone: Mapped[str] = mapped_column(String(8), default="WIB")
    room: Mapped[str] = mapped_column(String(200), default="")
    hub_url: Mapped[str] = mapped_column(String(400), default="")
    participants: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)
    agreement_id: Mapped[int | None] = mapped_column(
        ForeignKey("agreement.id", ondelete="SET NULL"), nullable=True
    )
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
