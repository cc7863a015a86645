"""Home shows what needs action from the real dashboard query, and refreshes on domain events."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from mou import events
from mou.agreement import AgreementKind, PartyInput, create_agreement
from mou.clause import add_clause
from mou.meeting import IndonesianTimeZone, create_meeting
from mou.office import Actor, Role, local_office, local_users
from mou.revision import save_revision
from mou.workflow import transition
from ui.context import AppContext
from ui.home.page import Page as HomePage


@pytest.fixture
def live_context(context: AppContext) -> Iterator[AppContext]:
    """The context with domain events flowing into its bridge, as ``ui.app.start`` wires it."""
    context.bridge.listen_to(events.subscribe)
    yield context
    context.bridge.detach_all()


def _actor(context: AppContext, role: Role) -> Actor:
    with context.database.session() as session:
        user = next(u for u in local_users(session) if u.role == role.value)
        return Actor.of(user)


def _schedule(context: AppContext, title: str, days_ahead: int) -> None:
    starts = (dt.datetime.now(dt.UTC) + dt.timedelta(days=days_ahead)).replace(microsecond=0)
    with context.database.session() as session:
        create_meeting(
            session,
            _actor(context, Role.DRAFTER),
            title=title,
            starts_at=starts,
            time_zone=IndonesianTimeZone.WIB,
        )


def test_home_lists_upcoming_sessions_and_drafts_to_review(
    qtbot: QtBot, live_context: AppContext, screenshots: Path
) -> None:
    context = live_context
    _schedule(context, "Vicon Bandung – Palangka Raya", 2)
    drafter = _actor(context, Role.DRAFTER)
    with context.database.session() as session:
        office = local_office(session)
        assert office is not None
        agreement = create_agreement(
            session,
            drafter,
            kind=AgreementKind.KESEPAKATAN_BERSAMA,
            title="Kerja Sama Penerapan Aplikasi Kota Cerdas",
            parties=[
                PartyInput.of_office(office),
                PartyInput(
                    name="Pemerintah Kota Palangka Raya", head_title="Wali Kota Palangka Raya"
                ),
            ],
        )
        add_clause(session, agreement, drafter, heading="Maksud dan Tujuan", body="Kerja sama.")
        save_revision(session, agreement, drafter)
        transition(session, agreement, drafter, "internal_review")

    home = HomePage(context)
    qtbot.addWidget(home)
    home.show()
    assert not home.empty_state.isVisible()
    meetings = home.sections["upcoming_meetings"].texts()
    assert len(meetings) == 1 and meetings[0].endswith("WIB — Vicon Bandung – Palangka Raya")
    review = home.sections["awaiting_review"].texts()
    assert review and review[0].startswith("Kerja Sama Penerapan Aplikasi Kota Cerdas")
    assert home.sections["awaiting_signature"].empty_label.isVisible()
    home.resize(900, 600)
    qtbot.wait(50)  # let the layout settle at the new size before the picture
    assert home.grab().save(str(screenshots / "home_with_items_en.png"))

    # Activating the row asks to open that agreement.
    with qtbot.waitSignal(home.open_requested, timeout=2000) as opened:
        section = home.sections["awaiting_review"]
        section.list.itemActivated.emit(section.list.item(0))
    assert opened.args == ["agreements", agreement.id]

    # A viewer has nothing to review: the list follows the acting user's role.
    with context.database.session() as session:
        signatory = next(u for u in local_users(session) if u.role == "signatory")
    context.set_current_user(signatory)
    qtbot.waitUntil(lambda: "Signatory" in home.subtitle.text(), timeout=3000)


def test_home_refreshes_when_a_session_is_scheduled_on_another_thread(
    qtbot: QtBot, live_context: AppContext
) -> None:
    home = HomePage(live_context)
    qtbot.addWidget(home)
    home.show()
    assert home.empty_state.isVisible()
    worker = threading.Thread(target=_schedule, args=(live_context, "Rapat teknis", 1))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: home.sections["upcoming_meetings"].texts() != [], timeout=3000)
    assert home.sections["upcoming_meetings"].texts()[0].endswith("Rapat teknis")
    assert not home.empty_state.isVisible()
