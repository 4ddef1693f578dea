"""Helpful / Not helpful ratings, kept with the question, answer and sources they judge."""

from __future__ import annotations

from typing import Literal

from bot.storage.db import Database
from bot.storage.models import Feedback, QuestionLog

Rating = Literal["helpful", "not_helpful"]


class FeedbackService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def record(self, user_id: str, question_id: int | None, rating: Rating) -> Feedback:
        if rating not in ("helpful", "not_helpful"):
            raise ValueError(f"unknown rating {rating!r}")
        with self.db.session() as session:
            logged = session.get(QuestionLog, question_id) if question_id is not None else None
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
