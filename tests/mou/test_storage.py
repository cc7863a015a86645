"""Storage: migrations, pragmas, backups, corruption handling, office profile (SQLite + PostgreSQL)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy
from sqlalchemy import select, text

from mou import models
from mou.db import (
    DatabaseCorruptError,
    current_revision,
    head_revision,
    list_backups,
    open_database,
    restore_backup,
    sqlite_url,
    upgrade,
)
from mou.office import (
    GovernmentLevel,
    OfficeError,
    OfficeProfile,
    Role,
    create_local_office,
    local_office,
    local_users,
    update_local_office,
)

ROOT = Path(__file__).resolve().parents[2]
BANDUNG = OfficeProfile(
    level=GovernmentLevel.KOTA,
    region="Bandung",
    unit="Bagian Kerja Sama",
    head_name="Ridwan Kamil",
    head_title="Wali Kota Bandung",
)


def test_open_creates_schema_at_head(database) -> None:
    assert current_revision(database.engine) == head_revision()
    tables = set(sqlalchemy.inspect(database.engine).get_table_names())
    assert {"office", "agreement", "revision", "clause", "catalog_app", "meeting"} <= tables


def test_revisions_read_from_files_agree_with_alembic() -> None:
    from alembic.script import ScriptDirectory

    from mou.db import _known_revisions, alembic_config

    script = ScriptDirectory.from_config(alembic_config())
    assert head_revision() == script.get_current_head()
    assert _known_revisions() == {r.revision for r in script.walk_revisions()}


def test_opening_a_database_at_head_does_not_import_alembic(tmp_path: Path) -> None:
    # Importing Alembic costs a third of a second of every cold start; only an upgrade needs it.
    db_file = tmp_path / "lintas.sqlite3"
    open_database(sqlite_url(db_file)).dispose()
    script = (
        "import sys\n"
        "from mou.db import open_database, sqlite_url, current_revision\n"
        f"db = open_database(sqlite_url({str(db_file)!r}), backup_dir={str(tmp_path / 'b')!r})\n"
        "print(current_revision(db.engine), 'alembic' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout.split()
    assert out == [head_revision(), "False"]


def test_office_round_trip(database, db_url: str) -> None:
    with database.session() as s:
        assert local_office(s) is None
        create_local_office(s, BANDUNG, [("Asep", Role.DRAFTER), ("Dewi", Role.SIGNATORY)])
    with database.session() as s:
        office = local_office(s)
        assert office is not None
        assert office.display_name == "Pemerintah Kota Bandung"
        assert [(u.name, u.role) for u in local_users(s)] == [
            ("Asep", "drafter"),
            ("Dewi", "signatory"),
        ]
        assert office.created_at.tzinfo is not None
        with pytest.raises(OfficeError, match="already has a local office"):
            create_local_office(s, BANDUNG, [])
    changed = OfficeProfile(**{**BANDUNG.__dict__, "head_name": "Yana Mulyana"})
    with database.session() as s:
        update_local_office(s, changed)
    with database.session() as s:
        assert local_office(s).head_name == "Yana Mulyana"


def test_display_names() -> None:
    kab = OfficeProfile(GovernmentLevel.KABUPATEN, "Bandung Barat", "Bagian", "X", "Bupati")
    prov = OfficeProfile(GovernmentLevel.PROVINSI, "Jawa Barat", "Biro", "X", "Gubernur")
    assert kab.display_name == "Pemerintah Kabupaten Bandung Barat"
    assert prov.display_name == "Pemerintah Provinsi Jawa Barat"


def test_session_rolls_back_on_error(database) -> None:
    with pytest.raises(RuntimeError), database.session() as s:
        create_local_office(s, BANDUNG, [("Asep", Role.DRAFTER)])
        s.flush()
        raise RuntimeError("boom")
    with database.session() as s:
        assert local_office(s) is None


def test_foreign_keys_enforced(database) -> None:
    with pytest.raises(sqlalchemy.exc.IntegrityError), database.session() as s:
        s.add(models.LocalUser(office_id=9999, name="ghost", role="viewer"))
        s.flush()


def test_sqlite_pragmas(sqlite_db) -> None:
    with sqlite_db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_garbage_file_is_refused_and_restorable(tmp_path: Path) -> None:
    path = tmp_path / "lintas.sqlite3"
    backups = tmp_path / "backups"
    db = open_database(sqlite_url(path), backup_dir=backups)
    with db.session() as s:
        create_local_office(s, BANDUNG, [("Asep", Role.DRAFTER)])
    db.dispose()
    # Reopening a healthy file keeps an automatic backup.
    open_database(sqlite_url(path), backup_dir=backups).dispose()
    assert list_backups(backups), "no automatic backup of a healthy file"

    garbage = b"this is not a database, it is garbage " * 200
    path.write_bytes(garbage)
    for side in ("-wal", "-shm"):
        path.with_name(path.name + side).unlink(missing_ok=True)
    with pytest.raises(DatabaseCorruptError) as info:
        open_database(sqlite_url(path), backup_dir=backups)
    err = info.value
    assert err.path == path
    assert err.backups == list_backups(backups)
    assert "damaged" in str(err) and err.backups[0].name in str(err)
    assert path.read_bytes() == garbage, "the corrupt file was modified"

    aside = restore_backup(path, err.backups[0])
    assert aside.read_bytes() == garbage, "the corrupt file must be kept"
    db = open_database(sqlite_url(path), backup_dir=backups)
    with db.session() as s:
        assert local_office(s).region == "Bandung"
    db.dispose()


def test_damaged_pages_are_detected(tmp_path: Path) -> None:
    path = tmp_path / "lintas.sqlite3"
    db = open_database(sqlite_url(path), backup_dir=tmp_path / "b")
    db.dispose()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(path.read_bytes())
    # Keep the header valid but scribble over the schema page and beyond.
    data[100:4096] = b"\xff" * (4096 - 100)
    path.write_bytes(bytes(data))
    with pytest.raises(DatabaseCorruptError, match="damaged"):
        open_database(sqlite_url(path), backup_dir=tmp_path / "b")


def test_automatic_backups_rotate(tmp_path: Path) -> None:
    path = tmp_path / "lintas.sqlite3"
    backups = tmp_path / "backups"
    open_database(sqlite_url(path), backup_dir=backups).dispose()
    for _ in range(8):
        open_database(sqlite_url(path), backup_dir=backups).dispose()
    autos = [p for p in list_backups(backups) if p.name.startswith("auto-")]
    assert len(autos) == 5
    conn = sqlite3.connect(autos[0])
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision()
    conn.close()


def test_older_database_is_backed_up_then_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "lintas.sqlite3"
    backups = tmp_path / "backups"
    engine = sqlalchemy.create_engine(sqlite_url(path))
    upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO office (uuid, is_local, level, region, unit, head_name, head_title,"
                " created_at) VALUES ('u1', 1, 'kota', 'Bandung', 'BKS', 'RK', 'Wali Kota',"
                " '2016-07-27 03:00:00')"
            )
        )
    engine.dispose()
    db = open_database(sqlite_url(path), backup_dir=backups)
    assert current_revision(db.engine) == head_revision()
    pre = [p for p in list_backups(backups) if p.name.startswith("pre-upgrade-")]
    assert len(pre) == 1 and pre[0].name.endswith("-0001.sqlite3")
    old = sqlite3.connect(pre[0])
    assert old.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    old.close()
    with db.session() as s:
        assert s.scalars(select(models.Office.region)).one() == "Bandung"
    db.dispose()


def test_older_postgres_database_is_dumped_then_upgraded(postgres_server, tmp_path: Path) -> None:
    url = postgres_server.new_database()
    engine = sqlalchemy.create_engine(url)
    upgrade(engine, "0001")
    engine.dispose()
    backups = tmp_path / "backups"
    db = open_database(url, backup_dir=backups)
    assert current_revision(db.engine) == head_revision()
    dumps = list(backups.glob("pre-upgrade-*-0001.pgdump"))
    assert len(dumps) == 1 and dumps[0].read_bytes().startswith(b"PGDMP")
    db.dispose()


def test_concurrent_edits_are_refused_not_lost(database) -> None:
    from mou.agreement import AgreementKind, PartyInput, create_agreement, update_details
    from mou.db import ConcurrentEditError
    from mou.office import Actor

    with database.session() as s:
        office = create_local_office(s, BANDUNG, [("Asep", Role.DRAFTER), ("Euis", Role.DRAFTER)])
        asep, euis = (Actor.of(u) for u in office.users)
        a = create_agreement(s, asep, kind=AgreementKind.KESEPAKATAN_BERSAMA, title="KB",
                             parties=[PartyInput("Kota A"), PartyInput("Kota B")])  # fmt: skip
        agreement_id = a.id
    # Two staff members on one shared database load the same agreement; the second saves first.
    with pytest.raises(ConcurrentEditError, match="Reload the agreement"), database.session() as s1:
        a1 = s1.get(models.Agreement, agreement_id)
        with database.session() as s2:
            update_details(s2, s2.get(models.Agreement, agreement_id), euis, place="Palangka Raya")
        update_details(s1, a1, asep, place="Bandung")
    with database.session() as s:
        assert s.get(models.Agreement, agreement_id).place == "Palangka Raya"


def test_newer_schema_is_refused_clearly(database) -> None:
    from mou.db import DatabaseVersionError

    with database.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(DatabaseVersionError, match="newer version of Lintas"):
        open_database(database.url)
