"""The refusal of a doctored PDF, as the archive page and the ceremony panel show it (Indonesian).

Real widgets offscreen; the doctored file is the Pasal 1 attack of ``test_offline_signing.py``
(signed with Bandung's real certificate under the agreed hash). Screenshots go to
``screenshots/`` (``archive_not_agreed_id.png``, ``ceremony_document_mismatch_id.png``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from conferencing.media import SyntheticAudioSource, SyntheticVideoSource
from mou.agreement import AgreementStatus
from mou.ceremony.live import Ceremony
from mou.ceremony.protocol import K_PRESENT
from mou.ceremony.store import CeremonyStore
from mou.pdf.document import PdfClause
from mou.pdf.sample import sample_document
from tests.archive.conftest import Side, app_context
from tests.archive.test_offline_signing import PAYMENT, doctored_first_signature, status
from ui.archive.page import Page
from ui.ceremony.panel import CeremonyPanel
from ui.ceremony.session import CeremonySession
from ui.vicon.controller import CallController

BANDUNG = "Pemerintah Kota Bandung"
PALANGKARAYA = "Pemerintah Kota Palangkaraya"


def test_archive_page_explains_the_doctored_pdf_in_indonesian(
    qtbot: QtBot,
    indonesian: None,
    agreed: tuple[Side, Side, str],
    signature_png: bytes,
    screenshots: Path,
    tmp_path: Path,
) -> None:
    a, b, _uuid = agreed
    path = tmp_path / "kesepakatan-ditandatangani-bandung.pdf"
    path.write_bytes(doctored_first_signature(a, signature_png))
    page = Page(app_context(b))
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    assert page.open_file(path) is None
    shown = page.message.text()
    assert "Pasal 1" in shown and shown.startswith("PDF ini bukan dokumen yang disepakati")
    assert "agreed" not in shown and "/" not in shown  # no English, no file paths
    assert status(b) == AgreementStatus.AGREED  # nothing changed
    QApplication.processEvents()
    assert page.grab().save(str(screenshots / "archive_not_agreed_id.png"))


def test_ceremony_panel_explains_the_doctored_presentation_in_indonesian(
    qtbot: QtBot, indonesian: None, signature_png: bytes, screenshots: Path, tmp_path: Path
) -> None:
    from mou.signing.identity import create_identity

    document = sample_document(app_count=3, signed_on=dt.date(2026, 11, 22))
    first = document.clauses[0]
    doctored = replace(
        document,
        clauses=[PdfClause(number=1, heading=first.heading, body=PAYMENT), *document.clauses[1:]],
    )
    # Bandung's changed software presents the doctored PDF; we keep the message it sends.
    sent: list[tuple[str, dict[str, Any]]] = []
    host = Ceremony(
        local_office=BANDUNG,
        send=lambda kind, payload: sent.append((kind, payload)),
        store=CeremonyStore(tmp_path / "bandung"),
        trusted=[],
    )
    host.present_document(doctored)
    (payload,) = [p for k, p in sent if k == K_PRESENT]

    key = tmp_path / "office.p12"
    identity = create_identity(
        key, "sandi-plk", common_name="Wali Kota Palangkaraya", organization=PALANGKARAYA
    )
    controller = CallController(
        PALANGKARAYA,
        video_source=SyntheticVideoSource(PALANGKARAYA, 160, 120, 5),
        audio_source=SyntheticAudioSource(),
    )
    try:
        session = CeremonySession(
            controller,
            data_dir=tmp_path / "palangkaraya",
            identity_path=key,
            trusted=[identity.certificate],
            agreed_document=lambda uuid: document if uuid == document.agreement_id else None,
        )
        panel = CeremonyPanel(session, signature_png=signature_png)
        qtbot.addWidget(panel)
        panel.resize(580, 720)
        panel.show()
        # The message as the session hands it on from a verified peer of the call (proving the
        # peer is the call's business: ui/ceremony/session.py, tests/vicon).
        session.ceremony.handle(K_PRESENT, payload, BANDUNG)
        qtbot.waitUntil(lambda: panel.problem_label.isVisible())
        shown = panel.problem_label.text()
        assert "Pasal 1" in shown and shown.startswith("PDF yang ditampilkan bukan dokumen")
        assert "agreed" not in shown
        assert session.record() is None
        QApplication.processEvents()
        assert panel.grab().save(str(screenshots / "ceremony_document_mismatch_id.png"))
    finally:
        controller.shutdown()
