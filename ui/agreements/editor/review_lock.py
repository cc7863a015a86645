"""The banner over a locked text: why it cannot be edited now, and who can unlock it.

While a revision is in internal review its text is read-only for everyone, so the reviewer reads
exactly what was submitted. The banner names the reviewers who can return it to the drafter
(which unlocks it); a reviewer acting now gets that step as a button.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget


class ReviewLockBanner(QWidget):
    """A persistent strip shown while the open agreement is in internal review."""

    sig_return_requested = Signal()  # a reviewer unlocks the text (back to Draft)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewLockBanner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(
            "#reviewLockBanner { background:#fff4e5; color:#663c00; border:1px solid #ffd8a8;"
            " border-radius:4px; }"
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 4, 4)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.return_button = QPushButton(self.tr("Return to the drafter"))
        self.return_button.setToolTip(self.tr("Unlocks the text so the drafter can change it"))
        self.return_button.clicked.connect(self.sig_return_requested)
        row.addWidget(self.label, 1)
        row.addWidget(self.return_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_lock(self, reviewers: list[str], *, may_return: bool) -> None:
        """Show why the text is locked; ``may_return``: the acting user can unlock it."""
        if reviewers:
            who = self.tr("A reviewer (%1) can return it to the drafter to unlock it.").replace(
                "%1", ", ".join(reviewers)
            )
        else:
            who = self.tr("A reviewer of this office can return it to the drafter to unlock it.")
        self.label.setText(
            self.tr(
                "Submitted for internal review: the text is locked so the reviewer reads exactly "
                "what was submitted. Comments are still possible."
            )
            + " "
            + who
        )
        self.return_button.setVisible(may_return)
        self.show()

    def text(self) -> str:
        """The banner's sentence ("" when hidden)."""
        return self.label.text() if not self.isHidden() else ""
