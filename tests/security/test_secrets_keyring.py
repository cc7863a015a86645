"""The keyring branch of the secret store, for real: ``keyring`` with keyrings.alt's file backend.

These machines have no desktop keyring, so the test sets one on purpose (``keyring.set_keyring``)
whose storage is keyrings.alt's own file code, in the test's folder. Passwords then go through
the keyring API into it: none in settings.ini, no secrets.json, and Settings names the keyring.

keyrings.alt also registers that plaintext file as a backend ``keyring`` may pick BY ITSELF;
that file is no system keyring (it sits readable in the home folder), so Lintas must not take
it: with the automatic choice, passwords stay in the 0600 file of the data folder.
"""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.core
import pytest
from keyrings.alt.file import PlaintextKeyring
from PySide6.QtCore import QSettings

from ui import paths
from ui.secret_store import SERVICE, SecretStore
from ui.settings import Settings


class OfficeFileKeyring(PlaintextKeyring):
    """keyrings.alt's file backend, set on purpose, storing in the test's folder."""

    def __init__(self, file_path: Path) -> None:
        super().__init__()
        self.file_path = str(file_path)  # keyrings.alt lets an instance choose its file


@pytest.fixture
def chosen_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[OfficeFileKeyring]:
    """keyring.set_keyring(an OfficeFileKeyring); the previous backend is restored after."""
    monkeypatch.delenv("LINTAS_NO_KEYRING", raising=False)
    previous = keyring.get_keyring()
    backend = OfficeFileKeyring(tmp_path / "keyring" / "lintas_pass.cfg")
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def test_passwords_go_to_the_keyring_and_nowhere_else(
    chosen_keyring: OfficeFileKeyring, tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    settings = Settings(folder)
    assert settings.secrets.uses_keyring
    settings.turn_password = "turn-rahasia"
    settings.database_url = "postgresql+psycopg://lintas:pg-rahasia@db.bandung.go.id/lintas"
    settings.sync()

    # Through the keyring API into keyrings.alt's file, one entry per data folder.
    user = str(folder.resolve())
    assert chosen_keyring.get_password(SERVICE, f"{user}:turn_password") == "turn-rahasia"
    assert chosen_keyring.get_password(SERVICE, f"{user}:database_password") == "pg-rahasia"
    assert Path(chosen_keyring.file_path).exists()
    # settings.ini holds no password, and no secrets.json was needed.
    ini = paths.settings_file(folder).read_text(encoding="utf-8")
    assert "rahasia" not in ini and "password" not in ini.lower()
    assert "lintas@db.bandung.go.id" in ini
    raw = QSettings(str(paths.settings_file(folder)), QSettings.Format.IniFormat)
    assert raw.value("vicon/turn_password") is None
    assert not paths.secrets_file(folder).exists()

    # Read back by a new run; another installation does not see these passwords.
    again = Settings(folder)
    assert again.turn_password == "turn-rahasia"
    assert again.database_url.endswith("lintas:pg-rahasia@db.bandung.go.id/lintas")
    other = tmp_path / "other"
    other.mkdir()
    assert SecretStore(other).get("turn_password") == ""

    # Clearing a password deletes it from the keyring.
    again.turn_password = ""
    assert chosen_keyring.get_password(SERVICE, f"{user}:turn_password") is None


def test_settings_names_the_system_keyring(
    chosen_keyring: OfficeFileKeyring, qtbot, context, screenshots: Path
) -> None:
    from ui.settings_page.connection_section import ConnectionSection

    context.settings.secrets = SecretStore(context.data_dir)  # as a run with this keyring
    context.settings.turn_password = "turn-rahasia"
    section = ConnectionSection(context)
    qtbot.addWidget(section)
    assert section.storage_note.text() == "Passwords are kept in: the system keyring"
    section.resize(700, section.sizeHint().height())
    assert section.grab().save(str(screenshots / "security_password_keyring.png"))
    assert not paths.secrets_file(context.data_dir).exists()


def test_keyrings_alt_plaintext_file_is_not_taken_for_a_system_keyring(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LINTAS_NO_KEYRING", raising=False)
    previous = keyring.get_keyring()
    try:
        keyring.core.init_backend()  # keyring's own automatic choice, as at a fresh start
        chosen = keyring.get_keyring()
        if not type(chosen).__module__.startswith("keyrings.alt."):
            pytest.skip(f"this machine has a real keyring ({type(chosen).__name__})")
        store = SecretStore(tmp_path)
        assert not store.uses_keyring
        store.set("turn_password", "turn-rahasia")
        assert stat.S_IMODE(store.file.stat().st_mode) == 0o600
        assert store.get("turn_password") == "turn-rahasia"
    finally:
        keyring.set_keyring(previous)
