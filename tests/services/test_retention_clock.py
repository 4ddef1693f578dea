"""The retention purge on a fixed clock: for every store, a row a minute past its time and a row a minute short of
it; exactly the first kind goes. Dry runs count the same rows and delete nothing; the daily job runs once per day
across replicas."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.runtime import Runtime
from bot.services.retention import STORES, purge
from bot.slack.jobs import SlackJobs
from bot.slack.uploads import upload_folder
from bot.storage.models import (
    AnswerJob,
    AuditEntry,
    DisclosureRecord,
    Escalation,
    Feedback,
    FlowDraft,
    ProcessedEvent,
    QuestionLog,
    UploadRecord,
)

NOW = datetime(2027, 3, 1, 12, 0, 0)
MINUTE = timedelta(minutes=1)
DAYS = {
    "questions": 365,
    "feedback": 365,
    "unfinished_drafts": 90,
    "finished_drafts": 365,
    "outcomes": 30,
    "uploads": 365,
    "disclosure_records": 730,
    "answer_jobs": 30,
    "events": 30,
}


def both_sides(store: str) -> tuple[datetime, datetime]:
    """(a minute past its time: deleted, a minute before: kept)."""
    cutoff = NOW - timedelta(days=DAYS[store])
    return cutoff - MINUTE, cutoff + MINUTE


def _epoch(moment: datetime) -> float:
    return moment.replace(tzinfo=UTC).timestamp()


def seed(runtime: Runtime) -> dict[str, Path]:
    files: dict[str, Path] = {}
    with runtime.db.session() as session:
        old, new = both_sides("questions")
        for label, at in (("old", old), ("new", new)):
            session.add(QuestionLog(question=f"{label} question", asked_at=at, user_id="U1"))
            session.add(Escalation(team_id="T1", asker_id="U1", question=f"{label} escalation", created_at=at))
        for label, at in zip(("old", "new"), both_sides("feedback"), strict=True):
            session.add(Feedback(user_id=f"U-{label}", rating="helpful", created_at=at))
        for label, at in zip(("old", "new"), both_sides("unfinished_drafts"), strict=True):
            session.add(
                FlowDraft(
                    user_id="U1", flow="needs_assessment", answers={"label": f"{label} unfinished"}, updated_at=at
                )
            )
        for label, at in zip(("old", "new"), both_sides("finished_drafts"), strict=True):
            # A finished draft's clock is completed_at, whatever updated_at says.
            session.add(
                FlowDraft(
                    user_id="U1",
                    flow="disclosure_check",
                    status="completed",
                    answers={"label": f"{label} finished"},
                    completed_at=at,
                    updated_at=NOW,
                )
            )
        for label, at in zip(("old", "new"), both_sides("outcomes"), strict=True):
            # Outcomes drafts follow the outcomes setting alone, finished or not (30 days < 90 for unfinished).
            session.add(FlowDraft(user_id="U1", flow="outcomes", answers={"label": f"{label} outcomes"}, updated_at=at))
        for label, at in zip(("old", "new"), both_sides("disclosure_records"), strict=True):
            session.add(
                DisclosureRecord(
                    owner_user_id="U1",
                    series="Series",
                    person=f"{label} person",
                    role="faculty",
                    collected_on=date(2020, 1, 1),
                    updated_at=at,
                )
            )
        old, new = both_sides("answer_jobs")
        session.add(AnswerJob(key="old-posted", state="posted", payload={"user": "U1"}, finished_at=old))
        session.add(AnswerJob(key="new-posted", state="posted", payload={"user": "U1"}, finished_at=new))
        session.add(AnswerJob(key="old-failed", state="failed", payload={"user": "U1"}, finished_at=old))
        # Still being answered, however old: never purged.
        session.add(AnswerJob(key="old-answering", state="answering", payload={"user": "U1"}, updated_at=old))
        old, new = both_sides("events")
        session.add(ProcessedEvent(key="slack-event:EvOLD", kind="reaction_added", received_at=old))
        session.add(ProcessedEvent(key="slack-event:EvNEW", kind="reaction_added", received_at=new))
        session.add(ProcessedEvent(key="slack-signature:old", kind="replay", received_at=old))
        session.add(ProcessedEvent(key="community-review:2026-01-01", kind="schedule", received_at=old))
        # Lasting facts: kept however old.
        session.add(ProcessedEvent(key="agent-surface:T1", kind="agent_surface", received_at=old))
        session.add(ProcessedEvent(key="answer-pointer:T1:C1:U1", kind="answer_pointer", received_at=old))

    old, new = both_sides("uploads")
    folder = upload_folder(runtime.settings, "U0ADMIN", date(2026, 1, 1))
    folder.mkdir(parents=True, exist_ok=True)
    for label in ("old", "new"):
        path = folder / f"{label}-policy.md"
        path.write_text(f"# {label.title()} policy\n\nSpeakers disclose two weeks before the {label} session.\n")
        files[label] = path
    runtime.index([files["old"], files["new"]])
    for label, at in (("old", old), ("new", new)):
        doc_id = runtime.indexer.doc_id_for(files[label])
        runtime.community.record_upload(
            team_id="T1", doc_id=doc_id, name=files[label].name, uploader="U0ADMIN", content_hash="h"
        )
        with runtime.db.session() as session:
            session.scalars(select(UploadRecord).where(UploadRecord.doc_id == doc_id)).one().uploaded_at = at
    # Files no record names (a crash between download and record): their last write is their clock.
    for label, at in (("orphan-old", old), ("orphan-new", new)):
        path = folder / f"{label}.md"
        path.write_text("# Orphan\n\nleft behind.\n")
        os.utime(path, (_epoch(at), _epoch(at)))
        files[label] = path
    return files


def remaining(runtime: Runtime) -> dict[str, set[str]]:
    with runtime.db.session() as session:
        return {
            "questions": set(session.scalars(select(QuestionLog.question))),
            "escalations": set(session.scalars(select(Escalation.question))),
            "feedback": set(session.scalars(select(Feedback.user_id))),
            "drafts": {d["label"] for d in session.scalars(select(FlowDraft.answers))},
            "records": set(session.scalars(select(DisclosureRecord.person))),
            "jobs": set(session.scalars(select(AnswerJob.key))),
            "events": set(session.scalars(select(ProcessedEvent.key))),
            "uploads": set(session.scalars(select(UploadRecord.name))),
        }


def test_purge_deletes_exactly_what_is_past_its_time(runtime: Runtime) -> None:
    files = seed(runtime)
    old_doc = runtime.indexer.doc_id_for(files["old"])
    new_doc = runtime.indexer.doc_id_for(files["new"])
    assert runtime.indexed_chunks(old_doc) and runtime.indexed_chunks(new_doc)
    everything = remaining(runtime)

    dry = purge(runtime, now=NOW, dry_run=True, actor="cli:tester")
    assert remaining(runtime) == everything and all(path.exists() for path in files.values())
    assert dry.counts == {
        "questions": 2,  # the old question and the old escalation
        "feedback": 1,
        "unfinished_drafts": 1,
        "finished_drafts": 1,
        "outcomes": 1,
        "uploads": 1,
        "disclosure_records": 1,
        "answer_jobs": 2,  # old posted, old failed
        "events": 3,  # old event, old replay signature, old schedule claim
    }
    assert dry.files == 2 and dry.chunks == runtime.indexed_chunks(old_doc)

    report = purge(runtime, now=NOW, actor="cli:tester")
    assert report.counts == dry.counts and report.files == 2
    left = remaining(runtime)
    assert left["questions"] == {"new question"} and left["escalations"] == {"new escalation"}
    assert left["feedback"] == {"U-new"}
    assert left["drafts"] == {"new unfinished", "new finished", "new outcomes"}
    assert left["records"] == {"new person"}
    assert left["jobs"] == {"new-posted", "old-answering"}
    assert left["events"] == {"slack-event:EvNEW", "agent-surface:T1", "answer-pointer:T1:C1:U1"}
    assert left["uploads"] == {"new-policy.md"}
    assert not files["old"].exists() and not files["orphan-old"].exists()
    assert files["new"].exists() and files["orphan-new"].exists()
    assert runtime.indexed_chunks(old_doc) == 0 and runtime.indexed_chunks(new_doc) > 0

    again = purge(runtime, now=NOW, actor="cli:tester")
    assert again.total == 0 and again.files == 0 and again.lines() == ["Nothing is past its retention."]
    entries = [e for e in runtime.audit.entries() if e.action == "data.purge"]
    assert [(e.actor, e.details["dry_run"]) for e in entries] == [
        ("cli:tester", True),
        ("cli:tester", False),
        ("cli:tester", False),
    ]
    assert entries[1].details["counts"]["questions"] == 2 and entries[1].details["retention_days"] == DAYS


def test_zero_days_keeps_a_store_and_a_day_later_the_boundary_moves(runtime: Runtime) -> None:
    runtime.settings = runtime.settings.model_copy(update={"retain_questions_days": 0})
    with runtime.db.session() as session:
        session.add(QuestionLog(question="ancient", asked_at=NOW - timedelta(days=5000)))
        session.add(Feedback(user_id="U1", rating="helpful", created_at=NOW - timedelta(days=365) + MINUTE))
    assert purge(runtime, now=NOW).counts.get("questions") is None
    assert purge(runtime, now=NOW).counts["feedback"] == 0
    assert purge(runtime, now=NOW + 2 * MINUTE).counts["feedback"] == 1  # two minutes later it is past its time
    with runtime.db.session() as session:
        assert session.scalar(select(func.count(QuestionLog.id))) == 1


@pytest.mark.parametrize("store", list(STORES))
def test_every_store_has_a_setting_with_the_documented_default(runtime: Runtime, store: str) -> None:
    assert getattr(runtime.settings, STORES[store]) == DAYS[store]


def test_the_daily_job_runs_once_a_day_across_replicas(runtime: Runtime) -> None:
    # Today's clock: the day's claim is stamped with the real time, which a fixed clock months ahead would
    # count as past its 30 days.
    today = datetime.now(UTC)
    with runtime.db.session() as session:
        session.add(QuestionLog(question="old", asked_at=today.replace(tzinfo=None) - timedelta(days=400)))
    first, replica = SlackJobs(runtime), SlackJobs(runtime)
    try:
        report = first.purge_data(today)
        assert report is not None and report.counts["questions"] == 1
        assert first.purge_data(today) is None  # the next sweep
        assert replica.purge_data(today) is None  # another replica: the day is claimed in the ledger
        assert replica.purge_data(today + timedelta(days=1)) is not None  # the next day
    finally:
        first.queues.close()
        replica.queues.close()
    with runtime.db.session() as session:
        actors = list(session.scalars(select(AuditEntry.actor).where(AuditEntry.action == "data.purge")))
    assert actors == ["system", "system"]
