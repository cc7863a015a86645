"""Counterpart offices' exchange keys (packages and office cards are signed with them).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "trusted_exchange_key",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "office_id", sa.Integer(), sa.ForeignKey("office.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("fingerprint_sha256", sa.String(100), nullable=False),
        sa.Column("certificate_fingerprint", sa.String(100), nullable=False),
        sa.Column("public_key_der", sa.LargeBinary(), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("fingerprint_sha256"),
    )


def downgrade() -> None:
    op.drop_table("trusted_exchange_key")
