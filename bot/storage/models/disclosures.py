"""When each person in control of content of a regularly scheduled series last disclosed: one row per series and
person, written when a /disclosure-check of a series is finished, read by the reminder job.

Only names, roles and dates are kept here; what people disclosed stays in the finished draft, which only its
owner (and the planners they shared the record with) can open."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, DateTime, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.db import Base
from bot.storage.models._types import utcnow


class DisclosureRecord(Base):
    __tablename__ = "disclosure_records"
    __table_args__ = (UniqueConstraint("owner_user_id", "series", "person", name="uq_disclosure_series_person"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    owner_user_id: Mapped[str] = mapped_column(String(64), index=True)
    shared_with: Mapped[list[Any]] = mapped_column(JSON, default=list)
    series: Mapped[str] = mapped_column(String(200))
    person: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(32), default="")
    collected_on: Mapped[date] = mapped_column(Date)
    renewal_months: Mapped[int] = mapped_column(Integer, default=12)
    draft_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # The renewal date a reminder was sent for, so each renewal is announced once.
    reminded_for: Mapped[date | None] = mapped_column(Date, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
