"""Access and members' data: the audit log of admins', curators' and experts' actions, and the bot's own secrets.

The audit log is append-only by design: the bot has code to add and read entries, none to change or delete them
(bot/services/audit.py), and the retention job never touches it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.db import Base
from bot.storage.models._types import utcnow


class AuditEntry(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    # A Slack user id, "cli:<os user>" for the command line, or "system" for scheduled jobs.
    actor: Mapped[str] = mapped_column(String(255), default="")
    # What was done: "community.verify", "data.export", "data.delete", "data.purge", "index.clear"...
    action: Mapped[str] = mapped_column(String(64), index=True)
    # What it was done to: "community:12", "member:U123", "upload:4", a file path...
    target: Mapped[str] = mapped_column(String(1024), default="", index=True)
    team_id: Mapped[str] = mapped_column(String(32), default="")
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class AppSecret(Base):
    """Secrets the bot makes for itself once and every replica shares (the pseudonym key)."""

    __tablename__ = "app_secrets"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
