"""Errors that need a person, and the alerts that tell one: at most once per kind per hour across replicas.

Kinds:
  llm_key_rejected       the language model refused the API key (HTTP 401/403, an AuthenticationError)
  database_unreachable   the sweeper could not reach the database for CMEBOT_ALERT_DATABASE_MINUTES
  jobs_failing           CMEBOT_ALERT_FAILED_JOBS or more jobs finally failed within the last hour (every replica's)

Where a problem shows itself (a model call, a sweep) it is reported to PROBLEMS, this process's view of what is
wrong now; a success clears it. AdminAlerts, run by each worker's sweeper, turns what is wrong into one message per
kind per hour: the hour is claimed in the event ledger (the first replica to claim it posts), or, when the
database itself is what is down, in this process only. Messages say what happened, since when and what to check,
and are built from settings and exception class names only: never a secret, never what a member wrote.

Nothing here imports Slack: the caller gives `post`, a function that delivers a text."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import exc as sa_exc
from sqlalchemy import func, select

from bot.config import Settings
from bot.services import metrics
from bot.services.events import EventLedger
from bot.storage.db import Database
from bot.storage.models import ProcessedEvent

log = logging.getLogger(__name__)

LLM_KEY_REJECTED = "llm_key_rejected"
DATABASE_UNREACHABLE = "database_unreachable"
JOBS_FAILING = "jobs_failing"
# Event-ledger kinds: a job's final failure (one row per job, counted across replicas) and an alert's hour.
JOB_FAILED_EVENT = "job_failed"
ALERT_EVENT = "admin_alert"
# Errors that mean the database cannot be reached (as opposed to a bad query, which is a bug, not an outage).
DATABASE_ERRORS: tuple[type[BaseException], ...] = (
    sa_exc.OperationalError,
    sa_exc.InterfaceError,
    sa_exc.DisconnectionError,
    sa_exc.TimeoutError,
)


@dataclass(frozen=True)
class Problem:
    kind: str
    since: datetime
    detail: str


class Problems:
    """What is wrong in this process now, and since when (the first report after the last success)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._active: dict[str, Problem] = {}

    def report(self, kind: str, detail: str, now: datetime | None = None) -> Problem:
        with self._lock:
            problem = self._active.get(kind)
            if problem is None:
                problem = self._active[kind] = Problem(kind, now or datetime.now(UTC), detail)
            return problem

    def clear(self, kind: str) -> None:
        with self._lock:
            self._active.pop(kind, None)

    def active(self) -> dict[str, Problem]:
        with self._lock:
            return dict(self._active)

    def reset(self) -> None:
        with self._lock:
            self._active.clear()


PROBLEMS = Problems()


# --- where problems show themselves ------------------------------------------------------------------------------
def llm_failed(exc: BaseException) -> None:
    """A model call failed: counted, and a rejected key becomes a problem for a person."""
    status = _status_code(exc)
    name = exc.__class__.__name__
    if status in (401, 403) or name in ("AuthenticationError", "PermissionDeniedError"):
        metrics.record_llm_error("auth")
        # The class and status only: a provider's message may quote part of the key.
        PROBLEMS.report(LLM_KEY_REJECTED, f"{name}, HTTP {status}" if status else name)
    elif isinstance(exc, TimeoutError) or "Timeout" in name:
        metrics.record_llm_error("timeout")
    else:
        metrics.record_llm_error("other")


def llm_timed_out() -> None:
    metrics.record_llm_error("timeout")


def llm_ok() -> None:
    PROBLEMS.clear(LLM_KEY_REJECTED)


def database_unreachable(exc: BaseException, now: datetime | None = None) -> Problem:
    return PROBLEMS.report(DATABASE_UNREACHABLE, exc.__class__.__name__, now)


def database_reachable() -> None:
    PROBLEMS.clear(DATABASE_UNREACHABLE)


def is_database_error(exc: BaseException) -> bool:
    return isinstance(exc, DATABASE_ERRORS)


def _status_code(exc: BaseException) -> int | None:
    for value in (getattr(exc, "status_code", None), getattr(getattr(exc, "response", None), "status_code", None)):
        if isinstance(value, int):
            return value
    return None


# --- failed jobs, counted across replicas in the event ledger -----------------------------------------------------
def record_job_failure(db: Database, job_id: int, stage: str) -> None:
    """A job finally failed (its member got the apology, or nothing). Counted once per job, whatever the stage."""
    try:
        if EventLedger(db).claim(f"job-failed:{job_id}", kind=JOB_FAILED_EVENT):
            metrics.record_job_failed(stage)
    except Exception:  # the job's own state is already written; the count is for people watching
        log.warning("Could not count the failure of job %s", job_id, exc_info=True)


def recent_job_failures(db: Database, since: datetime) -> tuple[int, datetime | None]:
    """How many jobs finally failed since `since`, and when the first of them did."""
    cutoff = since.astimezone(UTC).replace(tzinfo=None)  # the ledger stores naive UTC
    with db.session() as session:
        count, first = session.execute(
            select(func.count(ProcessedEvent.key), func.min(ProcessedEvent.received_at)).where(
                ProcessedEvent.kind == JOB_FAILED_EVENT, ProcessedEvent.received_at >= cutoff
            )
        ).one()
    return int(count or 0), (first.replace(tzinfo=UTC) if first is not None else None)


