"""Full-text search over agreements: SQLite FTS5 table kept in sync by triggers, PostgreSQL GIN.

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
        # External-content FTS5 index over agreement.title/search_text; the triggers keep it in
        # step with every insert, update and delete, so no code path can forget to reindex.
        op.execute(
            "CREATE VIRTUAL TABLE agreement_fts USING fts5("
            "title, search_text, content='agreement', content_rowid='id', "
            "tokenize='unicode61 remove_diacritics 2')"
        )
        op.execute(
            "CREATE TRIGGER agreement_fts_ai AFTER INSERT ON agreement BEGIN "
            "INSERT INTO agreement_fts(rowid, title, search_text) "
            "VALUES (new.id, new.title, new.search_text); END"
        )
        op.execute(
            "CREATE TRIGGER agreement_fts_ad AFTER DELETE ON agreement BEGIN "
            "INSERT INTO agreement_fts(agreement_fts, rowid, title, search_text) "
            "VALUES ('delete', old.id, old.title, old.search_text); END"
        )
        op.execute(
            "CREATE TRIGGER agreement_fts_au AFTER UPDATE OF title, search_text ON agreement BEGIN "
            "INSERT INTO agreement_fts(agreement_fts, rowid, title, search_text) "
            "VALUES ('delete', old.id, old.title, old.search_text); "
            "INSERT INTO agreement_fts(rowid, title, search_text) "
            "VALUES (new.id, new.title, new.search_text); END"
        )
        op.execute("INSERT INTO agreement_fts(agreement_fts) VALUES ('rebuild')")
    else:
        # 'simple' configuration: Indonesian has no stemmer in PostgreSQL, and stemming with the
        # English one would mangle Indonesian words.
        op.execute(
            "CREATE INDEX ix_agreement_fulltext ON agreement USING GIN "
            "(to_tsvector('simple', title || ' ' || search_text))"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("agreement_fts_ai", "agreement_fts_ad", "agreement_fts_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS agreement_fts")
    else:
        op.execute("DROP INDEX IF EXISTS ix_agreement_fulltext")
