"""Starting the app for real: main window for a set-up office, wizard otherwise, damaged database."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from mou.db import Database, list_backups, open_database, sqlite_url
from tests.shell.conftest import ModalDriver
from ui import paths
from ui.app import database_url_for, start
from ui.database_recovery import CorruptDatabaseDialog
from ui.settings import Settings
from ui.wizard.wizard import FirstRunWizard

GARBAGE = b"\x00garbage written over the database by a failing disk\xff" * 64


@pytest.fixture(autouse=True)
def english(app_data_dir: Path) -> None:
    """These tests read English texts, whatever the machine's locale."""
    settings = Settings(app_data_dir)
    settings.language = "en"
    settings.sync()


def _reopen_for_backup(app_data_dir: Path) -> None:
    """Open the healthy file once more: the storage layer then keeps an automatic backup."""
    db = open_database(
        sqlite_url(paths.database_file(app_data_dir)), backup_dir=paths.backups_dir(app_data_dir)
    )
    db.dispose()


def test_existing_office_opens_the_main_window(
    qtbot: QtBot, office_database: Database, app_data_dir: Path
) -> None:
    office_database.dispose()
    window = start(None)
    assert window is not None
    qtbot.addWidget(window)
    assert window.isVisible()
    assert window.office_label.text() == "Pemerintah Kota Bandung"
    assert window.context.current_user is not None
    assert window.context.data_dir == app_data_dir
    window.close()
    window.context.database.dispose()


def test_no_office_runs_the_wizard_and_cancel_quits(
    qtbot: QtBot, empty_database: Database, modal_driver: ModalDriver
) -> None:
    empty_database.dispose()
    seen: list[str] = []

    def cancel(wizard: FirstRunWizard) -> None:
        seen.append(wizard.currentPage().title())
        wizard.reject()

    modal_driver.expect(FirstRunWizard, cancel)
    assert start(None) is None
    assert seen == ["Your office"]


def test_damaged_database_restores_the_last_backup_when_asked(
    qtbot: QtBot,
    office_database: Database,
    app_data_dir: Path,
    modal_driver: ModalDriver,
    screenshots: Path,
) -> None:
    office_database.dispose()
    _reopen_for_backup(app_data_dir)
    backups = list_backups(paths.backups_dir(app_data_dir))
    assert backups
    db_file = paths.database_file(app_data_dir)
    db_file.write_bytes(GARBAGE)
    texts: list[str] = []

    def restore(dialog: CorruptDatabaseDialog) -> None:
        texts.append(dialog.detail.text() + "\n" + dialog.backup_label.text())
        dialog.grab().save(str(screenshots / "corrupt_database_en.png"))
        assert dialog.restore_button.isEnabled()
        dialog.restore_button.click()

    def acknowledge(box: QMessageBox) -> None:
        texts.append(box.text())
        box.accept()

    modal_driver.expect(CorruptDatabaseDialog, restore)
    modal_driver.expect(QMessageBox, acknowledge)
    window = start(None)
    assert modal_driver.pending == 0
    assert window is not None
    qtbot.addWidget(window)
    assert str(db_file) not in texts[0]  # no paths of the database on screen (conventions)
    assert backups[0].name in texts[0]
    assert window.office_label.text() == "Pemerintah Kota Bandung"  # data from the backup
    kept = [p for p in app_data_dir.iterdir() if p.name.startswith("lintas.sqlite3.corrupt-")]
    assert len(kept) == 1 and kept[0].read_bytes() == GARBAGE  # the damaged file is kept
    assert kept[0].name in texts[1] and str(kept[0]) not in texts[1]
    window.close()
    window.context.database.dispose()


def test_damaged_database_quit_leaves_every_file_untouched(
    qtbot: QtBot, office_database: Database, app_data_dir: Path, modal_driver: ModalDriver
) -> None:
    office_database.dispose()
    _reopen_for_backup(app_data_dir)
    db_file = paths.database_file(app_data_dir)
    db_file.write_bytes(GARBAGE)
    before = {p: p.read_bytes() for p in app_data_dir.rglob("*") if p.is_file()}
    modal_driver.expect(CorruptDatabaseDialog, lambda d: d.quit_button.click())
    assert start(None) is None
    after = {p: p.read_bytes() for p in app_data_dir.rglob("*") if p.is_file()}
    assert after == before


