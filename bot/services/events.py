"""A ledger of handled Slack events: the first claim of a key wins, every later one (a retry) loses.

The ledger lives in the database, so a retry that arrives after a restart is still recognised."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from bot.storage.db import Database
from bot.storage.models import ProcessedEvent


class EventLedger:
    def __init__(self, db: Database) -> None:
        self.db = db

    def claim(self, key: str, kind: str = "") -> bool:
        """True exactly once per key, across threads, processes and restarts."""
        if not key:
            return True
        try:
            with self.db.session() as session:
                session.add(ProcessedEvent(key=key[:255], kind=kind[:64]))
        except IntegrityError:
            return False
        return True

    def seen(self, key: str) -> bool:
        """Whether `key` was ever claimed (a fact recorded once and read by every replica, e.g. that a workspace
        has Slack's agent surface)."""
        with self.db.session() as session:
            return session.scalar(select(ProcessedEvent.key).where(ProcessedEvent.key == key[:255])) is not None
