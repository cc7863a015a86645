"""Qt's own dialogs speak Indonesian: Qt ships no qtbase_id.qm, so resources/translations/qt_id.ts
covers what users meet (non-native file dialog, message box and button box buttons, text context
menus, the print dialog). Every text these widgets show is checked against its English source."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from ui import i18n

# Sources whose Indonesian is the same word, or that are key names and sizes, not words.
SAME_IN_INDONESIAN = {"OK", "Printer", "Drive", "Folder", "Margin", "mm", "...", "%1%"}


@pytest.fixture
def indonesian(qapp: object, compiled_translations: Path) -> None:
    i18n.install_language("id", compiled_translations)


def _english_sources() -> set[str]:
    """The English of every Qt string qt_id.ts translates (with and without its & marker)."""
    import xml.etree.ElementTree as ET

    from ui import paths

    tree = ET.parse(paths.TRANSLATIONS / "qt_id.ts")
    sources = set()
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        if source not in SAME_IN_INDONESIAN:
            sources |= {source, source.replace("&", "")}
    return sources


def _shown_texts(root: QWidget) -> list[str]:
    texts = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root):
            continue
        if widget.toolTip():
            texts.append(widget.toolTip())
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QComboBox):
            texts.extend(widget.itemText(i) for i in range(widget.count()))
        elif isinstance(widget, QTabWidget):
            texts.extend(widget.tabText(i) for i in range(widget.count()))
    return [t for t in texts if t.strip()]


def _english_left(root: QWidget) -> list[str]:
    english = _english_sources()
    return [t for t in _shown_texts(root) if t in english or t.replace("&", "") in english]


def test_file_dialog_is_indonesian(qtbot: QtBot, indonesian: None, tmp_path: Path) -> None:
    dialog = QFileDialog(None, "Simpan", str(tmp_path), "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert labels["lookInLabel"] == "&Lihat di:"
    assert labels["fileNameLabel"] == "&Nama berkas:"
    assert labels["fileTypeLabel"] == "&Jenis berkas:"
    buttons = dialog.findChild(QDialogButtonBox, "buttonBox")
    assert [b.text() for b in buttons.buttons()] == ["&Simpan", "Batal"] or {
        b.text() for b in buttons.buttons()
    } == {"&Simpan", "Batal"}
    assert dialog.findChild(QAbstractButton, "backButton").toolTip() == "Kembali"
    assert dialog.findChild(QAbstractButton, "newFolderButton").toolTip().lower() == (
        "buat folder baru"
    )
    assert not _english_left(dialog), _english_left(dialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    assert {b.text() for b in buttons.buttons()} == {"&Buka", "Batal"}


def test_message_box_and_button_box_buttons_are_indonesian(qtbot: QtBot, indonesian: None) -> None:
    box = QMessageBox(QMessageBox.Icon.Question, "Lintas", "Simpan perubahan?")
    box.setStandardButtons(
        QMessageBox.StandardButton.Yes
        | QMessageBox.StandardButton.No
        | QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
        | QMessageBox.StandardButton.Close
        | QMessageBox.StandardButton.Ok
    )
    box.setDetailedText("rincian")
    qtbot.addWidget(box)
    box.show()
    texts = {box.button(b).text() for b in (
        QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Save, QMessageBox.StandardButton.Discard,
        QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Close,
    )}  # fmt: skip
    assert texts == {"&Ya", "&Tidak", "Simpan", "Buang", "Batal", "Tutup"}
    assert not _english_left(box), _english_left(box)
    bar = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok
        | QDialogButtonBox.StandardButton.Cancel
        | QDialogButtonBox.StandardButton.Apply
        | QDialogButtonBox.StandardButton.Help
    )
    qtbot.addWidget(bar)
    bar.show()
    assert not _english_left(bar), _english_left(bar)
    assert bar.button(QDialogButtonBox.StandardButton.Cancel).text() == "Batal"


def test_text_context_menus_are_indonesian(qtbot: QtBot, indonesian: None) -> None:
    line = QLineEdit("teks")
    text = QTextEdit("teks")
    qtbot.addWidget(line)
    qtbot.addWidget(text)
    english = _english_sources()
    for menu in (line.createStandardContextMenu(), text.createStandardContextMenu()):
        shown = [a.text().split("\t")[0] for a in menu.actions() if a.text()]
        assert shown and not [s for s in shown if s in english], shown
        assert "&Salin" in shown or "Salin" in [s.replace("&", "") for s in shown]


def test_print_dialog_is_indonesian(qtbot: QtBot, indonesian: None) -> None:
    printer = QPrinter()
    dialog = QPrintDialog(printer)
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintCollateCopies, True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    (options,) = [b for b in dialog.findChildren(QAbstractButton) if b.text() == "&Opsi >>"]
    options.click()  # the copies and page range part
    assert options.text() == "&Opsi <<"
    shown = _shown_texts(dialog)
    assert "Salinan:" in shown and "Cetak semua" in [s.replace("&", "") for s in shown]
    assert not _english_left(dialog), _english_left(dialog)
