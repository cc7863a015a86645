"""New agreement: an invalid field is marked (frame, focus, accessible reason) and the banner
goes as soon as the input is valid."""

from __future__ import annotations

from mou import models
from mou.office import Role
from tests.agreements_ui.conftest import act_as
from tests.agreements_ui.test_list_page import _palangka_card, _trust_in_dialog
from ui.agreements.new_dialog import NewAgreementDialog


def marked(widget) -> bool:
    return bool(widget.property("invalid")) and "#b00020" in widget.styleSheet()


def test_invalid_fields_are_marked_and_the_banner_goes_when_fixed(
    qtbot, context, tmp_path, screenshots
):
    dialog = NewAgreementDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    combo, title, place = dialog.counterpart_combo, dialog.title_edit, dialog.place_edit
    bar = dialog.message_bar

    # No trusted office yet: the counterpart is marked and focused, and its reason is readable.
    dialog.create()
    assert dialog.created_id is None
    assert marked(combo) and not marked(title) and not marked(place)
    assert "trust it first" in combo.accessibleDescription()
    qtbot.waitUntil(combo.hasFocus)
    assert "trust it first" in bar.text()

    palangka, card = _palangka_card(tmp_path)
    act_as(context, Role.REVIEWER)
    _trust_in_dialog(dialog, card)
    act_as(context, Role.DRAFTER)
    assert combo.currentText() == "Pemerintah Kota Palangka Raya"
    # Now valid: the mark and the banner are gone without pressing anything.
    assert not marked(combo) and combo.accessibleDescription() == ""
    assert bar.isHidden() and bar.text() == ""

    # Two empty fields: both marked, the first one focused, both reasons in the banner.
    title.clear()
    place.clear()
    dialog.create()
    assert dialog.created_id is None
    assert marked(title) and marked(place)
    qtbot.waitUntil(title.hasFocus)
    assert title.accessibleDescription() == "Give the agreement its subject (judul)."
    assert place.accessibleDescription() == "Give the place where the agreement is signed."
    assert "subject (judul)" in bar.text() and "place where" in bar.text()
    dialog.grab().save(str(screenshots / "agreements_new_dialog_invalid_en.png"))

    qtbot.keyClicks(title, "Kerja Sama Kota Cerdas")
    assert not marked(title) and title.accessibleDescription() == ""
    assert marked(place)
    assert "place where" in bar.text() and "subject" not in bar.text()  # only what is left
    qtbot.keyClicks(place, "Bandung")
    assert not marked(place)
    assert bar.isHidden()

    dialog.create()
    assert dialog.created_id is not None
    with context.database.session() as session:
        agreement = session.get(models.Agreement, dialog.created_id)
        assert agreement.title == "Kerja Sama Kota Cerdas" and agreement.place == "Bandung"
    palangka.database.dispose()
