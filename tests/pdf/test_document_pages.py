"""Page breaks of the agreement PDF, read page by page with pdftotext -layout.

A heading is never the last thing on a page (keep-with-next in both layouts), and a table that
continues under a repeated header never carries a single row there. Several documents are
rendered (papers, one and two languages, pasal and annex counts), so a page break falls in many
different places.
"""

from __future__ import annotations

import dataclasses
import re
import subprocess
from pathlib import Path

import pytest

from mou.pdf.document import PdfDocument
from mou.pdf.render import render_pdf
from mou.pdf.sample import sample_document

FOOTER = re.compile(r"^(Halaman \d+ dari|Kode dokumen:|Riwayat Dokumen, lembar)")


def page_texts(path: Path) -> list[str]:
    """pdftotext -layout of every page."""
    text = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return text.split("\f")[:-1]


def content_lines(page: str) -> list[str]:
    """The page's non-empty lines above the footer."""
    lines = [line.strip() for line in page.splitlines() if line.strip()]
    return [line for line in lines if not FOOTER.match(line)]


def headings_of(doc: PdfDocument) -> set[str]:
    """Every pasal heading line the document prints, in both languages."""
    out = set()
    for clause in doc.clauses:
        out.add(clause.heading.upper())
        if clause.heading_en:
            out.add(clause.heading_en.upper())
    return out


def is_heading(line: str, headings: set[str]) -> bool:
    """A line made only of pasal numbers and headings ("Pasal 5   Article 5", "PEMBIAYAAN")."""
    rest = re.sub(r"\b(Pasal|Article) \d+\b", "", line)
    for heading in sorted(headings, key=len, reverse=True):
        rest = rest.replace(heading, "")
    return not rest.strip()


def render(doc: PdfDocument, tmp_path: Path, name: str) -> list[str]:
    path = tmp_path / f"{name}.pdf"
    render_pdf(doc, path)
    return page_texts(path)


# The two-column layout splits inside table rows, so it gets more page-break positions.
CASES = [
    (paper, bilingual, count)
    for paper in ("f4", "a4")
    for bilingual in (False, True)
    for count in ((10, 11, 12, 13, 14, 15, 16) if bilingual else (10, 13, 16))
]


@pytest.mark.parametrize(("paper", "bilingual", "count"), CASES)
def test_no_page_ends_in_a_pasal_heading(
    paper: str, bilingual: bool, count: int, tmp_path: Path
) -> None:
    doc = sample_document(paper=paper, bilingual=bilingual, clause_count=count, app_count=5)
    headings = headings_of(doc)
    pages = render(doc, tmp_path, f"{paper}-{bilingual}-{count}")
    for number, page in enumerate(pages, start=1):
        lines = content_lines(page)
        assert lines, f"page {number} is empty"
        assert not is_heading(lines[-1], headings), (
            f"{paper} {'two' if bilingual else 'one'}-language, {count} pasal: page {number} "
            f"ends in the heading {lines[-1]!r}"
        )
    # Each pasal's outline entry points at the page where its heading is printed.
    for title, index in outline(tmp_path / f"{paper}-{bilingual}-{count}.pdf").items():
        found = re.match(r"Pasal (\d+) — ", title)
        if found:
            assert re.search(rf"^\s*Pasal {found.group(1)}\b", pages[index], re.M), title


def outline(path: Path) -> dict[str, int]:
    """Outline titles and their 0-based target pages (pypdfium2)."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return {b.get_title(): b.get_dest().get_index() for b in pdf.get_toc()}
    finally:
        pdf.close()


def test_the_heading_check_sees_a_stranded_heading() -> None:
    # The checker itself: the two lines the old renderer left at the foot of F4 page 2.
    headings = {"PEMBIAYAAN", "FUNDING"}
    assert is_heading("Pasal 5                Article 5", headings)
    assert is_heading("PEMBIAYAAN               FUNDING", headings)
    assert not is_heading("Biaya yang timbul dari pelaksanaan", headings)


def _table_rows_per_page(pages: list[str], header: str) -> list[int]:
    """Rows (lines starting with a row number) on each page that shows the table header."""
    counts = []
    for page in pages:
        lines = page.splitlines()
        starts = [i for i, line in enumerate(lines) if re.match(header, line.strip())]
        if not starts:
            continue
        rows = 0
        for line in lines[starts[0] + 1 :]:
            stripped = line.strip()
            if FOOTER.match(stripped) or re.match(r"^[A-Z]\. ", stripped):
                break  # footer, or the next section of the Lampiran
            if re.match(r"^\d+\s+\S", stripped):
                rows += 1
        counts.append(rows)
    return counts


@pytest.mark.parametrize("paper", ["f4", "a4"])
def test_no_annex_row_alone_under_a_repeated_header(paper: str, tmp_path: Path) -> None:
    # Every app count from 20 to 55: the table's page breaks fall after every possible row.
    for apps in range(20, 56):
        doc = dataclasses.replace(
            sample_document(paper=paper, app_count=apps), obligations=[], history=[]
        )
        pages = render(doc, tmp_path, f"annex-{paper}-{apps}")
        counts = _table_rows_per_page(pages, r"^No\s+Nama Aplikasi")
        assert sum(counts) == apps, (apps, counts)
        assert len(counts) >= 2 or apps < 30, (apps, counts)
        assert all(c >= 2 for c in counts), f"{apps} applications on {paper}: rows {counts}"
