"""Community knowledge: answers members and experts explicitly saved from Slack, and questions sent to experts.

Nothing here comes from reading channels: an item exists because someone chose to save it (a shortcut, an
expert's reaction, the save offered on an escalation reply). An item answers only once an expert verified it."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.db import Base
from bot.storage.models._types import utcnow


class CommunityItem(Base):
    """The answer-card structure (question, paraphrases, answer, sources, author, verifier, verified date,
    review-by, visibility) for an answer saved from Slack."""

    __tablename__ = "community_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    team_id: Mapped[str] = mapped_column(String(32), index=True)
    # pending (saved by a non-expert), verified, needs_review (source edited, past review-by, reported), rejected,
    # retired (source deleted, or an admin retired it). Only verified items answer.
    status: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    question: Mapped[str] = mapped_column(Text)
    paraphrases: Mapped[list[str]] = mapped_column(JSON, default=list)
    answer: Mapped[str] = mapped_column(Text)
    topic: Mapped[str] = mapped_column(String(64), default="")
    authority_url: Mapped[str] = mapped_column(String(1000), default="")
    author_id: Mapped[str] = mapped_column(String(64), default="")  # who wrote the answer in Slack
    saved_by: Mapped[str] = mapped_column(String(64), default="")
    verifier_id: Mapped[str] = mapped_column(String(64), default="")
    verified_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    review_by: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    # Where the answer was given: "workspace" items answer anywhere in the team; "channel" items only in that
    # channel, or in a DM with a member of it.
    visibility: Mapped[str] = mapped_column(String(16), default="channel")
    channel_id: Mapped[str] = mapped_column(String(64), default="", index=True)
    channel_private: Mapped[bool] = mapped_column(Boolean, default=False)
    source_ts: Mapped[str] = mapped_column(String(32), default="", index=True)
    thread_ts: Mapped[str] = mapped_column(String(32), default="")
    permalink: Mapped[str] = mapped_column(String(1000), default="")
    # The question's embedding (and its paraphrases'), computed once at save: loading 5,000 items must not
    # re-embed them.
    vectors: Mapped[list[list[float]]] = mapped_column(JSON, default=list)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class Escalation(Base):
    """A question a member sent to the experts: where it was posted, and whether someone answered."""

    __tablename__ = "escalations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    team_id: Mapped[str] = mapped_column(String(32), index=True)
    question_log_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    asker_id: Mapped[str] = mapped_column(String(64))
    question: Mapped[str] = mapped_column(Text)
    origin_channel: Mapped[str] = mapped_column(String(64), default="")
    experts_channel: Mapped[str] = mapped_column(String(64), default="")
    posted_ts: Mapped[str] = mapped_column(String(32), default="", index=True)
    status: Mapped[str] = mapped_column(String(16), default="waiting", index=True)  # waiting, answered
    answered_by: Mapped[str] = mapped_column(String(64), default="")
    answer_ts: Mapped[str] = mapped_column(String(32), default="")
    item_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    extra: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    answered_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class UploadRecord(Base):
    """A document an admin shared with the bot: unreviewed (a labelled, never sole, source) until an expert
    verifies this exact content; an edited file is unreviewed again."""

    __tablename__ = "uploads"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    team_id: Mapped[str] = mapped_column(String(32), index=True)
    doc_id: Mapped[str] = mapped_column(String(1024), index=True)
    name: Mapped[str] = mapped_column(String(255), default="")
    uploader: Mapped[str] = mapped_column(String(64), default="")
    uploaded_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    content_hash: Mapped[str] = mapped_column(String(64), default="")
    status: Mapped[str] = mapped_column(String(16), default="unreviewed", index=True)  # unreviewed, verified
    verified_by: Mapped[str] = mapped_column(String(64), default="")
    verified_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
