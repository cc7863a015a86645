"""A draft started from a call goes to the other office on "Create draft": no share click.

Two real offices that trust each other (own databases, identities, exchange keys) are in a real,
verified call through the real embedded hub inside a private network namespace, each with its
real Agreements page. Bandung's drafter starts an agreement with Pekanbaru as the call's "Start
an agreement with …" does (``Page.new_agreement(counterpart=…)``): the New agreement dialog
offers "Share with Pemerintah Kota Pekanbaru in this call", checked, and on OK the draft is saved
as round 1 and arrives at Pekanbaru, where it opens. A second draft with the box unchecked (and a
counterpart not in the call picked on the way, which unchecks it) sends nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from mou import models
from mou.office import Role
from tests.agreements_ui.conftest import PASSWORD, act_as, trust_each_other
from tests.journey.test_trust_exchange_bounds import _office
from tests.vicon.conftest import NETNS_ADDR, in_netns, rerun_in_netns

pytestmark = pytest.mark.netns

PEKANBARU = "Pemerintah Kota Pekanbaru"
PALANGKA = "Pemerintah Kota Palangka Raya"


def _agreements(ctx) -> list[tuple[str, int]]:
    """(title, number of saved rounds) of every agreement in ``ctx``'s database."""
    with ctx.database.session() as s:
        return sorted((a.title, len(a.revisions)) for a in s.query(models.Agreement).all())


def _ok(dialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def test_a_draft_started_in_the_call_is_shared_on_creation_unless_unchecked(
    qtbot: QtBot, tmp_path: Path, request: pytest.FixtureRequest, modal_driver, screenshots
) -> None:
    if not in_netns():
        rerun_in_netns(request.node.nodeid)
        return
    from conferencing.hub.embedded import EmbeddedHub
    from ui.agreements.live.call_packages import attach_call_packages
    from ui.agreements.new_dialog import NewAgreementDialog
    from ui.agreements.page import Page
    from ui.sessions.call_launcher import open_call
    from ui.sessions.invite import Invite
    from ui.vicon.call_events import CallOpened
    from ui.vicon.identity_bar import counterpart_trust

    bandung = _office(tmp_path / "bandung", "Bandung")
    pekanbaru = _office(tmp_path / "pekanbaru", "Pekanbaru")
    palangka = _office(tmp_path / "palangka", "Palangka Raya")  # trusted, but not in the call
    trust_each_other(bandung, pekanbaru)
    trust_each_other(bandung, palangka)
    act_as(bandung, Role.DRAFTER)  # as after the wizard: only a drafter starts an agreement
    act_as(pekanbaru, Role.DRAFTER)
    pages = {}
    for ctx in (bandung, pekanbaru):
        page = Page(ctx)
        qtbot.addWidget(page)
        page.resize(1366, 768)
        page.show()
        pages[ctx.office.display_name] = page
    page_b, page_p = pages.values()
    hub = EmbeddedHub()
    hub.start(host=NETNS_ADDR)
    room = "kb-bandung-pekanbaru"
    windows = []
    try:
        for ctx in (bandung, pekanbaru):
            name = ctx.office.display_name
            window = open_call(
                name,
                Invite(hub.url, room, hub.invite(room, name, 600)),
                synthetic=True,
                identity_path=ctx.identity_path,
                trusted=counterpart_trust(ctx.database),
            )
            qtbot.addWidget(window)
            attach_call_packages(ctx, window)
            assert window.identity_bar.unlock(PASSWORD)
            ctx.bridge.post(CallOpened(window.controller, room, window))
            windows.append(window)
        qtbot.waitUntil(lambda: all(w.controller.all_verified() for w in windows), timeout=60000)
        qtbot.waitUntil(lambda: PEKANBARU in page_b.editor.live_link.verified_offices())

        # -- checked (the default): Create draft is the whole step -------------------------------
        def create_and_share(dialog: NewAgreementDialog) -> None:
            check = dialog.share_check
            assert dialog.counterpart_combo.currentText() == PEKANBARU
            assert check.isVisible() and check.isChecked() and check.isEnabled()
            assert check.text() == f"Share with {PEKANBARU} in this call"
            dialog.title_edit.setText("Kerja sama Bandung-Pekanbaru")
            assert dialog.grab().save(str(screenshots / "new_agreement_share_in_call_en.png"))
            _ok(dialog)

        modal_driver.expect(NewAgreementDialog, create_and_share)
        first = page_b.new_agreement(counterpart=PEKANBARU)
        assert first is not None and modal_driver.handled == ["NewAgreementDialog"]
        editor_b = page_b.editor
        assert editor_b.data is not None and editor_b.data.id == first
        # Saved as round 1 and sent, signed with the exchange key, without the share click.
        qtbot.waitUntil(lambda: _agreements(bandung) == [("Kerja sama Bandung-Pekanbaru", 1)])
        assert f"Round 1 was shared with {PEKANBARU}" in editor_b.message_bar.text()
        qtbot.waitUntil(
            lambda: _agreements(pekanbaru) == [("Kerja sama Bandung-Pekanbaru", 1)],
            timeout=15000,
        )
        with pekanbaru.database.session() as s:
            arrived = s.query(models.Agreement).one()
            assert arrived.parties[1].office.is_local  # names Pekanbaru as a party
            arrived_id = arrived.id
        # It opens itself at Pekanbaru, as a shared draft does.
        qtbot.waitUntil(
            lambda: page_p.editor.data is not None and page_p.editor.data.id == arrived_id,
            timeout=15000,
        )

        # -- unchecked: the draft stays here ---------------------------------------------------
        def create_without_sharing(dialog: NewAgreementDialog) -> None:
            check, combo = dialog.share_check, dialog.counterpart_combo
            assert check.isChecked()
            # Another counterpart, not in the call: nothing would reach it, so unchecked.
            combo.setCurrentIndex(combo.findText(PALANGKA))
            assert not check.isChecked() and not check.isEnabled()
            assert not dialog.share_requested()
            combo.setCurrentIndex(combo.findText(PEKANBARU))
            assert check.isChecked() and check.isEnabled()  # back in the call: checked again
            check.click()  # the user's own choice: keep it here
            assert not check.isChecked() and not dialog.share_requested()
            dialog.title_edit.setText("Kerja sama kedua")
            _ok(dialog)

        modal_driver.expect(NewAgreementDialog, create_without_sharing)
        second = page_b.new_agreement(counterpart=PEKANBARU)
        assert second is not None and modal_driver.handled == ["NewAgreementDialog"] * 2
        qtbot.wait(1500)  # time for a package to arrive, if one had been sent
        assert ("Kerja sama kedua", 0) in _agreements(bandung)  # no round saved, nothing sent
        assert _agreements(pekanbaru) == [("Kerja sama Bandung-Pekanbaru", 1)]
        assert "shared" not in page_b.editor.message_bar.text()
    finally:
        for window in windows:
            window.controller.shutdown()
            window.close()
        hub.stop()
