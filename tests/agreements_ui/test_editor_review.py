"""Review rules in the editor: lock in internal review, confirmed approval, disabled steps with
reasons, one save state, open-comment markers and the "still open in Pasal N" link, readable
comments."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from mou import models
from mou.agreement import AgreementStatus
from mou.office import Role
from tests.agreements_ui.conftest import act_as, create_agreement
from tests.agreements_ui.test_editor_table import open_page
from ui.agreements.editor.open_comments import BADGE_COLOUR

LONG_COMMENT = (
    "Mohon jangka waktu diubah menjadi tiga tahun, karena anggaran daerah untuk pemeliharaan "
    "aplikasi hanya tersedia sampai tahun 2029 dan kerja sama perlu dievaluasi lebih dahulu "
    "sebelum diperpanjang oleh kedua pihak."
)


def badge_pixels(clauses, row: int) -> int:
    """Pixels of the badge colour in the right end of a row of the pasal list, as painted."""
    view = clauses.list
    rect = view.visualItemRect(view.item(row))
    image = view.viewport().grab().toImage()
    found = 0
    for x in range(max(rect.right() - 40, 0), rect.right()):
        for y in range(rect.top(), rect.bottom()):
            colour = QColor(image.pixel(x, y))
            if abs(colour.red() - BADGE_COLOUR.red()) + abs(colour.green() - BADGE_COLOUR.green()) \
                    + abs(colour.blue() - BADGE_COLOUR.blue()) < 30:  # fmt: skip
                found += 1
    return found


def status(context, agreement_id: int) -> str:
    with context.database.session() as session:
        return session.get(models.Agreement, agreement_id).status


def approvals(context, agreement_id: int) -> int:
    with context.database.session() as session:
        return session.query(models.Approval).filter_by(agreement_id=agreement_id).count()


def submitted(qtbot, context):
    agreement_id = create_agreement(context)
    page = open_page(qtbot, context, agreement_id)
    editor = page.editor
    editor.save_button.click()
    editor.workflow_bar.buttons["internal_review"].click()
    assert status(context, agreement_id) == AgreementStatus.INTERNAL_REVIEW
    return page, editor, agreement_id


def test_the_text_is_locked_in_internal_review_and_a_reviewer_unlocks_it(qtbot, context):
    page, editor, agreement_id = submitted(qtbot, context)
    form = editor.clause_form
    # The drafter who submitted cannot change the text any more, and is told why and by whom.
    assert form.heading_edit.isReadOnly() and form.body_edit.isReadOnly()
    assert not form.add_ayat_button.isEnabled()
    assert form.ayat_table.editTriggers() == form.ayat_table.EditTrigger.NoEditTriggers
    assert not editor.clause_list.insert_button.isEnabled()
    assert not editor.annex.pick_button.isEnabled()
    assert editor.details.title_edit.isReadOnly()
    assert editor.lock_banner.isVisible()
    assert "locked" in editor.lock_banner.text()
    assert "Dedi Supriadi" in editor.lock_banner.text()  # the office's reviewer
    assert not editor.lock_banner.return_button.isVisible()  # a drafter cannot unlock it
    assert not editor.undo_action.isEnabled()
    # Comments stay possible while the text is locked.
    assert editor.comments.comment_button.isEnabled()

    act_as(context, Role.REVIEWER)
    qtbot.waitUntil(editor.lock_banner.return_button.isVisible)
    assert form.heading_edit.isReadOnly()  # the reviewer reads; it is locked for everyone
    editor.lock_banner.return_button.click()
    assert status(context, agreement_id) == AgreementStatus.DRAFT
    assert not editor.lock_banner.isVisible()
    act_as(context, Role.DRAFTER)
    qtbot.waitUntil(lambda: not form.heading_edit.isReadOnly())


def _released(qtbot, context):
    page, editor, agreement_id = submitted(qtbot, context)
    act_as(context, Role.REVIEWER)
    bar = editor.workflow_bar
    qtbot.waitUntil(lambda: bar.buttons["negotiation"].isEnabled())
    bar.buttons["negotiation"].click()
    assert bar.approve_button.isEnabled()
    return editor, agreement_id


def test_approve_names_the_round_and_hash_and_nothing_is_approved_before_the_click(
    qtbot, context
):
    editor, agreement_id = _released(qtbot, context)
    with context.database.session() as session:
        full = session.get(models.Agreement, agreement_id).current_revision.hash
    button = editor.workflow_bar.approve_button
    # One click approves, so the button says exactly what: the round and its hash.
    assert button.text() == f"Approve round 1 ({full[:12]})"
    assert full in button.toolTip() and "both offices must approve" in button.toolTip().lower()
    assert approvals(context, agreement_id) == 0
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Enter does not approve by accident
    assert approvals(context, agreement_id) == 0
    assert button.isEnabled()


def test_approve_click_records_the_approval(qtbot, context):
    editor, agreement_id = _released(qtbot, context)
    editor.workflow_bar.approve_button.click()
    qtbot.waitUntil(lambda: approvals(context, agreement_id) == 1)
    bar = editor.workflow_bar
    assert bar.approve_button.text() == "Approved by this office"
    assert not bar.approve_button.isEnabled()
    # "Mark as agreed" cannot run before the other office approved: disabled, with the reason.
    agreed = bar.buttons["agreed"]
    assert not agreed.isEnabled()
    assert "Not yet approved by Pemerintah Kota Palangka Raya" in agreed.toolTip()
    agreed.click()  # a click on a disabled button does nothing: no refusal afterwards
    assert editor.message_bar.level != "error"
    assert status(context, agreement_id) == AgreementStatus.NEGOTIATION


def test_one_save_state_and_disabled_steps_say_why(qtbot, context):
    agreement_id = create_agreement(context)
    page = open_page(qtbot, context, agreement_id)
    editor = page.editor
    bar = editor.workflow_bar
    assert editor.autosave_label.text() == "Changes kept, not yet a revision"
    assert not bar.buttons["internal_review"].isEnabled()
    assert "not saved as a revision" in bar.buttons["internal_review"].toolTip()
    editor.save_button.click()
    assert editor.autosave_label.text() == "All changes saved in round 1"
    assert "unsaved" not in editor.revision_label.text()
    editor.clause_form.body_edit.setPlainText("Diubah setelah round 1.")
    editor.autosaver.flush()
    state = editor.autosave_label.text()
    assert state.startswith("Changes kept at") and state.endswith("not yet a revision")
    assert "Autosaved" not in state and "unsaved" not in editor.revision_label.text()
    # In negotiation, a drafter is told who approves instead of a click that is refused.
    editor.save_button.click()
    bar.buttons["internal_review"].click()
    act_as(context, Role.REVIEWER)
    qtbot.waitUntil(lambda: bar.buttons["negotiation"].isEnabled())
    bar.buttons["negotiation"].click()
    act_as(context, Role.DRAFTER)
    qtbot.waitUntil(lambda: not bar.approve_button.isEnabled())
    assert bar.approve_button.toolTip() == "A reviewer or signatory approves a revision."


def test_open_comments_are_marked_on_their_pasal_and_the_link_goes_there(qtbot, context):
    agreement_id = create_agreement(context)
    page = open_page(qtbot, context, agreement_id)
    editor = page.editor
    clauses, comments = editor.clause_list, editor.comments
    clauses.list.setCurrentRow(2)
    third = clauses.current_uuid()
    comments.input.setPlainText(LONG_COMMENT)
    comments.comment_button.click()
    counts = clauses.open_counts()
    assert counts[2] == 1 and sum(counts) == 1
    item = clauses.list.item(2)
    assert item.data(Qt.ItemDataRole.AccessibleDescriptionRole) == "1 open comment on this pasal"
    # The badge is painted at the end of Pasal 3's row, and on no other row.
    assert badge_pixels(clauses, 2) > 20
    assert badge_pixels(clauses, 0) == 0

    # The whole comment is readable: its row is tall enough for the wrapped text.
    editor.side_tabs.setCurrentWidget(comments)
    tree = comments.tree
    root = tree.topLevelItem(0)
    assert root.text(0) == LONG_COMMENT
    assert tree.textElideMode().name == "ElideNone"
    line = tree.fontMetrics().lineSpacing()
    qtbot.waitUntil(lambda: tree.visualItemRect(root).height() >= 3 * line)
    needed = tree.fontMetrics().boundingRect(
        0, 0, tree.columnWidth(0) - 2 * tree.indentation() - 12, 1 << 20,
        0x1000, LONG_COMMENT,  # Qt.TextWordWrap
    ).height()  # fmt: skip
    assert tree.visualItemRect(root).height() >= needed

    # Saved and submitted: release is blocked by the open comment, and the editor says where.
    editor.save_button.click()
    editor.workflow_bar.buttons["internal_review"].click()
    act_as(context, Role.REVIEWER)
    bar = editor.workflow_bar
    qtbot.waitUntil(lambda: "still open" in bar.buttons["negotiation"].toolTip())
    assert bar.open_comments_link.isVisible()
    assert "1 comment still open in Pasal 3" in bar.open_comments_link.text()
    release = bar.buttons["negotiation"]
    assert not release.isEnabled()
    assert "1 comment still open in Pasal 3" in release.toolTip()

    clauses.list.setCurrentRow(0)
    editor.side_tabs.setCurrentWidget(editor.details)
    bar.open_comments_link.linkActivated.emit("#comments")
    assert clauses.current_uuid() == third
    assert editor.side_tabs.currentWidget() is comments
    assert tree.topLevelItem(0).text(0) == LONG_COMMENT

    # Resolved: the marker and the link go, the release can run.
    tree.setCurrentItem(tree.topLevelItem(0))
    comments.resolve_button.click()
    qtbot.waitUntil(lambda: not bar.open_comments_link.isVisible())
    assert clauses.open_counts() == [0] * clauses.list.count()
    assert bar.buttons["negotiation"].isEnabled()
