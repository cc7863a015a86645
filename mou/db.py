"""Opening the Lintas database: SQLite file or any SQLAlchemy URL (PostgreSQL via psycopg 3).

``open_database`` is the only way the app gets a database. It

1. refuses a SQLite file that is not a readable database with ``DatabaseCorruptError`` (listing
   the automatic backups newest first, so the UI can offer the last one) and never touches it;
2. copies an existing SQLite file into ``backup_dir`` before Alembic upgrades an older schema;
3. runs Alembic ``upgrade head`` programmatically (no alembic.ini at runtime);
4. keeps a rotating automatic backup of a healthy file (the newest ``KEEP_AUTOMATIC`` copies).

Every SQLite connection runs in WAL mode with foreign keys enforced.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import re
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy
from sqlalchemy import event, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from mou.messages import DomainMessage

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
KEEP_AUTOMATIC = 5
_SQLITE_MAGIC = b"SQLite format 3\x00"
_STAMP_RE = re.compile(r"\d{8}T\d{12}Z")
# ``revision = "0002"`` / ``down_revision = "0001"`` (or None) at the top of a migration file.
_REVISION_LINE_RE = re.compile(
    r"^(revision|down_revision)\s*(?::[^=]*)?=\s*(None|\"[^\"]*\"|'[^']*')\s*$", re.MULTILINE
)


class DbCode(StrEnum):
    """Codes of the database errors a user sees (see :mod:`mou.messages`)."""

    NOT_SQLITE = "db.not_sqlite"
    INTEGRITY_FAILED = "db.integrity_failed"
    UNREADABLE = "db.unreadable"
    NEWER_SCHEMA = "db.newer_schema"
    CONCURRENT_EDIT = "db.concurrent_edit"


class DatabaseCorruptError(Exception):
    """The database file cannot be read as a database. Nothing was changed on disk.

    ``reason`` is English; ``reason_message`` carries it with a ``DbCode`` for the UI.
    """

    def __init__(
        self,
        path: Path,
        backups: list[Path],
        reason: str = "",
        *,
        code: str = "",
        detail: str = "",
    ) -> None:
        self.path = path
        self.backups = backups
        self.reason = reason
        self.reason_message = DomainMessage(code, {"detail": detail}, reason)
        super().__init__(str(self))

    def __str__(self) -> str:
        latest = (
            f" The newest automatic backup is {self.backups[0].name} ({len(self.backups)} in all)."
            if self.backups
            else " No automatic backup exists yet."
        )
        why = f" ({self.reason})" if self.reason else ""
        return (
            f"The database file {self.path} is damaged and cannot be opened{why}. "
            f"It has not been changed or deleted.{latest}"
        )


class DatabaseVersionError(Exception):
    """The database was written by a newer Lintas (its schema is unknown to this version)."""

    def __init__(self, text: str, *, database: str = "", schema: str = "") -> None:
        self.message = DomainMessage(
            DbCode.NEWER_SCHEMA, {"database": database, "schema": schema}, text
        )
        super().__init__(text)


class ConcurrentEditError(Exception):
    """Someone else saved the same agreement meanwhile; reload it and apply the change again."""

    def __init__(self, text: str) -> None:
        self.message = DomainMessage(DbCode.CONCURRENT_EDIT, {}, text)
        super().__init__(text)


class Database:
    """An open database: the engine plus a transactional session factory."""

    def __init__(self, url: str, engine: sqlalchemy.Engine, path: Path | None) -> None:
        self.url = url
        self.engine = engine
        self.path = path
        self._factory = sessionmaker(engine, expire_on_commit=False)

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits when the block succeeds and rolls back when it raises."""
        session = self._factory()
        try:
            yield session
            session.commit()
        except StaleDataError as exc:
            session.rollback()
            raise ConcurrentEditError(
                "Someone else changed this agreement at the same time, so your change was not "
                "saved. Reload the agreement and apply your change again."
            ) from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    def dispose(self) -> None:
        """Close every pooled connection (needed before moving or restoring the file)."""
        self.engine.dispose()


def sqlite_url(path: Path) -> str:
    """The SQLAlchemy URL of a SQLite file."""
    return f"sqlite+pysqlite:///{Path(path).resolve()}"


def list_backups(backup_dir: Path) -> list[Path]:
    """Backups in ``backup_dir``, newest first (names carry a sortable UTC timestamp)."""
    if backup_dir is None or not Path(backup_dir).is_dir():
        return []
    files = [p for p in Path(backup_dir).glob("*.sqlite3") if p.is_file()]

    def when(p: Path) -> str:
        found = _STAMP_RE.search(p.name)
        return found.group(0) if found else ""

    return sorted(files, key=lambda p: (when(p), p.stat().st_mtime), reverse=True)


