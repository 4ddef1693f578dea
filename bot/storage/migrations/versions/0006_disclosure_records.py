"""Regularly scheduled series: when each planner and faculty member last disclosed, for renewal reminders.

Revision ID: 0006_disclosure_records
Revises: 0005_question_team
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_disclosure_records"
down_revision = "0005_question_team"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "disclosure_records",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("owner_user_id", sa.String(length=64), nullable=False),
        sa.Column("shared_with", sa.JSON(), nullable=False),
        sa.Column("series", sa.String(length=200), nullable=False),
        sa.Column("person", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("collected_on", sa.Date(), nullable=False),
        sa.Column("renewal_months", sa.Integer(), nullable=False),
        sa.Column("draft_id", sa.Integer(), nullable=True),
        sa.Column("reminded_for", sa.Date(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("owner_user_id", "series", "person", name="uq_disclosure_series_person"),
    )
    op.create_index("ix_disclosure_records_owner_user_id", "disclosure_records", ["owner_user_id"])


def downgrade() -> None:
    op.drop_index("ix_disclosure_records_owner_user_id", table_name="disclosure_records")
    op.drop_table("disclosure_records")
