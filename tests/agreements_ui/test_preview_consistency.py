"""Consistency warnings in the editor: marker on the pasal, text in the pasal pane, translated."""

from __future__ import annotations

from tests.agreements_ui.conftest import create_agreement
from ui.agreements.page import Page


def open_editor(qtbot, context, agreement_id: int) -> Page:
    page = Page(context)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.open_agreement(agreement_id)
    return page


def select(editor, heading: str) -> None:
    texts = editor.clause_list.texts()
    editor.clause_list.list.setCurrentRow(next(i for i, t in enumerate(texts) if heading in t))


def test_three_years_against_five_warns_on_the_pasal(qtbot, context, screenshots):
    agreement_id = create_agreement(context)
    page = open_editor(qtbot, context, agreement_id)
    editor = page.editor
    link = editor.consistency
    link.refresh()
    assert link.marked() == [], "a fresh draft from the template has no warnings"
    assert link.view.isHidden()

    select(editor, "JANGKA WAKTU")
    term_uuid = editor.clause_list.current_uuid()
    item = editor.clause_form.ayat_table.item(0, 0)
    assert "5 (lima) tahun" in item.text()
    item.setText(item.text().replace("5 (lima) tahun", "3 (tiga) tahun"))
    qtbot.waitUntil(lambda: link.marked() == [term_uuid], timeout=5000)
    assert link.view.isVisible()
    text = "\n".join(link.view.texts)
    assert "3 years in the Indonesian text but 5 years in the English" in text
    assert "valid from 27 Jul 2026 until 26 Jul 2031 (5 years)" in text
    row = editor.clause_list.texts().index(
        next(t for t in editor.clause_list.texts() if "JANGKA" in t)
    )
    assert "5 years" in editor.clause_list.list.item(row).toolTip()
    editor.grab().save(str(screenshots / "consistency_editor_en.png"))

    # Another pasal has no warning text; back on the term pasal it is there again.
    select(editor, "PEMBIAYAAN")
    assert link.view.isHidden()
    assert link.marked() == [term_uuid], "the marker stays on the pasal with the problem"
    # Fixing the English too (and the dates stay 5 years): only the dates warning is left.
    select(editor, "JANGKA WAKTU")
    english = editor.clause_form.ayat_table.item(0, 1)
    english.setText(english.text().replace("5 (five) years", "3 (three) years"))
    qtbot.waitUntil(lambda: len(link.view.texts) == 1, timeout=5000)
    assert "Details say valid from" in link.view.texts[0]


def test_warnings_in_indonesian(qtbot, context, indonesian, screenshots):
    agreement_id = create_agreement(context)
    page = open_editor(qtbot, context, agreement_id)
    editor = page.editor
    link = editor.consistency
    select(editor, "JANGKA WAKTU")
    item = editor.clause_form.ayat_table.item(0, 0)
    item.setText(item.text().replace("5 (lima) tahun", "3 (tiga) tahun"))
    qtbot.waitUntil(lambda: bool(link.view.texts), timeout=5000)
    text = "\n".join(link.view.texts)
    assert "3 tahun dalam teks bahasa Indonesia tetapi 5 tahun dalam bahasa Inggris" in text
    assert "26 Jul 2031" in text
    assert "Periksa pasal ini" in link.view.text()
    editor.grab().save(str(screenshots / "consistency_editor_id.png"))


def test_changing_the_validity_dates_in_details_marks_the_term(qtbot, context):
    from PySide6.QtCore import QDate

    agreement_id = create_agreement(context)
    page = open_editor(qtbot, context, agreement_id)
    editor = page.editor
    link = editor.consistency
    link.refresh()
    assert link.marked() == []
    select(editor, "JANGKA WAKTU")
    term_uuid = editor.clause_list.current_uuid()
    editor.side_tabs.setCurrentWidget(editor.details)
    editor.details.valid_until_edit.setDate(QDate(2029, 7, 26))  # 3 years, the text says 5
    qtbot.waitUntil(lambda: link.marked() == [term_uuid], timeout=5000)
    select(editor, "JANGKA WAKTU")
    assert any("until 26 Jul 2029 (3 years)" in t for t in link.view.texts), link.view.texts
