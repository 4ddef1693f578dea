"""Renewal of regularly scheduled series' disclosures: who disclosed when (from finished /disclosure-check flows of
a series), who is due again soon, and which reminders were sent. The rules (renewal dates, the reminder text) are
bot/disclosure/rss.py's; this keeps the dates between runs. No Slack here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from bot.disclosure import CollectionRecord, DisclosureResult, Reminder, records_from, reminders
from bot.storage.db import Database
from bot.storage.models._types import utcnow
from bot.storage.models.disclosures import DisclosureRecord


@dataclass(frozen=True)
class DueReminder:
    owner_user_id: str
    shared_with: tuple[str, ...]
    series: str
    reminder: Reminder
    record_id: int


class DisclosureRecords:
    def __init__(self, db: Database) -> None:
        self.db = db

    def save_series(
        self, owner: str, result: DisclosureResult, *, draft_id: int | None = None, shared_with: list[str] | None = None
    ) -> int:
        """Keep each person's latest collection date for a finished series check; returns the rows written."""
        if not result.activity.rss:
            return 0
        series = result.activity.title.strip()
        written = 0
        with self.db.session() as session:
            for record in records_from(result):
                row = session.scalars(
                    select(DisclosureRecord).where(
                        DisclosureRecord.owner_user_id == owner,
                        DisclosureRecord.series == series,
                        DisclosureRecord.person == record.name,
                    )
                ).one_or_none()
                if row is None:
                    row = DisclosureRecord(owner_user_id=owner, series=series, person=record.name)
                    session.add(row)
                elif row.collected_on and row.collected_on > record.collected_on:
                    continue  # an older check finished late must not move a renewal date back
                row.role = record.role
                row.collected_on = record.collected_on
                row.renewal_months = record.renewal_months
                row.shared_with = list(shared_with or [])
                row.draft_id = draft_id
                row.reminded_for = None
                row.updated_at = utcnow()
                written += 1
        return written

    def for_owner(self, owner: str) -> list[DisclosureRecord]:
        with self.db.session() as session:
            rows = session.scalars(
                select(DisclosureRecord)
                .where(DisclosureRecord.owner_user_id == owner)
                .order_by(DisclosureRecord.series, DisclosureRecord.person)
            ).all()
            session.expunge_all()
            return list(rows)

    def due(self, today: date, lead_days: int = 30, owner: str | None = None) -> list[DueReminder]:
        """Reminders due within lead_days that were not sent yet for that renewal date."""
        with self.db.session() as session:
            query = select(DisclosureRecord)
            if owner is not None:
                query = query.where(DisclosureRecord.owner_user_id == owner)
            rows = session.scalars(query).all()
            out = []
            for row in rows:
                record = CollectionRecord(row.person, row.role, row.collected_on, row.renewal_months)  # type: ignore[arg-type]
                for reminder in reminders([record], today, lead_days):
                    if row.reminded_for == reminder.due:
                        continue
                    out.append(
                        DueReminder(row.owner_user_id, tuple(row.shared_with or ()), row.series, reminder, row.id)
                    )
            return sorted(out, key=lambda r: (r.reminder.due, r.series, r.reminder.name))

    def mark_reminded(self, record_id: int, due: date) -> None:
        with self.db.session() as session:
            row = session.get(DisclosureRecord, record_id)
            if row is not None:
                row.reminded_for = due
