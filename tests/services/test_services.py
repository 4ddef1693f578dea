"""Services over SQLite by default, and over PostgreSQL (127.0.0.1:5432, database `test`) as in production."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.answering.models import Answer, Source
from bot.services.events import EventLedger
from bot.services.feedback import FeedbackService
from bot.services.questions import QuestionService
from bot.storage.db import Database

POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def _postgres_available() -> bool:
    try:
        database = Database(POSTGRES)
        with database.engine.connect() as connection:
            connection.execute(text("select 1"))
        database.dispose()
        return True
    except Exception:
        return False


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    if request.param == "sqlite":
        database = Database(f"sqlite:///{tmp_path / 'bot.sqlite3'}")
        database.create_all()
        yield database
        database.dispose()
        return
    if not _postgres_available():
        pytest.skip("PostgreSQL is not running on 127.0.0.1:5432")
    schema = f"t_{uuid.uuid4().hex[:10]}"
    admin = Database(POSTGRES)
    with admin.engine.begin() as connection:
        connection.execute(text(f"create schema {schema}"))
    database = Database(f"{POSTGRES}?options=-csearch_path%3D{schema}")
    database.create_all()
    yield database
    database.dispose()
    with admin.engine.begin() as connection:
        connection.execute(text(f"drop schema {schema} cascade"))
    admin.dispose()


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
