"""Agreement list: empty state, full-text search, filters, "New agreement" from a template."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from mou import models
from mou.agreement import AgreementStatus
from mou.office import Role
from tests.agreements_ui.conftest import act_as, create_agreement
from ui.agreements.new_dialog import NewAgreementDialog
from ui.agreements.page import Page


def test_empty_state_then_list(qtbot, context, screenshots):
    page = Page(context)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    assert page.stack.currentWidget() is page.empty_state
    assert "Kesepakatan Bersama" in page.empty_state.message_label.text()
    assert not page.new_button.isHidden()  # the drafter acts
    act_as(context, Role.SIGNATORY)
    qtbot.waitUntil(lambda: page.new_button.isHidden())
    assert not page.list_view.new_button.isEnabled()
    assert "drafter" in page.list_view.new_button.toolTip()
    act_as(context, Role.DRAFTER)
    qtbot.waitUntil(lambda: not page.new_button.isHidden())
    page.grab().save(str(screenshots / "agreements_empty_en.png"))
    create_agreement(context, "Palangka Raya")
    page.refresh()
    assert page.stack.currentWidget() is page.list_view
    assert page.list_view.table.rowCount() == 1


def test_search_and_filters(qtbot, context, screenshots):
    soon = dt.date.today() + dt.timedelta(days=30)
    first = create_agreement(context, "Palangka Raya", title="Hibah Aplikasi Kota Cerdas")
    create_agreement(context, "Pekanbaru", title="Pemasaran Tenun Songket")
    expiring = create_agreement(context, "Pekanbaru", title="Pariwisata Sungai")
    with context.database.session() as session:
        # Only live agreements (agreed, signing, signed) can be "expiring".
        row = session.get(models.Agreement, expiring)
        row.valid_until = soon
        row.status = AgreementStatus.SIGNED.value
        session.get(models.Agreement, first).status = AgreementStatus.NEGOTIATION.value
    page = Page(context)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    view = page.list_view
    assert view.table.rowCount() == 3

    # Full-text search reaches the pasal text, not only the title: the template's pasal on
    # "penyelesaian perselisihan" is in every agreement; "Songket" only in one title.
    view.search_edit.setText("songket")
    qtbot.waitUntil(lambda: view.table.rowCount() == 1)
    assert "Songket" in view.table.item(0, 0).text()
    view.search_edit.setText("perselisihan")
    qtbot.waitUntil(lambda: view.table.rowCount() == 3)
    view.search_edit.setText("Pekanb")  # prefix match on a party name
    qtbot.waitUntil(lambda: view.table.rowCount() == 2)
    view.search_edit.clear()
    qtbot.waitUntil(lambda: view.table.rowCount() == 3)

    view.status_combo.setCurrentIndex(view.status_combo.findData("negotiation"))
    assert [r.id for r in view.rows] == [first]
    view.status_combo.setCurrentIndex(0)

    view.counterpart_combo.setCurrentIndex(
        view.counterpart_combo.findText("Pemerintah Kota Pekanbaru")
    )
    assert view.table.rowCount() == 2
    view.counterpart_combo.setCurrentIndex(0)

    view.expiring_check.setChecked(True)
    assert [r.id for r in view.rows] == [expiring]
    view.grab().save(str(screenshots / "agreements_list_en.png"))
    view.expiring_check.setChecked(False)

    # Sorting by title, then opening the selected row opens that agreement (not row 0's).
    view.table.sortItems(0, Qt.SortOrder.AscendingOrder)
    titles = [view.table.item(r, 0).text() for r in range(view.table.rowCount())]
    assert titles == sorted(titles)
    opened: list[int] = []
    view.sig_open_requested.connect(opened.append)
    row = titles.index("Pemasaran Tenun Songket")
    view.open_row(row)
    with context.database.session() as session:
        assert session.get(models.Agreement, opened[0]).title == "Pemasaran Tenun Songket"

    view.search_edit.setText("zzzzqqq")
    qtbot.waitUntil(lambda: view.table.rowCount() == 0)
    assert "No agreement matches" in view.status_line.text()


def _palangka_card(tmp_path) -> tuple:
    """Palangka Raya's own app context and its office card file (as it would save it)."""
    from mou.exchange import office_card
    from mou.signing.identity import load_identity
    from tests.agreements_ui.conftest import PASSWORD, make_office

    palangka = make_office(tmp_path / "palangkaraya", "Palangka Raya")
    card = tmp_path / "palangka.lintas-card"
    with palangka.database.session() as session:
        card.write_bytes(office_card(session, load_identity(palangka.identity_path, PASSWORD)))
    return palangka, card


