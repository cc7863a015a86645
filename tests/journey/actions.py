"""Drive widgets like a person and count what that person had to do, step by step.

Every helper performs the real widget interaction (``qtbot`` clicks and key presses) and counts
one user action: a click, a typed field, a file chosen, a paste. A step ends with a screenshot
of the windows involved, at 1366 x 768 for main windows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot


@dataclass
class Step:
    """One step of the journey and what it cost the user."""

    name: str
    clicks: int = 0
    typed: int = 0
    files: int = 0
    screenshots: list[Path] = field(default_factory=list)

    @property
    def total(self) -> int:
        """All user actions in this step."""
        return self.clicks + self.typed + self.files


class Actions:
    """Counts user actions per step while performing them on real widgets."""

    def __init__(self, qtbot: QtBot, shots: Path) -> None:
        self.qtbot = qtbot
        self.shots = shots
        self.steps: list[Step] = []

    @property
    def step(self) -> Step:
        """The current step."""
        return self.steps[-1]

    def begin(self, name: str) -> None:
        """Start counting a new step."""
        self.steps.append(Step(name))

    def click(self, button: QAbstractButton) -> None:
        """A mouse click on an enabled, visible button."""
        assert button.isVisible() and button.isEnabled(), f"{button.text()!r} is not clickable"
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        self.step.clicks += 1

    def trigger(self, run: Callable[[], object]) -> None:
        """A click on a menu entry or list item (``run`` performs it)."""
        run()
        self.step.clicks += 1

    def type(self, field: QLineEdit | QPlainTextEdit, text: str) -> None:
        """Type ``text`` into a field (one action however long the text)."""
        field.setFocus()
        if isinstance(field, QLineEdit):
            field.clear()
        self.qtbot.keyClicks(field, text)
        self.step.typed += 1

    def paste(self, field: QLineEdit | QPlainTextEdit) -> None:
        """Ctrl+V into a field (the clipboard holds what the other office sent)."""
        field.setFocus()
        self.qtbot.keySequence(field, QKeySequence.StandardKey.Paste)
        self.step.typed += 1

    def choose(self, combo: QComboBox, text: str) -> None:
        """Pick an entry of a combo box by its text."""
        index = combo.findText(text)
        assert index >= 0, (
            f"{text!r} is not offered: {[combo.itemText(i) for i in range(combo.count())]}"
        )
        combo.setCurrentIndex(index)
        combo.activated.emit(index)
        self.step.clicks += 1

    def file_chosen(self) -> None:
        """A file picked in a file dialog (the dialog is answered by the modal driver)."""
        self.step.files += 1

    def shot(self, name: str, widget: QWidget) -> Path:
        """Save a screenshot of ``widget`` (main windows are sized 1366 x 768 beforehand)."""
        path = self.shots / f"{len(self.steps):02d}_{self.step.name}_{name}.png"
        # What the user sees: posted layout requests (a button's new text) run first.
        self.qtbot.wait(50)
        assert widget.grab().save(str(path))
        self.step.screenshots.append(path)
        return path

    def total(self) -> int:
        """Every action of the journey."""
        return sum(step.total for step in self.steps)

    def table(self) -> str:
        """A Markdown table of the steps and their actions."""
        lines = [
            "| Step | Clicks | Typed fields | Files | Actions |",
            "|---|---:|---:|---:|---:|",
        ]
        for step in self.steps:
            lines.append(
                f"| {step.name} | {step.clicks} | {step.typed} | {step.files} | {step.total} |"
            )
        lines.append(f"| **Total** | | | | **{self.total()}** |")
        return "\n".join(lines)
