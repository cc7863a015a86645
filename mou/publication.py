"""Turn an agreement revision into the plain ``PdfDocument`` the PDF renderer draws.

The text comes from the revision's immutable snapshot (by default the agreed revision, else the
current one), never from the editable working copy, so the PDF always shows exactly the text whose
hash both parties approved. The Riwayat Dokumen page is built from the revisions, approvals and
the audit trail, with times printed in the office's time zone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mou import models
from mou.agreement import AgreementCode, AgreementError, AgreementKind, get_agreement, role_label
from mou.meeting import IndonesianTimeZone
from mou.pdf.document import (
    Paper,
    PdfApp,
    PdfClause,
    PdfDocument,
    PdfHistoryEntry,
    PdfObligation,
    PdfParty,
)
from mou.revision import content_of, revisions, snapshot
from mou.template import pdf_options

_KIND = {
    AgreementKind.KESEPAKATAN_BERSAMA: "Kesepakatan Bersama",
    AgreementKind.PERJANJIAN_KERJA_SAMA: "Perjanjian Kerja Sama",
}
_DIMENSION = {
    "government": "Smart Government",
    "society": "Smart Society",
    "living": "Smart Living",
    "economy": "Smart Economy",
    "environment": "Smart Environment",
    "mobility": "Smart Mobility",
}
_STATE_WORDS = {
    "draft": "Draf",
    "internal_review": "Telaah internal",
    "negotiation": "Negosiasi",
    "agreed": "Disepakati",
    "signing": "Penandatanganan",
    "signed": "Ditandatangani",
    "expired": "Berakhir",
    "terminated": "Diakhiri",
}


def pdf_document_for(
    session: Session,
    agreement_id: int,
    revision_id: int | None = None,
    *,
    paper: Paper = "f4",
    time_zone: IndonesianTimeZone = IndonesianTimeZone.WIB,
) -> PdfDocument:
    """The ``PdfDocument`` of one revision (default: the agreed one, else the current one)."""
    agreement = get_agreement(session, agreement_id)
    revision = _revision(session, agreement, revision_id)
    return _document(
        session,
        agreement,
        content_of(revision),
        revision_hash=revision.hash,
        revision_label=f"Revisi {revision.round}",
        created_at=revision.created_at,
        paper=paper,
        time_zone=time_zone,
    )


DRAFT_WATERMARK = "KONSEP"


def draft_document(
    session: Session,
    agreement_id: int,
    *,
    clause_overrides: Mapping[str, Mapping[str, Any]] | None = None,
    paper: Paper = "f4",
    time_zone: IndonesianTimeZone = IndonesianTimeZone.WIB,
) -> PdfDocument:
    """The working copy as a draft document, watermarked KONSEP on every page.

    Same layout as the final document (same template options, same renderer), but from the
    editable working copy, so the drafter sees unsaved text. ``clause_overrides`` maps a pasal
    uuid to fields typed but not yet written (``heading``, ``heading_en``, ``body``, ``body_en``,
    ``ayat`` as ``[{"text", "text_en"}]``); unknown uuids are ignored.
    """
    agreement = get_agreement(session, agreement_id)
    content = snapshot(agreement)
    for clause in content["clauses"]:
        override = (clause_overrides or {}).get(clause["uuid"])
        if override:
            clause.update({k: v for k, v in override.items() if k in _CLAUSE_FIELDS})
    current = agreement.current_revision
    label = f"Konsep atas Revisi {current.round}" if current is not None else "Konsep"
    return _document(
        session,
        agreement,
        content,
        revision_hash=current.hash if current is not None else "0" * 64,
        revision_label=label,
        created_at=current.created_at if current is not None else models.utcnow(),
        paper=paper,
        time_zone=time_zone,
        watermark=DRAFT_WATERMARK,
    )


_CLAUSE_FIELDS = frozenset({"heading", "heading_en", "body", "body_en", "ayat"})


def _document(
    session: Session,
    agreement: models.Agreement,
    content: dict[str, Any],
    *,
    revision_hash: str,
    revision_label: str,
    created_at: dt.datetime,
    paper: Paper,
    time_zone: IndonesianTimeZone,
    watermark: str = "",
) -> PdfDocument:
    head = content["agreement"]
    offices = {o.uuid: o for o in session.scalars(select(models.Office))}
    parties = [
        _party(p, offices.get(p["office_uuid"]))
        for p in sorted(content["parties"], key=lambda p: p["position"])
    ]
    kind = AgreementKind(head["kind"])
    # Never today's date: two offices rendering the same revision on different days (or on
    # either side of midnight in different zones) must get the same document.
    signed_on = (
        dt.date.fromisoformat(head["agreement_date"])
        if head.get("agreement_date")
        else created_at.astimezone(IndonesianTimeZone.WIB.zone).date()
    )
    clauses = [
        PdfClause(
            number=number,
            heading=c["heading"],
            heading_en=c["heading_en"] or None,
            body=c["body"],
            body_en=c["body_en"] or None,
            ayat=[a["text"] for a in c["ayat"]],
            ayat_en=[a["text_en"] for a in c["ayat"]]
            if any(a["text_en"] for a in c["ayat"])
            else [],
        )
        for number, c in enumerate(content["clauses"], start=1)
    ]
    labels = {p["position"]: role_label(p["position"]) for p in content["parties"]}
    # Typeface, size, margins and the e-Meterai area come from the agreement's template;
    # the agreement may choose the e-Meterai area itself (Details).
    extra: dict[str, Any] = pdf_options(head.get("template_id") or "")
    if head.get("closing"):
        extra["closing"] = head["closing"]
    if isinstance(head.get("e_meterai"), bool):
        extra["e_meterai"] = head["e_meterai"]  # the agreement's own choice over the template's
    return PdfDocument(
        agreement_id=agreement.uuid,
        revision_hash=revision_hash,
        revision_label=revision_label,
        kind=_KIND[kind],
        title=f"tentang {head['title']}",
        title_en=f"on {head['title_en']}" if head.get("title_en") else None,
        parties=parties,
        place=head["place"],
        signed_on=signed_on,
        opening=head["opening"],
        opening_en=head.get("opening_en") or None,
        clauses=clauses,
        annex_apps=[
            PdfApp(
                name=i["name"],
                dimension=_DIMENSION.get(i["dimension"], i["dimension"]),
                opd=i["opd"],
                description=i["description"],
            )
            for i in content["annex"]
        ],
        obligations=[
            PdfObligation(
                what=o["what"],
                party=labels.get(o["party"], "PARA PIHAK"),
                due=dt.date.fromisoformat(o["due_date"]) if o["due_date"] else None,
            )
            for o in content["obligations"]
        ],
        history=history_entries(session, agreement, time_zone),
        paper=paper,
        closing_en=head.get("closing_en") or None,
        considerations=list(head.get("legal_basis") or []),
        considerations_en=list(head.get("legal_basis_en") or []),
        keywords=[_KIND[kind], *(p.display_name for p in parties)],
        watermark=watermark,
        **extra,
    )


def e_meterai_chosen(agreement: models.Agreement) -> bool:
    """Whether the agreement's document reserves an e-Meterai area (its choice, else the
    template's default)."""
    if agreement.e_meterai is not None:
        return bool(agreement.e_meterai)
    return bool(pdf_options(agreement.template_id or "")["e_meterai"])


