"""New agreement: an invalid field is marked (frame, focus, accessible reason) and the banner
goes as soon as the input is valid."""

from __future__ import annotations

import pytest

from mou import models
from mou.office import Role
from tests.agreements_ui.conftest import act_as, make_office, trust_each_other
from tests.agreements_ui.test_list_page import _palangka_card, _trust_in_dialog
from ui.agreements.new_dialog import NewAgreementDialog

PEKANBARU = "Pemerintah Kota Pekanbaru"
PALANGKA = "Pemerintah Kota Palangka Raya"


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


@pytest.mark.parametrize("language", ["en", "id"])
def test_share_in_the_call_is_offered_only_for_an_office_in_the_call(
    qtbot, tmp_path, request, language: str, screenshots
):
    """Opened from a call, "Share with <office> in this call" is checked; another office
    (not in the call) unchecks it; opened otherwise, the box is not there."""
    if language == "id":
        request.getfixturevalue("indonesian")
    bandung = make_office(tmp_path / "bandung", "Bandung")
    pekanbaru = make_office(tmp_path / "pekanbaru", "Pekanbaru")
    palangka = make_office(tmp_path / "palangka", "Palangka Raya")
    trust_each_other(bandung, pekanbaru)
    trust_each_other(bandung, palangka)
    act_as(bandung, Role.DRAFTER)

    plain = NewAgreementDialog(bandung)  # from the Agreements page: no call, no box
    qtbot.addWidget(plain)
    plain.show()
    assert not plain.share_check.isVisible() and not plain.share_requested()

    dialog = NewAgreementDialog(bandung)
    qtbot.addWidget(dialog)
    dialog.reload_counterparts(chosen=PEKANBARU)
    dialog.offer_share({PEKANBARU})
    dialog.show()
    check, combo = dialog.share_check, dialog.counterpart_combo
    assert check.isVisible() and check.isChecked() and dialog.share_requested()
    name = (
        "Bagikan kepada %1 dalam panggilan ini"
        if language == "id"
        else "Share with %1 in this call"
    )
    assert check.text() == name.replace("%1", PEKANBARU)
    assert dialog.grab().save(str(screenshots / f"new_agreement_share_in_call_{language}.png"))
    assert check.width() >= check.sizeHint().width()  # the whole sentence shows
    combo.setCurrentIndex(combo.findText(PALANGKA))
    assert not check.isChecked() and not check.isEnabled() and not dialog.share_requested()
    assert check.text() == name.replace("%1", PALANGKA)
    combo.setCurrentIndex(combo.findText(PEKANBARU))
    assert check.isChecked() and dialog.share_requested()
    check.click()
    combo.setCurrentIndex(combo.findText(PALANGKA))
    combo.setCurrentIndex(combo.findText(PEKANBARU))
    assert not check.isChecked() and not dialog.share_requested()  # the user's choice stays
    for ctx in (bandung, pekanbaru, palangka):
        ctx.database.dispose()
