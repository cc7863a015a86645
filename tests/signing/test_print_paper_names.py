"""Paper names in Qt's print dialog are Indonesian under the Indonesian UI.

Qt ships no qtbase_id.qm, so resources/translations/qt_id.ts carries Qt's QPageSize names (the
envelopes, postcards, fan-fold and architect sizes; A4, Letter, Legal stay as they are called in
Indonesia too). Checked in the real print dialog's Properties > paper size list.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QDialog
from pytestqt.qtbot import QtBot

from ui import i18n, paths


def _paper_names(qtbot: QtBot) -> list[str]:
    printer = QPrinter()
    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    (properties,) = [
        b for b in dialog.findChildren(QAbstractButton) if b.text().replace("&", "") == "Properti"
    ]
    names: list[str] = []

    def read_and_close() -> None:
        window = QApplication.activeModalWidget()
        assert isinstance(window, QDialog) and window is not dialog
        (combo,) = [c for c in window.findChildren(QComboBox) if c.objectName() == "pageSizeCombo"]
        names.extend(combo.itemText(i) for i in range(combo.count()))
        window.reject()

    QTimer.singleShot(300, read_and_close)
    properties.click()  # modal: returns once read_and_close closed it
    dialog.reject()
    return names


def test_paper_names_in_the_print_dialog_are_indonesian(qtbot: QtBot, tmp_path: Path) -> None:
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    for ts in ("qt_id.ts", "signing_id.ts"):
        qm = tmp_path / ts.replace(".ts", ".qm")
        subprocess.run(
            [str(lrelease), "-silent", str(paths.TRANSLATIONS / ts), "-qm", str(qm)], check=True
        )
    i18n.install_language("id", tmp_path)
    try:
        assert QPageSize.name(QPageSize.PageSizeId.EnvelopeDL) == "Amplop DL"
        names = _paper_names(qtbot)
        assert "A4" in names and "Amplop C5" in names and "Kartu pos" in names
        english = [
            n for n in names if n.startswith(("Envelope", "Postcard", "Fan-fold", "Architect"))
        ]
        assert not english, english
        assert not [n for n in names if n.endswith((" Extra", " Small"))]
    finally:
        i18n.install_language("en", tmp_path)
