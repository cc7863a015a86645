# ruff: noqa: F811  (the two-city fixtures are imported into this module by name)
"""The agreed document renders to the same bytes at every office, and a changed one is refused.

Two cities' own SQLite files reach the same agreed revision through real packages; each renders
its agreed base document. A subprocess in another time zone renders it again from the second
city's file. The cross-renderer path renders with another ``RENDERER_VERSION`` (as an office with
a newer Lintas would) and compares page by page with pypdfium2 text and pixels.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from mou import models
from mou.meeting import IndonesianTimeZone
from mou.pdf import version
from mou.pdf.document import PdfClause, PdfDocument
from mou.pdf.render import document_id, render_pdf_bytes
from mou.pdf.sample import lambang_png
from mou.publication import pdf_document_for
from mou.signing.agreed_document import (
    D_BYTES,
    D_PICTURE,
    D_TEXT,
    DocumentMismatch,
    agreed_pdf_document,
    base_revision,
    check_agreed_pdf,
    pasal_at,
    renderer_of,
)
from tests.archive.conftest import Side, agreed, signature_png  # noqa: F401 (fixtures)
from tests.mou.conftest import cities  # noqa: F401 (fixture)

ROOT = Path(__file__).resolve().parents[2]
PAYMENT = (
    "PIHAK KEDUA wajib membayar kepada PIHAK PERTAMA biaya lisensi sebesar "
    "Rp2.500.000.000,00 (dua miliar lima ratus juta rupiah) setiap tahun."
)


def agreed_document(side: Side) -> PdfDocument:
    with side.city.db.session() as s:
        return agreed_pdf_document(s, s.get(models.Agreement, side.agreement_id))


def render(doc: PdfDocument) -> bytes:
    return render_pdf_bytes(doc)[0]


def with_pasal(doc: PdfDocument, number: int, body: str) -> PdfDocument:
    """``doc`` with pasal ``number`` rewritten, keeping the agreed hash (the attack)."""
    clauses = [
        PdfClause(number=c.number, heading=c.heading, body=body) if c.number == number else c
        for c in doc.clauses
    ]
    return replace(doc, clauses=clauses)


def pdf_tool(tool: str, data: bytes, tmp_path: Path, *args: str) -> str:
    path = tmp_path / f"{tool}.pdf"
    path.write_bytes(data)
    return subprocess.run(
        [tool, *args, str(path), *(["-"] if tool == "pdftotext" else [])],
        capture_output=True,
        text=True,
        check=tool != "qpdf",
    ).stdout


def test_two_offices_render_the_agreed_revision_to_identical_bytes(
    agreed: tuple[Side, Side, str], tmp_path: Path
) -> None:
    a, b, _uuid = agreed
    doc_a, doc_b = agreed_document(a), agreed_document(b)
    pdf_a, pdf_b = render(doc_a), render(doc_b)
    assert pdf_a == pdf_b
    # What each office would print for itself differs (its own state changes, its zone), which
    # is why those facts stay out of the agreed base document.
    with a.city.db.session() as s:
        local_a = render(pdf_document_for(s, a.agreement_id, time_zone=IndonesianTimeZone.WIB))
    with b.city.db.session() as s:
        local_b = render(pdf_document_for(s, b.agreement_id, time_zone=IndonesianTimeZone.WIT))
    assert local_a != local_b
    text = " ".join(pdf_tool("pdftotext", pdf_a, tmp_path).split())
    assert "Revisi 1 disusun oleh Pemerintah Kota Bandung" in text
    assert text.count("disetujui") == 2 and "WIT" not in text.replace("WITA", "")
    # Fixed metadata: creation date from the agreement, /ID from the revision hash.
    info = pdf_tool("pdfinfo", pdf_a, tmp_path)
    assert f"CreationDate:    {doc_a.signed_on:%a %b} {doc_a.signed_on.day:2d} 00:00:00" in info
    assert f"Creator:         {version.renderer_label()}" in info
    assert f"<{document_id(doc_a)}><{document_id(doc_a)}>".encode() in pdf_a
    assert "No syntax or stream encoding errors" in pdf_tool("qpdf", pdf_a, tmp_path, "--check")
    # Each office accepts the other's file as the agreed document, byte for byte.
    assert check_agreed_pdf(pdf_b, doc_a).exact and check_agreed_pdf(pdf_a, doc_b).exact


_SUBPROCESS = """
import sys
from mou import models
from mou.db import open_database
from mou.pdf.render import render_pdf_bytes
from mou.signing.agreed_document import agreed_pdf_document

db = open_database(sys.argv[1])
with db.session() as s:
    agreement = s.get(models.Agreement, int(sys.argv[2]))
    data, _ = render_pdf_bytes(agreed_pdf_document(s, agreement))
