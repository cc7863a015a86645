"""One box of the Home page: a titled list of things needing action, or a short "nothing" line."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QGroupBox, QLabel, QListWidget, QVBoxLayout, QWidget

# Attribute names the dashboard's items may carry, most telling first.
_TEXT_ATTRS = ("title", "name", "what", "subject", "label", "description")
_WHEN_ATTRS = ("starts_at", "due", "due_on", "due_date", "expires_on", "ends_on", "when")


def describe(item: object) -> str:
    """A one-line description of a dashboard item, with its date in the UI language."""
    text = next((str(getattr(item, a)) for a in _TEXT_ATTRS if getattr(item, a, None)), str(item))
    when = next((getattr(item, a) for a in _WHEN_ATTRS if getattr(item, a, None)), None)
    locale = QLocale()
    if isinstance(when, dt.datetime):
        stamp = locale.toString(when.astimezone(), QLocale.FormatType.ShortFormat)
    elif isinstance(when, dt.date):
        stamp = locale.toString(when, QLocale.FormatType.LongFormat)
    else:
        return text
    return f"{stamp} — {text}"


class SummarySection(QGroupBox):
    """A titled list; shows ``empty_text`` when there is nothing in it."""

    def __init__(self, title: str, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.setMaximumHeight(140)
        self.empty_label = QLabel(empty_text)
        self.empty_label.setWordWrap(True)
        self.empty_label.setEnabled(False)  # greyed: it is a remark, not content
        layout.addWidget(self.list)
        layout.addWidget(self.empty_label)

    def set_items(self, items: Sequence[object]) -> None:
        """Show ``items`` (dashboard rows) or the empty remark."""
        self.list.clear()
        for item in items:
            self.list.addItem(describe(item))
        self.list.setVisible(bool(items))
        self.empty_label.setVisible(not items)

    def count(self) -> int:
        """Number of items shown."""
        return self.list.count()
