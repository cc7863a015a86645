"""Scheduled sessions across time zones, .ics export, and the Home summary."""

from __future__ import annotations

import datetime as dt

import icalendar

from mou.agreement import AgreementKind, AgreementStatus, PartyInput, create_agreement
from mou.clause import add_clause
from mou.dashboard import home_summary
from mou.meeting import (
    IndonesianTimeZone,
    Participant,
    cancel_meeting,
    create_meeting,
    start_label,
    to_ics,
    upcoming_meetings,
)
from mou.obligation import add_obligation
from mou.office import Role, counterpart_office, local_office
from mou.revision import save_revision
from mou.workflow import transition
from tests.mou.conftest import BANDUNG, make_city

S = AgreementStatus
NOW = dt.datetime(2026, 11, 22, 3, 0, tzinfo=dt.UTC)  # 10:00 WIB


def test_meeting_time_zones_and_ics(database) -> None:
    city = make_city(database, BANDUNG)
    with database.session() as s:
        m = create_meeting(s, city.drafter, title="Pembahasan KB Bandung–Makassar",
                           starts_at=dt.datetime(2026, 11, 24, 9, 0), time_zone=IndonesianTimeZone.WIB,
                           duration_minutes=90, room="kb-makassar",
                           participants=[Participant("Asep", "Pemerintah Kota Bandung", "asep@bandung.go.id"),
                                         Participant("Daeng", "Pemerintah Kota Makassar")])  # fmt: skip
        create_meeting(s, city.drafter, title="Sudah lewat", starts_at=NOW - dt.timedelta(days=2))
        assert m.starts_at == dt.datetime(2026, 11, 24, 2, 0, tzinfo=dt.UTC)
        assert start_label(m) == "24/11/2026 09:00 WIB"
        assert start_label(m, IndonesianTimeZone.WITA) == "24/11/2026 10:00 WITA"
        assert start_label(m, IndonesianTimeZone.WIT) == "24/11/2026 11:00 WIT"
        assert [x.title for x in upcoming_meetings(s, NOW)] == ["Pembahasan KB Bandung–Makassar"]
        data = to_ics([m])
        extra = create_meeting(
            s, city.drafter, title="Dibatalkan", starts_at=NOW + dt.timedelta(days=3)
        )
        cancel_meeting(s, city.drafter, extra)
        assert [x.title for x in upcoming_meetings(s, NOW)] == ["Pembahasan KB Bandung–Makassar"]
    cal = icalendar.Calendar.from_ical(data)
    (event,) = [c for c in cal.walk("VEVENT")]
    assert str(event["summary"]) == "Pembahasan KB Bandung–Makassar"
    start = event.decoded("dtstart")
    assert start.utcoffset() == dt.timedelta(hours=7) and (start.hour, start.minute) == (9, 0)
    assert event.decoded("dtend") - start == dt.timedelta(minutes=90)
    assert "Daeng — Pemerintah Kota Makassar" in str(event["description"])
    assert b"BEGIN:VTIMEZONE" in data and b"TZID:Asia/Jakarta" in data


def test_home_summary(database) -> None:
    city = make_city(database, BANDUNG)
    with database.session() as s:
        assert home_summary(s, now=NOW).empty
        pky = counterpart_office(s, uuid="p" * 32, level="kota", region="Palangka Raya")
        parties = [PartyInput.of_office(local_office(s)), PartyInput.of_office(pky)]
        review = create_agreement(
            s,
            city.drafter,
            kind=AgreementKind.KESEPAKATAN_BERSAMA,
            title="Ditelaah",
            parties=parties,
        )
        add_clause(s, review, city.drafter, heading="MAKSUD")
        save_revision(s, review, city.drafter)
        transition(s, review, city.drafter, S.INTERNAL_REVIEW)
        live = create_agreement(s, city.drafter, kind=AgreementKind.KESEPAKATAN_BERSAMA, title="Berjalan",
                                parties=parties, valid_from=dt.date(2021, 12, 1), valid_until=dt.date(2027, 1, 15))  # fmt: skip
        add_obligation(
            s, live, city.drafter, what="Kunjungan studi", party=2, due_date=dt.date(2026, 12, 5)
        )
        add_obligation(
            s, live, city.drafter, what="Laporan tahunan", party=1, due_date=dt.date(2027, 3, 1)
        )
        live.status = S.SIGNED.value
        signing = create_agreement(
            s,
            city.drafter,
            kind=AgreementKind.KESEPAKATAN_BERSAMA,
            title="Siap tanda tangan",
            parties=parties,
        )
        signing.status = S.SIGNING.value
        create_meeting(s, city.drafter, title="Vicon", starts_at=NOW + dt.timedelta(days=1))
        s.flush()
        summary = home_summary(s, now=NOW)
        assert [m.title for m in summary.upcoming_meetings] == ["Vicon"]
        assert [r.title for r in summary.awaiting_review] == ["Ditelaah"]
        assert [r.title for r in summary.awaiting_signature] == ["Siap tanda tangan"]
        assert [(o.what, o.due) for o in summary.obligations_due] == [
            ("Kunjungan studi", dt.date(2026, 12, 5))
        ]
        assert [r.title for r in summary.expiring_soon] == ["Berjalan"]
        drafter_view = home_summary(s, now=NOW, role=Role.DRAFTER)
        assert drafter_view.awaiting_review == [] and drafter_view.awaiting_signature == []
