"""Trusting an office in a call is the head's (or a reviewer's) act, asked for when it is done.

After set-up the drafter acts (least privilege). The call's trust bar then asks the head of
region's password beside "Trust this office": a wrong one trusts nothing and pauses the next try
(the same per-user throttle as "Acting as"); the right one trusts the office in the head's name
while the drafter goes on acting. A reviewer who acts is not asked. Real offices, real engines,
the real embedded hub, in a private network namespace.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from mou import models
from mou.office import Role, set_user_secret
from tests.agreements_ui.conftest import PASSWORD, act_as, user
from tests.journey.actions import Actions
from tests.journey.test_trust_exchange_bounds import _office
from tests.vicon.conftest import NETNS_ADDR, in_netns, rerun_in_netns

pytestmark = pytest.mark.netns

HEAD_PASSWORD = "Sandi-Kepala-2026!"


def _trusted(ctx) -> list[str]:
    with ctx.database.session() as s:
        return [c.office.display_name for c in s.query(models.TrustedCertificate).all()]


def test_a_drafter_trusts_in_the_call_only_with_the_heads_password(
    qtbot: QtBot, tmp_path: Path, request: pytest.FixtureRequest, screenshots: Path
) -> None:
    if not in_netns():
        rerun_in_netns(request.node.nodeid)
        return
    from conferencing.hub.embedded import EmbeddedHub
    from ui.sessions.call_launcher import open_call
    from ui.sessions.invite import Invite
    from ui.vicon.identity_bar import counterpart_trust
    from ui.vicon.trust_exchange import attach_trust_exchange

    bandung = _office(tmp_path / "bandung", "Bandung")
    pekanbaru = _office(tmp_path / "pekanbaru", "Pekanbaru")
    with bandung.database.session() as s:
        set_user_secret(s, user(bandung, Role.SIGNATORY).id, HEAD_PASSWORD)
    act_as(bandung, Role.DRAFTER)  # as after the wizard
    act_as(pekanbaru, Role.REVIEWER)  # a reviewer may trust: nothing more is asked
    hub = EmbeddedHub()
    hub.start(host=NETNS_ADDR)
    room = "kb-bandung-pekanbaru"
    windows, exchanges = [], []
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
            window.resize(1366, 768)
            exchanges.append(attach_trust_exchange(ctx, window))
            assert window.identity_bar.unlock(PASSWORD)
            windows.append(window)
        qtbot.waitUntil(
            lambda: all(ex.current_offer() and ex.current_offer()[1] for ex in exchanges),
            timeout=60000,
        )
        at_bandung, at_pekanbaru = exchanges
        bar = at_bandung.bar
        assert bar.secret.isVisible() and "Muhammad Farhan" in bar.secret.placeholderText()
        assert "Muhammad Farhan" in bar.label.text()
        assert not bar.trust_button.isEnabled()  # nothing to trust with before a password
        assert not at_pekanbaru.bar.secret.isVisible()  # the reviewer is not asked

        actions = Actions(qtbot, tmp_path)
        actions.begin("trust")
        # The drafter's own PIN is not the head's password: nothing is trusted, a pause follows.
        actions.type(bar.secret, "not-the-heads")
        actions.click(bar.trust_button)
        assert bar.error.isVisible() and "not the right password or PIN" in bar.error.text()
        assert _trusted(bandung) == [] and bar.secret.text() == ""
        actions.type(bar.secret, HEAD_PASSWORD)
        actions.click(bar.trust_button)  # still in the pause: refused without checking
        assert _trusted(bandung) == [] and "Try again in" in bar.error.text()
        qtbot.wait(1300)
        actions.click(bar.trust_button)
        assert _trusted(bandung) == ["Pemerintah Kota Pekanbaru"]
        assert not bar.secret.isVisible() and not bar.error.isVisible()
        # In the head's name, for this act only: the drafter goes on acting.
        assert bandung.current_user.role == Role.DRAFTER.value
        with bandung.database.session() as s:
            entry = s.query(models.AuditEvent).filter_by(action="certificate_trusted").one()
            assert (entry.actor_name, entry.actor_role) == ("Muhammad Farhan", "signatory")
        actions.click(at_pekanbaru.bar.trust_button)
        assert _trusted(pekanbaru) == ["Pemerintah Kota Bandung"]
        qtbot.waitUntil(
            lambda: all(w.controller.all_verified() for w in windows), timeout=30000
        )
        # The next step is offered to the drafter only (Pekanbaru's reviewer cannot draft).
        start = at_bandung.bar.agreement_button
        qtbot.waitUntil(start.isVisible, timeout=5000)
        assert start.text() == "Start an agreement with Pemerintah Kota Pekanbaru…"
        assert at_pekanbaru.bar.agreement_button.isHidden()
        assert windows[0].grab().save(str(screenshots / "journey_trust_head_password.png"))
    finally:
        for window in windows:
            window.controller.shutdown()
            window.close()
        hub.stop()
