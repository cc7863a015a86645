"""The call's clicks: "Copy invitation and close" is one click, a pasted invitation joins at once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from pytestqt.qtbot import QtBot

from ui.sessions.host_panel import HostPanel
from ui.sessions.invite import Invite, format_invite, parse_invite
from ui.sessions.join_panel import JoinPanel

INVITE = Invite("wss://192.0.2.7:8443/ws#sha256=" + "ab" * 32, "sesi-20261205-1f3a9c", "tok.en")


def _paste(qtbot: QtBot, panel: JoinPanel, text: str) -> None:
    QGuiApplication.clipboard().setText(text)
    panel.invite_edit.setFocus()
    qtbot.keySequence(panel.invite_edit, QKeySequence.StandardKey.Paste)


def test_a_pasted_invitation_joins_without_a_join_click(qtbot: QtBot) -> None:
    panel = JoinPanel()
    qtbot.addWidget(panel)
    panel.show()
    joined: list[Invite] = []
    panel.sig_join.connect(joined.append)
    with qtbot.waitSignal(panel.sig_join, timeout=2000):
        _paste(qtbot, panel, format_invite(INVITE, "Pemerintah Kota Bandung"))
    assert joined == [INVITE]


def test_pasting_something_else_or_typing_does_not_join(qtbot: QtBot) -> None:
    panel = JoinPanel()
    qtbot.addWidget(panel)
    panel.show()
    joined: list[Invite] = []
    panel.sig_join.connect(joined.append)
    _paste(qtbot, panel, "see you at 10")
    assert joined == [] and panel.error_label.isHidden()  # nothing to explain yet
    assert panel.join_button.isEnabled()  # "Join" still says what is missing
    panel.invite_edit.clear()
    # Typed (not pasted) text never joins by itself, even once it reads as an invitation.
    qtbot.keyClicks(panel.invite_edit, INVITE.link())
    assert joined == []
    qtbot.mouseClick(panel.join_button, Qt.MouseButton.LeftButton)
    assert joined == [INVITE]


def test_copy_invitation_copies_and_closes_the_dialog(qtbot: QtBot) -> None:
    panel = HostPanel("Pemerintah Kota Bandung", bind_host="127.0.0.1")
    qtbot.addWidget(panel)
    panel.show()
    try:
        dialog = panel.open_invite_dialog()
        assert dialog is not None and dialog.isVisible()
        assert not dialog.copy_button.isEnabled()  # no office named yet: nothing to copy
        qtbot.keyClicks(dialog.office_combo.lineEdit(), "Pemerintah Kota Pekanbaru")
        QGuiApplication.clipboard().clear()
        qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
        assert not dialog.isVisible()  # one click: copied and closed
        copied = parse_invite(QGuiApplication.clipboard().text())
        assert copied.office == "Pemerintah Kota Pekanbaru"
        assert copied.room == panel.room_edit.text()
        assert panel.status_label.text().startswith("Invitation copied.")
    finally:
        panel.stop_hosting()


def test_starting_a_session_opens_the_invitation_at_once(qtbot: QtBot) -> None:
    panel = HostPanel("Pemerintah Kota Bandung", bind_host="127.0.0.1")
    qtbot.addWidget(panel)
    panel.show()
    own_calls: list[Invite] = []
    panel.sig_join.connect(own_calls.append)
    try:
        qtbot.mouseClick(panel.start_session_button, Qt.MouseButton.LeftButton)
        assert panel.hosting and len(own_calls) == 1  # our own call opens
        dialog = panel.invite_dialog
        assert dialog is not None and dialog.isVisible()  # no "Invite an office…" click needed
        dialog.close_button.click()
        assert panel.hosting and panel.invite_office_button.isEnabled()  # the session stays
    finally:
        panel.stop_hosting()
