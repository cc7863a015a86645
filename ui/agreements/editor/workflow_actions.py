"""Save revision, workflow steps and approval: the editor's actions on the whole agreement.

A mixin of ``AgreementEditor`` (it uses the editor's ``_apply``, message bar and note field);
kept apart so the editor module stays about its layout and the pasal editing.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog

from mou import models
from mou.agreement import AgreementStatus
from mou.revision import save_revision
from mou.workflow import approve, transition
from ui.agreements.labels import status_label
from ui.hash_label import short_hash

if TYPE_CHECKING:
    from ui.agreements.editor.editor import AgreementEditor


class WorkflowActions:
    """Revision and workflow actions, mixed into ``AgreementEditor``.

    Strings use the editor's translation context, since these are the editor's own texts.
    """

    def save_revision(self: AgreementEditor) -> None:
        """Freeze the working copy as the next round and show its hash."""
        note = self.note_edit.text().strip()
        rev = self._apply(lambda s, a, actor: save_revision(s, a, actor, note))
        if isinstance(rev, models.Revision):
            self.note_edit.clear()
            self.message_bar.show_message(
                QCoreApplication.translate("AgreementEditor", "Saved as round %1, hash %2")
                .replace("%1", str(rev.round))
                .replace("%2", short_hash(rev.hash)),
                "success",
            )

    def request_transition(self: AgreementEditor, target: str) -> None:
        """Move the agreement to ``target``; asks for a reason or the signed PDF where needed."""
        reason = ""
        signed_sha = ""
        if target == AgreementStatus.TERMINATED.value:
            reason, ok = QInputDialog.getText(
                self,
                QCoreApplication.translate("AgreementEditor", "Terminate"),
                QCoreApplication.translate("AgreementEditor", "Why is the agreement terminated?"),
            )
            if not ok:
                return
        if target == AgreementStatus.SIGNED.value:
            path, _ = QFileDialog.getOpenFileName(
                self,
                QCoreApplication.translate("AgreementEditor", "The signed PDF"),
                "",
                QCoreApplication.translate("AgreementEditor", "PDF files (*.pdf)"),
            )
            if not path:
                return
            signed_sha = hashlib.sha256(Path(path).read_bytes()).hexdigest()
        self.transition_to(target, reason=reason, signed_pdf_sha256=signed_sha)

    def transition_to(
        self: AgreementEditor, target: str, *, reason: str = "", signed_pdf_sha256: str = ""
    ) -> bool:
        """Run the workflow step; a refusal shows every unmet condition. True on success."""
        done = self._apply(
            lambda s, a, actor: transition(
                s, a, actor, AgreementStatus(target), reason=reason,
                signed_pdf_sha256=signed_pdf_sha256,
            ) or True
        )  # fmt: skip
        if done:
            self.message_bar.show_message(
                QCoreApplication.translate("AgreementEditor", "The agreement is now: %1").replace(
                    "%1", status_label(target)
                ),
                "success",
            )
        return bool(done)

    def approve(self: AgreementEditor) -> None:
        """Approve the current revision hash for this office."""
        release = not self.context.settings.drafts_need_review  # the office's policy
        approval = self._apply(lambda s, a, actor: approve(s, a, actor, release=release))
        if isinstance(approval, models.Approval):
            self.message_bar.show_message(
                QCoreApplication.translate("AgreementEditor", "Approved revision %1 for %2")
                .replace("%1", short_hash(approval.revision_hash))
                .replace("%2", approval.office_name),
                "success",
            )
