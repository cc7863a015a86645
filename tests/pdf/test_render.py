"""The rendered agreement checked with poppler, qpdf and pypdfium2."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import subprocess
from pathlib import Path

import numpy
import pytest
from PIL import Image

from mou.pdf.dates import ZONES
from mou.pdf.document import PdfClause, PdfHistoryEntry
from mou.pdf.layout import QR_SIZE, page_geometry, parse_qr_payload, qr_payload
from mou.pdf.render import RenderError, render_pdf, render_pdf_bytes
from mou.pdf.sample import sample_document
from tests.pdf.conftest import SCREENSHOTS, Rendered


def test_f4_page_size_and_qpdf_check(rendered_f4: Rendered) -> None:
    info = rendered_f4.info()
    assert "Page size:       609.449 x 935.433 pts" in info  # 215 x 330 mm
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages == rendered_f4.result.page_count
    sizes = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", str(pages), str(rendered_f4.path)],
        capture_output=True,
        text=True,
    ).stdout
    assert sizes.count("609.449 x 935.433 pts") == pages  # every page, not just the first
    check = subprocess.run(
        ["qpdf", "--check", str(rendered_f4.path)], capture_output=True, text=True
    )
    assert check.returncode == 0 and "No syntax or stream encoding errors" in check.stdout


def test_a4_page_size(rendered_a4: Rendered) -> None:
    assert "595.276 x 841.89 pts (A4)" in rendered_a4.info()


def test_every_pasal_the_annex_and_the_history_are_in_the_text(rendered_f4: Rendered) -> None:
    text = rendered_f4.text()
    for clause in rendered_f4.doc.clauses:
        assert f"Pasal {clause.number}\n" in text, clause.number
        assert clause.heading.upper() in text
    assert "KESEPAKATAN BERSAMA" in text
    assert "PEMERINTAH KOTA BANDUNG" in text and "PEMERINTAH KOTA PALANGKARAYA" in text
    for party in rendered_f4.doc.parties:
        assert f"NOMOR : {party.nomor}" in text
    assert "LAMPIRAN" in text and "A. Daftar Aplikasi (40 aplikasi)" in text
    flat = " ".join(text.split())  # table cells wrap long names over two lines
    for app in rendered_f4.doc.annex_apps:
        assert app.name in flat
    assert "B. Kewajiban Para Pihak" in text
    assert "RIWAYAT DOKUMEN" in text and rendered_f4.doc.revision_hash in text
    assert "Hadir dalam sesi penandatanganan" in text and "09.00 WIB" in text
    # The pembukaan writes the day, date and year out in words, as Indonesian deeds do.
    assert (
        "Pada hari Minggu tanggal dua puluh dua bulan November tahun dua ribu dua puluh enam, "
        "bertempat di Bandung" in flat
    )


def test_footer_numbers_every_page_and_names_the_total(rendered_f4: Rendered) -> None:
    # The Riwayat Dokumen (last page here) is an attachment outside the agreement's count.
    total = rendered_f4.result.page_count - 1
    for page in range(1, total + 1):
        text = rendered_f4.text(page, layout=True)
        assert re.search(rf"Halaman {page} dari\s+{total}\b", text), text[-400:]
        assert f"Kode dokumen: {rendered_f4.doc.agreement_id}" in text
    assert "Riwayat Dokumen, lembar 1" in rendered_f4.text(total + 1, layout=True)


def test_ayat_numbering_and_hanging_sub_items(rendered_f4: Rendered) -> None:
    text = rendered_f4.text(layout=True)
    assert re.search(r"\(1\)\s+Maksud Kesepakatan Bersama", text)
    assert re.search(r"\(2\)\s+Tujuan Kesepakatan Bersama", text)
    assert re.search(r"a\.\s+hibah aplikasi kota cerdas", text)
    assert re.search(r"d\.\s+kerja sama lain", text)


def test_fonts_are_embedded_subsets(rendered_f4: Rendered) -> None:
    fonts = subprocess.run(
        ["pdffonts", str(rendered_f4.path)], capture_output=True, text=True
    ).stdout
    rows = [line for line in fonts.splitlines()[2:] if line.strip()]
    assert rows
    for row in rows:
        assert re.search(r"LintasBonum|LiberationSans|DejaVuSansMono", row), row
        assert re.search(r"\byes\s+yes\s+(yes|no)\s+\d+\s+\d+$", row), row  # embedded + subset


def test_metadata(rendered_f4: Rendered) -> None:
    info = rendered_f4.info()
    assert (
        "Title:           Kesepakatan Bersama tentang Kerja Sama Pengembangan Kota Cerdas" in info
    )
    assert "Author:          Pemerintah Kota Bandung – Pemerintah Kota Palangkaraya" in info
    assert rendered_f4.doc.agreement_id in re.search(r"Subject:\s+(.*)", info).group(1)
    assert rendered_f4.doc.revision_hash in re.search(r"Keywords:\s+(.*)", info).group(1)


def test_outline_has_a_bookmark_per_pasal_on_the_right_page(rendered_f4: Rendered) -> None:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(rendered_f4.path))
    try:
        toc = {b.get_title(): b.get_dest().get_index() for b in pdf.get_toc()}
    finally:
        pdf.close()
    for clause in rendered_f4.doc.clauses:
        title = f"Pasal {clause.number} — {clause.heading}"
        assert title in toc
        assert f"Pasal {clause.number}\n" in rendered_f4.text(toc[title] + 1)
    assert "LAMPIRAN" in rendered_f4.text(toc["Lampiran"] + 1)
    assert toc["Riwayat Dokumen"] == rendered_f4.result.page_count - 1


def test_signature_slots_are_fields_on_the_signature_page(rendered_f4: Rendered) -> None:
    from mou.signing import signature_fields

    slots = rendered_f4.result.signature_slots
    assert [s.field_name for s in slots] == ["TandaTangan1", "TandaTangan2"]
    fields = {f.name: f for f in signature_fields(rendered_f4.path.read_bytes())}
    geometry = page_geometry("f4")
    for slot in slots:
        field = fields[slot.field_name]
        assert not field.signed and field.page == slot.page and field.box == slot.box
        x1, y1, x2, y2 = slot.box
        assert geometry.left <= x1 < x2 <= geometry.width - geometry.right
        assert geometry.bottom <= y1 < y2 <= geometry.height - geometry.top
        page_text = rendered_f4.text(slot.page + 1)
        assert slot.role_label in page_text and slot.signer_name in page_text
    assert slots[0].box[1] == slots[1].box[1]  # side by side


def test_nip_is_printed_only_when_given(tmp_path: Path) -> None:
    doc = sample_document()
    with_nip = dataclasses.replace(
        doc,
        parties=[
            dataclasses.replace(doc.parties[0], head_nip="19700101 199003 1 001"),
            doc.parties[1],
        ],
    )
    path = tmp_path / "nip.pdf"
    render_pdf(with_nip, path)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    # Under the signature and again in the Lampiran's closing blocks; never for the other party.
    assert text.count("NIP. ") == 2 and text.count("NIP. 19700101 199003 1 001") == 2


def test_bilingual_text_runs_in_parallel(rendered_a4: Rendered) -> None:
    text = rendered_a4.text(layout=True)
    assert "Article 1" in text and "PURPOSE AND OBJECTIVES" in text
    # Same line: Indonesian on the left, English on the right.
    assert re.search(r"Pasal 1\s+Article 1", text)
    assert "on Cooperation in Smart City Development" in text


def test_history_times_are_shown_in_the_zone_named(tmp_path: Path) -> None:
    doc = sample_document()
    moment = dt.datetime(2026, 11, 20, 2, 30, tzinfo=dt.UTC)
    history = [
        PdfHistoryEntry(
            when=moment,
            tz_label="WIB",
            event="Sesi dibuka di Bandung",
            actor="A",
            category="attendance",
        ),
        PdfHistoryEntry(
            when=moment,
            tz_label="WITA",
            event="Hadir dari Makassar",
            actor="B",
            category="attendance",
        ),
        PdfHistoryEntry(
            when=moment,
            tz_label="WIT",
            event="Hadir dari Jayapura",
            actor="C",
            category="attendance",
        ),
    ]
    path = tmp_path / "tz.pdf"
    render_pdf(dataclasses.replace(doc, history=history), path)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert "20 Nov 2026 09.30 WIB" in text
    assert "20 Nov 2026 10.30 WITA" in text
    assert "20 Nov 2026 11.30 WIT" in text


def test_invalid_documents_are_refused_clearly() -> None:
    doc = sample_document()
    with pytest.raises(RenderError, match="repeat"):
        render_pdf_bytes(dataclasses.replace(doc, clauses=[PdfClause(number=1, heading="A")] * 2))
    naive = PdfHistoryEntry(when=dt.datetime(2026, 1, 1), tz_label="WIB", event="x", actor="y")
    with pytest.raises(RenderError, match="time zone"):
        render_pdf_bytes(dataclasses.replace(doc, history=[naive]))
    with pytest.raises(RenderError, match="at least one party"):
        render_pdf_bytes(dataclasses.replace(doc, parties=[]))


def test_broken_lambang_does_not_stop_rendering(tmp_path: Path) -> None:
    doc = sample_document()
    broken = dataclasses.replace(
        doc, parties=[dataclasses.replace(p, lambang_png=b"nope") for p in doc.parties]
    )
    data, result = render_pdf_bytes(broken)
    assert data.startswith(b"%PDF") and result.page_count >= 4


def test_qr_on_every_page_encodes_id_and_revision_hash(
    rendered_f4: Rendered, tmp_path: Path
) -> None:
    """Sample the QR modules from a 300 dpi render and compare with the payload's encoding."""
    from reportlab.graphics.barcode import qrencoder

    payload = qr_payload(rendered_f4.doc.agreement_id, rendered_f4.doc.revision_hash)
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(payload)
    code.make()
    count = code.getModuleCount()
    expected = numpy.array([[code.isDark(r, c) for c in range(count)] for r in range(count)])
    geometry = page_geometry("f4")
    dpi = 300
    scale = dpi / 72
    x = (geometry.width - geometry.right - QR_SIZE) * scale
    y = (geometry.height - 10 * 72 / 25.4 - QR_SIZE) * scale  # QR bottom sits 10 mm above the edge
    size = QR_SIZE * scale
    for page in (1, rendered_f4.result.page_count):
        out = tmp_path / f"qr{page}"
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                str(dpi),
                "-f",
                str(page),
                "-l",
                str(page),
                "-singlefile",
                "-x",
                str(int(x)),
                "-y",
                str(int(y)),
                "-W",
                str(int(size) + 2),
                "-H",
                str(int(size) + 2),
                str(rendered_f4.path),
                str(out),
            ],
            check=True,
        )
        pixels = numpy.asarray(Image.open(f"{out}.png").convert("L"))
        module = size / count
        offset_x, offset_y = x - int(x), y - int(y)
        seen = numpy.array(
            [
                [
                    pixels[int(offset_y + (r + 0.5) * module), int(offset_x + (c + 0.5) * module)]
                    < 128
                    for c in range(count)
                ]
                for r in range(count)
            ]
        )
        assert (seen == expected).mean() > 0.99, (
            f"page {page}: QR differs from the payload's encoding"
        )


