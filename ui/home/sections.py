"""One box of the Home page: a titled list of things needing action, or a short "nothing" line."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QListWidget, QSizePolicy, QVBoxLayout, QWidget

from ui.datestyle import short_date, zoned_datetime


def _date(day: dt.date | None) -> str:
    return short_date(day)


def describe_meeting(meeting: object) -> str:
    """ "24 Nov 2026 09.00 WIB — Vicon Bandung–Palangka Raya" (in the zone it was scheduled in)."""
    from mou.meeting import IndonesianTimeZone, start_in

    zone = IndonesianTimeZone(meeting.time_zone)  # type: ignore[attr-defined]
    when = zoned_datetime(start_in(meeting, zone), zone.value)  # type: ignore[arg-type]
    return f"{when} — {meeting.title}"  # type: ignore[attr-defined]


def describe_agreement(row: object) -> str:
    """Title and counterpart offices of an agreement row."""
    counterparts = getattr(row, "counterparts", "")
    title = getattr(row, "title", str(row))
    return f"{title} — {counterparts}" if counterparts else title


def describe_expiring(row: object) -> str:
    """An agreement row with the date its validity ends."""
    until = getattr(row, "valid_until", None)
    text = describe_agreement(row)
    return f"{_date(until)} — {text}" if until else text


def describe_obligation(item: object) -> str:
    """Due date, what, who, and under which agreement."""
    return f"{_date(item.due)} — {item.what} ({item.party_name}) · {item.agreement_title}"  # type: ignore[attr-defined]


class SummarySection(QGroupBox):
    """A titled list; shows ``empty_text`` when there is nothing in it."""

    #: Double-clicked row index.
    activated = Signal(int)

    def __init__(
        self,
        title: str,
        empty_text: str,
        describe: Callable[[object], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent)
        self._describe = describe
        self._items: list[object] = []
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.setMaximumHeight(140)
        self.list.setMinimumWidth(220)
        # Long titles wrap instead of scrolling sideways.
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.empty_label = QLabel(empty_text)
        self.empty_label.setWordWrap(True)
        self.empty_label.setEnabled(False)  # greyed: it is a remark, not content
        layout.addWidget(self.list)
        layout.addWidget(self.empty_label)
        self.list.itemActivated.connect(lambda item: self.activated.emit(self.list.row(item)))

    def set_items(self, items: Sequence[object]) -> None:
        """Show ``items`` (dashboard rows) or the empty remark."""
        self.list.clear()
        self._items = list(items)
        for item in items:
            self.list.addItem(self._describe(item))
        self.list.setVisible(bool(items))
        self.empty_label.setVisible(not items)

    def item(self, row: int) -> object:
        """The dashboard row shown at ``row``."""
        return self._items[row]

    def texts(self) -> list[str]:
        """The lines shown."""
        return [self.list.item(i).text() for i in range(self.list.count())]
