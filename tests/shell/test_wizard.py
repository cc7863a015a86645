"""First-run wizard clicked through with real widgets, into a real SQLite file and PKCS#12 file."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.hazmat.primitives.serialization import Encoding
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWizard
from pytestqt.qtbot import QtBot

from mou.db import Database
from mou.exchange import read_office_card
from mou.office import local_office, local_users, verify_secret
from mou.signing.identity import load_identity
from tests.shell.conftest import ModalDriver, make_issued_p12
from ui import paths
from ui.exchange_keys import card_for_certificate
from ui.wizard.wizard import FirstRunWizard, certificate_copy

PASSWORD = "Sandi-Bandung-2026!"
LAMBANG_SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="120" height="150" viewBox="0 0 120 150">
<path d="M60 5 L115 30 L105 110 L60 145 L15 110 L5 30 Z" fill="#0b5" stroke="#000" stroke-width="4"/>
<circle cx="60" cy="70" r="25" fill="#fc0"/></svg>"""


@pytest.fixture
def wizard(qtbot: QtBot, empty_database: Database, app_data_dir: Path) -> FirstRunWizard:
    wiz = FirstRunWizard(empty_database, app_data_dir)
    qtbot.addWidget(wiz)
    wiz.show()
    qtbot.waitExposed(wiz)
    return wiz


def _click(qtbot: QtBot, wizard: QWizard, which: QWizard.WizardButton) -> None:
    button = wizard.button(which)
    assert button.isVisible() and button.isEnabled(), f"{button.text()} is not clickable"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _fill_until_identity(qtbot: QtBot, wizard: FirstRunWizard, tmp_path: Path) -> None:
    """The office, its head and lambang, and the people; the password is left to type.

    All on the one page: there is no "Next", and "Create and open Lintas" stays disabled, with
    the hint saying what is missing, until everything needed is there.
    """
    office = wizard.office_page
    users = wizard.users_page
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert finish.isVisible() and not finish.isEnabled()  # nothing typed yet
    assert not wizard.button(QWizard.WizardButton.NextButton).isVisible()
    assert not wizard.button(QWizard.WizardButton.BackButton).isVisible()
    assert users.hint.text() == "Choose the regional government from the list, or type its name."
    office.level.setCurrentIndex(office.level.findData("kota"))
    qtbot.keyClicks(office.region, "Bandung")
    qtbot.keyClicks(office.unit, "Bagian Kerja Sama")
    assert office.preview.text() == "Pemerintah Kota Bandung"

    head = wizard.head_section
    assert head.title.text() == "Wali Kota Bandung"  # follows the region on the same page
    assert not finish.isEnabled()  # no head yet
    assert users.hint.text() == "Type the name of the head of region."
    assert users.head_box.title().startswith("Head of region (signatory)")
    qtbot.keyClicks(head.name, "Muhammad Farhan")
    assert users.head_box.title().startswith("Muhammad Farhan, head of region")  # follows
    qtbot.keyClicks(head.nip, "1234")
    assert head.nip_hint.text() == "A NIP has exactly 18 digits."
    assert users.hint.text() == "A NIP has exactly 18 digits."
    head.nip.clear()
    qtbot.keyClicks(head.nip, "197001011990031001")
    head.title.clear()
    assert users.hint.text() == "Type the title of the head of region."
    qtbot.keyClicks(head.title, "Wali Kota Bandung")

    lambang = wizard.lambang_section
    assert not lambang.load(tmp_path / "missing.png")
    assert "does not exist" in lambang.error.text()
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"not an image at all")
    assert not lambang.load(broken)
    assert "is not a PNG, JPEG or SVG" in lambang.error.text()
    svg = tmp_path / "lambang.svg"
    svg.write_text(LAMBANG_SVG, encoding="utf-8")
    assert lambang.load(svg)
    assert lambang.error.text() == ""
    assert lambang.png is not None and lambang.png.startswith(b"\x89PNG")
    assert not lambang.preview.pixmap().isNull()

    assert not finish.isEnabled()
    assert users.hint.text() == ("Give the signing identity a password of at least 8 characters.")
    qtbot.keyClicks(users.drafter_name, "Rina Kusumawati")
    qtbot.keyClicks(users.drafter_pin, "13")
    qtbot.keyClicks(users.drafter_pin, "57")
    # More users are folded away until asked for; the window grows to show them.
    assert not users.name.isVisible() and not users.add_button.isVisible()
    assert users.more_button.text() == "More users (optional)"
    height = wizard.height()
    qtbot.mouseClick(users.more_button, Qt.MouseButton.LeftButton)
    assert users.name.isVisible() and users.add_button.isVisible()
    assert wizard.height() > height
    qtbot.keyClicks(users.name, "rina kusumawati")
    qtbot.keyClicks(users.pin, "9999")
    qtbot.mouseClick(users.add_button, Qt.MouseButton.LeftButton)  # duplicate: refused
    assert "already in the list" in users.hint.text()
    users.name.clear()
    qtbot.keyClicks(users.name, "Dedi Supriadi")
    qtbot.mouseClick(users.add_button, Qt.MouseButton.LeftButton)
    assert [(name, role) for name, role, _ in users.users()] == [
        ("Muhammad Farhan", "signatory"),
        ("Rina Kusumawati", "drafter"),
        ("Dedi Supriadi", "reviewer"),
    ]
    assert users.more_button.text() == "More users: 1"
    # Folded again, the extra user is kept (and the button says so).
    qtbot.mouseClick(users.more_button, Qt.MouseButton.LeftButton)
    assert not users.list.isVisible() and users.list.count() == 1
    assert wizard.height() <= height  # back to what the page needs
    assert not finish.isEnabled()  # still no password for the signing identity


