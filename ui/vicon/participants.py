"""The participant list beside the video grid: every office, its link quality and identity."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from conferencing.call_identity import PeerVerification
from ui.vicon.quality import LinkStats, Quality, grade, quality_label, stats_tooltip
from ui.vicon.verification import verification_reason, verification_text

_PEER_ROLE = Qt.ItemDataRole.UserRole
_DOT = {
    Quality.UNKNOWN: QColor("#9e9e9e"),
    Quality.GOOD: QColor("#2e7d32"),
    Quality.FAIR: QColor("#f9a825"),
    Quality.POOR: QColor("#c62828"),
}


class ParticipantList(QListWidget):
    """One row per office; the local office first and marked '(you)'."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Participants"))
        self.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        # Long office names wrap instead of hiding the quality grade behind a scroll bar.
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._offices: dict[str, str] = {}
        self._stats: dict[str, LinkStats] = {}
        self._verifications: dict[str, PeerVerification] = {}
        self._guests: set[str] = set()

    def set_guest(self, peer_id: str, guest: bool) -> None:
        """Mark an office as a browser guest ("Guest (browser), not verified")."""
        if guest:
            self._guests.add(peer_id)
        else:
            self._guests.discard(peer_id)
        item = self._item(peer_id)
        if item is not None:
            self._refresh(
                item, self._offices.get(peer_id, peer_id), self._stats.get(peer_id, LinkStats())
            )

    def set_self(self, office: str) -> None:
        """Show the local office as the first row."""
        item = self._item("") or QListWidgetItem()
        item.setData(_PEER_ROLE, "")
        item.setText(self.tr("{office} (you)").format(office=office))
        if self.row(item) < 0:
            self.insertItem(0, item)

    def add_participant(self, peer_id: str, office: str) -> None:
        """Add (or rename) a remote office."""
        self._offices[peer_id] = office
        item = self._item(peer_id)
        if item is None:
            item = QListWidgetItem()
            item.setData(_PEER_ROLE, peer_id)
            self.addItem(item)
        self._refresh(item, office, self._stats.get(peer_id, LinkStats()))

    def remove_participant(self, peer_id: str) -> None:
        """Drop a remote office that left."""
        self._offices.pop(peer_id, None)
        self._stats.pop(peer_id, None)
        self._verifications.pop(peer_id, None)
        self._guests.discard(peer_id)
        item = self._item(peer_id)
        if item is not None:
            self.takeItem(self.row(item))

    def set_stats(self, peer_id: str, stats: LinkStats) -> None:
        """Show the link grade next to the office and the numbers on hover."""
        self._stats[peer_id] = stats
        item = self._item(peer_id)
        if item is not None:
            self._refresh(item, self._offices.get(peer_id, peer_id), stats)

    def set_verification(self, peer_id: str, state: PeerVerification) -> None:
        """Show under the office whether it is verified, and its short code."""
        self._verifications[peer_id] = state
        item = self._item(peer_id)
        if item is not None:
            self._refresh(
                item, self._offices.get(peer_id, peer_id), self._stats.get(peer_id, LinkStats())
            )

    def verification_line(self, peer_id: str) -> str:
        """The identity line shown under an office ("" when it is not listed)."""
        if peer_id not in self._offices:
            return ""
        state = self._verifications.get(peer_id)
        guest = peer_id in self._guests
        return verification_text(state, guest=guest).replace("\n", " · ")

    def offices(self) -> list[str]:
        """Remote offices currently listed, in display order."""
        return [
            self._offices[pid]
            for i in range(self.count())
            if (pid := self.item(i).data(_PEER_ROLE)) and pid in self._offices
        ]

    def clear_remote(self) -> None:
        """Remove every remote office (after leaving)."""
        for peer_id in list(self._offices):
            self.remove_participant(peer_id)

    def _refresh(self, item: QListWidgetItem, office: str, stats: LinkStats) -> None:
        quality = grade(stats)
        peer_id = item.data(_PEER_ROLE)
        state = self._verifications.get(peer_id)
        identity = self.verification_line(peer_id)
        item.setText(f"●  {office} — {quality_label(quality)}\n    {identity}")
        if state is not None and state.status == "mismatch":
            item.setForeground(QColor("#c62828"))  # intercepted: the whole row turns red
        else:
            item.setForeground(_DOT[quality] if quality != Quality.UNKNOWN else QColor("#555555"))
        tooltip = stats_tooltip(office, stats)
        if state is not None:
            tooltip += "\n" + verification_reason(state)
        item.setToolTip(tooltip)

    def peer_of(self, item: QListWidgetItem) -> str:
        """The peer id of a row ("" for our own office)."""
        return str(item.data(_PEER_ROLE) or "")

    def row_of(self, peer_id: str) -> QListWidgetItem | None:
        """The row of ``peer_id`` (None when it is not listed)."""
        return self._item(peer_id)

    def _item(self, peer_id: str) -> QListWidgetItem | None:
        for i in range(self.count()):
            item = self.item(i)
            if item.data(_PEER_ROLE) == peer_id:
                return item
        return None
