"""Agreements page: the list (or its empty state) and the editor of one agreement.

Domain events (``mou.events``) arrive on the committing thread; they are posted through the app's
event bridge so the list refreshes on the GUI thread, also after imports or live co-review.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from mou import events as mou_events
from mou.office import Role
from mou.search import count_agreements
from ui.agreements.acting import current_role
from ui.agreements.dialogs import AgreementDialogs
from ui.agreements.domain_events import forward_domain_events, subscribe_while_alive
from ui.agreements.editor.editor import AgreementEditor
from ui.agreements.list_view import AgreementListView
from ui.agreements.new_dialog import NewAgreementDialog
from ui.agreements.obligations_overview import ObligationsOverview
from ui.context import AppContext, CurrentUserChanged
from ui.empty_state import EmptyState, role_hint
from ui.icons import icon
from ui.office_card import OfficeCardActions


class Page(QWidget):
    """Agreements: draft, review, negotiate and approve."""

    navigate_requested = Signal(str)
    sig_agreement_opened = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack)

        self.empty_state = EmptyState(
            self.tr("No agreements yet"),
            self.tr(
                "Start a Kesepakatan Bersama from the standard template, or import a draft that a "
                "counterpart office sent you (a .lintas package). Both offices then review, "
                "comment and approve the same revision."
            ),
            icon("agreements"),
        )
        self.new_button = self.empty_state.add_action(self.tr("New agreement"), primary=True)
        self.import_button = self.empty_state.add_action(self.tr("Import a draft"))
        # A draft from a counterpart imports only once its office card is trusted.
        self.trust_button = self.empty_state.add_action(self.tr("Trust an office card…"))
        self.save_card_button = self.empty_state.add_action(self.tr("Save our office card…"))
        self.empty_message = self.empty_state.message_label.text()
        self.card_actions = OfficeCardActions(context, self)
        self.list_view = AgreementListView(context)
        self.editor = AgreementEditor(context)
        self.obligations_view = ObligationsOverview(context)
        self.dialogs = AgreementDialogs(context, self)
        self.dialogs.before_exchange = self.editor.autosaver.flush
        for widget in (self.empty_state, self.list_view, self.editor, self.obligations_view):
            self.stack.addWidget(widget)

        self.new_button.clicked.connect(self.new_agreement)
        self.import_button.clicked.connect(self.dialogs.import_package)
        self.trust_button.clicked.connect(self.card_actions.choose_trust)
        self.save_card_button.clicked.connect(self.card_actions.choose_save)
        self.list_view.sig_new_requested.connect(self.new_agreement)
        self.list_view.sig_import_requested.connect(self.dialogs.import_package)
        self.list_view.sig_open_requested.connect(self.open_agreement)
        self.list_view.sig_export_card_requested.connect(self.card_actions.choose_save)
        self.list_view.sig_trust_card_requested.connect(self.card_actions.choose_trust)
        self.editor.sig_close_requested.connect(self.show_list)
        self.list_view.sig_obligations_requested.connect(self.show_obligations)
        self.obligations_view.sig_back_requested.connect(self.show_list)
        self.obligations_view.sig_open_requested.connect(self.open_agreement)
        self.editor.sig_changed.connect(lambda _id: self._schedule_refresh())
        self.editor.sig_redline_requested.connect(self.dialogs.show_redline)
        self.editor.sig_compare_dialog_requested.connect(self.dialogs.compare_revisions)
        self.editor.sig_pick_apps_requested.connect(self.dialogs.pick_apps)
        self.editor.sig_export_requested.connect(self.dialogs.export_package)
        self.editor.sig_import_requested.connect(self.dialogs.import_into)
        self.editor.sig_reconcile_requested.connect(self.dialogs.reconcile)
        self.dialogs.sig_reconciled.connect(lambda _id: self.editor.reload())
        self.dialogs.sig_agreement_imported.connect(self.open_agreement)
        self.dialogs.sig_annex_picked.connect(self.editor.annex.apply_pick)

        # Coalesce bursts of domain events (an import commits many rows) into one refresh.
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(100)
        self._refresh_timer.timeout.connect(self.refresh)
        bridge = context.bridge
        for event_type in (
            mou_events.AgreementCreated,
            mou_events.StateChanged,
            mou_events.PackageImported,
        ):
            subscribe_while_alive(bridge, self, event_type, self._on_domain_event)
        subscribe_while_alive(bridge, self, CurrentUserChanged, self._on_user_changed)
        from ui.agreements.live.call_packages import AgreementAgreedInCall, AgreementSharedInCall

        subscribe_while_alive(bridge, self, AgreementSharedInCall, self._shared_in_call)
        subscribe_while_alive(bridge, self, AgreementAgreedInCall, self._shared_in_call)
        forward_domain_events(bridge)
        self._update_role_actions()
        self.refresh()

    def shutdown(self) -> None:
        """Save pending edits and stop listening (the main window calls this on close)."""
        self.editor.autosaver.flush()
        self.context.bridge.unsubscribe(self._on_domain_event)
        self.context.bridge.unsubscribe(self._on_user_changed)

    def _on_domain_event(self, _event: object) -> None:
        self._schedule_refresh()

    def _update_role_actions(self) -> None:
        # Only a drafter starts agreements (the domain's rule); others see why, not a refusal.
        drafter = current_role(self.context) is Role.DRAFTER
        self.new_button.setVisible(drafter)  # the empty state offers only what the user can do
        self.empty_state.message_label.setText(
            self.empty_message + "\n\n" + role_hint(current_role(self.context))
        )
        self.list_view.new_button.setEnabled(drafter)
        self.list_view.new_button.setToolTip(
            "" if drafter else self.tr("Only a drafter can start a new agreement.")
        )

    def _on_user_changed(self, _event: object) -> None:
        self._update_role_actions()
        # Roles differ per user: rebuild the workflow buttons and editability.
        if self.stack.currentWidget() is self.editor and self.editor.data is not None:
            self.editor.autosaver.flush()
            self.editor.reload()

    def _schedule_refresh(self) -> None:
        self._refresh_timer.start()

    def refresh(self) -> None:
        """Show the empty state, or refresh the list (the editor stays as it is)."""
        with self.context.database.session() as session:
            count = count_agreements(session)
        self.list_view.reload_counterparts()
        self.list_view.refresh()
        if self.stack.currentWidget() is self.obligations_view:
            self.obligations_view.refresh()
        if self.stack.currentWidget() in (self.editor, self.obligations_view):
            return
        self.stack.setCurrentWidget(self.list_view if count else self.empty_state)

    def show_list(self) -> None:
        """Back from the editor to the list."""
        self.stack.setCurrentWidget(self.list_view)
        self.refresh()

    def show_obligations(self) -> None:
        """The obligations tracker across every agreement."""
        self.obligations_view.refresh()
        self.stack.setCurrentWidget(self.obligations_view)

    def new_agreement(self, *, counterpart: str | None = None) -> int | None:
        """Ask for the details and create a draft from a template; opens it.

        ``counterpart``: a trusted office's display name to preselect (e.g. from a call). When
        that office is verified in the call open now, the dialog offers to share the draft in
        it, and the draft is sent as soon as its live link is up (as the live tab's button does).
        """
        dialog = NewAgreementDialog(self.context, self)
        if counterpart:
            dialog.reload_counterparts(chosen=counterpart)
            in_call = self.editor.live_link.verified_offices()
            if counterpart in in_call:
                dialog.offer_share(in_call)
        if dialog.exec() and dialog.created_id is not None:
            self.open_agreement(dialog.created_id)
            if dialog.share_requested():
                self.editor.live_share.share_when_live(dialog.created_id)
            return dialog.created_id
        return None

    def _shared_in_call(self, event: object) -> None:
        """An agreement arrived in the call: reload it when open, else open it (not over another)."""
        agreement_id = event.agreement_id  # type: ignore[attr-defined]
        if self.stack.currentWidget() is self.editor:
            data = self.editor.data
            if data is not None and data.id == agreement_id:
                self.editor.reload()
            return
        if self.stack.currentWidget() is not self.obligations_view:
            self.open_agreement(agreement_id)

    # -- the window's menu bar (ui.menu_bar) acts on the open agreement through these -----

    def _editing(self) -> bool:
        return self.stack.currentWidget() is self.editor and self.editor.data is not None

    def current_undo_stack(self) -> QUndoStack | None:
        """The open agreement's undo history (Edit > Undo/Redo), ``None`` without one."""
        return self.editor.undo_stack() if self._editing() else None

    def undo(self) -> None:
        """Edit > Undo in the open agreement."""
        if self._editing():
            self.editor.undo()

    def redo(self) -> None:
        """Edit > Redo in the open agreement."""
        if self._editing():
            self.editor.redo()

    def save_blocked_reason(self) -> str | None:
        """Why Ctrl+S cannot save a revision now, or ``None`` when it can."""
        if not self._editing():
            return self.tr("Open an agreement to save a revision of it.")
        if not self.editor.save_button.isEnabled():
            return self.editor.save_button.toolTip() or self.tr(
                "This agreement cannot be changed now, so there is no revision to save."
            )
        return None

    def save_current(self) -> None:
        """Ctrl+S: save the open agreement as its next revision (as its Save button does)."""
        self.editor.save_button.click()

    def print_blocked_reason(self) -> str | None:
        """Why Ctrl+P cannot print now: only an open agreement's draft prints from here."""
        if not self._editing():
            return self.tr(
                "Open an agreement to print its draft. Signed agreements are printed from "
                "the Archive."
            )
        return None

    def print_current(self) -> None:
        """Ctrl+P: print the open agreement's draft (KONSEP), with the typing saved first."""
        from ui.agreements.draft_print import DraftPrinter

        if self.editor.data is None or not self.editor.autosaver.flush():
            return
        self.draft_printer = DraftPrinter(self.context, self)
        self.draft_printer.print_draft(self.editor.data.id)

    def help_topic(self) -> str:
        """F1: the editor's help while an agreement is open, else the list's."""
        return "editor" if self._editing() else "agreements"

    def open_agreement(self, agreement_id: int) -> None:
        """Open an agreement in the editor."""
        self.editor.open_agreement(agreement_id)
        self.stack.setCurrentWidget(self.editor)
        self.sig_agreement_opened.emit(agreement_id)
