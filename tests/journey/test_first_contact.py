"""The two-office journey through the GUI only, from two fresh installs.

Bandung and Pekanbaru each get their own data folder, SQLite file and main window in one
process; the call runs through the real embedded hub with real engines, inside a private network
namespace (tests/vicon/conftest.py). Every step is done with widget clicks and typing, counted by
:class:`tests.journey.actions.Actions`, and photographed.

Covered: first-run wizard (both; region picked from the list) -> a call in two clicks ->
office cards exchanged in the call, code compared, both trust (the drafter acts since the
wizard: the head's password typed in the bar) -> the call is verified both ways -> New agreement
with Pekanbaru picked from the trusted offices -> the draft shared in the call (no file) and
opened at Pekanbaru -> live review, one change by each office, each one shared round on both
sides (no branch) -> approvals travel in the call; the completing one makes it Agreed on both
sides -> the ceremony in the same call -> both Archives verify the same twice-signed PDF.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWizard
from pytestqt.qtbot import QtBot

from mou import models
from mou.db import open_database, sqlite_url
from tests.ceremony.test_ceremony_domain import pdfsig_valid_count
from tests.journey.actions import Actions
from tests.shell.conftest import ModalDriver
from tests.signing.test_signing_ui import draw_with_mouse
from tests.vicon.conftest import ROOT, in_netns, rerun_in_netns
from ui.agreements.new_dialog import NewAgreementDialog
from ui.app import main_window_after_set_up
from ui.bridge import EventBridge
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.settings import Settings
from ui.wizard.wizard import FirstRunWizard

pytestmark = pytest.mark.netns

BANDUNG = "Pemerintah Kota Bandung"
PEKANBARU = "Pemerintah Kota Pekanbaru"
KEY_PASSWORD = {"Bandung": "Sandi-Bandung-2026!", "Pekanbaru": "Sandi-Pekanbaru-2026!"}
# The head of region acts with the signing identity's password (KEY_PASSWORD): no PIN of their own.
PINS = {"drafter": "1357", "reviewer": "9753"}
SIZE = (1366, 768)


def _install(
    qtbot: QtBot,
    actions: Actions,
    folder: Path,
    region: str,
    head: str,
    drafter: str,
    reviewer: str | None = None,
) -> MainWindow:
    """A fresh install: the first-run wizard clicked through, then the app's main window."""
    folder.mkdir(parents=True)
    database = open_database(sqlite_url(folder / "lintas.sqlite3"), backup_dir=folder / "backups")
    wizard = FirstRunWizard(database, folder)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    # One page, no Next. The region picked from the list (level, name and the head's title
    # follow; the unit keeps its default) and the head of region; no lambang now.
    actions.choose(wizard.office_page.city, f"Pemerintah Kota {region}")
    assert wizard.office_page.unit_value() == "Bagian Kerja Sama"
    actions.type(wizard.head_section.name, head)
    assert wizard.head_section.title.text() == f"Wali Kota {region}"
    # The signing identity's password (also the head's for "Acting as"), the drafter.
    users = wizard.users_page
    actions.type(wizard.identity_section.password, KEY_PASSWORD[region])
    actions.type(users.drafter_name, drafter)
    actions.type(users.drafter_pin, PINS["drafter"])
    if reviewer:  # optional: folded behind "More users"
        actions.click(users.more_button)
        actions.type(users.name, reviewer)
        actions.type(users.pin, PINS["reviewer"])
        actions.click(users.add_button)
    actions.shot("office", wizard)
    actions.click(wizard.button(QWizard.WizardButton.FinishButton))  # "Create and open Lintas"
    assert wizard.result() == QDialog.DialogCode.Accepted

    # What ui.app.start does next: the context of this installation and its main window.
    window = main_window_after_set_up(database, Settings(folder), folder, EventBridge())
    assert window is not None
    qtbot.addWidget(window)
    context = window.context
    # Least privilege: the drafter acts after set-up; the head's powers are asked when used.
    assert context.current_user is not None and context.current_user.name == drafter
    # A new office lands where its first step is: a call with another office.
    assert window.current_key() == "sessions"
    window.resize(*SIZE)
    window.show()
    qtbot.waitExposed(window)
    actions.shot("main", window)
    return window


def _call_window(window: MainWindow):
    page = window.page("sessions")
    return page.calls[-1] if page.calls else None


