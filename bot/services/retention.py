"""How long members' data is kept, and the purge that deletes exactly what is past its time and nothing else.

Each store has its own setting (days; 0 keeps it until it is deleted by hand) and its own clock column:

    questions            question_log.asked_at; escalations.created_at   CMEBOT_RETAIN_QUESTIONS_DAYS (365)
    feedback             feedback.created_at (a changed vote restarts it) CMEBOT_RETAIN_FEEDBACK_DAYS (365)
    unfinished_drafts    flow_drafts.updated_at, not finished             CMEBOT_RETAIN_UNFINISHED_DRAFTS_DAYS (90)
    finished_drafts      flow_drafts.completed_at                         CMEBOT_RETAIN_FINISHED_DRAFTS_DAYS (365)
    outcomes             outcomes drafts, finished or not, updated_at     CMEBOT_RETAIN_OUTCOMES_DAYS (30)
    uploads              uploads.uploaded_at (+ the file and its chunks)  CMEBOT_RETAIN_UPLOADS_DAYS (365)
    disclosure_records   disclosure_records.updated_at                    CMEBOT_RETAIN_DISCLOSURE_RECORDS_DAYS (730)
    answer_jobs          answer_jobs.finished_at, posted or failed only   CMEBOT_RETAIN_JOBS_DAYS (30)
    events               processed_events.received_at, for redeliveries,  CMEBOT_RETAIN_EVENTS_DAYS (30)
                         replays and schedule claims only

A row is past its time when its clock is strictly before now - days. Outcomes drafts follow only the outcomes
setting (they name a learner data file, never its rows: the CSV is read in memory and never written to disk).
Not purged: jobs still being answered, ledger facts that must outlive redeliveries (the agent surface, "where to
ask" pointers), community answers (they have their own review-by dates), and the append-only audit log.

`purge` runs once a day across replicas (bot/slack/jobs.py) and from `cmebot data purge [--dry-run]`."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, delete, func, or_, select
from sqlalchemy.orm import Session

from bot.storage.models import (
    AnswerJob,
    DisclosureRecord,
    Escalation,
    Feedback,
    FlowDraft,
    ProcessedEvent,
    QuestionLog,
    UploadRecord,
)
from bot.storage.models._types import utcnow

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.runtime import Runtime

log = logging.getLogger(__name__)

# The order stores are purged and reported in, with the setting each reads.
STORES: dict[str, str] = {
    "questions": "retain_questions_days",
    "feedback": "retain_feedback_days",
    "unfinished_drafts": "retain_unfinished_drafts_days",
    "finished_drafts": "retain_finished_drafts_days",
    "outcomes": "retain_outcomes_days",
    "uploads": "retain_uploads_days",
    "disclosure_records": "retain_disclosure_records_days",
    "answer_jobs": "retain_jobs_days",
    "events": "retain_events_days",
}
OUTCOMES_FLOW = "outcomes"
FINISHED_JOBS = ("posted", "failed")
# Ledger rows that only matter for a while: Slack's redeliveries (hours), replayed signatures (minutes) and the
# dated claims of scheduled tasks. Everything else in the ledger is a lasting fact and is kept.
PURGEABLE_EVENT_PREFIXES = ("slack-event:", "slack-signature:")
PURGEABLE_EVENT_KINDS = ("schedule", "replay")


@dataclass(frozen=True)
class RetentionPolicy:
    days: dict[str, int]

    @classmethod
    def from_settings(cls, settings: Settings) -> RetentionPolicy:
        return cls({store: int(getattr(settings, name)) for store, name in STORES.items()})

    def cutoff(self, store: str, now: datetime) -> datetime | None:
        days = self.days.get(store, 0)
        return now - timedelta(days=days) if days > 0 else None

    def as_dict(self) -> dict[str, int]:
        return dict(self.days)


@dataclass
class PurgeReport:
    now: datetime
    dry_run: bool
    counts: dict[str, int] = field(default_factory=dict)
    files: int = 0
    chunks: int = 0

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def as_dict(self) -> dict[str, Any]:
        return {
            "now": self.now.isoformat(timespec="seconds") + "Z",
            "dry_run": self.dry_run,
            "counts": dict(self.counts),
            "files": self.files,
            "index_chunks": self.chunks,
        }

    def lines(self) -> list[str]:
        verb = "Would delete" if self.dry_run else "Deleted"
        out = [f"{verb} {count} {store.replace('_', ' ')}" for store, count in self.counts.items() if count]
        if self.files:
            out.append(f"{verb} {self.files} uploaded file(s) and {self.chunks} index chunk(s)")
        return out or ["Nothing is past its retention."]


def purge(
    runtime: Runtime, *, now: datetime | None = None, dry_run: bool = False, actor: str = "system"
) -> PurgeReport:
    """Delete (or, with dry_run, count) every record past its retention; audited as data.purge."""
    now = now or utcnow()
    policy = RetentionPolicy.from_settings(runtime.settings)
    report = PurgeReport(now, dry_run)
    expired_uploads: list[str] = []
    with runtime.db.session() as session:
        for store in STORES:
            cutoff = policy.cutoff(store, now)
            if cutoff is None:
                continue
            if store == "uploads":
                expired_uploads = list(
                    session.scalars(select(UploadRecord.doc_id).where(UploadRecord.uploaded_at < cutoff))
                )
            report.counts[store] = _purge_store(session, store, cutoff, dry_run)
    upload_cutoff = policy.cutoff("uploads", now)
    if upload_cutoff is not None:
        _purge_upload_files(runtime, expired_uploads, upload_cutoff, report)
    if report.counts.get("questions") and not dry_run:
        runtime.community.changes += 1  # escalations went with their questions; nothing in the matrix did
    runtime.audit.record(actor, "data.purge", "retention", {**report.as_dict(), "retention_days": policy.as_dict()})
    if report.total or report.files:
        log.info("Retention purge%s: %s", " (dry run)" if dry_run else "", "; ".join(report.lines()))
    return report


def _purge_store(session: Session, store: str, cutoff: datetime, dry_run: bool) -> int:
    conditions = _conditions(store, cutoff)
    total = 0
    for model, condition in conditions:
        if dry_run:
            total += int(session.scalar(select(func.count()).select_from(model).where(condition)) or 0)
        else:
            total += int(session.execute(delete(model).where(condition)).rowcount or 0)  # type: ignore[attr-defined]
    return total


def _conditions(store: str, cutoff: datetime) -> list[tuple[Any, Any]]:
    """(table, what is past its time) for one store: the single definition both the count and the delete use."""
    not_outcomes = FlowDraft.flow != OUTCOMES_FLOW
    if store == "questions":
        return [(QuestionLog, QuestionLog.asked_at < cutoff), (Escalation, Escalation.created_at < cutoff)]
    if store == "feedback":
        return [(Feedback, Feedback.created_at < cutoff)]
    if store == "unfinished_drafts":
        return [(FlowDraft, and_(not_outcomes, FlowDraft.status != "completed", FlowDraft.updated_at < cutoff))]
    if store == "finished_drafts":
        finished = func.coalesce(FlowDraft.completed_at, FlowDraft.updated_at)
        return [(FlowDraft, and_(not_outcomes, FlowDraft.status == "completed", finished < cutoff))]
    if store == "outcomes":
        return [(FlowDraft, and_(FlowDraft.flow == OUTCOMES_FLOW, FlowDraft.updated_at < cutoff))]
    if store == "uploads":
        return [(UploadRecord, UploadRecord.uploaded_at < cutoff)]
    if store == "disclosure_records":
        return [(DisclosureRecord, DisclosureRecord.updated_at < cutoff)]
    if store == "answer_jobs":
        finished_at = func.coalesce(AnswerJob.finished_at, AnswerJob.updated_at)
        return [(AnswerJob, and_(AnswerJob.state.in_(FINISHED_JOBS), finished_at < cutoff))]
    if store == "events":
        purgeable = or_(
            *[ProcessedEvent.key.startswith(prefix) for prefix in PURGEABLE_EVENT_PREFIXES],
            ProcessedEvent.kind.in_(PURGEABLE_EVENT_KINDS),
        )
        return [(ProcessedEvent, and_(purgeable, ProcessedEvent.received_at < cutoff))]
    raise ValueError(f"unknown store {store!r}")


def _purge_upload_files(runtime: Runtime, doc_ids: list[str], cutoff: datetime, report: PurgeReport) -> None:
    """The files (and index chunks) of expired upload records, and files under data/uploads that no record names
    (a crash between download and record) and that were last written before the cutoff."""
    root = runtime.settings.data_dir / "uploads"
    with runtime.db.session() as session:
        recorded = {str(Path(d).resolve()) for d in session.scalars(select(UploadRecord.doc_id))}
    expired = {str(Path(d).resolve()) for d in doc_ids}
    if not report.dry_run:
        recorded -= expired  # the records are gone already (same purge); their files go now
    deadline = _epoch(cutoff)  # file times are epoch seconds; the cutoff is naive UTC like every column
    targets: dict[str, Path] = {doc_id: Path(doc_id) for doc_id in expired}
    if root.is_dir():
        for path in root.rglob("*"):
            resolved = str(path.resolve())
            orphan = path.is_file() and resolved not in recorded and resolved not in targets
            if orphan and os.stat(path).st_mtime < deadline:
                targets[resolved] = path
    files = [path for path in targets.values() if path.is_file()]
    report.files = len(files)
    if report.dry_run:
        report.chunks = sum(runtime.indexed_chunks(doc_id) for doc_id in targets)
        return
    report.chunks = runtime.forget_documents(sorted(targets))
    for path in files:
        path.unlink(missing_ok=True)
        parent = path.parent
        if parent != root and parent.is_dir() and not any(parent.iterdir()):
            parent.rmdir()


def _epoch(naive_utc: datetime) -> float:
    return naive_utc.replace(tzinfo=UTC).timestamp()