def test_wizard_creates_office_users_and_signing_identity(
    qtbot: QtBot,
    wizard: FirstRunWizard,
    empty_database: Database,
    app_data_dir: Path,
    tmp_path: Path,
    modal_driver: ModalDriver,
) -> None:
    _fill_until_identity(qtbot, wizard, tmp_path)
    page = wizard.identity_section
    users = wizard.users_page
    finish = QWizard.WizardButton.FinishButton
    qtbot.keyClicks(page.password, "short")
    assert page.strength.text().startswith("Too short")
    assert not wizard.button(finish).isEnabled()
    page.password.clear()
    qtbot.keyClicks(page.password, PASSWORD)
    assert page.strength.text() == "Strong."
    # One field, no "Repeat password": "Show" lets the person read what they typed.
    assert page.password.echoMode() == QLineEdit.EchoMode.Password
    qtbot.mouseClick(page.show_button, Qt.MouseButton.LeftButton)
    assert page.password.echoMode() == QLineEdit.EchoMode.Normal
    qtbot.mouseClick(page.show_button, Qt.MouseButton.LeftButton)
    assert page.password.echoMode() == QLineEdit.EchoMode.Password
    # A reviewer is there: no word on reviewers, only who acts once Lintas opens.
    assert users.hint.text() == (
        "Lintas opens as Rina Kusumawati, the drafter. The head's password is asked when the "
        "head approves, trusts an office or signs."
    )
    _click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert wizard.result() == QWizard.DialogCode.Accepted
    identity = load_identity(paths.identity_file(app_data_dir), PASSWORD)
    assert identity.subject_name == "Wali Kota Bandung"
    assert identity.organization == "Pemerintah Kota Bandung"
    assert certificate_copy(app_data_dir).read_bytes() == identity.certificate_pem()
    # Our office card (not a bare .pem) can be made from now on without any password: the new
    # identity endorsed the exchange key while it was unlocked.
    with empty_database.session() as session:
        card = card_for_certificate(session, app_data_dir, identity.certificate)
    assert card is not None
    office_data, certificate = read_office_card(card)
    assert office_data["region"] == "Bandung"
    assert certificate.public_bytes(Encoding.PEM) == identity.certificate_pem()
    with empty_database.session() as session:
        office = local_office(session)
        assert office is not None
        assert (office.level, office.region, office.unit) == (
            "kota",
            "Bandung",
            "Bagian Kerja Sama",
        )
        assert (office.head_name, office.head_title, office.head_nip) == (
            "Muhammad Farhan",
            "Wali Kota Bandung",
            "197001011990031001",
        )
        assert office.lambang_png is not None and office.lambang_png.startswith(b"\x89PNG")
        stored = local_users(session)
        assert [(u.name, u.role) for u in stored] == [
            ("Muhammad Farhan", "signatory"),
            ("Rina Kusumawati", "drafter"),
            ("Dedi Supriadi", "reviewer"),
        ]
        # Only slow scrypt hashes are stored, and each checks its own PIN only.
        assert all(u.secret_hash and u.secret_hash.startswith("scrypt$16384$") for u in stored)
        # The head's secret for "Acting as" is the signing identity's password.
        assert verify_secret(stored[0].secret_hash, PASSWORD)
        assert not verify_secret(stored[0].secret_hash, "1357")
        assert verify_secret(stored[1].secret_hash, "1357")