def test_two_fresh_installs_meet_in_a_call_trust_each_other_and_share_a_draft(
    qtbot: QtBot,
    request: pytest.FixtureRequest,
    tmp_path: Path,
    modal_driver: ModalDriver,
) -> None:
    if not in_netns():
        rerun_in_netns(request.node.nodeid, timeout=600)
        return
    shots = tmp_path / "journey"
    shots.mkdir()
    actions = Actions(qtbot, shots)

    actions.begin("wizard_bandung")
    bdg = _install(qtbot, actions, tmp_path / "bandung", "Bandung", "Muhammad Farhan", "Rina")
    actions.begin("wizard_pekanbaru")
    pku = _install(qtbot, actions, tmp_path / "pekanbaru", "Pekanbaru", "Agung Nugroho", "Dewi")
    ctx_b: AppContext = bdg.context
    ctx_p: AppContext = pku.context

    # -- a call in two clicks ---------------------------------------------------------------
    actions.begin("call")
    for window in (bdg, pku):
        assert window.current_key() == "sessions"  # since the wizard: no sidebar click
        # No camera or microphone in the test namespace: the test pattern and tone instead.
        window.page("sessions").synthetic = True
    host = bdg.page("sessions").host_panel
    actions.click(host.start_session_button)
    qtbot.waitUntil(lambda: _call_window(bdg) is not None, timeout=10000)
    invite = host.invite_dialog  # comes with the session: nobody starts one to sit alone
    assert invite is not None and invite.isVisible()
    actions.type(invite.office_combo.lineEdit(), PEKANBARU)
    actions.shot("invite", invite)
    actions.click(invite.copy_button)  # "Copy invitation and close"
    assert not invite.isVisible()
    join = pku.page("sessions").join_panel
    actions.paste(join.invite_edit)  # a whole invitation pasted: the call opens at once
    qtbot.waitUntil(lambda: _call_window(pku) is not None, timeout=10000)
    call_b, call_p = _call_window(bdg), _call_window(pku)
    for call in (call_b, call_p):
        call.resize(*SIZE)
    qtbot.waitUntil(
        lambda: bool(call_b.controller.participants() and call_p.controller.participants()),
        timeout=60000,
    )
    actions.shot("bandung_call", call_b)

    # -- verified call, trust made in the call ------------------------------------------------
    actions.begin("trust_in_call")
    for call in (call_b, call_p):
        # Each office proves itself with its exchange key (endorsed by the wizard's new
        # identity): no password is typed in the call, and no bar asks for one.
        assert call.identity_bar is not None and not call.identity_bar.isVisible()
        qtbot.waitUntil(lambda c=call: c.controller.has_identity, timeout=5000)
    bars = {name: c.trust_exchange for name, c in (("bdg", call_b), ("pku", call_p))}
    qtbot.waitUntil(
        lambda: all(ex.current_offer() and ex.current_offer()[1] for ex in bars.values()),
        timeout=30000,
    )
    offer_b, offer_p = bars["bdg"].current_offer(), bars["pku"].current_offer()
    assert offer_b[0] == PEKANBARU and offer_p[0] == BANDUNG
    assert offer_b[1] == offer_p[1]  # the two people read the same code to each other
    assert offer_b[1] in bars["bdg"].bar.label.text()
    # The drafter acts: trusting an office is the head's (or a reviewer's) act, so the bar asks
    # the head's password beside its button; the drafter goes on acting afterwards.
    for key, region, head in (
        ("bdg", "Bandung", "Muhammad Farhan"),
        ("pku", "Pekanbaru", "Agung Nugroho"),
    ):
        bar = bars[key].bar
        assert bar.secret.isVisible() and head in bar.secret.placeholderText()
        assert not bar.trust_button.isEnabled()  # nothing is trusted without that password
        actions.type(bar.secret, KEY_PASSWORD[region])
    actions.shot("bandung_compare_code", call_b)
    actions.shot("pekanbaru_compare_code", call_p)
    actions.click(bars["bdg"].bar.trust_button)
    actions.click(bars["pku"].bar.trust_button)
    assert ctx_b.current_user.name == "Rina" and ctx_p.current_user.name == "Dewi"
    qtbot.waitUntil(
        lambda: call_b.controller.all_verified() and call_p.controller.all_verified(),
        timeout=30000,
    )
    for call, other in ((call_b, PEKANBARU), (call_p, BANDUNG)):
        (peer_id,) = call.controller.participants()
        assert call.tiles[peer_id].verification_label().startswith(f"Verified: {other}")
        qtbot.waitUntil(lambda c=call: "verified in this call" in c.trust_exchange.bar.label.text())
    actions.shot("bandung_verified", call_b)
    actions.shot("pekanbaru_verified", call_p)
    with ctx_b.database.session() as s:
        pekanbaru_row = s.query(models.Office).filter_by(is_local=False).one()
        # The counterpart's real office id, from its own card.
        assert pekanbaru_row.uuid == ctx_p.office.uuid and pekanbaru_row.certificates

    # -- the drafter starts the agreement with a trusted office -------------------------------
    actions.begin("new_agreement")
    assert ctx_b.current_user.name == "Rina"  # acting since the wizard: no switch, no PIN
    # The call's bar offers the drafter the next step: no sidebar, no list, the office chosen.
    start = call_b.trust_exchange.bar.agreement_button
    assert start.text() == f"Start an agreement with {PEKANBARU}…"
    assert not call_p.trust_exchange.bar.agreement_button.isHidden()  # Dewi drafts too

    def create(dialog: NewAgreementDialog) -> None:
        combo = dialog.counterpart_combo
        assert combo.currentText() == PEKANBARU  # picked from the trusted offices
        assert combo.itemText(combo.count() - 1) == "Trust a new office…"
        # Started from the call: the draft goes to Pekanbaru in it as soon as it exists.
        share = dialog.share_check
        assert share.isVisible() and share.isChecked() and PEKANBARU in share.text()
        actions.shot("dialog", dialog)
        box = dialog.findChild(QDialogButtonBox)
        actions.click(box.button(QDialogButtonBox.StandardButton.Ok))

    modal_driver.expect(NewAgreementDialog, create)
    actions.click(start)
    qtbot.waitUntil(lambda: modal_driver.handled.count("NewAgreementDialog") == 1, timeout=5000)
    assert bdg.current_key() == "agreements"
    agreements_b = bdg.page("agreements")
    editor_b = agreements_b.editor
    qtbot.waitUntil(lambda: agreements_b.stack.currentWidget() is editor_b, timeout=5000)
    actions.shot("draft", bdg)

    # -- the draft goes to Pekanbaru in the verified call: no file, no click -----------------
    actions.begin("send_draft")
    a = editor_b
    qtbot.waitUntil(lambda: a.live_link.active, timeout=15000)
    # The live-review tab shows itself once the call and the agreement meet; round 1 was saved
    # and sent, signed with the exchange key, by "Create draft" itself.
    assert a.side_tabs.currentWidget() is a.live_panel
    actions.shot("share", bdg)
    # The new draft opens itself at Pekanbaru: Agreements, with the draft in its editor.
    qtbot.waitUntil(lambda: pku.current_key() == "agreements", timeout=15000)
    agreements_p = pku.page("agreements")
    qtbot.waitUntil(
        lambda: agreements_p.stack.currentWidget() is agreements_p.editor, timeout=15000
    )
    b = agreements_p.editor
    actions.shot("imported", pku)
    with ctx_p.database.session() as s:
        agreement = s.query(models.Agreement).one()
        assert [p.name for p in agreement.parties] == [BANDUNG, PEKANBARU]
        assert agreement.parties[1].office.is_local  # "does name your office as a party"
    assert not list(tmp_path.glob("*.lintas"))  # nothing went through a file

    # -- live review in the call: each office proposes one change, the other accepts it --------
    actions.begin("live_review")
    # Only a drafter or reviewer edits the text: Pekanbaru's drafter acts since its wizard.
    assert ctx_p.current_user.name == "Dewi"
    qtbot.waitUntil(lambda: a.live_link.active and b.live_link.active, timeout=15000)
    qtbot.wait(300)  # the rebuilt live session greets the other office first
    changes = {}
    for me, other, row, old_text, new_text in (
        (a, b, 3, "5 (lima)", "3 (tiga)"),  # Bandung shortens the term in Pasal 4
        (b, a, 2, None, None),  # Pekanbaru adds a sentence to Pasal 3
    ):
        actions.trigger(lambda e=me, r=row: e.clause_list.list.setCurrentRow(r))
        panel = me.live_panel
        assert me.side_tabs.currentWidget() is panel
        target = me.clause_list.current_uuid()  # before the other side's focus moves us
        # The pasal's own text (its first ayat) is offered to change, not its heading.
        assert str(panel.field_combo.currentData()) == "ayat 1"
        current = panel.new_text.toPlainText()
        proposed = (
            current.replace(old_text, new_text)
            if old_text
            else current + " Biaya dibahas setiap tahun anggaran."
        )
        assert proposed != current
        panel.new_text.selectAll()
        actions.type(panel.new_text, proposed)
        actions.click(panel.send_button)
        other_panel = other.live_panel
        qtbot.waitUntil(
            lambda op=other_panel: any(
                x.incoming and x.status == "pending" for x in op.suggestions.values()
            ),
            timeout=5000,
        )
        assert other.side_tabs.currentWidget() is other_panel  # the suggestion shows itself
        actions.shot("incoming", other.window())
        actions.click(other_panel.accept_button)
        changes[target] = proposed
        qtbot.waitUntil(
            lambda p=panel: any(x.status == "accepted" for x in p.suggestions.values()
                                if not x.incoming),
            timeout=5000,
        )  # fmt: skip
        # The proposer saved the change as the next round and sent it: the same round on both
        # sides, taken over without a branch.
        qtbot.waitUntil(lambda: _heads(ctx_b) == _heads(ctx_p) and len(_heads(ctx_b)) == 1,
                        timeout=15000)  # fmt: skip
    rounds = []
    for ctx in (ctx_b, ctx_p):
        with ctx.database.session() as s:
            agreement = s.query(models.Agreement).one()
            for clause in agreement.clauses:
                if clause.uuid in changes:
                    assert changes[clause.uuid] in [x.text for x in clause.ayat]
            rounds.append(sorted(r.hash for r in agreement.revisions))
            assert agreement.current_revision.round == 3  # draft, Bandung's, Pekanbaru's
    assert rounds[0] == rounds[1]

    # -- both approve the same revision in the call: Agreed in both offices --------------------
    actions.begin("approve")
    bar_a, bar_b = a.workflow_bar, b.workflow_bar
    # Each head of region approves (a Signatory: a drafter cannot). With the office default,
    # no reviewer's release is needed first: Bandung's head approving its draft releases it
    # for negotiation in the same act (Settings can require a reviewer again). The button
    # names the round and its hash; beside it the bar asks the head's password (the same
    # check and pause as "Acting as"); the head acts from there on.
    for window, bar, name, region in (
        (bdg, bar_a, "Muhammad Farhan", "Bandung"),
        (pku, bar_b, "Agung Nugroho", "Pekanbaru"),
    ):
        qtbot.waitUntil(bar.approve_secret.isVisible, timeout=5000)
        assert bar.approve_button.text().startswith("Approve round 3 (")
        assert name in bar.approve_button.toolTip()
        assert name in bar.approve_secret.placeholderText()
        assert not bar.approve_button.isEnabled()  # nothing is approved without the password
        # The head's secret: the signing identity's password (a PIN while the wizard set one).
        actions.type(bar.approve_secret, PINS.get("head", KEY_PASSWORD[region]))
        actions.shot(f"approve_as_{region.lower()}", window)
        actions.click(bar.approve_button)  # the approval goes to the other office in the call
        assert window.context.current_user.name == name
        qtbot.waitUntil(
            lambda w=window, n=name: w.user_switcher.combo.currentText() == f"{n} — Signatory",
            timeout=5000,
        )
    # The approval that completes the round makes it Agreed in both offices (in the name of
    # each office's own approver of that round): no "Mark as agreed" click is left to do.
    for editor in (a, b):
        qtbot.waitUntil(lambda e=editor: e.state_label.text() == "Agreed", timeout=15000)
    assert not list(tmp_path.glob("*.lintas"))  # still no file
    actions.shot("bandung_agreed", bdg)
    actions.shot("pekanbaru_agreed", pku)
    hashes = []
    for ctx in (ctx_b, ctx_p):
        with ctx.database.session() as s:
            agreement = s.query(models.Agreement).one()
            assert agreement.status == "agreed"
            hashes.append(agreement.agreed_revision.hash)
    assert hashes[0] == hashes[1]

    # -- the ceremony, in the same verified call ---------------------------------------------
    actions.begin("ceremony")
    assert ctx_b.current_user.name == "Muhammad Farhan"  # acting since the approval
    qtbot.waitUntil(call_b.sign_bar.isVisible, timeout=5000)
    actions.shot("sign_offer", call_b)
    actions.click(call_b.sign_bar.sign_button)
    win_a = bdg._ceremonies.windows[id(call_b.controller)]
    # "Sign it in this call" presents the agreed revision at once.
    qtbot.waitUntil(lambda: win_a.isVisible() and win_a.panel.record is not None, timeout=15000)
    win_b = pku._ceremonies.windows[id(call_p.controller)]
    qtbot.waitUntil(win_b.isVisible, timeout=15000)  # pops up at Pekanbaru
    qtbot.waitUntil(lambda: win_b.panel.record is not None, timeout=15000)
    assert win_b.panel.hash_label.text() == win_a.panel.hash_label.text()
    # Bandung's head adds a handwritten signature; Pekanbaru's signs without one (optional:
    # the certificate and its password are what bind, and they stay a deliberate act).
    for win, region, stroke in (
        (win_a, "Bandung", [(30, 90), (100, 30), (170, 110), (250, 40)]),
        (win_b, "Pekanbaru", None),
    ):
        qtbot.waitUntil(win.panel.sign_button.isVisible, timeout=20000)
        if win is win_b:
            # Pekanbaru's turn comes from Bandung: no dialog pops up and nothing takes focus;
            # its signer types the password beside Sign in the window itself.
            assert win.panel.dialog is None
            qtbot.waitUntil(win.panel.password.isVisible, timeout=5000)
            assert not win.panel.password.hasFocus()
            assert "Agung Nugroho" in win.panel.password.placeholderText()
            actions.type(win.panel.password, KEY_PASSWORD[region])
            actions.shot("sign_pekanbaru", win)
            actions.click(win.panel.sign_button)
            continue
        # Bandung asked to sign ("Sign it in this call") and signs first: its Sign dialog,
        # with the handwritten signature pad, is already open.
        qtbot.waitUntil(lambda: win_a.panel.dialog is not None, timeout=5000)
        qtbot.waitUntil(win_a.panel.dialog.isVisible, timeout=5000)
        dialog = win.panel.dialog
        assert dialog is not None
        if stroke:
            draw_with_mouse(dialog.pad, stroke)
            actions.step.typed += 1  # the handwritten signature
        assert (dialog.signature_png is None) == (stroke is None)
        actions.type(dialog.password, KEY_PASSWORD[region])
        actions.shot(f"sign_{region.lower()}", dialog)
        actions.click(dialog.sign_button)
    for win in (win_a, win_b):
        qtbot.waitUntil(
            lambda w=win: w.panel.state_label.property("state") == "verified", timeout=30000
        )
    actions.shot("bandung_signed", win_a)
    final = win_a.panel.session.current_pdf()
    assert final is not None and final == win_b.panel.session.current_pdf()
    assert pdfsig_valid_count(final, tmp_path) == 2  # poppler, independent of pyHanko

    # -- both archives verify the same signed file -------------------------------------------
    actions.begin("archives_verify")
    for win in (win_a, win_b):
        qtbot.waitUntil(lambda w=win: w.panel.archived == "opened", timeout=10000)
        assert "The signed original is in the Archive" in win.panel.state_label.text()
    for window, name in ((bdg, "bandung"), (pku, "pekanbaru")):
        # The ceremony's end took the main window to the Archive, the signed file selected.
        qtbot.waitUntil(lambda w=window: w.current_key() == "archive", timeout=10000)
        archive = window.page("archive")
        qtbot.waitUntil(lambda a=archive: a.table.rowCount() >= 1, timeout=5000)
        # The archive verifies the file it shows: the answer is there without a click.
        assert archive._entry_pdf(archive.table.selected_entry()) == final
        assert archive.table.verdict(0) == "Verified, 2 signatures"
        report = archive.selected_report()
        assert report is not None and report.ok and len(report.signatures) == 2
        window.resize(*SIZE)
        actions.shot(f"{name}_verified", window)

    # -- the count, for docs/PERFORMANCE.md ---------------------------------------------------
    write_journey_count(actions)
    shots_dir = ROOT / "screenshots"
    shots_dir.mkdir(exist_ok=True)
    for step in actions.steps:
        for path in step.screenshots:
            shutil.copy(path, shots_dir / f"journey_{path.name}")
    for call in (call_b, call_p):
        call.controller.shutdown()
    for window in (bdg, pku):
        window.close()


