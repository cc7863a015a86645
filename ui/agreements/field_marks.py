"""Marking invalid form fields: a red frame, the reason for screen readers, focus on the first.

A form says what is wrong in its message bar and marks the field it is about. The mark goes, and
the message with it, as soon as the field becomes valid, so nothing stale stays on screen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from ui.agreements.message_bar import MessageBar

# Checks a field: the reason it is invalid, or "" when it is fine.
Check = Callable[[], str]

_FRAME = "{ border: 2px solid #b00020; border-radius: 3px; }"


class FieldMarks:
    """Invalid-field marks of one form, with the form's message bar."""

    def __init__(self, bar: MessageBar) -> None:
        self.bar = bar
        self.checks: list[tuple[QWidget, Check]] = []
        self.marked: dict[QWidget, str] = {}
        self._other = False  # a message not about a field (a refusal from the domain)

    def add(self, widget: QWidget, check: Check) -> None:
        """Check ``widget`` with ``check`` on submit (and again on each change once marked)."""
        self.checks.append((widget, check))

    def validate(self) -> bool:
        """Mark every invalid field, focus the first, show the reasons; True when all are valid."""
        self.clear()
        problems = [(w, reason) for w, check in self.checks if (reason := check())]
        for widget, reason in problems:
            self._mark(widget, reason)
        if problems:
            problems[0][0].setFocus()
            self.bar.show_message("\n".join(reason for _w, reason in problems))
        return not problems

    def show_other(self, message: str) -> None:
        """Show a message about the whole form (cleared by the next change of any field)."""
        self._other = True
        self.bar.show_message(message)

    def changed(self) -> None:
        """A field changed: unmark fields that became valid; hide the message when none is left."""
        if self._other:
            self._other = False
            self.bar.clear()
        for widget, check in self.checks:
            if widget in self.marked and not check():
                self._unmark(widget)
        if self.marked:
            self.bar.show_message("\n".join(self.marked.values()))
        elif self.bar.level == "error":
            self.bar.clear()

    def clear(self) -> None:
        """Remove every mark and the message."""
        for widget in list(self.marked):
            self._unmark(widget)
        self._other = False
        self.bar.clear()

    def _mark(self, widget: QWidget, reason: str) -> None:
        self.marked[widget] = reason
        widget.setProperty("invalid", True)
        kind = (
            "QComboBox"
            if isinstance(widget, QComboBox)
            else "QLineEdit"
            if isinstance(widget, QLineEdit)
            else "QWidget"
        )
        widget.setStyleSheet(f"{kind} {_FRAME}")
        widget.setAccessibleDescription(reason)
        widget.setToolTip(reason)

    def _unmark(self, widget: QWidget) -> None:
        self.marked.pop(widget, None)
        widget.setProperty("invalid", False)
        widget.setStyleSheet("")
        widget.setAccessibleDescription("")
        widget.setToolTip("")
