"""The Sessions page: invitations, hosting with the embedded hub, and two app instances in a call."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from conferencing import stamp
from conferencing.hub.tokens import verify_token
from tests.vicon.conftest import (
    NETNS_ADDR,
    in_netns,
    install_indonesian,
    make_context,
    rerun_in_netns,
)
from ui.sessions.invite import Invite, InviteError, format_invite, parse_invite
from ui.sessions.page import SessionsPage
from ui.vicon.call_events import CallClosed, CallOpened
from ui.vicon.call_window import CallWindow
from ui.vicon.frames import rgb_from_image

BANDUNG = "Pemerintah Kota Bandung"
PEKANBARU = "Pemerintah Kota Pekanbaru"


def test_invitation_text_round_trips_and_bad_text_is_explained() -> None:
    invite = Invite("ws://192.168.1.20:45000/ws", "sesi-20260122-abc", "tok.en", PEKANBARU)
    text = format_invite(invite, BANDUNG)
    assert BANDUNG in text and PEKANBARU in text
    assert parse_invite("Forwarded message:\n\n" + text + "\n-- \nsent from mail") == invite
    hand_written = "Hub: wss://hub.bandung.go.id:8443/ws\nRoom: kb-1\nToken: abc.def\n"
    assert parse_invite(hand_written) == Invite(
        "wss://hub.bandung.go.id:8443/ws", "kb-1", "abc.def"
    )
    with pytest.raises(InviteError, match="missing: token"):
        parse_invite("Hub: ws://10.0.0.1:1/ws\nRoom: kb-1\n")
    with pytest.raises(InviteError, match="ask the host to send it again"):
        parse_invite("Hub: ftp://10.0.0.1/x\nRoom: kb-1\nToken: a.b\n")
    with pytest.raises(InviteError, match="too long"):
        parse_invite("x" * 30_000)


def test_empty_page_explains_how_to_begin_and_hosting_issues_valid_invites(
    qtbot: QtBot, tmp_path: Path, screenshots: Path
) -> None:
    context = make_context(tmp_path / "bandung", "Bandung", "Wali Kota Bandung")
    page = SessionsPage(context)
    qtbot.addWidget(page)
    page.resize(1000, 620)
    page.show()
    assert "Start a session" in page.hint.text()
    panel = page.host_panel
    assert panel.start_session_button.isVisible() and panel.invite_office_button.isVisible()
    assert not panel.details.isVisible()  # room, address and hand-made invites stay folded
    assert page.grab().save(str(screenshots / "sessions_page_en.png"))

    panel.bind_host = "127.0.0.1"  # outside a namespace: listen on loopback only
    try:
        # "Invite an office…" starts the session's hub if needed and shows one dialog.
        panel.address_combo.setCurrentText("10.1.2.3")
        dialog = panel.open_invite_dialog()
        assert dialog is not None and panel.hosting
        assert "session is open" in page.hint.text().lower()
        # A private address is explained (other cities need a shared network) ...
        assert "VPN" in panel.address_label.text() and "10.1.2.3" in panel.address_label.text()
        dialog.office_combo.setCurrentText(PEKANBARU)
        text = dialog.text.toPlainText()
        invite = parse_invite(text)
        assert invite.hub_url.startswith("wss://10.1.2.3:")  # TLS, pinned (see invite.py)
        assert invite.hub_url.endswith(f"#sha256={panel.hub.pin}")
        assert invite.office == PEKANBARU
        claims = verify_token(panel.hub.secret, invite.token, invite.room)
        assert claims.office == PEKANBARU
        # ... the .ics carries the same invitation, which Join reads back from it.
        ics = tmp_path / "undangan"
        assert dialog.save_ics(ics)
        import icalendar

        event = next(
            iter(icalendar.Calendar.from_ical(ics.with_suffix(".ics").read_bytes()).walk("VEVENT"))
        )
        assert parse_invite(str(event["description"])).token == invite.token
        dialog.copy()
        assert QGuiApplication.clipboard().text() == text
        assert dialog.grab().save(str(screenshots / "sessions_invite_dialog_en.png"))
        # ... and a public address needs no explanation.
        panel.address_combo.setCurrentText("36.89.10.20")
        assert panel.address_note() == "" and not panel.address_label.isVisible()
        panel.address_combo.setCurrentText("10.1.2.3")
        dialog.accept()
        panel.guest_combo.setCurrentText(PEKANBARU)
        text = panel.create_invitation()
        page.host_panel.copy_invitation()
        assert QGuiApplication.clipboard().text() == text
        assert page.grab().save(str(screenshots / "sessions_page_hosting_en.png"))
        # A bad room name is refused with the hub's reason, nothing is issued.
        page.host_panel.stop_hosting()
        page.host_panel.room_edit.setText("room with spaces")
        assert page.host_panel.start_hosting()
        assert page.host_panel.create_invitation() == ""
        assert "room names" in page.host_panel.status_label.text()
    finally:
        page.shutdown()
        context.database.dispose()


def test_indonesian_sessions_page(qtbot: QtBot, tmp_path: Path, screenshots: Path) -> None:
    from PySide6.QtCore import QCoreApplication

    translator = install_indonesian(tmp_path)
    context = make_context(tmp_path / "bandung", "Bandung", "Wali Kota Bandung")
    try:
        page = SessionsPage(context)
        qtbot.addWidget(page)
        page.resize(1000, 620)
        page.show()
        assert page.host_panel.start_session_button.text() == "Mulai sesi"
        assert "Mulai sesi" in page.hint.text()
        page.join_panel.invite_edit.setPlainText("sampai jumpa jam 10")
        page.join_panel.join()
        assert "bukan undangan Lintas" in page.join_panel.error_label.text()
        assert page.grab().save(str(screenshots / "sessions_page_id.png"))
    finally:
        QCoreApplication.removeTranslator(translator)
        context.database.dispose()


def test_pasting_garbage_into_join_shows_the_reason_and_keeps_the_text(
    qtbot: QtBot, tmp_path: Path
) -> None:
    context = make_context(tmp_path / "pekanbaru", "Pekanbaru", "Wali Kota Pekanbaru")
    page = SessionsPage(context)
    qtbot.addWidget(page)
    page.join_panel.invite_edit.setPlainText("see you at 10")
    assert page.join_panel.join() is None
    assert "not a complete" in page.join_panel.error_label.text()
    assert page.join_panel.invite_edit.toPlainText() == "see you at 10"
    assert page.calls == []
    context.database.dispose()


@pytest.mark.netns
def test_two_app_instances_host_and_join_a_session(
    qtbot: QtBot, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    if not in_netns():
        rerun_in_netns(request.node.nodeid)
        return
    bandung_ctx = make_context(tmp_path / "bandung", "Bandung", "Wali Kota Bandung")
    pekanbaru_ctx = make_context(tmp_path / "pekanbaru", "Pekanbaru", "Wali Kota Pekanbaru")
    host = SessionsPage(bandung_ctx)
    guest = SessionsPage(pekanbaru_ctx)
    for page in (host, guest):
        qtbot.addWidget(page)
        page.show()
        # No camera or microphone in the namespace: the test pattern and tone, chosen (the
        # device check before joining is tested in tests/vicon/test_device_check*.py).
        page.synthetic = True
    host.host_panel.bind_host = NETNS_ADDR
    opened: list[CallOpened] = []
    closed: list[CallClosed] = []
    guest_ctx_events = pekanbaru_ctx.bridge
    guest_ctx_events.subscribe(CallOpened, opened.append)
    guest_ctx_events.subscribe(CallClosed, closed.append)
    try:
        # Bandung hosts and invites Pekanbaru; the invite travels by clipboard.
        assert host.host_panel.start_hosting()
        host.host_panel.address_combo.setCurrentText(NETNS_ADDR)
        host.host_panel.guest_combo.setCurrentText(PEKANBARU)
        host.host_panel.create_invitation()
        host.host_panel.copy_invitation()
        host.host_panel.join_button.click()
        guest.join_panel.invite_edit.setPlainText(QGuiApplication.clipboard().text())
        guest.join_panel.join_button.click()
        host.host_panel.join_button.click()  # a second click raises the open call
        assert len(host.calls) == 1 and len(guest.calls) == 1
        host_call, guest_call = host.calls[0], guest.calls[0]

        def sees(window: CallWindow, office: str) -> bool:
            tiles = [t for pid, t in window.tiles.items() if pid and t.image is not None]
            if not tiles:
                return False
            read = stamp.read_rgb(rgb_from_image(tiles[0].image))
            return read is not None and read.tag == stamp.office_tag(office)

        qtbot.waitUntil(lambda: sees(host_call, PEKANBARU), timeout=20000)
        qtbot.waitUntil(lambda: sees(guest_call, BANDUNG), timeout=20000)
        assert host_call.participants.offices() == [PEKANBARU]
        # Both hear each other: the mixer wired by the launcher receives remote PCM.
        qtbot.waitUntil(lambda: guest_call.mixer.bytes_received > 9600, timeout=10000)
        assert "call is open" in host.hint.text()

        # Another area (signing ceremony, co-review) finds the call through the bridge and
        # exchanges typed app messages over it.
        qtbot.waitUntil(lambda: len(opened) == 1)
        guest_controller = opened[0].controller
        assert guest_controller is guest.current_controller()
        assert opened[0].window is guest_call
        review = QLabel("Pasal 3")
        index = guest_call.add_side_panel("Review", review)
        assert guest_call.side_tabs.tabText(index) == "Review"
        received: list[tuple[str, str, object]] = []
        host_call.controller.sig_app_message.connect(
            lambda _pid, office, kind, payload: received.append((office, kind, payload))
        )
        guest_controller.send_message("review.comment", {"pasal": 3, "text": "Setuju"})
        qtbot.waitUntil(lambda: len(received) == 1, timeout=10000)
        assert received[0] == (PEKANBARU, "review.comment", {"pasal": 3, "text": "Setuju"})

        guest_call.close()
        qtbot.waitUntil(lambda: host_call.participants.offices() == [], timeout=15000)
        assert guest.calls == []
        qtbot.waitUntil(lambda: [e.controller for e in closed] == [guest_controller])
    finally:
        for page in (host, guest):
            page.shutdown()
        QApplication.processEvents()
        bandung_ctx.database.dispose()
        pekanbaru_ctx.database.dispose()
