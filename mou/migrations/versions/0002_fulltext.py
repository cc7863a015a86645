"""Full-text search: SQLite FTS5 over agreement_search (trigger-synced), PostgreSQL tsvector + GIN.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # External-content FTS5 index; the triggers keep it in step with every insert, update and
        # delete of agreement_search, so no code path can forget to reindex. detail=column keeps
        # the index small (no positions: Lintas needs word and prefix queries, not phrases), and
        # the prefix indexes make "konserv*" as fast as a whole word.
        op.execute(
            "CREATE VIRTUAL TABLE agreement_fts USING fts5("
            "title, body, content='agreement_search', content_rowid='agreement_id', "
            "tokenize='unicode61 remove_diacritics 2', detail=column, prefix='3 5')"
        )
        op.execute(
            "CREATE TRIGGER agreement_fts_ai AFTER INSERT ON agreement_search BEGIN "
            "INSERT INTO agreement_fts(rowid, title, body) "
            "VALUES (new.agreement_id, new.title, new.body); END"
        )
        op.execute(
            "CREATE TRIGGER agreement_fts_ad AFTER DELETE ON agreement_search BEGIN "
            "INSERT INTO agreement_fts(agreement_fts, rowid, title, body) "
            "VALUES ('delete', old.agreement_id, old.title, old.body); END"
        )
        op.execute(
            "CREATE TRIGGER agreement_fts_au AFTER UPDATE ON agreement_search BEGIN "
            "INSERT INTO agreement_fts(agreement_fts, rowid, title, body) "
            "VALUES ('delete', old.agreement_id, old.title, old.body); "
            "INSERT INTO agreement_fts(rowid, title, body) "
            "VALUES (new.agreement_id, new.title, new.body); END"
        )
        op.execute("INSERT INTO agreement_fts(agreement_fts) VALUES ('rebuild')")
    else:
        # 'simple' configuration: PostgreSQL has no Indonesian stemmer, and the English one would
        # mangle Indonesian words. A stored column means a match never re-parses the text.
        op.execute(
            "ALTER TABLE agreement_search ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
            "(to_tsvector('simple', title || ' ' || body)) STORED"
        )
        # Keep the tsvector in the table itself rather than in TOAST: with it out of line the
        # planner priced a sequential scan by the tiny main heap and chose it over the GIN index,
        # then spent ~100 ms detoasting every row for a rare word (see docs/PERFORMANCE.md).
        op.execute("ALTER TABLE agreement_search ALTER COLUMN tsv SET STORAGE MAIN")
        op.execute("CREATE INDEX ix_agreement_search_tsv ON agreement_search USING GIN (tsv)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("agreement_fts_ai", "agreement_fts_ad", "agreement_fts_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS agreement_fts")
    else:
        op.execute("DROP INDEX IF EXISTS ix_agreement_search_tsv")
        op.execute("ALTER TABLE agreement_search DROP COLUMN IF EXISTS tsv")
