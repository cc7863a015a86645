"""Fixtures for the agreements UI tests: a real SQLite file with Bandung's office and staff."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from mou import models
from mou.agreement import PartyInput
from mou.db import Database, open_database, sqlite_url
from mou.office import (
    Actor,
    GovernmentLevel,
    OfficeProfile,
    Role,
    counterpart_office,
    create_local_office,
)
from mou.template import get_template, instantiate
from ui import i18n
from ui.bridge import EventBridge
from ui.context import AppContext
from ui.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "screenshots"
BANDUNG = OfficeProfile(
    level=GovernmentLevel.KOTA,
    region="Bandung",
    unit="Bagian Kerja Sama",
    head_name="Muhammad Farhan",
    head_title="Wali Kota Bandung",
)
USERS = [
    ("Rina Kusumawati", Role.DRAFTER),
    ("Dedi Supriadi", Role.REVIEWER),
    ("Muhammad Farhan", Role.SIGNATORY),
    ("Sari Lestari", Role.VIEWER),
]
KB_TEMPLATE = "kesepakatan_bersama_antar_daerah"


@pytest.fixture
def screenshots() -> Path:
    """The (gitignored) folder screenshots are written to."""
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS


def make_context(
    folder: Path, profile: OfficeProfile = BANDUNG, *, url: str | None = None
) -> AppContext:
    """A real app context: own data folder, database (SQLite file unless ``url``), settings."""
    folder.mkdir(parents=True, exist_ok=True)
    database = open_database(
        url or sqlite_url(folder / "lintas.sqlite3"), backup_dir=folder / "backups"
    )
    with database.session() as session:
        office = create_local_office(session, profile, USERS)
        user = office.users[0]
    return AppContext(
        database=database,
        settings=Settings(folder),
        data_dir=folder,
        office=office,
        current_user=user,
        bridge=EventBridge(),
    )


@pytest.fixture
def context(tmp_path: Path, qapp: object) -> Iterator[AppContext]:
    """Bandung's app context on a fresh SQLite file."""
    ctx = make_context(tmp_path / "bandung")
    yield ctx
    ctx.database.dispose()


def user(context: AppContext, role: Role) -> models.LocalUser:
    """The local user with ``role``."""
    with context.database.session() as session:
        return session.query(models.LocalUser).filter_by(role=role.value).one()


def act_as(context: AppContext, role: Role) -> None:
    """Switch the acting user (as the header's user switcher does)."""
    context.set_current_user(user(context, role))


def create_agreement(
    context: AppContext,
    counterpart: str = "Palangka Raya",
    *,
    title: str | None = None,
    day: dt.date = dt.date(2026, 7, 27),
    years: int = 5,
) -> int:
    """A draft Kesepakatan Bersama from the shipped template; returns its id."""
    with context.database.session() as session:
        drafter = session.query(models.LocalUser).filter_by(role=Role.DRAFTER.value).one()
        actor = Actor.of(drafter)
        local = session.get(models.Office, context.office.id)
        other = counterpart_office(
            session,
            uuid=models.new_uuid(),
            level=GovernmentLevel.KOTA,
            region=counterpart,
            head_name="Fairid Naparin",
            head_title=f"Wali Kota {counterpart}",
        )
        agreement = instantiate(
            session,
            actor,
            get_template(KB_TEMPLATE),
            [PartyInput.of_office(local), PartyInput.of_office(other)],
            place="Bandung",
            agreement_date=day,
            title=title,
            years=years,
        )
        session.flush()
        return agreement.id


@pytest.fixture
def indonesian(qapp: object) -> Iterator[None]:
    """Install the Indonesian translations (compiled from the .ts files) for one test."""
    import subprocess
    import sys

    bin_dir = Path(sys.executable).parent
    for ts in (ROOT / "resources" / "translations").glob("*_id.ts"):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            subprocess.run(
                [str(bin_dir / "pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True
            )
    i18n.install_language(i18n.INDONESIAN)
    yield
    i18n.install_language(i18n.ENGLISH)
    QCoreApplication.processEvents()


def open_db_again(context: AppContext) -> Database:
    """A second, independent Database on the same file (as after a crash and restart)."""
    assert context.database.path is not None
    return open_database(sqlite_url(context.database.path))


PASSWORD = "kunci-kantor-2026"


def make_office(folder: Path, region: str) -> AppContext:
    """Another city's app context (own data folder and database) with a signing identity."""
    from mou.signing.identity import create_identity

    profile = OfficeProfile(
        level=GovernmentLevel.KOTA,
        region=region,
        unit="Bagian Kerja Sama",
        head_name=f"Kepala {region}",
        head_title=f"Wali Kota {region}",
    )
    ctx = make_context(folder, profile)
    ctx.identity_path.parent.mkdir(parents=True, exist_ok=True)
    create_identity(
        ctx.identity_path,
        PASSWORD,
        common_name=f"Wali Kota {region}",
        organization=f"Pemerintah Kota {region}",
    )
    return ctx


def trust_each_other(a: AppContext, b: AppContext) -> None:
    """Exchange office cards (as staff do once, after comparing fingerprints by phone)."""
    from mou.exchange import office_card, trust_office_card
    from mou.signing.identity import load_identity
    from ui.exchange_keys import office_exchange_key

    for me, other in ((a, b), (b, a)):
        identity = load_identity(other.identity_path, PASSWORD)
        with other.database.session() as session:
            # The card carries the exchange key the office's UI signs its packages with.
            card = office_card(session, identity, office_exchange_key(other.data_dir))
        with me.database.session() as session:
            reviewer = session.query(models.LocalUser).filter_by(role=Role.REVIEWER.value).one()
            trust_office_card(session, card, Actor.of(reviewer))


def agreement_with(context: AppContext, other: AppContext) -> int:
    """A draft in ``context`` whose PIHAK KEDUA is the (already trusted) ``other`` office."""
    with context.database.session() as session:
        drafter = session.query(models.LocalUser).filter_by(role=Role.DRAFTER.value).one()
        local = session.get(models.Office, context.office.id)
        counterpart = session.query(models.Office).filter_by(uuid=other.office.uuid).one()
        agreement = instantiate(
            session,
            Actor.of(drafter),
            get_template(KB_TEMPLATE),
            [PartyInput.of_office(local), PartyInput.of_office(counterpart)],
            place="Bandung",
            agreement_date=dt.date(2026, 7, 27),
        )
        session.flush()
        return agreement.id


@pytest.fixture(scope="session")
def agreements_postgres() -> Iterator[object]:
    """A real PostgreSQL 15 for these tests (the storage tests' server class, own port)."""
    from tests.mou.conftest import PG_BIN, PostgresServer

    if not (PG_BIN / "initdb").exists():
        pytest.skip(f"PostgreSQL 15 binaries not found in {PG_BIN}")
    server = PostgresServer()
    server.port = 54341  # the storage tests' server may run in the same session on 54329
    server.start()
    yield server
    server.stop()
