"""A live-review suggestion that cannot be applied is explained in Indonesian on BOTH sides."""

from __future__ import annotations

from mou import models
from mou.clause import update_clause
from mou.exchange import export_package, import_package
from tests.mou.conftest import cities, draft_in_bandung  # noqa: F401  (fixture)
from tests.mou.test_live_review import _clause, _pair
from ui.agreements.messages import suggestion_reason


def test_stale_suggestion_failure_is_indonesian_here_and_there(cities, indonesian) -> None:  # noqa: F811
    a, id_a, b, _ = cities
    agreement_id = draft_in_bandung(a)
    with a.db.session() as s:
        agreement = s.get(models.Agreement, agreement_id)
        uuid = agreement.uuid
        package = export_package(s, agreement, id_a, a.drafter)
    with b.db.session() as s:
        import_package(s, package, b.drafter)
    side_a, side_b, _seen_a, _seen_b = _pair(a, b, uuid)
    penutup = _clause(b, uuid, "PENUTUP")
    with a.db.session() as s:  # Bandung edits the pasal meanwhile
        update_clause(
            s, s.get(models.Agreement, agreement_id), a.drafter, penutup.uuid, body="Lokal."
        )
    proposal = side_b.propose(penutup.uuid, "body", penutup.body, "Teks baru.")

    failed = side_a.accept(proposal.id)

    here = suggestion_reason(failed)
    there = suggestion_reason(side_b.suggestions[proposal.id])  # carried over the wire as a code
    for shown in (here, there):
        assert f"Pasal {penutup.number} telah berubah sejak usulan dibuat" == shown
    assert "changed since" in failed.reason  # the core's English is kept for logs
