"""The participant list beside the video grid: every office in the call and its link quality."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from ui.vicon.quality import LinkStats, Quality, grade, quality_label, stats_tooltip

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
        self._refresh(item, office, LinkStats())

    def remove_participant(self, peer_id: str) -> None:
        """Drop a remote office that left."""
        self._offices.pop(peer_id, None)
        item = self._item(peer_id)
        if item is not None:
            self.takeItem(self.row(item))

    def set_stats(self, peer_id: str, stats: LinkStats) -> None:
        """Show the link grade next to the office and the numbers on hover."""
        item = self._item(peer_id)
        if item is not None:
            self._refresh(item, self._offices.get(peer_id, peer_id), stats)

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
        item.setText(f"●  {office} — {quality_label(quality)}")
        item.setForeground(_DOT[quality] if quality != Quality.UNKNOWN else QColor("#555555"))
        item.setToolTip(stats_tooltip(office, stats))

    def _item(self, peer_id: str) -> QListWidgetItem | None:
        for i in range(self.count()):
            item = self.item(i)
            if item.data(_PEER_ROLE) == peer_id:
                return item
        return None
