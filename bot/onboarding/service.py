"""Each member's onboarding state over the database: the welcome (exactly once), pathway progress, and the
optional nudge. Every "only once" rule is enforced by the database (a primary key, a unique constraint or a
guarded UPDATE), not by checking first, so concurrent retries and several workers cannot both win."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cached_property

from sqlalchemy import delete, exists, select, update
from sqlalchemy.exc import IntegrityError

from bot.config import Settings
from bot.onboarding.pathway import Pathway, PathwayItem, load_pathway
from bot.storage.db import Database
from bot.storage.models._types import utcnow
from bot.storage.models.onboarding import OnboardingMember, OnboardingProgress

log = logging.getLogger(__name__)

# Far longer than a welcome takes (two Web API calls), so a claim this old without a DM was abandoned.
STALE_CLAIM = timedelta(minutes=10)


@dataclass(frozen=True)
class ChecklistEntry:
    item: PathwayItem
    done: bool


@dataclass(frozen=True)
class WelcomeMessage:
    channel: str
    ts: str


class OnboardingService:
    def __init__(self, db: Database, settings: Settings, pathway: Pathway | None = None) -> None:
        self.db = db
        self.settings = settings
        self._pathway = pathway

    @cached_property
    def pathway(self) -> Pathway:
        return self._pathway or load_pathway()

    # --- the welcome ----------------------------------------------------------------------------------
    def claim_welcome(self, user_id: str, source: str, now: datetime | None = None) -> bool:
        """True for exactly one caller per member, ever; that caller must send the DM (or release the claim)."""
        now = now or utcnow()
        days = self.settings.nudge_after_days
        try:
            with self.db.session() as session:
                session.add(
                    OnboardingMember(
                        user_id=user_id,
                        source=source[:64],
                        welcomed_at=now,
                        nudge_due_at=now + timedelta(days=days) if days > 0 else None,
                    )
                )
        except IntegrityError:
            return self._take_over_stale_claim(user_id, now)
        return True

    def _take_over_stale_claim(self, user_id: str, now: datetime) -> bool:
        """A claim with no DM after STALE_CLAIM means its worker died mid-welcome (a crash, a deploy); the
        guarded UPDATE lets exactly one later caller take it over instead of the member never being welcomed."""
        with self.db.session() as session:
            result = session.execute(
                update(OnboardingMember)
                .where(
                    OnboardingMember.user_id == user_id,
                    OnboardingMember.dm_ts == "",
                    OnboardingMember.welcomed_at < now - STALE_CLAIM,
                )
                .values(welcomed_at=now)
            )
            return bool(result.rowcount)  # type: ignore[attr-defined]

    def release_welcome(self, user_id: str) -> None:
        """Undo a claim whose DM could not be sent, so Slack's retry (or the next join) can try again."""
        with self.db.session() as session:
            session.execute(
                delete(OnboardingMember).where(OnboardingMember.user_id == user_id, OnboardingMember.dm_ts == "")
            )

    def record_welcome_message(self, user_id: str, channel: str, ts: str) -> None:
        with self.db.session() as session:
            session.execute(
                update(OnboardingMember).where(OnboardingMember.user_id == user_id).values(dm_channel=channel, dm_ts=ts)
            )

    def welcome_message(self, user_id: str) -> WelcomeMessage | None:
        with self.db.session() as session:
            member = session.get(OnboardingMember, user_id)
            if member is None or not member.dm_ts:
                return None
            return WelcomeMessage(member.dm_channel, member.dm_ts)

    def is_welcomed(self, user_id: str) -> bool:
        with self.db.session() as session:
            return session.get(OnboardingMember, user_id) is not None

    # --- progress -------------------------------------------------------------------------------------
    def completed(self, user_id: str) -> set[str]:
        with self.db.session() as session:
            query = select(OnboardingProgress.item).where(OnboardingProgress.user_id == user_id)
            return set(session.scalars(query))

    def checklist(self, user_id: str) -> list[ChecklistEntry]:
        done = self.completed(user_id)
        return [ChecklistEntry(item, item.id in done) for item in self.pathway.items]

    def complete(self, user_id: str, item_id: str) -> bool:
        """Tick an item; True if this call ticked it. Any progress cancels a nudge that has not gone out."""
        if self.pathway.item(item_id) is None:
            raise ValueError(f"unknown pathway item {item_id!r}")
        try:
            with self.db.session() as session:
                session.add(OnboardingProgress(user_id=user_id, item=item_id))
        except IntegrityError:
            return False
        with self.db.session() as session:
            session.execute(
                update(OnboardingMember)
                .where(OnboardingMember.user_id == user_id, OnboardingMember.nudge_sent_at.is_(None))
                .values(nudge_due_at=None)
            )
        return True

    def sync_flow_progress(self, user_id: str) -> bool:
        """Tick "draft a mock CME activity" once the member has finished that flow, in Slack or the console.
        True if this call ticked it (so the caller knows to redraw the checklist)."""
        item = next((i for i in self.pathway.items if i.text("flow")), None)
        if item is None or item.id in self.completed(user_id):
            return False
        try:
            from bot.flows import FlowService
        except ImportError:  # without the flows feature nothing can be finished, and the step stays manual
            return False
        if FlowService(self.db, self.settings).completed_for(user_id, item.text("flow")):
            return self.complete(user_id, item.id)
        return False

    # --- the nudge ------------------------------------------------------------------------------------
    def nudge_due_at(self, user_id: str) -> datetime | None:
        with self.db.session() as session:
            member = session.get(OnboardingMember, user_id)
            return member.nudge_due_at if member and member.nudge_sent_at is None else None

    def due_nudges(self, now: datetime | None = None) -> list[str]:
        now = now or utcnow()
        progressed = exists().where(OnboardingProgress.user_id == OnboardingMember.user_id)
        query = select(OnboardingMember.user_id).where(
            OnboardingMember.nudge_due_at.is_not(None),
            OnboardingMember.nudge_due_at <= now,
            OnboardingMember.nudge_sent_at.is_(None),
            ~progressed,
        )
        with self.db.session() as session:
            return list(session.scalars(query))

    def _claim_nudge(self, user_id: str, now: datetime) -> bool:
        with self.db.session() as session:
            result = session.execute(
                update(OnboardingMember)
                .where(
                    OnboardingMember.user_id == user_id,
                    OnboardingMember.nudge_sent_at.is_(None),
                    OnboardingMember.nudge_due_at.is_not(None),
                    OnboardingMember.nudge_due_at <= now,
                )
                .values(nudge_sent_at=now)
            )
            return bool(result.rowcount)  # type: ignore[attr-defined]

    def _unclaim_nudge(self, user_id: str) -> None:
        with self.db.session() as session:
            session.execute(
                update(OnboardingMember).where(OnboardingMember.user_id == user_id).values(nudge_sent_at=None)
            )

    def send_due_nudges(self, send: Callable[[str], None], now: datetime | None = None) -> list[str]:
        """Send every due nudge once; a failed send is put back so the next check retries it."""
        now = now or utcnow()
        sent = []
        for user_id in self.due_nudges(now):
            if not self._claim_nudge(user_id, now):
                continue  # another worker got there first, or the member just made progress
            try:
                send(user_id)
            except Exception:
                log.exception("Could not send the onboarding nudge to %s; will retry", user_id)
                self._unclaim_nudge(user_id)
                continue
            sent.append(user_id)
        return sent
