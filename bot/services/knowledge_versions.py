"""Which version of the knowledge index is current, so running processes notice another one's re-index."""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError

from bot.storage.db import Database
from bot.storage.models._types import utcnow
from bot.storage.models.jobs import KnowledgeVersion


class KnowledgeVersions:
    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, name: str) -> int:
        with self.db.session() as session:
            row = session.get(KnowledgeVersion, name)
            return int(row.version) if row is not None else 0

    def bump(self, name: str) -> int:
        """A new version after a re-index that changed something; returns it."""
        for _ in range(3):  # two processes creating the first row race on the primary key; the loser updates
            try:
                with self.db.session() as session:
                    row = session.get(KnowledgeVersion, name, with_for_update=True)
                    if row is None:
                        row = KnowledgeVersion(name=name, version=1)
                        session.add(row)
                    else:
                        row.version += 1
                        row.updated_at = utcnow()
                    session.flush()
                    return int(row.version)
            except IntegrityError:
                continue
        raise RuntimeError(f"could not record a new version of {name}")
