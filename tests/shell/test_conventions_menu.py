"""The menu bar and its standard shortcuts, driven by real key presses on a real window."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from mou import models
from tests.shell.conftest import ModalDriver
from tests.shell.populated import Populated, populate
from ui import i18n
from ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


def _window(qtbot: QtBot, tmp_path: Path) -> tuple[Populated, MainWindow]:
    data = populate(tmp_path / "bandung")
    window = MainWindow(data.context)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()  # window shortcuts need the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return data, window


def _rounds(data: Populated) -> list[int]:
    with data.context.database.session() as session:
        agreement = session.get(models.Agreement, data.agreement_id)
        return sorted(r.round for r in agreement.revisions)


def _heading(data: Populated) -> str:
    with data.context.database.session() as session:
        agreement = session.get(models.Agreement, data.agreement_id)
        return agreement.clauses[0].heading


def test_menus_are_translated(qtbot: QtBot, tmp_path: Path, compiled_translations: Path) -> None:
    _data, window = _window(qtbot, tmp_path)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "&Help"]
    window.close()
    i18n.install_language("id", compiled_translations)
    _data, window = _window(qtbot, tmp_path / "id")
    assert [a.text() for a in window.menuBar().actions()] == [
        "&Berkas",
        "&Sunting",
        "&Tampilan",
        "Ban&tuan",
    ]
    assert window.menus.save_action.text() == "&Simpan revisi"
    assert window.menus.page_actions["agreements"].text() == "Kesepakatan"


def test_ctrl_s_saves_a_revision_in_the_editor_and_says_why_not_elsewhere(
    qtbot: QtBot, tmp_path: Path
) -> None:
    data, window = _window(qtbot, tmp_path)
    assert window.current_key() == "home"
    # Home saves nothing: File > Save revision is disabled there and says why.
    assert not window.menus.save_action.isEnabled()
    assert window.menus.save_action.toolTip() == "Not available on this page."
    qtbot.keyClick(window, Qt.Key.Key_S, CTRL)
    assert _rounds(data) == [1, 2]

    window.open_item("agreements", data.agreement_id)
    editor = window.page("agreements").editor
    field = editor.clause_form.heading_edit
    field.setFocus()
    qtbot.keyClicks(field, " baru")
    qtbot.keyClick(field, Qt.Key.Key_S, CTRL)
    assert _rounds(data) == [1, 2, 3]
    assert _heading(data).endswith(" baru")
    assert "Saved as round 3" in editor.message_bar.text()

    window.page("agreements").show_list()
    qtbot.keyClick(window, Qt.Key.Key_S, CTRL)
    assert window.statusBar().currentMessage() == "Open an agreement to save a revision of it."
    assert _rounds(data) == [1, 2, 3]


def test_ctrl_z_and_the_edit_menu_undo_and_redo_in_the_editor(qtbot: QtBot, tmp_path: Path) -> None:
    data, window = _window(qtbot, tmp_path)
    menus = window.menus
    assert not menus.undo_action.isEnabled()  # Home has no history
    window.open_item("agreements", data.agreement_id)
    editor = window.page("agreements").editor
    field = editor.clause_form.heading_edit
    before = _heading(data)
    field.setFocus()
    qtbot.keyClicks(field, " X")
    editor.autosaver.flush()
    assert _heading(data) == before + " X"
    menus.update_actions()
    assert menus.undo_action.isEnabled()
    assert menus.undo_action.text().startswith("&Undo Edit Pasal 1")
    assert menus.undo_action.text().endswith("\tCtrl+Z")

    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL)  # a real key press in the field
    assert _heading(data) == before
    assert field.text() == before
    assert menus.redo_action.isEnabled() and not menus.undo_action.isEnabled()

    menus.redo_action.trigger()  # Edit > Redo
    assert _heading(data) == before + " X"
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert _heading(data) == before + " X"  # nothing left to redo
    menus.undo_action.trigger()  # Edit > Undo
    assert _heading(data) == before
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert _heading(data) == before + " X"


def test_ctrl_p_prints_where_printing_applies_and_says_why_not_elsewhere(
    qtbot: QtBot, tmp_path: Path, modal_driver: ModalDriver
) -> None:
    data, window = _window(qtbot, tmp_path)
    assert not window.menus.print_action.isEnabled()  # Home: nothing to print
    assert window.menus.print_action.toolTip() == "Not available on this page."

    # In the editor Ctrl+P prints the draft (KONSEP) through the print dialog.
    window.open_item("agreements", data.agreement_id)
    out = tmp_path / "printed.pdf"

    def print_to_file(dialog: QPrintDialog) -> None:
        # As a user would: the "Print to File (PDF)" printer, an output file, Print.
        printers = dialog.findChild(QComboBox, "printers")
        printers.setCurrentIndex(printers.findText("Print to File (PDF)"))
        dialog.findChild(QLineEdit, "filename").setText(str(out))
        dialog.accept()

    modal_driver.expect(QPrintDialog, print_to_file)
    field = window.page("agreements").editor.clause_form.heading_edit
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_P, CTRL)
    assert modal_driver.handled == ["QPrintDialog"]
    printer = window.page("agreements").draft_printer
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True)
    pages = int(re.search(r"Pages:\s+(\d+)", info.stdout).group(1))
    assert pages == printer.pages_printed >= 3
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info.stdout)
    assert abs(float(size.group(1)) - 609.45) < 1 and abs(float(size.group(2)) - 935.43) < 1  # F4

    window.page("agreements").show_list()
    window.activateWindow()  # back from the print dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_P, CTRL)
    assert window.statusBar().currentMessage().startswith("Open an agreement to print its draft")
    window.navigate("archive")
    window.statusBar().clearMessage()
    qtbot.keyClick(window, Qt.Key.Key_P, CTRL)
    assert window.statusBar().currentMessage() == (
        "Select a signed agreement in the list to print it."
    )


def test_f1_opens_the_help_of_the_page_shown(
    qtbot: QtBot, tmp_path: Path, compiled_translations: Path
) -> None:
    data, window = _window(qtbot, tmp_path)
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)  # View > Sessions
    assert window.current_key() == "sessions"
    qtbot.keyClick(window, Qt.Key.Key_F1)
    help_dialog = window.menus.last_help
    assert help_dialog is not None and help_dialog.isVisible()
    text = help_dialog.browser.toPlainText()
    assert text.startswith("Sessions") and "WIB, WITA and WIT" in text
    assert "Ctrl+S" in text and "Save revision" in text
    help_dialog.close()

    window.open_item("agreements", data.agreement_id)
    qtbot.keyClick(window.page("agreements").editor.clause_form.heading_edit, Qt.Key.Key_F1)
    assert window.menus.last_help.browser.toPlainText().startswith("Editing an agreement")
    window.menus.last_help.close()

    i18n.install_language("id", compiled_translations)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    text = window.menus.last_help.browser.toPlainText()
    assert text.startswith("Menyunting kesepakatan")
    assert "Simpan revisi (Ctrl+S)" in text and "Papan ketik" in text
    window.menus.last_help.close()
    QApplication.processEvents()