def test_screenshots_of_key_pages(rendered_f4: Rendered, tmp_path: Path) -> None:
    """Write PNGs of page 1, a clause page, the signature page, the annex and Riwayat Dokumen."""
    SCREENSHOTS.mkdir(exist_ok=True)
    total = rendered_f4.result.page_count
    signature_page = rendered_f4.result.signature_slots[0].page + 1
    wanted = {
        "pdf_page1": 1,
        "pdf_clauses": 2,
        "pdf_signatures": signature_page,
        "pdf_annex": signature_page + 1,
        "pdf_history": total,
    }
    for name, page in wanted.items():
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "60",
                "-f",
                str(page),
                "-l",
                str(page),
                "-singlefile",
                str(rendered_f4.path),
                str(SCREENSHOTS / name),
            ],
            check=True,
        )
        image = Image.open(SCREENSHOTS / f"{name}.png").convert("L")
        assert numpy.asarray(image).min() < 100  # not a blank page
    assert "LAMPIRAN" in rendered_f4.text(signature_page + 1)


def test_history_zone_table_is_complete() -> None:
    assert {k: v.utcoffset(None) for k, v in ZONES.items()} == {
        "WIB": dt.timedelta(hours=7),
        "WITA": dt.timedelta(hours=8),
        "WIT": dt.timedelta(hours=9),
    }


