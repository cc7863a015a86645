"""Redline export: a real PDF (pdftotext, qpdf --check, pdffonts) and printing, from the dialog."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter

from mou import models
from mou.agreement import get_agreement
from mou.clause import update_clause
from mou.meeting import IndonesianTimeZone
from mou.office import Actor, Role
from mou.revision import save_revision
from mou.terbilang import long_date
from tests.agreements_ui.conftest import create_agreement
from ui.agreements.redline.dialog import RedlineDialog


def _two_rounds(context) -> int:
    """Round 1 by Bandung; round 2 by Palangka Raya changes the funding pasal."""
    agreement_id = create_agreement(context)
    with context.database.session() as s:
        agreement = get_agreement(s, agreement_id)
        drafter = Actor.of(s.query(models.LocalUser).filter_by(role=Role.DRAFTER.value).one())
        save_revision(s, agreement, drafter, "Draf awal")
        other = next(p for p in agreement.parties if p.position == 2)
        them = Actor("Staf Palangka Raya", Role.DRAFTER, other.office_uuid, other.name)
        funding = next(c for c in agreement.clauses if c.heading == "PEMBIAYAAN")
        update_clause(
            s, agreement, them, funding.uuid,
            body=funding.body.replace("masing-masing PIHAK", "Kota Palangka Raya sepenuhnya"),
        )  # fmt: skip
        save_revision(s, agreement, them, "Usulan Palangka Raya")
    return agreement_id


def _run(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def test_redline_saved_as_pdf_and_printed(qtbot, context, tmp_path: Path, screenshots):
    agreement_id = _two_rounds(context)
    dialog = RedlineDialog(context, agreement_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.save_button.isEnabled() and dialog.print_button.isEnabled()
    path = tmp_path / "redline.pdf"
    dialog.save_pdf(path)

    text = " ".join(_run("pdftotext", "-enc", "UTF-8", str(path), "-").split())
    assert "PERBANDINGAN NASKAH (REDLINE)" in text
    assert "Kesepakatan Bersama tentang Kerja Sama Pengembangan Kota Cerdas" in text
    today = long_date(dt.datetime.now(IndonesianTimeZone.WIB.zone).date())
    assert f"Revisi 1 oleh Pemerintah Kota Bandung (Rina Kusumawati), {today}" in text
    assert f"Revisi 2 oleh Pemerintah Kota Palangka Raya (Staf Palangka Raya), {today}" in text
    assert "Pasal 5 — PEMBIAYAAN [diubah]" in text
    assert "Diusulkan pada putaran 2 oleh Pemerintah Kota Palangka Raya" in text
    assert "Kota Palangka Raya sepenuhnya" in text  # inserted, as one phrase
    assert "masing-masing PIHAK" in text  # deleted, still legible (struck through)
    _run("qpdf", "--check", str(path))
    fonts = _run("pdffonts", str(path)).splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts  # "emb" column

    # The marks are drawn: green underline under the insertion, red strike through the deletion.
    _run("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(path), str(tmp_path / "p"))
    image = QImage(str(tmp_path / "p-1.png"))
    colours = {
        (image.pixelColor(x, y).red() // 40, image.pixelColor(x, y).green() // 40,
         image.pixelColor(x, y).blue() // 40)
        for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
    }  # fmt: skip
    assert any(r >= 3 and g <= 1 for r, g, _b in colours), "red deletion"
    assert any(g >= 2 and r <= 1 for r, g, _b in colours), "green insertion"

    printer = dialog.new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    pages = dialog.print_to(printer)
    info = _run("pdfinfo", str(printed))
    assert pages >= 1 and re.search(r"^Pages:\s+(\d+)$", info, re.M).group(1) == str(pages)
    assert "609 x 935" in info or "609.45 x 935.43" in info  # F4 from Settings
    dialog.resize(1000, 680)
    dialog.grab().save(str(screenshots / "redline_dialog_en.png"))


def test_redline_dialog_in_indonesian(qtbot, context, indonesian, screenshots):
    agreement_id = _two_rounds(context)
    dialog = RedlineDialog(context, agreement_id)
    qtbot.addWidget(dialog)
    dialog.resize(1000, 680)
    dialog.show()
    assert dialog.save_button.text() == "Simpan sebagai PDF…"
    assert dialog.print_button.text() == "Cetak…"
    dialog.grab().save(str(screenshots / "redline_dialog_id.png"))
