"""Agreements: a Kesepakatan Bersama, or a Perjanjian Kerja Sama implementing a named one.

The functions here edit the *working copy* (the ``Agreement`` row and its parties). Saving a round
as an immutable ``Revision`` is ``mou.revision.save_revision``. Every editing function checks that
the actor may edit in the agreement's current state and raises ``AgreementError`` otherwise.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mou import audit, events, models
from mou.messages import DomainMessage
from mou.office import Actor, Role


class AgreementKind(StrEnum):
    """The two kinds of inter-regional agreement."""

    KESEPAKATAN_BERSAMA = "kesepakatan_bersama"
    PERJANJIAN_KERJA_SAMA = "perjanjian_kerja_sama"

    @property
    def label(self) -> str:
        """The name printed on the document."""
        return {
            AgreementKind.KESEPAKATAN_BERSAMA: "KESEPAKATAN BERSAMA",
            AgreementKind.PERJANJIAN_KERJA_SAMA: "PERJANJIAN KERJA SAMA",
        }[self]


class AgreementStatus(StrEnum):
    """Workflow states (transitions and their guards live in ``mou.workflow``)."""

    DRAFT = "draft"
    INTERNAL_REVIEW = "internal_review"
    NEGOTIATION = "negotiation"
    AGREED = "agreed"
    SIGNING = "signing"
    SIGNED = "signed"
    EXPIRED = "expired"
    TERMINATED = "terminated"


EDITABLE_STATES = frozenset(
    {AgreementStatus.DRAFT, AgreementStatus.INTERNAL_REVIEW, AgreementStatus.NEGOTIATION}
)
_ORDINALS = ["PERTAMA", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA", "KEENAM", "KETUJUH"]


class AgreementCode(StrEnum):
    """Codes of the commonest edit refusals (see :mod:`mou.messages`); others are uncoded."""

    ROLE_CANNOT_EDIT = "agreement.role_cannot_edit"
    NOT_EDITABLE = "agreement.not_editable"
    LOCKED_IN_REVIEW = "agreement.locked_in_review"
    ONLY_DRAFTER_CREATES = "agreement.only_drafter_creates"
    TITLE_REQUIRED = "agreement.title_required"
    TOO_FEW_PARTIES = "agreement.too_few_parties"
    VALIDITY_REVERSED = "agreement.validity_reversed"
    EMPTY_COMMENT = "agreement.empty_comment"
    CLOSED_FOR_COMMENTS = "agreement.closed_for_comments"
    EMPTY_OBLIGATION = "agreement.empty_obligation"
    RECURRENCE_NEEDS_DATE = "agreement.recurrence_needs_date"
    OBLIGATION_GONE = "agreement.obligation_gone"
    UNSAVED_BEFORE_SWITCH = "agreement.unsaved_before_switch"
    NO_SAVED_REVISION = "agreement.no_saved_revision"
    PKS_NEEDS_KB = "agreement.pks_needs_kb"
    PKS_IMPLEMENTS_KB = "agreement.pks_implements_kb"
    UNKNOWN_FIELDS = "agreement.unknown_fields"
    UNKNOWN_PARTY_FIELDS = "agreement.unknown_party_fields"
    NO_SUCH_PARTY = "agreement.no_such_party"
    NO_SUCH_AGREEMENT = "agreement.no_such_agreement"
    PASAL_GONE = "agreement.pasal_gone"
    PASAL_INSERT_OUT_OF_RANGE = "agreement.pasal_insert_out_of_range"
    PASAL_MOVE_OUT_OF_RANGE = "agreement.pasal_move_out_of_range"
    AYAT_INSERT_OUT_OF_RANGE = "agreement.ayat_insert_out_of_range"
    AYAT_MOVE_OUT_OF_RANGE = "agreement.ayat_move_out_of_range"
    NO_SUCH_AYAT = "agreement.no_such_ayat"
    REPLY_ELSEWHERE = "agreement.reply_elsewhere"
    TRUST_NEEDS_REVIEWER = "agreement.trust_needs_reviewer"
    TRUST_CHANGE_NEEDS_REVIEWER = "agreement.trust_change_needs_reviewer"
    VIEWER_CANNOT_IMPORT = "agreement.viewer_cannot_import"
    NOTHING_TO_RECONCILE = "agreement.nothing_to_reconcile"
    ALREADY_MERGED = "agreement.already_merged"
    SAVE_BEFORE_SENDING = "agreement.save_before_sending"
    SAVE_BEFORE_PRINTING = "agreement.save_before_printing"
    REVISION_ELSEWHERE = "agreement.revision_elsewhere"
    NOT_IN_DATABASE = "agreement.not_in_database"
    PASAL_CHANGED = "agreement.pasal_changed"
    SESSION_TITLE_REQUIRED = "agreement.session_title_required"
    SESSION_TOO_SHORT = "agreement.session_too_short"


class AgreementError(Exception):
    """An edit was refused; the message says why in words a user understands.

    ``message`` carries an ``AgreementCode`` (when given) and params for the UI's translation.
    """

    def __init__(self, text: str = "", *, code: str = "", **params: str | int) -> None:
        self.message = DomainMessage(code, params, text)
        super().__init__(text)


def role_label(position: int) -> str:
    """ "PIHAK PERTAMA" for position 1, "PIHAK KEDUA" for 2, ..."""
    if 1 <= position <= len(_ORDINALS):
        return f"PIHAK {_ORDINALS[position - 1]}"
    return f"PIHAK KE-{position}"


@dataclass
class PartyInput:
    """A party as given when creating an agreement."""

    name: str
    head_name: str = ""
    head_title: str = ""
    nomor: str = ""
    head_nip: str | None = None
    office_uuid: str = ""
    address: str = ""

    @classmethod
    def of_office(cls, office: models.Office, nomor: str = "") -> PartyInput:
        """A party standing for a stored office (local or counterpart)."""
        return cls(
            name=office.display_name,
            head_name=office.head_name,
            head_title=office.head_title,
            nomor=nomor,
            head_nip=office.head_nip,
            office_uuid=office.uuid,
        )


def require_editable(agreement: models.Agreement, actor: Actor) -> None:
    """Raise ``AgreementError`` unless ``actor`` may change the text now.

    This is the one check every local edit of the working copy passes (details, parties, pasal
    and ayat, Lampiran, obligations, undo/redo and live-review suggestions applied here).
    """
    if actor.role not in (Role.DRAFTER, Role.REVIEWER):
        raise AgreementError(
            f"{actor.name} is a {actor.role.value}; only a drafter or reviewer may edit the text",
            code=AgreementCode.ROLE_CANNOT_EDIT,
            actor=actor.name,
            role=actor.role.value,
        )
    if AgreementStatus(agreement.status) not in EDITABLE_STATES:
        raise AgreementError(
            f"The agreement is {AgreementStatus(agreement.status).value.replace('_', ' ')}; "
            "its text can no longer be edited",
            code=AgreementCode.NOT_EDITABLE,
            state=agreement.status,
        )
    # The reviewer approves exactly the text that was submitted, so nobody here edits it while
    # it is in internal review; "Return to the drafter" unlocks it. Rounds imported from the
    # counterpart do not come through here (they are the other office's text, not a local edit).
    if AgreementStatus(agreement.status) is AgreementStatus.INTERNAL_REVIEW:
        raise AgreementError(
            "The agreement is in internal review; its text is locked until the reviewer "
            "returns it to the drafter or releases it for negotiation",
            code=AgreementCode.LOCKED_IN_REVIEW,
        )


def create_agreement(
    session: Session,
    actor: Actor,
    *,
    kind: AgreementKind,
    title: str,
    parties: list[PartyInput],
    place: str = "",
    agreement_date: dt.date | None = None,
    valid_from: dt.date | None = None,
    valid_until: dt.date | None = None,
    title_en: str = "",
    implements: models.Agreement | str | None = None,
    template_id: str = "",
) -> models.Agreement:
    """Create a draft agreement with two or more parties."""
    if actor.role != Role.DRAFTER:
        raise AgreementError(
            "Only a drafter can start a new agreement", code=AgreementCode.ONLY_DRAFTER_CREATES
        )
    if not title.strip():
        raise AgreementError("The agreement needs a title", code=AgreementCode.TITLE_REQUIRED)
    if len(parties) < 2:
        raise AgreementError(
            "An agreement needs at least two parties", code=AgreementCode.TOO_FEW_PARTIES
        )
    kind = AgreementKind(kind)
    if valid_from and valid_until and valid_until < valid_from:
        raise AgreementError(
            "The validity period ends before it starts", code=AgreementCode.VALIDITY_REVERSED
        )
    agreement = models.Agreement(
        kind=kind.value,
        title=title.strip(),
        title_en=title_en.strip(),
        place=place,
        agreement_date=agreement_date,
        valid_from=valid_from,
        valid_until=valid_until,
        template_id=template_id,
        status=AgreementStatus.DRAFT.value,
        legal_basis=[],
        legal_basis_en=[],
    )
    if kind is AgreementKind.PERJANJIAN_KERJA_SAMA:
        if implements is None:
            raise AgreementError(
                "A Perjanjian Kerja Sama must name the Kesepakatan Bersama it implements",
                code=AgreementCode.PKS_NEEDS_KB,
            )
        if isinstance(implements, models.Agreement):
            if implements.kind != AgreementKind.KESEPAKATAN_BERSAMA:
                raise AgreementError(
                    "A Perjanjian Kerja Sama implements a Kesepakatan Bersama",
                    code=AgreementCode.PKS_IMPLEMENTS_KB,
                )
            agreement.implements = implements
            agreement.implements_title = implements.title
        else:
            agreement.implements_title = implements.strip()
    origin = session.scalars(
        select(models.Office).where(models.Office.uuid == actor.office_uuid)
    ).first()
    agreement.origin_office = origin
    for position, party in enumerate(parties, start=1):
        agreement.parties.append(_party_row(position, party, session))
    session.add(agreement)
    touch(session, agreement, "created", emit=False)
    audit.record(session, agreement, "created", actor, to_state=agreement.status, title=title)
    events.emit(session, events.AgreementCreated(agreement.id, agreement.uuid, agreement.title))
    return agreement


def _party_row(position: int, party: PartyInput, session: Session) -> models.Party:
    office = None
    if party.office_uuid:
        office = session.scalars(
            select(models.Office).where(models.Office.uuid == party.office_uuid)
        ).first()
    return models.Party(
        position=position,
        office=office,
        office_uuid=party.office_uuid,
        name=party.name.strip(),
        nomor=party.nomor.strip(),
        head_name=party.head_name.strip(),
        head_title=party.head_title.strip(),
        head_nip=party.head_nip,
        address=party.address,
    )


_DETAIL_FIELDS = {
    "title",
    "title_en",
    "place",
    "agreement_date",
    "valid_from",
    "valid_until",
    "opening",
    "opening_en",
    "legal_basis",
    "legal_basis_en",
    "closing",
    "closing_en",
    "implements_title",
    "e_meterai",
}


def update_details(
    session: Session, agreement: models.Agreement, actor: Actor, **changes: Any
) -> models.Agreement:
    """Change header fields (title, place, dates, opening, legal basis, closing)."""
    require_editable(agreement, actor)
    unknown = set(changes) - _DETAIL_FIELDS
    if unknown:
        fields = ", ".join(sorted(unknown))
        raise AgreementError(
            f"Unknown agreement field(s): {fields}",
            code=AgreementCode.UNKNOWN_FIELDS,
            fields=fields,
        )
    if "title" in changes and not str(changes["title"]).strip():
        raise AgreementError("The agreement needs a title", code=AgreementCode.TITLE_REQUIRED)
    start = changes.get("valid_from", agreement.valid_from)
    end = changes.get("valid_until", agreement.valid_until)
    if start and end and end < start:
        raise AgreementError(
            "The validity period ends before it starts", code=AgreementCode.VALIDITY_REVERSED
        )
    for key, value in changes.items():
        setattr(agreement, key, list(value) if key.startswith("legal_basis") else value)
    touch(session, agreement, "details")
    return agreement


def update_party(
    session: Session, agreement: models.Agreement, actor: Actor, position: int, **changes: Any
) -> models.Party:
    """Change one party's nomor, name or head (position is 1-based)."""
    require_editable(agreement, actor)
    allowed = {"name", "nomor", "head_name", "head_title", "head_nip", "address"}
    if set(changes) - allowed:
        fields = ", ".join(sorted(set(changes) - allowed))
        raise AgreementError(
            f"Unknown party field(s): {fields}",
            code=AgreementCode.UNKNOWN_PARTY_FIELDS,
            fields=fields,
        )
    party = party_at(agreement, position)
    for key, value in changes.items():
        setattr(party, key, value)
    touch(session, agreement, "parties")
    return party


