"""Workflow actions of the open agreement: one button per possible step, plus "Approve".

A button is enabled only when the step can run now: the acting user's role may take it and the
domain has no unmet precondition. Otherwise it is disabled and its tooltip says why (every unmet
condition, in the UI language, :mod:`ui.agreements.messages`), so nothing is refused after a
click. Open comments are named by pasal ("1 comment still open in Pasal 3") in a link beside the
buttons that goes to them.

When the acting user may not approve (the drafter at the keyboard during a live review) the head
of region's password or PIN is typed in :attr:`WorkflowBar.approve_secret`, beside the button:
Approve stays disabled until something is typed, and the click (or Enter in the field) checks it
(:mod:`ui.agreements.editor.approve_as`). A wrong one is said in :attr:`WorkflowBar.approve_error`.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

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
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        self._row = QHBoxLayout()
        self._row.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self._row)
        self.buttons: dict[str, QPushButton] = {}
        self._can_approve = False  # the approval may be given now (perhaps with a password)
        self.asks_secret = False  # the head's password is asked beside the button
        # The head's password or PIN, shown only when the acting user may not approve.
        self.approve_secret = QLineEdit()
        self.approve_secret.setObjectName("approveSecret")
        self.approve_secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.approve_secret.setMinimumWidth(220)
        self.approve_secret.hide()
        self.approve_secret.textChanged.connect(self._secret_typed)
        self.approve_secret.returnPressed.connect(self._secret_entered)
        self._row.addWidget(self.approve_secret)
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
        # Why the typed password approved nothing (under the row, so the row keeps its width).
        self.approve_error = QLabel()
        self.approve_error.setObjectName("approveError")
        self.approve_error.setWordWrap(True)
        self.approve_error.setStyleSheet("color: #b00020;")
        self.approve_error.hide()
        column.addWidget(self.approve_error)

    def _secret_typed(self, text: str) -> None:
        if self.asks_secret:
            self.approve_button.setEnabled(self._can_approve and bool(text))

    def _secret_entered(self) -> None:
        # Enter in the password field approves like the button (never while it is disabled).
        if self.approve_button.isEnabled():
            self.sig_approve_requested.emit()

    def show_approve_error(self, text: str) -> None:
        """Say under the row why the typed password approved nothing ("" hides the line)."""
        self.approve_error.setText(text)
        self.approve_error.setVisible(bool(text))

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
        ``approve_as``: the head of region whose password is typed beside the button when the
        acting user may not approve ("" when nobody can be asked; then nobody here approves).

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
        self._can_approve = (negotiating or releasing) and can_approve
        asking = self._can_approve and stepping_up
        self.asks_secret = asking
        if asking:
            hint = self.tr("Password or PIN of %1").replace("%1", approve_as)
            self.approve_secret.setPlaceholderText(hint)
            # Wide enough to read whose password it asks (the row has room to spare at 1366).
            wide = self.approve_secret.fontMetrics().horizontalAdvance(hint) + 24
            self.approve_secret.setMinimumWidth(max(220, min(wide, 380)))
        else:
            self.approve_secret.clear()  # nothing typed for the head stays behind
            self.show_approve_error("")
        self.approve_secret.setVisible(asking)
        self.approve_button.setEnabled(
            self._can_approve and (not asking or bool(self.approve_secret.text()))
        )
        if approved_by_us:
            self.approve_button.setToolTip(self.tr("This office approved this revision."))
        elif stepping_up and not approve_blocked:
            self.approve_button.setToolTip(
                self.tr("%1 approves: type their password or PIN beside this button.").replace(
                    "%1", approve_as
                )
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
