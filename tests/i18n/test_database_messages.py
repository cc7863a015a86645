"""A damaged or too-new database file is explained in Indonesian."""

from __future__ import annotations

from pathlib import Path

import pytest

from mou.db import DatabaseCorruptError, open_database, sqlite_url
from ui.database_recovery import CorruptDatabaseDialog, database_error_text


def test_a_damaged_database_file_is_explained_in_indonesian(
    qtbot, tmp_path: Path, indonesian
) -> None:
    path = tmp_path / "lintas.sqlite3"
    path.write_bytes(b"ini bukan basis data" * 100)
    with pytest.raises(DatabaseCorruptError) as info:
        open_database(sqlite_url(path), backup_dir=tmp_path / "backups")
    dialog = CorruptDatabaseDialog(info.value)
    qtbot.addWidget(dialog)
    assert "bukan berkas basis data SQLite" in dialog.detail.text()
    assert "not an SQLite database file" not in dialog.detail.text()


def test_a_database_from_a_newer_lintas_is_explained_in_indonesian(
    tmp_path: Path, indonesian
) -> None:
    import sqlite3

    path = tmp_path / "lintas.sqlite3"
    db = open_database(sqlite_url(path), backup_dir=tmp_path / "backups")
    db.dispose()
    with sqlite3.connect(path) as conn:  # as a future Lintas would leave it
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    with pytest.raises(Exception) as info:
        open_database(sqlite_url(path), backup_dir=tmp_path / "backups")
    text = database_error_text(info.value)
    assert "ditulis oleh versi Lintas yang lebih baru (skema 9999_future)" in text
