"""Two offices' real main windows sign in a real call; the second signer signs in the panel.

Palangka Raya's turn arrives from Bandung: no dialog pops up there, its signer types a wrong
password in the ceremony panel first (nothing signed, said beside the field), then the right
one. When the ceremony ends verified, Palangka Raya's main window shows the signed original in
the Archive, selected and verified; Bandung's, where the agreements editor holds unsaved edits,
stays on them and its ceremony window says where the file is. Runs in a network namespace.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from conferencing.hub.embedded import EmbeddedHub
from mou import models
from mou.agreement import AgreementStatus, PartyInput
from mou.meeting import create_meeting
from mou.office import local_office
from mou.template import get_template, instantiate
from tests.ceremony.test_ceremony_agreement import _agree_in_both, _agreement
from tests.ceremony.test_ceremony_domain import pdfsig_valid_count
from tests.ceremony.test_ceremony_launcher import _context, join_verified
from tests.ceremony.test_ceremony_panel import _indonesian
from tests.mou.conftest import City, draft_in_bandung
from tests.signing.test_signing_ui import draw_with_mouse
from tests.vicon.conftest import NETNS_ADDR, ROOT, in_netns, rerun_in_netns
from ui.ceremony.launcher import CeremonyLauncher
from ui.ceremony.panel import CeremonyPanel
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.vicon.call_events import CallClosed

ROOM = "kb-bandung-palangkaraya-arsip"
SIZE = (1366, 768)
pytestmark = pytest.mark.netns


def _second_draft(city: City) -> int:
    """Another agreement Bandung's drafter is working on (a draft, editable)."""
    with city.db.session() as s:
        local = local_office(s)
        other = s.scalars(select(models.Office).where(models.Office.is_local.is_(False))).one()
        agreement = instantiate(
            s,
            city.drafter,
            get_template("kesepakatan_bersama_antar_daerah"),
            [PartyInput.of_office(local, "415.4/48-Huk"), PartyInput.of_office(other, "")],
            place="Bandung",
            agreement_date=dt.date(2026, 12, 1),
        )
        s.flush()
        return agreement.id


def _user(ctx: AppContext, role: str) -> models.LocalUser:
    return next(u for u in ctx.office.users if u.role == role)


def _leave_unsaved_edits(qtbot: QtBot, window: MainWindow, ctx: AppContext, draft: int) -> None:
    """The drafter edits a pasal (autosaved, not saved as a revision), then the head acts."""
    ctx.set_current_user(_user(ctx, "drafter"))
    window.open_item("agreements", draft)
    editor = window.page("agreements").editor
    qtbot.waitUntil(lambda: editor.data is not None and editor.data.can_edit)
    qtbot.keyClicks(editor.clause_form.heading_edit, " dan Pertukaran Data")
    qtbot.waitUntil(lambda: not editor.autosaver.pending, timeout=10000)  # written, not a revision
    ctx.set_current_user(_user(ctx, "signatory"))  # the head signs today
    qtbot.waitUntil(lambda: editor.data is not None and not editor.data.can_edit)
    assert editor.data.dirty and window.current_key() == "agreements"


