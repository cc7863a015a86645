"""The agreement as a file: embedded faces from the template, 12 pt, margins, page count, XMP
against Info, signature stamps, and the exact F4 size of a printed copy.

Checked with pdffonts, pdfinfo, pdftotext, qpdf and pypdfium2, independently of reportlab.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

from mou.pdf.document import PageMargins, PdfDocument
from mou.pdf.render import render_pdf, render_pdf_bytes
from mou.pdf.sample import sample_document
from mou.signing.identity import create_identity

MM = 72 / 25.4


def run(*args: str) -> str:
    return subprocess.run(list(args), capture_output=True, text=True, check=True).stdout


def font_rows(path: Path) -> list[str]:
    """pdffonts rows (the two header lines dropped)."""
    return [line for line in run("pdffonts", str(path)).splitlines()[2:] if line.strip()]


def rendered(doc: PdfDocument, tmp_path: Path, name: str) -> Path:
    path = tmp_path / f"{name}.pdf"
    render_pdf(doc, path)
    return path


@pytest.mark.parametrize(
    ("typeface", "body_font", "absent"),
    [("bookman", "LintasBonum", "LiberationSans-Italic"), ("arial", "LiberationSans", "Bonum")],
)
def test_the_template_typeface_is_embedded_and_every_font_is(
    typeface: str, body_font: str, absent: str, tmp_path: Path
) -> None:
    doc = dataclasses.replace(sample_document(bilingual=True), typeface=typeface)
    rows = font_rows(rendered(doc, tmp_path, typeface))
    assert rows
    for row in rows:
        assert re.search(r"\byes\s+yes\s+yes\s+\d+\s+\d+$", row), row  # embedded subset, ToUnicode
    names = " ".join(row.split()[0] for row in rows)
    assert f"{body_font}-Regular" in names or f"{body_font}+" in names or body_font in names
    assert f"{body_font}-Italic" in names  # the English parallel text
    assert absent not in names
    assert "Helvetica" not in names and "Times" not in names and "Courier" not in names


def _font_sizes(path: Path, tmp_path: Path) -> Counter[float]:
    """How often each text size is selected (Tf operators), from qpdf's uncompressed copy."""
    plain = tmp_path / "qdf.pdf"
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", str(path), str(plain)], check=True)
    data = plain.read_bytes().decode("latin-1")
    return Counter(float(size) for size in re.findall(r"/F\d+\+?\d* ([\d.]+) Tf", data))


def test_body_text_is_12_points(tmp_path: Path) -> None:
    # The agreement's text only: the annex and history tables are set smaller on purpose.
    text_only = dataclasses.replace(sample_document(), annex_apps=[], obligations=[], history=[])
    sizes = _font_sizes(rendered(text_only, tmp_path, "size"), tmp_path)
    assert sizes.most_common(1)[0][0] == 12.0, sizes
    smaller = dataclasses.replace(text_only, font_size=11)
    assert _font_sizes(rendered(smaller, tmp_path, "eleven"), tmp_path).most_common(1)[0][0] == 11


def _left_edge(path: Path, page: int) -> float:
    html = run("pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-")
    return min(float(x) for x in re.findall(r'<word xMin="([\d.]+)"', html))


def test_margins_come_from_the_template(tmp_path: Path) -> None:
    default = rendered(sample_document(), tmp_path, "default")
    assert _left_edge(default, 2) == pytest.approx(30 * MM, abs=0.6)  # Permendagri: 3 cm
    wide = dataclasses.replace(sample_document(), margins=PageMargins(left=40, right=15))
    assert _left_edge(rendered(wide, tmp_path, "wide"), 2) == pytest.approx(40 * MM, abs=0.6)


def test_page_count_text_counts_the_agreement_not_the_history(tmp_path: Path) -> None:
    path = rendered(sample_document(app_count=40), tmp_path, "count")
    pages = run("pdftotext", "-layout", str(path), "-").split("\f")[:-1]
    history = [i for i, page in enumerate(pages) if "RIWAYAT DOKUMEN" in page]
    assert history == [len(pages) - 1]  # the history is the last sheet ...
    agreement = len(pages) - 1
    for number, page in enumerate(pages[:agreement], start=1):
        assert re.search(rf"Halaman {number} dari {agreement}\b", page), number
    last = pages[-1]
    assert "Halaman" not in last and "Riwayat Dokumen, lembar 1" in last  # ... numbered apart
    # Centred under the text column: the number's middle is the column's middle.
    html = run("pdftotext", "-bbox", "-f", "1", "-l", "1", str(path), "-")
    boxes = re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)<', html)
    line = [(float(a), float(b)) for a, b, w in boxes if w in ("Halaman", "dari")]
    middle = (line[0][0] + line[-1][1] + 12) / 2  # + the width of the total's digit
    assert middle == pytest.approx((30 * MM + (215 - 20) * MM) / 2, abs=8)
    assert "LINTAS-KB;" not in "".join(pages)  # the QR's payload is not printed as text


def _info(path: Path) -> dict[str, str]:
    out = run("pdfinfo", "-isodates", str(path))
    return dict(re.findall(r"^(\w+):\s+(.*)$", out, re.M))


