"""Roles and people: Settings adds, re-roles and removes users; "Acting as" asks for the PIN."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mou.office import local_users, set_user_secret
from ui.context import AppContext
from ui.main_window import MainWindow


def _window(qtbot: QtBot, context: AppContext) -> MainWindow:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_settings_manage_users_and_acting_as_needs_their_pin(
    qtbot: QtBot, context: AppContext, screenshots: Path
) -> None:
    with context.database.session() as session:
        users = {u.name: u.id for u in local_users(session)}
        set_user_secret(session, users["Rina Kusumawati"], "1357")
    window = _window(qtbot, context)
    window.navigate("settings")
    section = window.page("settings").users
    assert context.current_user is not None and context.current_user.role == "signatory"

    # Add a user with a PIN; it is stored only as a scrypt hash.
    qtbot.keyClicks(section.name, "Sari Wulandari")
    section.role.setCurrentIndex(section.role.findData("viewer"))
    qtbot.keyClicks(section.secret, "2468")
    qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
    assert section.status.text() == "Sari Wulandari added."
    with context.database.session() as session:
        sari = next(u for u in local_users(session) if u.name == "Sari Wulandari")
        assert sari.secret_hash is not None and "2468" not in sari.secret_hash

    # Give her another role.
    section.list.setCurrentRow(3)
    section.selected_role.setCurrentIndex(section.selected_role.findData("reviewer"))
    qtbot.mouseClick(section.role_button, Qt.MouseButton.LeftButton)
    assert section.status.text() == "Sari Wulandari is now Reviewer."
    combo = window.user_switcher.combo
    qtbot.waitUntil(lambda: combo.itemText(3) == "Sari Wulandari — Reviewer")

    # Nobody removes themselves; another user goes (kept inactive for the audit trail).
    section.list.setCurrentRow(0)
    qtbot.mouseClick(section.remove_button, Qt.MouseButton.LeftButton)
    assert "cannot remove yourself" in section.status.text()
    section.list.setCurrentRow(2)  # Dedi Supriadi
    qtbot.mouseClick(section.remove_button, Qt.MouseButton.LeftButton)
    assert section.status.text() == "Dedi Supriadi was removed."
    qtbot.waitUntil(lambda: combo.count() == 3)
    assert window.grab().save(str(screenshots / "journey_settings_users_en.png"))

    # "Acting as" Rina: the PIN is asked; a wrong one keeps the mayor acting and pauses.
    combo.setCurrentIndex(1)
    dialog = window.user_switcher.pin_dialog
    assert dialog is not None and dialog.isVisible()
    assert context.current_user.name == "Muhammad Farhan"
    assert combo.currentIndex() == 0  # the selector stays on who really acts
    qtbot.keyClicks(dialog.secret, "0000")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "not the right password or PIN" in dialog.error.text()
    assert not dialog.ok_button.isEnabled()  # a pause before the next try
    assert context.current_user.name == "Muhammad Farhan"
    qtbot.waitUntil(dialog.ok_button.isEnabled, timeout=3000)
    qtbot.keyClicks(dialog.secret, "1357")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert context.current_user.name == "Rina Kusumawati"
    assert combo.currentIndex() == 1

    # A drafter cannot manage users; the section says who can.
    qtbot.waitUntil(lambda: not section.add_button.isEnabled())
    assert section.status.text() == "Only a signatory can add, remove or change users."
