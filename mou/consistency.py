"""Consistency checks of a draft: what a careful reader of the two columns would catch.

Pure functions over a revision snapshot (``mou.revision.snapshot`` / ``content_of``), so the editor
can check unsaved text and tests need no database. Each finding is a coded
:class:`ConsistencyWarning` (``ConsistencyCode`` + params + English text) attached to a pasal and a
field; the UI translates it. The checks:

* **Term** (jangka waktu): the digits and the words in brackets agree ("3 (lima) tahun" does
  not); the Indonesian and the English state the same term; the term matches the validity dates
  in Details (valid from .. valid until).
* **Language columns**: when the agreement is bilingual, a field with text on one side is not
  empty on the other, and both sides carry the same numbers.
* **Party names**: a "Pemerintah Kota/Kabupaten/Provinsi …" named in the text is one of the
  parties as recorded in the agreement.

They warn; they never block saving. Each check is tuned to say nothing on the shipped templates
and the sample agreement (tests/mou/test_consistency.py).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from mou.messages import DomainMessage
from mou.template import english_number
from mou.terbilang import terbilang

MAX_TEXT = 20_000  # per field: longer text is checked only up to here (the check stays fast)


class ConsistencyCode(StrEnum):
    """Codes of consistency warnings (translated by the agreements UI)."""

    TERM_WORDS = "consistency.term_words"
    WORDS_LANGUAGE = "consistency.words_language"
    TERM_LANGUAGES = "consistency.term_languages"
    TERM_DATES = "consistency.term_dates"
    COLUMN_EMPTY = "consistency.column_empty"
    NUMBERS_DIFFER = "consistency.numbers_differ"
    PARTY_NAME = "consistency.party_name"


_TEXTS = {
    ConsistencyCode.TERM_WORDS: '{field}: the number {digits} is written out as "{words}"',
    ConsistencyCode.WORDS_LANGUAGE: (
        '{field}: the number {digits} is written out in Indonesian ("{words}") in the English text'
    ),
    ConsistencyCode.TERM_LANGUAGES: (
        "The term is {term_id} in the Indonesian text but {term_en} in the English"
    ),
    ConsistencyCode.TERM_DATES: (
        "The term is {term} but Details say valid from {valid_from} until {valid_until} "
        "({dates_term})"
    ),
    ConsistencyCode.COLUMN_EMPTY: "{field}: the {empty} column is empty, the {filled} has text",
    ConsistencyCode.NUMBERS_DIFFER: (
        "{field}: {numbers} appears in the {present} text but not in the {missing}"
    ),
    ConsistencyCode.PARTY_NAME: (
        '"{name}" is not a party of this agreement as recorded (parties: {parties})'
    ),
}


@dataclass(frozen=True)
class ConsistencyWarning:
    """One finding: its code and params, the pasal (uuid, None for the heading of the agreement)
    and the field ("body", "ayat 2", "heading_en", ...)."""

    code: ConsistencyCode
    clause_uuid: str | None
    field: str
    params: Mapping[str, str] = field(default_factory=dict)

    @property
    def message(self) -> DomainMessage:
        """The coded message for the UI."""
        params = {"field": self.field, **self.params}
        return DomainMessage(self.code.value, params, _TEXTS[self.code].format(**params))

    @property
    def text(self) -> str:
        """English text (logs, CLI)."""
        return self.message.text


@dataclass(frozen=True)
class Term:
    """A stated duration: ``amount`` of ``unit`` ("tahun"/"bulan"), in months for comparison."""

    amount: int
    unit: str

    @property
    def months(self) -> int:
        """The term in months."""
        return self.amount * (12 if self.unit == "year" else 1)

    def label(self, language: str) -> str:
        """ "3 tahun" / "3 years"."""
        if language == "id":
            return f"{self.amount} {'tahun' if self.unit == 'year' else 'bulan'}"
        word = "year" if self.unit == "year" else "month"
        return f"{self.amount} {word}{'s' if self.amount != 1 else ''}"


# "N (words) unit": the drafting convention for numbers in Indonesian agreements.
_SPELLED_ID = re.compile(r"\b(\d{1,4})\s*\(([^()\d]{1,60})\)\s*(tahun|bulan|hari)\b", re.I)
_SPELLED_EN = re.compile(r"\b(\d{1,4})\s*\(([^()\d]{1,60})\)\s*(years?|months?|days?)\b", re.I)
# The term of the agreement itself (not a notice period such as "3 (tiga) bulan sebelum").
_TERM_ID = re.compile(
    r"jangka\s+waktu\s+(?:selama\s+)?(\d{1,3})\s*(?:\([^()\d]{1,60}\))?\s*(tahun|bulan)\b", re.I
)
_TERM_EN = re.compile(
    r"\b(?:valid|in\s+force|effective|term\s+of)\s+(?:for\s+)?(?:a\s+(?:period|term)\s+of\s+)?"
    r"(\d{1,3})\s*(?:\([^()\d]{1,60}\))?\s*(years?|months?)\b",
    re.I,
)
_NUMBER = re.compile(r"\d+")
_GOVERNMENT = re.compile(
    r"\bPemerintah\s+(?:Kota|Kabupaten|Provinsi)\s+[A-Z][\w'-]*(?:[ \t]+[A-Z][\w'-]*)*"
)


def check(content: Mapping[str, Any]) -> list[ConsistencyWarning]:
    """Every warning for one snapshot, pasal by pasal in document order."""
    warnings: list[ConsistencyWarning] = []
    bilingual = _bilingual(content)
    parties = [p.get("name") or "" for p in content.get("parties", [])]
    terms_id: list[tuple[str, str, Term]] = []
    terms_en: list[tuple[str, str, Term]] = []
    for clause in content.get("clauses", []):
        uuid = clause["uuid"]
        for name, text_id, text_en in _fields(clause):
            warnings += _spelled(uuid, name, text_id, "id")
            warnings += _spelled(uuid, name + " (en)", text_en, "en")
            terms_id += [(uuid, name, t) for t in _terms(text_id, _TERM_ID)]
            terms_en += [(uuid, name, t) for t in _terms(text_en, _TERM_EN)]
            if bilingual:
                warnings += _columns(uuid, name, text_id, text_en)
            warnings += _party_names(uuid, name, text_id + "\n" + text_en, parties)
    warnings += _term_agreement(terms_id, terms_en, content.get("agreement", {}))
    return warnings


def by_clause(warnings: list[ConsistencyWarning]) -> dict[str | None, list[ConsistencyWarning]]:
    """Warnings grouped by pasal uuid (for the markers in the pasal list)."""
    grouped: dict[str | None, list[ConsistencyWarning]] = {}
    for warning in warnings:
        grouped.setdefault(warning.clause_uuid, []).append(warning)
    return grouped


def _bilingual(content: Mapping[str, Any]) -> bool:
    if content.get("agreement", {}).get("title_en"):
        return True
    return any(
        c.get("heading_en") or c.get("body_en") or any(a.get("text_en") for a in c.get("ayat", []))
        for c in content.get("clauses", [])
    )


def _fields(clause: Mapping[str, Any]) -> Iterator[tuple[str, str, str]]:
    """(field name, Indonesian, English) of a pasal, each bounded in length."""
    yield "heading", clause.get("heading") or "", clause.get("heading_en") or ""
    yield "body", clause.get("body") or "", clause.get("body_en") or ""
    for number, ayat in enumerate(clause.get("ayat", []), start=1):
        yield f"ayat {number}", ayat.get("text") or "", ayat.get("text_en") or ""


def _clip(text: str) -> str:
    return text[:MAX_TEXT]


def _words(text: str) -> str:
    return " ".join(text.lower().replace("-", " ").split())


def _spelled(uuid: str, name: str, text: str, language: str) -> list[ConsistencyWarning]:
    """ "3 (lima) tahun": digits and words disagree."""
    out = []
    pattern = _SPELLED_ID if language == "id" else _SPELLED_EN
    for match in pattern.finditer(_clip(text)):
        digits, words = int(match.group(1)), _words(match.group(2))
        indonesian, english = _words(terbilang(digits)), _words(english_number(digits))
        if language == "en" and words == indonesian and words != english:
            # "5 (lima) years": right number, wrong language.
            out.append(
                ConsistencyWarning(
                    ConsistencyCode.WORDS_LANGUAGE,
                    uuid,
                    name,
                    {"digits": str(digits), "words": match.group(2).strip()},
                )
            )
            continue
        if words not in ({indonesian, english} if language == "en" else {indonesian}):
            out.append(
                ConsistencyWarning(
                    ConsistencyCode.TERM_WORDS,
                    uuid,
                    name,
                    {"digits": str(digits), "words": match.group(2).strip()},
                )
            )
    return out


def _terms(text: str, pattern: re.Pattern[str]) -> list[Term]:
    out = []
    for match in pattern.finditer(_clip(text)):
        unit = "year" if match.group(2).lower() in {"tahun", "year", "years"} else "month"
        out.append(Term(int(match.group(1)), unit))
    return out


def _term_agreement(
    terms_id: list[tuple[str, str, Term]],
    terms_en: list[tuple[str, str, Term]],
    head: Mapping[str, Any],
) -> list[ConsistencyWarning]:
    """The term in Indonesian vs English, and vs the validity dates in Details."""
    out: list[ConsistencyWarning] = []
    if not terms_id and not terms_en:
        return out
    uuid, name, term = (terms_id or terms_en)[0]
    if terms_id and terms_en and terms_id[0][2].months != terms_en[0][2].months:
        out.append(
            ConsistencyWarning(
                ConsistencyCode.TERM_LANGUAGES,
                uuid,
                name,
                {"term_id": terms_id[0][2].label("id"), "term_en": terms_en[0][2].label("en")},
            )
        )
    start = _date(head.get("valid_from")) or _date(head.get("agreement_date"))
    end = _date(head.get("valid_until"))
    if start is not None and end is not None and end >= start:
        months = _months_between(start, end)
        if months != term.months:
            out.append(
                ConsistencyWarning(
                    ConsistencyCode.TERM_DATES,
                    uuid,
                    name,
                    {
                        "term": term.label("id"),
                        "valid_from": start.isoformat(),
                        "valid_until": end.isoformat(),
                        "dates_term": _dates_label(months),
                    },
                )
            )
    return out


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from ``start`` to the day after ``end`` ("valid until" is inclusive).

    A few days either way still count as the month (29 February; the drafter counting
    "until" exclusive), so 27 July 2026 .. 27 July 2031 is five years like .. 26 July 2031.
    """
    after = end + dt.timedelta(days=1)
    months = (after.year - start.year) * 12 + (after.month - start.month)
    if after.day + 3 < start.day:
        months -= 1
    return months


