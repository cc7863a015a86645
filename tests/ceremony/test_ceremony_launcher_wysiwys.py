"""The app's ceremony wiring (``ui/ceremony/launcher.build_session``) checks presentations against
the office's own database: a doctored Pasal 1 is refused, the genuine agreed document accepted.

Palangka Raya's real app context (its SQLite file, data folder and identity) and a real call
controller that has not joined (the message is handed to the session's ceremony as the call hands
on a verified peer's message).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from pytestqt.qtbot import QtBot

from conferencing.media import SyntheticAudioSource, SyntheticVideoSource
from mou import models
from mou.ceremony.live import Ceremony
from mou.ceremony.protocol import E_DOCUMENT, K_PRESENT
from mou.ceremony.store import CeremonyStore
from mou.pdf.document import PdfClause
from mou.signing.agreed_document import agreed_pdf_document
from tests.archive.conftest import Side, agreed, app_context  # noqa: F401 (fixture)
from tests.mou.conftest import cities  # noqa: F401 (fixture)
from ui.ceremony.launcher import build_session
from ui.vicon.controller import CallController

PAYMENT = "PIHAK KEDUA wajib membayar kepada PIHAK PERTAMA biaya lisensi setiap tahun."


def test_the_launchers_session_refuses_a_doctored_pasal_and_accepts_the_agreed_document(
    qtbot: QtBot, agreed: tuple[Side, Side, str], tmp_path  # noqa: F811 (fixture)
) -> None:
    a, b, _uuid = agreed
    with a.city.db.session() as s:
        genuine = agreed_pdf_document(s, s.get(models.Agreement, a.agreement_id))
    first = genuine.clauses[0]
    doctored = replace(
        genuine,
        clauses=[PdfClause(number=1, heading=first.heading, body=PAYMENT), *genuine.clauses[1:]],
    )
    names = [p.display_name for p in genuine.parties]
    presentations: list[dict[str, Any]] = []
    host = Ceremony(  # Bandung's changed software: no checks of its own
        local_office=names[0],
        send=lambda kind, payload: presentations.append(payload) if kind == K_PRESENT else None,
        store=CeremonyStore(tmp_path / "host"),
        trusted=[],
    )
    host.present_document(doctored)
    host.present_document(genuine)

    controller = CallController(
        names[1],
        video_source=SyntheticVideoSource(names[1], 160, 120, 5),
        audio_source=SyntheticAudioSource(),
    )
    session = None
    try:
        session = build_session(app_context(b), controller, "kb-tanpa-rapat")
        problems: list[tuple[str, dict[str, Any]]] = []
        session.sig_problem.connect(lambda code, _m, _o, params: problems.append((code, params)))
        session.ceremony.handle(K_PRESENT, presentations[0], names[0])
        qtbot.waitUntil(lambda: bool(problems))
        assert problems[0][0] == E_DOCUMENT and problems[0][1]["pasal"] == 1
        assert session.record() is None
        session.ceremony.handle(K_PRESENT, presentations[1], names[0])
        record = session.record()
        assert record is not None and record.presented_sha256 == host.record.presented_sha256
        assert [s.office for s in record.signatories] == names
        with b.city.db.session() as s:
            agreement = s.get(models.Agreement, b.agreement_id)
            assert agreement.renderer_version is not None  # recorded when it compared
    finally:
        if session is not None:
            session.deleteLater()
        controller.shutdown()
