"""The exchange through the real agreements page: open-agreement imports, Lampiran removal."""

from __future__ import annotations

from mou import models
from mou.catalog import load_sample_catalog, search_catalog, set_annex
from mou.office import Actor, Role
from tests.agreements_ui.conftest import act_as, agreement_with, make_office, trust_each_other
from tests.agreements_ui.test_editor import open_page
from ui.agreements.page import Page


def _page(qtbot, context) -> Page:
    page = Page(context)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    return page


def _with_annex(context, agreement_id: int, apps: int) -> list[str]:
    with context.database.session() as session:
        drafter = session.query(models.LocalUser).filter_by(role=Role.DRAFTER.value).one()
        load_sample_catalog(session)
        picked = search_catalog(session, dimension="government")[:apps]
        set_annex(session, session.get(models.Agreement, agreement_id), Actor.of(drafter), picked)
        return [a.name for a in picked]


def test_package_of_another_agreement_is_refused_in_an_open_agreement(qtbot, tmp_path, qapp):
    bandung = make_office(tmp_path / "bandung", "Bandung")
    palangka = make_office(tmp_path / "palangkaraya", "Palangka Raya")
    trust_each_other(bandung, palangka)
    first, second = agreement_with(bandung, palangka), agreement_with(bandung, palangka)
    page_a = open_page(qtbot, bandung, first)
    page_a.editor.save_button.click()
    one, two = tmp_path / "one.lintas", tmp_path / "two.lintas"
    assert page_a.dialogs.export_file(first, one)
    page_a.open_agreement(second)
    page_a.editor.save_button.click()
    assert page_a.dialogs.export_file(second, two)

    page_b = _page(qtbot, palangka)
    act_as(palangka, Role.DRAFTER)
    b_first = page_b.dialogs.import_file(one)
    assert b_first is not None and page_b.editor.data.id == b_first
    # The editor's "Import reply…" asks for a file and imports into the agreement on screen.
    assert page_b.editor.header.import_button.isVisible()
    # (Its file dialog is modal; the button's signal is checked without opening it.)
    page_b.editor.sig_import_requested.disconnect(page_b.dialogs.import_into)
    with qtbot.waitSignal(page_b.editor.sig_import_requested, timeout=2000) as signal:
        page_b.editor.header.import_button.click()
    assert signal.args == [b_first]
    assert page_b.dialogs.import_file(two, into_agreement_id=b_first) is None
    level, text = page_b.dialogs.last_message
    assert level == "error" and "belongs to another agreement" in text
    with palangka.database.session() as session:
        assert session.query(models.Agreement).count() == 1  # the other one was not created
    # The right package into the right agreement: nothing new, and the user is told so.
    assert page_b.dialogs.import_file(one, into_agreement_id=b_first) == b_first
    assert page_b.dialogs.last_message[1].startswith("Nothing new")


def test_receiving_office_removes_lampiran_apps_it_does_not_have(
    qtbot, tmp_path, qapp, screenshots
):
    bandung = make_office(tmp_path / "bandung", "Bandung")
    palangka = make_office(tmp_path / "palangkaraya", "Palangka Raya")
    trust_each_other(bandung, palangka)
    agreement_id = agreement_with(bandung, palangka)
    names = _with_annex(bandung, agreement_id, 3)
    page_a = open_page(qtbot, bandung, agreement_id)
    page_a.editor.save_button.click()
    package = tmp_path / "kb.lintas"
    assert page_a.dialogs.export_file(agreement_id, package)

    page_b = _page(qtbot, palangka)
    act_as(palangka, Role.DRAFTER)
    b_id = page_b.dialogs.import_file(package)
    page_b.open_agreement(b_id)
    annex = page_b.editor.annex
    with palangka.database.session() as session:
        assert session.query(models.CatalogApp).count() == 0  # its own catalogue is empty
    assert annex.names() == names
    assert not annex.remove_button.isEnabled()  # nothing selected yet
    annex.table.selectRow(1)
    assert annex.remove_button.isEnabled()
    annex.remove_button.click()
    assert annex.names() == [names[0], names[2]]
    with palangka.database.session() as session:
        items = session.get(models.Agreement, b_id).annex_items
        assert [i.name for i in sorted(items, key=lambda i: i.position)] == [names[0], names[2]]
    annex.grab().save(str(screenshots / "security_lampiran_remove.png"))
