"""Settings: database, signaling hub and TURN relay."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from ui.context import AppContext


class ConnectionSection(QGroupBox):
    """Addresses; each field is saved when editing finishes."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Connections"), parent)
        self.context = context
        settings = context.settings
        form = QFormLayout(self)
        # The password part is never shown: it lives in the secret store (see ``storage_note``).
        self.database_url = QLineEdit(
            _safe_url(settings.database_url) if settings.database_url else ""
        )
        self.database_url.setPlaceholderText(self.tr("Default: the SQLite file in the data folder"))
        self.database_note = QLabel(
            self.tr("In use now: %1. A new database address is used after a restart.").replace(
                "%1", _describe_database(context.database.url, context.data_dir)
            )
        )
        self.database_note.setWordWrap(True)
        self.hub = QLineEdit(settings.hub_address)
        self.hub.setPlaceholderText(self.tr("e.g. wss://vicon.bandung.go.id:8443"))
        self.turn_url = QLineEdit(settings.turn_url)
        self.turn_url.setPlaceholderText(self.tr("e.g. turn:turn.bandung.go.id:3478"))
        self.turn_username = QLineEdit(settings.turn_username)
        self.turn_password = QLineEdit(settings.turn_password)
        self.turn_password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Database address:"), self.database_url)
        form.addRow("", self.database_note)
        form.addRow(self.tr("Vicon hub:"), self.hub)
        form.addRow(self.tr("TURN server:"), self.turn_url)
        form.addRow(self.tr("TURN user name:"), self.turn_username)
        form.addRow(self.tr("TURN password:"), self.turn_password)
        self.storage_note = QLabel(_where_passwords_are(settings.secrets.uses_keyring))
        self.storage_note.setObjectName("passwordStorage")
        self.storage_note.setWordWrap(True)
        form.addRow("", self.storage_note)
        self.status = QLabel()
        self.status.setObjectName("connectionStatus")
        self.status.setWordWrap(True)
        form.addRow("", self.status)
        for field, name in (
            (self.database_url, "database_url"),
            (self.hub, "hub_address"),
            (self.turn_url, "turn_url"),
            (self.turn_username, "turn_username"),
            (self.turn_password, "turn_password"),
        ):
            field.editingFinished.connect(lambda f=field, n=name: self._save(n, f.text().strip()))

    def _save(self, name: str, value: str) -> None:
        problem = self._problem(name, value)
        if problem:
            # Not saved: the previous value stays in effect and the field keeps the typing.
            self.status.setText(problem)
            return
        if name == "database_url" and value:
            value = _with_stored_password(value, self.context.settings.database_url)
        setattr(self.context.settings, name, value)
        self.context.settings.sync()
        self.status.clear()

    def _problem(self, name: str, value: str) -> str:
        """A message when ``value`` cannot work for setting ``name``, else ""."""
        if not value:
            return ""
        if name == "database_url":
            from sqlalchemy.engine import make_url
            from sqlalchemy.exc import ArgumentError

            try:
                backend = make_url(value).get_backend_name()
            except ArgumentError:
                backend = ""
            if backend not in ("sqlite", "postgresql"):
                return self.tr(
                    "Not saved: a database address looks like "
                    "postgresql+psycopg://user@server/lintas or sqlite:////path/lintas.sqlite3."
                )
        if name == "hub_address" and not value.startswith(
            ("ws://", "wss://", "http://", "https://")
        ):
            return self.tr("Not saved: the hub address starts with wss:// (or ws://).")
        if name == "turn_url" and not value.startswith(("turn:", "turns:")):
            return self.tr("Not saved: a TURN address starts with turn: or turns:.")
        return ""


def _safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def _describe_database(url: str, data_dir: object) -> str:
    """The database in use, in words: no driver names, no file paths, no ports."""
    from pathlib import Path

    from PySide6.QtCore import QCoreApplication
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = Path(parsed.database or "")
        if database.parent == Path(str(data_dir)):
            return QCoreApplication.translate(
                "ConnectionSection", "the built-in database in this office's data folder"
            )
        return QCoreApplication.translate(
            "ConnectionSection", "the built-in database file %1"
        ).replace("%1", database.name)
    return (
        QCoreApplication.translate("ConnectionSection", "the PostgreSQL database %1 on %2")
        .replace("%1", parsed.database or "")
        .replace("%2", parsed.host or "localhost")
    )


def _with_stored_password(typed: str, stored: str) -> str:
    """The typed address, with the stored password when the field still shows it masked."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url, old = make_url(typed), make_url(stored) if stored else None
    except ArgumentError:
        return typed
    if url.password == "***" and old is not None and old.password:
        return url.set(password=old.password).render_as_string(hide_password=False)
    return typed


def _where_passwords_are(keyring: bool) -> str:
    from PySide6.QtCore import QCoreApplication

    place = (
        QCoreApplication.translate("ConnectionSection", "the system keyring")
        if keyring
        else QCoreApplication.translate("ConnectionSection", "a protected file in the data folder")
    )
    return QCoreApplication.translate("ConnectionSection", "Passwords are kept in: %1").replace(
        "%1", place
    )
