"""A refused ceremony step (a wrong password) is explained in Indonesian in the sign dialog."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt

from mou.ceremony.protocol import CeremonyError, need
from mou.pdf.sample import sample_document
from mou.signing.identity import create_identity
from tests.ceremony.local_panel import BANDUNG, local_panel
from tests.signing.conftest import handwriting_png
from ui.ceremony.texts import problem_text


def test_wrong_password_in_the_ceremony_is_indonesian(qtbot, tmp_path: Path, indonesian) -> None:
    key = tmp_path / "office.p12"
    identity = create_identity(
        key, "sandi-bandung", common_name="Wali Kota Bandung", organization=BANDUNG
    )
    document = sample_document(app_count=3, signed_on=dt.date(2026, 11, 22))
    with local_panel(
        qtbot, tmp_path, key, [identity.certificate], document, signature_png=handwriting_png()
    ) as (panel, _session):
        dialog = panel.open_sign_dialog()
        assert dialog is not None
        dialog.password.setText("bukan-sandinya")
        qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
        shown = dialog.error.text()
        assert shown.startswith("Kata sandi tidak dapat membuka sertifikat"), shown
        assert "password does not open" not in shown


def test_wrong_password_typed_in_the_ceremony_panel_is_indonesian(
    qtbot, tmp_path: Path, indonesian
) -> None:
    key = tmp_path / "office.p12"
    identity = create_identity(
        key, "sandi-bandung", common_name="Wali Kota Bandung", organization=BANDUNG
    )
    document = sample_document(app_count=3, signed_on=dt.date(2026, 11, 22))
    with local_panel(qtbot, tmp_path, key, [identity.certificate], document) as (panel, session):
        assert panel.password.placeholderText().startswith("Kata sandi tanda tangan ")
        assert panel.sign_button.text() == "Tanda tangani"
        assert panel.handwritten_button.text() == "Tambahkan tanda tangan basah…"
        qtbot.keyClicks(panel.password, "bukan-sandinya")
        qtbot.mouseClick(panel.sign_button, Qt.MouseButton.LeftButton)
        shown = panel.sign_error.text()
        assert shown.startswith("Kata sandi tidak dapat membuka sertifikat"), shown
        assert "password does not open" not in shown
        assert session.record().step == 0 and panel.dialog is None
        shots = Path(__file__).resolve().parents[2] / "screenshots"
        shots.mkdir(exist_ok=True)
        assert panel.grab().save(str(shots / "ceremony_inline_wrong_id.png"))


def test_malformed_ceremony_message_is_indonesian(indonesian) -> None:
    try:
        need({}, "hash", str)
    except CeremonyError as exc:
        shown = problem_text(exc.code, exc.message)
    assert shown.startswith("Pesan upacara dari kantor lain rusak.")
