"""Knowledge releases: the installed release, the sections community answers cite, and what is marked for review.

Revision ID: 0008_knowledge_release
Revises: 0007_members_data
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_knowledge_release"
down_revision = "0007_members_data"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "knowledge_installs",
        sa.Column("name", sa.String(length=255), primary_key=True),
        sa.Column("version", sa.String(length=32), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("installed_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "knowledge_citations",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("doc", sa.String(length=500), nullable=False),
        sa.Column("section", sa.String(length=500), nullable=False),
        sa.Column("hash", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("item_id", "doc", "section", name="uq_knowledge_citation_item_section"),
    )
    op.create_index("ix_knowledge_citations_item_id", "knowledge_citations", ["item_id"])
    op.create_table(
        "knowledge_reviews",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("ref", sa.String(length=128), nullable=False),
        sa.Column("team_id", sa.String(length=32), nullable=False),
        sa.Column("doc", sa.String(length=500), nullable=False),
        sa.Column("section", sa.String(length=500), nullable=False),
        sa.Column("old_hash", sa.String(length=16), nullable=False),
        sa.Column("new_hash", sa.String(length=16), nullable=False),
        sa.Column("release", sa.String(length=32), nullable=False),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column("change_kind", sa.String(length=16), nullable=False),
        sa.Column("rule", sa.String(length=500), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("resolution", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.UniqueConstraint("kind", "ref", "doc", "section", "new_hash", name="uq_knowledge_review_change"),
    )
    op.create_index("ix_knowledge_reviews_team_id", "knowledge_reviews", ["team_id"])
    op.create_index("ix_knowledge_reviews_status", "knowledge_reviews", ["status"])


def downgrade() -> None:
    op.drop_index("ix_knowledge_reviews_status", table_name="knowledge_reviews")
    op.drop_index("ix_knowledge_reviews_team_id", table_name="knowledge_reviews")
    op.drop_table("knowledge_reviews")
    op.drop_index("ix_knowledge_citations_item_id", table_name="knowledge_citations")
    op.drop_table("knowledge_citations")
    op.drop_table("knowledge_installs")
