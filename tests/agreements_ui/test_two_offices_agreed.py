"""Two offices, two databases, only the UI: template → negotiation by file → both approve → Agreed."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QPushButton

from mou import models
from mou.catalog import load_sample_catalog
from mou.office import Role
from tests.agreements_ui.conftest import (
    act_as,
    agreement_with,
    make_office,
    trust_each_other,
)
from tests.agreements_ui.test_editor import open_page
from ui.agreements.page import Page


def test_from_template_to_agreed_by_file_exchange(qtbot, tmp_path, qapp, screenshots):
    bandung = make_office(tmp_path / "bandung", "Bandung")
    palangka = make_office(tmp_path / "palangkaraya", "Palangka Raya")
    trust_each_other(bandung, palangka)
    with bandung.database.session() as session:
        load_sample_catalog(session)
    a_id = agreement_with(bandung, palangka)
    page_a = open_page(qtbot, bandung, a_id)
    a = page_a.editor

    # Bandung: pick two apps for the Lampiran, an obligation, save, review, release.
    a.annex.pick_button.click()
    picker = page_a.dialogs.open_dialogs[-1]
    picker.set_checked(0, True)
    picker.set_checked(1, True)
    picker.accept()
    a.obligations.what_edit.setText("Serah terima aplikasi")
    a.obligations.add_button.click()
    a.save_button.click()
    a.workflow_bar.buttons["internal_review"].click()
    act_as(bandung, Role.REVIEWER)
    qtbot.waitUntil(lambda: a.workflow_bar.buttons["negotiation"].isEnabled())
    a.workflow_bar.buttons["negotiation"].click()
    assert a.state_label.text() == "Negotiation"
    to_b = tmp_path / "round1.lintas"
    assert page_a.dialogs.export_file(a_id, to_b)

    # Palangka Raya imports, changes Pasal 4, saves round 2, approves it and sends it back.
    page_b = Page(palangka)
    qtbot.addWidget(page_b)
    page_b.resize(1280, 800)
    b_id = page_b.dialogs.import_file(to_b)
    b = page_b.editor
    assert b.annex.names() == a.annex.names() and len(b.annex.names()) == 2
    b.clause_list.list.setCurrentRow(3)
    cell = b.clause_form.ayat_table.item(0, 0)
    cell.setText(cell.text().replace("5 (lima)", "3 (tiga)"))
    b.clause_list.list.setCurrentRow(0)
    b.save_button.click()
    act_as(palangka, Role.REVIEWER)
    qtbot.waitUntil(lambda: b.workflow_bar.approve_button.isEnabled())
    assert b.workflow_bar.approve_button.text().startswith("Approve round 2 (")  # what it approves
    b.workflow_bar.approve_button.click()
    to_a = tmp_path / "round2.lintas"
    assert page_b.dialogs.export_file(b_id, to_a)

    # Bandung sees round 2 from Palangka Raya in the redline, approves the same hash: Agreed.
    assert page_a.dialogs.import_file(to_a) == a_id
    assert a.revisions.table.rowCount() == 2
    a.revisions.table.selectRow(1)
    a.revisions.previous_button.click()
    html = page_a.dialogs.open_dialogs[-1].html
    assert "round 2 by Pemerintah Kota Palangka Raya" in html
    assert "tiga" in " ".join(re.findall(r'<span class="ins"[^>]*>([^<]*)</span>', html))
    a.workflow_bar.approve_button.click()
    a.workflow_bar.buttons["agreed"].click()
    assert a.state_label.text() == "Agreed", a.message_bar.text()
    shown = [b.text() for b in a.workflow_bar.findChildren(QPushButton) if not b.isHidden()]
    assert "Prepare for signing" in shown and "Mark as agreed" not in shown
    a.grab().save(str(screenshots / "agreements_agreed_en.png"))

    # Palangka Raya receives Bandung's approval and reaches Agreed on the same revision.
    back = tmp_path / "approved.lintas"
    assert page_a.dialogs.export_file(a_id, back)
    assert page_b.dialogs.import_file(back) == b_id
    b.workflow_bar.buttons["agreed"].click()
    assert b.state_label.text() == "Agreed", b.message_bar.text()
    hashes = []
    for ctx, agreement_id in ((bandung, a_id), (palangka, b_id)):
        with ctx.database.session() as session:
            agreement = session.get(models.Agreement, agreement_id)
            assert agreement.status == "agreed"
            hashes.append(agreement.agreed_revision.hash)
            assert len(agreement.annex_items) == 2 and len(agreement.obligations) == 1
    assert hashes[0] == hashes[1]
