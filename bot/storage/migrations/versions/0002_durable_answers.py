"""Durable answering: the answer job table, index versions for reloads, and one vote per member per answer.

Revision ID: 0002_durable_answers
Revises: 0001_release_0_1
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_durable_answers"
down_revision = "0001_release_0_1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "answer_jobs",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("key", sa.String(length=255), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("messages", sa.JSON(), nullable=True),
        sa.Column("question_log_id", sa.Integer(), nullable=True),
        sa.Column("posted", sa.JSON(), nullable=False),
        sa.Column("uncertain", sa.Boolean(), nullable=False),
        sa.Column("answer_attempts", sa.Integer(), nullable=False),
        sa.Column("post_attempts", sa.Integer(), nullable=False),
        sa.Column("lease_owner", sa.String(length=128), nullable=True),
        sa.Column("lease_until", sa.DateTime(), nullable=True),
        sa.Column("enqueued_at", sa.DateTime(), nullable=False),
        sa.Column("not_before", sa.DateTime(), nullable=True),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key"),
    )
    op.create_index(op.f("ix_answer_jobs_created_at"), "answer_jobs", ["created_at"], unique=False)
    op.create_index(op.f("ix_answer_jobs_lease_until"), "answer_jobs", ["lease_until"], unique=False)
    op.create_index(op.f("ix_answer_jobs_state"), "answer_jobs", ["state"], unique=False)
    op.create_table(
        "knowledge_versions",
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    # Release 0.1 stored every click; a member's last vote on an answer is the one that stands.
    op.execute(
        "DELETE FROM feedback WHERE question_log_id IS NOT NULL AND id NOT IN "
        "(SELECT MAX(id) FROM feedback WHERE question_log_id IS NOT NULL GROUP BY user_id, question_log_id)"
    )
    with op.batch_alter_table("feedback") as batch:
        batch.create_unique_constraint("uq_feedback_user_question", ["user_id", "question_log_id"])


def downgrade() -> None:
    with op.batch_alter_table("feedback") as batch:
        batch.drop_constraint("uq_feedback_user_question", type_="unique")
    op.drop_table("knowledge_versions")
    op.drop_index(op.f("ix_answer_jobs_state"), table_name="answer_jobs")
    op.drop_index(op.f("ix_answer_jobs_lease_until"), table_name="answer_jobs")
    op.drop_index(op.f("ix_answer_jobs_created_at"), table_name="answer_jobs")
    op.drop_table("answer_jobs")
