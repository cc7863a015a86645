"""The header's "Office card" menu, so every screen (also an empty one) can save or trust a card.

Kept free of cryptography imports for the cold start: ``ui.office_card`` is imported on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QMenu, QStyle, QToolButton, QWidget

from ui.context import AppContext

if TYPE_CHECKING:
    from ui.office_card import OfficeCardActions


class OfficeCardButton(QToolButton):
    """A tool button with "Save our office card…" and "Trust an office card…"."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._actions: OfficeCardActions | None = None
        self.setObjectName("officeCardButton")
        self.setText(self.tr("Office card"))
        self.setToolTip(
            self.tr("Save our office card for another office, or trust the card of another office")
        )
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self)
        self.save_action = menu.addAction(self.tr("Save our office card…"))
        self.trust_action = menu.addAction(self.tr("Trust an office card…"))
        self.fingerprint_action = menu.addAction(self.tr("Show our fingerprint"))
        self.setMenu(menu)
        self.fingerprint_action.triggered.connect(lambda: self.card_actions().show_fingerprint())
        self.save_action.triggered.connect(lambda: self.card_actions().choose_save())
        self.trust_action.triggered.connect(lambda: self.card_actions().choose_trust())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        """Room for the menu arrow too: Qt draws it over the text of an instant-popup button."""
        hint = super().sizeHint()
        arrow = self.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None, self)
        return QSize(hint.width() + arrow, hint.height())

    def card_actions(self) -> OfficeCardActions:
        """The save/trust logic, built on first use."""
        if self._actions is None:
            from ui.office_card import OfficeCardActions

            self._actions = OfficeCardActions(self.context, self.window())
        return self._actions
