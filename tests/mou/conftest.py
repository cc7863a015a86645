"""Fixtures of the agreements core: real SQLite files and a real PostgreSQL 15 server.

The PostgreSQL server is started once per test session from Debian's binaries (initdb into a
private temporary directory, unix socket only) and torn down at the end. CI runs as root, and
PostgreSQL refuses to run as root, so the server runs as the ``postgres`` system user.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from mou.db import Database, open_database, sqlite_url

PG_BIN = Path("/usr/lib/postgresql/15/bin")


class PostgresServer:
    """A throw-away PostgreSQL cluster; ``new_database()`` gives each test its own database."""

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="lintas-pg-"))
        self.data = self.dir / "data"
        self.port = 54329
        self._counter = itertools.count(1)
        self._as_user: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
            self._as_user = ["runuser", "-u", "postgres", "--"]
        os.chmod(self.dir, 0o755)

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*self._as_user, *args], check=True, capture_output=True, text=True, timeout=120
        )

    def start(self) -> None:
        self._run(
            str(PG_BIN / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres",
            "-E", "UTF8", "--no-sync",
        )  # fmt: skip
        opts = (
            f"-k {self.dir} -c listen_addresses='' -p {self.port} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off"
        )
        self._run(
            str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-o", opts,
            "-l", str(self.dir / "log"), "-w", "start",
        )  # fmt: skip

    def stop(self) -> None:
        try:
            self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@/{database}?host={self.dir}&port={self.port}"

    def new_database(self) -> str:
        """Create an empty database and return its SQLAlchemy URL."""
        import psycopg

        name = f"t{os.getpid()}_{next(self._counter)}"
        with psycopg.connect(
            host=str(self.dir), port=self.port, user="postgres", dbname="postgres", autocommit=True
        ) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One real PostgreSQL 15 for the whole session (skipped with a reason if not installed)."""
    if not (PG_BIN / "initdb").exists():
        pytest.skip(f"PostgreSQL 15 binaries not found in {PG_BIN}")
    server = PostgresServer()
    try:
        server.start()
    except subprocess.CalledProcessError as exc:
        server.stop()
        raise RuntimeError(f"PostgreSQL did not start: {exc.stderr}") from exc
    # pg_ctl -w waits for readiness, but give the socket a moment on a loaded machine.
    time.sleep(0.1)
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database URL on each backend."""
    if request.param == "sqlite":
        return sqlite_url(tmp_path / "lintas.sqlite3")
    server: PostgresServer = request.getfixturevalue("postgres_server")
    return server.new_database()


@pytest.fixture
def database(db_url: str, tmp_path: Path) -> Iterator[Database]:
    """An opened, migrated database on each backend."""
    db = open_database(db_url, backup_dir=tmp_path / "backups")
    yield db
    db.dispose()


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[Database]:
    """An opened SQLite database file (for tests that are about the domain, not the backend)."""
    db = open_database(sqlite_url(tmp_path / "lintas.sqlite3"), backup_dir=tmp_path / "backups")
    yield db
    db.dispose()


# --- domain helpers -------------------------------------------------------------------------

from dataclasses import dataclass  # noqa: E402

from mou.office import (  # noqa: E402
    Actor,
    GovernmentLevel,
    OfficeProfile,
    Role,
    create_local_office,
)

BANDUNG = OfficeProfile(
    level=GovernmentLevel.KOTA,
    region="Bandung",
    unit="Bagian Kerja Sama",
    head_name="Mochamad Ridwan Kamil",
    head_title="Wali Kota Bandung",
)
PALANGKARAYA = OfficeProfile(
    level=GovernmentLevel.KOTA,
    region="Palangka Raya",
    unit="Bagian Kerja Sama",
    head_name="Mofit Saptono Subagio",
    head_title="Wakil Wali Kota Palangka Raya",
)


@dataclass
class City:
    """One city's database with its local office and an actor per role."""

    db: Database
    office_uuid: str
    drafter: Actor
    reviewer: Actor
    signatory: Actor
    viewer: Actor


