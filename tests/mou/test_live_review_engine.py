"""Live co-review over real call engines: the suggestion travels on the WebRTC data channel.

Bandung and Palangka Raya each have their own SQLite database (the two-city fixture), their own
headless ``CallEngine`` joined to the real hub, and a ``LiveReviewSession`` wired the way the UI
wires it: ``send`` -> ``engine.send_message``; ``AppMessageReceived`` -> ``handle_message``.
The test re-runs itself inside ``unshare -rn`` (aioice ignores 127.0.0.1; helpers from
``tests/vicon/conftest.py``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from conferencing.engine import CallEngine
from conferencing.events import AppMessageReceived, EngineEvent
from conferencing.hub.embedded import EmbeddedHub
from conferencing.media import SyntheticAudioSource, SyntheticVideoSource
from mou import models
from mou.exchange import export_package, import_package
from mou.live_review import (
    FocusChanged,
    LiveEvent,
    LiveReviewSession,
    SuggestionReceived,
    database_applier,
)
from tests.mou.conftest import City, draft_in_bandung
from tests.vicon.conftest import NETNS_ADDR, in_netns, rerun_in_netns

ROOM = "review-bandung-palangkaraya"
log = logging.getLogger(__name__)
pytestmark = pytest.mark.netns


def wait_until(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.02)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


class Side:
    """One office: an engine and a live-review session for one agreement."""

    def __init__(self, name: str, city: City, agreement_uuid: str) -> None:
        self.name = name
        self.engine = CallEngine(
            name,
            video_source=SyntheticVideoSource(name, 160, 120, 5),
            audio_source=SyntheticAudioSource(),
        )
        self.review = LiveReviewSession(
            agreement_uuid,
            name,
            self._send,
            apply=database_applier(city.db, agreement_uuid, city.drafter),
        )
        self.events: list[LiveEvent] = []
        self.review.add_listener(self.events.append)
        self.engine.add_listener(self._on_event)

    def _send(self, kind: str, payload: dict[str, Any]) -> None:
        self.engine.submit(self.engine.send_message(kind, payload)).result(timeout=10)

    def _on_event(self, event: EngineEvent) -> None:
        if isinstance(event, AppMessageReceived):
            self.review.handle_message(event.kind, event.payload, event.office)

    def join(self, hub: EmbeddedHub) -> None:
        self.engine.start()
        self.engine.submit(
            self.engine.join(hub.url, ROOM, hub.invite(ROOM, self.name, 600))
        ).result(timeout=20)


def _body(city: City, uuid: str, clause_uuid: str) -> str:
    with city.db.session() as s:
        ag = s.scalars(select(models.Agreement).where(models.Agreement.uuid == uuid)).one()
        return next(c.body for c in ag.clauses if c.uuid == clause_uuid)


def test_suggestion_over_the_data_channel(request: pytest.FixtureRequest, cities) -> None:
    if not in_netns():
        rerun_in_netns(request.node.nodeid)
        return
    a, id_a, b, _ = cities
    agreement_id = draft_in_bandung(a)
    with a.db.session() as s:
        ag = s.get(models.Agreement, agreement_id)
        uuid = ag.uuid
        funding = next(c for c in ag.clauses if c.heading == "PEMBIAYAAN")
        clause_uuid, old_text = funding.uuid, funding.body
        package = export_package(s, ag, id_a, a.drafter)
    with b.db.session() as s:
        import_package(s, package, b.drafter)

    hub = EmbeddedHub()
    hub.start(host=NETNS_ADDR)
    bdg = Side("Pemerintah Kota Bandung", a, uuid)
    pky = Side("Pemerintah Kota Palangka Raya", b, uuid)
    try:
        bdg.join(hub)
        pky.join(hub)
        # The data channel opens once the peers are connected; focus until it gets through.
        deadline = time.monotonic() + 30
        while not any(isinstance(e, FocusChanged) for e in pky.events):
            assert time.monotonic() < deadline, "the data channel never carried a focus message"
            bdg.review.focus(clause_uuid)
            time.sleep(0.5)
        assert pky.review.remote_focus == clause_uuid

        new_text = old_text.replace("masing-masing PIHAK", "PIHAK KEDUA")
        started = time.monotonic()
        proposal = pky.review.propose(clause_uuid, "body", old_text, new_text)
        wait_until(
            lambda: any(isinstance(e, SuggestionReceived) for e in bdg.events), 10, "the suggestion"
        )
        log.info("suggestion arrived in %.0f ms", (time.monotonic() - started) * 1000)
        bdg.review.accept(proposal.id)
        wait_until(
            lambda: pky.review.suggestions[proposal.id].status == "accepted", 10, "the acceptance"
        )
        assert _body(a, uuid, clause_uuid) == new_text
        assert _body(b, uuid, clause_uuid) == new_text
    finally:
        bdg.engine.stop()
        pky.engine.stop()
        hub.stop()
