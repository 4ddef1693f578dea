"""Maintainers' clearances of held-back knowledge files, kept in the bot's database."""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from bot.storage.db import Database
from bot.storage.models.clearances import KnowledgeClearance


def local_user() -> str:
    """Who is running the command, for the audit trail; containers may have no passwd entry."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return os.environ.get("USER") or os.environ.get("USERNAME") or "unknown"


@dataclass(frozen=True)
class Clearance:
    doc_id: str
    content_hash: str
    cleared_by: str
    cleared_at: datetime


class ClearanceStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def is_cleared(self, doc_id: str, content_hash: str) -> bool:
        with self.db.session() as session:
            row = session.scalar(
                select(KnowledgeClearance.id).where(
                    KnowledgeClearance.doc_id == doc_id, KnowledgeClearance.content_hash == content_hash
                )
            )
        return row is not None

    def record(self, doc_id: str, content_hash: str, cleared_by: str, findings: str = "") -> Clearance:
        with self.db.session() as session:
            row = session.scalar(
                select(KnowledgeClearance).where(
                    KnowledgeClearance.doc_id == doc_id, KnowledgeClearance.content_hash == content_hash
                )
            )
            if row is None:  # clearing the same content twice keeps the first reviewer on record
                row = KnowledgeClearance(
                    doc_id=doc_id, content_hash=content_hash, cleared_by=cleared_by, findings=findings[:2000]
                )
                session.add(row)
                session.flush()
            return Clearance(row.doc_id, row.content_hash, row.cleared_by, row.cleared_at)

    def history(self, doc_id: str) -> list[Clearance]:
        with self.db.session() as session:
            rows = session.scalars(
                select(KnowledgeClearance).where(KnowledgeClearance.doc_id == doc_id).order_by(KnowledgeClearance.id)
            ).all()
            return [Clearance(r.doc_id, r.content_hash, r.cleared_by, r.cleared_at) for r in rows]
