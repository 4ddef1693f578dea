"""Services over SQLite by default, and over PostgreSQL (127.0.0.1:5432, database `test`) as in production."""

from __future__ import annotations

import threading

import pytest

from bot.answering.models import Answer, Source
from bot.services.events import EventLedger
from bot.services.feedback import FeedbackService
from bot.services.questions import QuestionService
from bot.storage.db import Database


def _answer(abstained: bool = False) -> Answer:
    source = Source(
        title="Standard 3", heading="Lookback", url="https://accme.org", authority="ACCME", text="t", score=1
    )
    return Answer(question="How far back?", answer="24 months [1]", abstained=abstained, sources=[source])


def test_event_ledger_claims_once_even_under_concurrency(db: Database) -> None:
    ledger = EventLedger(db)
    results: list[bool] = []
    threads = [threading.Thread(target=lambda: results.append(ledger.claim("Ev123", "app_mention"))) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results.count(True) == 1
    assert EventLedger(db).claim("Ev123") is False  # a new ledger (a restart) still remembers
    assert ledger.claim("Ev124") is True


def test_question_log_and_feedback(db: Database) -> None:
    questions = QuestionService(db)
    first = questions.record(_answer(), user_id="U1", channel_id="C1", surface="slack")
    questions.record(_answer(abstained=True), user_id="U1")
    assert [q.id for q in questions.recent_for_user("U1")][-1] == first
    assert len(questions.recent_unanswered()) == 1
    row = FeedbackService(db).record("U2", first, "helpful")
    assert row.question == "How far back?" and row.sources[0]["title"] == "Standard 3"
    FeedbackService(db).record("U3", first, "not_helpful")
    counts = questions.counts()
    assert (counts.questions, counts.answered, counts.abstained, counts.helpful, counts.not_helpful) == (2, 1, 1, 1, 1)
    with pytest.raises(ValueError):
        FeedbackService(db).record("U3", first, "meh")  # type: ignore[arg-type]