def _revision(
    session: Session, agreement: models.Agreement, revision_id: int | None
) -> models.Revision:
    if revision_id is not None:
        revision = session.get(models.Revision, revision_id)
        if revision is None or revision.agreement_id != agreement.id:
            raise AgreementError(
                f"Revision {revision_id} does not belong to this agreement",
                code=AgreementCode.REVISION_ELSEWHERE,
                revision=revision_id,
            )
        return revision
    revision = agreement.agreed_revision or agreement.current_revision
    if revision is None:
        raise AgreementError(
            "Save the agreement as a revision before printing it",
            code=AgreementCode.SAVE_BEFORE_PRINTING,
        )
    return revision


def _party(p: dict[str, Any], office: models.Office | None) -> PdfParty:
    return PdfParty(
        nomor=p["nomor"],
        display_name=p["name"],
        head_title=p["head_title"],
        head_name=p["head_name"],
        head_nip=p["head_nip"],
        lambang_png=office.lambang_png if office is not None else None,
        role_label=role_label(p["position"]),
        address=p["address"] or None,
    )


def history_entries(
    session: Session, agreement: models.Agreement, time_zone: IndonesianTimeZone
) -> list[PdfHistoryEntry]:
    """Riwayat Dokumen: every round, approval and change of state, oldest first."""
    tz = IndonesianTimeZone(time_zone)

    def entry(when: dt.datetime, event: str, actor: str, category: str) -> PdfHistoryEntry:
        return PdfHistoryEntry(
            when=when.astimezone(tz.zone),
            tz_label=tz.value,
            event=event,
            actor=actor,
            category=category,
        )

    revs = revisions(session, agreement.id)
    entries = [
        entry(
            rev.created_at,
            f"Revisi {rev.round} {'diterima dari' if rev.imported else 'disimpan oleh'} "
            f"{rev.author_office_name} ({rev.hash[:12]})",
            f"{rev.author_name}, {rev.author_office_name}",
            "revision",
        )
        for rev in revs
    ]
    rounds = {r.hash: r.round for r in revs}
    approvals = session.scalars(
        select(models.Approval).where(models.Approval.agreement_id == agreement.id)
    )
    entries += [
        entry(
            approval.approved_at,
            f"Revisi {rounds.get(approval.revision_hash, '?')} disetujui "
            f"({approval.revision_hash[:12]})",
            f"{approval.approver_name}, {approval.office_name}",
            "approval",
        )
        for approval in approvals
    ]
    changes = session.scalars(
        select(models.AuditEvent).where(
            models.AuditEvent.agreement_id == agreement.id,
            models.AuditEvent.action == "state_changed",
        )
    )
    for change in changes:
        before = _STATE_WORDS.get(change.from_state or "", change.from_state or "")
        after = _STATE_WORDS.get(change.to_state or "", change.to_state or "")
        entries.append(
            entry(
                change.at,
                f"Status: {before} → {after}",
                f"{change.actor_name}, {change.office_name}",
                "status",
            )
        )
    return sorted(entries, key=lambda e: e.when)
