"""Agreement list and full-text search with 10,000 agreements and 200,000 revisions.

Issue 4's budget: opening the list and a full-text search each take at most 50 ms, on SQLite (FTS5)
and on PostgreSQL (tsvector + GIN). The databases are real: a SQLite file created through
``open_database`` (so the migrations' FTS5 table and triggers are in place) and a PostgreSQL 15
server started from Debian's binaries exactly as the tests start it. Rows are bulk-inserted with
SQLAlchemy Core; the searchable text of each agreement is the full text of the shipped Kesepakatan
Bersama template plus varying subjects, so the index has realistic size. Revision snapshots are
kept short (~0.5 KB each) so 200,000 of them fit the CI disk; the list and search queries do not
read snapshot content, only the round of the current revision.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import insert, text

from benchmarks.result import Measurement
from mou import models
from mou.db import Database, open_database, sqlite_url
from mou.search import list_agreements, search_agreements
from mou.template import get_template

AGREEMENTS = 10_000
REVISIONS_PER_AGREEMENT = 20  # 200,000 in all
TARGET_MS = 50.0
REPEATS = 15
SUBJECTS = [
    "kota cerdas", "wisata sungai", "konservasi hutan", "pembinaan UMKM", "hibah aplikasi",
    "pengelolaan sampah", "transportasi publik", "pelayanan kesehatan", "pendidikan vokasi",
    "ketahanan pangan", "penanggulangan bencana", "pariwisata budaya", "air bersih",
    "energi terbarukan", "kependudukan digital", "perizinan terpadu",
]  # fmt: skip
CITIES = [
    "Palangka Raya", "Pekanbaru", "Makassar", "Jambi", "Surabaya", "Semarang", "Medan", "Padang",
    "Pontianak", "Balikpapan", "Manado", "Ambon", "Jayapura", "Kupang", "Mataram", "Denpasar",
]  # fmt: skip
STATES = ["draft", "internal_review", "negotiation", "agreed", "signing", "signed", "expired"]


def _template_text() -> str:
    tpl = get_template("kesepakatan_bersama_antar_daerah")
    parts = []
    for pasal in tpl.pasal:
        parts += [
            pasal.heading,
            pasal.body,
            *pasal.ayat,
            pasal.heading_en,
            pasal.body_en,
            *pasal.ayat_en,
        ]
    return "\n".join(p for p in parts if p)


def populate(db: Database) -> None:
    """Fill ``db`` with the benchmark's agreements and revisions (bulk, Core inserts)."""
    rng = random.Random(4)
    body = _template_text()
    tpl = get_template("kesepakatan_bersama_antar_daerah")
    # Header texts as a template instantiation leaves them, so agreement rows have real width.
    opening = tpl.text("pembukaan", "text")
    closing = tpl.text("penutup", "closing")
    basis = list(tpl.data["dasar_hukum"]["items"])
    now = dt.datetime(2026, 11, 22, tzinfo=dt.UTC)
    with db.engine.begin() as conn:
        conn.execute(
            insert(models.Office),
            [{"uuid": "l" * 32, "is_local": True, "level": "kota", "region": "Bandung",
              "unit": "Bagian Kerja Sama", "head_name": "Wali", "head_title": "Wali Kota Bandung",
              "created_at": now}],
        )  # fmt: skip
        batch: list[dict[str, object]] = []
        extras: dict[int, str] = {}
        for i in range(1, AGREEMENTS + 1):
            subject = rng.choice(SUBJECTS)
            city = rng.choice(CITIES)
            extras[i] = f"{subject} {rng.choice(SUBJECTS)} nomor {i:05d}/KB/{2016 + i % 10}"
            start = dt.date(2016 + i % 10, 1 + i % 12, 1 + i % 28)
            batch.append(
                {
                    "id": i, "uuid": f"{i:032x}", "kind": "kesepakatan_bersama",
                    "title": f"Kerja Sama {subject.title()} dengan Kota {city}",
                    "title_en": "", "implements_title": "", "place": "Bandung",
                    "opening": opening, "opening_en": "", "legal_basis": basis, "legal_basis_en": [],
                    "closing": closing, "closing_en": "", "template_id": "kesepakatan_bersama_antar_daerah",
                    "status": rng.choice(STATES), "valid_from": start,
                    "valid_until": start.replace(year=start.year + 5),
                    "counterpart_names": f"Pemerintah Kota {city}", "terminated_reason": "",
                    "created_at": now - dt.timedelta(minutes=i),
                    "updated_at": now - dt.timedelta(minutes=rng.randrange(0, 500_000)),
                }
            )  # fmt: skip
            if len(batch) == 1000:
                conn.execute(insert(models.Agreement), batch)
                conn.execute(
                    insert(models.AgreementSearch),
                    [
                        {"agreement_id": row["id"], "title": row["title"],
                         "body": f"Pemerintah Kota Bandung\n{row['counterpart_names']}\n{extras[row['id']]}\n{body}"}
                        for row in batch
                    ],
                )  # fmt: skip
                batch = []
        revs: list[dict[str, object]] = []
        rev_id = 0
        for i in range(1, AGREEMENTS + 1):
            parent = None
            for round_ in range(1, REVISIONS_PER_AGREEMENT + 1):
                rev_id += 1
                digest = f"{rev_id:064x}"
                revs.append(
                    {
                        "id": rev_id, "uuid": f"{rev_id:032x}", "agreement_id": i, "round": round_,
                        "parent_hash": parent, "merge_parent_hash": None, "hash": digest,
                        "author_office_uuid": "l" * 32, "author_office_name": "Pemerintah Kota Bandung",
                        "author_name": "Drafter", "message": f"Putaran {round_}",
                        "created_at": now - dt.timedelta(days=round_),
                        "content_json": '{"agreement":{"title":"' + "x" * 400 + f'"}},"round":{round_}}}',
                        "imported": False,
                    }
                )  # fmt: skip
                parent = digest
            if len(revs) >= 5000:
                conn.execute(insert(models.Revision), revs)
                revs = []
        if revs:
            conn.execute(insert(models.Revision), revs)
        # Each agreement's working copy was last saved as its newest round.
        conn.execute(
            text("UPDATE agreement SET current_revision_id = id * :n"),
            {"n": REVISIONS_PER_AGREEMENT},
        )
    with db.engine.begin() as conn:
        if db.dialect == "postgresql":
            conn.execute(text("ANALYZE"))
        else:
            conn.execute(text("ANALYZE"))
            conn.execute(text("INSERT INTO agreement_fts(agreement_fts) VALUES ('optimize')"))


