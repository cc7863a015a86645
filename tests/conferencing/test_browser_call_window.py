"""A real Lintas call window with a real browser guest: marked, never verified, no signing.

Bandung's call window (CallController + CallWindow, offscreen) joins the app's embedded hub; a
headless Chromium opens Pekanbaru's guest link. The tile and the participant row say "Guest
(browser), not verified" (and in Indonesian), live review and the signing ceremony refuse with a
sentence naming the guest. Runs in a namespace with a veth pair (Chromium ignores loopback).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from tests.conferencing.browser import (
    HUB_HOST,
    Browser,
    BrowserThread,
    in_veth_netns,
    rerun_in_veth_netns,
)
from tests.vicon.conftest import SCREENSHOTS, install_indonesian

ROOM = "kb-bandung-pekanbaru-guest"
BANDUNG, PEKANBARU = "Pemerintah Kota Bandung", "Pemerintah Kota Pekanbaru"


@pytest.mark.netns
def test_call_window_marks_a_browser_guest_and_refuses_review_and_signing(
    qtbot: QtBot, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    if not in_veth_netns():
        rerun_in_veth_netns(request.node.nodeid)
        return
    from conferencing.hub.embedded import EmbeddedHub, office_certificate
    from conferencing.media import SyntheticAudioSource, SyntheticVideoSource
    from ui.ceremony.session import CeremonySession
    from ui.vicon.call_window import CallWindow
    from ui.vicon.controller import CallController
    from ui.vicon.verification import unverified_refusal

    screenshots = SCREENSHOTS
    screenshots.mkdir(exist_ok=True)

    cert_dir = Path(tempfile.mkdtemp(prefix="lintas-guest-hub-", dir=tmp_path))
    cert_pem, _ = office_certificate(cert_dir)
    hub = EmbeddedHub(cert_dir=cert_dir)
    url = hub.start(HUB_HOST, 0)
    controller = CallController(
        BANDUNG,
        video_source=SyntheticVideoSource(BANDUNG, 320, 240, 15),
        audio_source=SyntheticAudioSource(),
    )
    window = CallWindow(controller, title=ROOM)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    browser = BrowserThread(
        Browser(hub.guest_link(hub.invite(ROOM, PEKANBARU, 600)), cert_pem=cert_pem)
    )
    translator = None
    try:
        controller.join(url, ROOM, hub.invite(ROOM, BANDUNG, 600)).result(30)
        browser.run(browser.browser.start())
        browser.run(browser.browser.wait_for("window.lintasGuestApi !== undefined"))
        browser.run(browser.browser.evaluate("window.lintasGuestApi.join(), true"))
        qtbot.waitUntil(lambda: any(window.tiles), timeout=30000)  # "" is our own tile
        ((peer, tile),) = [(p, t) for p, t in window.tiles.items() if p]
        assert controller.is_guest(peer) and controller.guest_offices() == [PEKANBARU]
        qtbot.waitUntil(lambda: tile.frames_shown >= 10, timeout=30000)
        qtbot.waitUntil(lambda: tile.verification is not None, timeout=15000)
        # After the 6 s in which an office would have proven itself: still a guest.
        qtbot.wait(6500)
        assert tile.verification_label() == "Guest (browser), not verified"
        assert tile.toolTip() == "Guest (browser), not verified"
        assert window.participants.verification_line(peer) == "Guest (browser), not verified"
        row = [window.participants.item(i).text() for i in range(window.participants.count())]
        assert any(PEKANBARU in r and "Guest (browser), not verified" in r for r in row), row
        state = controller.verification(peer)
        assert state is not None and not state.verified and not controller.all_verified()
        transcript = window.chat.transcript.toPlainText()
        assert f"{PEKANBARU} joined from a browser as a guest (not verified)" in transcript
        # The badge is painted brown (not verified), not green.
        badge = tile.grab().toImage().pixelColor(10, 10)
        assert badge.red() > badge.green() and badge.green() < 100
        # Live review and the signing ceremony refuse, naming the guest, in words for people.
        review = unverified_refusal(controller, "review")
        assert review is not None and review.startswith(
            f"Live review cannot run while a browser guest is in the call ({PEKANBARU})"
        )
        session = CeremonySession(
            controller,
            data_dir=tmp_path,
            identity_path=tmp_path / "office.p12",
            trusted=[],
            document_provider=None,
        )
        ceremony = session.refusal()
        assert ceremony is not None and ceremony.startswith(
            "The signing ceremony cannot run while a browser guest is in the call"
        )
        assert "joins from the Lintas app" in ceremony
        assert window.grab().save(str(screenshots / "browser_guest_call_window.png"))

        # In Indonesian: a second window on the same call, built with the translation loaded.
        translator = install_indonesian(tmp_path)
        window_id = CallWindow(controller, title=ROOM)
        qtbot.addWidget(window_id)
        window_id.resize(1366, 768)
        window_id.show()
        window_id._on_joined(peer, PEKANBARU)  # what the controller's signal does on joining
        tile_id = window_id.tiles[peer]
        qtbot.waitUntil(lambda: tile_id.frames_shown >= 5, timeout=15000)
        assert tile_id.verification_label() == "Tamu (peramban), tidak terverifikasi"
        line = window_id.participants.verification_line(peer)
        assert line == "Tamu (peramban), tidak terverifikasi"
        notice = f"{PEKANBARU} bergabung dari peramban sebagai tamu (tidak terverifikasi)"
        assert notice in window_id.chat.transcript.toPlainText()
        review_id = unverified_refusal(controller, "review") or ""
        assert review_id.startswith("Tinjauan langsung tidak dapat berjalan selama ada tamu")
        assert PEKANBARU in review_id
        assert window_id.grab().save(str(screenshots / "browser_guest_call_window_id.png"))
        window_id.close()
    finally:
        if translator is not None:
            QCoreApplication.removeTranslator(translator)
        browser.close()
        window.close()
        controller.shutdown()
        hub.stop()
