"""The ayat table: multi-line editing in place that grows with its text, and rows that re-layout."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication

from mou import models
from tests.agreements_ui.conftest import create_agreement
from ui.agreements.editor.ayat_delegate import AyatCellEditor
from ui.agreements.page import Page

LONG = (
    "PARA PIHAK sepakat untuk saling bertukar data dan informasi yang diperlukan bagi "
    "pelaksanaan Kesepakatan Bersama ini dengan tetap memperhatikan ketentuan peraturan "
    "perundang-undangan mengenai keterbukaan informasi publik dan pelindungan data pribadi."
)


def open_page(qtbot, context, agreement_id: int) -> Page:
    page = Page(context)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.open_agreement(agreement_id)
    qtbot.waitExposed(page)
    return page


def select_pasal_with_ayat(editor) -> str:
    for row in range(editor.clause_list.list.count()):
        editor.clause_list.list.setCurrentRow(row)
        if editor.clause_form.ayat_table.rowCount():
            return editor.clause_list.current_uuid()
    raise AssertionError("no pasal with ayat in the template")


def stored_ayat(context, uuid: str) -> list[str]:
    with context.database.session() as session:
        clause = session.query(models.Clause).filter_by(uuid=uuid).one()
        return [a.text for a in sorted(clause.ayat, key=lambda a: a.position)]


def start_editing(qtbot, table, row: int = 0) -> AyatCellEditor:
    table.setCurrentCell(row, 0)
    table.editItem(table.item(row, 0))
    qtbot.waitUntil(lambda: table.findChild(AyatCellEditor) is not None)
    cell = table.findChild(AyatCellEditor)
    cell.setFocus()
    QApplication.processEvents()
    return cell


def test_the_cell_editor_grows_with_its_lines_and_enter_inserts_a_newline(qtbot, context):
    page = open_page(qtbot, context, create_agreement(context))
    editor = page.editor
    uuid = select_pasal_with_ayat(editor)
    table = editor.clause_form.ayat_table
    cell = start_editing(qtbot, table)
    qtbot.waitUntil(lambda: cell.isVisible())
    before = table.rowHeight(0)
    cell.selectAll()
    qtbot.keyClicks(cell, "Baris pertama")
    for line in ("kedua", "ketiga", "keempat", "kelima", "keenam"):
        qtbot.keyClick(cell, Qt.Key.Key_Return)
        qtbot.keyClicks(cell, "Baris " + line)
    # Enter made new lines inside the cell and did not end the edit.
    assert table.state() == QAbstractItemView.State.EditingState
    assert cell.toPlainText().count("\n") == 5
    assert table.item(0, 0).text() == cell.toPlainText()  # committed while typing
    qtbot.waitUntil(lambda: table.rowHeight(0) >= cell.content_height())
    assert table.rowHeight(0) > before
    # Every line is in sight: the editor is as tall as its text and never scrolls inside.
    qtbot.waitUntil(lambda: cell.height() >= cell.content_height() - 2)
    assert cell.verticalScrollBar().maximum() == 0
    # Ctrl+Enter finishes the edit; the row keeps room for all six lines.
    qtbot.keyClick(cell, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: table.state() == QAbstractItemView.State.NoState)
    text = table.item(0, 0).text()
    assert text.splitlines() == ["Baris pertama"] + [
        "Baris " + w for w in ("kedua", "ketiga", "keempat", "kelima", "keenam")
    ]
    lines = table.fontMetrics().lineSpacing()
    qtbot.waitUntil(lambda: table.rowHeight(0) >= 6 * lines)
    qtbot.waitUntil(lambda: not editor.autosaver.pending, timeout=10000)
    assert stored_ayat(context, uuid)[0] == text


def test_escape_puts_back_the_text_the_cell_had(qtbot, context):
    page = open_page(qtbot, context, create_agreement(context))
    editor = page.editor
    uuid = select_pasal_with_ayat(editor)
    table = editor.clause_form.ayat_table
    original = table.item(0, 0).text()
    cell = start_editing(qtbot, table)
    qtbot.keyClicks(cell, " tambahan yang dibatalkan")
    assert table.item(0, 0).text() != original
    qtbot.keyClick(cell, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: table.state() == QAbstractItemView.State.NoState)
    assert table.item(0, 0).text() == original
    editor.autosaver.flush()
    assert stored_ayat(context, uuid)[0] == original


def test_rows_fit_their_text_after_edits_and_window_resizes(qtbot, context):
    page = open_page(qtbot, context, create_agreement(context))
    editor = page.editor
    select_pasal_with_ayat(editor)
    form = editor.clause_form
    table = form.ayat_table
    assert table.textElideMode() == Qt.TextElideMode.ElideNone
    table.item(0, 0).setText(LONG + " " + LONG)  # as a finished edit does
    delegate = table.itemDelegate()

    def fits() -> bool:
        need = table.sizeHintForRow(0)
        return table.rowHeight(0) >= need and need > 3 * table.fontMetrics().lineSpacing()

    qtbot.waitUntil(fits)
    wide = table.rowHeight(0)
    page.resize(1000, 768)  # narrower window: the same text needs more lines
    qtbot.waitUntil(lambda: table.rowHeight(0) > wide)
    assert fits()
    narrow = table.rowHeight(0)
    page.resize(1366, 768)
    qtbot.waitUntil(lambda: table.rowHeight(0) < narrow)
    assert fits()
    assert delegate is form.ayat_delegate
