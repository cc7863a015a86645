"""Agreement list filters and full-text search on SQLite FTS5 and PostgreSQL (both backends)."""

from __future__ import annotations

import datetime as dt

from mou.agreement import (
    AgreementKind,
    AgreementStatus,
    PartyInput,
    create_agreement,
    update_details,
)
from mou.clause import add_clause, update_clause
from mou.office import counterpart_office, local_office
from mou.search import counterparts, fts5_query, list_agreements, search_agreements, tsquery
from tests.mou.conftest import BANDUNG, make_city

S = AgreementStatus


def test_list_filters_and_full_text(database) -> None:
    city = make_city(database, BANDUNG)
    today = dt.date(2026, 11, 22)
    with database.session() as s:
        pky = counterpart_office(s, uuid="p" * 32, level="kota", region="Palangka Raya")
        pku = counterpart_office(s, uuid="k" * 32, level="kota", region="Pekanbaru")
        me = PartyInput.of_office(local_office(s))
        river = create_agreement(s, city.drafter, kind=AgreementKind.KESEPAKATAN_BERSAMA,
                                 title="Wisata Sungai dan Konservasi Hutan",
                                 parties=[me, PartyInput.of_office(pky)])  # fmt: skip
        clause = add_clause(
            s, river, city.drafter, heading="PELAKSANAAN", body="Kunjungan studi ke Bandung."
        )
        umkm = create_agreement(s, city.drafter, kind=AgreementKind.KESEPAKATAN_BERSAMA,
                                title="Pembinaan UMKM", parties=[me, PartyInput.of_office(pku)],
                                valid_from=dt.date(2022, 1, 1), valid_until=today + dt.timedelta(days=40))  # fmt: skip
        add_clause(
            s, umkm, city.drafter, heading="OBJEK", body="Pemasaran produk UMKM ke luar negeri."
        )
        umkm.status = S.SIGNED.value
        old = create_agreement(s, city.drafter, kind=AgreementKind.KESEPAKATAN_BERSAMA,
                               title="Kota Cerdas", parties=[me, PartyInput.of_office(pku)],
                               valid_from=dt.date(2020, 1, 1), valid_until=today + dt.timedelta(days=200))  # fmt: skip
        old.status = S.SIGNED.value
        s.flush()
        ids = {"river": river.id, "umkm": umkm.id, "old": old.id}

    with database.session() as s:
        assert {r.id for r in list_agreements(s)} == set(ids.values())
        assert [r.id for r in list_agreements(s, status=S.DRAFT)] == [ids["river"]]
        assert {r.id for r in list_agreements(s, counterpart="pekanbaru")} == {
            ids["umkm"],
            ids["old"],
        }
        soon = list_agreements(s, expiring_within_days=90, today=today)
        assert [r.id for r in soon] == [ids["umkm"]]
        # Full text finds words in the title, in a pasal body, and by prefix; all words must match.
        assert [r.id for r in search_agreements(s, "sungai")] == [ids["river"]]
        assert [r.id for r in search_agreements(s, "kunjungan studi")] == [ids["river"]]
        assert [r.id for r in search_agreements(s, "pemasar")] == [ids["umkm"]]
        assert search_agreements(s, "sungai pemasaran") == []
        assert [r.id for r in list_agreements(s, text_query="umkm", counterpart="Pekanbaru")] == [
            ids["umkm"]
        ]
        # Hostile input is just words.
        assert search_agreements(s, '" OR 1=1 -- ) & | !') == []
        assert counterparts(s) == ["Pemerintah Kota Palangka Raya", "Pemerintah Kota Pekanbaru"]

    # The index follows edits (FTS5 triggers / expression index).
    with database.session() as s:
        from mou.agreement import get_agreement

        river = get_agreement(s, ids["river"])
        update_clause(s, river, city.drafter, clause.uuid, body="Pertukaran pengetahuan gambut.")
        update_details(s, river, city.drafter, title="Konservasi Gambut")
    with database.session() as s:
        assert search_agreements(s, "kunjungan") == []
        assert [r.id for r in search_agreements(s, "gambut")] == [ids["river"]]
        assert search_agreements(s, "sungai") == []


def test_query_builders() -> None:
    assert fts5_query('kota "cerdas') == '"kota"* "cerdas"*'
    assert tsquery("Kota Cerdas!") == "kota:* & cerdas:*"
    assert fts5_query("  ") == ""
