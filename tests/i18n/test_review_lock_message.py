"""A local edit refused because the text is in internal review is explained in Indonesian."""

from __future__ import annotations

from mou import models
from mou.clause import update_clause
from tests.agreements_ui.conftest import create_agreement
from ui.agreements.page import Page


def test_edit_in_review_is_refused_in_indonesian(qtbot, context, indonesian) -> None:
    agreement_id = create_agreement(context)
    page = Page(context)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    page.open_agreement(agreement_id)
    editor = page.editor
    editor.save_button.click()
    editor.workflow_bar.buttons["internal_review"].click()
    with context.database.session() as s:
        agreement = s.get(models.Agreement, agreement_id)
        assert agreement.status == "internal_review"
        first = min(agreement.clauses, key=lambda c: c.position)
        uuid, body = first.uuid, first.body
    # An edit reaching the core anyway (a stale screen, a late autosave) is refused there.
    editor._apply(lambda s, a, actor: update_clause(s, a, actor, uuid, body="Diubah."))
    shown = editor.message_bar.text()
    assert editor.message_bar.level == "error"
    assert shown.startswith("Naskah dikunci selama tinjauan internal"), shown
    assert "internal review" not in shown and "internal_review" not in shown
    with context.database.session() as s:
        clause = next(c for c in s.get(models.Agreement, agreement_id).clauses if c.uuid == uuid)
        assert clause.body == body
