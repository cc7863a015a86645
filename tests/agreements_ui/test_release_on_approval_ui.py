"""The head's approval of a draft releases it in the editor; Settings can require a reviewer.

Real editor, real SQLite file, real Settings file: with the office default ("Drafts need a
reviewer's release" off) a Signatory sees "Approve round 1 (hash)" on a saved Draft and one
approval moves it to Negotiation; a drafter sees why it is not theirs; with the switch on
(only a signatory may turn it) the button is gone until a reviewer releases the draft.
"""

from __future__ import annotations

import pytest

from mou.agreement import AgreementStatus
from mou.office import Role
from tests.agreements_ui.conftest import act_as, create_agreement
from tests.agreements_ui.test_editor_review import approvals, status
from tests.agreements_ui.test_editor_table import open_page
from ui.settings import Settings
from ui.settings_page.users_section import UsersSection


def _saved_draft(qtbot, context):
    agreement_id = create_agreement(context)
    page = open_page(qtbot, context, agreement_id)
    editor = page.editor
    editor.save_button.click()
    assert status(context, agreement_id) == AgreementStatus.DRAFT
    return editor, agreement_id


def test_the_signatory_approves_a_draft_and_releases_it(qtbot, context):
    assert context.settings.drafts_need_review is False  # the office default
    editor, agreement_id = _saved_draft(qtbot, context)
    bar = editor.workflow_bar
    act_as(context, Role.DRAFTER)
    qtbot.waitUntil(bar.approve_button.isVisible)
    assert not bar.approve_button.isEnabled()
    assert "signatory approves a draft" in bar.approve_button.toolTip()
    act_as(context, Role.SIGNATORY)
    qtbot.waitUntil(bar.approve_button.isEnabled)
    bar.approve_button.click()
    qtbot.waitUntil(lambda: approvals(context, agreement_id) == 1)
    assert status(context, agreement_id) == AgreementStatus.NEGOTIATION
    assert bar.approve_button.text() == "Approved by this office"


def test_an_office_can_require_a_reviewer_again(qtbot, context):
    section = UsersSection(context)
    qtbot.addWidget(section)
    act_as(context, Role.DRAFTER)
    # The office's policy is the head's decision (the bridge delivers the switch).
    qtbot.waitUntil(lambda: not section.needs_review.isEnabled())
    act_as(context, Role.SIGNATORY)
    qtbot.waitUntil(section.needs_review.isEnabled)
    section.needs_review.click()
    assert Settings(context.data_dir).drafts_need_review is True  # stored, read back from disk
    editor, agreement_id = _saved_draft(qtbot, context)
    bar = editor.workflow_bar
    editor.reload()
    assert not bar.approve_button.isVisible()
    assert bar.buttons["internal_review"].isVisible()
    assert status(context, agreement_id) == AgreementStatus.DRAFT


def test_approve_asks_the_heads_password_when_the_drafter_acts(qtbot, context):
    from mou.office import set_user_secret
    from tests.agreements_ui.conftest import user

    head = user(context, Role.SIGNATORY)
    with context.database.session() as session:
        set_user_secret(session, head.id, "Sandi-Kepala-2026")
    editor, agreement_id = _saved_draft(qtbot, context)
    bar = editor.workflow_bar
    act_as(context, Role.DRAFTER)
    qtbot.waitUntil(bar.approve_button.isEnabled)
    assert head.name in bar.approve_button.toolTip()  # who approves, said before the click
    bar.approve_button.click()
    dialog = editor.approve_as_dialog
    assert dialog.isVisible() and head.name in dialog.windowTitle()
    assert dialog.ok_button.text() == "Approve"
    qtbot.keyClicks(dialog.secret, "1234")  # not the head's: nothing is approved
    dialog.ok_button.click()
    assert dialog.isVisible() and "not the right password" in dialog.error.text()
    assert approvals(context, agreement_id) == 0 and context.current_user.role == "drafter"
    dialog.cancel_button.click()
    assert approvals(context, agreement_id) == 0 and status(context, agreement_id) == "draft"
    qtbot.waitUntil(bar.approve_button.isEnabled, timeout=3000)
    bar.approve_button.click()
    dialog = editor.approve_as_dialog
    qtbot.waitUntil(dialog.ok_button.isEnabled, timeout=3000)
    qtbot.keyClicks(dialog.secret, "Sandi-Kepala-2026")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: approvals(context, agreement_id) == 1)
    assert status(context, agreement_id) == AgreementStatus.NEGOTIATION
    assert context.current_user.id == head.id  # the head acts from now on
    with context.database.session() as session:
        from mou import models

        approval = session.query(models.Approval).filter_by(agreement_id=agreement_id).one()
        assert (approval.approver_name, approval.approver_role) == (head.name, "signatory")


@pytest.mark.parametrize("language", ["en", "id"])
def test_screenshots_approve_as_and_the_review_switch(
    qtbot, context, request, language: str, screenshots
):
    """The approve dialog and Settings > Users with the new switch, in both languages."""
    from mou.office import set_user_secret
    from tests.agreements_ui.conftest import user

    if language == "id":
        request.getfixturevalue("indonesian")
    head = user(context, Role.SIGNATORY)
    with context.database.session() as session:
        set_user_secret(session, head.id, "Sandi-Kepala-2026")
    editor, _agreement_id = _saved_draft(qtbot, context)
    act_as(context, Role.DRAFTER)
    bar = editor.workflow_bar
    qtbot.waitUntil(bar.approve_button.isEnabled)
    expected = "Setujui putaran 1 (" if language == "id" else "Approve round 1 ("
    assert bar.approve_button.text().startswith(expected)
    bar.approve_button.click()
    dialog = editor.approve_as_dialog
    assert dialog.grab().save(str(screenshots / f"approve_as_{language}.png"))
    dialog.reject()
    act_as(context, Role.SIGNATORY)
    section = UsersSection(context)
    qtbot.addWidget(section)
    section.resize(900, 420)
    section.show()
    qtbot.waitUntil(section.needs_review.isEnabled)
    assert section.grab().save(str(screenshots / f"settings_users_review_switch_{language}.png"))
