"""Fixtures for the archive tests: two cities' SQLite files with one agreement Agreed in both.

Reuses the agreements core's two-city fixture (``tests/mou/conftest.py``: Bandung and Palangka
Raya, each trusting the other's office card, identities ``<tmp>/<office>.p12`` with the password
``rahasia``) and the ceremony tests' helper that takes an agreement to Agreed in both databases.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography import x509

from mou.ceremony.store import CeremonyStore
from mou.signed_archive import SignedArchive
from mou.signing.identity import OfficeIdentity
from tests.ceremony.test_ceremony_agreement import _agree_in_both
from tests.mou.conftest import City, cities, draft_in_bandung  # noqa: F401 (fixture)
from tests.signing.conftest import handwriting_png

PASSWORD = "rahasia"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


@dataclass
class Side:
    """One city: database, identity file, archive folder, and the agreement's local id."""

    city: City
    identity: OfficeIdentity
    identity_path: Path
    data_dir: Path
    archive: SignedArchive
    agreement_id: int

    @property
    def certificate(self) -> x509.Certificate:
        """The office's own certificate (the public copy the app keeps next to the .p12)."""
        return self.identity.certificate


def _agreement_id(city: City, uuid: str) -> int:
    from sqlalchemy import select

    from mou import models

    with city.db.session() as s:
        return s.scalars(select(models.Agreement.id).where(models.Agreement.uuid == uuid)).one()


@pytest.fixture
def agreed(cities, tmp_path: Path) -> tuple[Side, Side, str]:  # noqa: F811 (pytest fixture)
    """Bandung (PIHAK PERTAMA) and Palangka Raya, the same revision Agreed in both databases."""
    a, id_a, b, id_b = cities
    uuid = _agree_in_both(a, id_a, b, id_b, draft_in_bandung(a))
    sides = []
    for city, identity, name in (
        (a, id_a, "Pemerintah Kota Bandung"),
        (b, id_b, "Pemerintah Kota Palangka Raya"),
    ):
        data = tmp_path / f"data-{name.split()[-1]}"
        data.mkdir()
        archive = SignedArchive(data / "signed", CeremonyStore(data / "ceremonies"))
        sides.append(
            Side(city, identity, tmp_path / f"{name}.p12", data, archive, _agreement_id(city, uuid))
        )
    return sides[0], sides[1], uuid


@pytest.fixture(scope="session")
def signature_png() -> bytes:
    """A handwritten-looking signature image."""
    return handwriting_png()


@pytest.fixture
def screenshots() -> Path:
    """The (gitignored) folder the screenshot tests write into."""
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS


def app_context(side: Side):
    """The AppContext of one city's installation (data folder with its identity), signatory acting.

    The identity goes where the app keeps it (``<data>/identity/office.p12``) with the public PEM
    copy next to it, as the first-run wizard leaves them.
    """
    import shutil

    from sqlalchemy import select

    from mou import models
    from mou.office import local_office
    from mou.signing.identity import export_certificate
    from ui.bridge import EventBridge
    from ui.context import AppContext
    from ui.settings import Settings

    identity_dir = side.data_dir / "identity"
    identity_dir.mkdir(exist_ok=True)
    shutil.copy(side.identity_path, identity_dir / "office.p12")
    export_certificate(side.identity, identity_dir / "office.pem")
    with side.city.db.session() as s:
        office = local_office(s)
        user = s.scalars(
            select(models.LocalUser).where(models.LocalUser.name == side.city.signatory.name)
        ).one()
    return AppContext(
        database=side.city.db,
        settings=Settings(side.data_dir),
        data_dir=side.data_dir,
        office=office,
        current_user=user,
        bridge=EventBridge(),
    )


@pytest.fixture
def indonesian(tmp_path_factory: pytest.TempPathFactory, qapp):
    """Install the Indonesian translators (every committed .ts compiled here); English after."""
    import subprocess
    import sys

    from ui import i18n, paths

    out = tmp_path_factory.mktemp("qm")
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    for ts in sorted(paths.TRANSLATIONS.glob("*_id.ts")):
        subprocess.run(
            [str(lrelease), "-silent", str(ts), "-qm", str(out / ts.with_suffix(".qm").name)],
            check=True,
        )
    i18n.install_language("id", out)
    yield
    i18n.install_language("en", out)
