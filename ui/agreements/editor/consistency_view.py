"""Consistency warnings in the editor: a marker on each pasal in the list, the text in the pasal pane.

The checks themselves are ``mou.consistency`` (pure functions over a snapshot). The snapshot is
read from the database when the agreement is (re)loaded or changed, and the pasal being typed is
laid over it from the form, so a warning appears or goes away ~300 ms after typing pauses,
before the autosave.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLabel, QStyle, QWidget
from sqlalchemy.exc import SQLAlchemyError

from mou.agreement import AgreementError, get_agreement
from mou.consistency import ConsistencyWarning, by_clause, check
from mou.revision import snapshot
from ui.agreements.editor.preview import DEBOUNCE_MS
from ui.agreements.editor.preview_mount import clause_overrides
from ui.agreements.messages import consistency_text

if TYPE_CHECKING:
    from ui.agreements.editor.editor import AgreementEditor


class ConsistencyView(QLabel):
    """The warnings of the pasal on screen (hidden when it has none)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consistencyWarnings")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setStyleSheet(
            "QLabel#consistencyWarnings { background: #fff4d6; border: 1px solid #e0b44c;"
            " border-radius: 3px; padding: 4px 6px; color: #5a4100; }"
        )
        self.texts: list[str] = []
        self.hide()

    def show_warnings(self, warnings: list[ConsistencyWarning]) -> None:
        """Show ``warnings`` (translated), or hide when there are none."""
        self.texts = [consistency_text(w.message) for w in warnings]
        if not self.texts:
            self.clear()
            self.hide()
            return
        title = QCoreApplication.translate("ConsistencyView", "Check this pasal:")
        items = "".join(f"<li>{html.escape(t)}</li>" for t in self.texts)
        self.setText(f"<b>{html.escape(title)}</b><ul style='margin:0 0 0 -20px;'>{items}</ul>")
        self.show()


class ConsistencyLink:
    """Keeps the markers and the pane's warnings in step with the editor."""

    def __init__(self, editor: AgreementEditor) -> None:
        self.editor = editor
        self.view = ConsistencyView()
        self.content: dict[str, Any] | None = None
        self.warnings: dict[str | None, list[ConsistencyWarning]] = {}
        self._reread = True
        self._timer = QTimer(editor)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        self._icon = editor.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)

    def schedule(self, *, reread: bool = False) -> None:
        """Check again after the pause (``reread``: the stored agreement changed)."""
        self._reread = self._reread or reread
        self._timer.start()

    def refresh(self) -> None:
        """Run the checks now and update the markers and the pane."""
        self._timer.stop()
        editor = self.editor
        if editor.data is None:
            return
        if self._reread or self.content is None:
            try:
                with editor.context.database.session() as session:
                    self.content = snapshot(get_agreement(session, editor.data.id))
            except (AgreementError, SQLAlchemyError):
                # Gone or unreachable for a moment (deleted, database locked by a backup): the
                # checks wait for the next change instead of raising out of a timer.
                return
            self._reread = False
        content = self.content
        typed = clause_overrides(editor.clause_form.values())
        clauses = [{**c, **typed.get(c["uuid"], {})} for c in content["clauses"]]
        self.warnings = by_clause(check({**content, "clauses": clauses}))
        self.show_markers()

    def show_markers(self) -> None:
        """Marker and tooltip on each pasal with warnings; the current pasal's text in the pane."""
        items = self.editor.clause_list.list
        for row in range(items.count()):
            item = items.item(row)
            found = self.warnings.get(item.data(Qt.ItemDataRole.UserRole), [])
            item.setIcon(self._icon if found else QIcon())
            item.setToolTip("\n".join(consistency_text(w.message) for w in found))
        current = self.editor.clause_list.current_uuid()
        self.view.show_warnings(self.warnings.get(current, []) if current else [])

    def marked(self) -> list[str]:
        """Uuids of the pasal the list marks (tests read this)."""
        items = self.editor.clause_list.list
        return [
            items.item(r).data(Qt.ItemDataRole.UserRole)
            for r in range(items.count())
            if not items.item(r).icon().isNull()
        ]


def add_consistency(editor: AgreementEditor) -> ConsistencyLink:
    """Mount the warnings above the pasal's fields and keep them following the edits."""
    link = ConsistencyLink(editor)
    # Right under "Pasal n", where the drafter's eyes are while editing that pasal.
    editor.clause_form.layout().insertWidget(1, link.view)
    # A small marker: a full-size icon would make the marked row taller than the others.
    editor.clause_list.list.setIconSize(QSize(14, 14))

    def shown(_uuid: object) -> None:
        link.show_markers()  # the list was rebuilt or another pasal chosen: markers at once
        link.schedule(reread=True)

    editor.sig_clause_shown.connect(shown)
    editor.clause_form.sig_edited.connect(link.schedule)
    editor.sig_changed.connect(lambda _id: link.schedule(reread=True))
    return link