def test_second_signer_signs_in_the_panel_and_the_archive_shows_the_signed_original(
    qtbot: QtBot,
    request: pytest.FixtureRequest,
    cities,
    tmp_path: Path,
) -> None:
    if not in_netns():
        rerun_in_netns(request.node.nodeid)
        return
    a, id_a, b, id_b = cities
    uuid = _agree_in_both(a, id_a, b, id_b, draft_in_bandung(a))
    draft = _second_draft(a)
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
    mains = (MainWindow(ctx_a), MainWindow(ctx_b))
    for main in mains:
        qtbot.addWidget(main)
        main.resize(*SIZE)
        main.show()
    main_a, main_b = mains
    _leave_unsaved_edits(qtbot, main_a, ctx_a, draft)
    assert main_b.current_key() == "home"

    hub = EmbeddedHub()
    hub.start(host=NETNS_ADDR)
    controllers = join_verified(hub, ROOM, [(ctx_a, id_a), (ctx_b, id_b)])
    shots = ROOT / "screenshots"
    shots.mkdir(exist_ok=True)
    try:
        qtbot.waitUntil(lambda: all(m._ceremonies is not None for m in mains), timeout=10000)
        launchers = [m._ceremonies for m in mains]
        assert all(isinstance(x, CeremonyLauncher) for x in launchers)
        win_a = launchers[0].windows[id(controllers[0])]
        win_b = launchers[1].windows[id(controllers[1])]
        qtbot.waitUntil(win_a.isVisible)
        qtbot.waitUntil(
            lambda: "Signatory Palangka" in win_a.panel.attendance_label.text(), timeout=30000
        )
        qtbot.mouseClick(win_a.panel.present_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(win_b.isVisible, timeout=15000)
        qtbot.waitUntil(lambda: win_b.panel.record is not None)

        # Bandung signs first, with a handwritten signature (the dialog, one click away).
        qtbot.waitUntil(win_a.panel.password.isVisible)
        qtbot.mouseClick(win_a.panel.handwritten_button, Qt.MouseButton.LeftButton)
        dialog = win_a.panel.dialog
        assert dialog is not None and dialog.isVisible()
        draw_with_mouse(dialog.pad, [(30, 90), (100, 30), (170, 110), (250, 40)])
        dialog.password.setText("rahasia")
        qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)

        # Palangka Raya's turn, from Bandung: the field is there, nothing popped up or took
        # the focus.
        panel = win_b.panel
        qtbot.waitUntil(lambda: panel.password.isVisible(), timeout=15000)
        assert panel.dialog is None and not panel.password.hasFocus()
        assert panel.record.next_signatory.signer_name in panel.password.placeholderText()
        assert win_b.grab().save(str(shots / "ceremony_inline_turn.png"))
        qtbot.keyClicks(panel.password, "salah")
        qtbot.mouseClick(panel.sign_button, Qt.MouseButton.LeftButton)
        assert "password does not open" in panel.sign_error.text()
        assert panel.sign_error.isVisible() and panel.password.text() == ""
        assert panel.record.step == 1 and panel.dialog is None
        assert win_b.grab().save(str(shots / "ceremony_inline_wrong.png"))
        qtbot.keyClicks(panel.password, "rahasia")
        qtbot.mouseClick(panel.sign_button, Qt.MouseButton.LeftButton)
        for window in (win_a, win_b):
            qtbot.waitUntil(
                lambda w=window: w.panel.state_label.property("state") == "verified",
                timeout=15000,
            )
        final = win_a.panel.session.current_pdf()
        assert final is not None and final == win_b.panel.session.current_pdf()
        assert pdfsig_valid_count(final, tmp_path) == 2
        assert win_b.panel.signatories_label.text().count("signed ✔") == 2

        # Palangka Raya: its main window shows the signed original in the Archive, selected,
        # its verdict there without a click.
        qtbot.waitUntil(lambda: main_b.current_key() == "archive", timeout=10000)
        archive = main_b.page("archive")
        entry = archive.table.selected_entry()
        with b.db.session() as s:
            agreement_b = _agreement(s, uuid)
            assert agreement_b.status == AgreementStatus.SIGNED
            assert entry is not None and entry.agreement_id == agreement_b.id
        assert archive._entry_pdf(entry) == final
        row = archive.table.entries.index(entry)
        assert archive.table.verdict(row) == "Verified, 2 signatures"
        report = archive.selected_report()
        assert report is not None and report.ok and len(report.signatures) == 2
        assert win_b.panel.archived == "opened"
        assert "The signed original is in the Archive" in win_b.panel.state_label.text()
        assert "Signed by both offices and verified" in win_b.panel.state_label.text()
        assert main_b.grab().save(str(shots / "ceremony_archive_opened.png"))
        assert win_b.grab().save(str(shots / "ceremony_archived.png"))

        # Bandung: the unsaved edits stay on screen; the ceremony window says where the file is.
        qtbot.waitUntil(lambda: win_a.panel.archived is not None, timeout=10000)
        assert win_a.panel.archived == "unsaved"
        assert main_a.current_key() == "agreements"
        editor = main_a.page("agreements").editor
        assert editor.data.id == draft and editor.data.dirty
        state = win_a.panel.state_label.text()
        assert "The signed original is in the Archive" in state and "unsaved changes" in state
        assert win_a.grab().save(str(shots / "ceremony_archived_unsaved.png"))
        # And it is there, verified, when the office looks.
        main_a.navigate("archive")
        archive_a = main_a.page("archive")
        with a.db.session() as s:
            assert archive_a.table.select_agreement(_agreement(s, uuid).id)
        qtbot.waitUntil(lambda: archive_a.selected_report() is not None, timeout=10000)
        assert archive_a._entry_pdf(archive_a.table.selected_entry()) == final
        assert archive_a.selected_report().ok

        # The same ending in Indonesian.
        translators = _indonesian(tmp_path)
        try:
            for archived, words in (("opened", "siap dicetak"), ("unsaved", "belum disimpan")):
                panel_id = CeremonyPanel(win_b.panel.session)
                qtbot.addWidget(panel_id)
                panel_id.resize(580, 720)
                panel_id.show()
                panel_id.show_archived(archived)
                assert "di Arsip" in panel_id.state_label.text()
                assert words in panel_id.state_label.text()
                assert panel_id.grab().save(str(shots / f"ceremony_archived_{archived}_id.png"))
                panel_id.close()
        finally:
            for translator in translators:
                QCoreApplication.removeTranslator(translator)
    finally:
        for ctx, controller in zip((ctx_a, ctx_b), controllers, strict=True):
            controller.shutdown()
            ctx.bridge.post(CallClosed(controller, ROOM))
        qtbot.wait(50)
        hub.stop()
