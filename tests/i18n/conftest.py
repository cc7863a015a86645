"""Fixtures for the domain-message translation tests: Indonesian from freshly compiled .ts files."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from ui import i18n, paths


@pytest.fixture(scope="session")
def compiled_qm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every committed ``resources/translations/*.ts`` compiled with lrelease into a temp folder."""
    out = tmp_path_factory.mktemp("qm")
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    for ts in sorted(paths.TRANSLATIONS.glob("*.ts")):
        subprocess.run(
            [str(lrelease), "-silent", str(ts), "-qm", str(out / ts.with_suffix(".qm").name)],
            check=True,
        )
    return out


@pytest.fixture
def indonesian(qapp: object, compiled_qm: Path) -> Iterator[None]:
    """The app speaks Indonesian for one test (English again afterwards)."""
    i18n.install_language(i18n.INDONESIAN, compiled_qm)
    yield
    i18n.install_language(i18n.ENGLISH, compiled_qm)
    QCoreApplication.processEvents()


@pytest.fixture
def context(tmp_path: Path, qapp: object) -> Iterator[object]:
    """Bandung's app context on a fresh SQLite file (as in the agreements UI tests)."""
    from tests.agreements_ui.conftest import make_context

    ctx = make_context(tmp_path / "bandung")
    yield ctx
    ctx.database.dispose()


@pytest.fixture(scope="session")
def bandung_identity(tmp_path_factory: pytest.TempPathFactory):
    """Bandung's signing identity (the signing tests' own helper)."""
    from mou.signing.identity import create_identity

    folder = tmp_path_factory.mktemp("id-bandung")
    return create_identity(
        folder / "bandung.p12",
        "rahasia",
        common_name="Wali Kota Bandung",
        organization="Pemerintah Kota Bandung",
    )


@pytest.fixture(scope="session")
def palangkaraya_identity(tmp_path_factory: pytest.TempPathFactory):
    """Palangka Raya's signing identity."""
    from mou.signing.identity import create_identity

    folder = tmp_path_factory.mktemp("id-pky")
    return create_identity(
        folder / "pky.p12",
        "rahasia",
        common_name="Wali Kota Palangka Raya",
        organization="Pemerintah Kota Palangka Raya",
    )


@pytest.fixture(scope="session")
def signed_agreement(bandung_identity, palangkaraya_identity) -> bytes:
    """The sample agreement rendered and signed by both parties (real pyHanko signatures)."""
    from mou.pdf.render import render_pdf_bytes
    from mou.pdf.sample import sample_document
    from mou.signing import sign_pdf
    from tests.signing.conftest import handwriting_png

    data, result = render_pdf_bytes(sample_document())
    for slot, identity in zip(
        result.signature_slots, (bandung_identity, palangkaraya_identity), strict=True
    ):
        data = sign_pdf(
            data,
            identity,
            field_name=slot.field_name,
            signer_name=slot.signer_name,
            signer_title=slot.signer_title,
            signature_png=handwriting_png(),
        )
    return data
