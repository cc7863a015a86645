"""Scheduled vicon sessions between offices, with Indonesian time zones and .ics export.

Times are stored in UTC; each meeting remembers the zone it was scheduled in (WIB, WITA or WIT) so
it prints as the organiser meant it, and ``start_in`` shows it in the other city's zone (a session
between Bandung and Makassar crosses one zone).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from mou import audit, events, models
from mou.agreement import AgreementCode, AgreementError
from mou.office import Actor


class IndonesianTimeZone(StrEnum):
    """The three Indonesian time zones."""

    WIB = "WIB"  # Waktu Indonesia Barat, UTC+7 (Jakarta, Bandung, Pekanbaru, Palangka Raya)
    WITA = "WITA"  # Waktu Indonesia Tengah, UTC+8 (Makassar, Bali)
    WIT = "WIT"  # Waktu Indonesia Timur, UTC+9 (Jayapura)

    @property
    def zone(self) -> dt.tzinfo:
        """The IANA zone (falls back to a fixed offset when tzdata is missing)."""
        name, hours = _ZONES[self]
        try:
            return ZoneInfo(name)
        except (KeyError, ValueError, OSError):
            return dt.timezone(dt.timedelta(hours=hours), self.value)

    @property
    def utc_offset_hours(self) -> int:
        """7, 8 or 9."""
        return _ZONES[self][1]


_ZONES = {
    IndonesianTimeZone.WIB: ("Asia/Jakarta", 7),
    IndonesianTimeZone.WITA: ("Asia/Makassar", 8),
    IndonesianTimeZone.WIT: ("Asia/Jayapura", 9),
}


@dataclass(frozen=True)
class Participant:
    """Someone invited: a person and the office they belong to."""

    name: str
    office: str
    email: str = ""


def _participant_dicts(participants: list[Participant]) -> list[dict[str, str]]:
    return [{"name": p.name, "office": p.office, "email": p.email} for p in participants]


def participants_of(meeting: models.Meeting) -> list[Participant]:
    """The stored participants as dataclasses."""
    return [Participant(p["name"], p["office"], p.get("email", "")) for p in meeting.participants]


def create_meeting(
    session: Session,
    actor: Actor,
    *,
    title: str,
    starts_at: dt.datetime,
    time_zone: IndonesianTimeZone = IndonesianTimeZone.WIB,
    duration_minutes: int = 60,
    participants: list[Participant] | None = None,
    room: str = "",
    hub_url: str = "",
    agreement: models.Agreement | None = None,
    notes: str = "",
) -> models.Meeting:
    """Schedule a session. A naive ``starts_at`` is read as wall-clock time in ``time_zone``."""
    if not title.strip():
        raise AgreementError("The session needs a title", code=AgreementCode.SESSION_TITLE_REQUIRED)
    if duration_minutes <= 0:
        raise AgreementError(
            "The session must last at least one minute", code=AgreementCode.SESSION_TOO_SHORT
        )
    tz = IndonesianTimeZone(time_zone)
    if starts_at.tzinfo is None:
        starts_at = starts_at.replace(tzinfo=tz.zone)
    meeting = models.Meeting(
        title=title.strip(),
        starts_at=starts_at.astimezone(dt.UTC),
        time_zone=tz.value,
        duration_minutes=duration_minutes,
        participants=_participant_dicts(participants or []),
        room=room,
        hub_url=hub_url,
        agreement_id=agreement.id if agreement is not None else None,
        notes=notes,
    )
    session.add(meeting)
    session.flush()
    audit.record(session, agreement, "meeting_scheduled", actor, meeting=meeting.uuid,
                 starts_at=meeting.starts_at.isoformat())  # fmt: skip
    events.emit(session, events.MeetingChanged(meeting.id))
    return meeting


def reschedule(
    session: Session,
    meeting: models.Meeting,
    starts_at: dt.datetime,
    *,
    duration_minutes: int | None = None,
) -> models.Meeting:
    """Move a session (a naive time is read in the meeting's own zone)."""
    if starts_at.tzinfo is None:
        starts_at = starts_at.replace(tzinfo=IndonesianTimeZone(meeting.time_zone).zone)
    meeting.starts_at = starts_at.astimezone(dt.UTC)
    if duration_minutes:
        meeting.duration_minutes = duration_minutes
    session.flush()
    events.emit(session, events.MeetingChanged(meeting.id))
    return meeting


def start_in(meeting: models.Meeting, time_zone: IndonesianTimeZone | None = None) -> dt.datetime:
    """The start as wall-clock time in ``time_zone`` (default: the zone it was scheduled in)."""
    tz = IndonesianTimeZone(time_zone or meeting.time_zone)
    return meeting.starts_at.astimezone(tz.zone)


def start_label(meeting: models.Meeting, time_zone: IndonesianTimeZone | None = None) -> str:
    """ "27/07/2016 09:00 WIB" style label."""
    tz = IndonesianTimeZone(time_zone or meeting.time_zone)
    return start_in(meeting, tz).strftime("%d/%m/%Y %H:%M") + f" {tz.value}"


def upcoming_meetings(
    session: Session, now: dt.datetime, *, within_days: int | None = None, limit: int = 50
) -> list[models.Meeting]:
    """Sessions that have not ended yet, soonest first."""
    horizon_start = now - dt.timedelta(hours=12)  # long sessions still running appear
    query = select(models.Meeting).where(models.Meeting.starts_at >= horizon_start)
    if within_days is not None:
        query = query.where(models.Meeting.starts_at <= now + dt.timedelta(days=within_days))
    meetings = session.scalars(query.order_by(models.Meeting.starts_at).limit(limit)).all()
    return [m for m in meetings if m.starts_at + dt.timedelta(minutes=m.duration_minutes) >= now]


def to_ics(meetings: list[models.Meeting], *, organizer: str = "Lintas") -> bytes:
    """An iCalendar file with one VEVENT per session, in each session's own time zone."""
    import icalendar

    cal = icalendar.Calendar()
    cal.add("prodid", "-//Lintas//Jaringan Lintas Perkotaan//ID")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"Lintas — {organizer}")
    for meeting in meetings:
        start = start_in(meeting)
        evt = icalendar.Event()
        evt.add("uid", f"{meeting.uuid}@lintas")
        evt.add("summary", meeting.title)
        evt.add("dtstamp", models.utcnow())
        evt.add("dtstart", start)
        evt.add("dtend", start + dt.timedelta(minutes=meeting.duration_minutes))
        where = meeting.room + (f" ({meeting.hub_url})" if meeting.hub_url else "")
        if where:
            evt.add("location", where)
        lines = [meeting.notes] if meeting.notes else []
        lines += [f"{p.name} — {p.office}" for p in participants_of(meeting)]
        if lines:
            evt.add("description", "\n".join(lines))
        for p in participants_of(meeting):
            if p.email:
                attendee = icalendar.vCalAddress(f"mailto:{p.email}")
                attendee.params["cn"] = icalendar.vText(p.name)
                evt.add("attendee", attendee, encode=0)
        cal.add_component(evt)
    cal.add_missing_timezones()
    return cal.to_ical()


def cancel_meeting(session: Session, actor: Actor, meeting: models.Meeting) -> None:
    """Remove a scheduled session (audited on its agreement, if it has one)."""
    agreement = (
        session.get(models.Agreement, meeting.agreement_id) if meeting.agreement_id else None
    )
    audit.record(session, agreement, "meeting_cancelled", actor, meeting=meeting.uuid,
                 title=meeting.title)  # fmt: skip
    meeting_id = meeting.id
    session.delete(meeting)
    session.flush()
    events.emit(session, events.MeetingChanged(meeting_id))
