"""Consistency checks: term digits/words/dates, the two language columns, party names."""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import select

from mou import models
from mou.agreement import PartyInput
from mou.clause import update_clause
from mou.consistency import ConsistencyCode, by_clause, check
from mou.office import counterpart_office, local_office
from mou.pdf.sample import sample_document, sample_parties
from mou.pdf.sample_domain import SAMPLE_SCOPE, SAMPLE_SCOPE_EN
from mou.revision import snapshot
from mou.template import get_template, instantiate, list_templates
from tests.mou.conftest import City

C = ConsistencyCode


def _draft(city: City, template_id: str, *, scope: bool = False, years: int = 5) -> dict[str, Any]:
    """A fresh agreement from a shipped template (optionally with the sample's scope text)."""
    first, second = sample_parties()
    with city.db.session() as s:
        local = local_office(s)
        other = s.scalars(select(models.Office).where(models.Office.is_local.is_(False))).first()
        if other is None:
            other = counterpart_office(s, uuid="p" * 32, level="kota", region="Palangkaraya")
        parties = [
            replace(PartyInput.of_office(local, "415.4/012"), address=first.address),
            replace(PartyInput.of_office(other, "180/045"), address=second.address),
        ]
        template = get_template(template_id)
        implements = "Kerja Sama Pengembangan Kota Cerdas" if template.kind != "kb" else None
        agreement = instantiate(
            s, city.drafter, template, parties, place="Bandung",
            agreement_date=dt.date(2026, 7, 27), years=years, implements=implements,
        )  # fmt: skip
        if scope:
            clause = next(c for c in agreement.clauses if "RUANG LINGKUP" in c.heading)
            update_clause(s, agreement, city.drafter, clause.uuid, body=SAMPLE_SCOPE,
                          body_en=SAMPLE_SCOPE_EN)  # fmt: skip
        return snapshot(agreement)


def _term_clause(content: dict[str, Any]) -> dict[str, Any]:
    return next(c for c in content["clauses"] if c["heading"] == "JANGKA WAKTU")


@pytest.mark.parametrize("template_id", [t.id for t in list_templates()])
def test_no_warnings_on_shipped_templates(bandung: City, template_id: str) -> None:
    for years in (1, 3, 5):
        content = _draft(bandung, template_id, years=years)
        assert check(content) == [], [w.text for w in check(content)]


def test_no_warnings_on_the_sample_agreement(bandung: City) -> None:
    content = _draft(bandung, "kesepakatan_bersama_antar_daerah", scope=True)
    assert check(content) == [], [w.text for w in check(content)]
    # The renderer's built-in sample too (bilingual, its own party names).
    doc = sample_document(bilingual=True)
    as_content = {
        "agreement": {"title_en": doc.title_en, "agreement_date": doc.signed_on.isoformat()},
        "parties": [{"name": p.display_name} for p in doc.parties],
        "clauses": [
            {
                "uuid": str(c.number),
                "heading": c.heading,
                "heading_en": c.heading_en or "",
                "body": c.body,
                "body_en": c.body_en or "",
                "ayat": [
                    {"text": t, "text_en": (c.ayat_en or [""] * len(c.ayat))[i]}
                    for i, t in enumerate(c.ayat)
                ],
            }
            for c in doc.clauses
        ],
    }
    assert check(as_content) == [], [w.text for w in check(as_content)]


def test_three_years_in_indonesian_five_in_english_valid_until_2031(bandung: City) -> None:
    """The issue's case: the drafter changed the Indonesian to 3 (tiga) tahun only."""
    content = _draft(bandung, "kesepakatan_bersama_antar_daerah")
    assert content["agreement"]["valid_until"] == "2031-07-26"
    term = _term_clause(content)
    term["ayat"][0]["text"] = term["ayat"][0]["text"].replace("5 (lima) tahun", "3 (tiga) tahun")
    warnings = check(content)
    codes = {w.code for w in warnings}
    assert C.TERM_LANGUAGES in codes and C.TERM_DATES in codes
    languages = next(w for w in warnings if w.code == C.TERM_LANGUAGES)
    assert languages.params == {"term_id": "3 tahun", "term_en": "5 years"}
    assert languages.clause_uuid == term["uuid"] and languages.field == "ayat 1"
    dates = next(w for w in warnings if w.code == C.TERM_DATES)
    assert dates.params["valid_until"] == "2031-07-26" and dates.params["dates_term"] == "5 tahun"
    assert "3 tahun" in dates.text
    # The 3 in one column and the 5 in the other are also a numbers mismatch of that ayat.
    numbers = [w for w in warnings if w.code == C.NUMBERS_DIFFER]
    assert {w.params["numbers"] for w in numbers} == {"3", "5"}
    assert set(by_clause(warnings)) == {term["uuid"]}


