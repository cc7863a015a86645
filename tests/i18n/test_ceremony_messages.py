"""A refused ceremony step (a wrong password) is explained in Indonesian in the sign dialog."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt

from conferencing.media import SyntheticAudioSource, SyntheticVideoSource
from mou.ceremony.protocol import CeremonyError, need
from mou.pdf.sample import sample_document
from mou.signing.identity import create_identity
from tests.signing.conftest import handwriting_png
from ui.ceremony.panel import CeremonyPanel
from ui.ceremony.session import CeremonySession
from ui.ceremony.texts import problem_text
from ui.vicon.controller import CallController

BANDUNG = "Pemerintah Kota Bandung"


def test_wrong_password_in_the_ceremony_is_indonesian(qtbot, tmp_path: Path, indonesian) -> None:
    key = tmp_path / "office.p12"
    identity = create_identity(
        key, "sandi-bandung", common_name="Wali Kota Bandung", organization=BANDUNG
    )
    document = sample_document(app_count=3, signed_on=dt.date(2026, 11, 22))
    controller = CallController(
        BANDUNG,
        video_source=SyntheticVideoSource(BANDUNG, 160, 120, 5),
        audio_source=SyntheticAudioSource(),
    )
    try:
        session = CeremonySession(
            controller,
            data_dir=tmp_path,
            identity_path=key,
            trusted=[identity.certificate],
            document_provider=lambda: document,
        )
        panel = CeremonyPanel(session, signature_png=handwriting_png())
        qtbot.addWidget(panel)
        panel.show()
        qtbot.mouseClick(panel.present_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: panel.record is not None)
        dialog = panel.open_sign_dialog()
        assert dialog is not None
        dialog.password.setText("bukan-sandinya")
        qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
        shown = dialog.error.text()
        assert shown.startswith("Kata sandi tidak dapat membuka sertifikat"), shown
        assert "password does not open" not in shown
    finally:
        controller.shutdown()


def test_wrong_password_typed_in_the_ceremony_panel_is_indonesian(
    qtbot, tmp_path: Path, indonesian
) -> None:
    key = tmp_path / "office.p12"
    identity = create_identity(
        key, "sandi-bandung", common_name="Wali Kota Bandung", organization=BANDUNG
    )
    document = sample_document(app_count=3, signed_on=dt.date(2026, 11, 22))
    controller = CallController(
        BANDUNG,
        video_source=SyntheticVideoSource(BANDUNG, 160, 120, 5),
        audio_source=SyntheticAudioSource(),
    )
    try:
        session = CeremonySession(
            controller,
            data_dir=tmp_path,
            identity_path=key,
            trusted=[identity.certificate],
            document_provider=lambda: document,
        )
        panel = CeremonyPanel(session)
        qtbot.addWidget(panel)
        panel.show()
        qtbot.mouseClick(panel.present_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: panel.record is not None)
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
        panel.resize(580, 720)
        assert panel.grab().save(str(shots / "ceremony_inline_wrong_id.png"))
    finally:
        controller.shutdown()


def test_malformed_ceremony_message_is_indonesian(indonesian) -> None:
    try:
        need({}, "hash", str)
    except CeremonyError as exc:
        shown = problem_text(exc.code, exc.message)
    assert shown.startswith("Pesan upacara dari kantor lain rusak.")
