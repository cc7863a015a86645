"""Indonesian dates and the three Indonesian time zones, as printed in the agreement."""

from __future__ import annotations

import datetime as dt

# Re-exported: the PDF modules take their Indonesian dates from one place.
from mou.terbilang import long_date, month_name, pembukaan_date

__all__ = ["ZONES", "long_date", "pembukaan_date", "zoned_time"]

# Waktu Indonesia Barat / Tengah / Timur. Fixed offsets: Indonesia has no daylight saving time.
ZONES: dict[str, dt.timezone] = {
    "WIB": dt.timezone(dt.timedelta(hours=7), "WIB"),
    "WITA": dt.timezone(dt.timedelta(hours=8), "WITA"),
    "WIT": dt.timezone(dt.timedelta(hours=9), "WIT"),
}


def zoned_time(when: dt.datetime, tz_label: str) -> str:
    """``22 Nov 2026 09.15 WIB``: the moment shown in the named Indonesian zone.

    A naive datetime is refused: silently guessing its zone would put a wrong time on a legal record.
    """
    if when.tzinfo is None or when.utcoffset() is None:
        raise ValueError(f"History time {when.isoformat()} has no time zone")
    zone = ZONES.get(tz_label.upper())
    local = when.astimezone(zone) if zone else when
    label = tz_label.upper() if zone else (tz_label or local.strftime("UTC%z"))
    month = month_name(local)[:3]
    return f"{local.day:02d} {month} {local.year} {local.hour:02d}.{local.minute:02d} {label}"
