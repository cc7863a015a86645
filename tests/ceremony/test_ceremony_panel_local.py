"""The ceremony panel before the call connects: damaged stored state, presenting, a wrong password.

Real widgets and a real (not yet joined) call controller; no network needed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mou.pdf.document import PdfDocument
from tests.ceremony.conftest import BANDUNG, OfficeKey
from tests.ceremony.local_panel import local_panel
from ui.ceremony.session import ceremonies_dir
from ui.ceremony.texts import grouped_hash


def test_panel_reports_damaged_state_and_signs_locally_before_the_call(
    qtbot: QtBot,
    keys: dict[str, OfficeKey],
    document: PdfDocument,
    signature_png: bytes,
    tmp_path: Path,
) -> None:
    broken = ceremonies_dir(tmp_path) / "0123456789abcdef"
    broken.mkdir(parents=True)
    (broken / "state.json").write_text("{ not json", "utf-8")
    trusted = [k.certificate for k in keys.values()]
    with local_panel(
        qtbot, tmp_path, keys[BANDUNG].path, trusted, document,
        signature_png=signature_png, present=False,
    ) as (panel, session):  # fmt: skip
        # The damaged folder is reported and left in place.
        assert panel.problem_label.isVisible()
        assert "cannot be read" in panel.problem_label.text()
        assert (broken / "state.json").exists()
        assert "once every office has joined" in panel.state_label.text()

        qtbot.mouseClick(panel.present_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: panel.record is not None)
        assert panel.hash_label.text() == grouped_hash(document.revision_hash)
        assert panel.sign_button.isVisible()

        dialog = panel.open_sign_dialog()
        assert dialog is not None
        dialog.password.setText("not-the-password")
        qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible() and "password does not open" in dialog.error.text()
        assert dialog.password.text() == ""  # cleared, never kept
        assert session.record().step == 0

        dialog.password.setText(keys[BANDUNG].password)
        qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
        assert not dialog.isVisible()
        qtbot.waitUntil(lambda: panel.record is not None and panel.record.step == 1)
        assert "Waiting for Pemerintah Kota Palangkaraya" in panel.state_label.text()
        assert not panel.sign_button.isVisible()
        # The signed step is on disk, ready for the call to carry it when it connects.
        stored = session.store.load(panel.record.ceremony_id)
        assert stored.step == 1


def test_the_signer_signs_in_the_panel_itself_after_a_wrong_password(
    qtbot: QtBot,
    keys: dict[str, OfficeKey],
    document: PdfDocument,
    tmp_path: Path,
) -> None:
    trusted = [k.certificate for k in keys.values()]
    with local_panel(qtbot, tmp_path, keys[BANDUNG].path, trusted, document) as (panel, session):
        # This office's turn: the field is there, naming the signer, but nothing pops up and
        # nothing takes the focus (the turn may come from another office).
        signer = panel.record.next_signatory
        assert panel.password.isVisible() and panel.sign_button.isVisible()
        assert panel.handwritten_button.isVisible()
        assert signer.signer_name in panel.password.placeholderText()
        assert panel.dialog is None and not panel.password.hasFocus()
        assert not panel.sign_error.isVisible()

        # Sign with an empty field: asked for the password, nothing tried.
        qtbot.mouseClick(panel.sign_button, Qt.MouseButton.LeftButton)
        assert "Enter the password" in panel.sign_error.text()
        assert session.record().step == 0

        # A wrong password signs nothing, says so beside the field, and the field is cleared.
        qtbot.keyClicks(panel.password, "not-the-password")
        qtbot.mouseClick(panel.sign_button, Qt.MouseButton.LeftButton)
        assert panel.sign_error.isVisible()
        assert "password does not open" in panel.sign_error.text()
        assert panel.password.text() == ""
        assert session.record().step == 0 and panel.dialog is None
        assert panel.password.isVisible() and panel.sign_button.isEnabled()

        # The handwritten pad is one click away; a password typed first is carried over.
        qtbot.keyClicks(panel.password, "half-typed")
        qtbot.mouseClick(panel.handwritten_button, Qt.MouseButton.LeftButton)
        dialog = panel.dialog
        assert dialog is not None and dialog.isVisible()
        assert dialog.password.text() == "half-typed" and panel.password.text() == ""
        assert not panel.password.isVisible() and panel.sign_button.isVisible()
        dialog.reject()
        # Back in the panel: the field again, empty, and the old refusal no longer shown.
        assert panel.password.isVisible() and panel.password.text() == ""
        assert not panel.sign_error.isVisible()

        # The right password and Enter: signed, exactly as from the dialog.
        qtbot.keyClicks(panel.password, keys[BANDUNG].password)
        qtbot.keyClick(panel.password, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: panel.record is not None and panel.record.step == 1)
        assert panel.password.text() == ""  # never kept once used
        assert not panel.password.isVisible() and not panel.sign_button.isVisible()
        assert "Waiting for Pemerintah Kota Palangkaraya" in panel.state_label.text()
        assert session.store.load(panel.record.ceremony_id).step == 1
        assert panel.dialog is dialog and not dialog.isVisible()  # no second dialog