def party_at(agreement: models.Agreement, position: int) -> models.Party:
    """The party at a 1-based position, or ``AgreementError``."""
    for party in agreement.parties:
        if party.position == position:
            return party
    raise AgreementError(
        f"The agreement has no party number {position}",
        code=AgreementCode.NO_SUCH_PARTY,
        position=position,
    )


def get_agreement(session: Session, agreement_id: int) -> models.Agreement:
    """Load an agreement by local id (``AgreementError`` when it does not exist)."""
    agreement = session.get(models.Agreement, agreement_id)
    if agreement is None:
        raise AgreementError(
            f"No agreement with id {agreement_id}",
            code=AgreementCode.NO_SUCH_AGREEMENT,
            agreement_id=agreement_id,
        )
    return agreement


def by_uuid(session: Session, uuid: str) -> models.Agreement | None:
    """The agreement with this global uuid, if this database has it."""
    return session.scalars(select(models.Agreement).where(models.Agreement.uuid == uuid)).first()


def touch(session: Session, agreement: models.Agreement, what: str, *, emit: bool = True) -> None:
    """Refresh the denormalised search text and timestamp after any working-copy change."""
    agreement.updated_at = models.utcnow()
    if agreement.search is None:
        agreement.search = models.AgreementSearch()
    agreement.search.title = agreement.title
    agreement.search.body = search_text_of(agreement)
    local = {o.uuid for o in session.scalars(select(models.Office).where(models.Office.is_local))}
    agreement.counterpart_names = "; ".join(
        p.name for p in agreement.parties if p.office_uuid not in local
    )
    session.flush()
    if emit:
        events.emit(session, events.AgreementChanged(agreement.id, what))


def search_text_of(agreement: models.Agreement) -> str:
    """All words a full-text search should find: parties, nomor, clauses, ayat, annex apps."""
    parts: list[str] = [agreement.title_en, agreement.implements_title, agreement.place]
    for party in agreement.parties:
        parts += [party.name, party.nomor, party.head_name, party.head_title]
    for clause in agreement.clauses:
        parts += [clause.heading, clause.heading_en, clause.body, clause.body_en]
        for ayat in clause.ayat:
            parts += [ayat.text, ayat.text_en]
    for item in agreement.annex_items:
        parts += [item.name, item.opd]
    for obligation in agreement.obligations:
        parts.append(obligation.what)
    return "\n".join(p for p in parts if p)