def test_digits_and_words_disagree(bandung: City) -> None:
    content = _draft(bandung, "kesepakatan_bersama_antar_daerah")
    term = _term_clause(content)
    term["ayat"][0]["text"] = term["ayat"][0]["text"].replace("5 (lima) tahun", "5 (tiga) tahun")
    term["ayat"][1]["text_en"] = term["ayat"][1]["text_en"].replace("3 (three)", "3 (four)")
    words = [w for w in check(content) if w.code == C.TERM_WORDS]
    assert [(w.field, w.params["digits"], w.params["words"]) for w in words] == [
        ("ayat 1", "5", "tiga"),
        ("ayat 2 (en)", "3", "four"),
    ]


def test_indonesian_words_in_the_english_text(bandung: City) -> None:
    """The template defect of issue 11: "5 (lima) years" in the English column."""
    content = _draft(bandung, "kesepakatan_bersama_antar_daerah")
    term = _term_clause(content)
    term["ayat"][0]["text_en"] = term["ayat"][0]["text_en"].replace("5 (five)", "5 (lima)")
    warnings = check(content)
    assert [(w.code, w.field, w.params["words"]) for w in warnings] == [
        (C.WORDS_LANGUAGE, "ayat 1 (en)", "lima")
    ]
    assert "written out in Indonesian" in warnings[0].text


def test_validity_dates_alone_disagree(bandung: City) -> None:
    content = _draft(bandung, "kesepakatan_bersama_antar_daerah")
    content["agreement"]["valid_until"] = "2029-07-26"
    warnings = check(content)
    assert [w.code for w in warnings] == [C.TERM_DATES]
    assert warnings[0].params["dates_term"] == "3 tahun" and warnings[0].params["term"] == "5 tahun"


def test_language_columns(bandung: City) -> None:
    content = _draft(bandung, "kesepakatan_bersama_antar_daerah")
    clause = content["clauses"][2]
    clause["ayat"][0]["text_en"] = ""
    clause["body"] = "PARA PIHAK menyediakan 2 (dua) orang penghubung."
    clause["body_en"] = "THE PARTIES each provide 4 (four) liaison officers."
    warnings = [w for w in check(content) if w.clause_uuid == clause["uuid"]]
    empty = next(w for w in warnings if w.code == C.COLUMN_EMPTY)
    assert empty.field == "ayat 1" and empty.params == {"empty": "English", "filled": "Indonesian"}
    differ = sorted(
        (w.params["numbers"], w.params["present"]) for w in warnings if w.code == C.NUMBERS_DIFFER
    )
    assert differ == [("2", "Indonesian"), ("4", "English")]
    # A monolingual agreement has no English column to compare.
    mono = copy.deepcopy(content)
    mono["agreement"]["title_en"] = ""
    for c in mono["clauses"]:
        c["heading_en"] = c["body_en"] = ""
        for a in c["ayat"]:
            a["text_en"] = ""
    assert [w.code for w in check(mono)] == []


def test_party_names(bandung: City) -> None:
    content = _draft(bandung, "kesepakatan_bersama_antar_daerah", scope=True)
    names = [p["name"] for p in content["parties"]]
    assert names[1] == "Pemerintah Kota Palangkaraya"
    clause = content["clauses"][3]
    clause["body"] = (
        "Pemerintah Kota Palangka Raya menyediakan ruang kerja bagi PIHAK PERTAMA, dan "
        "Pemerintah Kota Bandung PIHAK PERTAMA menyediakan pelatih."
    )
    warnings = [w for w in check(content) if w.code == C.PARTY_NAME]
    assert [(w.clause_uuid, w.params["name"]) for w in warnings] == [
        (clause["uuid"], "Pemerintah Kota Palangka Raya")
    ]
    assert "Pemerintah Kota Palangkaraya" in warnings[0].params["parties"]


def test_bounded_on_huge_text(bandung: City) -> None:
    content = _draft(bandung, "kesepakatan_bersama_antar_daerah")
    content["clauses"][0]["body"] = "1 (satu) tahun " * 200_000
    content["clauses"][0]["body_en"] = "x"
    warnings = check(content)
    assert len(warnings) < 50  # bounded by MAX_TEXT, not by the size of the paste