def restore_backup(db_path: Path, backup: Path) -> Path:
    """Put ``backup`` in place of ``db_path``; the damaged file is moved aside, never deleted.

    Returns where the previous file now lives (``<name>.corrupt-<timestamp>``).
    """
    db_path = Path(db_path)
    backup = Path(backup)
    if not backup.is_file():
        raise FileNotFoundError(f"Backup {backup} does not exist")
    _check_sqlite_file(backup, [])
    stamp = _stamp()
    aside = db_path.with_name(f"{db_path.name}.corrupt-{stamp}")
    if db_path.exists():
        db_path.rename(aside)
    # The WAL and shared-memory files belong to the damaged file; keep them next to it.
    for suffix in ("-wal", "-shm"):
        side = db_path.with_name(db_path.name + suffix)
        if side.exists():
            side.rename(aside.with_name(aside.name + suffix))
    shutil.copy2(backup, db_path)
    _private_file(db_path)
    return aside


def open_database(url: str, *, backup_dir: Path | None = None) -> Database:
    """Open (creating or upgrading as needed) the database at ``url``.

    Raises ``DatabaseCorruptError`` for a SQLite file that is not a readable database.
    """
    sa_url = make_url(url)
    path: Path | None = None
    is_sqlite = sa_url.get_backend_name() == "sqlite"
    if is_sqlite and sa_url.database and sa_url.database != ":memory:":
        path = Path(sa_url.database).resolve()
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        backups = list_backups(backup_dir) if backup_dir else []
        if path.exists() and path.stat().st_size > 0:
            _check_sqlite_file(path, backups)
        _private_file(path)
    engine = _create_engine(url, is_sqlite)
    existed = path is not None and path.exists() and path.stat().st_size > 0
    try:
        _migrate(engine, path if existed else None, backup_dir)
    except DatabaseVersionError:
        engine.dispose()
        raise
    except sqlalchemy.exc.DatabaseError as exc:
        engine.dispose()
        if path is not None:
            raise DatabaseCorruptError(
                path,
                list_backups(backup_dir) if backup_dir else [],
                str(exc.orig),
                code=DbCode.UNREADABLE,
                detail=str(exc.orig),
            ) from exc
        raise
    db = Database(url, engine, path)
    if path is not None and existed and backup_dir is not None:
        _automatic_backup(engine, path, Path(backup_dir))
    return db


def _create_engine(url: str, is_sqlite: bool) -> sqlalchemy.Engine:
    if not is_sqlite:
        return sqlalchemy.create_engine(url, pool_pre_ping=True)
    engine = sqlalchemy.create_engine(url, connect_args={"timeout": 30})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")  # safe with WAL, much faster commits
        cursor.close()

    return engine


def _check_sqlite_file(path: Path, backups: list[Path]) -> None:
    """Raise ``DatabaseCorruptError`` unless ``path`` opens read-only and passes quick_check."""
    with path.open("rb") as fh:
        header = fh.read(16)
    if header != _SQLITE_MAGIC:
        raise DatabaseCorruptError(
            path, backups, "not an SQLite database file", code=DbCode.NOT_SQLITE
        )
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseCorruptError(
            path, backups, str(exc), code=DbCode.UNREADABLE, detail=str(exc)
        ) from exc
    if rows != [("ok",)]:
        detail = "; ".join(str(r[0]) for r in rows[:3])
        raise DatabaseCorruptError(
            path,
            backups,
            f"integrity check failed: {detail}",
            code=DbCode.INTEGRITY_FAILED,
            detail=detail,
        )


