"""Where Lintas keeps its files (the "Data folder" contract).

Only the UI resolves the data folder; the cores receive explicit paths. ``$LINTAS_DATA_DIR`` wins
(tests and portable installs use it), else Qt's per-user AppDataLocation for org/app "Lintas".
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths

ORGANIZATION = "Lintas"
APPLICATION = "Lintas"

#: Repository/install root, where ``resources/`` lives.
ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
TRANSLATIONS = RESOURCES / "translations"
ICONS = RESOURCES / "icons"


def data_dir() -> Path:
    """The app data folder, created when missing."""
    override = os.environ.get("LINTAS_DATA_DIR")
    if override:
        folder = Path(override)
    else:
        # AppDataLocation depends on the org/app names, so make sure they are set even when
        # this is called before the QApplication exists (e.g. from a test or a subcommand).
        if not QCoreApplication.organizationName():
            QCoreApplication.setOrganizationName(ORGANIZATION)
        if not QCoreApplication.applicationName():
            QCoreApplication.setApplicationName(APPLICATION)
        location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        folder = Path(location)
    secure_folder(folder)
    return folder


#: Owner-only: the folder holds the database, backups, keys, settings and logs of the office.
FOLDER_MODE = 0o700
FILE_MODE = 0o600
_SECURED: set[Path] = set()  # folders already tightened in this process (walk once)


def secure_folder(folder: Path) -> None:
    """Create ``folder`` (0700) and tighten an existing install: folders 0700, files 0600.

    Sets the process umask to 077 first, so everything created afterwards (SQLite's database,
    WAL and SHM files, backups, logs, settings.ini) is owner-only from its first byte.
    """
    os.umask(0o077)
    folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    if os.name != "posix" or folder.resolve() in _SECURED:
        return
    _SECURED.add(folder.resolve())
    for root, dirs, files in os.walk(folder):
        _chmod(Path(root), FOLDER_MODE)
        for name in dirs:
            _chmod(Path(root) / name, FOLDER_MODE)
        for name in files:
            _chmod(Path(root) / name, FILE_MODE)


def _chmod(path: Path, mode: int) -> None:
    # Never follow a symlink out of the folder; leave files we do not own alone.
    try:
        if path.is_symlink():
            return
        if (path.stat().st_mode & 0o777) != mode:
            os.chmod(path, mode)
    except OSError:
        pass


def database_file(folder: Path) -> Path:
    """The default SQLite database inside the data folder."""
    return folder / "lintas.sqlite3"


def backups_dir(folder: Path) -> Path:
    """Where the storage layer keeps its automatic database backups."""
    return folder / "backups"


def identity_file(folder: Path) -> Path:
    """The office signing identity (password-protected PKCS#12)."""
    return folder / "identity" / "office.p12"


def exchange_key_file(folder: Path) -> Path:
    """The office exchange key (signs packages and office cards; not the signing key)."""
    return folder / "identity" / "exchange.key"


def secrets_file(folder: Path) -> Path:
    """Where passwords are kept when the system has no keyring (0600, never settings.ini)."""
    return folder / "secrets.json"


def settings_file(folder: Path) -> Path:
    """The QSettings INI file; kept in the data folder so one folder holds a whole installation."""
    return folder / "settings.ini"
