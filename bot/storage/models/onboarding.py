"""Newcomer onboarding: who has been welcomed (once, ever), where that DM lives, their pathway progress and
their pending nudge. Kept in the database so retries, restarts and several workers all agree."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.db import Base
from bot.storage.models._types import utcnow


class OnboardingMember(Base):
    """One row per welcomed member; the primary key is what makes the welcome happen exactly once."""

    __tablename__ = "onboarding_members"

    user_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    welcomed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # What triggered the welcome: "team_join", or the channel id for member_joined_channel.
    source: Mapped[str] = mapped_column(String(64), default="")
    # The welcome DM, so a checklist tick anywhere (Home, console) can update that message in place.
    dm_channel: Mapped[str] = mapped_column(String(64), default="")
    dm_ts: Mapped[str] = mapped_column(String(32), default="")
    # The optional nudge: due time, cleared on any progress; sent_at set by whoever sends it first.
    nudge_due_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True, index=True)
    nudge_sent_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class OnboardingProgress(Base):
    __tablename__ = "onboarding_progress"
    __table_args__ = (UniqueConstraint("user_id", "item", name="uq_onboarding_progress_user_item"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[str] = mapped_column(String(64), index=True)
    item: Mapped[str] = mapped_column(String(64))
    done_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
