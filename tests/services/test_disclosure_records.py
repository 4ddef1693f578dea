"""Series disclosures kept between runs: renewal reminders once per renewal, newest collection wins."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from bot.disclosure import Activity, DisclosureResult, Person, evaluate
from bot.flows.disclosure_check import reminder_lines
from bot.services.disclosures import DisclosureRecords
from bot.storage.db import Database


def _db(tmp_path: Path) -> Database:
    db = Database(f"sqlite:///{tmp_path / 'records.sqlite3'}")
    db.migrate()
    return db


def _series(collected: date) -> DisclosureResult:
    activity = Activity("Medicine Grand Rounds", "internal medicine", collected, rss=True)
    return evaluate(activity, [Person("Dr Lee Chen", "faculty"), Person("Dr Ana Ruiz", "planner")], [])


def test_a_reminder_comes_once_per_renewal(tmp_path: Path) -> None:
    db = _db(tmp_path)
    records = DisclosureRecords(db)
    assert records.save_series("U1", _series(date(2025, 3, 15)), draft_id=4, shared_with=["U7"]) == 2
    assert records.due(date(2026, 1, 1)) == []  # due 2026-03-15: not within 30 days yet
    due = records.due(date(2026, 2, 20))
    assert [(d.reminder.name, d.reminder.due) for d in due] == [
        ("Dr Ana Ruiz", date(2026, 3, 15)),
        ("Dr Lee Chen", date(2026, 3, 15)),
    ]
    assert due[0].owner_user_id == "U1" and due[0].shared_with == ("U7",)
    for reminder in due:
        records.mark_reminded(reminder.record_id, reminder.reminder.due)
    assert records.due(date(2026, 2, 21)) == []
    lines = reminder_lines(db, date(2026, 2, 20), owner="U1")
    assert lines == []  # already sent


def test_a_new_collection_moves_the_renewal_and_an_old_one_does_not(tmp_path: Path) -> None:
    db = _db(tmp_path)
    records = DisclosureRecords(db)
    records.save_series("U1", _series(date(2025, 3, 15)))
    records.save_series("U1", _series(date(2026, 3, 1)))
    records.save_series("U1", _series(date(2025, 1, 1)))  # finished late, older: ignored
    assert {row.collected_on for row in records.for_owner("U1")} == {date(2026, 3, 1)}
    assert records.for_owner("U2") == []
    assert "Dr Lee Chen (faculty): disclosure collected 2026-03-01 is due 2027-03-01" in "\n".join(
        reminder_lines(db, date(2027, 2, 15), owner="U1")
    )


def test_a_single_activity_keeps_nothing(tmp_path: Path) -> None:
    db = _db(tmp_path)
    activity = Activity("Sepsis update", "sepsis", date(2025, 3, 15))
    assert DisclosureRecords(db).save_series("U1", evaluate(activity, [Person("Dr X", "faculty")], [])) == 0
