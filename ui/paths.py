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
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def database_file(folder: Path) -> Path:
    """The default SQLite database inside the data folder."""
    return folder / "lintas.sqlite3"


def backups_dir(folder: Path) -> Path:
    """Where the storage layer keeps its automatic database backups."""
    return folder / "backups"


def identity_file(folder: Path) -> Path:
    """The office signing identity (password-protected PKCS#12)."""
    return folder / "identity" / "office.p12"


def settings_file(folder: Path) -> Path:
    """The QSettings INI file; kept in the data folder so one folder holds a whole installation."""
    return folder / "settings.ini"
