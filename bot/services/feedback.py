"""Helpful / Not helpful ratings, kept with the question, answer and sources they judge."""

from __future__ import annotations

from typing import Literal

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from bot.services import metrics
from bot.storage.db import Database
from bot.storage.models import Feedback, QuestionLog
from bot.storage.models._types import utcnow

Rating = Literal["helpful", "not_helpful"]


class FeedbackService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def record(self, user_id: str, question_id: int | None, rating: Rating) -> Feedback:
        """A member's vote on an answer; voting again on the same answer changes the vote (one row each)."""
        if rating not in ("helpful", "not_helpful"):
            raise ValueError(f"unknown rating {rating!r}")
        metrics.record_feedback(rating)  # every vote, a changed one too: /metrics counts votes cast
        for _ in range(2):  # a concurrent first vote by the same member wins the insert; then update it
            try:
                return self._record(user_id, question_id, rating)
            except IntegrityError:
                continue
        return self._record(user_id, question_id, rating)

    def _record(self, user_id: str, question_id: int | None, rating: Rating) -> Feedback:
        with self.db.session() as session:
            logged = session.get(QuestionLog, question_id) if question_id is not None else None
            existing = (
                session.scalar(
                    select(Feedback).where(Feedback.user_id == user_id, Feedback.question_log_id == logged.id)
                )
                if logged
                else None
            )
            if existing is not None:
                existing.rating = rating
                existing.created_at = utcnow()
                session.flush()
                return existing
            row = Feedback(
                user_id=user_id,
                question_log_id=question_id if logged else None,
                question=logged.question if logged else "",
                answer=logged.answer if logged else "",
                sources=list(logged.sources) if logged else [],
                rating=rating,
            )
            session.add(row)
            session.flush()
            return row
