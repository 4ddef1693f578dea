"""The workspace of each logged question, so one workspace's reports never include another's questions.

Revision ID: 0005_question_team
Revises: 0004_uploads
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_question_team"
down_revision = "0004_uploads"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("question_log") as batch:
        batch.add_column(sa.Column("team_id", sa.String(length=32), server_default="", nullable=False))
        batch.create_index(batch.f("ix_question_log_team_id"), ["team_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("question_log") as batch:
        batch.drop_index(batch.f("ix_question_log_team_id"))
        batch.drop_column("team_id")
