"""The agreement editor: pasal list | pasal body | side panels, with autosave and workflow.

Text edits go to the working copy in the database a moment after the user pauses (``Autosaver``),
so a crash loses nothing; "Save revision" freezes the working copy as the next immutable round.
Structural edits (insert, move, delete a pasal or ayat) first flush pending text, then apply.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from mou import models
from mou.agreement import AgreementError, AgreementStatus, get_agreement
from mou.clause import update_ayat, update_clause
from mou.db import ConcurrentEditError
from mou.office import Actor
from mou.workflow import WorkflowError, approvals_of, available_messages
from mou.working_copy import CLAUSES, parts
from ui.agreements.acting import actor_for, current_role, required_actor
from ui.agreements.editor.annex_panel import AnnexPanel
from ui.agreements.editor.approve_as import ApproveAs, head_of_region
from ui.agreements.editor.autosave import Autosaver
from ui.agreements.editor.clause_form import ClauseForm
from ui.agreements.editor.clause_list import ClauseListPanel
from ui.agreements.editor.comments_panel import CommentsPanel
from ui.agreements.editor.consistency_view import add_consistency
from ui.agreements.editor.details_panel import DetailsPanel
from ui.agreements.editor.header import EditorHeader
from ui.agreements.editor.obligations_panel import ObligationsPanel
from ui.agreements.editor.preview_mount import add_preview
from ui.agreements.editor.review_lock import ReviewLockBanner
from ui.agreements.editor.review_rules import ReviewRules, review_facts
from ui.agreements.editor.revisions_panel import RevisionsPanel
from ui.agreements.editor.side_tabs import SideTabs
from ui.agreements.editor.snapshot import AgreementData, load
from ui.agreements.editor.structure import StructureEdits
from ui.agreements.editor.undo import UndoSupport
from ui.agreements.editor.workflow_actions import WorkflowActions
from ui.agreements.editor.workflow_bar import WorkflowBar
from ui.agreements.labels import status_label
from ui.agreements.live.wiring import add_live_review
from ui.agreements.message_bar import MessageBar
from ui.agreements.messages import error_text
from ui.context import AppContext
from ui.hash_label import short_hash

Edit = Callable[[Session, models.Agreement, Actor], object]


class AgreementEditor(
    UndoSupport, StructureEdits, ReviewRules, WorkflowActions, ApproveAs, QWidget
):
    """Edits one agreement; emits ``sig_close_requested`` for the way back to the list."""

    sig_close_requested = Signal()
    sig_changed = Signal(int)  # agreement id: the list refreshes
    sig_redline_requested = Signal(int, int)  # old revision id, new revision id
    sig_compare_dialog_requested = Signal(int)  # agreement id
    sig_pick_apps_requested = Signal(int)  # agreement id
    sig_export_requested = Signal(int)  # agreement id
    sig_import_requested = Signal(int)  # agreement id: import the counterpart's reply into it
    sig_reconcile_requested = Signal(int)  # agreement id
    sig_clause_shown = Signal(object)  # clause uuid or None (the live-review tab follows it)
    # The undo history a window's Edit menu should act on: this editor's when it is shown,
    # None when it is hidden.
    sig_undo_stack_changed = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.data: AgreementData | None = None
        self.autosaver = Autosaver(self._write_form, parent=self)
        self._setup_undo()
        layout = QVBoxLayout(self)

        self.header = EditorHeader(self.undo_action, self.redo_action)
        layout.addWidget(self.header)
        # Short names for the header's parts (the editor's methods and tests use them).
        header = self.header
        self.back_button, self.title_label = header.back_button, header.title_label
        self.state_label, self.revision_label = header.state_label, header.revision_label
        self.autosave_label, self.note_edit = header.autosave_label, header.note_edit
        self.save_button, self.export_button = header.save_button, header.export_button
        self.back_button.clicked.connect(self.close_editor)

        self.workflow_bar = WorkflowBar()
        layout.addWidget(self.workflow_bar)
        self.message_bar = MessageBar()
        layout.addWidget(self.message_bar)
        self.lock_banner = ReviewLockBanner()
        layout.addWidget(self.lock_banner)
        self.lock_banner.sig_return_requested.connect(
            lambda: self.request_transition(AgreementStatus.DRAFT.value)
        )
        self.workflow_bar.sig_open_comments_requested.connect(self.show_open_comments)

        self.clause_list = ClauseListPanel()
        self.clause_form = ClauseForm()
        self.comments = CommentsPanel(context)
        self.obligations = ObligationsPanel(context)
        self.annex = AnnexPanel(context)
        self.revisions = RevisionsPanel(context)
        self.side_tabs = SideTabs()  # labels wrap onto a second row at 1366x768
        self.side_tabs.addTab(self.comments, self.tr("Comments"))
        self.side_tabs.addTab(self.obligations, self.tr("Obligations"))
        self.side_tabs.addTab(self.annex, self.tr("Lampiran"))
        self.side_tabs.addTab(self.revisions, self.tr("Revisions"))
        self.details = DetailsPanel(context)
        self.side_tabs.addTab(self.details, self.tr("Details"))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.clause_list)
        splitter.addWidget(self.clause_form)
        splitter.addWidget(self.side_tabs)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setStretchFactor(2, 3)
        splitter.setSizes([230, 520, 470])
        layout.addWidget(splitter, 1)

        self.clause_list.sig_selected.connect(self._select_clause)
        self.clause_list.sig_insert_requested.connect(self.insert_clause)
        self.clause_list.sig_move_requested.connect(self.move_clause)
        self.clause_list.sig_delete_requested.connect(self.delete_clause)
        self.clause_form.sig_edited.connect(self._form_edited)
        self.clause_form.sig_add_ayat.connect(self.add_ayat)
        self.clause_form.sig_delete_ayat.connect(self.delete_ayat)
        self.clause_form.sig_move_ayat.connect(self.move_ayat)
        self.autosaver.sig_saved.connect(self._autosaved)
        self.autosaver.sig_failed.connect(self.show_error)
        self.save_button.clicked.connect(self.save_revision)
        self.export_button.clicked.connect(lambda: self._emit_for(self.sig_export_requested))
        header.import_button.clicked.connect(lambda: self._emit_for(self.sig_import_requested))
        self.workflow_bar.sig_transition_requested.connect(self.request_transition)
        self.workflow_bar.sig_approve_requested.connect(self.request_approve)
        for panel in (self.comments, self.obligations, self.annex, self.details):
            panel.sig_error.connect(self.show_error)
            panel.sig_changed.connect(self._panel_changed)
        # A refused detail snaps back to the stored value, so the form never shows unsaved text.
        self.details.sig_error.connect(lambda _m: self.data and self.details.set_data(self.data))
        self.annex.sig_pick_requested.connect(lambda: self._emit_for(self.sig_pick_apps_requested))
        self.revisions.sig_compare_requested.connect(self.sig_redline_requested)
        self.revisions.sig_compare_dialog_requested.connect(
            lambda: self._emit_for(self.sig_compare_dialog_requested)
        )
        self.annex.sig_undoable.connect(self._panel_edited)
        self.details.sig_undoable.connect(self._panel_edited)
        form = self.clause_form
        self.watch_undo_keys(
            form.heading_edit, form.heading_en_edit, form.body_edit, form.body_en_edit
        )
        form.ayat_delegate.key_filter = self.undo_keys
        self.live_link = add_live_review(self)
        self.preview = add_preview(self)
        self.consistency = add_consistency(self)

    # -- loading ---------------------------------------------------------------------------

    def open_agreement(self, agreement_id: int) -> None:
        """Show ``agreement_id`` (pending edits of the previous one are saved first)."""
        self.autosaver.flush()
        self.message_bar.clear()
        self.autosave_label.clear()
        self.data = None
        self.undo_stack().clear()
        self.set_expected(None)
        self.reload(agreement_id=agreement_id)
        self.live_link.attach(agreement_id)

    def reload(self, select_uuid: str | None = None, *, agreement_id: int | None = None) -> None:
        """Re-read the agreement and refresh every part of the editor."""
        agreement_id = agreement_id if agreement_id is not None else self._id()
        if agreement_id is None:
            return
        keep = select_uuid or self.clause_list.current_uuid()
        # Pending typing is written first. If even that is refused (the agreement left an
        # editable state meanwhile) the refusal is shown and the stored text is reloaded.
        self.autosaver.flush()
        self.autosaver.discard()
        with self.context.database.session() as session:
            self.data = load(session, agreement_id, actor_for(self.context, session))
            actor = actor_for(self.context, session)
            agreement = get_agreement(session, agreement_id)
            steps = available_messages(session, agreement, actor) if actor else []
            self.check_history(parts(agreement), self.data.can_edit)
            facts = review_facts(session, agreement, actor)
            current = agreement.current_revision
            ours = (
                actor is not None
                and current is not None
                and any(
                    a.office_uuid == actor.office_uuid
                    for a in approvals_of(session, agreement, current.hash)
                )
            )
        data = self.data
        self.title_label.setText(data.title)
        self.state_label.setText(status_label(data.status))
        self._show_revision_line()
        self.show_save_state()
        self.show_review_state(facts)
        self.workflow_bar.set_state(
            data.status, current_role(self.context), steps, ours,
            approve_blocked=facts.approve_blocked, open_comments=self.open_comments_text,
            release_on_approve=not self.context.settings.drafts_need_review,
            revision=(
                (data.revision_round, data.revision_hash)
                if data.revision_hash and not data.dirty else None
            ),
            approve_as=head.name if (head := head_of_region(self.context)) else "",
        )  # fmt: skip
        self.clause_list.set_editable(data.can_edit)
        self.clause_form.set_editable(data.can_edit)
        self.save_button.setEnabled(data.can_edit or data.dirty)
        if keep is None or data.clause(keep) is None:
            keep = data.clauses[0].uuid if data.clauses else None
        self.clause_list.set_clauses(data.clauses, keep)
        self.clause_list.set_open_counts(facts.open_counts)
        self._select_clause(keep)
        self.obligations.set_agreement(data.id)
        self.annex.set_agreement(data.id)
        self.revisions.set_agreement(data.id)
        self.details.set_data(data)
        if data.branches > 1 and not self.message_bar.isVisible():
            # An import diverged and was not reconciled yet: keep offering it.
            self.message_bar.show_message(
                self.tr(
                    "This agreement has %1 diverging versions (both offices edited the same "
                    "round). Reconcile them before approving."
                ).replace("%1", str(data.branches)),
                "info",
                (self.tr("Reconcile…"), lambda: self.sig_reconcile_requested.emit(data.id)),
            )
        self.annex.pick_button.setEnabled(data.can_edit)
        self.obligations.set_editable(data.can_edit)
        self.annex.set_editable(data.can_edit)

    def _show_revision_line(self) -> None:
        data = self.data
        if data is None:
            return
        if data.revision_hash is None:
            text = self.tr("No revision saved yet")
        else:
            text = self.tr("Round %1 · hash %2").replace("%1", str(data.revision_round))
            text = text.replace("%2", short_hash(data.revision_hash))
        awaiting = ""
        if data.missing_approvals and data.status == AgreementStatus.NEGOTIATION.value:
            awaiting = "· " + self.tr("awaiting approval by: %1").replace(
                "%1", ", ".join(data.missing_approvals)
            )
        self.header.awaiting_label.setText(awaiting)
        self.revision_label.setText(text)
        self.revision_label.set_full_hash(data.revision_hash)

    def _id(self) -> int | None:
        return self.data.id if self.data is not None else None

    def _emit_for(self, signal: Signal) -> None:
        if self.data is not None and self.autosaver.flush():
            signal.emit(self.data.id)

    def _select_clause(self, uuid: str | None) -> None:
        self.autosaver.flush()
        clause = self.data.clause(uuid) if (self.data and uuid) else None
        self.clause_form.set_clause(clause)
        numbers = {c.uuid: c.number for c in self.data.clauses} if self.data else {}
        self.comments.set_target(self._id(), uuid, numbers)
        self.sig_clause_shown.emit(uuid)

    # -- autosave --------------------------------------------------------------------------

    def _form_edited(self) -> None:
        values = self.clause_form.values()
        if values is not None:
            self.clause_list.update_heading(values)
        self.autosave_label.setText(self.tr("Editing…"))
        self.autosaver.mark_dirty()

    def _write_form(self) -> None:
        """Write the form's pasal into the working copy (the autosaver calls this)."""
        values = self.clause_form.values()
        if values is None or self.data is None:
            return
        stored = self.data.clause(values.uuid)
        with self.context.database.session() as session:
            actor = self._require_actor(session)
            agreement = get_agreement(session, self.data.id)
            before = parts(agreement)
            update_clause(
                session,
                agreement,
                actor,
                values.uuid,
                heading=values.heading,
                heading_en=values.heading_en,
                body=values.body,
                body_en=values.body_en,
            )
            old_ayat = stored.ayat if stored else []
            for number, (text, text_en) in enumerate(values.ayat, start=1):
                if number > len(old_ayat) or old_ayat[number - 1] != (text, text_en):
                    update_ayat(
                        session, agreement, actor, values.uuid, number, text=text, text_en=text_en
                    )
            session.flush()
            after = parts(agreement)
        self.record_edit(
            self.tr("Edit Pasal %1").replace("%1", str(values.number)),
            {CLAUSES: before[CLAUSES]},
            {CLAUSES: after[CLAUSES]},
            (values.uuid, values.uuid),
        )
        self.set_expected(after)
        if stored is not None:
            stored.heading, stored.heading_en = values.heading, values.heading_en
            stored.body, stored.body_en, stored.ayat = values.body, values.body_en, values.ayat
        self.data.dirty = True

    def _autosaved(self) -> None:
        self.show_save_state(kept_at=QTime.currentTime().toPython())
        self._show_revision_line()
        if self.data is not None:
            self.sig_changed.emit(self.data.id)

    def _require_actor(self, session: Session) -> Actor:
        actor = required_actor(self.context, session)
        return actor

    # -- structural edits ------------------------------------------------------------------

    def _apply(
        self, edit: Edit, select_uuid: str | None = None, undo_text: str | None = None
    ) -> object:
        """Flush pending text, run ``edit`` in one transaction, reload; show refusals.

        With ``undo_text`` the edit's change to the pasal and Lampiran becomes one undo step.
        """
        if self.data is None or not self.autosaver.flush():
            return None
        shown = self.clause_list.current_uuid()
        try:
            with self.context.database.session() as session:
                agreement = get_agreement(session, self.data.id)
                before = parts(agreement)
                result = edit(session, agreement, self._require_actor(session))
                if isinstance(result, models.Clause):
                    select_uuid = result.uuid
                session.flush()
                after = parts(agreement)
        except ConcurrentEditError as exc:
            # Another user (shared database) saved this agreement first: keep the screen as it
            # is so the user sees what they tried, and let them reload the other's version.
            self.message_bar.show_message(
                error_text(exc), "error", (self.tr("Reload"), self.reload)
            )
            return None
        except (AgreementError, WorkflowError) as exc:
            self.show_error(error_text(exc))
            self.reload()
            return None
        if undo_text is not None:
            self.record_edit(undo_text, before, after, (shown, select_uuid))
        self.set_expected(after)
        self.message_bar.clear()
        self.reload(select_uuid)
        self.sig_changed.emit(self.data.id)
        return result

    def _panel_edited(self, text: str, before: object, after: object) -> None:
        assert isinstance(before, dict) and isinstance(after, dict)
        self.record_edit(text, before, after, (self.clause_list.current_uuid(),) * 2)
        if self._expected is not None:
            self.set_expected({**self._expected, **after})

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.sig_undo_stack_changed.emit(self.undo_stack())

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        super().hideEvent(event)
        self.sig_undo_stack_changed.emit(None)

    def show_error(self, message: str) -> None:
        """Show a refusal from the domain in the message bar."""
        self.message_bar.show_message(message, "error")

    def _panel_changed(self) -> None:
        if self.data is None:
            return
        keep = self.message_bar.text() if self.message_bar.level == "success" else ""
        self.reload()
        if not keep:
            self.message_bar.clear()
        self.sig_changed.emit(self.data.id)

    def close_editor(self) -> None:
        """Save pending edits and go back to the list."""
        if self.autosaver.flush():
            self.sig_close_requested.emit()
