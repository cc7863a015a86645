"""Workflow actions of the open agreement: one button per possible step, plus "Approve".

A button is enabled only when the step can run now: the acting user's role may take it and the
domain has no unmet precondition. Otherwise it is disabled and its tooltip says why (every unmet
condition, in the UI language, :mod:`ui.agreements.messages`), so nothing is refused after a
click. Open comments are named by pasal ("1 comment still open in Pasal 3") in a link beside the
buttons that goes to them.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from mou.agreement import AgreementStatus
from mou.messages import DomainMessage
from mou.office import Role
from mou.workflow import APPROVER_ROLES, RELEASED_BY_APPROVAL, Transition, WorkflowCode
from ui.agreements.labels import transition_label
from ui.agreements.messages import domain_text
from ui.hash_label import short_hash

OPEN_COMMENTS = WorkflowCode.OPEN_COMMENTS.value


class WorkflowBar(QWidget):
    """The state-dependent action buttons."""

    sig_transition_requested = Signal(str)  # target state
    sig_approve_requested = Signal()
    sig_open_comments_requested = Signal()  # the "still open in Pasal N" link was clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, QPushButton] = {}
        self.approve_button = QPushButton(self.tr("Approve this revision"))
        self.approve_button.clicked.connect(self.sig_approve_requested)
        self._row.addWidget(self.approve_button)
        self._row.addStretch(1)
        self.open_comments_link = QLabel()
        self.open_comments_link.setObjectName("openCommentsLink")
        self.open_comments_link.linkActivated.connect(
            lambda _link: self.sig_open_comments_requested.emit()
        )
        self.open_comments_link.hide()
        self._row.addWidget(self.open_comments_link)

    def set_state(
        self,
        status: str,
        role: Role | None,
        steps: list[tuple[Transition, list[DomainMessage]]],
        approved_by_us: bool,
        *,
        approve_blocked: str = "",
        open_comments: str = "",
        release_on_approve: bool = False,
        revision: tuple[int, str] | None = None,
        approve_as: str = "",
    ) -> None:
        """Rebuild the buttons for ``status`` as seen by a user with ``role``.

        ``approve_blocked`` says why this office cannot approve now ("" when it can);
        ``open_comments`` names where comments are still open ("" when none are);
        ``release_on_approve``: the office lets its head's approval release a draft (no
        reviewer's release needed), so "Approve" shows in Draft and Internal review too;
        ``revision``: (round, hash) of the saved round an approval would be of;
        ``approve_as``: the head of region whose password a click asks when the acting user
        may not approve ("" when nobody can be asked; :mod:`ui.agreements.editor.approve_as`).

        The button itself names the round and its hash ("Approve round 3 (1a2b3c4d5e6f)"), and
        one click approves: it was followed by an "Approve round 3?" box that said the same
        thing again. Naming exactly what is approved on the button keeps the act deliberate.
        """
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
            button.setEnabled(allowed and not problems)
            if not allowed:
                button.setToolTip(self.tr("Your role cannot take this step."))
            elif problems:
                button.setToolTip(
                    "\n".join(
                        open_comments if m.code == OPEN_COMMENTS and open_comments
                        else domain_text(m)
                        for m in problems
                    )
                )  # fmt: skip
            button.clicked.connect(
                lambda _checked=False, t=target: self.sig_transition_requested.emit(t)
            )
            self.buttons[target] = button
            self._row.insertWidget(self._row.count() - 2, button)
            button.show()  # a layout shows new children of a visible widget only on the next turn
        negotiating = AgreementStatus(status) is AgreementStatus.NEGOTIATION
        releasing = release_on_approve and AgreementStatus(status) in RELEASED_BY_APPROVAL
        self.approve_button.setVisible(negotiating or releasing)
        approvers = {Role.SIGNATORY} if releasing else APPROVER_ROLES
        stepping_up = role not in approvers and bool(approve_as)
        can_approve = (
            (role in approvers or stepping_up) and not approved_by_us and not approve_blocked
        )
        self.approve_button.setEnabled((negotiating or releasing) and can_approve)
        if approved_by_us:
            self.approve_button.setToolTip(self.tr("This office approved this revision."))
        elif stepping_up and not approve_blocked:
            self.approve_button.setToolTip(
                self.tr("%1 approves: their password or PIN is asked.").replace("%1", approve_as)
            )
        elif releasing and role is not Role.SIGNATORY:
            self.approve_button.setToolTip(
                self.tr("The signatory approves a draft; the approval also releases it for "
                        "negotiation.")
            )  # fmt: skip
        elif role not in APPROVER_ROLES:
            self.approve_button.setToolTip(self.tr("A reviewer or signatory approves a revision."))
        elif approve_blocked or revision is None:
            self.approve_button.setToolTip(approve_blocked)
        else:
            self.approve_button.setToolTip(
                self.tr(
                    "The other office will see that your office accepts this exact text (hash "
                    "%1). Both offices must approve the same revision before it is agreed."
                ).replace("%1", revision[1])
            )
        if open_comments:
            self.open_comments_link.setText(f'<a href="#comments">{open_comments}</a>')
        self.open_comments_link.setVisible(bool(open_comments))
        if approved_by_us:
            self.approve_button.setText(self.tr("Approved by this office"))
        elif revision is not None:
            self.approve_button.setText(
                self.tr("Approve round %1 (%2)")
                .replace("%1", str(revision[0]))
                .replace("%2", short_hash(revision[1]))
            )
        else:
            self.approve_button.setText(self.tr("Approve this revision"))
