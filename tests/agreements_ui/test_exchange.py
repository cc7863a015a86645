"""Exchange packages through the UI: export, import, tampered and untrusted refusals, branch reconcile."""

from __future__ import annotations

from mou import models
from mou.revision import heads
from tests.agreements_ui.conftest import PASSWORD, agreement_with, make_office, trust_each_other
from tests.agreements_ui.test_editor import open_page
from ui.agreements.page import Page


def tamper(data: bytes) -> bytes:
    """Change one word of the signed payload, keep the old signature."""
    import json

    from tests.exchange_tamper import keep_signature, payload_of

    text = json.dumps(payload_of(data), ensure_ascii=False).replace("PARA PIHAK", "PIHAK LAIN", 1)
    return keep_signature(data, text.encode("utf-8"))


def test_export_import_refusals_and_reconcile(qtbot, tmp_path, qapp, screenshots):
    bandung = make_office(tmp_path / "bandung", "Bandung")
    palangka = make_office(tmp_path / "palangkaraya", "Palangka Raya")
    pekanbaru = make_office(tmp_path / "pekanbaru", "Pekanbaru")
    trust_each_other(bandung, palangka)
    trust_each_other(pekanbaru, bandung)  # Palangka Raya never trusted Pekanbaru
    agreement_id = agreement_with(bandung, palangka)

    page_a = open_page(qtbot, bandung, agreement_id)
    page_a.editor.save_button.click()
    package = tmp_path / "kb_bandung.lintas"
    # No signing password: the package is signed with the office exchange key.
    assert page_a.dialogs.export_file(agreement_id, package)
    assert package.exists()

    page_b = Page(palangka)
    qtbot.addWidget(page_b)
    page_b.resize(1280, 800)
    # Tampered: refused, nothing imported.
    bad = tmp_path / "tampered.lintas"
    bad.write_bytes(tamper(package.read_bytes()))
    assert page_b.dialogs.import_file(bad) is None
    level, text = page_b.dialogs.last_message
    assert level == "error" and "changed after it was signed" in text
    # Not a package at all.
    junk = tmp_path / "junk.lintas"
    junk.write_bytes(b"not a zip")
    assert page_b.dialogs.import_file(junk) is None
    assert "not a Lintas exchange package" in page_b.dialogs.last_message[1]
    # Untrusted sender: refused with the fingerprint to compare.
    other_id = agreement_with(pekanbaru, bandung)
    page_c = open_page(qtbot, pekanbaru, other_id)
    page_c.editor.save_button.click()
    stranger = tmp_path / "pekanbaru.lintas"
    assert page_c.dialogs.export_file(other_id, stranger)
    assert page_b.dialogs.import_file(stranger) is None
    assert "does not trust" in page_b.dialogs.last_message[1]
    with palangka.database.session() as session:
        assert session.query(models.Agreement).count() == 0

    # The real package imports and opens in the editor.
    b_id = page_b.dialogs.import_file(package)
    assert b_id is not None
    assert page_b.dialogs.last_message[0] == "success"
    assert page_b.stack.currentWidget() is page_b.editor
    assert page_b.editor.title_label.text() == page_a.editor.title_label.text()

    # Both edit the same round: Bandung pasal 2, Palangka Raya pasal 3.
    for page, row, words in (
        (page_a, 1, "Bandung menambah."),
        (page_b, 2, "Palangka Raya menambah."),
    ):
        editor = page.editor
        editor.clause_list.list.setCurrentRow(row)
        editor.clause_form.body_edit.setPlainText(words)
        editor.clause_list.list.setCurrentRow(0)
        editor.save_button.click()
    # Typing not yet autosaved is stored before an export, which then asks for a revision.
    b = page_b.editor
    b.clause_list.list.setCurrentRow(4)
    b.clause_form.body_edit.setPlainText("Diketik tepat sebelum ekspor.")
    assert b.autosaver.pending
    back = tmp_path / "kb_palangkaraya.lintas"
    assert not page_b.dialogs.export_file(b_id, back)
    assert not b.autosaver.pending
    assert "Save the agreement as a revision" in page_b.dialogs.last_message[1]
    b.save_button.click()
    assert page_b.dialogs.export_file(b_id, back)

    assert page_a.dialogs.import_file(back) == agreement_id
    assert "two branches" in page_a.dialogs.last_message[1]
    dialog = page_a.dialogs.open_dialogs[-1]
    assert "Pemerintah Kota Palangka Raya" in dialog.intro.text()
    assert dialog.ok_button.isEnabled()
    assert "two branches" in dialog.message_bar.text()
    dialog.grab().save(str(screenshots / "agreements_reconcile_en.png"))
    # Closed without reconciling: the editor keeps offering it.
    dialog.reject()
    page_a.open_agreement(agreement_id)
    assert "2 diverging versions" in page_a.editor.message_bar.text()
    page_a.editor.message_bar.action_button.click()
    dialog = page_a.dialogs.open_dialogs[-1]
    dialog.reconcile()
    assert "diverging" not in page_a.editor.message_bar.text()
    with bandung.database.session() as session:
        assert len(heads(session, agreement_id)) == 1
        agreement = session.get(models.Agreement, agreement_id)
        bodies = [c.body for c in sorted(agreement.clauses, key=lambda c: c.position)]
        assert bodies[1] == "Bandung menambah." and bodies[2] == "Palangka Raya menambah."