def _dates_label(months: int) -> str:
    years, rest = divmod(months, 12)
    if rest == 0:
        return f"{years} tahun"
    return f"{months} bulan"


def _columns(uuid: str, name: str, text_id: str, text_en: str) -> list[ConsistencyWarning]:
    out = []
    a, b = text_id.strip(), text_en.strip()
    if bool(a) != bool(b):
        out.append(
            ConsistencyWarning(
                ConsistencyCode.COLUMN_EMPTY,
                uuid,
                name,
                {
                    "empty": "English" if a else "Indonesian",
                    "filled": "Indonesian" if a else "English",
                },
            )
        )
        return out
    digits_id, digits_en = set(_NUMBER.findall(_clip(a))), set(_NUMBER.findall(_clip(b)))
    # Small numbers are often written out on one side only ("1 (satu) kali" / "once"): a word
    # counts as the number for covering the other side's digits, never as a finding itself.
    cover_id = digits_id | _word_numbers(a, _WORDS_ID)
    cover_en = digits_en | _word_numbers(b, _WORDS_EN)
    for present, missing, only in (
        ("Indonesian", "English", digits_id - cover_en),
        ("English", "Indonesian", digits_en - cover_id),
    ):
        if only:
            out.append(
                ConsistencyWarning(
                    ConsistencyCode.NUMBERS_DIFFER,
                    uuid,
                    name,
                    {
                        "numbers": ", ".join(sorted(only, key=int)),
                        "present": present,
                        "missing": missing,
                    },
                )
            )
    return out


