"""Answer jobs: one row per acknowledged question, written before the ack, the source of truth for answering.

A job moves queued -> answering -> ready (answer computed, messages stored) -> posting -> posted, or to failed.
Whoever works on a job holds a lease (owner, until) and renews it while working; a lease that runs out means
the worker died, and the sweeper hands the job to another (bot/services/jobs.py)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.db import Base
from bot.storage.models._types import utcnow


class AnswerJob(Base):
    __tablename__ = "answer_jobs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # What makes a delivery the same question: "slack-event:<event_id>", "slack-command:<trigger_id>".
    key: Mapped[str] = mapped_column(String(255), unique=True)
    kind: Mapped[str] = mapped_column(String(32), default="")
    state: Mapped[str] = mapped_column(String(16), default="queued", index=True)
    # The question and where to answer it (channel, thread, user, team, response_url...).
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # The messages to post, once computed: a list of chat.postMessage keyword arguments.
    messages: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON, nullable=True)
    question_log_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # The ts of each message part already posted, in order: what makes a retry after a crash post the rest only.
    posted: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Set when a post may have reached Slack without our knowing (timeout, 5xx, a takeover): look before posting.
    uncertain: Mapped[bool] = mapped_column(Boolean, default=False)
    answer_attempts: Mapped[int] = mapped_column(Integer, default=0)
    post_attempts: Mapped[int] = mapped_column(Integer, default=0)
    lease_owner: Mapped[str | None] = mapped_column(String(128), nullable=True)
    lease_until: Mapped[datetime | None] = mapped_column(DateTime, nullable=True, index=True)
    # When the job was last handed to the task queue, and the earliest time its next attempt may run.
    enqueued_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    not_before: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class KnowledgeVersion(Base):
    """One row per index (the collection name): bumped by whichever process re-indexes, polled by the others."""

    __tablename__ = "knowledge_versions"

    name: Mapped[str] = mapped_column(String(255), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
