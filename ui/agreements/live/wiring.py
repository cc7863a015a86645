"""Adds the "Live review" tab to the agreement editor and connects it both ways."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from mou.live_review import Suggestion
from ui.agreements.live.link import LiveReviewLink
from ui.agreements.live.live_panel import LivePanel
from ui.agreements.messages import suggestion_reason

if TYPE_CHECKING:
    from ui.agreements.editor.editor import AgreementEditor


def add_live_review(editor: AgreementEditor) -> LiveReviewLink:
    """Create the link and panel for ``editor``; returns the link."""
    link = LiveReviewLink(editor.context, editor)
    panel = LivePanel(link)
    editor.live_link = link
    editor.live_panel = panel
    editor.side_tabs.addTab(panel, QCoreApplication.translate("AgreementEditor", "Live review"))

    def clause_selected(uuid: str | None) -> None:
        data = editor.data
        clause = data.clause(uuid) if (data is not None and uuid) else None
        panel.set_clause(clause, {c.uuid: c.number for c in data.clauses} if data else {})
        if uuid and editor.clause_list.current_uuid() == uuid:
            link.focus(uuid)

    def remote_focus(uuid: str, _office: str) -> None:
        # Only move when needed, so two following editors do not echo focus back and forth.
        if panel.follow_check.isChecked() and editor.clause_list.current_uuid() != uuid:
            editor.clause_list.select_uuid(uuid)

    def accept(suggestion_id: str) -> None:
        editor.autosaver.flush()  # our pending typing is stored before the change is applied
        link.accept(suggestion_id)

    def decided(suggestion: Suggestion) -> None:
        if suggestion.status == "accepted":
            if not suggestion.incoming:
                # Our change, accepted there: one round, saved here and sent, is both offices'.
                number = panel.numbers.get(suggestion.clause_uuid, 0)
                link.save_and_share(f"Agreed in the call: Pasal {number}")
            editor.reload()
            editor.sig_changed.emit(editor.data.id if editor.data else 0)
        elif suggestion.status == "failed":
            editor.show_error(suggestion_reason(suggestion))

    was_active = [False]

    def show_panel() -> None:
        # A live review that starts, or a suggestion that arrives, is shown, not hidden in a tab.
        if link.active:
            editor.side_tabs.setCurrentWidget(panel)

    def active_changed(active: bool) -> None:
        if active and not was_active[0]:
            show_panel()
        was_active[0] = active

    sharing = LiveShare(editor, link)
    editor.live_share = sharing
    link.sig_active_changed.connect(active_changed)
    link.sig_suggestion_received.connect(lambda _s: show_panel())
    panel.share_button.clicked.connect(sharing.share)
    editor.sig_clause_shown.connect(clause_selected)
    link.sig_remote_focus.connect(remote_focus)
    link.sig_suggestion_decided.connect(decided)
    link.sig_error.connect(editor.show_error)
    panel.sig_accept_requested.connect(accept)
    return link


class LiveShare(QObject):
    """Shares the open agreement in the call: the live tab's button, or once the link is up.

    Both ways run :meth:`share`: the working copy is saved as the next round and sent to the
    call's verified parties, signed with the office exchange key (``CallPackages.send``).
    """

    def __init__(self, editor: AgreementEditor, link: LiveReviewLink) -> None:
        super().__init__(editor)
        self.editor = editor
        self.link = link
        self.pending: int | None = None  # agreement to share once the live link is up
        link.sig_active_changed.connect(lambda _active: self._share_pending())

    def share(self) -> bool:
        """Save the open agreement as its next round and send it in the call; True when sent."""
        editor = self.editor
        editor.autosaver.flush()
        if editor.data is None or not self.link.save_and_share("Shared in the call"):
            return False
        editor.reload()
        editor.sig_changed.emit(editor.data.id)
        data = editor.data
        # Only the parties receive it (CallPackages.send): name those in the call.
        peers = set(self.link.peers())
        names = [p.name for p in data.parties if p.name in peers] or sorted(peers)
        editor.message_bar.show_message(
            QCoreApplication.translate(
                "AgreementEditor", "Round %1 was shared with %2 in the call."
            )
            .replace("%2", ", ".join(names))
            .replace("%1", str(data.revision_round)),
            "success",
        )
        return True

    def share_when_live(self, agreement_id: int) -> None:
        """Share ``agreement_id`` as soon as it is open here during a call with its counterpart.

        At once when the live link is already up; else when it comes up, unless another
        agreement was opened meanwhile (then nothing is sent).
        """
        self.pending = agreement_id
        self._share_pending()

    def _share_pending(self) -> None:
        if self.pending is None:
            return
        if self.link.agreement_id != self.pending:
            self.pending = None  # another agreement is open now: it is not sent
            return
        if not (self.link.active and self.link.peers()):
            return  # the call and the agreement have not met yet
        self.pending = None
        if not self.share():
            self.editor.show_error(
                QCoreApplication.translate(
                    "AgreementEditor",
                    "The draft was not shared in the call. Share it from the Live review tab.",
                )
            )
