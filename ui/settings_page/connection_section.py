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
        self.database_url = QLineEdit(settings.database_url)
        self.database_url.setPlaceholderText(self.tr("Default: the SQLite file in the data folder"))
        self.database_note = QLabel(
            self.tr("In use now: %1. A new database address is used after a restart.").replace(
                "%1", _safe_url(context.database.url)
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
        for field, name in (
            (self.database_url, "database_url"),
            (self.hub, "hub_address"),
            (self.turn_url, "turn_url"),
            (self.turn_username, "turn_username"),
            (self.turn_password, "turn_password"),
        ):
            field.editingFinished.connect(lambda f=field, n=name: self._save(n, f.text().strip()))

    def _save(self, name: str, value: str) -> None:
        setattr(self.context.settings, name, value)
        self.context.settings.sync()


def _safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
