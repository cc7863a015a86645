"""Our office card on every screen, also a new office's empty one; a .pem gets a sentence."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from mou.exchange import read_office_card
from mou.signing.identity import create_identity
from tests.shell.conftest import ModalDriver
from ui.agreements.page import Page as AgreementsPage
from ui.context import AppContext
from ui.exchange_keys import endorse_with
from ui.main_window import MainWindow
from ui.wizard.wizard import certificate_copy


def _identity(context: AppContext) -> None:
    """What the wizard leaves: identity, certificate copy and the endorsed exchange key."""
    context.identity_path.parent.mkdir(parents=True, exist_ok=True)
    identity = create_identity(
        context.identity_path, "Sandi-Bandung-1", common_name="Wali Kota Bandung",
        organization="Pemerintah Kota Bandung",
    )  # fmt: skip
    certificate_copy(context.data_dir).write_bytes(identity.certificate_pem())
    endorse_with(context.data_dir, identity)


def test_header_saves_the_card_without_a_password_on_an_empty_office(
    qtbot: QtBot, context: AppContext, tmp_path: Path, modal_driver: ModalDriver, screenshots: Path
) -> None:
    _identity(context)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.navigate("agreements")  # no agreement yet: the empty state
    page = window.page("agreements")
    assert page.stack.currentWidget() is page.empty_state
    assert not page.save_card_button.isHidden()
    assert "As a signatory you approve and sign" in page.empty_state.message_label.text()
    assert window.grab().save(str(screenshots / "journey_agreements_empty_signatory_en.png"))

    target = tmp_path / "kartu-bandung"

    def save_as(dialog: QFileDialog) -> None:
        dialog.selectFile(str(target))
        dialog.accept()

    modal_driver.expect(QFileDialog, save_as)
    window.office_card_button.save_action.trigger()  # no password asked
    saved = target.with_suffix(".lintas-card")
    office, _certificate = read_office_card(saved.read_bytes())
    assert office["uuid"] == context.office.uuid
    level, text = window.office_card_button.card_actions().last_message
    assert level == "success" and "kartu-bandung.lintas-card" in text
    assert str(tmp_path) not in text  # no folder paths in messages


def test_a_pem_where_a_card_is_expected_says_what_to_do(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    _identity(context)
    page = AgreementsPage(context)
    qtbot.addWidget(page)
    pem = tmp_path / "Pemerintah Kota Pekanbaru.pem"
    pem.write_bytes(certificate_copy(context.data_dir).read_bytes())
    assert page.card_actions.offer_trust(pem) is None
    level, text = page.card_actions.last_message
    assert level == "error"
    assert text.startswith("This is a certificate file, not an office card.")
    assert "Expecting value" not in text and "char 0" not in text
    # The older dialog path gives the same sentence.
    assert page.dialogs.import_office_card(pem) is None
    assert page.dialogs.last_message[1] == text