def test_users_page_needs_the_head_and_a_drafter_and_says_why(
    qtbot: QtBot, wizard: FirstRunWizard, tmp_path: Path
) -> None:
    _fill_until_identity(qtbot, wizard, tmp_path)
    users = wizard.users_page
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    qtbot.keyClicks(wizard.identity_section.password, PASSWORD)
    assert finish.isEnabled()
    users.drafter_name.clear()
    assert not finish.isEnabled()
    assert users.hint.text() == (
        "Name one drafter: without a drafter nobody can write an agreement, and the head of "
        "region only signs."
    )
    qtbot.keyClicks(users.drafter_name, "Dedi Supriadi")  # the same name as the reviewer
    assert users.hint.text() == "Each person can be listed only once; use different names."
    qtbot.mouseClick(users.more_button, Qt.MouseButton.LeftButton)
    users.list.setCurrentRow(0)
    qtbot.mouseClick(users.remove_button, Qt.MouseButton.LeftButton)
    assert finish.isEnabled()
    # Without a reviewer the tip is the truth of the default policy: the head's approval
    # releases a draft for negotiation, a reviewer is optional.
    assert users.hint.text() == (
        "A reviewer is optional: the head's approval releases a draft for negotiation (Settings "
        "can require a reviewer's release first). Lintas opens as Dedi Supriadi, the drafter. "
        "The head's password is asked when the head approves, trusts an office or signs."
    )
    users.drafter_pin.clear()
    qtbot.keyClicks(users.drafter_pin, "13")
    assert not finish.isEnabled()
    assert users.hint.text() == "Give Dedi Supriadi a password or PIN of at least 4 characters."
    qtbot.keyClicks(users.drafter_pin, "57")
    assert finish.isEnabled()
    # Without the head of region nobody could sign: the page says so and cannot finish.
    wizard.head_section.name.clear()
    assert not finish.isEnabled()
    assert users.hint.text() == "Type the name of the head of region."
    assert not wizard.setup_page.validatePage()  # even when forced (Enter, accept())
    assert wizard.result() != QWizard.DialogCode.Accepted