def _heads(ctx: AppContext) -> list[str]:
    """The agreement's head rounds in one office (one head: no branch)."""
    with ctx.database.session() as s:
        agreement = s.query(models.Agreement).one_or_none()
        if agreement is None:
            return []
        parents = {r.parent_hash for r in agreement.revisions} | {
            r.merge_parent_hash for r in agreement.revisions
        }
        return sorted(r.hash for r in agreement.revisions if r.hash not in parents)


def write_journey_count(actions: Actions) -> None:
    """Put the table of user actions into docs/PERFORMANCE.md between its journey markers."""
    doc = ROOT / "docs" / "PERFORMANCE.md"
    start, end = "<!-- journey:start -->", "<!-- journey:end -->"
    text = doc.read_text(encoding="utf-8")
    block = (
        f"{start}\n"
        "User actions of the two-office journey (`tests/journey/test_first_contact.py`, counted "
        "by the test: clicks, typed fields, files chosen). Goal: at most 40 in all.\n\n"
        f"{actions.table()}\n{end}"
    )
    if start in text and end in text:
        text = text[: text.index(start)] + block + text[text.index(end) + len(end) :]
    else:
        text = text.rstrip() + "\n\n## First-contact journey\n\n" + block + "\n"
    doc.write_text(text, encoding="utf-8")
