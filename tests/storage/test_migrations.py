"""Schema migrations: a brand-new database, one made by release 0.1, and the same on PostgreSQL."""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, select, text

from bot.storage.db import Database
from bot.storage.models import Feedback, QuestionLog
from bot.storage.models.flows import FlowDraft

RELEASE_0_1 = Path(__file__).parent / "fixtures" / "release-0.1.sql"


def _release_0_1_database(path: Path) -> str:
    """A SQLite file exactly as release 0.1 left it: its tables and rows, no alembic_version."""
    connection = sqlite3.connect(path)
    connection.executescript(RELEASE_0_1.read_text())
    connection.close()
    return f"sqlite:///{path}"


def test_a_new_database_is_created_and_stamped(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'new.sqlite3'}")
    assert db.migrate() == "created"
    tables = set(inspect(db.engine).get_table_names())
    assert {"answer_jobs", "knowledge_versions", "question_log", "alembic_version"} <= tables
    assert db.migrate() == "current"


def test_a_release_0_1_database_is_upgraded_keeping_its_data(tmp_path: Path) -> None:
    db = Database(_release_0_1_database(tmp_path / "old.sqlite3"))
    assert db.migrate() == "upgraded"
    with db.session() as session:
        [question] = session.scalars(select(QuestionLog)).all()
        assert question.question == "How far back do disclosures go?"
        assert session.scalars(select(FlowDraft)).one().answers == {"topic": "Hypertension"}
        # Release 0.1 kept every click: member U2 voted twice on one answer. The last vote stands.
        votes = {(f.user_id, f.rating) for f in session.scalars(select(Feedback))}
        assert votes == {("U2", "not_helpful"), ("U3", "helpful")}
    assert "answer_jobs" in inspect(db.engine).get_table_names()
    with db.engine.connect() as connection:
        version = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    assert version == "0008_knowledge_release"
    assert db.migrate() == "current"


@pytest.mark.postgres
def test_postgres_is_created_then_current() -> None:
    schema = f"mig_{uuid.uuid4().hex[:8]}"
    admin = create_engine("postgresql+psycopg://postgres@127.0.0.1:5432/test")
    try:
        with admin.connect() as connection:
            connection.execute(text(f"CREATE SCHEMA {schema}"))
            connection.commit()
    except Exception as exc:  # pragma: no cover - the machine always runs PostgreSQL; say so if it does not
        pytest.fail(f"PostgreSQL on 127.0.0.1:5432 is not reachable: {exc}")
    url = f"postgresql+psycopg://postgres@127.0.0.1:5432/test?options=-csearch_path%3D{schema}"
    db = Database(url)
    try:
        assert db.migrate() == "created"
        assert db.migrate() == "current"
        assert "answer_jobs" in inspect(db.engine).get_table_names(schema=schema)
    finally:
        db.dispose()
        with admin.connect() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
            connection.commit()
        admin.dispose()
