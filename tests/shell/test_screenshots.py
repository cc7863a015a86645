"""Screenshots of the shell's windows in English and Indonesian (written to ``screenshots/``).

Each test also checks the captured widgets are translated and not empty, so a screenshot that
would show English in the Indonesian build fails here rather than only in review.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from mou.db import Database
from mou.office import Role
from tests.shell.conftest import make_issued_p12
from tests.shell.test_wizard import LAMBANG_SVG, PASSWORD
from ui import i18n
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.wizard.wizard import FirstRunWizard

EXPECTED_SIDEBAR = {
    "en": ["Home", "Sessions", "Agreements", "App catalog", "Archive", "Settings"],
    "id": ["Beranda", "Sesi Vicon", "Kesepakatan", "Katalog Aplikasi", "Arsip", "Pengaturan"],
}


@pytest.mark.parametrize("language", ["en", "id"])
def test_main_window_screenshots(
    qtbot: QtBot,
    context: AppContext,
    compiled_translations: Path,
    screenshots: Path,
    language: str,
) -> None:
    i18n.install_language(language, compiled_translations)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1100, 720)
    window.show()
    qtbot.waitExposed(window)
    sidebar = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert sidebar == EXPECTED_SIDEBAR[language]
    home = window.page("home")
    if language == "id":
        assert home.greeting.text() == "Selamat datang, Muhammad Farhan"
        assert home.empty_state.title_label.text() == "Tidak ada yang perlu Anda tindak lanjuti"
        assert window.user_switcher.label.text() == "Bertindak sebagai:"
    assert window.grab().save(str(screenshots / f"main_window_{language}.png"))
    for key in ("sessions", "agreements", "catalog", "archive", "settings"):
        window.navigate(key)
        qtbot.wait(10)
        assert window.grab().save(str(screenshots / f"page_{key}_{language}.png"))


@pytest.mark.parametrize("language", ["en", "id"])
def test_wizard_screenshots(
    qtbot: QtBot,
    empty_database: Database,
    app_data_dir: Path,
    compiled_translations: Path,
    screenshots: Path,
    tmp_path: Path,
    language: str,
) -> None:
    i18n.install_language(language, compiled_translations)
    wizard = FirstRunWizard(empty_database, app_data_dir)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    if language == "id":
        assert finish.text() == "Buat dan buka Lintas"
        assert wizard.setup_page.title() == "Kantor Anda"
        assert wizard.users_page.more_button.text() == "Pengguna lain (opsional)"

    def shot(name: str) -> None:
        assert wizard.grab().save(str(screenshots / f"wizard_{name}_{language}.png"))

    shot("0_empty")
    wizard.office_page.region.setText("Bandung")
    wizard.office_page.unit.setText("Bagian Kerja Sama")
    wizard.head_section.name.setText("Muhammad Farhan")
    svg = tmp_path / "lambang.svg"
    svg.write_text(LAMBANG_SVG, encoding="utf-8")
    assert wizard.lambang_section.load(svg)
    wizard.identity_section.password.setText(PASSWORD)
    wizard.users_page.drafter_name.setText("Rina Kusumawati")
    wizard.users_page.drafter_pin.setText("1357")
    assert finish.isEnabled()
    shot("1_ready")
    wizard.users_page.more_button.click()
    assert wizard.users_page.add_user("Dedi Supriadi", Role.REVIEWER, "9753")
    shot("2_more_users")
    wizard.identity_section.import_radio.setChecked(True)
    make_issued_p12(tmp_path / "bsre.p12", "rahasia-bsre")
    wizard.identity_section.p12_path.setText(str(tmp_path / "bsre.p12"))
    wizard.identity_section.import_password.setText("salah")
    assert not wizard.setup_page.validatePage()
    expected = {"en": "The password does not open", "id": "Kata sandi ini tidak dapat membuka"}
    assert wizard.identity_section.error.text().startswith(expected[language])
    shot("3_import_error")
    wizard.identity_section.create_radio.setChecked(True)
    wizard.accept()
    assert wizard.result() == QWizard.DialogCode.Accepted


@pytest.mark.parametrize("language", ["en", "id"])
def test_database_dialog_screenshots(
    qtbot: QtBot, tmp_path: Path, compiled_translations: Path, screenshots: Path, language: str
) -> None:
    from mou.db import DatabaseCorruptError
    from ui.database_recovery import CorruptDatabaseDialog, DatabaseErrorDialog

    i18n.install_language(language, compiled_translations)
    backup = tmp_path / "lintas-20261121T230000000000Z.sqlite3"
    backup.write_bytes(b"")
    error = DatabaseCorruptError(
        tmp_path / "lintas.sqlite3", [backup], "not an SQLite database file"
    )
    dialog = CorruptDatabaseDialog(error)
    qtbot.addWidget(dialog)
    dialog.show()
    if language == "id":
        assert dialog.restore_button.text() == "Pulihkan cadangan terakhir"
        assert dialog.windowTitle() == "Basis data rusak"
    assert dialog.grab().save(str(screenshots / f"corrupt_database_dialog_{language}.png"))
    failed = DatabaseErrorDialog(
        "postgresql+psycopg://lintas:x@db.bandung.go.id/lintas", "connection refused"
    )
    qtbot.addWidget(failed)
    failed.show()
    assert failed.grab().save(str(screenshots / f"database_error_dialog_{language}.png"))
