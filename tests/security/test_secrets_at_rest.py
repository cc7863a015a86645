"""Secrets at rest: folder and file modes after the real first-run wizard, passwords out of
settings.ini, the PKCS#12 MAC as costly as the key, the hub secret created owner-only."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWizard

from conferencing.hub.tokens import load_secret
from mou.db import open_database, sqlite_url
from mou.signing.identity import KDF_ROUNDS, create_identity
from tests.shell.test_wizard import PASSWORD, _click, _fill_until_identity
from ui import paths
from ui.settings import Settings
from ui.wizard.wizard import FirstRunWizard


def _modes(folder: Path) -> dict[str, int]:
    found = {}
    for root, dirs, files in os.walk(folder):
        for name in [*dirs, *files, "."]:
            path = Path(root) / name
            found[str(path.relative_to(folder))] = stat.S_IMODE(path.lstat().st_mode)
    return found


def test_first_run_leaves_only_owner_readable_files(qtbot, tmp_path, monkeypatch) -> None:
    folder = tmp_path / "appdata"
    monkeypatch.setenv("LINTAS_DATA_DIR", str(folder))
    os.umask(0o022)  # what an ordinary desktop session starts with
    # An existing install from before: a world-readable folder and settings file.
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    old = folder / "settings.ini"
    old.write_text("[vicon]\nturn_password=rahasia-turn\n", encoding="utf-8")
    old.chmod(0o644)
    assert paths.data_dir() == folder  # what the app does first on start
    database = open_database(
        sqlite_url(paths.database_file(folder)), backup_dir=paths.backups_dir(folder)
    )
    try:
        wizard = FirstRunWizard(database, folder)
        qtbot.addWidget(wizard)
        wizard.show()
        qtbot.waitExposed(wizard)
        _fill_until_identity(qtbot, wizard, tmp_path)
        page = wizard.identity_section
        qtbot.keyClicks(page.password, PASSWORD)
        _click(qtbot, wizard, QWizard.WizardButton.FinishButton)
        assert wizard.result() == QWizard.DialogCode.Accepted
        settings = Settings(folder)  # migrates the clear password out of settings.ini
        settings.database_url = "postgresql+psycopg://lintas:pg-rahasia@db.bandung.go.id/lintas"
        settings.sync()
        with database.session() as session:  # writes through the WAL
            session.execute(__import__("sqlalchemy").text("select 1"))
    finally:
        database.dispose()
    # A backup, as made on the next start.
    again = open_database(
        sqlite_url(paths.database_file(folder)), backup_dir=paths.backups_dir(folder)
    )
    again.dispose()
    modes = _modes(folder)
    for must in ("lintas.sqlite3", "settings.ini", "secrets.json", "identity/office.p12",
                 "identity/exchange.key", "backups"):  # fmt: skip
        assert must in modes, f"{must} was not created: {sorted(modes)}"
    assert any(name.startswith("backups/auto-") for name in modes)
    loose = {
        name: oct(mode)
        for name, mode in modes.items()
        if mode != (0o700 if (folder / name).is_dir() else 0o600)
    }
    assert not loose, f"not owner-only: {loose}"
    ini = (folder / "settings.ini").read_text(encoding="utf-8")
    assert "rahasia" not in ini and "password" not in ini.lower()
    assert "lintas@db.bandung.go.id" in ini  # the address stays, without its password
    reread = Settings(folder)
    assert reread.turn_password == "rahasia-turn"
    assert reread.database_url.endswith("lintas:pg-rahasia@db.bandung.go.id/lintas")
    assert not reread.secrets.uses_keyring  # no keyring on these machines: the 0600 file
    assert b"pg-rahasia" in (folder / "secrets.json").read_bytes()


def test_settings_page_says_where_passwords_are_kept(qtbot, context, screenshots) -> None:
    from ui.settings_page.connection_section import ConnectionSection

    context.settings.turn_password = "turn-rahasia"
    section = ConnectionSection(context)
    qtbot.addWidget(section)
    assert section.storage_note.text() == (
        "Passwords are kept in: a protected file in the data folder"
    )
    section.resize(700, section.sizeHint().height())
    section.grab().save(str(screenshots / "security_password_storage.png"))
    raw = QSettings(str(paths.settings_file(context.data_dir)), QSettings.Format.IniFormat)
    assert raw.value("vicon/turn_password") is None


def test_pkcs12_mac_costs_as_much_as_the_key(tmp_path) -> None:
    p12 = tmp_path / "office.p12"
    create_identity(p12, "Sandi-Uji-2026!", common_name="Wali Kota Uji", organization="Kota Uji")
    info = subprocess.run(
        ["openssl", "pkcs12", "-info", "-in", str(p12), "-noout", "-passin", "pass:Sandi-Uji-2026!"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    text = info.stdout + info.stderr
    assert f"MAC: sha256, Iteration {KDF_ROUNDS}" in text
    assert f"PBES2, PBKDF2, AES-256-CBC, Iteration {KDF_ROUNDS}, PRF hmacWithSHA256" in text
    wrong = subprocess.run(
        ["openssl", "pkcs12", "-info", "-in", str(p12), "-noout", "-passin", "pass:salah"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert wrong.returncode != 0 and "mac verify error" in (wrong.stdout + wrong.stderr).lower()
    assert stat.S_IMODE(p12.stat().st_mode) == 0o600


def test_hub_secret_file_is_created_owner_only(tmp_path) -> None:
    os.umask(0o022)
    path = tmp_path / "hub" / "secret"
    secret = load_secret(path, create=True)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_secret(path) == secret  # the same secret on the next start
    assert [p.name for p in path.parent.iterdir()] == ["secret"]  # no temporary file left
