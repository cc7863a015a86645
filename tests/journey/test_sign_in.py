"""Starting Lintas resumes the last user only with that user's PIN (the real ``ui.app.start``).

The app is started for real on a data folder whose office has users with PINs; the sign-in
dialog that ``start`` runs modally is answered through its widgets (typing, clicking).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mou.db import Database
from mou.office import local_users, set_user_secret
from tests.shell.conftest import ModalDriver
from ui.app import start
from ui.pin_dialog import SignInDialog
from ui.settings import Settings

PINS = {"Muhammad Farhan": "2468", "Rina Kusumawati": "1357"}


@pytest.fixture
def office_with_pins(office_database: Database, app_data_dir: Path) -> dict[str, int]:
    """Bandung's office where the mayor and the drafter have PINs; the mayor acted last."""
    with office_database.session() as session:
        users = {u.name: u.id for u in local_users(session)}
        for name, pin in PINS.items():
            set_user_secret(session, users[name], pin)
    settings = Settings(app_data_dir)
    settings.language = "en"
    settings.last_user_id = users["Muhammad Farhan"]
    settings.sync()
    office_database.dispose()
    return users


def _click(qtbot: QtBot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_start_asks_the_last_users_pin_refuses_a_wrong_one_and_opens_with_the_right_one(
    qtbot: QtBot,
    office_with_pins: dict[str, int],
    modal_driver: ModalDriver,
    screenshots: Path,
) -> None:
    seen: dict[str, object] = {}

    def answer(dialog: SignInDialog) -> None:
        assert dialog.isVisible() and dialog.chosen().name == "Muhammad Farhan"
        assert dialog.secret.isVisible()
        qtbot.keyClicks(dialog.secret, "0000")
        _click(qtbot, dialog.ok_button)
        seen["refused"] = dialog.error.text()
        seen["still_open"] = dialog.isVisible()
        assert dialog.grab().save(str(screenshots / "journey_sign_in_wrong_pin.png"))
        qtbot.waitUntil(dialog.ok_button.isEnabled, timeout=3000)  # a pause after a wrong try
        qtbot.keyClicks(dialog.secret, PINS["Muhammad Farhan"])
        _click(qtbot, dialog.ok_button)

    modal_driver.expect(SignInDialog, answer)
    window = start(None)
    assert modal_driver.handled == ["SignInDialog"]
    assert seen["still_open"] is True
    assert seen["refused"] == "That is not the right password or PIN. Try again in 1 s."
    assert window is not None
    qtbot.addWidget(window)
    assert window.isVisible() and window.context.current_user.name == "Muhammad Farhan"
    window.close()
    window.context.database.dispose()


def test_someone_else_picks_their_own_name_and_pin_at_start(
    qtbot: QtBot,
    office_with_pins: dict[str, int],
    modal_driver: ModalDriver,
    app_data_dir: Path,
) -> None:
    def answer(dialog: SignInDialog) -> None:
        # The drafter does not need the mayor's PIN: she picks herself.
        dialog.who.setCurrentIndex(dialog.who.findText("Rina Kusumawati — Drafter"))
        assert dialog.prompt.text() == "Type the password or PIN of Rina Kusumawati:"
        qtbot.keyClicks(dialog.secret, PINS["Muhammad Farhan"])  # someone else's PIN: no
        _click(qtbot, dialog.ok_button)
        assert dialog.isVisible() and "not the right password or PIN" in dialog.error.text()
        qtbot.waitUntil(dialog.ok_button.isEnabled, timeout=3000)
        qtbot.keyClicks(dialog.secret, PINS["Rina Kusumawati"])
        _click(qtbot, dialog.ok_button)

    modal_driver.expect(SignInDialog, answer)
    window = start(None)
    assert window is not None
    qtbot.addWidget(window)
    assert window.context.current_user.name == "Rina Kusumawati"
    assert window.user_switcher.combo.currentText() == "Rina Kusumawati — Drafter"
    assert Settings(app_data_dir).last_user_id == office_with_pins["Rina Kusumawati"]
    window.close()
    window.context.database.dispose()


def test_quit_at_sign_in_opens_nothing_and_a_user_without_pin_is_not_asked(
    qtbot: QtBot,
    office_with_pins: dict[str, int],
    modal_driver: ModalDriver,
    app_data_dir: Path,
) -> None:
    modal_driver.expect(SignInDialog, lambda d: _click(qtbot, d.cancel_button))
    assert start(None) is None
    assert modal_driver.handled == ["SignInDialog"]
    # Dedi has no PIN: resuming him asks nothing (as before PINs existed).
    settings = Settings(app_data_dir)
    settings.last_user_id = office_with_pins["Dedi Supriadi"]
    settings.sync()
    window = start(None)
    assert window is not None
    qtbot.addWidget(window)
    assert modal_driver.handled == ["SignInDialog"]
    assert window.context.current_user.name == "Dedi Supriadi"
    window.close()
    window.context.database.dispose()
