"""Trust made in a call is withdrawn when that call turns out to be intercepted.

Two real offices that never met (own databases, identities, endorsed office cards) join a call
through the malicious hub of ``tests/conferencing/middle_hub.py``, which terminates DTLS on both
sides and relays media and the data channel. Their cards arrive, each side is offered "Trust
this office" with a code, and the people (carelessly) trust although their codes differ. Once
the trusted certificates sign the call again, each side's fingerprint check turns red; the trust
made in the call must then be withdrawn (database and engine) and the user told what to do.
"""

from __future__ import annotations

import asyncio
import re
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from conferencing.hub.tokens import issue_token, new_secret
from mou import models
from mou.office import Role
from tests.agreements_ui.conftest import PASSWORD, act_as
from tests.journey.test_trust_exchange_bounds import _office
from tests.vicon.conftest import NETNS_ADDR, in_netns, rerun_in_netns

pytestmark = pytest.mark.netns


class _HubThread:
    """The middle hub on its own asyncio loop thread (as the embedded hub runs the real one)."""

    def __init__(self, *, drop_identity: bool = False) -> None:
        from tests.conferencing.middle_hub import MiddleHub

        self.secret = new_secret()
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.hub = MiddleHub(NETNS_ADDR, 0, self.secret, drop_identity=drop_identity)
        asyncio.run_coroutine_threadsafe(self.hub.start(), self.loop).result(10)

    def stop(self) -> None:
        asyncio.run_coroutine_threadsafe(self.hub.stop(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)


def test_trust_made_in_an_intercepted_call_is_withdrawn_and_the_user_told(
    qtbot: QtBot, tmp_path: Path, request: pytest.FixtureRequest, screenshots: Path
) -> None:
    if not in_netns():
        rerun_in_netns(request.node.nodeid)
        return
    from ui.sessions.call_launcher import open_call
    from ui.sessions.invite import Invite
    from ui.vicon.identity_bar import counterpart_trust
    from ui.vicon.trust_exchange import attach_trust_exchange

    offices = [_office(tmp_path / "bandung", "Bandung"), _office(tmp_path / "pku", "Pekanbaru")]
    hub = _HubThread()
    room = "kb-bandung-pekanbaru"
    windows, exchanges = [], []
    try:
        for ctx in offices:
            act_as(ctx, Role.REVIEWER)  # a reviewer may trust an office
            name = ctx.office.display_name
            invite = Invite(hub.hub.url, room, issue_token(hub.secret, room, name, 600))
            window = open_call(
                name,
                invite,
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
        offers = [ex.current_offer() for ex in exchanges]
        # Through the hub in the middle the two people read different codes (digits and words).
        assert offers[0][1] != offers[1][1]
        digits = [o[1].split(" · ")[0] for o in offers]
        words = [o[1].split(" · ")[1] for o in offers]
        assert digits[0] != digits[1] and words[0] != words[1]
        # ...and trust anyway: the certificates are stored and pinned for this call.
        for ex in exchanges:
            qtbot.mouseClick(ex.bar.trust_button, Qt.MouseButton.LeftButton)
        for ctx in offices:
            with ctx.database.session() as s:
                assert s.query(models.TrustedCertificate).count() == 1
        # The now pinned offices sign their bindings again: over the hub's DTLS they do not
        # match, the tile turns red, and the trust made in this call is taken back.
        qtbot.waitUntil(lambda: all(len(ex.withdrawn) == 1 for ex in exchanges), timeout=60000)
        for ctx, ex, window, other in zip(
            offices, exchanges, windows, reversed(offices), strict=True
        ):
            with ctx.database.session() as s:
                assert s.query(models.TrustedCertificate).count() == 0
                assert s.query(models.TrustedExchangeKey).count() == 0
            assert list(ex.withdrawn.values()) == [other.office.display_name]
            assert ex.trusted_here == {}
            engine = window.controller.engine
            qtbot.waitUntil(lambda e=engine: len(e.trusted_offices) == 0, timeout=5000)
            (peer_id,) = window.controller.participants()
            assert (
                window.tiles[peer_id]
                .verification_label()
                .startswith("Not verified: connection intercepted")
            )
            text = ex.bar.label.text()
            assert ex.bar.isVisible() and "was withdrawn" in text and "call again" in text
            assert other.office.display_name in text and not ex.bar.trust_button.isVisible()
            # People's words only: no certificate syntax, address, port or file path.
            assert not re.search(r"CN=|wss?://|:\d{2,5}\b|/tmp/|sqlite", text)
        qtbot.wait(200)  # the bar grows to its new text on the next layout pass
        assert windows[0].grab().save(str(screenshots / "journey_trust_withdrawn.png"))
    finally:
        for window in windows:
            window.controller.shutdown()
            window.close()
        hub.stop()


def test_trust_made_in_a_call_that_never_proves_itself_is_withdrawn_after_the_wait(
    qtbot: QtBot,
    tmp_path: Path,
    request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A hub in the middle that swallows the signed bindings: no red tile, but no proof either."""
    if not in_netns():
        rerun_in_netns(request.node.nodeid)
        return
    import ui.vicon.trust_exchange as trust_exchange
    from ui.sessions.call_launcher import open_call
    from ui.sessions.invite import Invite
    from ui.vicon.identity_bar import counterpart_trust
    from ui.vicon.trust_exchange import attach_trust_exchange

    monkeypatch.setattr(trust_exchange, "PROOF_WAIT_MS", 3000)  # the app waits 20 s
    offices = [_office(tmp_path / "bandung", "Bandung"), _office(tmp_path / "pku", "Pekanbaru")]
    hub = _HubThread(drop_identity=True)
    room = "kb-bandung-pekanbaru"
    windows, exchanges = [], []
    try:
        for ctx in offices:
            act_as(ctx, Role.REVIEWER)
            name = ctx.office.display_name
            invite = Invite(hub.hub.url, room, issue_token(hub.secret, room, name, 600))
            window = open_call(
                name,
                invite,
                synthetic=True,
                identity_path=ctx.identity_path,
                trusted=counterpart_trust(ctx.database),
            )
            qtbot.addWidget(window)
            exchanges.append(attach_trust_exchange(ctx, window))
            assert window.identity_bar.unlock(PASSWORD)
            windows.append(window)
        qtbot.waitUntil(
            lambda: all(ex.current_offer() and ex.current_offer()[1] for ex in exchanges),
            timeout=60000,
        )
        qtbot.mouseClick(exchanges[0].bar.trust_button, Qt.MouseButton.LeftButton)
        with offices[0].database.session() as s:
            assert s.query(models.TrustedCertificate).count() == 1
        qtbot.waitUntil(lambda: len(exchanges[0].withdrawn) == 1, timeout=15000)
        (peer_id,) = windows[0].controller.participants()
        state = windows[0].controller.verification(peer_id)
        assert state is not None and not state.verified and state.status != "mismatch"
        with offices[0].database.session() as s:
            assert s.query(models.TrustedCertificate).count() == 0
        assert "was withdrawn" in exchanges[0].bar.label.text()
    finally:
        for window in windows:
            window.controller.shutdown()
            window.close()
        hub.stop()
