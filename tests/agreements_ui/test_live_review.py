"""Live co-review over a real call: two offices, two databases, two real engines through the hub.

Re-runs itself in a private network namespace (aioice ignores 127.0.0.1; see tests/vicon).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conferencing.call_identity import CallIdentity
from conferencing.hub.embedded import EmbeddedHub
from conferencing.media import SyntheticAudioSource, SyntheticVideoSource
from mou import models
from tests.agreements_ui.conftest import PASSWORD, agreement_with, make_office, trust_each_other
from tests.agreements_ui.test_editor import open_page
from tests.vicon.conftest import NETNS_ADDR, in_netns, rerun_in_netns
from ui.agreements.page import Page
from ui.context import AppContext
from ui.vicon.call_events import CallClosed, CallOpened
from ui.vicon.call_window import CallWindow
from ui.vicon.controller import CallController
from ui.vicon.identity_bar import counterpart_trust

ROOM = "kb-bandung-palangkaraya"


def _controller(office: str, context: AppContext) -> CallController:
    # Live review runs only over a verified call: the office key unlocked, the counterpart's
    # certificate pinned from its imported office card.
    return CallController(
        office,
        video_source=SyntheticVideoSource(office, 160, 120, 5),
        audio_source=SyntheticAudioSource(),
        identity=CallIdentity.load(context.identity_path, PASSWORD),
        trusted=counterpart_trust(context.database),
    )


@pytest.mark.netns
def test_both_offices_see_the_same_pasal_and_answer_suggestions(
    qtbot, tmp_path: Path, request: pytest.FixtureRequest, screenshots: Path
) -> None:
    if not in_netns():
        rerun_in_netns(request.node.nodeid)
        return
    bandung = make_office(tmp_path / "bandung", "Bandung")
    palangka = make_office(tmp_path / "palangkaraya", "Palangka Raya")
    trust_each_other(bandung, palangka)
    agreement_id = agreement_with(bandung, palangka)
    page_a = open_page(qtbot, bandung, agreement_id)
    page_a.editor.save_button.click()
    package = tmp_path / "kb.lintas"
    assert page_a.dialogs.export_file(agreement_id, package)
    page_b = Page(palangka)
    qtbot.addWidget(page_b)
    page_b.resize(1366, 768)
    page_b.show()
    b_id = page_b.dialogs.import_file(package)
    assert b_id is not None
    a, b = page_a.editor, page_b.editor
    assert not a.live_link.active and "starts when" in a.live_panel.status_label.text()

    hub = EmbeddedHub()
    hub.start(host=NETNS_ADDR)
    ctrl_a = _controller("Pemerintah Kota Bandung", bandung)
    ctrl_b = _controller("Pemerintah Kota Palangka Raya", palangka)
    try:
        ctrl_a.join(hub.url, ROOM, hub.invite(ROOM, "Pemerintah Kota Bandung", 600))
        ctrl_b.join(hub.url, ROOM, hub.invite(ROOM, "Pemerintah Kota Palangka Raya", 600))
        bandung.bridge.post(CallOpened(ctrl_a, ROOM))
        palangka.bridge.post(CallOpened(ctrl_b, ROOM))
        qtbot.waitUntil(lambda: a.live_link.active and b.live_link.active, timeout=5000)
        qtbot.waitUntil(
            lambda: (
                bool(ctrl_a.participants() and ctrl_b.participants())
                and ctrl_a.state == "connected"
            ),
            timeout=30000,
        )
        qtbot.wait(500)  # data channels open right after "connected"
        assert "Pemerintah Kota Palangka Raya" in a.live_panel.status_label.text()

        # Bandung moves to Pasal 4; Palangka Raya's editor follows within a second.
        a.clause_list.list.setCurrentRow(3)
        target = a.clause_list.current_uuid()
        qtbot.waitUntil(lambda: b.clause_list.current_uuid() == target, timeout=3000)

        # Bandung suggests new text for ayat (1); it arrives as a pending suggestion.
        panel_a, panel_b = a.live_panel, b.live_panel
        panel_a.field_combo.setCurrentIndex(panel_a.field_combo.findData("ayat 1"))
        old = panel_a.new_text.toPlainText()
        new = old.replace("5 (lima)", "3 (tiga)")
        assert new != old
        panel_a.new_text.setPlainText(new)
        panel_a.send_button.click()
        qtbot.waitUntil(lambda: len(panel_b.suggestions) == 1, timeout=3000)
        incoming = next(iter(panel_b.suggestions.values()))
        assert incoming.incoming and incoming.status == "pending"
        assert incoming.office == "Pemerintah Kota Bandung"
        assert panel_b.accept_button.isEnabled()
        assert "tiga" in panel_b.preview.toHtml()
        b.side_tabs.setCurrentWidget(panel_b)
        b.grab().save(str(screenshots / "agreements_live_review_en.png"))
        _check_nothing_clipped(page_b, b, panel_b)

        panel_b.accept_button.click()
        qtbot.waitUntil(
            lambda: next(iter(panel_a.suggestions.values())).status == "accepted", timeout=3000
        )
        for ctx, agreement in ((bandung, agreement_id), (palangka, b_id)):
            with ctx.database.session() as session:
                row = session.get(models.Agreement, agreement)
                clause = next(c for c in row.clauses if c.uuid == target)
                assert clause.ayat[0].text == new
        assert "3 (tiga)" in a.clause_form.ayat_table.item(0, 0).text()
        assert "3 (tiga)" in b.clause_form.ayat_table.item(0, 0).text()

        # A page created while a call window is already open joins the live review too.
        window = CallWindow(ctrl_b, None, title=ROOM)
        window.show()
        late = Page(palangka)
        qtbot.addWidget(late)
        late.open_agreement(b_id)
        assert late.editor.live_link.active and late.editor.live_link.room == ROOM
        window.hide()  # closing it would shut the controller down before the finally block
    finally:
        bandung.bridge.post(CallClosed(ctrl_a, ROOM))
        palangka.bridge.post(CallClosed(ctrl_b, ROOM))
        qtbot.wait(50)
        ctrl_a.shutdown()
        ctrl_b.shutdown()
        hub.stop()


def _check_nothing_clipped(page, editor, panel) -> None:  # noqa: ANN001 - real widgets
    """At 1366x768 the header and the suggestion list show their text in full or say it."""
    assert page.width() <= 1366  # no label forces the window wider than the screen
    header = editor.header
    awaiting = header.awaiting_label
    assert "Pemerintah Kota Bandung" in awaiting.full_text()
    # The missing approvals end before the save state starts (no overlap) and, when cut with
    # "…", the tooltip holds the whole list.
    assert awaiting.geometry().right() < header.autosave_label.geometry().left()
    assert awaiting.toolTip() == (awaiting.full_text() if awaiting.is_elided() else "")
    state = header.state_label
    assert state.width() >= state.fontMetrics().horizontalAdvance(state.text())
    # The office in "From" is shown whole: wrapped on words inside its column, row tall enough.
    table = panel.table
    width = table.columnWidth(2)
    for row in range(table.rowCount()):
        name = table.item(row, 2).text()
        assert table.item(row, 2).toolTip() == name
        fm = table.fontMetrics()
        assert all(fm.horizontalAdvance(word) < width for word in name.split())
        assert table.rowHeight(row) >= table.sizeHintForRow(row)
