"""Alembic environment: runs on the connection bot.storage.db.Database hands it (no alembic.ini needed)."""

from __future__ import annotations

from alembic import context

from bot.storage import models  # noqa: F401  (registers every table on Base.metadata)
from bot.storage.db import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things in place; batch mode copies the table instead.
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
