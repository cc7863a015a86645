"""Templates as data files: section order, pembukaan spelled out, parties, instantiation, errors."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from mou import models
from mou.agreement import AgreementKind, PartyInput
from mou.office import counterpart_office, local_office
from mou.revision import save_revision
from mou.template import (
    BUILTIN_DIR,
    TemplateError,
    document_outline,
    get_template,
    instantiate,
    list_templates,
    load_template,
    template_problems,
)
from mou.terbilang import pembukaan_date, terbilang
from tests.mou.conftest import City

KB_ORDER = [
    "judul", "nomor", "nomor", "pembukaan", "identitas_para_pihak", "dasar_hukum",
    "maksud_dan_tujuan", "objek_dan_ruang_lingkup", "pelaksanaan", "jangka_waktu", "pembiayaan",
    "penyelesaian_perselisihan", "perubahan", "penutup", "tanda_tangan",
]  # fmt: skip


def test_terbilang() -> None:
    assert pembukaan_date(dt.date(2016, 7, 27)) == (
        "hari Rabu tanggal dua puluh tujuh bulan Juli tahun dua ribu enam belas"
    )
    assert pembukaan_date(dt.date(2016, 7, 17)) == (
        "hari Minggu tanggal tujuh belas bulan Juli tahun dua ribu enam belas"
    )
    cases = {1: "satu", 11: "sebelas", 100: "seratus", 115: "seratus lima belas",
             1000: "seribu", 2024: "dua ribu dua puluh empat", 1_250_000: "satu juta dua ratus lima puluh ribu"}  # fmt: skip
    assert {n: terbilang(n) for n in cases} == cases


def _parties(s) -> list[PartyInput]:
    pky = counterpart_office(s, uuid="p" * 32, level="kota", region="Palangka Raya",
                             head_name="Mofit Saptono Subagio", head_title="Wakil Wali Kota Palangka Raya")  # fmt: skip
    return [
        PartyInput.of_office(local_office(s), "415.4/47-Huk"),
        PartyInput.of_office(pky, "119/45/KS"),
    ]


def test_kesepakatan_bersama_from_template(bandung: City) -> None:
    tpl = get_template("kesepakatan_bersama_antar_daerah")
    with bandung.db.session() as s:
        a = instantiate(
            s, bandung.drafter, tpl, _parties(s), place="Jambi", agreement_date=dt.date(2016, 7, 27)
        )
        outline = document_outline(a, tpl)
        assert [o.section for o in outline] == KB_ORDER
        text = {o.section: o.text for o in outline}
        assert text["judul"] == ("KESEPAKATAN BERSAMA ANTARA PEMERINTAH KOTA BANDUNG DENGAN PEMERINTAH KOTA "
                                 "PALANGKA RAYA TENTANG KERJA SAMA PENGEMBANGAN KOTA CERDAS (SMART CITY)")  # fmt: skip
        assert [o.text for o in outline if o.section == "nomor"] == [
            "NOMOR : 415.4/47-Huk",
            "NOMOR : 119/45/KS",
        ]
        assert text["pembukaan"] == (
            "Pada hari Rabu tanggal dua puluh tujuh bulan Juli tahun dua ribu enam belas, bertempat di "
            "Jambi, kami yang bertanda tangan di bawah ini:"
        )
        assert "selanjutnya disebut PIHAK PERTAMA" in text["identitas_para_pihak"]
        assert "selanjutnya disebut PIHAK KEDUA" in text["identitas_para_pihak"]
        assert "disebut PARA PIHAK" in text["identitas_para_pihak"]
        for law in ("Nomor 23 Tahun 2014", "Nomor 28 Tahun 2018", "Nomor 22 Tahun 2020"):
            assert law in text["dasar_hukum"]
        assert text["jangka_waktu"].startswith("Pasal 4\nJANGKA WAKTU")
        assert "5 (lima) tahun" in text["jangka_waktu"]
        assert "Demikian Kesepakatan Bersama ini dibuat" in text["penutup"]
        assert (
            "Wali Kota Bandung" in text["tanda_tangan"]
            and "Mofit Saptono Subagio" in text["tanda_tangan"]
        )
        # English parallel text is there for every pasal.
        assert all(c.heading_en and (c.body_en or c.ayat[0].text_en) for c in a.clauses)
        assert a.valid_until == dt.date(2021, 7, 26)
        save_revision(s, a, bandung.drafter)


def test_pks_template_names_its_kb(bandung: City) -> None:
    with bandung.db.session() as s:
        parties = _parties(s)
        kb = instantiate(s, bandung.drafter, get_template("kesepakatan_bersama_antar_daerah"), parties,
                         place="Jambi", agreement_date=dt.date(2016, 7, 27))  # fmt: skip
        pks_tpl = get_template("perjanjian_kerja_sama_hibah_aplikasi")
        pks = instantiate(s, bandung.drafter, pks_tpl, parties, place="Bandung",
                          agreement_date=dt.date(2016, 9, 1), implements=kb)  # fmt: skip
        assert pks.kind == AgreementKind.PERJANJIAN_KERJA_SAMA and pks.implements is kb
        assert pks.legal_basis[-1] == f"Kesepakatan Bersama tentang {kb.title}."
        sections = [o.section for o in document_outline(pks, pks_tpl)]
        assert sections[0] == "judul" and sections[-1] == "tanda_tangan"
        assert s.scalar(select(models.Agreement.id).where(models.Agreement.id == pks.id))


def test_user_templates_are_listed_and_bad_ones_explained(tmp_path: Path) -> None:
    user = tmp_path / "templates"
    user.mkdir()
    src = BUILTIN_DIR / "kesepakatan_bersama_antar_daerah.toml"
    custom = (
        src.read_text(encoding="utf-8")
        .replace('id = "kesepakatan_bersama_antar_daerah"', 'id = "kb_pariwisata"')
        .replace('name = "Kesepakatan Bersama antar daerah"', 'name = "KB pariwisata sungai"')
    )
    (user / "kb_pariwisata.toml").write_text(custom, encoding="utf-8")
    (user / "broken.toml").write_text(
        'id = "x"\nkind = "mou"\nname = "x"\nsections = []\npasal = []\n'
    )
    (user / "typo.toml").write_text(
        custom.replace("{tempat}", "{tempt}").replace('"kb_pariwisata"', '"t"')
    )
    (user / "nottoml.toml").write_text("id = = 3")
    ids = {t.id for t in list_templates([user])}
    assert {
        "kesepakatan_bersama_antar_daerah",
        "perjanjian_kerja_sama_hibah_aplikasi",
        "kb_pariwisata",
    } <= ids
    problems = template_problems([user])
    assert any("broken.toml: unknown kind 'mou'" in p for p in problems)
    assert any("typo.toml: unknown placeholder {tempt}" in p for p in problems)
    assert any("nottoml.toml: not valid TOML" in p for p in problems)
    with pytest.raises(TemplateError, match="No template with id"):
        get_template("nope")
    copy = tmp_path / "copy.toml"
    shutil.copy(src, copy)
    assert load_template(copy).sections[0] == "judul"