def test_import_with_wrong_password_keeps_everything_then_succeeds(
    qtbot: QtBot,
    wizard: FirstRunWizard,
    empty_database: Database,
    app_data_dir: Path,
    tmp_path: Path,
) -> None:
    bsre = tmp_path / "bsre.p12"
    leaf_der = make_issued_p12(bsre, "rahasia-bsre")
    original = bsre.read_bytes()
    _fill_until_identity(qtbot, wizard, tmp_path)
    page = wizard.identity_section
    qtbot.mouseClick(page.import_radio, Qt.MouseButton.LeftButton)
    assert page.importing()
    assert wizard.users_page.hint.text() == "Choose the .p12 file and type its password."
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    qtbot.keyClicks(page.p12_path, str(bsre))
    qtbot.keyClicks(page.import_password, "salah-sandi")
    _click(qtbot, wizard, QWizard.WizardButton.FinishButton)

    assert wizard.isVisible() and wizard.result() != QWizard.DialogCode.Accepted  # stayed
    assert "password does not open this file" in page.error.text()
    assert "nothing has been changed" in page.error.text()
    assert not paths.identity_file(app_data_dir).exists()
    assert bsre.read_bytes() == original
    with empty_database.session() as session:
        assert local_office(session) is None
    assert page.p12_path.text() == str(bsre)  # what was typed is still there

    page.import_password.clear()
    qtbot.keyClicks(page.import_password, "rahasia-bsre")
    _click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert wizard.result() == QWizard.DialogCode.Accepted
    imported = load_identity(paths.identity_file(app_data_dir), "rahasia-bsre")
    assert imported.certificate.public_bytes(Encoding.DER) == leaf_der
    with empty_database.session() as session:
        assert local_office(session) is not None
        # The head acts with the password of the identity the head signs with.
        assert verify_secret(local_users(session)[0].secret_hash, "rahasia-bsre")


def test_import_of_an_unreadable_file_explains_and_stays(
    qtbot: QtBot, wizard: FirstRunWizard, app_data_dir: Path, tmp_path: Path
) -> None:
    junk = tmp_path / "not-a-p12.p12"
    junk.write_bytes(b"PK\x03\x04 this is a zip, not PKCS#12")
    _fill_until_identity(qtbot, wizard, tmp_path)
    page = wizard.identity_section
    page.import_radio.setChecked(True)
    qtbot.keyClicks(page.p12_path, str(junk))
    qtbot.keyClicks(page.import_password, "whatever")
    _click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert wizard.isVisible() and wizard.result() != QWizard.DialogCode.Accepted
    assert page.error.text()
    assert "password does not open" not in page.error.text()
    assert not paths.identity_file(app_data_dir).exists()
    page.p12_path.setText(str(tmp_path / "absent.p12"))
    _click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert "does not exist" in page.error.text()


def test_an_identity_file_left_by_an_earlier_attempt_is_kept_not_overwritten(
    qtbot: QtBot, wizard: FirstRunWizard, app_data_dir: Path, tmp_path: Path
) -> None:
    earlier = paths.identity_file(app_data_dir)
    earlier.parent.mkdir(parents=True)
    earlier.write_bytes(b"an earlier key the user may still need")
    _fill_until_identity(qtbot, wizard, tmp_path)
    page = wizard.identity_section
    page.password.setText(PASSWORD)
    _click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert wizard.result() == QWizard.DialogCode.Accepted
    kept = [p for p in earlier.parent.iterdir() if p.name.startswith("office-replaced-")]
    assert len(kept) == 1
    assert kept[0].read_bytes() == b"an earlier key the user may still need"
    assert load_identity(earlier, PASSWORD).organization == "Pemerintah Kota Bandung"