def test_qr_payload_round_trips_and_rejects_foreign_codes() -> None:
    payload = qr_payload("KB-2026-0001", "ab" * 32)
    assert parse_qr_payload(payload) == ("KB-2026-0001", "ab" * 32)
    for foreign in ("https://example.org", "LINTAS-KB;id=;rev=x", "LINTAS-KB;id=a"):
        with pytest.raises(ValueError):
            parse_qr_payload(foreign)


def test_minimal_and_three_party_documents(tmp_path: Path) -> None:
    from mou.signing import signature_fields

    doc = sample_document()
    minimal = dataclasses.replace(doc, annex_apps=[], obligations=[], history=[], considerations=[])
    data, result = render_pdf_bytes(minimal)
    path = tmp_path / "minimal.pdf"
    path.write_bytes(data)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert "LAMPIRAN" not in text and "Belum ada riwayat yang tercatat." in text
    third = dataclasses.replace(
        doc.parties[1],
        display_name="Pemerintah Kota Pekanbaru",
        head_title="Wali Kota Pekanbaru",
        head_name="Rahmat Siregar",
        role_label="PIHAK KETIGA",
        nomor="050/KB/2026",
    )
    data, result = render_pdf_bytes(dataclasses.replace(doc, parties=[*doc.parties, third]))
    assert [s.field_name for s in result.signature_slots] == [
        "TandaTangan1",
        "TandaTangan2",
        "TandaTangan3",
    ]
    assert result.signature_slots[2].box[1] < result.signature_slots[0].box[1]  # next row, below
    assert [f.name for f in signature_fields(data)] == [
        "TandaTangan1",
        "TandaTangan2",
        "TandaTangan3",
    ]


def test_a_party_without_its_number_yet_gets_a_dotted_nomor_line(tmp_path: Path) -> None:
    doc = sample_document()
    unnumbered = dataclasses.replace(doc.parties[1], nomor="  ")
    data, _ = render_pdf_bytes(dataclasses.replace(doc, parties=[doc.parties[0], unnumbered]))
    path = tmp_path / "unnumbered.pdf"
    path.write_bytes(data)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert f"NOMOR : {doc.parties[0].nomor}" in text
    assert "NOMOR : " + "." * 40 in text
