"""Knowledge files a maintainer reviewed and cleared after the injection scan held them back.

A clearance names the exact content (hash) that was reviewed: an edited file is scanned again."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.db import Base
from bot.storage.models._types import utcnow


class KnowledgeClearance(Base):
    __tablename__ = "knowledge_clearances"
    __table_args__ = (UniqueConstraint("doc_id", "content_hash", name="uq_knowledge_clearance_doc_hash"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    doc_id: Mapped[str] = mapped_column(String(1024), index=True)
    content_hash: Mapped[str] = mapped_column(String(64))
    cleared_by: Mapped[str] = mapped_column(String(255), default="")
    cleared_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # What the scan said when the maintainer cleared it, for whoever audits the clearance later.
    findings: Mapped[str] = mapped_column(String(2000), default="")
