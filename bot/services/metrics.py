"""Prometheus metrics: what the bot counts as it works, and what is read from the database at scrape time.

Recorded where the work happens, so every surface counts (Slack, the console, `cmebot ask`):
  cmebot_questions_total{surface}                 questions asked (Runtime.ask)
  cmebot_answers_total{mode}                      card, tool, extractive, llm, community or abstained
  cmebot_declines_total{reason}                   why a question was declined (see DECLINE_REASONS)
  cmebot_answer_latency_seconds{mode}             the engine's time per question (histogram)
  cmebot_feedback_total{rating}                   helpful / not_helpful votes (FeedbackService.record)
  cmebot_jobs_failed_total{stage}                 jobs that finally failed (JobStore), answer or post stage
  cmebot_slack_api_errors_total{method,error}     Slack Web API errors (bot/slack/api_metrics.py)
  cmebot_llm_errors_total{error}                  failed model calls: auth, timeout, other (bot/answering/llm.py)
  cmebot_index_chunks                             chunks in the index this process answers from
  cmebot_index_last_indexed_timestamp_seconds     when that index last changed (Unix time)

Read from the database at every scrape (RuntimeCollector), so they are the same whichever process is scraped:
  cmebot_database_up                              1 when the scrape could query the database
  cmebot_jobs{state}                              answer jobs by state (queued, answering, ready, posting...)
  cmebot_jobs_failed_last_hour                    jobs finally failed within the last hour, across replicas
  cmebot_index_age_seconds                        seconds since the knowledge index last changed

Processes: a front (`cmebot run --no-workers`) and its workers (`cmebot worker`) are separate processes, and the
counters above live in the process that did the work. With PROMETHEUS_MULTIPROC_DIR set in the environment of every
process on a host (an empty directory, emptied at each deploy), prometheus_client's multiprocess mode writes them
to files there and any process's /metrics adds them up. Without it, each process exposes only its own counters
(workers through CMEBOT_METRICS_PORT). The database-read gauges are global either way.

Nothing here imports Slack, and recording never raises: a metric must not cost a member an answer."""

from __future__ import annotations

import atexit
import logging
import os
import re
import threading
import time
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from prometheus_client import REGISTRY, Counter, Gauge, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.exposition import CONTENT_TYPE_LATEST

if TYPE_CHECKING:
    from bot.answering.models import Answer

log = logging.getLogger(__name__)

CONTENT_TYPE = CONTENT_TYPE_LATEST
# prometheus_client decides this when a metric is created, from the environment (not from .env).
MULTIPROCESS = bool(os.environ.get("PROMETHEUS_MULTIPROC_DIR") or os.environ.get("prometheus_multiproc_dir"))  # noqa: SIM112

SURFACES = frozenset({"console", "cli", "slack_mention", "slack_dm", "slack_command", "slack"})
MODES = ("card", "tool", "extractive", "llm", "community", "abstained")
JOB_STATES = ("queued", "answering", "ready", "posting", "posted", "failed")
# Seconds. Warm asks take 30-130 ms without a model (README: Benchmarks); an LLM answer takes seconds and is cut
# off at CMEBOT_LLM_TIMEOUT (20 s by default).
LATENCY_BUCKETS = (0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 20.0, 30.0, 60.0)

