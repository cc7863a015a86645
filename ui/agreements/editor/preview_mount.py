"""Mounting the draft preview in the agreement editor: the "Page preview" toggle and its wiring.

Kept apart from the pane itself (``preview.py``) so the pane stays a plain widget that knows
nothing of the editor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QToolButton

from ui.agreements.editor.preview import DraftPreview

if TYPE_CHECKING:
    from ui.agreements.editor.editor import AgreementEditor


def clause_overrides(values: Any) -> dict[str, dict[str, Any]]:
    """The form's pasal (``ClauseData``) as ``draft_document`` overrides."""
    if values is None:
        return {}
    return {
        values.uuid: {
            "heading": values.heading,
            "heading_en": values.heading_en,
            "body": values.body,
            "body_en": values.body_en,
            "ayat": [{"text": t, "text_en": e} for t, e in values.ayat],
        }
    }


def add_preview(editor: AgreementEditor) -> DraftPreview:
    """Mount the preview beside the pasal form and keep it following the edits.

    The preview takes the place of the side panels while it is shown (a "Page preview" toggle in
    the header): at 1366x768 a readable page and the panels do not fit side by side, and the
    side panels already fill their tab bar.
    """
    preview = DraftPreview(editor.context)
    preview.overrides = lambda: clause_overrides(editor.clause_form.values())
    toggle = QToolButton()
    toggle.setText(QCoreApplication.translate("AgreementEditor", "Page preview"))
    toggle.setToolTip(
        QCoreApplication.translate(
            "AgreementEditor",
            "Show the pages as they will print, marked KONSEP, instead of the side panels",
        )
    )
    toggle.setCheckable(True)
    toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    editor.preview_toggle = toggle
    splitter = editor.side_tabs.parentWidget()
    top = editor.header.layout().itemAt(0).layout() if editor.header.layout() else None
    if isinstance(splitter, QSplitter) and isinstance(top, QHBoxLayout):
        splitter.addWidget(preview)
        splitter.setStretchFactor(splitter.indexOf(preview), 3)
        preview.hide()
        top.insertWidget(2, toggle)  # after "← Agreements" and the title

        def toggled(on: bool) -> None:
            sizes = splitter.sizes()
            panel = splitter.indexOf(editor.side_tabs)
            there = splitter.indexOf(preview)
            editor.side_tabs.setVisible(not on)
            preview.setVisible(on)
            # The page gets the width the side panels had, and back.
            width = sizes[panel] if on else sizes[there]
            sizes[there if on else panel] = max(width, 420)
            splitter.setSizes(sizes)

        toggle.toggled.connect(toggled)
    else:  # a rearranged editor: fall back to a tab of the side panel
        editor.side_tabs.addTab(preview, toggle.text())
        toggle.toggled.connect(lambda on: on and editor.side_tabs.setCurrentWidget(preview))

    def shown(uuid: object) -> None:
        # Emitted after every (re)load and pasal change: the agreement may be another one.
        data = editor.data
        preview.set_agreement(data.id if data is not None else None)
        clause = data.clause(uuid) if data is not None and isinstance(uuid, str) else None
        number = clause.number if clause is not None else None
        if number != preview._pasal:  # another pasal chosen: its page comes into view
            preview.show_pasal(number)

    editor.sig_clause_shown.connect(shown)
    editor.clause_form.sig_edited.connect(preview.schedule)
    editor.sig_changed.connect(lambda _id: preview.schedule())
    return preview
