"""Numbers and dates written out in Indonesian words ("terbilang"), as the pembukaan requires.

``pembukaan_date(date(2016, 7, 27))`` gives "hari Rabu tanggal dua puluh tujuh bulan Juli tahun dua
ribu enam belas".
"""

from __future__ import annotations

import datetime as dt

_ONES = [
    "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
    "sepuluh", "sebelas",
]  # fmt: skip
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
MONTHS = [
    "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
    "Oktober", "November", "Desember",
]  # fmt: skip
_SCALES = [(10**12, "triliun"), (10**9, "miliar"), (10**6, "juta")]


def terbilang(n: int) -> str:
    """``n`` in Indonesian words: 16 → "enam belas", 2016 → "dua ribu enam belas"."""
    if n < 0:
        return "minus " + terbilang(-n)
    if n < 12:
        return _ONES[n]
    if n < 20:
        return f"{_ONES[n - 10]} belas"
    if n < 100:
        tens, rest = divmod(n, 10)
        return f"{_ONES[tens]} puluh" + (f" {_ONES[rest]}" if rest else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        head = "seratus" if hundreds == 1 else f"{_ONES[hundreds]} ratus"
        return head + (f" {terbilang(rest)}" if rest else "")
    if n < 10**6:
        thousands, rest = divmod(n, 1000)
        head = "seribu" if thousands == 1 else f"{terbilang(thousands)} ribu"
        return head + (f" {terbilang(rest)}" if rest else "")
    for size, word in _SCALES:
        if n >= size:
            big, rest = divmod(n, size)
            return f"{terbilang(big)} {word}" + (f" {terbilang(rest)}" if rest else "")
    raise AssertionError("unreachable")


def day_name(day: dt.date) -> str:
    """Indonesian weekday name ("Rabu")."""
    return DAYS[day.weekday()]


def month_name(day: dt.date) -> str:
    """Indonesian month name ("Juli")."""
    return MONTHS[day.month - 1]


def pembukaan_date(day: dt.date) -> str:
    """ "hari Rabu tanggal dua puluh tujuh bulan Juli tahun dua ribu enam belas"."""
    return (
        f"hari {day_name(day)} tanggal {terbilang(day.day)} bulan {month_name(day)} "
        f"tahun {terbilang(day.year)}"
    )


def long_date(day: dt.date) -> str:
    """ "27 Juli 2016" (the short form used next to signatures)."""
    return f"{day.day} {month_name(day)} {day.year}"


def english_date(day: dt.date) -> str:
    """ "Wednesday, 27 July 2016" for the English parallel text."""
    return day.strftime("%A, ") + f"{day.day} " + day.strftime("%B %Y")
