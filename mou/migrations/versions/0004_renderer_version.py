"""The agreement records which PDF renderer made its PDF of the agreed revision for signing.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("agreement") as batch:
        batch.add_column(sa.Column("renderer_version", sa.String(100), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("agreement") as batch:
        batch.drop_column("renderer_version")
