"""The call's "sign it now" strip: an Agreed agreement with the office in the call can be signed here.

A ceremony normally follows a scheduled signing session linked to its agreement. Two offices that
just agreed in a call should not have to schedule another one: when every office in the call is
verified and this office holds an Agreed agreement with one of them, the strip offers "Sign it in
this call", which asks the ceremony launcher (``SignInCallRequested`` on the bridge) to present it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget
from sqlalchemy import select

from mou import models
from ui.vicon.controller import CallController

if TYPE_CHECKING:
    from ui.context import AppContext

#: How often the strip looks for an agreement that became Agreed meanwhile (ms).
POLL_MS = 1000


@dataclass(frozen=True)
class SignInCallRequested:
    """Posted on the bridge: present ``agreement_id`` for signing in the call of ``controller``."""

    controller: CallController
    agreement_id: int


class SignBar(QWidget):
    """Shows the agreement ready to sign with the offices in the call, and the button."""

    def __init__(
        self, context: AppContext, controller: CallController, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.controller = controller
        self.agreement_id: int | None = None
        self._offered: set[int] = set()
        self.setObjectName("signBar")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.sign_button = QPushButton(self.tr("Sign it in this call"), self)
        self.sign_button.setObjectName("primaryAction")
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.label, 1)
        row.addWidget(self.sign_button)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("QWidget#signBar { background: #e8f5e9; border-radius: 4px; }")
        self.sign_button.clicked.connect(self.sign)
        self.hide()
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()

    def ready_agreement(self) -> tuple[int, str] | None:
        """(id, title) of an Agreed agreement with an office in this call, when all are verified."""
        if not self.controller.all_verified():
            return None  # signing only with offices proven to be who they say
        offices = set(self.controller.participants().values())
        with self.context.database.session() as session:
            for agreement in session.scalars(
                select(models.Agreement)
                .where(models.Agreement.status == "agreed")
                .order_by(models.Agreement.updated_at.desc())
            ):
                if agreement.id in self._offered:
                    continue
                if any(p.name in offices for p in agreement.parties):
                    return agreement.id, agreement.title
        return None

    def refresh(self) -> None:
        """Show or hide the strip for the agreement ready now."""
        ready = self.ready_agreement()
        if ready is None:
            self.agreement_id = None
            self.hide()
            return
        self.agreement_id = ready[0]
        self.label.setText(
            self.tr("“%1” is agreed by both offices. You can sign it now, in this call.").replace(
                "%1", ready[1]
            )
        )
        self.show()

    def sign(self) -> bool:
        """Ask the ceremony launcher to present the agreement in this call."""
        if self.agreement_id is None:
            return False
        self._offered.add(self.agreement_id)
        self.context.bridge.post(SignInCallRequested(self.controller, self.agreement_id))
        self.hide()
        return True


def attach_sign_bar(context: AppContext, window: QWidget) -> SignBar:
    """Put the strip under the call window's state banner."""
    controller: CallController = window.controller  # type: ignore[attr-defined]
    bar = SignBar(context, controller, window)
    layout = window.layout()
    if isinstance(layout, QVBoxLayout):
        layout.insertWidget(1, bar)
    window.sign_bar = bar  # type: ignore[attr-defined]
    return bar
