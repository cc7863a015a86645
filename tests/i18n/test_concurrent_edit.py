"""Two people edit the same agreement on one shared database: the loser sees why, in Indonesian."""

from __future__ import annotations

from mou import models
from mou.agreement import get_agreement, update_details
from mou.clause import move_clause
from mou.db import open_database
from mou.office import Actor, Role
from tests.agreements_ui.conftest import act_as, create_agreement
from ui import paths
from ui.agreements.page import Page


def test_a_concurrent_edit_is_reported_with_a_reload_action(qtbot, context, indonesian) -> None:
    agreement_id = create_agreement(context)
    page = Page(context)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    page.open_agreement(agreement_id)
    act_as(context, Role.DRAFTER)
    editor = page.editor
    # A colleague's own app on the same SQLite file.
    colleague_db = open_database(context.database.url)

    def move_while_the_colleague_renames(session, agreement, actor) -> None:
        last = max(agreement.clauses, key=lambda c: c.position)
        with colleague_db.session() as other:
            drafter = other.query(models.LocalUser).filter_by(role=Role.DRAFTER.value).one()
            update_details(
                other, get_agreement(other, agreement_id), Actor.of(drafter), title="Judul Rekan"
            )
        move_clause(session, agreement, actor, last.uuid, 1)

    try:
        before = [c.uuid for c in editor.data.clauses]
        assert editor._apply(move_while_the_colleague_renames) is None  # nothing crashed

        bar = editor.message_bar
        assert bar.level == "error"
        assert "Orang lain mengubah kesepakatan ini pada saat yang sama" in bar.text()
        assert "Someone else" not in bar.text()
        assert bar.action_button.isVisible() and bar.action_button.text() == "Muat ulang"
        shots = paths.ROOT / "screenshots"
        shots.mkdir(exist_ok=True)
        page.grab().save(str(shots / "i18n_concurrent_edit_id.png"))
        with context.database.session() as session:  # the refused move was rolled back
            agreement = get_agreement(session, agreement_id)
            assert [c.uuid for c in sorted(agreement.clauses, key=lambda c: c.position)] == before
            assert agreement.title == "Judul Rekan"

        bar.action_button.click()  # "Reload" shows the colleague's version
        assert editor.data.title == "Judul Rekan"
        assert not bar.action_button.isVisible()
    finally:
        colleague_db.dispose()
