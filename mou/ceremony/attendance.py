"""Who attended a signing ceremony, and when, as the Riwayat Dokumen page prints it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from mou.ceremony.store import Attendance
from mou.pdf.document import PdfHistoryEntry


def open_attendance(attendance: Sequence[Attendance], office: str) -> Attendance | None:
    """The newest entry of ``office`` that has no leave time yet."""
    for entry in reversed(attendance):
        if entry.office == office and entry.left_at is None:
            return entry
    return None


def attendance_history(attendance: Sequence[Attendance]) -> list[PdfHistoryEntry]:
    """The session attendance as Riwayat Dokumen lines, each in its office's time zone."""
    out = []
    for entry in attendance:
        who = ", ".join(entry.people)
        actor = f"{who} ({entry.office})" if who else entry.office
        for at, event in (
            (entry.joined_at, "Hadir dalam sesi penandatanganan (vicon)"),
            (entry.left_at, "Meninggalkan sesi penandatanganan"),
        ):
            if at:
                out.append(
                    PdfHistoryEntry(
                        when=dt.datetime.fromisoformat(at),
                        tz_label=entry.tz_label,
                        event=event,
                        actor=actor,
                        category="attendance",
                    )
                )
    out.sort(key=lambda e: e.when)
    return out