def _xmp(path: Path) -> dict[str, str]:
    xml = run("pdfinfo", "-meta", str(path))
    root = ET.fromstring(xml[xml.index("<x:xmpmeta") : xml.index("</x:xmpmeta>") + 12])
    ns = {
        "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "dc": "http://purl.org/dc/elements/1.1/",
        "pdf": "http://ns.adobe.com/pdf/1.3/",
        "xmp": "http://ns.adobe.com/xap/1.0/",
    }
    out: dict[str, str] = {}
    for desc in root.iter(f"{{{ns['rdf']}}}Description"):
        for key, value in desc.attrib.items():
            out[key.split("}")[-1]] = value
        for child in desc:
            items = [li.text or "" for li in child.iter(f"{{{ns['rdf']}}}li")]
            out[child.tag.split("}")[-1]] = items[0] if items else (child.text or "")
    return out


def _same_moment(info_date: str, xmp_date: str) -> bool:
    def parse(text: str) -> dt.datetime:
        text = text.strip().replace("Z", "+00:00")
        if re.search(r"[+-]\d\d$", text):
            text += ":00"
        return dt.datetime.fromisoformat(text)

    return parse(info_date) == parse(xmp_date)


def _assert_xmp_matches_info(path: Path) -> None:
    info, xmp = _info(path), _xmp(path)
    assert xmp["title"] == info["Title"]
    assert xmp["creator"] == info["Author"]
    assert xmp["description"] == info["Subject"]
    assert xmp["Keywords"] == info["Keywords"]
    assert xmp["CreatorTool"] == info["Creator"]
    assert _same_moment(info["CreationDate"], xmp["CreateDate"])
    assert _same_moment(info["ModDate"], xmp["ModifyDate"])


@pytest.fixture(scope="module")
def signed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(unsigned, signed by both) sample agreement; the signers' names carry accents."""
    from mou.pdf.sample_signing import handwritten_png
    from mou.signing import sign_pdf

    folder = tmp_path_factory.mktemp("stamps")
    doc = sample_document()
    doc = dataclasses.replace(
        doc,
        parties=[
            dataclasses.replace(doc.parties[0], head_name="Dr. André Wiratama, S.T."),
            dataclasses.replace(doc.parties[1], head_name="Yohanes Tingang, S.E., M.Si."),
        ],
    )
    data, result = render_pdf_bytes(doc)
    unsigned = folder / "unsigned.pdf"
    unsigned.write_bytes(data)
    for index, slot in enumerate(result.signature_slots):
        identity = create_identity(
            folder / f"{index}.p12",
            f"sandi-{index}",
            common_name=slot.signer_title,
            organization=doc.parties[index].display_name,
            unit="Bagian Kerja Sama",
        )
        data = sign_pdf(
            data,
            identity,
            field_name=slot.field_name,
            signer_name=slot.signer_name,
            signer_title=slot.signer_title,
            signature_png=handwritten_png(index),
        )
    both = folder / "signed.pdf"
    both.write_bytes(data)
    return unsigned, both


def test_xmp_agrees_with_info_before_and_after_signing(signed: tuple[Path, Path]) -> None:
    unsigned, both = signed
    _assert_xmp_matches_info(unsigned)
    _assert_xmp_matches_info(both)
    assert _info(both)["Title"].startswith("Kesepakatan Bersama tentang Kerja Sama")


def test_signature_stamps_use_an_embedded_face_keep_accents_and_say_electronic(
    signed: tuple[Path, Path], tmp_path: Path
) -> None:
    import pypdfium2
    import pypdfium2.raw as pdfium_c

    _, both = signed
    rows = font_rows(both)
    stamp_fonts = [row for row in rows if "Identity-H" in row]
    assert len(stamp_fonts) == 2, rows  # one subset per stamp
    for row in rows:
        assert re.search(r"\byes\s+yes\s+yes\s+\d+\s+\d+$", row), row
    assert "Courier" not in " ".join(rows)
    pdf = pypdfium2.PdfDocument(str(both))
    try:
        pdf.init_forms()
        index = next(i for i in range(len(pdf)) if "Ditandatangani di" in _page_text(pdf, i))
        assert pdf[index].flatten(pdfium_c.FLAT_PRINT) == pdfium_c.FLATTEN_SUCCESS
        text = _page_text(pdf, index)
    finally:
        pdf.close()
    assert "Dr. André Wiratama, S.T." in text  # the accent is in the stamp, not folded to "Andre"
    assert text.count("Ditandatangani secara elektronik") == 2


def _page_text(pdf, index: int) -> str:
    page = pdf[index]
    textpage = page.get_textpage()
    try:
        return textpage.get_text_range()
    finally:
        textpage.close()


@pytest.mark.parametrize(
    ("paper", "size"), [("f4", "609.449 x 935.433"), ("a4", "595.276 x 841.89")]
)
def test_printed_copy_is_exactly_the_paper(qapp, paper: str, size: str, tmp_path: Path) -> None:
    from ui.signing.print import SignedPdfPrinter, print_to_pdf_file

    source = rendered(sample_document(paper=paper, app_count=3), tmp_path, f"source-{paper}")
    document = SignedPdfPrinter(source.read_bytes())
    try:
        out = tmp_path / f"printed-{paper}.pdf"
        assert print_to_pdf_file(document, str(out), paper) == document.page_count
    finally:
        document.close()
    sizes = re.findall(r"size:\s+([\d.]+ x [\d.]+) pts", run("pdfinfo", "-l", "99", str(out)))
    assert sizes and all(s == size for s in sizes), sizes
    check = subprocess.run(["qpdf", "--check", str(out)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
