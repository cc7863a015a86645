"""Fixtures for the shell tests: a real SQLite database with (or without) a local office."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mou.db import Database, open_database, sqlite_url
from mou.office import GovernmentLevel, OfficeProfile, Role, create_local_office
from ui import paths

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"

BANDUNG = OfficeProfile(
    level=GovernmentLevel.KOTA,
    region="Bandung",
    unit="Bagian Kerja Sama",
    head_name="Muhammad Farhan",
    head_title="Wali Kota Bandung",
)
BANDUNG_USERS = [
    ("Muhammad Farhan", Role.SIGNATORY),
    ("Rina Kusumawati", Role.DRAFTER),
    ("Dedi Supriadi", Role.REVIEWER),
]


@pytest.fixture
def empty_database(app_data_dir: Path) -> Iterator[Database]:
    """The default SQLite file in the test's data folder, migrated, with no office yet."""
    db = open_database(
        sqlite_url(paths.database_file(app_data_dir)), backup_dir=paths.backups_dir(app_data_dir)
    )
    yield db
    db.dispose()


@pytest.fixture
def office_database(empty_database: Database) -> Database:
    """The default SQLite file holding Bandung's office and three users."""
    with empty_database.session() as session:
        create_local_office(session, BANDUNG, BANDUNG_USERS)
    return empty_database


@pytest.fixture
def screenshots() -> Path:
    """The (gitignored) folder the screenshot tests write into."""
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS


@pytest.fixture(scope="session")
def compiled_translations(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every committed ``resources/translations/*.ts`` compiled with lrelease into a temp folder.

    Tests compile for themselves so they never depend on (or trust) a stale ``make translations``.
    """
    import subprocess
    import sys

    out = tmp_path_factory.mktemp("qm")
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    for ts in sorted(paths.TRANSLATIONS.glob("*.ts")):
        subprocess.run(
            [str(lrelease), "-silent", str(ts), "-qm", str(out / ts.with_suffix(".qm").name)],
            check=True,
        )
    return out


@pytest.fixture
def context(office_database: Database, app_data_dir: Path):
    """The AppContext of Bandung's installation, as ``ui.app`` builds it."""
    from ui.app import build_context
    from ui.bridge import EventBridge
    from ui.settings import Settings

    built = build_context(office_database, Settings(app_data_dir), app_data_dir, EventBridge())
    assert built is not None
    return built


class ModalDriver:
    """Answers modal dialogs opened by code under test (which blocks in ``exec()``).

    ``expect(cls, handler)`` queues a handler; a timer polls for the active modal widget and runs
    the first queued handler whose class matches, so nested dialogs are answered in order.
    """

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.handled: list[str] = []
        self._queue: list[tuple[type, object]] = []
        self._timer = QTimer()
        self._timer.setInterval(30)
        self._timer.timeout.connect(self._poll)
        self._timer.start()

    def expect(self, cls: type, handler) -> None:  # handler(widget) -> None
        self._queue.append((cls, handler))

    def _poll(self) -> None:
        from PySide6.QtWidgets import QApplication

        widget = QApplication.activeModalWidget()
        if widget is None or not self._queue:
            return
        cls, handler = self._queue[0]
        if isinstance(widget, cls):
            self._queue.pop(0)
            self.handled.append(cls.__name__)
            handler(widget)  # type: ignore[operator]

    def stop(self) -> None:
        self._timer.stop()

    @property
    def pending(self) -> int:
        return len(self._queue)


@pytest.fixture
def modal_driver() -> Iterator[ModalDriver]:
    """A running :class:`ModalDriver`."""
    driver = ModalDriver()
    yield driver
    driver.stop()


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    """Tests assert English texts; a test that switches to Indonesian must not leak it."""
    yield
    from PySide6.QtCore import QCoreApplication

    if QCoreApplication.instance() is not None:
        from PySide6.QtCore import QLocale

        from ui import i18n

        i18n.install_language(i18n.ENGLISH)
        # Leave the process as other areas' tests expect it: the system's number/date formats.
        QLocale.setDefault(QLocale.system())


def make_issued_p12(path: Path, password: str) -> bytes:
    """A PKCS#12 file as a certificate authority such as BSrE hands it out: an RSA leaf signed by
    a CA, with the CA in the chain. Returns the leaf certificate (DER) for comparison."""
    import datetime as dt

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12
    from cryptography.x509.oid import NameOID

    def name(cn: str, org: str) -> x509.Name:
        return x509.Name(
            [
                x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
                x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
                x509.NameAttribute(NameOID.COMMON_NAME, cn),
            ]
        )

    now = dt.datetime.now(dt.UTC)
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca_name = name("Test CA (BSrE-like)", "Balai Sertifikasi Elektronik (test)")
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    leaf = (
        x509.CertificateBuilder()
        .subject_name(name("Wali Kota Palangka Raya", "Pemerintah Kota Palangka Raya"))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(True, True, False, False, False, False, False, False, False),
            critical=True,
        )
        .sign(ca_key, hashes.SHA256())
    )
    path.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"palangkaraya", key, leaf, [ca], BestAvailableEncryption(password.encode())
        )
    )
    return leaf.public_bytes(serialization.Encoding.DER)
