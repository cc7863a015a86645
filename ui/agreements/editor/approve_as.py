""""Approve" asks the head of region's password when someone else is acting.

The approval of a round is the head's act (a Signatory; a reviewer too while negotiating). The
person at the keyboard during a live review is usually the drafter, so approving used to be
"Acting as" → the head → their password → Switch → Approve. Here the Approve click itself
names who approves and asks that person's password or PIN, the same check as "Acting as"
(:class:`ui.pin_dialog.PinDialog`, with its pause after a wrong try); on the right one Lintas
acts as the head from then on (shown in the header) and the approval is recorded in their
name. Nothing is approved without that password, and nothing changes on Cancel.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from mou import office as office_api
from mou.agreement import AgreementStatus
from mou.models import LocalUser
from mou.office import Role
from mou.workflow import APPROVER_ROLES, RELEASED_BY_APPROVAL
from ui.agreements.acting import current_role
from ui.hash_label import short_hash
from ui.pin_dialog import PinDialog

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
    return next(
        (u for u in users if u.role == Role.SIGNATORY.value and u.secret_hash), None
    )


class ApproveAs:
    """Mixed into ``AgreementEditor``: the Approve button's click."""

    def request_approve(self: AgreementEditor) -> None:
        """Approve now when the acting user may; else ask the head's password first."""
        data = self.data
        if data is None:
            return
        if current_role(self.context) in approvers_for(data.status):
            self.approve()
            return
        head = head_of_region(self.context)
        if head is None:  # the button is disabled then; a stale click does nothing
            return
        dialog = PinDialog(self.context, head.id, head.name, self)
        dialog.setWindowTitle(_tr("Approve as %1").replace("%1", head.name))
        dialog.ok_button.setText(_tr("Approve"))
        # Say what the password is for: whose approval, of which round, for which office.
        dialog.prompt.setText(
            _tr("%1 approves round %2 (hash %3) for %4. Type the password or PIN of %1:")
            .replace("%2", str(data.revision_round))
            .replace("%3", short_hash(data.revision_hash))
            .replace("%4", self.context.office.display_name)
            .replace("%1", head.name)
        )
        dialog.setMinimumWidth(460)
        dialog.sig_confirmed.connect(lambda _id, user=head: self._approve_as(user))
        self.approve_as_dialog = dialog
        dialog.open()

    def _approve_as(self: AgreementEditor, user: LocalUser) -> None:
        self.context.set_current_user(user)  # the head acts from now on, as with "Acting as"
        self.approve()