def test_office_cards_saved_and_trusted_through_the_ui(qtbot, tmp_path, qapp):
    from mou.office import Role
    from tests.agreements_ui.conftest import act_as

    bandung = make_office(tmp_path / "bandung", "Bandung")
    palangka = make_office(tmp_path / "palangkaraya", "Palangka Raya")
    page_a = Page(bandung)
    page_b = Page(palangka)
    qtbot.addWidget(page_a)
    qtbot.addWidget(page_b)
    card = tmp_path / "bandung.lintas-card"
    # An install without the exchange key's endorsement is asked the signing password once.
    assert not page_a.dialogs.write_office_card(card) and page_a.dialogs.needs_endorsement
    assert not page_a.dialogs.write_office_card(card, "salah")
    assert page_a.dialogs.write_office_card(card, PASSWORD)
    card.unlink()
    assert page_a.dialogs.write_office_card(card)  # from now on without any password

    act_as(palangka, Role.REVIEWER)  # trusting a certificate is a reviewer's or signatory's job
    box = page_b.dialogs.import_office_card(card)
    assert box is not None and "Bandung" in box.text()
    with palangka.database.session() as session:
        assert session.query(models.TrustedCertificate).count() == 0  # not before "Trust"
    trust = next(b for b in box.buttons() if b.text() == "Trust")
    trust.click()
    assert page_b.dialogs.last_message == ("success", "Pemerintah Kota Bandung is now trusted.")
    with palangka.database.session() as session:
        assert session.query(models.TrustedCertificate).count() == 1
    broken = tmp_path / "broken.lintas-card"
    broken.write_bytes(b"{}")
    assert page_b.dialogs.import_office_card(broken) is None
    assert "not a Lintas office card" in page_b.dialogs.last_message[1]


def test_reconcile_conflict_keeps_the_chosen_text(qtbot, tmp_path, qapp, screenshots):
    bandung = make_office(tmp_path / "bandung", "Bandung")
    palangka = make_office(tmp_path / "palangkaraya", "Palangka Raya")
    trust_each_other(bandung, palangka)
    agreement_id = agreement_with(bandung, palangka)
    page_a = open_page(qtbot, bandung, agreement_id)
    page_a.editor.save_button.click()
    package = tmp_path / "r1.lintas"
    assert page_a.dialogs.export_file(agreement_id, package)
    page_b = Page(palangka)
    qtbot.addWidget(page_b)
    b_id = page_b.dialogs.import_file(package)
    # Both rewrite the same pasal differently.
    for page, words in ((page_a, "Versi Bandung."), (page_b, "Versi Palangka Raya.")):
        editor = page.editor
        editor.clause_list.list.setCurrentRow(1)
        editor.clause_form.body_edit.setPlainText(words)
        editor.clause_list.list.setCurrentRow(0)
        editor.save_button.click()
    back = tmp_path / "r2.lintas"
    assert page_b.dialogs.export_file(b_id, back)
    assert page_a.dialogs.import_file(back) == agreement_id
    dialog = page_a.dialogs.open_dialogs[-1]
    assert dialog.table.isVisible() and not dialog.clean_label.isVisible()
    row = next(
        r
        for r in range(dialog.table.rowCount())
        if "Versi Bandung" in dialog.table.item(r, 1).text()
    )
    assert "Versi Palangka Raya" in dialog.table.item(row, 2).text()
    dialog.grab().save(str(screenshots / "agreements_reconcile_conflict_en.png"))
    dialog.choices[row].setCurrentIndex(dialog.choices[row].findData("theirs"))
    dialog.reconcile()
    with bandung.database.session() as session:
        agreement = session.get(models.Agreement, agreement_id)
        second = sorted(agreement.clauses, key=lambda c: c.position)[1]
        assert second.body == "Versi Palangka Raya."
        assert len(heads(session, agreement_id)) == 1