# --- alerts -------------------------------------------------------------------------------------------------------
class AdminAlerts:
    """Turns what is wrong into messages for the admin channel, once per kind per clock hour across replicas."""

    # The sweeper runs every few seconds; looking at the ledger once a minute is enough.
    CHECK_EVERY = timedelta(minutes=1)

    def __init__(
        self,
        settings: Settings,
        db: Database,
        post: Callable[[str], Any] | None,
        problems: Problems = PROBLEMS,
    ) -> None:
        self.settings = settings
        self.db = db
        self.post = post
        self.problems = problems
        self._tried: set[str] = set()
        self._next_check: datetime | None = None
        self._lock = threading.Lock()

    def tick(self, now: datetime | None = None) -> list[str]:
        """check(), at most once a minute: what the sweeper calls on every sweep."""
        now = now or datetime.now(UTC)
        with self._lock:
            if self._next_check is not None and now < self._next_check:
                return []
            self._next_check = now + self.CHECK_EVERY
        try:
            return self.check(now)
        except Exception:  # the sweeper that calls this must keep sweeping whatever happens here
            log.exception("Checking for admin alerts failed")
            return []

    def check(self, now: datetime | None = None) -> list[str]:
        """Alert on every problem due now that no replica has alerted on this hour; returns the kinds alerted."""
        now = now or datetime.now(UTC)
        sent = []
        for kind, text in self.due(now):
            if self._claim(kind, now):
                self._send(kind, text)
                sent.append(kind)
        return sent

    def due(self, now: datetime) -> list[tuple[str, str]]:
        due = []
        active = self.problems.active()
        llm = active.get(LLM_KEY_REJECTED)
        if llm is not None:
            due.append((LLM_KEY_REJECTED, self._llm_text(llm)))
        outage = active.get(DATABASE_UNREACHABLE)
        if outage is not None and now - outage.since >= timedelta(minutes=self.settings.alert_database_minutes):
            due.append((DATABASE_UNREACHABLE, self._database_text(outage, now)))
        if outage is None:  # with the database down, there is nothing to count failures in
            try:
                count, first = recent_job_failures(self.db, now - timedelta(hours=1))
            except Exception as exc:
                log.warning("Could not count recent job failures: %s", exc.__class__.__name__)
            else:
                if count >= self.settings.alert_failed_jobs:
                    due.append((JOBS_FAILING, self._jobs_text(count, first or now)))
        return due

    def _claim(self, kind: str, now: datetime) -> bool:
        key = f"admin-alert:{kind}:{now.astimezone(UTC):%Y-%m-%dT%H}"
        if key in self._tried:  # one attempt per key and process: a refused claim stays refused
            return False
        self._tried.add(key)
        try:
            return EventLedger(self.db).claim(key, kind=ALERT_EVENT)
        except Exception as exc:
            # The database is what is down (or flaky): replicas cannot agree, so this one alerts for itself.
            log.info("Alert %s claimed in this process only (%s)", kind, exc.__class__.__name__)
            return True

    def _send(self, kind: str, text: str) -> None:
        log.error("Needs attention (%s): %s", kind, text)
        if self.post is None:
            return
        try:
            self.post(text)
        except Exception as exc:
            log.warning("Could not post the %s alert to the admin channel: %r", kind, exc)

    # --- the messages ---------------------------------------------------------------------------------------
    def _llm_text(self, problem: Problem) -> str:
        settings = self.settings
        where = f" at {settings.llm_base_url}" if settings.llm_base_url else ""
        return (
            f":warning: *The language model refused the API key* ({problem.detail}) since {_when(problem.since)}. "
            f"Answers are extractive (sentences from the sources) until it is fixed.\n"
            f"Check: the key in CMEBOT_LLM_API_KEY (or the provider's own variable, e.g. OPENAI_API_KEY) is current "
            f"and allowed to use {settings.llm or 'the model'}{where} (the provider's console: revoked, expired, "
            f"out of credit, wrong project), then restart the bot's processes."
        )

    def _database_text(self, problem: Problem, now: datetime) -> str:
        minutes = int((now - problem.since).total_seconds() // 60)
        return (
            f":rotating_light: *The database has been unreachable for {minutes} minutes* (since "
            f"{_when(problem.since)}; {problem.detail}). New questions are refused until it is back (Slack delivers "
            f"them again), and questions already taken wait.\n"
            f"Check: the database server {_database_place(self.settings)} is running and reachable from the bot's "
            f"hosts (network, DNS, firewall), its disk is not full, and it accepts connections (max_connections)."
        )

    def _jobs_text(self, count: int, first: datetime) -> str:
        return (
            f":warning: *{count} questions finally failed in the last hour* (the first at {_when(first)}); their "
            f"members got an apology instead of an answer.\n"
            f'Check: the workers\' logs ("Could not answer", "Answering job"), Slack API errors on /metrics '
            f"(cmebot_slack_api_errors_total: invalid_auth, missing_scope, channel_not_found), Slack's status page, "
            f"and the language model if one is set."
        )


def _when(moment: datetime) -> str:
    return f"{moment.astimezone(UTC):%Y-%m-%d %H:%M} UTC"


def _database_place(settings: Settings) -> str:
    """Which database, without its credentials: the backend and host, or the SQLite file."""
    from sqlalchemy.engine import make_url

    try:
        url = make_url(settings.sqlalchemy_url)
    except Exception:
        return "(DATABASE_URL)"
    if url.get_backend_name() == "sqlite":
        return f"(SQLite file {url.database})"
    port = f":{url.port}" if url.port else ""
    return f"({url.get_backend_name()} at {url.host}{port}, DATABASE_URL)"
