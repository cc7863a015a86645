"""Agreement packages in a verified call: what is read, what is refused, and replays.

Two real offices that trust each other (own databases, identities, exchange keys) are in a real
call through the real embedded hub inside a private network namespace, both verified. Bandung
shares an agreement; the bounds and refusals are then exercised on Pekanbaru's real receiver
with its real controller and verification state, as the engine delivers app messages.
"""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from mou import models
from mou.exchange import export_package
from mou.office import Actor, Role
from mou.revision import save_revision
from tests.agreements_ui.conftest import (
    PASSWORD,
    act_as,
    agreement_with,
    create_agreement,
    trust_each_other,
)
from tests.journey.test_trust_exchange_bounds import _office
from tests.vicon.conftest import NETNS_ADDR, in_netns, rerun_in_netns
from ui.exchange_keys import office_exchange_key

pytestmark = pytest.mark.netns


def _save_round(ctx, agreement_id: int) -> None:
    with ctx.database.session() as s:
        drafter = s.query(models.LocalUser).filter_by(role=Role.DRAFTER.value).one()
        save_revision(s, s.get(models.Agreement, agreement_id), Actor.of(drafter), "round 1")


def _counts(ctx) -> tuple[int, int, int]:
    with ctx.database.session() as s:
        return (
            s.query(models.Agreement).count(),
            s.query(models.Revision).count(),
            s.query(models.AuditEvent).count(),
        )


def test_packages_in_a_verified_call_are_checked_bounded_and_replays_write_nothing(
    qtbot: QtBot, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    if not in_netns():
        rerun_in_netns(request.node.nodeid)
        return
    from conferencing.hub.embedded import EmbeddedHub
    from ui.agreements.live.call_packages import (
        MAX_PACKAGE_B64,
        PACKAGE_KIND,
        AgreementSharedInCall,
        attach_call_packages,
    )
    from ui.sessions.call_launcher import open_call
    from ui.sessions.invite import Invite
    from ui.vicon.identity_bar import counterpart_trust

    bandung = _office(tmp_path / "bandung", "Bandung")
    pekanbaru = _office(tmp_path / "pekanbaru", "Pekanbaru")
    palangka = _office(tmp_path / "palangka", "Palangka Raya")  # trusted by nobody here
    trust_each_other(bandung, pekanbaru)
    agreement_id = agreement_with(bandung, pekanbaru)
    _save_round(bandung, agreement_id)
    medan_id = create_agreement(bandung, "Medan")  # Pekanbaru is no party to this one
    _save_round(bandung, medan_id)
    stray_id = create_agreement(palangka, "Bandung")  # Palangka Raya's own, signed by its key
    _save_round(palangka, stray_id)
    for ctx in (bandung, pekanbaru):
        act_as(ctx, Role.REVIEWER)
    shared: list[object] = []
    pekanbaru.bridge.subscribe(AgreementSharedInCall, shared.append)
    hub = EmbeddedHub()
    hub.start(host=NETNS_ADDR)
    room = "kb-bandung-pekanbaru"
    windows, packages = [], []
    try:
        for ctx in (bandung, pekanbaru):
            name = ctx.office.display_name
            invite = Invite(hub.url, room, hub.invite(room, name, 600))
            window = open_call(
                name,
                invite,
                synthetic=True,
                identity_path=ctx.identity_path,
                trusted=counterpart_trust(ctx.database),
            )
            qtbot.addWidget(window)
            packages.append(attach_call_packages(ctx, window))
            assert window.identity_bar.unlock(PASSWORD)
            windows.append(window)
        sender, receiver = packages
        qtbot.waitUntil(lambda: sender.ready() and receiver.ready(), timeout=60000)
        (peer_b,) = windows[1].controller.participants()  # Bandung, as Pekanbaru sees it
        deliver = windows[1].controller.sig_app_message.emit
        notices = windows[1].chat.transcript

        # Bandung shares: the package arrives, is verified and imported, and is announced.
        assert sender.send(agreement_id)
        qtbot.waitUntil(lambda: _counts(pekanbaru)[0] == 1, timeout=15000)
        qtbot.waitUntil(lambda: len(shared) == 1, timeout=5000)
        assert "Pemerintah Kota Bandung shared" in notices.toPlainText()
        with pekanbaru.database.session() as s:
            (agreement,) = s.query(models.Agreement).all()
            assert agreement.parties[1].office.is_local

        # An agreement between Bandung and Medan is not sent to Pekanbaru, which is in the
        # call but no party to it; Bandung is told why.
        assert not sender.send(medan_id)
        assert "no office in this call is a party" in windows[0].chat.transcript.toPlainText()
        qtbot.wait(500)
        assert _counts(pekanbaru)[0] == 1

        # A replay of the same package writes nothing, not even an audit row.
        with bandung.database.session() as s:
            data = export_package(
                s,
                s.get(models.Agreement, agreement_id),
                office_exchange_key(bandung.data_dir),
                Actor.of(s.query(models.LocalUser).filter_by(role="reviewer").one()),
            )
        valid = {"package": base64.b64encode(data).decode("ascii")}
        before = _counts(pekanbaru)
        deliver(peer_b, "Pemerintah Kota Bandung", PACKAGE_KIND, valid)
        assert _counts(pekanbaru) == before and len(shared) == 1

        # From a peer whose link is not verified: not even read.
        deliver("peer-unknown", "Pemerintah Kota Bandung", PACKAGE_KIND, valid)
        assert _counts(pekanbaru) == before
        # Junk, wrong shapes and an oversized text are dropped before any parsing.
        text_before = notices.toPlainText()
        for junk in (
            {"package": "not base64 !!"},
            {"package": 42},
            ["package"],
            {"package": "A" * (MAX_PACKAGE_B64 + 4)},
        ):
            deliver(peer_b, "Pemerintah Kota Bandung", PACKAGE_KIND, junk)
        assert _counts(pekanbaru) == before and notices.toPlainText() == text_before

        # A package changed after signing, or signed by an office not trusted here: refused
        # with a sentence in the call, nothing written.
        tampered = bytearray(data)
        tampered[-5] ^= 0x01
        deliver(
            peer_b,
            "Pemerintah Kota Bandung",
            PACKAGE_KIND,
            {"package": base64.b64encode(bytes(tampered)).decode("ascii")},
        )
        with palangka.database.session() as s:
            stray = export_package(
                s,
                s.get(models.Agreement, stray_id),
                office_exchange_key(palangka.data_dir),
                Actor.of(s.query(models.LocalUser).filter_by(role="reviewer").one()),
            )
        deliver(
            peer_b,
            "Pemerintah Kota Bandung",
            PACKAGE_KIND,
            {"package": base64.b64encode(stray).decode("ascii")},
        )
        assert _counts(pekanbaru) == before and len(shared) == 1
        refusals = notices.toPlainText().count("but nothing was imported")
        assert refusals == 2, notices.toPlainText()
        assert "Traceback" not in notices.toPlainText() and "/tmp/" not in notices.toPlainText()
    finally:
        for window in windows:
            window.controller.shutdown()
            window.close()
        hub.stop()
