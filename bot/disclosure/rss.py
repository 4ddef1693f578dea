"""Regularly scheduled series: recurring planners and faculty disclose once per renewal period rather than before
every session, the provider is reminded before a disclosure goes stale, and each session gets a learner
disclosure built from the current records.

The renewal period (12 months unless the provider sets another) is local policy: ACCME sets no refresh schedule,
only that the disclosure covers the 24 months before the person's involvement and learners are told before each
session."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from bot.answering.tools.dates import add_months
from bot.disclosure.learner import disclosure_text
from bot.disclosure.models import DisclosureResult, Role, name_key


@dataclass(frozen=True)
class CollectionRecord:
    name: str
    role: Role
    collected_on: date
    renewal_months: int = 12


@dataclass(frozen=True)
class Reminder:
    name: str
    role: Role
    collected_on: date
    due: date
    days_left: int  # negative once overdue
    message: str

    @property
    def overdue(self) -> bool:
        return self.days_left < 0


@dataclass(frozen=True)
class SessionDisclosure:
    text: str
    ready: bool
    stale: tuple[str, ...]  # disclosure older than the renewal period on the session date: collect again first
    missing: tuple[str, ...]  # presenters with no disclosure on record


def renewal_due(person_last_collected: date, today: date, renewal_months: int = 12) -> date:
    """The day the disclosure collected on person_last_collected is due again (same day of the month,
    renewal_months later). Raises ValueError for a collection after today or a period under a month."""
    if renewal_months < 1:
        raise ValueError(f"renewal period must be at least 1 month, not {renewal_months}")
    if person_last_collected > today:
        raise ValueError(f"collection date {person_last_collected} is after today {today}")
    return add_months(person_last_collected, renewal_months)


def records_from(result: DisclosureResult) -> list[CollectionRecord]:
    """One record per person and role of an evaluated series, with the provider's renewal period."""
    months = result.activity.renewal_months
    return [CollectionRecord(p.name, role, p.collected_on, months) for p in result.people for role in p.roles]


def reminders(records: Sequence[CollectionRecord], today: date, lead_days: int = 30) -> list[Reminder]:
    """People whose disclosure falls due within lead_days (or already has), soonest first. A record collected
    after today is skipped rather than raising: one bad row must not stop everyone else's reminder."""
    out: list[Reminder] = []
    horizon = today + timedelta(days=lead_days)
    for record in records:
        if record.collected_on > today:
            continue
        due = renewal_due(record.collected_on, today, record.renewal_months)
        if due > horizon:
            continue
        days = (due - today).days
        when = f"due {due.isoformat()} (in {days} days)" if days >= 0 else f"overdue since {due.isoformat()}"
        out.append(
            Reminder(
                record.name,
                record.role,
                record.collected_on,
                due,
                days,
                f"{record.name} ({record.role}): disclosure collected {record.collected_on.isoformat()} is {when}; "
                "collect it again before their next session.",
            )
        )
    return sorted(out, key=lambda r: (r.due, r.name))


def session_disclosure(
    result: DisclosureResult, session_date: date, presenters: Collection[str] | None = None
) -> SessionDisclosure:
    """The learner disclosure for one session: the series' planners, reviewers and others (who shape every
    session) plus this session's presenters (all faculty when presenters is None). Not ready when someone's
    disclosure is past its renewal date on the session day, or a presenter has none on record."""
    wanted = {name_key(n) for n in presenters} if presenters is not None else None
    people = [p for p in result.people if set(p.roles) - {"faculty"} or wanted is None or name_key(p.name) in wanted]
    known = {name_key(p.name) for p in result.people}
    missing = tuple(n for n in (presenters or ()) if name_key(n) not in known)
    months = result.activity.renewal_months
    stale = tuple(p.name for p in people if add_months(p.collected_on, months) <= session_date)
    when = session_date.isoformat()
    heading = f"{result.activity.title}, session of {when}: disclosure of relevant financial relationships"
    text = disclosure_text(result, [p.name for p in people], heading)
    notes = [f"[Collect again before this session: {', '.join(stale)}.]"] if stale else []
    notes += [f"[No disclosure on record for: {', '.join(missing)}.]"] if missing else []
    if notes and not text.startswith("DRAFT"):
        text = "DRAFT, not for learners yet.\n" + text
    return SessionDisclosure("\n".join([text, *notes]), result.ready and not stale and not missing, stale, missing)
