"""The schema of release 0.1 (issues 2-9): the tables `create_all` made before migrations existed.

A database made by that release has these tables and no alembic_version row; Database.migrate() stamps it with
this revision and upgrades it from here.

Revision ID: 0001_release_0_1
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_release_0_1"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "feedback",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("question_log_id", sa.Integer(), nullable=True),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("sources", sa.JSON(), nullable=False),
        sa.Column("rating", sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_feedback_created_at"), "feedback", ["created_at"], unique=False)
    op.create_index(op.f("ix_feedback_user_id"), "feedback", ["user_id"], unique=False)
    op.create_table(
        "flow_drafts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("flow", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("step_index", sa.Integer(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("surface", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("completed_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_flow_drafts_status"), "flow_drafts", ["status"], unique=False)
    op.create_index(op.f("ix_flow_drafts_updated_at"), "flow_drafts", ["updated_at"], unique=False)
    op.create_index(op.f("ix_flow_drafts_user_id"), "flow_drafts", ["user_id"], unique=False)
    op.create_table(
        "knowledge_clearances",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("doc_id", sa.String(length=1024), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("cleared_by", sa.String(length=255), nullable=False),
        sa.Column("cleared_at", sa.DateTime(), nullable=False),
        sa.Column("findings", sa.String(length=2000), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("doc_id", "content_hash", name="uq_knowledge_clearance_doc_hash"),
    )
    op.create_index(op.f("ix_knowledge_clearances_doc_id"), "knowledge_clearances", ["doc_id"], unique=False)
    op.create_table(
        "onboarding_members",
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("welcomed_at", sa.DateTime(), nullable=False),
        sa.Column("source", sa.String(length=64), nullable=False),
        sa.Column("dm_channel", sa.String(length=64), nullable=False),
        sa.Column("dm_ts", sa.String(length=32), nullable=False),
        sa.Column("nudge_due_at", sa.DateTime(), nullable=True),
        sa.Column("nudge_sent_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("user_id"),
    )
    op.create_index(op.f("ix_onboarding_members_nudge_due_at"), "onboarding_members", ["nudge_due_at"], unique=False)
    op.create_table(
        "onboarding_progress",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("item", sa.String(length=64), nullable=False),
        sa.Column("done_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("user_id", "item", name="uq_onboarding_progress_user_item"),
    )
    op.create_index(op.f("ix_onboarding_progress_user_id"), "onboarding_progress", ["user_id"], unique=False)
    op.create_table(
        "processed_events",
        sa.Column("key", sa.String(length=255), nullable=False),
        sa.Column("kind", sa.String(length=64), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_index(op.f("ix_processed_events_received_at"), "processed_events", ["received_at"], unique=False)
    op.create_table(
        "question_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("asked_at", sa.DateTime(), nullable=False),
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("channel_id", sa.String(length=64), nullable=False),
        sa.Column("surface", sa.String(length=32), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("answered", sa.Boolean(), nullable=False),
        sa.Column("abstained", sa.Boolean(), nullable=False),
        sa.Column("mode", sa.String(length=64), nullable=False),
        sa.Column("sources", sa.JSON(), nullable=False),
        sa.Column("latency_ms", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_question_log_abstained"), "question_log", ["abstained"], unique=False)
    op.create_index(op.f("ix_question_log_asked_at"), "question_log", ["asked_at"], unique=False)
    op.create_index(op.f("ix_question_log_user_id"), "question_log", ["user_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_question_log_user_id"), table_name="question_log")
    op.drop_index(op.f("ix_question_log_asked_at"), table_name="question_log")
    op.drop_index(op.f("ix_question_log_abstained"), table_name="question_log")
    op.drop_table("question_log")
    op.drop_index(op.f("ix_processed_events_received_at"), table_name="processed_events")
    op.drop_table("processed_events")
    op.drop_index(op.f("ix_onboarding_progress_user_id"), table_name="onboarding_progress")
    op.drop_table("onboarding_progress")
    op.drop_index(op.f("ix_onboarding_members_nudge_due_at"), table_name="onboarding_members")
    op.drop_table("onboarding_members")
    op.drop_index(op.f("ix_knowledge_clearances_doc_id"), table_name="knowledge_clearances")
    op.drop_table("knowledge_clearances")
    op.drop_index(op.f("ix_flow_drafts_user_id"), table_name="flow_drafts")
    op.drop_index(op.f("ix_flow_drafts_updated_at"), table_name="flow_drafts")
    op.drop_index(op.f("ix_flow_drafts_status"), table_name="flow_drafts")
    op.drop_table("flow_drafts")
    op.drop_index(op.f("ix_feedback_user_id"), table_name="feedback")
    op.drop_index(op.f("ix_feedback_created_at"), table_name="feedback")
    op.drop_table("feedback")
