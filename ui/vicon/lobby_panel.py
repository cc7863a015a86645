"""The host's lobby: offices waiting to enter a locked meeting, each with Admit and Deny.

Only the host is told who waits (the hub sends the lobby in the host's copy of the room state);
the buttons ask the hub, which alone decides (docs/protocol.md §11).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class LobbyPanel(QWidget):
    """A row per waiting office: its name, Admit, Deny."""

    sig_admit = Signal(str)  # peer id
    sig_deny = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: dict[str, QWidget] = {}
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.empty_label = QLabel(self.tr("Nobody is waiting to enter."), self)
        self.empty_label.setWordWrap(True)
        self._layout.addWidget(self.empty_label)

    def waiting(self) -> list[str]:
        """Peer ids shown as waiting, in order."""
        return list(self._rows)

    def set_waiting(self, lobby: tuple[tuple[str, str], ...]) -> None:
        """Show exactly the offices in ``lobby`` (``(peer_id, office)``)."""
        wanted = dict(lobby)
        for peer_id in [p for p in self._rows if p not in wanted]:
            row = self._rows.pop(peer_id)
            self._layout.removeWidget(row)
            row.deleteLater()
        for peer_id, office in lobby:
            if peer_id not in self._rows:
                self._rows[peer_id] = self._row(peer_id, office)
                self._layout.addWidget(self._rows[peer_id])
        self.empty_label.setVisible(not self._rows)

    def row_buttons(self, peer_id: str) -> tuple[QPushButton, QPushButton]:
        """The Admit and Deny buttons of ``peer_id``'s row (tests, keyboard focus)."""
        row = self._rows[peer_id]
        return row.findChild(QPushButton, "admit"), row.findChild(QPushButton, "deny")  # type: ignore[return-value]

    def _row(self, peer_id: str, office: str) -> QWidget:
        row = QWidget(self)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 2, 0, 2)
        name = QLabel(self.tr("{office} is waiting").format(office=office), row)
        name.setWordWrap(True)
        admit = QPushButton(self.tr("Admit"), row)
        admit.setObjectName("admit")
        deny = QPushButton(self.tr("Deny"), row)
        deny.setObjectName("deny")
        admit.clicked.connect(lambda: self.sig_admit.emit(peer_id))
        deny.clicked.connect(lambda: self.sig_deny.emit(peer_id))
        line.addWidget(name, 1)
        line.addWidget(admit)
        line.addWidget(deny)
        return row
