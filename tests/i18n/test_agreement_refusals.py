"""Every ``AgreementError`` the agreements core raises reaches the Indonesian UI in Indonesian."""

from __future__ import annotations

import datetime as dt

import pytest

from mou import models
from mou.agreement import AgreementError, get_agreement, party_at
from mou.clause import add_ayat, add_clause, clause_by_uuid, move_ayat, move_clause
from mou.exchange.package import build_payload
from mou.meeting import create_meeting
from mou.office import Actor, Role
from mou.publication import pdf_document_for
from tests.agreements_ui.conftest import act_as, create_agreement
from ui.agreements.messages import error_text
from ui.agreements.page import Page


def _refusal(context, action) -> AgreementError:
    """The real ``AgreementError`` ``action(session, agreement, drafter)`` raises."""
    agreement_id = create_agreement(context)
    with context.database.session() as session:
        agreement = get_agreement(session, agreement_id)
        drafter = session.query(models.LocalUser).filter_by(role=Role.DRAFTER.value).one()
        with pytest.raises(AgreementError) as info:
            action(session, agreement, Actor.of(drafter))
    assert info.value.message.code, f"uncoded refusal: {info.value}"
    return info.value


def test_moving_a_pasal_past_the_end_is_refused_in_indonesian(qtbot, context, indonesian) -> None:
    agreement_id = create_agreement(context)
    page = Page(context)
    qtbot.addWidget(page)
    page.open_agreement(agreement_id)
    act_as(context, Role.DRAFTER)
    editor = page.editor

    def move_first_to_99(session, agreement, actor) -> None:
        first = min(agreement.clauses, key=lambda c: c.position)
        move_clause(session, agreement, actor, first.uuid, 99)

    editor._apply(move_first_to_99)
    shown = editor.message_bar.text()
    assert editor.message_bar.level == "error"
    assert "Tidak ada Pasal 99 sebagai tujuan pemindahan (1 sampai" in shown
    assert "There is no" not in shown


@pytest.mark.parametrize(
    ("action", "expected"),
    [
        (lambda s, a, actor: party_at(a, 7), "Kesepakatan tidak memiliki pihak nomor 7"),
        (lambda s, a, actor: clause_by_uuid(a, "gone"), "Pasal itu sudah tidak ada"),
        (
            lambda s, a, actor: add_clause(s, a, actor, heading="X", number=50),
            "Pasal 50 tidak dapat disisipkan: hanya ada",
        ),
        (
            lambda s, a, actor: add_ayat(s, a, actor, a.clauses[0].uuid, text="x", number=40),
            "Ayat (40) tidak dapat disisipkan",
        ),
        (
            lambda s, a, actor: move_ayat(s, a, actor, _with_ayat(a).uuid, 1, 30),
            "Tidak ada ayat (30) sebagai tujuan pemindahan",
        ),
        (
            lambda s, a, actor: move_ayat(s, a, actor, a.clauses[0].uuid, 31, 1),
            "tidak memiliki ayat (31)",
        ),
        (lambda s, a, actor: build_payload(s, a), "Simpan kesepakatan sebagai revisi sebelum"),
        (lambda s, a, actor: pdf_document_for(s, a.id), "sebelum mencetaknya"),
        (lambda s, a, actor: pdf_document_for(s, a.id, 424242), "Revisi 424242 bukan milik"),
        (lambda s, a, actor: get_agreement(s, 999), "Tidak ada kesepakatan dengan id 999"),
        (
            lambda s, a, actor: create_meeting(
                s, actor, title=" ", starts_at=dt.datetime(2026, 8, 1, 9)
            ),
            "Sesi memerlukan judul",
        ),
        (
            lambda s, a, actor: create_meeting(
                s, actor, title="Rapat", starts_at=dt.datetime(2026, 8, 1, 9), duration_minutes=0
            ),
            "paling sedikit satu menit",
        ),
    ],
)
def test_agreement_refusals_are_indonesian(context, indonesian, action, expected) -> None:
    error = _refusal(context, action)
    shown = error_text(error)
    assert expected in shown, shown
    assert shown != str(error)


def _with_ayat(agreement: models.Agreement) -> models.Clause:
    return next(c for c in agreement.clauses if c.ayat)
