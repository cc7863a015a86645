"""Local users get a password or PIN (scrypt hash) checked when switching "Acting as".

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("local_user") as batch:
        batch.add_column(sa.Column("secret_hash", sa.String(200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("local_user") as batch:
        batch.drop_column("secret_hash")
