"""Property test: any sequence of insert/move/delete keeps pasal numbering 1..n, without gaps,
in the order a plain Python list model predicts, and the order survives a save and reload."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mou.agreement import AgreementKind, PartyInput, create_agreement, get_agreement
from mou.clause import add_clause, delete_clause, move_clause, numbering
from mou.db import open_database, sqlite_url
from mou.revision import content_of, save_revision
from tests.mou.conftest import BANDUNG, City, make_city

ops = st.lists(
    st.tuples(
        st.sampled_from(["insert", "move", "delete"]), st.integers(0, 50), st.integers(0, 50)
    ),
    min_size=1,
    max_size=25,
)
_cities: dict[Path, City] = {}


def _city(tmp_path: Path) -> City:
    # One database for all examples of a run (opening one per example would dominate the time);
    # each example works on a fresh agreement.
    if tmp_path not in _cities:
        db = open_database(sqlite_url(tmp_path / "prop.sqlite3"))
        _cities[tmp_path] = make_city(db, BANDUNG)
    return _cities[tmp_path]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=ops)
def test_numbering_matches_a_list_model(tmp_path: Path, steps: list[tuple[str, int, int]]) -> None:
    city = _city(tmp_path)
    with city.db.session() as s:
        a = create_agreement(s, city.drafter, kind=AgreementKind.KESEPAKATAN_BERSAMA, title="KB",
                             parties=[PartyInput("Kota A"), PartyInput("Kota B")])  # fmt: skip
        model: list[str] = []
        for serial, (op, x, y) in enumerate(steps):
            if op == "insert" or not model:
                at = x % (len(model) + 1)
                clause = add_clause(s, a, city.drafter, heading=f"P{serial}", number=at + 1)
                model.insert(at, clause.uuid)
            elif op == "move":
                uuid = model[x % len(model)]
                to = y % len(model)
                move_clause(s, a, city.drafter, uuid, to + 1)
                model.remove(uuid)
                model.insert(to, uuid)
            else:
                uuid = model.pop(x % len(model))
                delete_clause(s, a, city.drafter, uuid)
            listed = numbering(a)
            assert [n for n, _, _ in listed] == list(range(1, len(model) + 1))
            assert [u for _, u, _ in listed] == model
        revision = save_revision(s, a, city.drafter)
        assert [c["uuid"] for c in content_of(revision)["clauses"]] == model
        agreement_id = a.id
    with city.db.session() as s:
        assert [u for _, u, _ in numbering(get_agreement(s, agreement_id))] == model
