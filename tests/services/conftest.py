"""The services run on SQLite and on PostgreSQL (127.0.0.1:5432, database `test`, a schema per test)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

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
        database.migrate()
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
    database.migrate()
    yield database
    database.dispose()
    with admin.engine.begin() as connection:
        connection.execute(text(f"drop schema {schema} cascade"))
    admin.dispose()
