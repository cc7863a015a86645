"""The host panel's invitations: pinned wss:// address, session-bound lifetime, withdrawal.

A real embedded hub, a real client joining with the pasted invitation (checking the pin, not a
CA), and the real "Withdraw invitation" button removing it from the room.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from conferencing import protocol as p
from conferencing.hub.tokens import verify_token
from conferencing.signaling import HubClient, JoinRefused
from tests.conferencing.hubclient import RawClient
from tests.vicon.conftest import install_indonesian
from ui.sessions.host_panel import INVITE_MARGIN_S, HostPanel
from ui.sessions.invite import Invite, InviteError, parse_invite
from ui.vicon.messages import hub_message_text

BANDUNG, PEKANBARU = "Pemerintah Kota Bandung", "Pemerintah Kota Pekanbaru"


def _hosting_panel(qtbot: QtBot) -> HostPanel:
    panel = HostPanel(BANDUNG, [PEKANBARU], bind_host="127.0.0.1")
    qtbot.addWidget(panel)
    panel.resize(760, 560)
    panel.show()
    assert panel.start_hosting()
    panel.address_combo.setCurrentText("127.0.0.1")
    panel.guest_combo.setCurrentText(PEKANBARU)
    return panel


def test_invitation_is_pinned_session_bound_and_can_be_withdrawn(
    qtbot: QtBot, screenshots: Path
) -> None:
    panel = _hosting_panel(qtbot)
    try:
        assert not panel.revoke_button.isEnabled()  # nothing issued yet
        panel.ttl_spin.setValue(2)
        issued_at = time.time()
        invite = parse_invite(panel.create_invitation())
        assert panel.hub is not None
        assert invite.hub_url.startswith("wss://127.0.0.1:")
        assert invite.hub_url.endswith(f"#sha256={panel.hub.pin}")
        claims = verify_token(panel.hub.secret, invite.token, invite.room)
        # The session's length plus the margin, not days.
        assert abs(claims.expires_at - (issued_at + 2 * 3600 + INVITE_MARGIN_S)) < 5
        assert panel.ttl_spin.maximum() <= 12
        assert panel.revoke_button.isEnabled()
        assert panel.grab().save(str(screenshots / "host_panel_invitation_en.png"))

        async def guest() -> tuple[dict[str, Any] | None, RawClient]:
            # The guest pins the certificate from the invitation: no CA is involved.
            c = await RawClient.connect(invite.hub_url)
            return await c.join(invite.room, invite.token, "peer-pekanbaru"), c

        loop = asyncio.new_event_loop()
        welcome, client = loop.run_until_complete(guest())
        assert welcome is not None and welcome["type"] == "welcome"
        qtbot.mouseClick(panel.revoke_button, Qt.MouseButton.LeftButton)
        refused = loop.run_until_complete(client.recv_type("error"))
        assert refused["code"] == p.E_TOKEN_REVOKED
        assert loop.run_until_complete(client.recv()) is None
        loop.run_until_complete(client.close())
        assert PEKANBARU in panel.status_label.text() and "withdrawn" in panel.status_label.text()
        assert panel.invite_text.toPlainText() == "" and not panel.revoke_button.isEnabled()
        assert panel.grab().save(str(screenshots / "host_panel_withdrawn_en.png"))

        # A wrong pin (another hub's certificate) is refused by the client before any join.
        wrong = invite.hub_url.rsplit("#sha256=", 1)[0] + "#sha256=" + "00" * 32

        async def impostor() -> None:
            await RawClient.connect(wrong)

        with pytest.raises(aiohttp.ServerFingerprintMismatch):
            loop.run_until_complete(impostor())
        loop.close()
        with pytest.raises(InviteError, match="damaged"):
            parse_invite(f"Hub: {invite.hub_url[:-4]}\nRoom: {invite.room}\nToken: a.b\n")
    finally:
        panel.stop_hosting()


async def _second_device_refusal(invite: Invite) -> str:
    first = await RawClient.connect(invite.hub_url)
    assert (await first.join(invite.room, invite.token, "peer-first"))["type"] == "welcome"  # type: ignore[index]

    async def ignore(*_: Any) -> None:
        return None

    second = HubClient(invite.hub_url, invite.room, invite.token, "peer-second",
                       on_message=ignore, on_link=ignore)  # fmt: skip
    try:
        await second.start()
        raise AssertionError("a second device was admitted")
    except JoinRefused as exc:
        return hub_message_text(exc.message)
    finally:
        await second.close(leave=False)
        await first.close()


def test_a_hub_that_cannot_start_says_so_without_internals(qtbot: QtBot) -> None:
    panel = HostPanel(BANDUNG, [PEKANBARU], bind_host="192.0.2.1")  # not an address of ours
    qtbot.addWidget(panel)
    assert not panel.start_hosting()
    text = panel.status_label.text()
    assert text.startswith("Could not start hosting on this computer")
    assert "192.0.2.1" not in text and "rrno" not in text and not panel.hosting


def test_indonesian_host_panel_with_withdrawal(
    qtbot: QtBot, tmp_path: Path, screenshots: Path
) -> None:
    from PySide6.QtCore import QCoreApplication

    translator = install_indonesian(tmp_path)
    try:
        panel = _hosting_panel(qtbot)
        try:
            invite = parse_invite(panel.create_invitation())
            # A copy of the invitation on a second computer: refused, the office named, in
            # Indonesian (the hub's reason is English; the UI words it from code + params).
            assert asyncio.run(_second_device_refusal(invite)) == (
                "Undangan untuk Pemerintah Kota Pekanbaru sudah dipakai di komputer lain; "
                "mintalah undangan baru kepada tuan rumah"
            )
            assert panel.revoke_button.text() == "Tarik undangan"
            assert panel.revoke_invitation()
            assert "telah ditarik" in panel.status_label.text()
            assert panel.grab().save(str(screenshots / "host_panel_withdrawn_id.png"))
        finally:
            panel.stop_hosting()
    finally:
        QCoreApplication.removeTranslator(translator)