def test_damaged_database_without_backup_offers_only_quit(
    qtbot: QtBot, app_data_dir: Path, modal_driver: ModalDriver
) -> None:
    paths.database_file(app_data_dir).write_bytes(GARBAGE)
    states: list[tuple[bool, str]] = []

    def look(dialog: CorruptDatabaseDialog) -> None:
        states.append((dialog.restore_button.isEnabled(), dialog.backup_label.text()))
        dialog.quit_button.click()

    modal_driver.expect(CorruptDatabaseDialog, look)
    assert start(None) is None
    assert states[0][0] is False
    assert "no automatic backup" in states[0][1]
    assert paths.database_file(app_data_dir).read_bytes() == GARBAGE


def test_database_url_precedence(app_data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings(app_data_dir)
    default = sqlite_url(paths.database_file(app_data_dir))
    monkeypatch.delenv("LINTAS_DATABASE_URL", raising=False)
    assert database_url_for(None, settings, app_data_dir) == default
    settings.database_url = "sqlite+pysqlite:////tmp/from-settings.sqlite3"
    assert database_url_for(None, settings, app_data_dir).endswith("from-settings.sqlite3")
    monkeypatch.setenv("LINTAS_DATABASE_URL", "sqlite+pysqlite:////tmp/from-env.sqlite3")
    assert database_url_for(None, settings, app_data_dir).endswith("from-env.sqlite3")
    assert database_url_for("sqlite+pysqlite:////tmp/cli.sqlite3", settings, app_data_dir).endswith(
        "cli.sqlite3"
    )


def test_unreachable_database_server_gets_a_clear_dialog(
    qtbot: QtBot, app_data_dir: Path, modal_driver: ModalDriver
) -> None:
    from ui.database_recovery import DatabaseErrorDialog

    seen: list[str] = []

    def read_and_quit(dialog: DatabaseErrorDialog) -> None:
        seen.append(dialog.findChild(QLabel).text())
        dialog.reject()

    modal_driver.expect(DatabaseErrorDialog, read_and_quit)
    # Port 9 on loopback: nothing listens, so the connection is refused at once.
    url = "postgresql+psycopg://lintas:rahasia@127.0.0.1:9/lintas?connect_timeout=2"
    assert start(url) is None
    assert "could not open its database" in seen[0]
    assert "The database server does not answer" in seen[0]
    # No internals on screen (conventions): the address, port and driver text go to "Copy details".
    assert "127.0.0.1" not in seen[0] and "postgresql" not in seen[0]
    assert "rahasia" not in seen[0]  # the password is never shown


def test_first_start_wizard_then_main_window(
    qtbot: QtBot, empty_database: Database, app_data_dir: Path, modal_driver: ModalDriver
) -> None:
    empty_database.dispose()

    def set_up(wizard: FirstRunWizard) -> None:
        wizard.office_page.level.setCurrentIndex(wizard.office_page.level.findData("kabupaten"))
        wizard.office_page.region.setText("Bandung Barat")
        wizard.office_page.unit.setText("Bagian Kerja Sama")
        wizard.head_section.name.setText("Jeje Ritchie Ismail")  # one page; no lambang
        wizard.identity_section.password.setText("Sandi-Bandung-Barat-1")  # also the head's
        wizard.users_page.drafter_name.setText("Asep Sunandar")
        wizard.users_page.drafter_pin.setText("1357")
        wizard.accept()  # "Create and open Lintas": identity and office are created

    modal_driver.expect(FirstRunWizard, set_up)
    window = start(None)
    assert window is not None
    qtbot.addWidget(window)
    assert window.office_label.text() == "Pemerintah Kabupaten Bandung Barat"
    # Least privilege: the drafter acts after set-up; the head's password is asked when used.
    assert window.user_switcher.combo.currentText() == "Asep Sunandar — Drafter"
    assert [window.user_switcher.combo.itemText(i) for i in range(2)] == [
        "Jeje Ritchie Ismail — Signatory",
        "Asep Sunandar — Drafter",
    ]
    assert paths.identity_file(app_data_dir).is_file()
    window.close()
    window.context.database.dispose()
