"""A revision whose stored text was altered is reported in Indonesian."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from mou import models
from mou.agreement import get_agreement
from mou.office import Actor, Role
from mou.revision import ChainError, save_revision, verify_chain
from tests.agreements_ui.conftest import create_agreement
from ui.agreements.messages import error_text


def test_altered_revision_text_is_reported_in_indonesian(context, indonesian) -> None:
    agreement_id = create_agreement(context)
    with context.database.session() as session:
        agreement = get_agreement(session, agreement_id)
        drafter = session.query(models.LocalUser).filter_by(role=Role.DRAFTER.value).one()
        revision = save_revision(session, agreement, Actor.of(drafter), "")
        revision_id, round_ = revision.id, revision.round
    with context.database.engine.begin() as connection:  # someone edits the file behind our back
        connection.execute(
            text("UPDATE revision SET content_json = replace(content_json, 'PIHAK', 'PIHAQ') "
                 "WHERE id = :id"),
            {"id": revision_id},
        )  # fmt: skip
    with context.database.session() as session, pytest.raises(ChainError) as altered:
        verify_chain(session, get_agreement(session, agreement_id))

    shown = error_text(altered.value)
    assert shown == f"Putaran {round_} tidak cocok dengan hash-nya: naskahnya telah diubah"
