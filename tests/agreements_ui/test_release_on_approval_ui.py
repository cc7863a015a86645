"""The head's approval of a draft releases it in the editor; Settings can require a reviewer.

Real editor, real SQLite file, real Settings file: with the office default ("Drafts need a
reviewer's release" off) a Signatory sees "Approve round 1 (hash)" on a saved Draft and one
approval moves it to Negotiation; a drafter sees why it is not theirs; with the switch on
(only a signatory may turn it) the button is gone until a reviewer releases the draft.
"""

from __future__ import annotations

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
