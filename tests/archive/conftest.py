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

from mou.ceremony_store import CeremonyStore
from mou.identity import OfficeIdentity
from mou.signed_archive import SignedArchive
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
