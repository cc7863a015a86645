"""Indonesian screenshots of the list, editor, redline, catalog picker and obligations.

Also checks that the visible texts really are Indonesian (a missing translation shows English).
"""

from __future__ import annotations

import datetime as dt

from mou import models
from mou.catalog import load_sample_catalog
from tests.agreements_ui.conftest import create_agreement
from ui.agreements.page import Page


def test_indonesian_screens(qtbot, context, indonesian, screenshots):
    with context.database.session() as session:
        load_sample_catalog(session)
    create_agreement(context, "Pekanbaru", title="Pembinaan dan Pemasaran UMKM")
    agreement_id = create_agreement(context, "Palangka Raya")
    with context.database.session() as session:
        session.get(models.Agreement, agreement_id).status = "draft"

    page = Page(context)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    view = page.list_view
    assert view.new_button.text() == "Kesepakatan baru…"
    assert view.table.horizontalHeaderItem(0).text() == "Judul"
    assert view.table.item(0, 2).text() == "Draf"
    view.grab().save(str(screenshots / "agreements_list_id.png"))

    page.open_agreement(agreement_id)
    editor = page.editor
    assert editor.save_button.text() == "Simpan revisi"
    assert editor.side_tabs.tabText(0) == "Komentar"
    assert editor.side_tabs.tabText(1) == "Kewajiban"
    assert editor.workflow_bar.buttons["internal_review"].text() == "Ajukan untuk tinjauan internal"
    editor.grab().save(str(screenshots / "agreements_editor_id.png"))

    editor.side_tabs.setCurrentWidget(editor.obligations)
    panel = editor.obligations
    panel.what_edit.setText("Kunjungan studi 7 sampai 10 hari ke Bandung")
    panel.party_combo.setCurrentIndex(panel.party_combo.findData(2))
    panel.due_check.setChecked(True)
    panel.due_edit.setDate(dt.date.today() - dt.timedelta(days=2))
    panel.add_button.click()
    panel.what_edit.setText("Pelatihan UMKM")
    panel.due_edit.setDate(dt.date.today() + dt.timedelta(days=40))
    panel.recurrence_combo.setCurrentIndex(panel.recurrence_combo.findData("quarterly"))
    panel.add_button.click()
    assert panel.table.item(1, 3).text() == "Triwulanan"
    editor.grab().save(str(screenshots / "agreements_obligations_id.png"))
    page.show_obligations()
    page.obligations_view.drafts_check.setChecked(True)
    assert page.obligations_view.table.horizontalHeaderItem(0).text() == "Jatuh tempo berikutnya"
    assert page.obligations_view.overdue_rows() == [0]
    page.obligations_view.grab().save(str(screenshots / "agreements_obligations_tracker_id.png"))
    page.open_agreement(agreement_id)

    editor.save_button.click()
    editor.clause_list.list.setCurrentRow(3)
    cell = editor.clause_form.ayat_table.item(0, 0)
    cell.setText(cell.text().replace("5 (lima)", "3 (tiga)"))
    editor.clause_list.list.setCurrentRow(0)
    editor.save_button.click()
    dialog = page.dialogs.compare_revisions(agreement_id)
    assert "disisipkan" in dialog.html and "Diusulkan pada" in dialog.html
    dialog.grab().save(str(screenshots / "agreements_redline_id.png"))
    dialog.close()

    picker = page.dialogs.pick_apps(agreement_id)
    assert picker.filters.dimension_combo.itemText(0) == "Semua dimensi"
    assert picker.table.item(0, 0).text().endswith("(CONTOH)")
    picker.set_checked(0, True)
    picker.grab().save(str(screenshots / "agreements_catalog_picker_id.png"))
    picker.close()


def test_indonesian_dialogs_and_catalog(qtbot, context, indonesian, screenshots, tmp_path):
    from ui.agreements.new_dialog import NewAgreementDialog
    from ui.catalog.page import Page as CatalogPage

    dialog = NewAgreementDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Kesepakatan baru"
    dialog.grab().save(str(screenshots / "agreements_new_dialog_id.png"))

    catalog = CatalogPage(context)
    qtbot.addWidget(catalog)
    catalog.resize(1100, 700)
    catalog.show()
    assert catalog.empty_state.title_label.text() == "Katalog aplikasi masih kosong"
    catalog.grab().save(str(screenshots / "agreements_catalog_empty_id.png"))
    catalog.load_sample()
    assert "Data CONTOH" in catalog.sample_banner.text()
    catalog.grab().save(str(screenshots / "agreements_catalog_page_id.png"))
    bad = tmp_path / "katalog.csv"
    bad.write_text("name,dimension,opd\n,living,Dinas Kesehatan\nGampil,government,DPMPTSP\n")
    report = catalog.import_file(bad)
    assert report is not None and report.table.horizontalHeaderItem(0).text() == "Baris"
    assert (report.table.item(0, 1).text(), report.table.item(0, 2).text()) == ("nama", "kosong")
    report.grab().save(str(screenshots / "agreements_import_report_id.png"))