def _trust_in_dialog(dialog, card) -> None:
    box = dialog.card_actions.offer_trust(card)
    assert box is not None and "Palangka Raya" in box.text()
    next(b for b in box.buttons() if b.text() == "Trust").click()


def test_new_agreement_dialog_creates_draft_from_template(qtbot, context, screenshots, tmp_path):
    # An untrusted, made-up office is not offered: its Lintas would refuse the draft.
    create_agreement(context, "Pekanbaru")
    dialog = NewAgreementDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    combo = dialog.counterpart_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["Trust a new office…"]
    assert "trust it during a call" in dialog.counterpart_hint.text()
    dialog.create()
    assert dialog.created_id is None
    assert "trust it first" in dialog.message_bar.text()

    palangka, card = _palangka_card(tmp_path)
    _trust_in_dialog(dialog, card)  # a drafter may not trust: the domain's refusal is shown
    assert "reviewer or signatory" in dialog.card_actions.last_message[1]
    act_as(context, Role.REVIEWER)
    _trust_in_dialog(dialog, card)
    assert combo.currentText() == "Pemerintah Kota Palangka Raya"
    assert combo.itemText(combo.count() - 1) == "Trust a new office…"
    assert "accept this draft" in dialog.counterpart_hint.text()
    act_as(context, Role.DRAFTER)
    dialog.grab().save(str(screenshots / "agreements_new_dialog_en.png"))
    dialog.create()
    assert dialog.created_id is not None
    with context.database.session() as session:
        agreement = session.get(models.Agreement, dialog.created_id)
        assert [p.name for p in agreement.parties] == [
            "Pemerintah Kota Bandung",
            "Pemerintah Kota Palangka Raya",
        ]
        # The party carries Palangka Raya's own office id (from its card), not one made up here.
        assert agreement.parties[1].office.uuid == palangka.office.uuid
        assert len(agreement.clauses) >= 8
        assert agreement.valid_until is not None


def test_new_pks_implements_a_stored_kesepakatan_bersama(qtbot, context, tmp_path):
    kb = create_agreement(context, "Palangka Raya", title="Kerja Sama Kota Cerdas")
    _palangka, card = _palangka_card(tmp_path)
    dialog = NewAgreementDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    act_as(context, Role.REVIEWER)
    _trust_in_dialog(dialog, card)
    act_as(context, Role.DRAFTER)
    pks = dialog.template_combo.findData("perjanjian_kerja_sama_hibah_aplikasi")
    assert pks >= 0
    dialog.template_combo.setCurrentIndex(pks)
    assert dialog.implements_edit.isVisible()
    # Without the Kesepakatan Bersama it implements: the domain's message, nothing created.
    dialog.create()
    assert dialog.created_id is None and "Kesepakatan Bersama" in dialog.message_bar.text()
    dialog.implements_edit.setCurrentIndex(dialog.implements_edit.findData(kb))
    dialog.create()
    assert dialog.created_id is not None
    with context.database.session() as session:
        agreement = session.get(models.Agreement, dialog.created_id)
        assert agreement.kind == "perjanjian_kerja_sama"
        assert agreement.implements_id == kb


@pytest.mark.postgres
def test_search_and_filters_on_postgresql(qtbot, tmp_path, agreements_postgres):
    from tests.agreements_ui.conftest import make_context

    ctx = make_context(tmp_path / "pg", url=agreements_postgres.new_database())
    try:
        create_agreement(ctx, "Palangka Raya", title="Hibah Aplikasi Kota Cerdas")
        create_agreement(ctx, "Pekanbaru", title="Pemasaran Tenun Songket")
        page = Page(ctx)
        qtbot.addWidget(page)
        view = page.list_view
        assert view.table.rowCount() == 2
        view.search_edit.setText("songket")
        qtbot.waitUntil(lambda: view.table.rowCount() == 1)
        view.search_edit.setText("perselisihan")  # pasal text, PostgreSQL full text
        qtbot.waitUntil(lambda: view.table.rowCount() == 2)
        view.search_edit.setText("Pekanb")
        qtbot.waitUntil(lambda: view.table.rowCount() == 1)
        assert view.table.item(0, 0).text() == "Pemasaran Tenun Songket"
    finally:
        ctx.database.dispose()