def _median_ms(fn: Callable[[], object]) -> tuple[float, object]:
    result = fn()  # warm caches once, as a user who opened the app already would have
    samples = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        result = fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), result


def measure(db: Database, backend: str) -> list[Measurement]:
    """Time the list and searches on an already populated database."""
    rows: list[Measurement] = []
    with db.session() as s:
        cases: list[tuple[str, Callable[[], object]]] = [
            ("open list (newest 200)", lambda: list_agreements(s, limit=200)),
            ("list filtered: negotiation + counterpart", lambda: list_agreements(s, status="negotiation", counterpart="Makassar")),
            ("list: expiring within 90 days", lambda: list_agreements(s, expiring_within_days=90, today=dt.date(2026, 11, 22))),
            ("full-text search, common word 'sungai'", lambda: search_agreements(s, "sungai")),
            ("full-text search, prefix 'konserv hutan'", lambda: search_agreements(s, "konserv hutan")),
            ("full-text search, rare 'nomor 04242'", lambda: search_agreements(s, "nomor 04242")),
        ]  # fmt: skip
        for name, fn in cases:
            ms, result = _median_ms(fn)
            count = len(result) if isinstance(result, list) else 0
            rows.append(
                Measurement(
                    "agreements",
                    f"{backend}: {name}",
                    round(ms, 2),
                    "ms",
                    TARGET_MS,
                    note=f"median of {REPEATS}; {count} rows",
                )  # fmt: skip
            )
    return rows


def run() -> list[Measurement]:
    """Benchmark both backends and return the rows."""
    rows: list[Measurement] = []
    with tempfile.TemporaryDirectory(prefix="lintas-bench-") as tmp:
        started = time.perf_counter()
        db = open_database(sqlite_url(Path(tmp) / "bench.sqlite3"))
        populate(db)
        load_s = time.perf_counter() - started
        rows += measure(db, "SQLite")
        rows.append(Measurement("agreements", "SQLite: load 10k agreements + 200k revisions",
                                round(load_s, 1), "s", None))  # fmt: skip
        db.dispose()
    rows += _postgres()
    return rows


def _postgres() -> list[Measurement]:
    try:
        from tests.mou.conftest import PG_BIN, PostgresServer
    except ImportError as exc:  # pragma: no cover - only without the test tree
        return [
            Measurement("agreements", "PostgreSQL: skipped", float("nan"), "", None, note=str(exc))
        ]
    if not (PG_BIN / "initdb").exists():
        return [Measurement("agreements", "PostgreSQL: skipped", float("nan"), "", None,
                            note=f"no PostgreSQL in {PG_BIN}")]  # fmt: skip
    server = PostgresServer()
    server.start()
    try:
        started = time.perf_counter()
        db = open_database(server.new_database())
        populate(db)
        load_s = time.perf_counter() - started
        rows = measure(db, "PostgreSQL")
        rows.append(Measurement("agreements", "PostgreSQL: load 10k agreements + 200k revisions",
                                round(load_s, 1), "s", None))  # fmt: skip
        db.dispose()
        return rows
    finally:
        server.stop()
