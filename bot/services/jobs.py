"""Answer jobs in the database: created before the ack, leased by whoever works on them, swept when a worker dies.

The task queue (bot/queue.py) only carries job ids to workers; this table decides who may work on a job and
what is left to do, so a task delivered twice, lost with a killed worker or replayed after a restart is harmless:
a worker that cannot take the lease does nothing.

Two stages, each with its own lease: "answer" (queued -> answering -> ready: the messages are computed and
stored) and "post" (ready -> posting -> posted: each part's ts is recorded as it is posted). A lease that ran
out means its worker died; the job goes back to the start of its stage, and a post stage taken over that way is
marked uncertain, so the next worker looks in the thread before posting again."""

from __future__ import annotations

import os
import socket
import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Literal

from sqlalchemy import and_, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from bot.services.health import record_job_failure
from bot.storage.db import Database
from bot.storage.models._types import utcnow
from bot.storage.models.jobs import AnswerJob

Stage = Literal["answer", "post"]

# Per stage: the state a job waits in, and the state while someone holds its lease.
_WAITING: dict[Stage, str] = {"answer": "queued", "post": "ready"}
_WORKING: dict[Stage, str] = {"answer": "answering", "post": "posting"}
FINISHED = ("posted", "failed")


def new_owner() -> str:
    """Who holds a lease: host and pid (so a dead process on this host can be recognised) and a random part."""
    return f"{socket.gethostname()[:60]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def owner_pid(owner: str | None) -> tuple[str, int] | None:
    host, _, rest = (owner or "").partition(":")
    pid, _, _ = rest.partition(":")
    return (host, int(pid)) if pid.isdigit() else None


@dataclass(frozen=True)
class Job:
    """A snapshot of a job row, safe to use after its session closed."""

    id: int
    key: str
    kind: str
    state: str
    payload: dict[str, Any]
    messages: list[dict[str, Any]] | None
    question_log_id: int | None
    posted: list[str]
    uncertain: bool
    answer_attempts: int
    post_attempts: int
    error: str

    @classmethod
    def of(cls, row: AnswerJob) -> Job:
        return cls(
            id=row.id,
            key=row.key,
            kind=row.kind,
            state=row.state,
            payload=dict(row.payload or {}),
            messages=list(row.messages) if row.messages is not None else None,
            question_log_id=row.question_log_id,
            posted=list(row.posted or []),
            uncertain=bool(row.uncertain),
            answer_attempts=row.answer_attempts,
            post_attempts=row.post_attempts,
            error=row.error or "",
        )


class JobStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    # --- intake --------------------------------------------------------------------------------------
    def create(self, key: str, kind: str, payload: dict[str, Any]) -> Job | None:
        """The job for `key`, or None when a job for it already exists (a redelivery or a replay).

        This is the whole of the ack path's database work, so it is one Core INSERT on a pooled connection:
        the ORM's unit of work doubled its cost (bench/slack_load.py)."""
        values: dict[str, Any] = {"key": key[:255], "kind": kind[:32], "payload": payload, "posted": []}
        try:
            with self.db.engine.begin() as connection:
                result = connection.execute(insert(AnswerJob).values(**values))
        except IntegrityError:
            return None
        return Job(
            id=int(result.inserted_primary_key[0]),  # type: ignore[index]
            key=values["key"],
            kind=values["kind"],
            state="queued",
            payload=payload,
            messages=None,
            question_log_id=None,
            posted=[],
            uncertain=False,
            answer_attempts=0,
            post_attempts=0,
            error="",
        )

    def get(self, job_id: int) -> Job | None:
        with self.db.session() as session:
            row = session.get(AnswerJob, job_id)
            return Job.of(row) if row is not None else None

    def by_key(self, key: str) -> Job | None:
        with self.db.session() as session:
            row = session.scalar(select(AnswerJob).where(AnswerJob.key == key))
            return Job.of(row) if row is not None else None

    # --- leases --------------------------------------------------------------------------------------
    def take(self, job_id: int, stage: Stage, owner: str, lease_seconds: float) -> Job | None:
        """Take the job's lease for `stage`, or None if it is not waiting there, is leased, or is not due yet.

        One UPDATE with the conditions in its WHERE clause: of two workers racing for a job, exactly one
        changes the row. A post stage whose previous lease ran out is taken over as uncertain."""
        now = utcnow()
        waiting, working = _WAITING[stage], _WORKING[stage]
        with self.db.session() as session:
            row = session.get(AnswerJob, job_id)
            if row is None:
                return None
            taking_over = row.state == working
            values: dict[str, Any] = {
                "state": working,
                "lease_owner": owner,
                "lease_until": now + timedelta(seconds=lease_seconds),
                "updated_at": now,
            }
            if stage == "post" and taking_over:
                values["uncertain"] = True
            result = session.execute(
                update(AnswerJob)
                .where(
                    AnswerJob.id == job_id,
                    or_(
                        and_(AnswerJob.state == waiting, AnswerJob.lease_until.is_(None)),
                        and_(AnswerJob.state == working, AnswerJob.lease_until < now),
                        # A job handed back by a graceful shutdown keeps its state but has no lease.
                        and_(AnswerJob.state == working, AnswerJob.lease_until.is_(None)),
                    ),
                    or_(AnswerJob.not_before.is_(None), AnswerJob.not_before <= now),
                )
                .values(**values)
            )
            if result.rowcount != 1:  # type: ignore[attr-defined]
                return None
            session.expire(row)
            return Job.of(session.get(AnswerJob, job_id))  # type: ignore[arg-type]

    def renew(self, job_id: int, owner: str, lease_seconds: float) -> bool:
        """Extend a lease still held by `owner` (the worker's heartbeat); False if it was lost meanwhile."""
        with self.db.session() as session:
            result = session.execute(
                update(AnswerJob)
                .where(AnswerJob.id == job_id, AnswerJob.lease_owner == owner, AnswerJob.state.in_(_WORKING.values()))
                .values(lease_until=utcnow() + timedelta(seconds=lease_seconds))
            )
            return result.rowcount == 1  # type: ignore[attr-defined]

    def _update_held(self, job_id: int, owner: str, **values: Any) -> bool:
        with self.db.session() as session:
            result = session.execute(
                update(AnswerJob)
                .where(AnswerJob.id == job_id, AnswerJob.lease_owner == owner)
                .values(updated_at=utcnow(), **values)
            )
            return result.rowcount == 1  # type: ignore[attr-defined]

    # --- progress ------------------------------------------------------------------------------------
    def store_messages(
        self, job_id: int, owner: str, messages: list[dict[str, Any]], question_log_id: int | None, error: str = ""
    ) -> bool:
        """The answer stage is done: its messages wait for the post stage. With `error`, the answer stage finally
        failed and the messages are the apology."""
        stored = self._update_held(
            job_id,
            owner,
            state="ready",
            messages=messages,
            question_log_id=question_log_id,
            error=error[:2000],
            lease_owner=None,
            lease_until=None,
            not_before=None,
            enqueued_at=utcnow(),
        )
        if stored and error:
            record_job_failure(self.db, job_id, "answer")
        return stored

    def update_payload(self, job_id: int, owner: str, payload: dict[str, Any]) -> bool:
        """Replace the payload of a job `owner` holds: a streamed answer's message ts is written here as soon as the
        stream starts, so whoever takes the job over finishes that message instead of posting a second answer."""
        return self._update_held(job_id, owner, payload=payload)

    def record_posted(self, job_id: int, owner: str, posted: list[str]) -> bool:
        """The ts of every part posted so far, written after each part (a crash then re-posts only the rest)."""
        return self._update_held(job_id, owner, posted=posted)

    def finish(self, job_id: int, owner: str, state: Literal["posted", "failed"], error: str = "") -> bool:
        finished = self._update_held(
            job_id,
            owner,
            state=state,
            error=error[:2000],
            lease_owner=None,
            lease_until=None,
            uncertain=False,
            finished_at=utcnow(),
        )
        if finished and state == "failed":
            record_job_failure(self.db, job_id, "post")
        return finished

    def retry_later(
        self, job_id: int, owner: str, stage: Stage, delay: float, *, error: str = "", uncertain: bool = False
    ) -> bool:
        """Hand the job back to the start of `stage`, not to be taken before `delay` seconds, counting an attempt."""
        attempts = AnswerJob.answer_attempts if stage == "answer" else AnswerJob.post_attempts
        values: dict[str, Any] = {
            "state": _WAITING[stage],
            "lease_owner": None,
            "lease_until": None,
            "not_before": utcnow() + timedelta(seconds=max(0.0, delay)),
            "error": error[:2000],
            "enqueued_at": utcnow(),
            ("answer_attempts" if stage == "answer" else "post_attempts"): attempts + 1,
        }
        if uncertain:
            values["uncertain"] = True
        return self._update_held(job_id, owner, **values)

    def wait_then_retry(self, job_id: int, owner: str, stage: Stage, delay: float) -> bool:
        """Like retry_later for a rate limit: Slack said when to come back, so no attempt is counted."""
        return self._update_held(
            job_id,
            owner,
            state=_WAITING[stage],
            lease_owner=None,
            lease_until=None,
            not_before=utcnow() + timedelta(seconds=max(0.0, delay)),
            enqueued_at=utcnow(),
        )

    def mark_checked(self, job_id: int, owner: str) -> bool:
        """The thread was read after an uncertain post: what is recorded in `posted` is now the truth."""
        return self._update_held(job_id, owner, uncertain=False)

    # --- sweeping ------------------------------------------------------------------------------------
    def release_owner(self, owner: str) -> int:
        """Graceful shutdown: drop `owner`'s leases so another process takes the jobs at once."""
        with self.db.session() as session:
            result = session.execute(
                update(AnswerJob)
                .where(AnswerJob.lease_owner == owner, AnswerJob.state.in_(_WORKING.values()))
                .values(lease_owner=None, lease_until=None, enqueued_at=utcnow() - timedelta(days=1))
            )
            return int(result.rowcount)  # type: ignore[attr-defined]

    def expire_owners(self, owners: list[str]) -> int:
        """Leases held by processes known to be dead end now, not when their lease would have run out."""
        if not owners:
            return 0
        with self.db.session() as session:
            result = session.execute(
                update(AnswerJob)
                .where(AnswerJob.lease_owner.in_(owners), AnswerJob.state.in_(_WORKING.values()))
                .values(lease_until=utcnow() - timedelta(seconds=1))
            )
            return int(result.rowcount)  # type: ignore[attr-defined]

    def lease_owners(self) -> list[str]:
        with self.db.session() as session:
            query = select(AnswerJob.lease_owner).where(
                AnswerJob.lease_owner.is_not(None), AnswerJob.state.in_(_WORKING.values())
            )
            return sorted({owner for owner in session.scalars(query) if owner})

    def due(self, requeue_after: float, limit: int = 500) -> list[tuple[int, Stage]]:
        """Jobs that need a task on the queue again: leases that ran out, and waiting jobs whose task has not
        been picked up for `requeue_after` seconds (lost with a killed worker, or never enqueued)."""
        now = utcnow()
        stale = now - timedelta(seconds=requeue_after)
        with self.db.session() as session:
            query = (
                select(AnswerJob.id, AnswerJob.state)
                .where(
                    or_(
                        and_(AnswerJob.state.in_(_WORKING.values()), AnswerJob.lease_until < now),
                        and_(AnswerJob.state.in_(_WORKING.values()), AnswerJob.lease_until.is_(None)),
                        and_(
                            AnswerJob.state.in_(_WAITING.values()),
                            AnswerJob.lease_until.is_(None),
                            AnswerJob.enqueued_at < stale,
                        ),
                    ),
                    or_(AnswerJob.not_before.is_(None), AnswerJob.not_before <= now),
                )
                .order_by(AnswerJob.id)
                .limit(limit)
            )
            return [
                (job_id, "answer" if state in ("queued", "answering") else "post")
                for job_id, state in session.execute(query)
            ]

    def mark_enqueued(self, job_ids: list[int]) -> None:
        if not job_ids:
            return
        with self.db.session() as session:
            session.execute(update(AnswerJob).where(AnswerJob.id.in_(job_ids)).values(enqueued_at=utcnow()))

    def unfinished(self) -> int:
        with self.db.session() as session:
            return int(session.scalar(select(func.count(AnswerJob.id)).where(AnswerJob.state.not_in(FINISHED))) or 0)

    def counts(self) -> dict[str, int]:
        with self.db.session() as session:
            rows = session.execute(select(AnswerJob.state, func.count(AnswerJob.id)).group_by(AnswerJob.state))
            return {state: int(count) for state, count in rows}
