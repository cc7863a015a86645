"""The ceremony panel with real widgets, two real call controllers and the real hub (netns)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from conferencing.call_identity import CallIdentity, TrustedOffices
from conferencing.hub.embedded import EmbeddedHub
from conferencing.media import SyntheticAudioSource, SyntheticVideoSource
from mou.pdf.document import PdfDocument
from tests.ceremony.conftest import BANDUNG, PALANGKARAYA, OfficeKey
from tests.ceremony.test_ceremony_domain import pdfsig_valid_count
from tests.signing.test_signing_ui import draw_with_mouse
from tests.vicon.conftest import NETNS_ADDR, ROOT, in_netns, rerun_in_netns
from ui.ceremony.panel import CeremonyPanel
from ui.ceremony.session import CeremonySession
from ui.ceremony.sign_dialog import SignDialog
from ui.ceremony.texts import grouped_hash
from ui.vicon.controller import CallController

ROOM = "kb-ceremony-ui"
pytestmark = pytest.mark.netns


def _office(
    name: str,
    hub: EmbeddedHub,
    keys: dict[str, OfficeKey],
    data: Path,
    png: bytes | None,
    document: PdfDocument | None = None,
) -> CeremonyPanel:
    controller = CallController(
        name,
        video_source=SyntheticVideoSource(name, 320, 240, 10),
        audio_source=SyntheticAudioSource(),
        # The ceremony runs only between offices the call proved (signed DTLS fingerprints).
        identity=CallIdentity.load(keys[name].path, keys[name].password),
        trusted=TrustedOffices.of([k.certificate for k in keys.values() if k.office != name]),
    )
    session = CeremonySession(
        controller,
        data_dir=data,
        identity_path=keys[name].path,
        trusted=[k.certificate for k in keys.values()],
        people=[f"Wali Kota {name.split()[-1]}"],
        tz_label="WIB",
        document_provider=(lambda: document) if document is not None else None,
    )
    panel = CeremonyPanel(session, signature_png=png)
    panel.resize(560, 700)
    panel.show()
    controller.join(hub.url, ROOM, hub.invite(ROOM, name, 600))
    return panel


def _shot(widget: QWidget, name: str) -> Path:
    folder = ROOT / "screenshots"
    folder.mkdir(exist_ok=True)
    path = folder / name
    assert widget.grab().save(str(path))
    return path


def _sign(qtbot: QtBot, panel: CeremonyPanel, password: str, *, draw: bool = False) -> SignDialog:
    if panel.dialog is None or not panel.dialog.isVisible():
        # The dialog path: "Add a handwritten signature…" (Sign signs from the panel's field).
        qtbot.mouseClick(panel.handwritten_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert dialog is not None and dialog.isVisible()
    if draw:
        assert dialog.signature_png is None
        draw_with_mouse(dialog.pad, [(30, 100), (90, 30), (150, 110), (220, 35), (300, 95)])
        assert dialog.signature_png is not None
    dialog.password.setText(password)
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    return dialog


def _indonesian(tmp_path: Path) -> list[QTranslator]:
    """Our translation plus the signing area's (the dialog embeds its signature pad)."""
    translators = []
    for area in ("signing_ceremony", "signing"):
        qm = tmp_path / f"{area}_id.qm"
        subprocess.run(
            [
                str(ROOT / ".venv/bin/pyside6-lrelease"),
                "-silent",
                str(ROOT / f"resources/translations/{area}_id.ts"),
                "-qm",
                str(qm),
            ],
            check=True,
        )
        translator = QTranslator()
        assert translator.load(str(qm))
        QCoreApplication.installTranslator(translator)
        translators.append(translator)
    return translators