def test_the_regional_government_is_picked_from_the_list_and_the_unit_has_a_default(
    qtbot: QtBot, wizard: FirstRunWizard
) -> None:
    from ui.wizard.office_page import DEFAULT_UNIT, known_regions

    office = wizard.office_page
    regions = known_regions()
    # Every autonomous city and province is offered (98 kota minus Jakarta's 5, and 38).
    assert sum(1 for level, _ in regions if level == "kota") == 93
    assert sum(1 for level, _ in regions if level == "provinsi") == 38
    assert len(set(regions)) == len(regions)
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()
    office.city.setCurrentIndex(office.city.findText("Pemerintah Kabupaten Bandung Barat"))
    assert (office.level.currentData(), office.region.text()) == ("kabupaten", "Bandung Barat")
    assert office.preview.text() == "Pemerintah Kabupaten Bandung Barat"
    office.city.setCurrentIndex(office.city.findText("Pemerintah Kota Pekanbaru"))
    assert (office.level.currentData(), office.region.text()) == ("kota", "Pekanbaru")
    # No unit typed: the usual cooperation unit; a typed one wins.
    assert office.unit.text() == "" and office.unit_value() == DEFAULT_UNIT
    assert wizard.head_section.title.text() == "Wali Kota Pekanbaru"  # follows the pick
    assert not office.is_complete()  # no head named yet
    assert wizard.users_page.hint.text() == "Type the name of the head of region."
    wizard.head_section.name.setText("Agung Nugroho")
    assert office.is_complete() and not finish.isEnabled()  # the identity is next
    assert wizard.users_page.hint.text().startswith("Give the signing identity a password")
    assert wizard.profile().unit == DEFAULT_UNIT
    office.unit.setText("Biro Pemerintahan")
    assert wizard.profile().unit == "Biro Pemerintahan"


#: The tallest the wizard may be: a 1366x768 screen less its panel (40 px) and the window's
#: title bar (about 30 px), so that "Create and open Lintas" is always on the screen.
MAX_HEIGHT = 768 - 40 - 30


@pytest.mark.parametrize("language", ["en", "id"])
def test_the_one_page_fits_a_laptop_screen_folded_and_unfolded(
    qtbot: QtBot,
    empty_database: Database,
    app_data_dir: Path,
    compiled_translations: Path,
    screenshots: Path,
    language: str,
) -> None:
    from tests.shell.layout_probe import problems
    from ui import i18n

    i18n.install_language(language, compiled_translations)
    wizard = FirstRunWizard(empty_database, app_data_dir)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    users = wizard.users_page
    # The longest texts a fresh office sees: a long regency, the tip and an error line.
    office = wizard.office_page
    office.city.setCurrentIndex(office.city.findText("Pemerintah Kabupaten Bandung Barat"))
    wizard.head_section.name.setText("Prof. Dr. H. Muhammad Farhan, S.T., M.Sc.")
    wizard.identity_section.password.setText(PASSWORD)
    users.drafter_name.setText("Rina Kusumawati")
    users.drafter_pin.setText("1357")
    wizard.identity_section.show_error("x " * 120)
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    for unfolded in (False, True, False):
        if unfolded != users.more_button.isChecked():
            qtbot.mouseClick(users.more_button, Qt.MouseButton.LeftButton)
        qtbot.wait(20)
        assert users.list.isVisible() == unfolded
        assert wizard.height() <= MAX_HEIGHT, (language, unfolded, wizard.height())
        assert not problems(wizard), (language, unfolded, problems(wizard))
        # Nothing squeezed below what it needs: the page gets at least its minimum height.
        page = wizard.setup_page
        assert page.height() >= page.minimumSizeHint().height()
        state = "more" if unfolded else "folded"
        assert wizard.grab().save(str(screenshots / f"wizard_fit_{state}_{language}.png"))


def test_enter_in_the_extra_user_row_adds_the_user_and_does_not_finish(
    qtbot: QtBot, wizard: FirstRunWizard
) -> None:
    wizard.office_page.city.setCurrentIndex(
        wizard.office_page.city.findText("Pemerintah Kota Bandung")
    )
    wizard.head_section.name.setText("Muhammad Farhan")
    wizard.identity_section.password.setText(PASSWORD)
    users = wizard.users_page
    users.drafter_name.setText("Rina Kusumawati")
    users.drafter_pin.setText("1357")
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    qtbot.mouseClick(users.more_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(users.name, "Dedi Supriadi")
    qtbot.keyClicks(users.pin, "9753")
    qtbot.keyClick(users.pin, Qt.Key.Key_Return)
    assert users.list.count() == 1
    assert wizard.isVisible() and wizard.result() != QWizard.DialogCode.Accepted
    assert not paths.identity_file(wizard.data_dir).exists()  # nothing made yet
