"""Scheduling sessions from the Sessions page: time zones, the list, .ics export, hosting one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from conferencing.hub.tokens import verify_token
from mou import meeting as meetings
from mou import models
from tests.vicon.conftest import install_indonesian, make_context
from ui.datestyle import short_date
from ui.sessions.invite import parse_invite
from ui.sessions.page import SessionsPage
from ui.sessions.schedule_dialog import ScheduleDialog

PEKANBARU = "Pemerintah Kota Pekanbaru"
MAKASSAR = "Pemerintah Kota Makassar"


def _fill(dialog: ScheduleDialog, title: str, day: dt.date, zone: str, office: str) -> None:
    dialog.title_edit.setText(title)
    dialog.date_edit.setDate(QDate(day.year, day.month, day.day))
    dialog.time_edit.setTime(QTime(9, 0))
    dialog.zone_combo.setCurrentIndex(dialog.zone_combo.findData(zone))
    dialog.office_combo.setCurrentText(office)


def test_dialog_reads_time_in_the_chosen_zone_and_shows_the_others(
    qtbot: QtBot, screenshots: Path
) -> None:
    dialog = ScheduleDialog([PEKANBARU], now=dt.datetime(2026, 7, 26, 8, 0))
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # no title yet
    _fill(dialog, "Vicon Bandung–Makassar", dt.date(2026, 7, 27), "WITA", MAKASSAR)
    assert ok.isEnabled()
    request = dialog.request()
    assert request.starts_at == dt.datetime(2026, 7, 27, 9, 0)
    assert request.time_zone is meetings.IndonesianTimeZone.WITA
    assert request.offices == [MAKASSAR]
    assert "08:00 WIB" in dialog.zone_hint.text() and "10:00 WIT" in dialog.zone_hint.text()
    dialog.show()
    assert dialog.grab().save(str(screenshots / "schedule_dialog_en.png"))


def test_scheduled_session_is_listed_exported_and_hosted(
    qtbot: QtBot, tmp_path: Path, screenshots: Path
) -> None:
    context = make_context(tmp_path / "bandung", "Bandung", "Wali Kota Bandung")
    page = SessionsPage(context)
    qtbot.addWidget(page)
    page.resize(1100, 680)
    page.show()
    panel = page.schedule_panel
    assert panel.list.count() == 0 and panel.empty_label.isVisible()
    tomorrow = (dt.datetime.now() + dt.timedelta(days=1)).date()
    dialog = ScheduleDialog([PEKANBARU])
    _fill(dialog, "Penandatanganan Kesepakatan Bersama", tomorrow, "WIB", PEKANBARU)
    meeting_id = panel.schedule(dialog.request())
    page.host_panel.bind_host = "127.0.0.1"
    try:
        assert panel.list.count() == 1
        # One date style on screens (ui.datestyle): "6 Dec 2026 09:00 WIB", never "06/12/2026".
        assert f"{short_date(tomorrow)} 09:00 WIB" in panel.list.item(0).text()
        assert PEKANBARU in panel.list.item(0).text()
        assert "10:00 WITA" in panel.list.item(0).toolTip()
        with context.database.session() as session:
            stored = session.get(models.Meeting, meeting_id)
            assert stored is not None
            assert stored.starts_at == dt.datetime.combine(
                tomorrow, dt.time(2, 0), tzinfo=dt.UTC
            )  # 09:00 WIB is 02:00 UTC
            room = stored.room
        assert page.grab().save(str(screenshots / "sessions_page_scheduled_en.png"))

        ics = panel.export_ics(tmp_path / "sesi.ics", [meeting_id])
        event = next(iter(icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT")))
        start = event.decoded("dtstart")
        assert start.hour == 9 and start.utcoffset() == dt.timedelta(hours=7)
        assert str(event.get("summary")) == "Penandatanganan Kesepakatan Bersama"
        assert room in str(event.get("location"))

        # "Host this session" uses the scheduled room and invites the scheduled office.
        panel.list.setCurrentRow(0)
        panel.host_button.click()
        assert page.host_panel.hosting
        invite = parse_invite(page.host_panel.invite_text.toPlainText())
        assert invite.room == room and invite.office == PEKANBARU
        assert verify_token(page.host_panel.hub.secret, invite.token, room).office == PEKANBARU
    finally:
        page.shutdown()
        context.database.dispose()


def test_indonesian_schedule_dialog(qtbot: QtBot, tmp_path: Path, screenshots: Path) -> None:
    from PySide6.QtCore import QCoreApplication

    translator = install_indonesian(tmp_path)
    try:
        dialog = ScheduleDialog([PEKANBARU], now=dt.datetime(2026, 7, 26, 8, 0))
        qtbot.addWidget(dialog)
        _fill(dialog, "Vicon Bandung–Makassar", dt.date(2026, 7, 27), "WITA", MAKASSAR)
        assert dialog.windowTitle() == "Jadwalkan sesi"
        assert "WITA — Indonesia Tengah" in dialog.zone_combo.currentText()
        dialog.show()
        assert dialog.grab().save(str(screenshots / "schedule_dialog_id.png"))
    finally:
        QCoreApplication.removeTranslator(translator)


def test_sessions_scheduled_elsewhere_appear_without_reopening_the_page(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from mou import events
    from mou.office import system_actor

    context = make_context(tmp_path / "bandung", "Bandung", "Wali Kota Bandung")
    context.bridge.listen_to(events.subscribe)  # what ui.app does at start
    page = SessionsPage(context)
    qtbot.addWidget(page)
    try:
        assert page.schedule_panel.list.count() == 0
        with context.database.session() as session:  # e.g. from the agreement's page
            office = session.get(models.Office, context.office.id)
            meetings.create_meeting(
                session,
                system_actor(office),
                title="Rapat persiapan",
                starts_at=dt.datetime.now() + dt.timedelta(days=2),
                time_zone=meetings.IndonesianTimeZone.WIT,
                participants=[meetings.Participant("", PEKANBARU)],
            )
        qtbot.waitUntil(lambda: page.schedule_panel.list.count() == 1, timeout=5000)
        assert "WIT" in page.schedule_panel.list.item(0).text()
        # A deleted page no longer receives events (the bridge outlives it).
        before = len(context.bridge._subscribers)
        page.schedule_panel.deleteLater()
        qtbot.waitUntil(lambda: len(context.bridge._subscribers) == before - 1, timeout=3000)
    finally:
        context.bridge.detach_all()
        page.shutdown()
        context.database.dispose()
