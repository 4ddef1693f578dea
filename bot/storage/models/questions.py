"""What members asked, how the bot answered, and what they thought of it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, Float, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.db import Base
from bot.storage.models._types import utcnow


class QuestionLog(Base):
    __tablename__ = "question_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    asked_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    user_id: Mapped[str] = mapped_column(String(64), default="", index=True)
    channel_id: Mapped[str] = mapped_column(String(64), default="")
    # The Slack workspace ("" for the console and for rows from before release 0.2): reports and admin views of
    # one workspace never count or show another's questions.
    team_id: Mapped[str] = mapped_column(String(32), default="", server_default="", index=True)
    surface: Mapped[str] = mapped_column(String(32), default="console")
    question: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text, default="")
    answered: Mapped[bool] = mapped_column(Boolean, default=True)
    abstained: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    mode: Mapped[str] = mapped_column(String(64), default="")
    sources: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    latency_ms: Mapped[float] = mapped_column(Float, default=0.0)


class Feedback(Base):
    """One vote per member per answer; voting again changes it (rows without a logged answer are not limited)."""

    __tablename__ = "feedback"
    __table_args__ = (UniqueConstraint("user_id", "question_log_id", name="uq_feedback_user_question"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    user_id: Mapped[str] = mapped_column(String(64), index=True)
    question_log_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    question: Mapped[str] = mapped_column(Text, default="")
    answer: Mapped[str] = mapped_column(Text, default="")
    sources: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    rating: Mapped[str] = mapped_column(String(16))
