"""The app's one way of showing dates and times on screen.

Screens show ONE short form, chosen by the UI language: "5 Des 2026 07.15" in Indonesian (the
period between hours and minutes is the Indonesian convention), "5 Dec 2026 07:15" in English.
Day-month-year order in both, so no reader meets a US-order "12/5/26". Documents (PDFs) keep the
Indonesian long date of ``mou.terbilang`` ("5 Desember 2026"); :func:`document_date` re-exports it
for a screen that quotes a document.

Every widget that shows a date or time calls these functions; ``tests/shell/
test_conventions_dates.py`` scans the rendered screens for any other shape (:data:`FOREIGN_SHAPES`).
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QLocale

from mou.pdf.dates import ZONES
from mou.terbilang import long_date

__all__ = [
    "FOREIGN_SHAPES",
    "date_edit_format",
    "document_date",
    "iso_date_text",
    "short_date",
    "short_datetime",
    "short_time",
    "time_edit_format",
    "timestamp_datetime",
    "zoned_datetime",
    "zoned_time",
]

_DATE = "d MMM yyyy"


def _indonesian(locale: QLocale) -> bool:
    return locale.language() == QLocale.Language.Indonesian


def _time_format(locale: QLocale, seconds: bool = False) -> str:
    sep = "." if _indonesian(locale) else ":"
    return sep.join(["HH", "mm", "ss"] if seconds else ["HH", "mm"])


def _local(when: dt.datetime) -> dt.datetime:
    # The database stores aware UTC; a naive value here is UTC too (utcnow-style defaults).
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.astimezone()


def short_date(day: dt.date | dt.datetime | None) -> str:
    """``5 Des 2026`` / ``5 Dec 2026``; empty for ``None``."""
    if day is None:
        return ""
    if isinstance(day, dt.datetime):
        day = _local(day).date()
    return QLocale().toString(day, _DATE)


def short_time(when: dt.datetime | dt.time, seconds: bool = False) -> str:
    """``07.15`` / ``07:15`` (a datetime is shown in this computer's time zone).

    ``seconds`` adds them (``07.15.42`` / ``07:15:42``): only for a moment that is evidence, the
    signing time of a signature, where the minute alone cannot tell two signatures apart.
    """
    locale = QLocale()
    if isinstance(when, dt.datetime):
        when = _local(when).time().replace(tzinfo=None)
    return locale.toString(when, _time_format(locale, seconds))


def short_datetime(when: dt.datetime | None) -> str:
    """``5 Des 2026 07.15`` / ``5 Dec 2026 07:15`` in this computer's time zone."""
    if when is None:
        return ""
    locale = QLocale()
    return locale.toString(_local(when).replace(tzinfo=None), f"{_DATE} {_time_format(locale)}")


def timestamp_datetime(seconds: float) -> str:
    """:func:`short_datetime` of a POSIX timestamp (file times, token expiries)."""
    return short_datetime(dt.datetime.fromtimestamp(seconds, dt.UTC))


def _zone(when: dt.datetime, tz_label: str) -> tuple[dt.datetime, str]:
    label = tz_label.upper()
    zone = ZONES.get(label)
    if zone is None:
        return _local(when), tz_label
    aware = when if when.tzinfo is not None else when.replace(tzinfo=dt.UTC)
    return aware.astimezone(zone), label


def zoned_time(when: dt.datetime, tz_label: str) -> str:
    """``09.15 WIB``: the moment in a named Indonesian zone (WIB, WITA, WIT)."""
    local, label = _zone(when, tz_label)
    return f"{short_time(local.replace(tzinfo=None))} {label}".strip()


def zoned_datetime(when: dt.datetime, tz_label: str, seconds: bool = False) -> str:
    """``22 Nov 2026 09.15 WIB``: a date and time in a named Indonesian zone.

    ``seconds``: ``22 Nov 2026 09.15.42 WIB`` (signing times only, see :func:`short_time`).
    """
    local, label = _zone(when, tz_label)
    naive = local.replace(tzinfo=None)
    clock = short_time(naive, seconds)
    return f"{QLocale().toString(naive.date(), _DATE)} {clock} {label}".strip()


def date_edit_format() -> str:
    """Display format for a QDateEdit: the same "5 Des 2026" as the rest of the screen."""
    return _DATE


def time_edit_format() -> str:
    """Display format for a QTimeEdit: "07.15" in Indonesian, "07:15" in English."""
    return _time_format(QLocale())


def iso_date_text(value: str) -> str:
    """A core's ISO date parameter ("2026-12-05") in the screen's short form (else as given)."""
    try:
        return short_date(dt.date.fromisoformat(value[:10]))
    except ValueError:
        return value


def document_date(day: dt.date) -> str:
    """The Indonesian long date the documents print (``5 Desember 2026``)."""
    return long_date(day)


#: Date and time shapes that must not appear on a screen (the tests scan rendered text for them).
#: The one exception is a signature's signing time in the verification details, which keeps its
#: seconds (``zoned_datetime(..., seconds=True)``).
FOREIGN_SHAPES: dict[str, re.Pattern[str]] = {
    "numeric date (12/5/26, 05-12-2026, 5.12.2026)": re.compile(
        r"(?<![\w.:/-])\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}(?![\w/-])"
    ),
    "ISO date (2026-12-05)": re.compile(r"\b\d{4}-\d{2}-\d{2}"),
    "AM/PM time": re.compile(r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\s?[AaPp]\.?[Mm]\b"),
    "time with seconds": re.compile(r"\b\d{1,2}:\d{2}:\d{2}\b"),
    "compact stamp (20261205T0715)": re.compile(r"\b20\d{6}T\d{4}"),
}