QUESTIONS = Counter("cmebot_questions", "Questions asked, by surface.", ["surface"])
ANSWERS = Counter("cmebot_answers", "Answers given, by how they were made (abstained: declined).", ["mode"])
DECLINES = Counter("cmebot_declines", "Questions declined, by reason.", ["reason"])
LATENCY = Histogram(
    "cmebot_answer_latency_seconds", "Time the answer engine took per question.", ["mode"], buckets=LATENCY_BUCKETS
)
FEEDBACK = Counter("cmebot_feedback", "Votes on answers (helpful / not_helpful).", ["rating"])
JOBS_FAILED = Counter("cmebot_jobs_failed", "Answer jobs that finally failed, by the stage that failed.", ["stage"])
SLACK_API_ERRORS = Counter(
    "cmebot_slack_api_errors", "Slack Web API calls that failed, by method and error code.", ["method", "error"]
)
LLM_ERRORS = Counter("cmebot_llm_errors", "Language model calls that failed (auth, timeout, other).", ["error"])
# "live" modes: a process that exited stops counting once multiprocess.mark_process_dead ran (atexit below).
INDEX_CHUNKS = Gauge(
    "cmebot_index_chunks", "Chunks in the knowledge index this process answers from.", multiprocess_mode="livemax"
)
INDEX_LAST_INDEXED = Gauge(
    "cmebot_index_last_indexed_timestamp_seconds",
    "When the knowledge index this process answers from last changed (Unix time).",
    multiprocess_mode="livemax",
)

# Engine reasons (bot/answering/engine.py, support.py) reduced to a few stable labels.
DECLINE_REASONS = {
    "empty question": "empty",
    "clinical advice is out of scope": "clinical",
    "outside what the bot does": "off_topic",
    "the knowledge base does not cover this": "not_in_knowledge",
    "nothing in the knowledge base matches": "not_in_knowledge",
    "the closest sources are about something else": "not_in_knowledge",
    "the question uses terms the sources never mention": "not_in_knowledge",
    "the model found no support in the sources": "no_support",
    "no sentence of the sources answers it": "no_support",
    "only an unreviewed upload covers this": "unreviewed_only",
}
_LABEL_UNSAFE = re.compile(r"[^A-Za-z0-9_.]+")
_last_indexed: float | None = None
_lock = threading.Lock()


def decline_reason(reason: str | None) -> str:
    """A label for the engine's free-text reason: clinical, off_topic, not_in_knowledge (near-scope), fee, recent,
    ours, best, person, state (what the question asks for that the knowledge never holds), no_support,
    unreviewed_only, empty, or other."""
    text = (reason or "").strip()
    if text in DECLINE_REASONS:
        return DECLINE_REASONS[text]
    if text.startswith(("the sources give no ", "the sources say nothing specific to ")):
        return "not_in_knowledge"
    from bot.answering.declines import reason_by_why

    kind = reason_by_why(text)
    return kind.kind if kind is not None else "other"


def record_answer(answer: Answer, surface: str) -> None:
    """One question asked on `surface` and how it was answered."""
    try:
        mode = answer.mode if answer.mode in MODES else "extractive"
        QUESTIONS.labels(surface=surface if surface in SURFACES else "other").inc()
        ANSWERS.labels(mode=mode).inc()
        if answer.abstained:
            DECLINES.labels(reason=decline_reason(answer.reason)).inc()
        LATENCY.labels(mode=mode).observe(max(0.0, answer.latency_ms / 1000))
    except Exception:  # never let counting cost the member the answer
        log.debug("Could not record answer metrics", exc_info=True)


def record_feedback(rating: str) -> None:
    try:
        FEEDBACK.labels(rating=rating if rating in ("helpful", "not_helpful") else "other").inc()
    except Exception:
        log.debug("Could not record feedback metrics", exc_info=True)


def record_job_failed(stage: str) -> None:
    try:
        JOBS_FAILED.labels(stage=stage).inc()
    except Exception:
        log.debug("Could not record a failed job", exc_info=True)


def record_slack_api_error(method: str, error: str) -> None:
    try:
        # Both labels come from Slack's URL and reply: bounded to names Slack uses, never free text.
        method_label = _LABEL_UNSAFE.sub("_", method)[:64] or "unknown"
        error_label = _LABEL_UNSAFE.sub("_", error)[:64] or "unknown"
        SLACK_API_ERRORS.labels(method=method_label, error=error_label).inc()
    except Exception:
        log.debug("Could not record a Slack API error", exc_info=True)


