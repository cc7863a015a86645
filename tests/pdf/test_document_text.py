"""The words of the agreement: template text, identitas, NOMOR/TANGGAL, lists, English, closing.

The sample goes the way two real offices go (two SQLite files, the Kesepakatan Bersama template,
package exchange, both approvals, ``mou.publication``) and is rendered; pdftotext reads it back.
"""

from __future__ import annotations

import dataclasses
import re
import subprocess
import tomllib
from pathlib import Path

import pytest

from mou.pdf.document import ELECTRONIC_CLOSING_METERAI, PdfClause, PdfDocument
from mou.pdf.render import render_pdf
from mou.pdf.sample import sample_document
from mou.pdf.sample_domain import BANDUNG_NOMOR, PALANGKARAYA_NOMOR
from mou.signing.identity import create_identity
from mou.template import BUILTIN_DIR, get_template, load_template, pdf_options


def pdftext(path: Path, *, layout: bool = False, page: int | None = None) -> str:
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else [])
    if page:
        args += ["-f", str(page), "-l", str(page)]
    return subprocess.run(
        [*args, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def flat(text: str) -> str:
    return " ".join(text.split())


def words(path: Path, page: int) -> list[tuple[float, float, str]]:
    """(xMin, yMin, word) of every word on a page, from pdftotext -bbox."""
    html = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [
        (float(x), float(y), word)
        for x, y, word in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', html
        )
    ]


def colon_after(path: Path, page: int, label: str) -> list[float]:
    """x of the ":" that follows each ``label`` word on the page (same line)."""
    found = words(path, page)
    out = []
    for x, y, word in found:
        if word == label:
            colons = [cx for cx, cy, w in found if w.startswith(":") and abs(cy - y) < 2 and cx > x]
            out.append(min(colons))
    return out


def indonesian_only(doc: PdfDocument) -> PdfDocument:
    """The same agreement without its English parallel text (one column, reading order)."""
    return dataclasses.replace(
        doc,
        title_en=None,
        opening_en=None,
        closing_en=None,
        considerations_en=[],
        clauses=[
            dataclasses.replace(c, heading_en=None, body_en=None, ayat_en=[]) for c in doc.clauses
        ],
    )


@dataclasses.dataclass
class Drafted:
    doc: PdfDocument
    path: Path

    def page_of(self, needle: str) -> int:
        pages = pdftext(self.path, layout=True).split("\f")
        return next(i for i, p in enumerate(pages, start=1) if needle in p)


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> Drafted:
    """The sample agreement drawn up through the agreements core, rendered on F4."""
    import datetime as dt

    from mou.pdf.sample_domain import document_via_domain

    folder = tmp_path_factory.mktemp("domain")
    identities = tuple(
        create_identity(
            folder / f"{city}.p12",
            f"sandi-{city}",
            common_name=f"Wali Kota {city}",
            organization=f"Pemerintah Kota {city}",
            unit="Bagian Kerja Sama",
        )
        for city in ("Bandung", "Palangkaraya")
    )
    doc = document_via_domain(folder, "f4", identities, on=dt.date(2026, 11, 22))
    path = folder / "kb.pdf"
    render_pdf(doc, path)
    return Drafted(doc, path)


@pytest.fixture(scope="module")
def drafted_id(drafted: Drafted, tmp_path_factory: pytest.TempPathFactory) -> Drafted:
    """The same agreement in Indonesian only: one column, so pdftotext keeps the word order."""
    doc = indonesian_only(drafted.doc)
    path = tmp_path_factory.mktemp("domain-id") / "kb-id.pdf"
    render_pdf(doc, path)
    return Drafted(doc, path)


def test_identitas_says_where_each_party_sits(drafted: Drafted) -> None:
    text = flat(pdftext(drafted.path))
    assert "berkedudukan di Jalan Wastukencana Nomor 2, Bandung" in text
    assert "berkedudukan di Jalan Tjilik Riwut Km. 5,5, Palangkaraya" in text
    # ... and in English next to it, like the rest of the front matter.
    assert "domiciled at Jalan Wastukencana Nomor 2, Bandung" in text
    assert "hereinafter referred to as the FIRST PARTY" in text
    assert "THE PARTIES have first taken into account" in text
    assert "THE PARTIES agree to enter into a Memorandum of Understanding on" in text


def test_nomor_colons_line_up_on_the_first_page_and_in_the_lampiran(drafted: Drafted) -> None:
    first = pdftext(drafted.path, layout=True, page=1)
    nomor = [line for line in first.splitlines() if line.strip().startswith("NOMOR")]
    assert len(nomor) == 2
    assert BANDUNG_NOMOR in nomor[0] and PALANGKARAYA_NOMOR in nomor[1]
    colons = colon_after(drafted.path, 1, "NOMOR")
    assert len(colons) == 2 and abs(colons[0] - colons[1]) < 0.5, colons
    page = drafted.page_of("LAMPIRAN")
    lampiran = pdftext(drafted.path, layout=True, page=page)
    block = [
        line for line in lampiran.splitlines() if re.match(r"\s*(NOMOR|TANGGAL|TENTANG)\s*:", line)
    ]
    assert [line.split()[0] for line in block] == ["NOMOR", "NOMOR", "TANGGAL", "TENTANG"]
    assert "22 November 2026" in block[2]
    colons = [
        x
        for label in ("NOMOR", "TANGGAL", "TENTANG")
        for x in colon_after(drafted.path, page, label)
    ]
    assert len(colons) == 4 and max(colons) - min(colons) < 0.5, colons
    # The block stands at the top right, as in practice: it starts right of the page's middle.
    labels = [x for x, _, w in words(drafted.path, page) if w in ("NOMOR", "TANGGAL", "LAMPIRAN")]
    assert min(labels) > 609.45 * 0.4, labels


def test_lampiran_ends_with_both_signature_blocks(drafted: Drafted) -> None:
    text = flat(pdftext(drafted.path))
    tail = text[text.index("B. Kewajiban Para Pihak") : text.index("RIWAYAT DOKUMEN")]
    for party in drafted.doc.parties:
        assert party.role_label in tail and party.head_name in tail
    assert tail.count("Ditandatangani secara elektronik") == 2


def test_title_is_not_doubled(drafted: Drafted) -> None:
    text = flat(pdftext(drafted.path)).lower()
    assert "kerja sama kerja sama" not in text
    assert "cooperation on cooperation" not in text
    assert "memorandum of understanding on cooperation in smart city development" in text
    assert "dalam melaksanakan kerja sama pengembangan kota cerdas" in text


def test_scope_is_a_lettered_list_with_dan_before_the_last_item(drafted_id: Drafted) -> None:
    text = flat(pdftext(drafted_id.path))
    assert re.search(
        r"meliputi: a\. hibah perangkat lunak .*?; b\. kunjungan kerja .*?; c\. pendampingan "
        r".*?; d\. berbagi pengetahuan .*?wisata sungai; dan e\. kerja sama lain",
        text,
    ), text[:3000]
    assert not re.search(r"\(\d\) hibah perangkat lunak", text)


def test_last_dasar_hukum_ends_with_a_full_stop(drafted: Drafted) -> None:
    text = flat(pdftext(drafted.path))
    assert "dengan Pihak Ketiga." in text and "dengan Pihak Ketiga;" not in text
    assert "and with Third Parties." in text and "and with Third Parties;" not in text


def test_english_says_english_things(drafted: Drafted) -> None:
    text = flat(pdftext(drafted.path))
    assert "5 (five) years" in text and "(lima) years" not in text
    assert "PIHAK PERTAMA's" not in text and "PIHAK KEDUA's" not in text
    assert "the FIRST PARTY's smart-city software" in text


def test_closing_is_for_one_electronic_original(drafted: Drafted) -> None:
    text = flat(pdftext(drafted.path))
    assert "rangkap" not in text and "bermeterai" not in text and "meterai" not in text
    assert "dibuat dalam bentuk dokumen elektronik dan ditandatangani secara elektronik" in text


def test_riwayat_uses_indonesian_role_words(drafted: Drafted) -> None:
    page = drafted.page_of("RIWAYAT DOKUMEN")
    text = pdftext(drafted.path, page=page)
    assert "Penyusun Bandung" in text and "Penanda tangan" in text
    for english in ("Drafter", "Reviewer", "Signatory"):
        assert english not in text


def test_the_generic_template_carries_no_city_and_the_sample_does(drafted: Drafted) -> None:
    raw = (BUILTIN_DIR / "kesepakatan_bersama_antar_daerah.toml").read_text(encoding="utf-8")
    data = tomllib.loads(raw)

    def strings(value: object) -> list[str]:  # values only, not the comments
        if isinstance(value, str):
            return [value]
        if isinstance(value, list):
            return [s for v in value for s in strings(v)]
        if isinstance(value, dict):
            return [s for v in value.values() for s in strings(v)]
        return []

    values = strings(data)
    for word in ("konservasi", "wisata sungai", "studi banding", "UMKM", "Bandung", "Palangka"):
        assert not [s for s in values if word.lower() in s.lower()], word
    scope = next(p for p in data["pasal"] if p["section"] == "objek_dan_ruang_lingkup")
    assert scope["body"].splitlines()[-2].endswith("; dan")
    assert "konservasi hutan" in flat(pdftext(drafted.path))


def test_e_meterai_option_reserves_an_area_and_words_the_closing(tmp_path: Path) -> None:
    user = tmp_path / "templates"
    user.mkdir()
    text = (BUILTIN_DIR / "kesepakatan_bersama_antar_daerah.toml").read_text(encoding="utf-8")
    assert "e_meterai = false" in text
    (user / "kb.toml").write_text(text.replace("e_meterai = false", "e_meterai = true"), "utf-8")
    assert load_template(user / "kb.toml").options().e_meterai
    assert not get_template("kesepakatan_bersama_antar_daerah").options().e_meterai
    options = pdf_options("kesepakatan_bersama_antar_daerah", [user])
    assert options["e_meterai"] is True
    doc = dataclasses.replace(sample_document(), **options)
    path = tmp_path / "meterai.pdf"
    result = render_pdf(doc, path)
    page = result.signature_slots[0].page + 1
    words = flat(pdftext(path, page=page))
    assert "Tempat e-Meterai" in words
    assert "dibubuhi meterai elektronik, dan ditandatangani secara elektronik" in words
    plain = tmp_path / "plain.pdf"
    render_pdf(sample_document(), plain)
    assert "meterai" not in pdftext(plain).lower()
    # The seal's area and the signature box do not overlap.
    first = result.signature_slots[0].box
    assert first[2] - first[0] < 64 * 72 / 25.4 - 1
    # An agreement whose own closing says a meterai elektronik is affixed gets the area too.
    own = dataclasses.replace(sample_document(), closing=ELECTRONIC_CLOSING_METERAI)
    own_path = tmp_path / "own.pdf"
    own_result = render_pdf(own, own_path)
    assert "Tempat e-Meterai" in flat(
        pdftext(own_path, page=own_result.signature_slots[0].page + 1)
    )


def sample_pdf(tmp_path: Path) -> Path:
    path = tmp_path / "sample.pdf"
    render_pdf(sample_document(), path)
    return path


def test_hyphenated_words_survive_text_extraction(tmp_path: Path) -> None:
    # "perundang-undangan" at every position of a justified line: some line ends inside it.
    ayat = [
        f"{'Ketentuan ' * (i % 7)}{'lebih lanjut ' * (i // 7)}sesuai dengan peraturan "
        f"perundang-undangan yang berlaku bagi PARA PIHAK."
        for i in range(28)
    ]
    doc = dataclasses.replace(
        sample_document(),
        clauses=[PdfClause(number=1, heading="Ketentuan", ayat=ayat)],
        annex_apps=[],
        obligations=[],
    )
    path = tmp_path / "hyphen.pdf"
    render_pdf(doc, path)
    text = pdftext(path)
    assert "perundangundangan" not in text
    assert flat(text).count("perundang-undangan") == len(ayat)
    # Nor is a line broken next to the word's own hyphen ("perundang-" / "-undangan").
    lines = [line.strip() for line in pdftext(path, layout=True).splitlines()]
    assert not [line for line in lines if line.startswith("-") or "--" in line]
    assert "perundangundangan" not in flat(pdftext(sample_pdf(tmp_path)))


def test_a_party_without_an_address_still_has_a_seat(tmp_path: Path) -> None:
    doc = sample_document()
    doc = dataclasses.replace(
        doc, parties=[dataclasses.replace(p, address=None) for p in doc.parties]
    )
    path = tmp_path / "seat.pdf"
    render_pdf(doc, path)
    text = flat(pdftext(path))
    assert "berkedudukan di Kota Bandung, dalam hal ini" in text
    assert "berkedudukan di Kota Palangkaraya, dalam hal ini" in text


def test_template_typesetting_options_and_their_fallbacks(tmp_path: Path) -> None:
    assert pdf_options("kesepakatan_bersama_antar_daerah")["typeface"] == "bookman"
    assert pdf_options("perjanjian_kerja_sama_hibah_aplikasi")["typeface"] == "arial"
    options = pdf_options("kesepakatan_bersama_antar_daerah")
    assert options["font_size"] == 12 and options["margins"].left == 30
    assert pdf_options("no-such-template") == pdf_options("")  # a deleted template: defaults
    text = (BUILTIN_DIR / "kesepakatan_bersama_antar_daerah.toml").read_text(encoding="utf-8")
    broken = text.replace('typeface = "bookman"', 'typeface = "comic"').replace(
        "size = 12", "size = 40"
    )
    (tmp_path / "kb.toml").write_text(broken, encoding="utf-8")
    odd = load_template(tmp_path / "kb.toml").options()
    assert odd.typeface == "bookman" and odd.size == 12  # unknown face, absurd size: defaults


def test_the_drafted_agreement_has_no_stranded_heading(drafted: Drafted) -> None:
    from tests.pdf.test_document_pages import content_lines, headings_of, is_heading, page_texts

    headings = headings_of(drafted.doc)
    for number, page in enumerate(page_texts(drafted.path), start=1):
        lines = content_lines(page)
        assert lines and not is_heading(lines[-1], headings), (number, lines[-1:])