def alembic_config() -> Config:
    """An Alembic configuration pointing at ``mou/migrations`` (for code, not the CLI)."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def _script_revisions() -> dict[str, str | None]:
    """``revision -> down_revision`` of every migration file, read as text.

    Importing Alembic costs 0.25-0.35 s of every start, so the common case (the database is
    already at head) is decided from the files alone; ``tests/mou/test_storage.py`` checks that
    this agrees with Alembic's own ``ScriptDirectory``.
    """
    found: dict[str, str | None] = {}
    for script in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        fields = {
            name: None if value == "None" else value[1:-1]
            for name, value in _REVISION_LINE_RE.findall(script.read_text(encoding="utf-8"))
        }
        if "revision" not in fields:
            continue
        found[str(fields["revision"])] = fields.get("down_revision")
    return found


def head_revision() -> str:
    """The newest schema revision this code knows."""
    revisions = _script_revisions()
    heads = set(revisions) - {down for down in revisions.values() if down is not None}
    if len(heads) != 1:
        raise RuntimeError(f"mou/migrations must have exactly one head, found {sorted(heads)}")
    return heads.pop()


def _known_revisions() -> set[str]:
    return set(_script_revisions())


def current_revision(engine: sqlalchemy.Engine) -> str | None:
    """The schema revision stored in the database, ``None`` for an empty one."""
    with engine.connect() as conn:
        if not engine.dialect.has_table(conn, "alembic_version"):
            return None
        stored = list(conn.execute(text("SELECT version_num FROM alembic_version")).scalars())
        if len(stored) > 1:
            # Several branch heads: let Alembic report it exactly as it always did.
            from alembic.runtime.migration import MigrationContext

            return MigrationContext.configure(conn).get_current_revision()
    return stored[0] if stored else None


def upgrade(engine: sqlalchemy.Engine, target: str = "head") -> None:
    """Run Alembic ``upgrade`` to ``target`` on ``engine`` (tests use it to build old schemas)."""
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)


def _migrate(engine: sqlalchemy.Engine, existing: Path | None, backup_dir: Path | None) -> None:
    head = head_revision()
    current = current_revision(engine)
    if current == head:
        return
    if current is not None and current not in _known_revisions():
        raise DatabaseVersionError(
            f"The database {engine.url.database} was written by a newer version of Lintas "
            f"(schema {current}); update Lintas to open it. Nothing was changed.",
            database=str(engine.url.database),
            schema=str(current),
        )
    if existing is not None and current is not None and backup_dir is not None:
        # An older schema: keep an exact copy before changing anything.
        _copy_sqlite(engine, Path(backup_dir) / f"pre-upgrade-{_stamp()}-{current}.sqlite3")
    elif existing is None and current is not None and backup_dir is not None:
        _dump_server(engine, Path(backup_dir) / f"pre-upgrade-{_stamp()}-{current}.pgdump")
    if existing is not None and current is None and _has_tables(engine):
        raise sqlalchemy.exc.DatabaseError(
            "schema check", None, Exception("the file holds tables but no Lintas schema version")
        )
    upgrade(engine)


def _pg_dump() -> str | None:
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_dump"), reverse=True)
    return str(candidates[0]) if candidates else shutil.which("pg_dump")


def _dump_server(engine: sqlalchemy.Engine, dest: Path) -> None:
    """Dump a server database (pg_dump custom format) before upgrading its schema."""
    if engine.dialect.name != "postgresql":
        log.warning("no pre-upgrade backup for %s databases", engine.dialect.name)
        return
    tool = _pg_dump()
    if tool is None:
        log.warning(
            "pg_dump not found; upgrading %s without a pre-upgrade dump", engine.url.database
        )
        return
    _private_file(dest)  # pg_dump writes into it; the dump must not be world-readable
    uri = engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    proc = subprocess.run(
        [tool, "--format=custom", f"--file={dest}", f"--dbname={uri}"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if proc.returncode != 0:
        raise RuntimeError(
            f"The backup before upgrading failed, nothing was changed: {proc.stderr}"
        )


def _has_tables(engine: sqlalchemy.Engine) -> bool:
    return bool(sqlalchemy.inspect(engine).get_table_names())


def _private_file(path: Path) -> None:
    """Create ``path`` empty with mode 0600 (folder 0700) unless it exists; make it 0600.

    SQLite gives its WAL and SHM files the database file's mode, so an owner-only database
    keeps every part of the office's agreements owner-only, whatever the process umask.
    """
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    if os.name == "posix":
        os.chmod(path, 0o600)


def _copy_sqlite(engine: sqlalchemy.Engine, dest: Path) -> Path:
    """Consistent copy through SQLite's online backup API (safe while WAL holds pages)."""
    _private_file(dest)
    raw = engine.raw_connection()
    try:
        target = sqlite3.connect(dest)
        try:
            raw.driver_connection.backup(target)  # type: ignore[union-attr]
        finally:
            target.close()
    finally:
        raw.close()
    return dest


def _automatic_backup(engine: sqlalchemy.Engine, path: Path, backup_dir: Path) -> None:
    _copy_sqlite(engine, backup_dir / f"auto-{_stamp()}.sqlite3")
    autos = sorted(backup_dir.glob("auto-*.sqlite3"), reverse=True)
    for old in autos[KEEP_AUTOMATIC:]:
        old.unlink()


def _stamp() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
