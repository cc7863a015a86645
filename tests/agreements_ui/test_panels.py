"""Comments (threaded, resolve), obligations (overdue highlighted), redline colours, catalog picker."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from mou import models
from mou.catalog import load_sample_catalog
from mou.office import Role
from tests.agreements_ui.conftest import act_as, create_agreement
from tests.agreements_ui.test_editor import open_page


def test_comments_thread_reply_resolve(qtbot, context):
    agreement_id = create_agreement(context)
    page = open_page(qtbot, context, agreement_id)
    editor = page.editor
    editor.clause_list.list.setCurrentRow(2)
    panel = editor.comments
    panel.input.setPlainText("Mohon jangka waktu kunjungan studi dipertegas: 7 sampai 10 hari.")
    panel.comment_button.click()
    assert panel.tree.topLevelItemCount() == 1
    act_as(context, Role.REVIEWER)
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0))
    panel.input.setPlainText("Setuju, akan kami ubah.")
    panel.reply_button.click()
    root = panel.tree.topLevelItem(0)
    assert root.childCount() == 1
    assert root.child(0).text(1).startswith("Dedi Supriadi")
    # Another pasal has its own (empty) thread list; "every pasal" shows the thread again.
    editor.clause_list.list.setCurrentRow(0)
    assert panel.tree.topLevelItemCount() == 0
    panel.all_check.setChecked(True)
    assert panel.tree.topLevelItemCount() == 1
    assert panel.tree.topLevelItem(0).text(0).startswith("[Pasal 3]")
    # Empty comment: the domain's message is shown, nothing added.
    panel.all_check.setChecked(False)
    panel.input.clear()
    panel.comment_button.click()
    assert "cannot be empty" in editor.message_bar.text()

    editor.clause_list.list.setCurrentRow(2)
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0))
    assert panel.resolve_button.text() == "Resolve"
    panel.resolve_button.click()
    assert panel.tree.topLevelItem(0).text(0).startswith("✓ resolved")
    with context.database.session() as session:
        comments = session.query(models.Comment).filter_by(agreement_id=agreement_id).all()
        assert len(comments) == 2 and all(c.resolved_at is not None for c in comments)


def test_obligations_tracker_highlights_overdue(qtbot, context, screenshots):
    agreement_id = create_agreement(context)
    page = open_page(qtbot, context, agreement_id)
    editor = page.editor
    editor.side_tabs.setCurrentWidget(editor.obligations)
    panel = editor.obligations
    panel.what_edit.setText("Kunjungan studi 7 sampai 10 hari ke Bandung")
    panel.party_combo.setCurrentIndex(panel.party_combo.findData(2))
    panel.due_check.setChecked(True)
    panel.due_edit.setDate(dt.date.today() - dt.timedelta(days=3))
    panel.add_button.click()
    panel.what_edit.setText("Pelatihan UMKM oleh pemuda Bandung")
    panel.party_combo.setCurrentIndex(panel.party_combo.findData(1))
    panel.due_edit.setDate(dt.date.today() + dt.timedelta(days=20))
    panel.recurrence_combo.setCurrentIndex(panel.recurrence_combo.findData("quarterly"))
    panel.add_button.click()
    panel.due_check.setChecked(False)
    panel.recurrence_combo.setCurrentIndex(0)
    panel.what_edit.setText("Serah terima aplikasi")
    panel.add_button.click()
    assert panel.table.rowCount() == 3
    assert panel.table.item(0, 1).text() == "PIHAK KEDUA"
    assert panel.table.item(1, 3).text() == "Quarterly"
    assert panel.overdue_rows() == [0]
    editor.grab().save(str(screenshots / "agreements_obligations_en.png"))
    # Done: no longer overdue.
    panel.table.selectRow(0)
    panel.done_button.click()
    assert panel.overdue_rows() == []
    # A recurring obligation without a first date: the domain's message.
    panel.what_edit.setText("Laporan berkala")
    panel.recurrence_combo.setCurrentIndex(panel.recurrence_combo.findData("monthly"))
    panel.add_button.click()
    assert "first due date" in editor.message_bar.text()
    assert panel.table.rowCount() == 3


def spans(html: str, kind: str) -> str:
    """Text of every inserted ("ins") or deleted ("del") span of the redline HTML."""
    return " ".join(re.findall(rf'<span class="{kind}"[^>]*>([^<]*)</span>', html))


def test_redline_shows_coloured_word_changes_with_rounds(qtbot, context, screenshots):
    agreement_id = create_agreement(context)
    page = open_page(qtbot, context, agreement_id)
    editor = page.editor
    editor.save_button.click()
    editor.clause_list.list.setCurrentRow(3)
    form = editor.clause_form
    form.ayat_table.item(0, 0).setText(
        form.ayat_table.item(0, 0).text().replace("5 (lima)", "3 (tiga)") + " Dapat diperpanjang."
    )
    editor.clause_list.list.setCurrentRow(0)  # leaving the pasal saves the pending edit
    editor.save_button.click()
    assert editor.revisions.table.rowCount() == 2

    editor.side_tabs.setCurrentWidget(editor.revisions)
    editor.revisions.table.selectRow(1)
    editor.revisions.previous_button.click()
    dialog = page.dialogs.open_dialogs[-1]
    html = dialog.html
    assert "lima" in spans(html, "del") and "5" in spans(html, "del")
    assert "tiga" in spans(html, "ins") and "diperpanjang" in spans(html, "ins")
    assert "lima" not in spans(html, "ins")
    assert "round 2 by Pemerintah Kota Bandung" in html
    assert "Pasal 4" in html
    browser_html = dialog.browser.toHtml()
    assert "#f9d0d0" in browser_html and "#c9f2c7" in browser_html  # colours reach the view
    dialog.grab().save(str(screenshots / "agreements_redline_en.png"))
    # Any two revisions: swap to compare round 2 -> round 1.
    dialog.old_combo.setCurrentIndex(1)
    dialog.new_combo.setCurrentIndex(0)
    assert "lima" in spans(dialog.html, "ins") and "tiga" in spans(dialog.html, "del")


def test_catalog_picker_puts_apps_into_lampiran(qtbot, context, screenshots):
    with context.database.session() as session:
        load_sample_catalog(session)
    agreement_id = create_agreement(context)
    page = open_page(qtbot, context, agreement_id)
    editor = page.editor
    editor.side_tabs.setCurrentWidget(editor.annex)
    editor.annex.pick_button.click()
    picker = page.dialogs.open_dialogs[-1]
    assert picker.sample_banner.isVisible()
    total = picker.table.rowCount()
    assert total > 6
    mobility = picker.filters.dimension_combo.findData("mobility")
    picker.filters.dimension_combo.setCurrentIndex(mobility)
    assert 0 < picker.table.rowCount() < total
    assert all(
        picker.table.item(r, 1).text() == "Smart mobility" for r in range(picker.table.rowCount())
    )
    first_mobility = picker.table.item(0, 0).data(Qt.ItemDataRole.UserRole)
    picker.set_checked(0, True)
    picker.filters.dimension_combo.setCurrentIndex(0)
    picker.filters.public_combo.setCurrentIndex(picker.filters.public_combo.findData(True))
    assert all(picker.table.item(r, 3).text() == "yes" for r in range(picker.table.rowCount()))
    picker.filters.public_combo.setCurrentIndex(0)
    picker.filters.search_edit.setText("")
    picker.set_checked(picker.ids.index(next(i for i in picker.ids if i != first_mobility)), True)
    assert "2 application(s) picked" in picker.count_label.text()
    picker.grab().save(str(screenshots / "agreements_catalog_picker_en.png"))
    picker.done(QDialog.DialogCode.Accepted)
    assert len(editor.annex.names()) == 2
    with context.database.session() as session:
        agreement = session.get(models.Agreement, agreement_id)
        names = [i.name for i in agreement.annex_items]
        app = session.get(models.CatalogApp, first_mobility)
        assert app.name in names
    # The Lampiran is versioned with the next revision.
    editor.save_button.click()
    with context.database.session() as session:
        rev = session.get(models.Agreement, agreement_id).current_revision
        assert app.name in rev.content_json


def test_catalog_picker_says_why_it_is_empty(qtbot, context, screenshots):
    # A receiving office starts with an empty catalog: the picker must say so, not show a blank.
    agreement_id = create_agreement(context)
    page = open_page(qtbot, context, agreement_id)
    editor = page.editor
    editor.side_tabs.setCurrentWidget(editor.annex)
    editor.annex.pick_button.click()
    picker = page.dialogs.open_dialogs[-1]
    assert picker.table.rowCount() == 0
    assert picker.empty_label.isVisibleTo(picker)
    assert "App catalog page" in picker.empty_label.text()
    picker.grab().save(str(screenshots / "agreements_catalog_picker_empty_en.png"))
    picker.done(QDialog.DialogCode.Rejected)
    with context.database.session() as session:
        load_sample_catalog(session)
    editor.annex.pick_button.click()
    picker = page.dialogs.open_dialogs[-1]
    assert picker.table.rowCount() > 0 and not picker.empty_label.isVisibleTo(picker)
    picker.filters.search_edit.setText("zzzz-no-such-application")
    qtbot.waitUntil(lambda: picker.table.rowCount() == 0)
    assert "No application matches" in picker.empty_label.text()
    assert picker.empty_label.isVisibleTo(picker)
    picker.done(QDialog.DialogCode.Rejected)


def test_obligations_tracker_across_agreements(qtbot, context, screenshots):
    from mou.agreement import get_agreement
    from mou.obligation import Recurrence, add_obligation
    from mou.office import Actor
    from ui.agreements.page import Page

    signed = create_agreement(context, "Palangka Raya", title="Hibah Aplikasi")
    draft = create_agreement(context, "Pekanbaru", title="Pembinaan UMKM")
    today = dt.date.today()
    with context.database.session() as session:
        drafter = session.query(models.LocalUser).filter_by(role="drafter").one()
        actor = Actor.of(drafter)
        a = get_agreement(session, signed)
        add_obligation(session, a, actor, what="Serah terima aplikasi", party=1,
                       due_date=today - dt.timedelta(days=5))  # fmt: skip
        add_obligation(session, a, actor, what="Kunjungan studi 7-10 hari", party=2,
                       due_date=today + dt.timedelta(days=30), recurrence=Recurrence.YEARLY)  # fmt: skip
        add_obligation(session, get_agreement(session, draft), actor, what="Pelatihan UMKM",
                       party=1, due_date=today + dt.timedelta(days=10))  # fmt: skip
        a.status = "signed"
    page = Page(context)
    qtbot.addWidget(page)
    page.resize(1100, 600)
    page.show()
    page.list_view.obligations_button.click()
    view = page.obligations_view
    assert page.stack.currentWidget() is view
    assert view.table.rowCount() == 2  # only the live (signed) agreement
    assert view.table.item(0, 1).text() == "Serah terima aplikasi"
    assert view.overdue_rows() == [0]
    assert "1 overdue" in view.summary.text()
    view.drafts_check.setChecked(True)
    assert view.table.rowCount() == 3
    view.grab().save(str(screenshots / "agreements_obligations_tracker_en.png"))
    view.table.selectRow(0)
    view.table.doubleClicked.emit(view.table.currentIndex())
    assert page.stack.currentWidget() is page.editor
    assert page.editor.data.id == signed
