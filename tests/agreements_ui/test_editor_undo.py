"""Undo and redo in the editor: every edit kind goes back to the exact stored state and returns."""

from __future__ import annotations

from PySide6.QtCore import Qt

from mou import models
from mou.catalog import load_sample_catalog
from mou.revision import content_of
from mou.working_copy import parts
from tests.agreements_ui.conftest import create_agreement
from tests.agreements_ui.test_editor_table import open_page, select_pasal_with_ayat, start_editing


def stored(context, agreement_id: int) -> dict:
    """The pasal (uuid, texts, ayat) and Lampiran as the database holds them."""
    with context.database.session() as session:
        return parts(session.get(models.Agreement, agreement_id))


def check_round_trip(qtbot, context, editor, agreement_id: int, edit, label: str) -> None:
    """``edit`` changes the stored copy; undo restores it exactly, redo re-applies it."""
    before = stored(context, agreement_id)
    edit()
    editor.autosaver.flush()
    after = stored(context, agreement_id)
    assert after != before, label
    assert editor.undo_action.isEnabled()
    assert editor.undo_action.text() == "Undo " + label
    editor.undo()
    assert stored(context, agreement_id) == before, label
    assert editor.redo_action.text() == "Redo " + label
    editor.redo()
    assert stored(context, agreement_id) == after, label
    editor.undo()
    assert stored(context, agreement_id) == before, label


