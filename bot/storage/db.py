"""One SQL database for everything the bot must remember: SQLite by default, PostgreSQL via DATABASE_URL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker


class Base(DeclarativeBase):
    pass


# The first migration: the schema release 0.1 made with create_all, before migrations existed.
BASELINE_REVISION = "0001_release_0_1"
# Tables of the app itself (slack_sdk's OAuth tables do not make a database ours).
_APP_TABLES = frozenset({"question_log", "feedback", "processed_events", "flow_drafts", "onboarding_members"})


def _alembic_config(connection: Connection):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    config.attributes["connection"] = connection
    return config


class Database:
    def __init__(self, url: str) -> None:
        self.url = url
        if url.startswith("sqlite"):
            path = url.split("///", 1)[-1]
            if path and path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            # Slack listeners run on worker threads; SQLite must accept connections shared across them.
            self.engine: Engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
            event.listen(self.engine, "connect", _sqlite_pragmas)
        else:
            self.engine = create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    def create_all(self) -> None:
        from bot.storage import models  # noqa: F401  (registers every table on Base.metadata)

        Base.metadata.create_all(self.engine)

    def migrate(self) -> str:
        """Bring the schema to the newest revision; returns what was done ("created", "upgraded", "current").

        A brand-new database gets every table from the models and is stamped as current. A database made by
        release 0.1 (tables, no alembic_version) is stamped with the 0.1 revision and upgraded from there.
        Anything else is upgraded by Alembic. On PostgreSQL an advisory lock keeps replicas that start
        together from migrating twice."""
        from alembic import command
        from alembic.runtime.migration import MigrationContext
        from sqlalchemy import inspect, text

        with self.engine.connect() as connection:
            if connection.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_lock(7316052)"))
            try:
                config = _alembic_config(connection)
                tables = set(inspect(connection).get_table_names())
                current = MigrationContext.configure(connection).get_current_revision()
                if current is None and not tables & _APP_TABLES:
                    self.create_all_on(connection)
                    command.stamp(config, "head")
                    outcome = "created"
                else:
                    if current is None:
                        command.stamp(config, BASELINE_REVISION)
                    before = MigrationContext.configure(connection).get_current_revision()
                    command.upgrade(config, "head")
                    after = MigrationContext.configure(connection).get_current_revision()
                    outcome = "upgraded" if before != after else "current"
                connection.commit()
            finally:
                if connection.dialect.name == "postgresql":
                    connection.execute(text("SELECT pg_advisory_unlock(7316052)"))
                    connection.commit()
        return outcome

    @staticmethod
    def create_all_on(connection: Connection) -> None:
        from bot.storage import models  # noqa: F401

        Base.metadata.create_all(connection)

    @contextmanager
    def session(self) -> Iterator[Session]:
        session = self._sessions()
        try:
            yield session
            session.commit()
        except Exception:
            session.rollback()
            raise
        finally:
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    # WAL lets the HTTP workers read while one writes; busy_timeout rides out short write locks.
    cursor.execute("PRAGMA journal_mode=WAL")
    # NORMAL is the usual pairing with WAL: a commit survives the process being killed (what a crash or a
    # deploy does); only an OS crash or power cut can lose the last commits. Each ack commits one job row,
    # and FULL's fsync per commit was the largest part of the ack time under a burst.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