def make_city(db: Database, profile: OfficeProfile) -> City:
    """Set up the local office with one user per role (what the first-run wizard does)."""
    users = [("Drafter " + profile.region, Role.DRAFTER), ("Reviewer " + profile.region, Role.REVIEWER),
             ("Signatory " + profile.region, Role.SIGNATORY), ("Viewer " + profile.region, Role.VIEWER)]  # fmt: skip
    with db.session() as s:
        office = create_local_office(s, profile, users)
        actors = [Actor.of(u) for u in office.users]
        uuid = office.uuid
    return City(db, uuid, *actors)


@pytest.fixture
def bandung(sqlite_db: Database) -> City:
    """Bandung's database (SQLite) with its office set up."""
    return make_city(sqlite_db, BANDUNG)


# --- two cities ------------------------------------------------------------------------------

import datetime as dt  # noqa: E402

from sqlalchemy import select  # noqa: E402

from mou import models  # noqa: E402
from mou.agreement import AgreementStatus, PartyInput  # noqa: E402
from mou.catalog import load_sample_catalog, search_catalog, set_annex  # noqa: E402
from mou.exchange import office_card, trust_office_card  # noqa: E402
from mou.obligation import Recurrence, add_obligation  # noqa: E402
from mou.office import local_office  # noqa: E402
from mou.revision import save_revision  # noqa: E402
from mou.signing.identity import OfficeIdentity, create_identity  # noqa: E402
from mou.template import get_template, instantiate  # noqa: E402
from mou.workflow import transition  # noqa: E402

S = AgreementStatus


def identity_for(tmp: Path, name: str) -> OfficeIdentity:
    return create_identity(tmp / f"{name}.p12", "rahasia", common_name=name, organization=name)


@pytest.fixture
def cities(tmp_path: Path) -> tuple[City, OfficeIdentity, City, OfficeIdentity]:
    """Bandung and Palangka Raya, separate SQLite files, each trusting the other's card."""
    db_a = open_database(sqlite_url(tmp_path / "bandung.sqlite3"), backup_dir=tmp_path / "ba")
    db_b = open_database(sqlite_url(tmp_path / "pky.sqlite3"), backup_dir=tmp_path / "bb")
    a, b = make_city(db_a, BANDUNG), make_city(db_b, PALANGKARAYA)
    id_a = identity_for(tmp_path, "Pemerintah Kota Bandung")
    id_b = identity_for(tmp_path, "Pemerintah Kota Palangka Raya")
    with db_a.session() as s:
        card_a = office_card(s, id_a)
    with db_b.session() as s:
        card_b = office_card(s, id_b)
        trust_office_card(s, card_a, b.signatory)
    with db_a.session() as s:
        trust_office_card(s, card_b, a.signatory)
    yield a, id_a, b, id_b
    db_a.dispose()
    db_b.dispose()


def draft_in_bandung(a: City) -> int:
    with a.db.session() as s:
        local = local_office(s)
        pky = s.scalars(select(models.Office).where(models.Office.is_local.is_(False))).one()
        tpl = get_template("kesepakatan_bersama_antar_daerah")
        agreement = instantiate(
            s, a.drafter, tpl,
            [PartyInput.of_office(local, "415.4/47-Huk"), PartyInput.of_office(pky, "")],
            place="Jambi", agreement_date=dt.date(2016, 7, 27),
        )  # fmt: skip
        load_sample_catalog(s)
        picked = search_catalog(s, dimension="government", public_service=True)[:3]
        picked += search_catalog(s, text="puskesmas")[:1]
        set_annex(s, agreement, a.drafter, picked)
        add_obligation(s, agreement, a.drafter, what="Kunjungan studi aparatur ke Bandung selama 10 hari",
                       party=2, due_date=dt.date(2016, 10, 3))  # fmt: skip
        add_obligation(s, agreement, a.drafter, what="Serah terima aplikasi dan kode sumber", party=1,
                       due_date=dt.date(2016, 11, 1))  # fmt: skip
        add_obligation(s, agreement, a.drafter, what="Pelatihan pemasaran UMKM", party=1,
                       due_date=dt.date(2016, 12, 1), recurrence=Recurrence.QUARTERLY)  # fmt: skip
        save_revision(s, agreement, a.drafter, "Draf awal")
        transition(s, agreement, a.drafter, S.INTERNAL_REVIEW)
        transition(s, agreement, a.reviewer, S.NEGOTIATION)
        return agreement.id
