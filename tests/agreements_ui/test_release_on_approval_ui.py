"""The head's approval of a draft releases it in the editor; Settings can require a reviewer.

Real editor, real SQLite file, real Settings file: with the office default ("Drafts need a
reviewer's release" off) a Signatory sees "Approve round 1 (hash)" on a saved Draft and one
approval moves it to Negotiation; a drafter sees why it is not theirs, or approves with the
head's password typed beside the button (checked at the click, paused after a wrong one); with
the switch on (only a signatory may turn it) the button is gone until a reviewer releases it.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

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


HEAD_PASSWORD = "Sandi-Kepala-2026"


def _head_with_password(context):
    from mou.office import set_user_secret
    from tests.agreements_ui.conftest import user

    head = user(context, Role.SIGNATORY)
    with context.database.session() as session:
        set_user_secret(session, head.id, HEAD_PASSWORD)
    return head


def test_the_drafter_approves_with_the_heads_password_typed_beside_the_button(qtbot, context):
    head = _head_with_password(context)
    editor, agreement_id = _saved_draft(qtbot, context)
    bar = editor.workflow_bar
    act_as(context, Role.DRAFTER)
    # The head's password is asked in the bar itself: no dialog, and Approve waits for it.
    qtbot.waitUntil(bar.approve_secret.isVisible)
    assert bar.approve_secret.placeholderText() == f"Password or PIN of {head.name}"
    assert bar.approve_secret.echoMode() == bar.approve_secret.EchoMode.Password
    assert head.name in bar.approve_button.toolTip()  # who approves, said before the click
    assert bar.approve_button.text().startswith("Approve round 1 (")
    assert not bar.approve_button.isEnabled()
    qtbot.keyClicks(bar.approve_secret, "1234")  # the drafter's own PIN is not the head's
    assert bar.approve_button.isEnabled()
    bar.approve_button.click()
    assert approvals(context, agreement_id) == 0 and context.current_user.role == "drafter"
    assert bar.approve_error.isVisible()
    assert bar.approve_error.text() == (
        f"That is not the right password or PIN of {head.name}. Try again in 1 s."
    )
    assert bar.approve_secret.text() == "" and not bar.approve_button.isEnabled()
    # The right password, but inside the pause: refused without being checked.
    qtbot.keyClicks(bar.approve_secret, HEAD_PASSWORD)
    bar.approve_button.click()
    assert approvals(context, agreement_id) == 0 and context.current_user.role == "drafter"
    assert "Try again in" in bar.approve_error.text()
    assert status(context, agreement_id) == AgreementStatus.DRAFT
    qtbot.wait(1300)
    qtbot.keyClick(bar.approve_secret, Qt.Key.Key_Return)  # Enter in the field approves too
    qtbot.waitUntil(lambda: approvals(context, agreement_id) == 1)
    assert status(context, agreement_id) == AgreementStatus.NEGOTIATION
    assert context.current_user.id == head.id  # the head acts from now on
    with context.database.session() as session:
        from mou import models

        approval = session.query(models.Approval).filter_by(agreement_id=agreement_id).one()
        assert (approval.approver_name, approval.approver_role) == (head.name, "signatory")
    # The head acts now: no field, nothing typed left behind, no error.
    qtbot.waitUntil(lambda: not bar.approve_secret.isVisible())
    assert bar.approve_secret.text() == "" and not bar.approve_error.isVisible()
    assert bar.approve_button.text() == "Approved by this office"


def test_no_password_field_when_the_head_acts(qtbot, context):
    _head_with_password(context)
    editor, agreement_id = _saved_draft(qtbot, context)
    bar = editor.workflow_bar
    act_as(context, Role.DRAFTER)
    qtbot.waitUntil(bar.approve_secret.isVisible)
    act_as(context, Role.SIGNATORY)
    qtbot.waitUntil(lambda: not bar.approve_secret.isVisible())
    assert bar.approve_button.isEnabled()  # nothing to type: one click approves
    bar.approve_button.click()
    qtbot.waitUntil(lambda: approvals(context, agreement_id) == 1)
    assert not bar.approve_secret.isVisible()


def test_no_password_field_without_a_head_to_ask(qtbot, context):
    editor, _agreement_id = _saved_draft(qtbot, context)  # the head has no password yet
    bar = editor.workflow_bar
    act_as(context, Role.DRAFTER)
    qtbot.waitUntil(bar.approve_button.isVisible)
    assert not bar.approve_secret.isVisible() and not bar.approve_button.isEnabled()


@pytest.mark.parametrize("language", ["en", "id"])
def test_screenshots_approve_as_and_the_review_switch(
    qtbot, context, request, language: str, screenshots
):
    """The password beside Approve and Settings > Users with the switch, in both languages.

    The whole bar fits the 1366 px editor: its buttons and the field are shown whole.
    """
    if language == "id":
        request.getfixturevalue("indonesian")
    _head_with_password(context)
    editor, _agreement_id = _saved_draft(qtbot, context)
    act_as(context, Role.DRAFTER)
    bar = editor.workflow_bar
    qtbot.waitUntil(bar.approve_secret.isVisible)
    expected = "Setujui putaran 1 (" if language == "id" else "Approve round 1 ("
    assert bar.approve_button.text().startswith(expected)
    qtbot.keyClicks(bar.approve_secret, "salah")
    bar.approve_button.click()  # a wrong password: the reason shows under the row
    wrong = "Itu bukan kata sandi" if language == "id" else "That is not the right password"
    assert bar.approve_error.text().startswith(wrong)
    qtbot.wait(50)
    shown = [bar.approve_secret, bar.approve_button, *bar.buttons.values()]
    for widget in shown:
        assert widget.width() >= widget.sizeHint().width(), widget.text()
        assert bar.rect().contains(widget.geometry()), widget.objectName()
    assert bar.width() <= editor.width()
    field = bar.approve_secret  # whose password it asks is read whole
    assert field.width() >= field.fontMetrics().horizontalAdvance(field.placeholderText()) + 12
    page = editor.parentWidget()
    while page.parentWidget() is not None:
        page = page.parentWidget()
    assert page.grab().save(str(screenshots / f"approve_password_inline_{language}.png"))
    act_as(context, Role.SIGNATORY)
    section = UsersSection(context)
    qtbot.addWidget(section)
    section.resize(900, 420)
    section.show()
    qtbot.waitUntil(section.needs_review.isEnabled)
    assert section.grab().save(str(screenshots / f"settings_users_review_switch_{language}.png"))