def test_ceremony_panels_present_sign_in_turn_and_verify(
    qtbot: QtBot,
    request: pytest.FixtureRequest,
    keys: dict[str, OfficeKey],
    document: PdfDocument,
    signature_png: bytes,
    tmp_path: Path,
) -> None:
    if not in_netns():
        rerun_in_netns(request.node.nodeid)
        return
    hub = EmbeddedHub()
    hub.start(host=NETNS_ADDR)
    a = _office(BANDUNG, hub, keys, tmp_path / "bdg", signature_png, document)
    b = _office(PALANGKARAYA, hub, keys, tmp_path / "plk", None)  # draws on the pad
    panels = (a, b)
    try:
        # Before a presentation: the host can present, the guest waits; both see who attends.
        assert a.present_button.isVisible() and not b.present_button.isVisible()
        qtbot.waitUntil(lambda: "Wali Kota Bandung" in b.attendance_label.text(), timeout=30000)
        qtbot.waitUntil(lambda: "Wali Kota Palangkaraya" in a.attendance_label.text())
        assert "Waiting for the host" in b.state_label.text()
        _shot(b, "ceremony_waiting.png")

        qtbot.mouseClick(a.present_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: b.record is not None, timeout=15000)
        # The same revision hash, large, on both sides; the PDF fingerprint was recomputed here.
        assert b.hash_label.text() == a.hash_label.text() == grouped_hash(document.revision_hash)
        qtbot.waitUntil(lambda: PALANGKARAYA in a.confirm_label.text(), timeout=10000)
        assert a.sign_button.isVisible() and not b.sign_button.isVisible()
        assert "Waiting for Pemerintah Kota Bandung" in b.state_label.text()
        _shot(a, "ceremony_presented.png")

        # A wrong password: a clear message in the dialog, nothing signed, dialog stays open.
        dialog = _sign(qtbot, a, "salah")
        assert dialog.isVisible() and dialog.error.text()
        assert "password does not open" in dialog.error.text()
        assert a.record.step == 0
        _shot(dialog, "ceremony_sign_dialog.png")

        _sign(qtbot, a, keys[BANDUNG].password)
        qtbot.waitUntil(lambda: not dialog.isVisible())
        qtbot.waitUntil(lambda: b.record is not None and b.record.step == 1, timeout=15000)
        assert b.sign_button.isVisible() and "Your turn" in b.state_label.text()
        assert "1 of 2" in b.progress.text()
        _shot(b, "ceremony_your_turn.png")

        _sign(qtbot, b, keys[PALANGKARAYA].password, draw=True)
        qtbot.waitUntil(lambda: a.record is not None and a.record.complete, timeout=15000)
        qtbot.waitUntil(lambda: b.record is not None and b.record.complete)
        for panel in panels:
            assert panel.state_label.property("state") == "verified"
            assert panel.save_button.isVisible() and panel.open_button.isVisible()
        saved_a = a.save_pdf(tmp_path / "a.pdf")
        saved_b = b.save_pdf(tmp_path / "b.pdf")
        assert saved_a is not None and saved_b is not None
        assert saved_a.read_bytes() == saved_b.read_bytes()
        assert pdfsig_valid_count(saved_a.read_bytes(), tmp_path) == 2
        assert not a.problem_label.isVisible() and not b.problem_label.isVisible()
        # Both show the same final fingerprint, to be compared aloud.
        final_sha = a.record.current_sha256
        assert final_sha == b.record.current_sha256
        assert final_sha[:8] in a.pdf_hash_label.text() and final_sha[:8] in b.pdf_hash_label.text()
        _shot(a, "ceremony_verified.png")

        # The same panel in Indonesian.
        translators = _indonesian(tmp_path)
        try:
            panel_id = CeremonyPanel(b.session)
            panel_id.resize(560, 700)
            panel_id.show()
            assert "Terverifikasi" in panel_id.state_label.text()
            _shot(panel_id, "ceremony_verified_id.png")
            dialog_id = SignDialog(
                "Wali Kota Palangkaraya", document.revision_hash, lambda p, s: None
            )
            dialog_id.show()
            _shot(dialog_id, "ceremony_sign_dialog_id.png")
            panel_id.close()
            dialog_id.close()
        finally:
            for translator in translators:
                QCoreApplication.removeTranslator(translator)
    finally:
        for panel in panels:
            panel.session.controller.shutdown()
            panel.close()
        hub.stop()
