"""Editor: pasal insert/move/delete renumbering, autosave durability, revisions, workflow per role."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QAbstractItemView, QPlainTextEdit

from mou import models
from mou.agreement import AgreementStatus
from mou.office import Role
from tests.agreements_ui.conftest import act_as, create_agreement, open_db_again
from ui.agreements.page import Page


def open_page(qtbot, context, agreement_id: int) -> Page:
    page = Page(context)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    page.open_agreement(agreement_id)
    return page


def pasal_numbers(context, agreement_id: int) -> list[tuple[int, str]]:
    with context.database.session() as session:
        agreement = session.get(models.Agreement, agreement_id)
        return [(c.number, c.heading) for c in sorted(agreement.clauses, key=lambda c: c.position)]


def test_insert_move_delete_renumber_in_list(qtbot, context, screenshots):
    agreement_id = create_agreement(context)
    page = open_page(qtbot, context, agreement_id)
    editor = page.editor
    clauses = editor.clause_list
    before = clauses.texts()
    assert before[0].startswith("Pasal 1 — ")
    third_heading = pasal_numbers(context, agreement_id)[2][1]

    clauses.list.setCurrentRow(1)
    clauses.insert_button.click()  # becomes Pasal 3, the old Pasal 3 becomes 4
    texts = clauses.texts()
    assert len(texts) == len(before) + 1
    assert texts[2] == "Pasal 3 — New pasal"
    assert texts[3] == f"Pasal 4 — {third_heading}"
    assert clauses.current_uuid() == editor.clause_form.clause.uuid
    assert editor.clause_form.number_label.text() == "Pasal 3"

    editor.clause_form.heading_edit.setText("Pertukaran Data")
    editor.clause_form.heading_edit.textEdited.emit("Pertukaran Data")
    assert clauses.texts()[2] == "Pasal 3 — Pertukaran Data"  # list follows the typing

    clauses.up_button.click()  # Pertukaran Data moves to Pasal 2 (pending text is saved first)
    assert clauses.texts()[1] == "Pasal 2 — Pertukaran Data"
    assert pasal_numbers(context, agreement_id)[1] == (2, "Pertukaran Data")
    clauses.down_button.click()
    clauses.down_button.click()
    assert clauses.texts()[3] == "Pasal 4 — Pertukaran Data"
    assert clauses.texts()[2] == f"Pasal 3 — {third_heading}"

    clauses.delete_button.click()
    assert clauses.texts() == before
    assert [n for n, _ in pasal_numbers(context, agreement_id)] == list(range(1, len(before) + 1))

    # Deleting a template pasal by mistake: "Undo" brings it back, text and ayat included.
    clauses.list.setCurrentRow(1)
    second = pasal_numbers(context, agreement_id)[1]
    ayat_before = editor.clause_form.values().ayat
    clauses.delete_button.click()
    assert len(clauses.texts()) == len(before) - 1
    assert "was deleted" in editor.message_bar.text()
    editor.message_bar.action_button.click()
    assert clauses.texts() == before
    assert pasal_numbers(context, agreement_id)[1] == second
    clauses.list.setCurrentRow(1)
    assert editor.clause_form.values().ayat == ayat_before

    # Ayat: add one to the selected pasal, it appears numbered in the form.
    clauses.list.setCurrentRow(0)
    rows = editor.clause_form.ayat_table.rowCount()
    editor.clause_form.add_ayat_button.click()
    assert editor.clause_form.ayat_table.rowCount() == rows + 1
    header = editor.clause_form.ayat_table.verticalHeaderItem(rows)
    assert header.text() == f"({rows + 1})"
    editor.grab().save(str(screenshots / "agreements_editor_en.png"))


def test_autosave_survives_a_crash(qtbot, context):
    agreement_id = create_agreement(context)
    page = open_page(qtbot, context, agreement_id)
    editor = page.editor
    # The first pasal after the opening one that has ayat rows (the template decides which).
    for row in range(1, editor.clause_list.list.count()):
        editor.clause_list.list.setCurrentRow(row)
        if editor.clause_form.ayat_table.rowCount():
            break
    assert editor.clause_form.ayat_table.rowCount()
    uuid = editor.clause_list.current_uuid()
    body = editor.clause_form.body_edit
    body.setPlainText("Teks baru yang diketik oleh Bagian Kerja Sama.")
    assert editor.autosaver.pending
    # No explicit save: wait for the debounced autosave timer alone.
    qtbot.waitUntil(lambda: not editor.autosaver.pending, timeout=10000)
    assert editor.autosave_label.text().startswith("Changes kept at")

    # An ayat being typed in its (multi-line) cell editor, never left: saved all the same.
    table = editor.clause_form.ayat_table
    table.setCurrentCell(0, 0)
    table.editItem(table.item(0, 0))
    cell_editor = table.findChild(QPlainTextEdit)
    assert cell_editor is not None
    cell_editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(cell_editor, " Ditambah")
    assert table.state() == QAbstractItemView.State.EditingState
    qtbot.waitUntil(lambda: not editor.autosaver.pending, timeout=10000)

    # A fresh Database on the same file (as after a crash) sees the text.
    other = open_db_again(context)
    try:
        with other.session() as session:
            clause = session.query(models.Clause).filter_by(uuid=uuid).one()
            assert clause.body == "Teks baru yang diketik oleh Bagian Kerja Sama."
            first = sorted(clause.ayat, key=lambda a: a.position)[0]
            assert first.text.endswith(" Ditambah")
    finally:
        other.dispose()


def test_save_revision_shows_hash_and_workflow_per_role(qtbot, context):
    agreement_id = create_agreement(context)
    page = open_page(qtbot, context, agreement_id)
    editor = page.editor
    bar = editor.workflow_bar

    # Drafter in Draft: the text is not saved as a revision yet, so submitting cannot run and
    # the disabled button says why.
    submit = bar.buttons["internal_review"]
    assert not submit.isEnabled()
    assert "not saved as a revision" in submit.toolTip()

    editor.save_button.click()
    with context.database.session() as session:
        rev = session.get(models.Agreement, agreement_id).current_revision
        revision_hash = rev.hash
    # Hashes show 12 characters on screen (ui.hash_label); the tooltip holds the whole one.
    assert revision_hash[:12] in editor.revision_label.text()
    assert revision_hash[:13] not in editor.revision_label.text()
    assert editor.revision_label.toolTip() == revision_hash
    assert revision_hash[:12] in editor.message_bar.text()
    assert revision_hash[:13] not in editor.message_bar.text()
    assert editor.revisions.table.rowCount() == 1

    bar.buttons["internal_review"].click()
    assert editor.state_label.text() == "Internal review"
    assert editor.message_bar.level == "success"

    # The drafter cannot release for negotiation; the reviewer can.
    assert not bar.buttons["negotiation"].isEnabled()
    act_as(context, Role.REVIEWER)
    qtbot.waitUntil(lambda: bar.buttons["negotiation"].isEnabled())
    bar.buttons["negotiation"].click()
    assert editor.state_label.text() == "Negotiation"
    assert bar.approve_button.isVisible() and bar.approve_button.isEnabled()
    bar.approve_button.click()
    qtbot.waitUntil(lambda: "Approved revision" in editor.message_bar.text())
    assert bar.approve_button.text() == "Approved by this office"

    # Agreed needs the counterpart's approval of the same hash: disabled, the tooltip says so.
    assert not bar.buttons["agreed"].isEnabled()
    assert "Pemerintah Kota Palangka Raya" in bar.buttons["agreed"].toolTip()
    with context.database.session() as session:
        assert session.get(models.Agreement, agreement_id).status == AgreementStatus.NEGOTIATION

    # A viewer sees everything read-only and no enabled step.
    act_as(context, Role.VIEWER)
    qtbot.waitUntil(lambda: editor.clause_form.heading_edit.isReadOnly())
    assert not any(b.isEnabled() for b in bar.buttons.values())
    assert not bar.approve_button.isEnabled()
    assert not editor.clause_list.insert_button.isEnabled()


def test_details_tab_sets_title_dates_and_each_party_nomor(qtbot, context):
    agreement_id = create_agreement(context)
    page = open_page(qtbot, context, agreement_id)
    editor = page.editor
    editor.side_tabs.setCurrentWidget(editor.details)
    details = editor.details
    details.nomor_edits[1].setText("415.4/12-Bag.Kerma/2026")
    details.nomor_edits[1].editingFinished.emit()
    details.nomor_edits[2].setText("130/45/Pem/2026")
    details.nomor_edits[2].editingFinished.emit()
    details.title_edit.setText("Kerja Sama Kota Cerdas dan UMKM")
    details.title_edit.editingFinished.emit()
    assert editor.title_label.text() == "Kerja Sama Kota Cerdas dan UMKM"
    # A validity that ends before it starts: the domain refuses, nothing changes.
    details.valid_until_edit.setDate(details.valid_from_edit.date().addDays(-1))
    assert "ends before it starts" in editor.message_bar.text()
    assert details.valid_until_edit.date() > details.valid_from_edit.date()  # snapped back
    with context.database.session() as session:
        agreement = session.get(models.Agreement, agreement_id)
        assert [p.nomor for p in agreement.parties] == [
            "415.4/12-Bag.Kerma/2026",
            "130/45/Pem/2026",
        ]
        assert agreement.title == "Kerja Sama Kota Cerdas dan UMKM"
        assert agreement.valid_until > agreement.valid_from
    # Found by full-text search through the nomor.
    page.show_list()
    page.list_view.search_edit.setText("Pem 2026 130")
    qtbot.waitUntil(lambda: page.list_view.table.rowCount() == 1)
