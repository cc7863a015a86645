"""App catalog page: empty state, SAMPLE labelling, CSV import with a row-level error report, export."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from mou import models
from mou.catalog import parse_catalog
from ui.catalog.page import Page

BAD_CSV = """name,description,dimension,opd,public_service,tech_stack,licence
Panic Button,Tombol darurat warga,society,Dinas Komunikasi dan Informatika,yes,Android,GPL-3.0
,Nama kosong,living,Dinas Kesehatan,yes,PHP,MIT
Hayu Ngabring,Ajakan bersepeda,transport,Dinas Perhubungan,ya,Laravel,MIT
Sampurasun,Layanan aduan,government,Sekretariat Daerah,maybe,Java,Apache-2.0
Gampil,Perizinan online,government,DPMPTSP,yes,PHP,MIT
"""


def test_catalog_page_sample_import_report_and_export(qtbot, context, tmp_path, screenshots):
    page = Page(context)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    assert page.stack.currentWidget() is page.empty_state

    page.load_sample()
    assert page.stack.currentWidget() is page.browse
    assert page.sample_banner.isVisible()
    assert "SAMPLE" in page.sample_banner.text()
    assert page.table.rowCount() > 100
    assert page.table.item(0, 0).text().endswith("(SAMPLE)")
    page.filters.dimension_combo.setCurrentIndex(page.filters.dimension_combo.findData("living"))
    assert all(page.table.item(r, 1).text() == "Smart living" for r in range(page.table.rowCount()))
    page.grab().save(str(screenshots / "agreements_catalog_page_en.png"))
    page.filters.dimension_combo.setCurrentIndex(0)

    bad = tmp_path / "katalog.csv"
    bad.write_text(BAD_CSV, encoding="utf-8")
    with context.database.session() as session:
        before = session.query(models.CatalogApp).count()
    dialog = page.import_file(bad)
    assert dialog is not None and dialog.isVisible()
    problems = {
        (dialog.table.item(r, 0).text(), dialog.table.item(r, 1).text())
        for r in range(dialog.table.rowCount())
    }
    # Rows are numbered as lines of the file (the header is line 1).
    assert problems == {("3", "name"), ("4", "dimension"), ("5", "public service")}
    assert "Nothing has been imported" in dialog.summary.text()
    assert "was not imported" in page.message_bar.text()
    dialog.grab().save(str(screenshots / "agreements_import_report_en.png"))
    with context.database.session() as session:
        assert session.query(models.CatalogApp).count() == before  # nothing stored yet
    dialog.done(QDialog.DialogCode.Accepted)  # "Import the 2 valid rows"
    with context.database.session() as session:
        names = {a.name for a in session.query(models.CatalogApp).filter_by(sample=False)}
    assert names == {"Panic Button", "Gampil"}
    assert "2 application(s) imported" in page.message_bar.text()

    out = tmp_path / "export.csv"
    page.filters.search_edit.setText("Gampil")
    assert page.export_file(out)
    again = parse_catalog(out)
    assert again.ok and [r.name for r in again.records] == ["Gampil"]
    assert not page.export_file(tmp_path / "export.txt")
    assert "not exported" in page.message_bar.text()
