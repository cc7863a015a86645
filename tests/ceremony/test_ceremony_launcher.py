"""Two app contexts (each city's own database and data folder) hold a ceremony in a real call.

The launcher is driven exactly as the app drives it: the Sessions page posts ``CallOpened`` on
the bridge; Bandung's side runs the real main window, which starts the launcher on the first call;
the windows it opens are clicked through; both databases end with the agreement
Signed on the same PDF. Runs in a network namespace (helpers from ``tests/vicon/conftest.py``).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from conferencing.call_identity import CallIdentity
from conferencing.hub.embedded import EmbeddedHub
from conferencing.media import SyntheticAudioSource, SyntheticVideoSource
from mou import models
from mou.agreement import AgreementStatus
from mou.meeting import create_meeting
from mou.office import local_office
from mou.signing.identity import OfficeIdentity
from tests.ceremony.test_ceremony_agreement import _agree_in_both, _agreement
from tests.ceremony.test_ceremony_domain import pdfsig_valid_count
from tests.mou.conftest import City, draft_in_bandung
from tests.signing.test_signing_ui import draw_with_mouse
from tests.vicon.conftest import NETNS_ADDR, ROOT, in_netns, rerun_in_netns
from ui.bridge import EventBridge
from ui.ceremony.launcher import CeremonyLauncher, CeremonyWindow
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.settings import Settings
from ui.vicon.call_events import CallClosed, CallOpened
from ui.vicon.controller import CallController
from ui.vicon.identity_bar import counterpart_trust
from ui.wizard.wizard import certificate_copy

ROOM = "kb-bandung-palangkaraya-ttd"
pytestmark = pytest.mark.netns


def _context(city: City, identity: OfficeIdentity, p12: Path, folder: Path) -> AppContext:
    """What the app builds at start: data folder with the identity, settings, office, user."""
    folder.mkdir(parents=True)
    target = folder / "identity" / "office.p12"
    target.parent.mkdir()
    shutil.copy(p12, target)
    certificate_copy(folder).write_bytes(identity.certificate_pem())
    with city.db.session() as s:
        office = local_office(s)
        assert office is not None
        user = next(u for u in office.users if u.role == "signatory")
    return AppContext(
        database=city.db,
        settings=Settings(folder),
        data_dir=folder,
        office=office,
        current_user=user,
        bridge=EventBridge(),
    )


def join_verified(
    hub: EmbeddedHub, room: str, offices: list[tuple[AppContext, OfficeIdentity]]
) -> list[CallController]:
    """Each office joins ``room`` as the Sessions page makes it, with its identity unlocked."""
    controllers = []
    for ctx, office_identity in offices:
        name = ctx.office.display_name
        controller = CallController(
            name,
            video_source=SyntheticVideoSource(name, 320, 240, 10),
            audio_source=SyntheticAudioSource(),
            # The ceremony needs a verified call: pinned counterpart certificates from this
            # office's database.
            identity=CallIdentity(office_identity.private_key, office_identity.certificate),
            trusted=counterpart_trust(ctx.database),
        )
        controllers.append(controller)
        ctx.bridge.post(CallOpened(controller, room))  # what the Sessions page does
        controller.join(hub.url, room, hub.invite(room, name, 600))
    return controllers


def _window(launcher: CeremonyLauncher, controller: CallController) -> CeremonyWindow:
    return launcher.windows[id(controller)]


def test_launcher_ceremony_from_agreed_to_signed_in_both_databases(
    qtbot: QtBot,
    request: pytest.FixtureRequest,
    cities,
    tmp_path: Path,
    signature_png: bytes,
) -> None:
    if not in_netns():
        rerun_in_netns(request.node.nodeid)
        return
    a, id_a, b, id_b = cities
    uuid = _agree_in_both(a, id_a, b, id_b, draft_in_bandung(a))
    with a.db.session() as s:
        create_meeting(
            s,
            a.drafter,
            title="Penandatanganan Kesepakatan Bersama",
            starts_at=models.utcnow(),
            room=ROOM,
            agreement=_agreement(s, uuid),
        )
    ctx_a = _context(a, id_a, tmp_path / "Pemerintah Kota Bandung.p12", tmp_path / "app-a")
    ctx_b = _context(b, id_b, tmp_path / "Pemerintah Kota Palangka Raya.p12", tmp_path / "app-b")
    main_window = MainWindow(ctx_a)
    qtbot.addWidget(main_window)
    launcher_b = CeremonyLauncher(ctx_b)
    hub = EmbeddedHub()
    hub.start(host=NETNS_ADDR)
    controllers = join_verified(hub, ROOM, [(ctx_a, id_a), (ctx_b, id_b)])
    try:
        qtbot.waitUntil(lambda: len(launcher_b.windows) == 1)
        launcher_a = main_window._ceremonies
        assert isinstance(launcher_a, CeremonyLauncher)
        win_a = _window(launcher_a, controllers[0])
        win_b = _window(launcher_b, controllers[1])
        # Bandung's meeting is about an Agreed agreement: its window opens ready to present.
        qtbot.waitUntil(win_a.isVisible)
        assert win_a.panel.present_button.isVisible()
        assert not win_b.isVisible()
        qtbot.waitUntil(
            lambda: "Signatory Palangka" in win_a.panel.attendance_label.text(), timeout=30000
        )

        qtbot.mouseClick(win_a.panel.present_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(win_b.isVisible, timeout=15000)  # pops up at the guest
        qtbot.waitUntil(lambda: win_b.panel.record is not None)
        assert win_b.panel.hash_label.text() == win_a.panel.hash_label.text()
        with a.db.session() as s:
            assert _agreement(s, uuid).status == AgreementStatus.SIGNING

        win_a.panel.open_sign_dialog()
        dialog = win_a.panel.dialog
        assert dialog is not None and dialog.set_signature_png(signature_png)  # imported PNG
        dialog.password.setText("rahasia")
        qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: win_b.panel.sign_button.isVisible(), timeout=15000)

        # A handwritten signature: the dialog, one click away from the panel's own field.
        qtbot.mouseClick(win_b.panel.handwritten_button, Qt.MouseButton.LeftButton)
        dialog = win_b.panel.dialog
        assert dialog is not None
        draw_with_mouse(dialog.pad, [(30, 90), (100, 30), (170, 110), (250, 40), (330, 100)])
        dialog.password.setText("rahasia")
        qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
        for window in (win_a, win_b):
            qtbot.waitUntil(
                lambda w=window: w.panel.state_label.property("state") == "verified", timeout=15000
            )
        final = win_a.panel.session.current_pdf()
        assert final is not None and final == win_b.panel.session.current_pdf()
        assert pdfsig_valid_count(final, tmp_path) == 2
        shots = ROOT / "screenshots"
        shots.mkdir(exist_ok=True)
        assert win_b.grab().save(str(shots / "ceremony_window.png"))

        for city in (a, b):
            with city.db.session() as s:
                agreement = _agreement(s, uuid)
                assert agreement.status == AgreementStatus.SIGNED
                actions = [
                    e.action
                    for e in s.scalars(
                        select(models.AuditEvent).where(
                            models.AuditEvent.agreement_id == agreement.id
                        )
                    )
                ]
                assert actions.count("ceremony_signed") == 2
        assert not win_a.panel.problem_label.isVisible()
    finally:
        for ctx, controller in zip((ctx_a, ctx_b), controllers, strict=True):
            controller.shutdown()
            ctx.bridge.post(CallClosed(controller, ROOM))
        qtbot.wait(50)
        hub.stop()
