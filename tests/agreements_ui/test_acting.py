"""Edits without an acting user are refused with one message, in the UI language, storing nothing."""

from __future__ import annotations

from mou import models
from tests.agreements_ui.conftest import create_agreement
from ui.agreements.editor.comments_panel import CommentsPanel


def test_comment_without_a_user_is_refused_in_indonesian(qtbot, context, indonesian) -> None:
    agreement_id = create_agreement(context)
    panel = CommentsPanel(context)
    qtbot.addWidget(panel)
    panel.set_target(agreement_id, None, {})
    context.current_user = None  # nobody picked in the header's user switcher
    panel.input.setPlainText("Mohon cek Pasal 3.")
    with qtbot.waitSignal(panel.sig_error, timeout=2000) as blocker:
        panel.post(reply=False)
    assert blocker.args == ["Pilih pengguna terlebih dahulu (kanan atas)."]
    assert panel.input.toPlainText() == "Mohon cek Pasal 3."  # the typed text is kept
    with context.database.session() as session:
        assert session.query(models.Comment).count() == 0
