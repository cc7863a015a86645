"""A ceremony panel on a real call controller that has not joined: no network needed."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from cryptography import x509
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from conferencing.media import SyntheticAudioSource, SyntheticVideoSource
from mou.pdf.document import PdfDocument
from ui.ceremony.panel import CeremonyPanel
from ui.ceremony.session import CeremonySession
from ui.vicon.controller import CallController

BANDUNG = "Pemerintah Kota Bandung"


@contextmanager
def local_panel(
    qtbot: QtBot,
    data_dir: Path,
    identity_path: Path,
    trusted: list[x509.Certificate],
    document: PdfDocument,
    *,
    signature_png: bytes | None = None,
    present: bool = True,
) -> Iterator[tuple[CeremonyPanel, CeremonySession]]:
    """Bandung's panel at ceremony size, shown; ``present``: the document presented already."""
    controller = CallController(
        BANDUNG,
        video_source=SyntheticVideoSource(BANDUNG, 160, 120, 5),
        audio_source=SyntheticAudioSource(),
    )
    try:
        session = CeremonySession(
            controller,
            data_dir=data_dir,
            identity_path=identity_path,
            trusted=trusted,
            document_provider=lambda: document,
        )
        panel = CeremonyPanel(session, signature_png=signature_png)
        qtbot.addWidget(panel)
        panel.resize(580, 720)
        panel.show()
        if present:
            qtbot.mouseClick(panel.present_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: panel.record is not None)
        yield panel, session
    finally:
        controller.shutdown()
