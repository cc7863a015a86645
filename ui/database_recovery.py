"""Dialogs shown when the database cannot be opened.

A damaged SQLite file is never overwritten silently: the user either restores the newest
automatic backup (the damaged file is moved aside by ``mou.db.restore_backup`` and kept) or quits,
which leaves every file exactly as it was.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from mou.db import ConcurrentEditError, DatabaseCorruptError, DatabaseVersionError
from ui.datestyle import timestamp_datetime
from ui.messages import MessageTable, message_text
from ui.plain_errors import plain_text

DATABASE = MessageTable(
    "DatabaseMessages",
    {
        "db.not_sqlite": QT_TRANSLATE_NOOP("DatabaseMessages", "not an SQLite database file"),
        "db.integrity_failed": QT_TRANSLATE_NOOP(
            "DatabaseMessages", "integrity check failed: {detail}"
        ),
        "db.unreadable": QT_TRANSLATE_NOOP(
            "DatabaseMessages", "the file cannot be read as a database ({detail})"
        ),
        "db.newer_schema": QT_TRANSLATE_NOOP(
            "DatabaseMessages",
            "The database {database} was written by a newer version of Lintas (schema "
            "{schema}); update Lintas to open it. Nothing was changed.",
        ),
        "db.concurrent_edit": QT_TRANSLATE_NOOP(
            "DatabaseMessages",
            "Someone else changed this agreement at the same time, so your change was not "
            "saved. Reload the agreement and apply your change again.",
        ),
    },
)
"""The one place mapping ``mou.db.DbCode`` to translatable texts (see :mod:`ui.messages`)."""


def database_error_text(error: BaseException) -> str:
    """A database error in the UI language when the core coded it (else as the core wrote it)."""
    if isinstance(error, DatabaseCorruptError):
        return message_text(error.reason_message, DATABASE)
    if isinstance(error, DatabaseVersionError | ConcurrentEditError):
        return message_text(error.message, DATABASE)
    return open_problem_text(error)


def open_problem_text(error: BaseException) -> str:
    """Why a database could not be opened, in words a user can act on.

    The driver's own text names hosts, ports, file paths and URLs; it goes only into the details
    the dialog copies for IT staff, never onto the screen.
    """
    from sqlalchemy import exc as sa

    detail = str(error).lower()
    if isinstance(error, sa.ArgumentError | sa.NoSuchModuleError | ValueError):
        text = QT_TRANSLATE_NOOP("DatabaseMessages", "The database address is not valid.")
    elif "password" in detail or "authentication" in detail or "access denied" in detail:
        text = QT_TRANSLATE_NOOP(
            "DatabaseMessages", "The database server refused the user name or password."
        )
    elif "unable to open database file" in detail or (
        isinstance(error, OSError) and not isinstance(error, ConnectionError | TimeoutError)
    ):  # the folder cannot be made or written (also a file standing where it belongs)
        text = QT_TRANSLATE_NOOP(
            "DatabaseMessages",
            "The database file cannot be opened: its folder is missing or may not be written.",
        )
    elif isinstance(error, sa.OperationalError | sa.InterfaceError | OSError):
        text = QT_TRANSLATE_NOOP(
            "DatabaseMessages", "The database server does not answer: it may be off or unreachable."
        )
    else:
        return plain_text(error)
    return QCoreApplication.translate("DatabaseMessages", text)


class CorruptDatabaseDialog(QDialog):
    """Explains the damage and offers: restore the newest backup, or quit."""

    RESTORE = 1
    QUIT = 0

    def __init__(self, error: DatabaseCorruptError, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.error = error
        self.setWindowTitle(self.tr("The database is damaged"))
        self.setObjectName("corruptDatabaseDialog")
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        # Word-wrapped labels need the dialog to grow to their height-for-width.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        top = QHBoxLayout()
        warning = QLabel()
        warning.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(48, 48)
        )
        warning.setAlignment(Qt.AlignmentFlag.AlignTop)
        top.addWidget(warning)
        text = QVBoxLayout()
        heading = QLabel(self.tr("Lintas cannot read its database file."))
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        text.addWidget(heading)
        self.detail = QLabel(
            # The file's path is an internal; where it lies is in the details for IT staff.
            self.tr("Problem: %1\nThe file has not been changed or deleted.").replace(
                "%1", database_error_text(error) if error.reason else self.tr("unknown")
            )
        )
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text.addWidget(self.detail)
        self.backup_label = QLabel()
        self.backup_label.setWordWrap(True)
        text.addWidget(self.backup_label)
        top.addLayout(text, 1)
        layout.addLayout(top)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.restore_button = QPushButton(self.tr("Restore the last backup"))
        self.quit_button = QPushButton(self.tr("Quit"))
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.quit_button)
        layout.addLayout(buttons)
        self.restore_button.clicked.connect(lambda: self.done(self.RESTORE))
        self.quit_button.clicked.connect(lambda: self.done(self.QUIT))

        if error.backups:
            newest = error.backups[0]
            self.backup_label.setText(
                self.tr(
                    "The newest automatic backup was made on %1 (%2). Restoring it moves the "
                    "damaged file aside (it is kept) and loses changes made after the backup."
                )
                .replace("%1", _when(newest))
                .replace("%2", newest.name)
            )
            self.restore_button.setDefault(True)
        else:
            self.backup_label.setText(
                self.tr(
                    "There is no automatic backup to restore. Quit, then ask your IT staff to "
                    "repair the file or to restore it from their own backups."
                )
            )
            self.restore_button.setEnabled(False)
            self.quit_button.setDefault(True)


def _when(path: Path) -> str:
    return timestamp_datetime(path.stat().st_mtime)


class DatabaseErrorDialog(QDialog):
    """Any other failure to open the database (server unreachable, bad URL, ...)."""

    def __init__(
        self, url: str, message: str, parent: QWidget | None = None, *, technical: str = ""
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cannot open the database"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        # No address on screen (it carries host, port or file path); "Copy details" hands it,
        # without the password, to whoever maintains the database.
        self.details = self.tr("Database: %1\nProblem: %2").replace("%1", _hide_password(url))
        self.details = self.details.replace("%2", technical or message)
        label = QLabel(
            self.tr(
                "Lintas could not open its database.\n\n%1\n\nAsk your IT staff to check the "
                "database setting (Copy details gives them what they need), then start Lintas "
                "again."
            ).replace("%1", message)
        )
        label.setWordWrap(True)
        layout.addWidget(label)
        row = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("Copy details"))
        self.copy_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.details))
        row.addWidget(self.copy_button)
        row.addStretch(1)
        quit_button = QPushButton(self.tr("Quit"))
        quit_button.setDefault(True)
        quit_button.clicked.connect(self.reject)
        row.addWidget(quit_button)
        layout.addLayout(row)


def _hide_password(url: str) -> str:
    try:
        from sqlalchemy.engine import make_url

        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # an unparsable URL is shown as typed; there is no password to hide
        return url
