"""A scheduled session's invitation lasts for that session plus the margin, not a fixed time.

Real Sessions page over a real SQLite database, a real embedded hub, and a real client joining
with the token; an invitation past its end is refused by the hub and worded for the user.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from conferencing.hub.tokens import SESSION_MARGIN_S, issue_token, session_ttl, verify_token
from conferencing.signaling import HubClient, JoinRefused
from mou.meeting import IndonesianTimeZone
from tests.vicon.conftest import install_indonesian, make_context
from ui.sessions.invite import parse_invite
from ui.sessions.page import SessionsPage
from ui.sessions.schedule_dialog import ScheduleRequest
from ui.vicon.messages import hub_message_text

PEKANBARU = "Pemerintah Kota Pekanbaru"
WIB = dt.timezone(dt.timedelta(hours=7))


def _schedule(page: SessionsPage, starts_at_wib: dt.datetime, minutes: int) -> None:
    page.schedule_panel.schedule(
        ScheduleRequest("Rapat Kesepakatan Bersama", starts_at_wib.replace(tzinfo=None),
                        IndonesianTimeZone.WIB, minutes, [PEKANBARU], "")  # fmt: skip
    )
    page.schedule_panel.refresh()


def _host_first(page: SessionsPage) -> tuple[Any, float]:
    """Press 'Host this session' on the first scheduled one; (the invitation, when issued)."""
    page.schedule_panel.list.setCurrentRow(0)
    issued_at = time.time()
    page.schedule_panel.host_button.click()
    assert page.host_panel.hosting
    return parse_invite(page.host_panel.invite_text.toPlainText()), issued_at


def test_a_3_hour_session_gives_an_invitation_for_3_hours_plus_the_margin(
    qtbot: QtBot, tmp_path: Path
) -> None:
    context = make_context(tmp_path / "bandung", "Bandung", "Wali Kota Bandung")
    page = SessionsPage(context)
    qtbot.addWidget(page)
    page.host_panel.bind_host = "127.0.0.1"
    try:
        now_wib = dt.datetime.now(WIB).replace(second=0, microsecond=0)
        _schedule(page, now_wib, 180)  # starts now, three hours
        invite, issued_at = _host_first(page)
        assert page.host_panel.hub is not None
        claims = verify_token(page.host_panel.hub.secret, invite.token, invite.room)
        lasts = claims.expires_at - issued_at
        assert abs(lasts - (3 * 3600 + SESSION_MARGIN_S)) < 90, lasts  # not the spin's default
        assert page.host_panel.ttl_spin.value() == 3  # and the panel shows that length
    finally:
        page.shutdown()
        context.database.dispose()


def test_a_session_tomorrow_is_covered_from_now_until_its_end_plus_the_margin(
    qtbot: QtBot, tmp_path: Path
) -> None:
    context = make_context(tmp_path / "bandung", "Bandung", "Wali Kota Bandung")
    page = SessionsPage(context)
    qtbot.addWidget(page)
    page.host_panel.bind_host = "127.0.0.1"
    try:
        start = (dt.datetime.now(WIB) + dt.timedelta(days=1)).replace(
            hour=9, minute=0, second=0, microsecond=0
        )
        _schedule(page, start, 90)
        invite, _ = _host_first(page)
        assert page.host_panel.hub is not None
        claims = verify_token(page.host_panel.hub.secret, invite.token, invite.room)
        end = start.timestamp() + 90 * 60
        assert abs(claims.expires_at - (end + SESSION_MARGIN_S)) < 5
        assert page.host_panel.ttl_spin.value() == 2  # 90 min shown rounded up
        # A length the host types by hand wins over the schedule.
        page.host_panel.ttl_spin.setValue(5)
        assert abs(page.host_panel.invitation_ttl_s() - (5 * 3600 + SESSION_MARGIN_S)) < 5
    finally:
        page.shutdown()
        context.database.dispose()


def test_session_ttl_counts_from_the_later_of_now_and_the_start() -> None:
    now = 1_800_000_000.0
    assert session_ttl(3 * 3600, now=now) == 3 * 3600 + SESSION_MARGIN_S
    assert session_ttl(3600, starts_at=now + 600, now=now) == 600 + 3600 + SESSION_MARGIN_S
    assert session_ttl(3600, starts_at=now - 600, now=now) == 3600 + SESSION_MARGIN_S


async def _join_refusal(url: str, room: str, token: str) -> str:
    async def ignore(*_: Any) -> None:
        return None

    client = HubClient(url, room, token, "peer-late", on_message=ignore, on_link=ignore)
    try:
        await client.start()
        raise AssertionError("an expired invitation was admitted")
    except JoinRefused as exc:
        return hub_message_text(exc.message)
    finally:
        await client.close(leave=False)


def test_an_expired_invitation_is_refused_with_a_sentence(qtbot: QtBot, tmp_path: Path) -> None:
    context = make_context(tmp_path / "bandung", "Bandung", "Wali Kota Bandung")
    page = SessionsPage(context)
    qtbot.addWidget(page)
    page.host_panel.bind_host = "127.0.0.1"
    try:
        assert page.host_panel.start_hosting()
        page.host_panel.address_combo.setCurrentText("127.0.0.1")
        hub = page.host_panel.hub
        assert hub is not None
        room = page.host_panel.room_edit.text()
        # Issued for a one-hour session that ended three hours ago (margin included).
        issued = time.time() - 3 * 3600 - 3600 - SESSION_MARGIN_S
        token = issue_token(hub.secret, room, PEKANBARU, session_ttl(3600, now=issued),
                            now=issued)  # fmt: skip
        url = page.host_panel.invite_for(PEKANBARU).hub_url
        english = asyncio.run(_join_refusal(url, room, token))
        assert english.startswith("The invitation has expired; ask the host for a new one")
        assert "token" not in english and "UTC" not in english and "://" not in english
        translator = install_indonesian(tmp_path)
        try:
            indonesian = asyncio.run(_join_refusal(url, room, token))
        finally:
            QCoreApplication.removeTranslator(translator)
        assert indonesian.startswith(
            "Undangan sudah kedaluwarsa; mintalah undangan baru kepada penyelenggara"
        ), indonesian
    finally:
        page.shutdown()
        context.database.dispose()