_WORDS_EN = {english_number(n): n for n in range(1, 21)} | {"once": 1, "twice": 2}
_WORDS_ID = {terbilang(n): n for n in range(1, 21)} | {"sekali": 1}


def _word_numbers(text: str, words: Mapping[str, int]) -> set[str]:
    found = set()
    lowered = _clip(text).lower()
    for word, value in words.items():
        if re.search(r"\b" + re.escape(word) + r"\b", lowered):
            found.add(str(value))
    return found


def _party_names(uuid: str, name: str, text: str, parties: list[str]) -> list[ConsistencyWarning]:
    known = {_normal(p) for p in parties if p}
    out = []
    seen: set[str] = set()
    for match in _GOVERNMENT.finditer(_clip(text)):
        mention = _trim_mention(match.group(0))
        key = _normal(mention)
        if not key or key in seen or key in known or len(mention.split()) < 3:
            continue
        seen.add(key)
        out.append(
            ConsistencyWarning(
                ConsistencyCode.PARTY_NAME,
                uuid,
                name,
                {"name": mention, "parties": "; ".join(p for p in parties if p)},
            )
        )
    return out


def _trim_mention(text: str) -> str:
    """ "Pemerintah Kota Palangka Raya" without trailing words in capitals (PIHAK, THE ...)."""
    words = text.split()
    while len(words) > 3 and (words[-1].isupper() and len(words[-1]) > 1):
        words.pop()
    return " ".join(words).rstrip(".,;:")


def _normal(name: str) -> str:
    return " ".join(name.lower().split()).rstrip(".,;:")