def record_llm_error(error: str) -> None:
    try:
        LLM_ERRORS.labels(error=error).inc()
    except Exception:
        log.debug("Could not record an LLM error", exc_info=True)


def record_index(chunks: int, last_indexed: float | None) -> None:
    """The index this process now answers from (after start-up, a re-index, or a reload)."""
    global _last_indexed
    try:
        INDEX_CHUNKS.set(chunks)
        if last_indexed:
            INDEX_LAST_INDEXED.set(last_indexed)
            with _lock:
                _last_indexed = last_indexed
    except Exception:
        log.debug("Could not record index metrics", exc_info=True)


# --- exposition ----------------------------------------------------------------------------------------------
class RuntimeCollector:
    """Gauges read from the database at scrape time; the same whichever process is scraped. A database that does
    not answer gives cmebot_database_up 0, not a failed scrape."""

    def __init__(self, runtime: Any) -> None:
        self.runtime = runtime

    def collect(self) -> Iterator[Metric]:
        up = GaugeMetricFamily("cmebot_database_up", "1 when this scrape could query the database.")
        try:
            counts = self.runtime.jobs.counts()
            failed = _failed_last_hour(self.runtime.db)
            changed = _index_changed_at(self.runtime)
        except Exception as exc:
            log.warning("Metrics: the database did not answer (%s)", exc.__class__.__name__)
            up.add_metric([], 0)
            yield up
            return
        up.add_metric([], 1)
        yield up
        jobs = GaugeMetricFamily("cmebot_jobs", "Answer jobs in the database, by state.", labels=["state"])
        for state in dict.fromkeys([*JOB_STATES, *counts]):
            jobs.add_metric([state], counts.get(state, 0))
        yield jobs
        yield GaugeMetricFamily(
            "cmebot_jobs_failed_last_hour", "Jobs finally failed within the last hour, across replicas.", value=failed
        )
        with _lock:
            local = _last_indexed
        newest = max((t for t in (changed, local) if t), default=None)
        if newest is not None:
            yield GaugeMetricFamily(
                "cmebot_index_age_seconds",
                "Seconds since the knowledge index last changed.",
                value=max(0.0, time.time() - newest),
            )


def _failed_last_hour(db: Any) -> int:
    from bot.services.health import recent_job_failures

    count, _ = recent_job_failures(db, datetime.now(UTC) - timedelta(hours=1))
    return count


def _index_changed_at(runtime: Any) -> float | None:
    """When any process last re-indexed (the knowledge version row), as Unix time; None before the first."""
    from bot.storage.models.jobs import KnowledgeVersion

    with runtime.db.session() as session:
        row = session.get(KnowledgeVersion, runtime.settings.collection)
        if row is None or row.updated_at is None:
            return None
        return float(row.updated_at.replace(tzinfo=UTC).timestamp())


class _Collectors:
    """What generate_latest needs (a .collect()) over several collectors."""

    def __init__(self, collectors: Iterable[Any]) -> None:
        self.collectors = list(collectors)

    def collect(self) -> Iterator[Metric]:
        for collector in self.collectors:
            yield from collector.collect()


def exposition(runtime: Any) -> bytes:
    """The Prometheus text for a scrape of this process (every process's counters in multiprocess mode)."""
    if MULTIPROCESS:
        from prometheus_client import multiprocess

        counted: Any = multiprocess.MultiProcessCollector(None)
    else:
        counted = REGISTRY  # ours, and prometheus_client's process and platform metrics
    return generate_latest(_Collectors([counted, RuntimeCollector(runtime)]))  # type: ignore[arg-type]


def _mark_dead() -> None:
    # A process that exits must stop counting in the "live" gauges the others expose.
    from prometheus_client import multiprocess

    try:
        multiprocess.mark_process_dead(os.getpid())
    except Exception:
        log.debug("Could not mark this process's metrics dead", exc_info=True)


if MULTIPROCESS:
    atexit.register(_mark_dead)
