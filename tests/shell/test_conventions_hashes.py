"""Hashes on screen are 12 characters, with the full value in the tooltip and a "Copy full hash"
action that puts it on the clipboard (ui/hash_label.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from tests.shell.populated import populate, rendered_texts, visit_everything
from ui import i18n
from ui.main_window import MainWindow

LONG_HEX = re.compile(r"(?<![0-9a-fA-F])[0-9a-fA-F]{13,}(?![0-9a-fA-F])")


def _window(qtbot: QtBot, tmp_path: Path):
    data = populate(tmp_path / "bandung")
    window = MainWindow(data.context)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return data, window


@pytest.mark.parametrize("language", ["en", "id"])
def test_no_screen_shows_a_hash_longer_than_12(
    qtbot: QtBot, tmp_path: Path, compiled_translations: Path, language: str
) -> None:
    i18n.install_language(language, compiled_translations)
    data, window = _window(qtbot, tmp_path)
    shown: list[str] = []
    for _screen in visit_everything(window, data.agreement_id):
        # Tooltips carry the full value by design; what is shown must be short.
        shown.extend(rendered_texts(window, tooltips=False))
    long_ones = [m.group(0) for t in shown for m in LONG_HEX.finditer(t)]
    assert not long_ones, long_ones
    everything = "\n".join(shown)
    for full in data.revision_hashes:
        assert full[:12] in everything  # the revisions table and the header show both rounds
    window.close()


def test_copy_full_hash_from_the_header_and_the_revisions_table(
    qtbot: QtBot, tmp_path: Path
) -> None:
    data, window = _window(qtbot, tmp_path)
    window.open_item("agreements", data.agreement_id)
    editor = window.page("agreements").editor
    head = data.revision_hashes[-1]
    label = editor.revision_label
    assert head[:12] in label.text() and head[:13] not in label.text()
    assert label.toolTip() == head
    QGuiApplication.clipboard().clear()
    menu = label.context_menu()
    (action,) = [a for a in menu.actions() if a.objectName() == "copyFullHash"]
    assert action.text() == "Copy full hash" and action.isEnabled()
    action.trigger()
    assert QGuiApplication.clipboard().text() == head

    panel = editor.revisions
    table = panel.table
    editor.side_tabs.setCurrentWidget(panel)
    for row, full in enumerate(data.revision_hashes):
        cell = table.item(row, 3)
        assert cell.text() == full[:12] and cell.toolTip() == full
        pos = table.visualItemRect(cell).center()
        menu = panel.hash_menu(pos)
        assert menu is not None
        (action,) = [a for a in menu.actions() if a.objectName() == "copyFullHash"]
        action.trigger()
        assert QGuiApplication.clipboard().text() == full
    assert panel.hash_menu(QPoint(5, table.viewport().height() - 2)) is None  # no row there
    window.close()
