"""Live co-review: focus, suggestions, accept/reject between two offices with their own databases.

The two sessions are connected through a channel that serialises every message to JSON and back,
the way the vicon data channel carries ``send_message(kind, payload)``.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select

from mou import models
from mou.clause import update_clause
from mou.exchange import export_package, import_package
from mou.live_review import (
    FocusChanged,
    LiveReviewSession,
    ReviewError,
    SuggestionDecided,
    SuggestionReceived,
    database_applier,
    save_shared_round,
)
from tests.mou.conftest import draft_in_bandung


class Wire:
    """Delivers each message to the other side as JSON, like the data channel does."""

    def __init__(self) -> None:
        self.peer: LiveReviewSession | None = None
        self.office = ""
        self.sent: list[tuple[str, dict[str, Any]]] = []

    def __call__(self, kind: str, payload: dict[str, Any]) -> None:
        wire = json.loads(json.dumps({"kind": kind, "payload": payload}))
        self.sent.append((kind, payload))
        assert self.peer is not None
        self.peer.handle_message(wire["kind"], wire["payload"], self.office)


def _pair(a, b, uuid: str) -> tuple[LiveReviewSession, LiveReviewSession, list, list]:
    to_b, to_a = Wire(), Wire()
    side_a = LiveReviewSession(
        uuid, "Pemerintah Kota Bandung", to_b, apply=database_applier(a.db, uuid, a.drafter)
    )
    side_b = LiveReviewSession(
        uuid, "Pemerintah Kota Palangka Raya", to_a, apply=database_applier(b.db, uuid, b.drafter)
    )
    to_b.peer, to_b.office = side_b, side_a.office
    to_a.peer, to_a.office = side_a, side_b.office
    seen_a: list = []
    seen_b: list = []
    side_a.add_listener(seen_a.append)
    side_b.add_listener(seen_b.append)
    return side_a, side_b, seen_a, seen_b


def _body(city, uuid: str, heading: str) -> str:
    with city.db.session() as s:
        ag = s.scalars(select(models.Agreement).where(models.Agreement.uuid == uuid)).one()
        return next(c for c in ag.clauses if c.heading == heading).body


def _clause(city, uuid: str, heading: str) -> models.Clause:
    with city.db.session() as s:
        ag = s.scalars(select(models.Agreement).where(models.Agreement.uuid == uuid)).one()
        return next(c for c in ag.clauses if c.heading == heading)


def test_live_suggestion_accept_and_reject(cities) -> None:
    a, id_a, b, _ = cities
    agreement_id = draft_in_bandung(a)
    with a.db.session() as s:
        ag = s.get(models.Agreement, agreement_id)
        uuid = ag.uuid
        package = export_package(s, ag, id_a, a.drafter)
    with b.db.session() as s:
        import_package(s, package, b.drafter)
    side_a, side_b, seen_a, seen_b = _pair(a, b, uuid)
    funding = _clause(a, uuid, "PEMBIAYAAN")

    side_a.focus(funding.uuid)
    assert seen_b == [FocusChanged(funding.uuid, "Pemerintah Kota Bandung")]
    assert side_b.remote_focus == funding.uuid

    new_text = funding.body.replace(
        "masing-masing PIHAK", "PIHAK PERTAMA untuk hibah dan PIHAK KEDUA"
    )
    proposal = side_b.propose(funding.uuid, "body", funding.body, new_text)
    (received,) = [e for e in seen_a if isinstance(e, SuggestionReceived)]
    assert (
        received.suggestion.id == proposal.id
        and received.suggestion.office == "Pemerintah Kota Palangka Raya"
    )
    assert side_a.pending() == [received.suggestion]

    decided = side_a.accept(proposal.id)
    assert decided.status == "accepted"
    # Applied on both sides, in both databases.
    assert _body(a, uuid, "PEMBIAYAAN") == new_text
    assert _body(b, uuid, "PEMBIAYAAN") == new_text
    assert side_b.suggestions[proposal.id].status == "accepted"

    # A rejected suggestion changes nothing.
    penutup = _clause(b, uuid, "PENUTUP")
    second = side_b.propose(penutup.uuid, "body", penutup.body, "Teks lain.")
    side_a.reject(second.id, "Tetap pada teks semula")
    assert side_b.suggestions[second.id].status == "rejected"
    assert side_b.suggestions[second.id].reason == "Tetap pada teks semula"
    assert _body(a, uuid, "PENUTUP") == _body(b, uuid, "PENUTUP") == penutup.body

    # A suggestion made against text that changed meanwhile is refused, nothing is overwritten.
    with a.db.session() as s:
        ag = s.get(models.Agreement, agreement_id)
        update_clause(s, ag, a.drafter, penutup.uuid, body="Suntingan lokal Bandung.")
    third = side_b.propose(penutup.uuid, "body", penutup.body, "Teks ketiga.")
    failed = side_a.accept(third.id)
    assert failed.status == "failed" and "changed since" in failed.reason
    assert _body(a, uuid, "PENUTUP") == "Suntingan lokal Bandung."
    assert side_b.suggestions[third.id].status == "rejected"
    assert any(isinstance(e, SuggestionDecided) for e in seen_b)


def test_malformed_messages_are_reported_not_raised() -> None:
    sent: list = []
    side = LiveReviewSession("u" * 32, "Kota A", lambda k, p: sent.append((k, p)))
    errors: list = []
    side.add_listener(errors.append)
    assert side.handle_message("chat", {"text": "halo"}) is False
    assert side.handle_message("mou.review.suggest", {"agreement": "u" * 32, "id": "x", "clause": "c",
                                                      "field": "drop table", "old": "", "new": ""}, "Kota B")  # fmt: skip
    assert side.handle_message("mou.review.focus", {"agreement": "u" * 32}, "Kota B")
    assert side.handle_message(
        "mou.review.decision", {"agreement": "u" * 32, "id": "nope"}, "Kota B"
    )
    assert side.handle_message("mou.review.suggest", ["not", "a", "dict"], "Kota B")  # type: ignore[arg-type]
    assert [type(e) for e in errors] == [ReviewError] * 4
    assert "unknown field 'drop table'" in errors[0].message
    assert side.pending() == [] and sent == []


def test_sharing_an_unchanged_working_copy_sends_its_round_and_saves_no_empty_one(cities) -> None:
    a = cities[0]
    agreement_id = draft_in_bandung(a)
    with a.db.session() as s:
        agreement = s.get(models.Agreement, agreement_id)
        uuid, first = agreement.uuid, agreement.current_revision.hash
    # Shared twice without an edit (on creation, then the live tab's button): the same round.
    assert save_shared_round(a.db, uuid, a.drafter, "Shared in the call") == first
    assert save_shared_round(a.db, uuid, a.drafter, "Shared in the call") == first
    with a.db.session() as s:
        assert len(s.get(models.Agreement, agreement_id).revisions) == 1
    # An edit since that round: the next round is saved and is the one sent.
    with a.db.session() as s:
        agreement = s.get(models.Agreement, agreement_id)
        clause = agreement.clauses[0].uuid
        update_clause(s, agreement, a.drafter, clause, body="Teks yang diubah dalam panggilan.")
    second = save_shared_round(a.db, uuid, a.drafter, "Shared in the call")
    assert second is not None and second != first
    with a.db.session() as s:
        assert len(s.get(models.Agreement, agreement_id).revisions) == 2
