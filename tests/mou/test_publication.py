"""An agreed revision becomes a PdfDocument and a real PDF (checked with poppler's pdftotext)."""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from mou import models
from mou.agreement import AgreementError, AgreementStatus
from mou.clause import update_clause
from mou.exchange import (
    PackageError,
    export_package,
    import_package,
    office_card,
    trust_office_card,
)
from mou.lambang import MAX_LAMBANG_BYTES, check_lambang_png
from mou.office import local_office
from mou.pdf.render import render_pdf
from mou.pdf.sample import lambang_png
from mou.publication import pdf_document_for
from mou.workflow import approve, transition
from tests.mou.conftest import City, draft_in_bandung


def test_agreed_revision_to_pdf(cities, tmp_path: Path) -> None:
    a, id_a, b, id_b = cities
    agreement_id = draft_in_bandung(a)
    with a.db.session() as s:
        ag = s.get(models.Agreement, agreement_id)
        package = export_package(s, ag, id_a, a.drafter)
    with b.db.session() as s:
        ag_b = import_package(s, package, b.drafter).agreement
        approve(s, ag_b, b.signatory)
        back = export_package(s, ag_b, id_b, b.drafter)
    with a.db.session() as s:
        ag = import_package(s, back, a.drafter).agreement
        approve(s, ag, a.signatory)
        transition(s, ag, a.signatory, AgreementStatus.AGREED)
        agreed_hash = ag.agreed_revision.hash
        doc = pdf_document_for(s, agreement_id)
    assert doc.revision_hash == agreed_hash and doc.revision_label == "Revisi 1"
    assert doc.kind == "Kesepakatan Bersama" and doc.title.startswith("tentang Kerja Sama")
    assert [p.role_label for p in doc.parties] == ["PIHAK PERTAMA", "PIHAK KEDUA"]
    assert doc.parties[0].nomor == "415.4/47-Huk" and doc.place == "Jambi"
    assert [c.number for c in doc.clauses] == list(range(1, 9)) and doc.clauses[0].ayat
    assert len(doc.annex_apps) == 4 and doc.annex_apps[0].dimension.startswith("Smart ")
    assert [o.party for o in doc.obligations] == ["PIHAK KEDUA", "PIHAK PERTAMA", "PIHAK PERTAMA"]
    assert len(doc.considerations) == 3 and doc.opening.startswith(
        "Pada hari Rabu tanggal dua puluh tujuh"
    )
    events = [h.event for h in doc.history]
    assert any(e.startswith("Revisi 1 disetujui") for e in events)
    assert events[0] == f"Revisi 1 disimpan oleh Pemerintah Kota Bandung ({doc.revision_hash[:12]})"
    assert [h.category for h in doc.history].count("approval") == 2
    assert any("Negosiasi → Disepakati" in e for e in events)
    assert all(h.when.tzinfo is not None and h.tz_label == "WIB" for h in doc.history)

    # Editing after agreement is refused, so the PDF always shows the approved text.
    with a.db.session() as s, pytest.raises(AgreementError, match="can no longer be edited"):
        ag = s.get(models.Agreement, agreement_id)
        update_clause(s, ag, a.drafter, ag.clauses[0].uuid, body="x")

    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils (pdftotext) is not installed")
    out = tmp_path / "kb.pdf"
    render_pdf(doc, out)
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip
    flat = " ".join(text.split())
    assert "KESEPAKATAN BERSAMA" in flat
    assert "415.4/47-Huk" in flat
    assert "PENYELESAIAN PERSELISIHAN" in flat
    assert "LAMPIRAN" in flat
    # Table cells wrap long names; every word of the picked app's name is printed.
    assert all(word in flat for word in doc.annex_apps[0].name.split())


def _set_lambang(city: City, png: bytes) -> None:
    """Give the city's office its lambang, as the first-run wizard does."""
    with city.db.session() as s:
        local_office(s).lambang_png = png


def _page_one_images(pdf: Path) -> list[list[str]]:
    rows = subprocess.run(
        ["pdfimages", "-list", "-f", "1", "-l", "1", str(pdf)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()[2:]
    return [r.split() for r in rows if r.split()[2] == "image"]


def test_counterpart_lambang_travels_in_the_office_card_into_the_pdf(
    cities, tmp_path: Path
) -> None:
    if shutil.which("pdfimages") is None:
        pytest.skip("poppler-utils (pdfimages) is not installed")
    a, id_a, b, id_b = cities
    lambang_a, lambang_b = lambang_png("#1F5FAD", "B"), lambang_png("#2E7D32", "P")
    _set_lambang(a, lambang_a)
    _set_lambang(b, lambang_b)
    with a.db.session() as s:
        card_a = office_card(s, id_a)
    with b.db.session() as s:
        trust_office_card(s, card_a, b.signatory)  # the same certificate, now with its lambang
    agreement_id = draft_in_bandung(a)
    with a.db.session() as s:
        package = export_package(s, s.get(models.Agreement, agreement_id), id_a, a.drafter)
    with b.db.session() as s:
        # Importing a package (whose office entries carry no lambang) keeps the stored one.
        copy_b = import_package(s, package, b.drafter).agreement
        doc = pdf_document_for(s, copy_b.id)
    assert [p.lambang_png for p in doc.parties] == [lambang_a, lambang_b]
    out = tmp_path / "kb-palangkaraya.pdf"
    render_pdf(doc, out)
    assert len(_page_one_images(out)) == 2


@pytest.mark.parametrize(
    ("lambang", "reason"),
    [
        (base64.b64encode(b"GIF89a not a png").decode(), "not a PNG"),
        ("@@not base64@@", "not valid base64"),
        (base64.b64encode(lambang_png("#1F5FAD", "B")[:-20]).decode(), "cut short"),
        (base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\0" * (MAX_LAMBANG_BYTES + 1)).decode(), "KiB"),
    ],
)
def test_office_card_with_a_bad_lambang_is_refused(cities, lambang: str, reason: str) -> None:
    a, id_a, b, _ = cities
    with a.db.session() as s:
        card = json.loads(office_card(s, id_a))
    card["office"]["lambang_png"] = lambang
    with b.db.session() as s, pytest.raises(PackageError, match=reason):
        trust_office_card(s, json.dumps(card).encode(), b.signatory)
    with pytest.raises(ValueError, match="not a PNG"):
        check_lambang_png(b"")
