"""Review rules in the editor: the lock in internal review, what an approval is of, honest states.

A mixin of ``AgreementEditor``. It decides from the stored agreement (read in the editor's
``reload``) what the drafter may do now, and shows it before a click instead of refusing after
one: the text is read-only in internal review (``ReviewLockBanner`` says why and who unlocks
it), "Approve round N (hash)" names what one click approves, a workflow step that cannot run is disabled
with its reasons as a tooltip, open comments are named by pasal, and one label tells the save
state of the working copy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from sqlalchemy import select
from sqlalchemy.orm import Session

from mou import models
from mou.agreement import AgreementStatus
from mou.office import Actor, Role
from mou.revision import is_dirty
from ui.agreements.acting import current_role
from ui.agreements.editor.open_comments import describe, first_pasal, open_counts
from ui.datestyle import short_time

if TYPE_CHECKING:
    import datetime as dt

    from ui.agreements.editor.editor import AgreementEditor


@dataclass
class ReviewFacts:
    """What the review rules need from the database, read once per reload."""

    open_counts: dict[str | None, int] = field(default_factory=dict)
    reviewers: list[str] = field(default_factory=list)
    approve_blocked: str = ""


def review_facts(session: Session, agreement: models.Agreement, actor: Actor | None) -> ReviewFacts:
    """Open comments per pasal, this office's reviewers and why approving is impossible now."""
    reviewers = list(
        session.scalars(
            select(models.LocalUser.name)
            .where(models.LocalUser.role == Role.REVIEWER.value)
            .where(models.LocalUser.active.is_(True))
            .order_by(models.LocalUser.name)
        )
    )
    blocked = ""
    if agreement.current_revision is None or is_dirty(agreement):
        blocked = QCoreApplication.translate(
            "AgreementEditor",
            "Save the latest edits as a revision first; approval is of a saved revision.",
        )
    return ReviewFacts(open_counts(session, agreement.id), reviewers, blocked)


class ReviewRules:
    """The review rules, mixed into ``AgreementEditor``."""

    def show_review_state(self: AgreementEditor, facts: ReviewFacts) -> None:
        """Lock banner, open-comment markers and link (called by ``reload``)."""
        data = self.data
        assert data is not None
        self._review_facts = facts
        numbers = {c.uuid: c.number for c in data.clauses}
        if data.status == AgreementStatus.INTERNAL_REVIEW.value:
            reviewer = current_role(self.context) is Role.REVIEWER
            self.lock_banner.show_lock(facts.reviewers, may_return=reviewer)
        else:
            self.lock_banner.hide()
        self.open_comments_text = describe(facts.open_counts, numbers)

    def show_open_comments(self: AgreementEditor) -> None:
        """Go to the first pasal with an open comment and show its comments."""
        facts = getattr(self, "_review_facts", None)
        if self.data is None or facts is None:
            return
        uuid = first_pasal(facts.open_counts, {c.uuid: c.number for c in self.data.clauses})
        self.comments.all_check.setChecked(uuid is None)
        if uuid is not None:
            self.clause_list.select_uuid(uuid)
        self.side_tabs.setCurrentWidget(self.comments)

    def show_save_state(self: AgreementEditor, kept_at: dt.time | None = None) -> None:
        """One honest label for the working copy: kept but not a revision, or saved as one."""
        data = self.data
        if data is None:
            return
        if data.dirty or data.revision_hash is None:
            text = QCoreApplication.translate(
                "AgreementEditor", "Changes kept, not yet a revision"
            )
            if kept_at is not None:
                text = QCoreApplication.translate(
                    "AgreementEditor", "Changes kept at %1, not yet a revision"
                ).replace("%1", short_time(kept_at))
        else:
            text = QCoreApplication.translate(
                "AgreementEditor", "All changes saved in round %1"
            ).replace("%1", str(data.revision_round))
        self.autosave_label.setText(text)
