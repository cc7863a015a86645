"""The pause after a wrong password or PIN survives Cancel: a new "Acting as" (or Approve)
dialog for the same person keeps resting and keeps counting (real database, real dialogs)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from mou.office import local_users, set_user_secret
from ui.context import AppContext
from ui.pin_dialog import PinDialog


def _dialog(qtbot: QtBot, context: AppContext, user_id: int, name: str) -> PinDialog:
    dialog = PinDialog(context, user_id, name)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_cancel_and_reopen_does_not_reset_the_pause(qtbot: QtBot, context: AppContext) -> None:
    with context.database.session() as session:
        head = next(u for u in local_users(session) if u.name == "Muhammad Farhan")
        set_user_secret(session, head.id, "2468")
        head_id = head.id
    first = _dialog(qtbot, context, head_id, "Muhammad Farhan")
    qtbot.keyClicks(first.secret, "0000")
    first.ok_button.click()
    assert first.error.text().endswith("Try again in 1 s.")
    first.reject()

    again = _dialog(qtbot, context, head_id, "Muhammad Farhan")
    assert not again.ok_button.isEnabled()  # still resting: a new dialog is no way around it
    qtbot.keyClicks(again.secret, "2468")
    assert not again.check()  # not even by Enter or a direct call while resting
    assert again.isVisible()
    qtbot.waitUntil(again.ok_button.isEnabled, timeout=3000)
    again.secret.clear()
    qtbot.keyClicks(again.secret, "1111")
    again.ok_button.click()
    assert again.error.text().endswith("Try again in 2 s.")  # the count went on: 2nd wrong try
    qtbot.waitUntil(again.ok_button.isEnabled, timeout=4000)
    qtbot.keyClicks(again.secret, "2468")
    assert again.check() and again.result() == PinDialog.DialogCode.Accepted

    after = _dialog(qtbot, context, head_id, "Muhammad Farhan")  # the right one resets it
    assert after.ok_button.isEnabled() and after.error.text() == ""
