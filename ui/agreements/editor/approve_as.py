"""Approve with the head of region's password typed beside the button when someone else acts.

The approval of a round is the head's act (a Signatory; a reviewer too while negotiating). The
person at the keyboard during a live review is usually the drafter, so approving used to be
"Acting as" → the head → their password → Switch → Approve, then a dialog asking the password
after the click. Now the workflow bar shows a field for that password beside the button, named
after the head (:attr:`~ui.agreements.editor.workflow_bar.WorkflowBar.approve_secret`): typing
it and clicking Approve (or Enter) is the whole step. The password is checked at the click, the
same check as "Acting as" (:func:`ui.pin_dialog.check_secret`, with the same per-user pause after
a wrong try, shared with the dialog and the call's trust bar); on the right one Lintas acts as the
head from then on (shown in the header) and the approval is recorded in their name. A wrong one
approves nothing, empties the field and says why under it.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from mou import office as office_api
from mou.agreement import AgreementStatus
from mou.models import LocalUser
from mou.office import OfficeError, Role
from mou.workflow import APPROVER_ROLES, RELEASED_BY_APPROVAL
from ui.agreements.acting import current_role
from ui.office_messages import office_error_text
from ui.pin_dialog import check_secret, secret_pause

if TYPE_CHECKING:
    from ui.agreements.editor.editor import AgreementEditor
    from ui.context import AppContext


def _tr(text: str) -> str:
    return QCoreApplication.translate("ApproveAs", text)


def approvers_for(status: str) -> frozenset[Role]:
    """Who may approve in ``status`` (a draft's release by approval is the Signatory's)."""
    if AgreementStatus(status) in RELEASED_BY_APPROVAL:
        return frozenset({Role.SIGNATORY})
    return APPROVER_ROLES


def head_of_region(context: AppContext) -> LocalUser | None:
    """The office's signatory who approves for it (the first one with a password or PIN)."""
    with context.database.session() as session:
        users = office_api.local_users(session)
    return next((u for u in users if u.role == Role.SIGNATORY.value and u.secret_hash), None)


class ApproveAs:
    """Mixed into ``AgreementEditor``: the Approve button's click."""

    def request_approve(self: AgreementEditor) -> None:
        """Approve now when the acting user may; else check the head's password typed first."""
        data = self.data
        if data is None:
            return
        if current_role(self.context) in approvers_for(data.status):
            self.approve()
            return
        head = head_of_region(self.context)
        bar = self.workflow_bar
        if head is None or not bar.asks_secret:  # nobody to ask: the button is disabled then
            return
        if not self._head_confirmed(head):
            return
        bar.approve_secret.clear()
        bar.show_approve_error("")
        self.context.set_current_user(head)  # the head acts from now on, as with "Acting as"
        self.approve()

    def _head_confirmed(self: AgreementEditor, head: LocalUser) -> bool:
        """Check the password typed in the bar; say under it why not when it is refused."""
        bar = self.workflow_bar

        def wrong(seconds: int) -> str:
            # %2 first: a name never turns into a number of seconds.
            return (
                _tr("That is not the right password or PIN of %1. Try again in %2 s.")
                .replace("%2", str(seconds))
                .replace("%1", head.name)
            )

        pause = secret_pause(self.context, head.id)
        if pause > 0:  # still resting after a wrong try: refused without checking
            bar.show_approve_error(wrong(math.ceil(pause)))
            return False
        try:
            pause = check_secret(self.context, head.id, bar.approve_secret.text())
        except OfficeError as error:  # the head was removed meanwhile
            bar.show_approve_error(office_error_text(error))
            return False
        if pause is None:
            return True
        bar.approve_secret.clear()
        bar.show_approve_error(wrong(pause))
        return False
