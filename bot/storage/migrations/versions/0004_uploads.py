"""Documents admins shared with the bot, and the experts' verification of them.

Revision ID: 0004_uploads
Revises: 0003_community_knowledge
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_uploads"
down_revision = "0003_community_knowledge"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "uploads",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("team_id", sa.String(length=32), nullable=False),
        sa.Column("doc_id", sa.String(length=1024), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("uploader", sa.String(length=64), nullable=False),
        sa.Column("uploaded_at", sa.DateTime(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("verified_by", sa.String(length=64), nullable=False),
        sa.Column("verified_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_uploads_doc_id"), "uploads", ["doc_id"], unique=False)
    op.create_index(op.f("ix_uploads_status"), "uploads", ["status"], unique=False)
    op.create_index(op.f("ix_uploads_team_id"), "uploads", ["team_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_uploads_team_id"), table_name="uploads")
    op.drop_index(op.f("ix_uploads_status"), table_name="uploads")
    op.drop_index(op.f("ix_uploads_doc_id"), table_name="uploads")
    op.drop_table("uploads")