sys.stdout.buffer.write(data)
"""


@pytest.mark.parametrize("zone", ["Asia/Jayapura", "America/Los_Angeles"])
def test_another_process_in_another_time_zone_renders_the_same_bytes(
    agreed: tuple[Side, Side, str], zone: str
) -> None:
    a, b, _uuid = agreed
    expected = render(agreed_document(a))
    env = {**os.environ, "TZ": zone, "PYTHONPATH": str(ROOT)}
    env.pop("SOURCE_DATE_EPOCH", None)
    done = subprocess.run(
        [sys.executable, "-c", _SUBPROCESS, b.city.db.url, str(b.agreement_id)],
        capture_output=True,
        env=env,
        cwd=ROOT,
        check=True,
        timeout=120,
    )
    assert done.stdout == expected


def test_a_changed_pasal_is_named_and_hidden_content_is_refused(
    agreed: tuple[Side, Side, str],
) -> None:
    a, _b, _uuid = agreed
    doc = agreed_document(a)
    assert check_agreed_pdf(render(doc), doc).exact
    last = doc.clauses[-1].number
    for number in (1, last):
        with pytest.raises(DocumentMismatch) as error:
            check_agreed_pdf(render(with_pasal(doc, number, PAYMENT)), doc)
        assert error.value.code == D_TEXT and error.value.params["pasal"] == number
    # Invisible to a reader (only the metadata keywords differ) but not the agreed bytes.
    hidden = render(replace(doc, keywords=[*doc.keywords, "Rp2.500.000.000"]))
    with pytest.raises(DocumentMismatch) as error:
        check_agreed_pdf(hidden, doc)
    assert error.value.code == D_BYTES


def test_another_renderer_version_is_compared_page_by_page(
    agreed: tuple[Side, Side, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, _b, _uuid = agreed
    doc = agreed_document(a)
    ours = render(doc)
    # The counterpart runs a newer Lintas: its renderer label (and so its bytes) differ.
    monkeypatch.setattr(version, "RENDERER_VERSION", version.RENDERER_VERSION + 1)
    newer = render(doc)
    newer_changed = render(with_pasal(doc, 1, PAYMENT))
    newer_lambang = render(
        replace(
            doc,
            parties=[
                replace(doc.parties[0], lambang_png=lambang_png("#B00020", "X")),
                *doc.parties[1:],
            ],
        )
    )
    monkeypatch.undo()
    assert newer != ours and renderer_of(newer) != renderer_of(ours)
    accepted = check_agreed_pdf(newer, doc)
    assert not accepted.exact and accepted.received_renderer == renderer_of(newer)
    with pytest.raises(DocumentMismatch) as error:
        check_agreed_pdf(newer_changed, doc)
    assert error.value.code == D_TEXT and error.value.params["pasal"] == 1
    with pytest.raises(DocumentMismatch) as error:
        check_agreed_pdf(newer_lambang, doc)
    assert error.value.code == D_PICTURE and error.value.params["page"] == 1


def test_base_revision_is_the_file_before_the_first_signature(
    agreed: tuple[Side, Side, str], signature_png: bytes
) -> None:
    from mou.signing import sign_pdf
    from mou.signing.identity import load_identity
    from tests.archive.conftest import PASSWORD

    a, _b, _uuid = agreed
    unsigned = render(agreed_document(a))
    assert base_revision(unsigned) == unsigned
    signed = sign_pdf(
        unsigned,
        load_identity(a.identity_path, PASSWORD),
        field_name="TandaTangan1",
        signer_name="Signatory Bandung",
        signer_title="Wali Kota Bandung",
        signature_png=signature_png,
    )
    assert len(signed) > len(unsigned) and base_revision(signed) == unsigned


def test_pasal_positions_map_back_to_their_heading() -> None:
    text = "Pembukaan\r\nPasal 1\r\nRUANG LINGKUP\r\nsesuai Pasal 3 ayat (2)\r\nPasal 2\r\nisi"
    assert pasal_at(text, 3) is None
    assert pasal_at(text, text.index("RUANG")) == 1
    assert pasal_at(text, text.index("ayat")) == 1  # a mention is not a heading
    assert pasal_at(text, text.index("isi")) == 2


def test_an_oversized_page_is_refused_before_it_is_rasterised(
    agreed: tuple[Side, Side, str],
) -> None:
    import io

    from reportlab.pdfgen.canvas import Canvas

    from mou.pdf.layout import F4
    from mou.signing.agreed_document import D_PAGES

    a, _b, _uuid = agreed
    doc = agreed_document(a)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=F4)
    canvas.drawString(100, 700, "Pasal 1")
    canvas.showPage()
    canvas.setPageSize((14400, 14400))  # 5 m square: about 800 MB of pixels at 72 dpi
    canvas.drawString(100, 700, "Pasal 2")
    canvas.showPage()
    canvas.save()
    with pytest.raises(DocumentMismatch) as error:
        check_agreed_pdf(buffer.getvalue(), doc)
    assert error.value.code == D_PAGES and error.value.params["page"] == 2
