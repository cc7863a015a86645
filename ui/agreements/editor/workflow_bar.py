"""Workflow actions of the open agreement: one button per possible step, plus "Approve".

A button is enabled when the acting user's role may take that step from the current state; the
domain's unmet preconditions are listed in its tooltip, and pressing it anyway shows the domain's
full explanation (``WorkflowError.messages``) in the editor's message bar, all in the UI
language (:mod:`ui.agreements.messages`).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from mou.agreement import AgreementStatus
from mou.messages import DomainMessage
from mou.office import Role
from mou.workflow import APPROVER_ROLES, Transition
from ui.agreements.labels import transition_label
from ui.agreements.messages import domain_text


class WorkflowBar(QWidget):
    """The state-dependent action buttons."""

    sig_transition_requested = Signal(str)  # target state
    sig_approve_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, QPushButton] = {}
        self.approve_button = QPushButton(self.tr("Approve this revision"))
        self.approve_button.clicked.connect(self.sig_approve_requested)
        self._row.addWidget(self.approve_button)
        self._row.addStretch(1)

    def set_state(
        self,
        status: str,
        role: Role | None,
        steps: list[tuple[Transition, list[DomainMessage]]],
        approved_by_us: bool,
    ) -> None:
        """Rebuild the buttons for ``status`` as seen by a user with ``role``."""
        for button in self.buttons.values():
            self._row.removeWidget(button)
            # Hidden at once: deleteLater alone leaves the old button painted until the next
            # event-loop turn, on top of the new ones.
            button.hide()
            button.deleteLater()
        self.buttons = {}
        for transition, problems in steps:
            target = transition.target.value
            button = QPushButton(transition_label(target, status))
            button.setObjectName(f"workflow_{target}")
            allowed = role is not None and role in transition.roles
            button.setEnabled(allowed)
            if not allowed:
                button.setToolTip(self.tr("Your role cannot take this step."))
            elif problems:
                button.setToolTip("\n".join(domain_text(m) for m in problems))
            button.clicked.connect(
                lambda _checked=False, t=target: self.sig_transition_requested.emit(t)
            )
            self.buttons[target] = button
            self._row.insertWidget(self._row.count() - 2, button)
            button.show()  # a layout shows new children of a visible widget only on the next turn
        negotiating = AgreementStatus(status) is AgreementStatus.NEGOTIATION
        self.approve_button.setVisible(negotiating)
        self.approve_button.setEnabled(
            negotiating and role in APPROVER_ROLES and not approved_by_us
        )
        self.approve_button.setText(
            self.tr("Approved by this office")
            if approved_by_us
            else self.tr("Approve this revision")
        )
