"""The head of region's approval releases a draft for negotiation (no reviewer needed).

Offices that want a reviewer's release keep it (``release=False``, Settings "Drafts need a
reviewer's release"); otherwise the Signatory's approval of a Draft or a draft in internal review
moves it to Negotiation and approves it in one act, on a real SQLite file, with every condition
of the release still checked and the move audited in the Signatory's name.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from mou import models
from mou.agreement import AgreementStatus, PartyInput
from mou.comment import add_comment
from mou.office import local_office
from mou.revision import save_revision
from mou.template import get_template, instantiate
from mou.workflow import WorkflowCode, WorkflowError, approve, transition
from tests.mou.conftest import City

S = AgreementStatus


def _saved_draft(city: City) -> int:
    """A saved round 1 with both parties, still a Draft (nobody released it)."""
    import datetime as dt

    with city.db.session() as s:
        local = local_office(s)
        other = s.scalars(select(models.Office).where(models.Office.is_local.is_(False))).one()
        agreement = instantiate(
            s, city.drafter, get_template("kesepakatan_bersama_antar_daerah"),
            [PartyInput.of_office(local, "415.4/47-Huk"), PartyInput.of_office(other, "")],
            place="Bandung", agreement_date=dt.date(2026, 12, 5),
        )  # fmt: skip
        save_revision(s, agreement, city.drafter, "Draf awal")
        return agreement.id


def _codes(info: pytest.ExceptionInfo[WorkflowError]) -> set[str]:
    return {m.code for m in info.value.messages}


def test_head_approval_releases_a_draft_and_is_audited(cities) -> None:
    a = cities[0]
    agreement_id = _saved_draft(a)
    with a.db.session() as s:
        agreement = s.get(models.Agreement, agreement_id)
        approval = approve(s, agreement, a.signatory, release=True)
        assert agreement.status == S.NEGOTIATION
        assert approval.revision_hash == agreement.current_revision.hash
        assert approval.approver_role == "signatory"
        moves = [
            e for e in s.scalars(select(models.AuditEvent)).all()
            if e.action == "state_changed" and e.agreement_id == agreement_id
        ]  # fmt: skip
        assert moves[-1].actor_name == a.signatory.name and moves[-1].actor_role == "signatory"
        assert (moves[-1].from_state, moves[-1].to_state) == (S.DRAFT, S.NEGOTIATION)
        assert moves[-1].detail.get("released_by") == "approval"


@pytest.mark.parametrize("who", ["drafter", "reviewer"])
def test_only_the_signatory_releases_by_approving(cities, who: str) -> None:
    a = cities[0]
    agreement_id = _saved_draft(a)
    with a.db.session() as s:
        agreement = s.get(models.Agreement, agreement_id)
        with pytest.raises(WorkflowError) as info:
            approve(s, agreement, getattr(a, who), release=True)
        assert WorkflowCode.NOT_IN_NEGOTIATION in _codes(info)
        assert agreement.status == S.DRAFT


def test_an_office_that_requires_a_reviewer_keeps_it(cities) -> None:
    a = cities[0]
    agreement_id = _saved_draft(a)
    with a.db.session() as s:
        agreement = s.get(models.Agreement, agreement_id)
        with pytest.raises(WorkflowError) as info:
            approve(s, agreement, a.signatory)  # release=False: the reviewer's release first
        assert _codes(info) == {WorkflowCode.NOT_IN_NEGOTIATION}
        assert agreement.status == S.DRAFT
        transition(s, agreement, a.drafter, S.INTERNAL_REVIEW)
        transition(s, agreement, a.reviewer, S.NEGOTIATION)
        approve(s, agreement, a.signatory)
        assert agreement.status == S.NEGOTIATION


def test_release_conditions_still_hold(cities) -> None:
    a = cities[0]
    agreement_id = _saved_draft(a)
    with a.db.session() as s:
        agreement = s.get(models.Agreement, agreement_id)
        add_comment(s, agreement, a.reviewer, "Pasal 1 perlu dasar hukum.", clause_uuid=None)
    with a.db.session() as s:
        agreement = s.get(models.Agreement, agreement_id)
        with pytest.raises(WorkflowError) as info:
            approve(s, agreement, a.signatory, release=True)
        assert WorkflowCode.OPEN_COMMENTS in _codes(info)
        assert agreement.status == S.DRAFT
        assert not s.scalars(select(models.Approval)).all()
    with a.db.session() as s:
        agreement = s.get(models.Agreement, agreement_id)
        agreement.place = "Cimahi"  # an edit not saved as a round
        with pytest.raises(WorkflowError) as info:
            approve(s, agreement, a.signatory, release=True)
        assert WorkflowCode.UNSAVED_EDITS in _codes(info)