def test_each_edit_kind_undoes_and_redoes_to_the_stored_state(qtbot, context):
    agreement_id = create_agreement(context)
    with context.database.session() as session:
        load_sample_catalog(session)
        app_ids = [a.id for a in session.query(models.CatalogApp).order_by(models.CatalogApp.id)]
    page = open_page(qtbot, context, agreement_id)
    editor = page.editor
    form, clauses = editor.clause_form, editor.clause_list
    original = stored(context, agreement_id)
    assert not editor.undo_action.isEnabled() and editor.undo_action.text() == "Undo"

    def type_body() -> None:
        form.body_edit.setPlainText("Teks pasal yang diubah.")

    clauses.list.setCurrentRow(0)
    check_round_trip(qtbot, context, editor, agreement_id, type_body, "Edit Pasal 1")

    uuid = select_pasal_with_ayat(editor)
    number = clauses.list.currentRow() + 1

    def type_ayat() -> None:
        cell = start_editing(qtbot, form.ayat_table)
        qtbot.keyClicks(cell, " dan seterusnya")
        qtbot.keyClick(cell, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    check_round_trip(qtbot, context, editor, agreement_id, type_ayat, f"Edit Pasal {number}")
    clauses.list.setCurrentRow(1)
    check_round_trip(
        qtbot, context, editor, agreement_id, clauses.insert_button.click, "Insert Pasal 3"
    )
    clauses.list.setCurrentRow(1)
    check_round_trip(
        qtbot, context, editor, agreement_id, clauses.down_button.click, "Move Pasal 2 to Pasal 3"
    )
    clauses.list.setCurrentRow(1)
    check_round_trip(
        qtbot, context, editor, agreement_id, clauses.delete_button.click, "Delete Pasal 2"
    )
    clauses.select_uuid(uuid)
    check_round_trip(
        qtbot, context, editor, agreement_id, form.add_ayat_button.click,
        f"Add an ayat to Pasal {number}",
    )  # fmt: skip
    clauses.select_uuid(uuid)
    form.ayat_table.setCurrentCell(0, 0)
    check_round_trip(
        qtbot, context, editor, agreement_id, form.delete_ayat_button.click,
        f"Delete ayat (1) of Pasal {number}",
    )  # fmt: skip
    if form.ayat_table.rowCount() > 1:
        form.ayat_table.setCurrentCell(0, 0)
        check_round_trip(
            qtbot, context, editor, agreement_id, form.down_ayat_button.click,
            f"Move ayat (1) of Pasal {number}",
        )  # fmt: skip
    check_round_trip(
        qtbot, context, editor, agreement_id,
        lambda: editor.annex.apply_pick(app_ids[:3]), "Change the Lampiran",
    )  # fmt: skip
    editor.annex.apply_pick(app_ids[:3])
    editor.annex.table.selectRow(1)
    check_round_trip(
        qtbot, context, editor, agreement_id, editor.annex.remove_button.click,
        "Remove from the Lampiran",
    )  # fmt: skip
    editor.undo()  # the pick itself
    assert stored(context, agreement_id) == original

    # Saved as a revision, the undone working copy is exactly the original text.
    editor.save_button.click()
    with context.database.session() as session:
        revision = session.get(models.Agreement, agreement_id).current_revision
        content = content_of(revision)
    assert content["clauses"] == original["clauses"]
    assert content["annex"] == original["annex"] == []


def test_keyboard_undo_in_a_field_and_in_the_list_uses_one_history(qtbot, context):
    agreement_id = create_agreement(context)
    page = open_page(qtbot, context, agreement_id)
    editor = page.editor
    form, clauses = editor.clause_form, editor.clause_list
    before = stored(context, agreement_id)
    page.activateWindow()  # shortcuts act in the active window only
    qtbot.waitUntil(page.isActiveWindow)
    clauses.list.setCurrentRow(0)
    form.heading_edit.setFocus()
    form.heading_edit.selectAll()
    qtbot.keyClicks(form.heading_edit, "Judul Baru")
    clauses.list.setCurrentRow(1)
    clauses.insert_button.click()
    assert editor.undo_stack().count() == 2
    # Ctrl+Z in the pasal list takes back the insert, Ctrl+Z typed in the heading field the
    # typing (the field's own undo would not know about the insert).
    clauses.list.setFocus()
    qtbot.keyClick(clauses.list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.undo_stack().index() == 1
    form.heading_edit.setFocus()
    qtbot.keyClick(form.heading_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(context, agreement_id) == before
    assert clauses.texts()[0] == "Pasal 1 — " + before["clauses"][0]["heading"]
    qtbot.keyClick(form.heading_edit, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert stored(context, agreement_id)["clauses"][0]["heading"] == "Judul Baru"
    mods = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    clauses.list.setFocus()
    qtbot.keyClick(clauses.list, Qt.Key.Key_Z, mods)
    assert len(stored(context, agreement_id)["clauses"]) == len(before["clauses"]) + 1
    assert editor.header.undo_button.text() == "Undo Insert Pasal 3"


def test_a_change_made_elsewhere_ends_the_history(qtbot, context):
    agreement_id = create_agreement(context)
    page = open_page(qtbot, context, agreement_id)
    editor = page.editor
    editor.clause_list.insert_button.click()
    assert editor.undo_action.isEnabled()
    # Another writer (a live-review suggestion, an import) changes the pasal meanwhile.
    from mou.clause import update_clause
    from mou.office import Actor, Role

    with context.database.session() as session:
        agreement = session.get(models.Agreement, agreement_id)
        drafter = session.query(models.LocalUser).filter_by(role=Role.DRAFTER.value).one()
        update_clause(
            session, agreement, Actor.of(drafter), agreement.clauses[0].uuid, body="Dari luar."
        )
    editor.reload()
    assert not editor.undo_action.isEnabled()
    assert editor.undo_stack().count() == 0


def test_ctrl_z_in_an_open_ayat_cell_takes_back_its_typing(qtbot, context):
    agreement_id = create_agreement(context)
    page = open_page(qtbot, context, agreement_id)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    editor = page.editor
    select_pasal_with_ayat(editor)
    before = stored(context, agreement_id)
    table = editor.clause_form.ayat_table
    original = table.item(0, 0).text()
    cell = start_editing(qtbot, table)
    qtbot.keyClicks(cell, " serta ketentuan lain")
    qtbot.keyClick(cell, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    # The typing was kept as one step and taken back; the cell shows the stored text again.
    assert stored(context, agreement_id) == before
    qtbot.waitUntil(lambda: table.state() == table.State.NoState)
    assert table.item(0, 0).text() == original
    assert editor.redo_action.isEnabled()


def test_details_edits_undo_and_redo(qtbot, context):
    agreement_id = create_agreement(context)
    page = open_page(qtbot, context, agreement_id)
    editor = page.editor
    details = editor.details
    editor.side_tabs.setCurrentWidget(details)

    def retitle() -> None:
        details.title_edit.setText("Kerja Sama Kota Cerdas dan UMKM")
        details.title_edit.editingFinished.emit()

    def number() -> None:
        details.nomor_edits[2].setText("130/45/Pem/2026")
        details.nomor_edits[2].editingFinished.emit()

    def shorten() -> None:
        details.valid_until_edit.setDate(details.valid_until_edit.date().addYears(-2))

    for edit in (retitle, number, shorten):
        check_round_trip(qtbot, context, editor, agreement_id, edit, "Change the details")
    with context.database.session() as session:
        agreement = session.get(models.Agreement, agreement_id)
        assert agreement.title != "Kerja Sama Kota Cerdas dan UMKM"
        assert [p.nomor for p in agreement.parties][1] == ""
    assert editor.title_label.text() == details.title_edit.text()  # the screen follows the undo


def test_ctrl_z_with_focus_in_the_pasal_list_of_the_main_window(qtbot, tmp_path) -> None:
    """In the whole app (menu bar with Edit > Undo) Ctrl+Z typed in the pasal list undoes too."""
    from PySide6.QtWidgets import QApplication

    from tests.shell.test_conventions_menu import _window

    data, window = _window(qtbot, tmp_path)
    window.open_item("agreements", data.agreement_id)
    editor = window.page("agreements").editor
    pasal_list = editor.clause_list.list
    count = pasal_list.count()
    pasal_list.setCurrentRow(0)
    editor.clause_list.insert_button.click()
    assert pasal_list.count() == count + 1
    pasal_list.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is pasal_list)
    qtbot.keyClick(pasal_list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert pasal_list.count() == count
    assert len(stored(data.context, data.agreement_id)["clauses"]) == count
    window.close()
