"""Alembic environment of Lintas, driven from ``mou.db.open_database`` (no alembic.ini needed).

The caller passes an open connection in ``config.attributes["connection"]``; the autogenerate
helper passes a URL in the ``sqlalchemy.url`` option instead.
"""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy import create_engine

from mou.models import Base, UTCDateTime

config = context.config
target_metadata = Base.metadata


def _render_item(type_: str, obj: Any, autogen_context: Any) -> str | bool:
    # Migrations must not import application types that may change later: render plainly.
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def _configure(connection: Any) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite cannot ALTER most things
        render_item=_render_item,
        compare_type=True,
    )


def run_migrations_online() -> None:
    """Run against the caller's connection, or a URL when autogenerating."""
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.connect() as conn:
        _configure(conn)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run_migrations_online()
