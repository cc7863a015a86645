"""The editor at 1366x768 in the main window, English and Indonesian: an ayat being edited over
several lines, an open-comment marker, the review lock; side tabs readable in full."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from mou.office import Role
from tests.agreements_ui.conftest import act_as, create_agreement
from tests.agreements_ui.test_editor_table import start_editing
from ui.agreements.editor.ayat_delegate import AyatCellEditor
from ui.main_window import MainWindow

LINES = [
    "PARA PIHAK sepakat untuk saling bertukar data dan informasi",
    "yang diperlukan bagi pelaksanaan Kesepakatan Bersama ini,",
    "dengan memperhatikan ketentuan pelindungan data pribadi.",
]


def tabs_fit(tabs) -> bool:
    """Every side panel's label is shown whole, inside the pane, above the panel's page."""
    strip = tabs.strip
    buttons = tabs.buttons()
    assert [b.text() for b in buttons] == [tabs.tabText(i) for i in range(tabs.count())]
    return (
        all(
            b.isVisible()
            and strip.rect().contains(b.geometry())
            and b.width() >= b.fontMetrics().horizontalAdvance(b.text())
            for b in buttons
        )
        and strip.geometry().bottom()
        < tabs.currentWidget().mapTo(tabs, tabs.currentWidget().rect().topLeft()).y()
    )


def rows_fit(table) -> bool:
    """No ayat row is shorter than its wrapped text needs."""
    return all(table.rowHeight(r) >= table.sizeHintForRow(r) for r in range(table.rowCount()))


@pytest.mark.parametrize("language", ["en", "id"])
def test_editor_screens_at_1366x768(qtbot, context, screenshots, language, request):
    if language == "id":
        request.getfixturevalue("indonesian")
    agreement_id = create_agreement(context)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.open_item("agreements", agreement_id)
    page = window.stack.currentWidget()
    editor = page.editor
    qtbot.waitUntil(editor.isVisible)
    assert window.width() == 1366 and window.height() <= 768
    QApplication.processEvents()
    assert rows_fit(editor.clause_form.ayat_table)
    assert tabs_fit(editor.side_tabs), [
        editor.side_tabs.tabText(i) for i in range(editor.side_tabs.count())
    ]

    # A comment on Pasal 3, then an ayat of Pasal 2 edited over three lines.
    editor.clause_list.list.setCurrentRow(2)
    editor.comments.input.setPlainText("Mohon jangka waktu disesuaikan dengan anggaran daerah.")
    editor.comments.comment_button.click()
    for row in range(1, editor.clause_list.list.count()):
        editor.clause_list.list.setCurrentRow(row)
        if editor.clause_form.ayat_table.rowCount():
            break
    table = editor.clause_form.ayat_table
    cell = start_editing(qtbot, table)
    cell.selectAll()
    qtbot.keyClicks(cell, LINES[0])
    for line in LINES[1:]:
        qtbot.keyClick(cell, Qt.Key.Key_Return)
        qtbot.keyClicks(cell, line)
    qtbot.waitUntil(lambda: cell.height() >= cell.content_height() - 2)
    assert table.findChild(AyatCellEditor).verticalScrollBar().maximum() == 0
    editor.autosaver.flush()  # kept: the typing becomes the step Undo names
    QApplication.processEvents()
    assert table.state() == table.State.EditingState  # still editing after the autosave
    undo = editor.header.undo_button
    assert undo.isEnabled() and undo.text() == undo.accessibleName()  # shown whole
    window.grab().save(str(screenshots / f"editor_editing_{language}.png"))
    qtbot.keyClick(cell, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    # Saved and submitted: the review lock, the marker and where the comment is.
    editor.save_button.click()
    editor.workflow_bar.buttons["internal_review"].click()
    act_as(context, Role.REVIEWER)
    qtbot.waitUntil(editor.lock_banner.return_button.isVisible)
    qtbot.waitUntil(editor.workflow_bar.open_comments_link.isVisible)
    editor.workflow_bar.open_comments_link.linkActivated.emit("#comments")
    QApplication.processEvents()
    assert tabs_fit(editor.side_tabs)
    window.grab().save(str(screenshots / f"editor_review_lock_{language}.png"))
    if language == "id":
        assert editor.lock_banner.return_button.text() == "Kembalikan ke penyusun"
        assert "dikunci" in editor.lock_banner.text()
        assert (
            "1 komentar masih terbuka di Pasal 3" in editor.workflow_bar.open_comments_link.text()
        )
        assert editor.header.undo_button.text().startswith("Urungkan")
    window.close()
