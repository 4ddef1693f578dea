"""The question log: what was asked, where, and whether the bot answered or declined."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from bot.answering.models import Answer
from bot.storage.db import Database
from bot.storage.models import Feedback, QuestionLog


@dataclass(frozen=True)
class QuestionCounts:
    questions: int
    answered: int
    abstained: int
    helpful: int
    not_helpful: int


class QuestionService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def record(
        self, answer: Answer, user_id: str = "", channel_id: str = "", surface: str = "console", team_id: str = ""
    ) -> int:
        with self.db.session() as session:
            row = QuestionLog(
                user_id=user_id,
                channel_id=channel_id,
                team_id=team_id,
                surface=surface,
                question=answer.question[:4000],
                answer=answer.answer[:8000],
                answered=not answer.abstained,
                abstained=answer.abstained,
                mode=answer.mode if answer.mode != "llm" else f"llm:{answer.model}",
                sources=[{"title": s.title, "heading": s.heading, "url": s.url} for s in answer.sources],
                latency_ms=answer.latency_ms,
            )
            session.add(row)
            session.flush()
            return int(row.id)

    def get(self, question_id: int) -> QuestionLog | None:
        with self.db.session() as session:
            return session.get(QuestionLog, question_id)

    def recent_for_user(self, user_id: str, limit: int = 5) -> list[QuestionLog]:
        with self.db.session() as session:
            query = (
                select(QuestionLog).where(QuestionLog.user_id == user_id).order_by(QuestionLog.id.desc()).limit(limit)
            )
            return list(session.scalars(query))

    def recent_unanswered(self, limit: int = 5, team_id: str | None = None) -> list[QuestionLog]:
        """`team_id`: only that workspace's questions (None: all, for the console and single-workspace installs)."""
        with self.db.session() as session:
            query = select(QuestionLog).where(QuestionLog.abstained.is_(True))
            if team_id is not None:
                query = query.where(QuestionLog.team_id == team_id)
            return list(session.scalars(query.order_by(QuestionLog.id.desc()).limit(limit)))

    def counts(self, team_id: str | None = None) -> QuestionCounts:
        with self.db.session() as session:
            asked = select(QuestionLog.id)
            if team_id is not None:
                asked = asked.where(QuestionLog.team_id == team_id)
            ids = asked.subquery()
            total = session.scalar(select(func.count()).select_from(ids)) or 0
            abstained = (
                session.scalar(
                    select(func.count(QuestionLog.id)).where(
                        QuestionLog.abstained.is_(True), QuestionLog.id.in_(select(ids.c.id))
                    )
                )
                or 0
            )
            rated = select(func.count(Feedback.id))
            if team_id is not None:
                rated = rated.where(Feedback.question_log_id.in_(select(ids.c.id)))
            helpful = session.scalar(rated.where(Feedback.rating == "helpful")) or 0
            not_helpful = session.scalar(rated.where(Feedback.rating == "not_helpful")) or 0
        return QuestionCounts(total, total - abstained, abstained, helpful, not_helpful)
