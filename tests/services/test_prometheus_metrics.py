"""Metrics recorded where the work happens (Runtime.ask, feedback, jobs), read by Prometheus' own text parser."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy.exc import OperationalError

from bot.config import PROJECT_ROOT
from bot.runtime import Runtime
from bot.services import metrics


def scrape(runtime: Any) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of a scrape, keyed by name and sorted labels: the exposition parsed as Prometheus would."""
    text = metrics.exposition(runtime).decode()
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def value(samples: dict[tuple[str, tuple[tuple[str, str], ...]], float], name: str, **labels: str) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("What dose of apixaban should my patient with AF take?", "clinical"),
        ("Write me a poem about the sea", "off_topic"),
        ("What are the Moore outcome levels?", "not_in_knowledge"),  # CME, but not in the small corpus
        ("What's the registration fee for the ACCME annual meeting?", "fee"),
        ("When is our next self-study due?", "ours"),
        ("   ", "empty"),
    ],
)
def test_declines_are_counted_by_reason(runtime: Runtime, question: str, reason: str) -> None:
    before = scrape(runtime)
    answer, _ = runtime.ask(question, surface="console")
    after = scrape(runtime)
    assert answer.abstained
    assert (
        value(after, "cmebot_declines_total", reason=reason)
        == value(before, "cmebot_declines_total", reason=reason) + 1
    )
    assert (
        value(after, "cmebot_answers_total", mode="abstained")
        == value(before, "cmebot_answers_total", mode="abstained") + 1
    )


def test_console_questions_answers_and_latency_are_counted(runtime: Runtime) -> None:
    before = scrape(runtime)
    answer, _ = runtime.ask("How far back do we collect financial relationships for faculty?", surface="console")
    after = scrape(runtime)
    assert not answer.abstained
    mode = answer.mode
    assert value(after, "cmebot_questions_total", surface="console") == (
        value(before, "cmebot_questions_total", surface="console") + 1
    )
    assert value(after, "cmebot_answers_total", mode=mode) == value(before, "cmebot_answers_total", mode=mode) + 1
    count = "cmebot_answer_latency_seconds_count"
    assert value(after, count, mode=mode) == value(before, count, mode=mode) + 1
    # The observation lands in the bucket of its own duration, and in every wider one.
    seconds = answer.latency_ms / 1000
    wide = next(bound for bound in metrics.LATENCY_BUCKETS if bound >= seconds)
    bucket = "cmebot_answer_latency_seconds_bucket"
    assert value(after, bucket, mode=mode, le=str(wide)) == value(before, bucket, mode=mode, le=str(wide)) + 1


def test_an_unknown_surface_is_one_label_not_a_new_series_per_value(runtime: Runtime) -> None:
    before = scrape(runtime)
    runtime.ask("How far back do disclosures go?", surface="something-new-1234")
    after = scrape(runtime)
    assert value(after, "cmebot_questions_total", surface="other") == (
        value(before, "cmebot_questions_total", surface="other") + 1
    )
    assert not any(labels and ("surface", "something-new-1234") in labels for _, labels in after)


def test_feedback_is_counted_by_rating(runtime: Runtime) -> None:
    _, question_id = runtime.ask("How far back do disclosures go?", surface="console")
    before = scrape(runtime)
    runtime.feedback.record("U1", question_id, "helpful")
    runtime.feedback.record("U2", question_id, "not_helpful")
    after = scrape(runtime)
    for rating in ("helpful", "not_helpful"):
        assert value(after, "cmebot_feedback_total", rating=rating) == (
            value(before, "cmebot_feedback_total", rating=rating) + 1
        )


def test_job_gauges_come_from_the_database_and_failures_are_counted_once(runtime: Runtime) -> None:
    store = runtime.jobs
    before = scrape(runtime)
    queued = [store.create(f"metrics-test:{n}", "mention", {"channel": "C1"}) for n in range(3)]
    assert all(job is not None for job in queued)
    failing = queued[0]
    assert failing is not None
    taken = store.take(failing.id, "answer", "owner-1", 30)
    assert taken is not None
    # The answer stage finally failed (its message is the apology), then posting that failed too: one failed job.
    assert store.store_messages(failing.id, "owner-1", [{"text": "sorry"}], None, error="RuntimeError()")
    assert store.take(failing.id, "post", "owner-1", 30) is not None
    assert store.finish(failing.id, "owner-1", "failed", error="channel_not_found")
    after = scrape(runtime)

    assert value(after, "cmebot_database_up") == 1
    assert value(after, "cmebot_jobs", state="queued") == 2
    assert value(after, "cmebot_jobs", state="failed") == 1
    assert value(after, "cmebot_jobs_failed_last_hour") == 1
    failed_total = sum(
        value(after, "cmebot_jobs_failed_total", stage=s) - value(before, "cmebot_jobs_failed_total", stage=s)
        for s in ("answer", "post")
    )
    assert failed_total == 1


def test_index_size_and_age_are_exposed(runtime: Runtime) -> None:
    runtime.engine  # noqa: B018  (the engine is built on the index: its size is recorded then)
    samples = scrape(runtime)
    chunks = runtime.indexer.stats().chunks
    assert chunks > 0
    assert value(samples, "cmebot_index_chunks") == chunks
    assert value(samples, "cmebot_index_last_indexed_timestamp_seconds") > 0
    assert ("cmebot_index_age_seconds", ()) in samples
    assert samples[("cmebot_index_age_seconds", ())] >= 0


class _DownJobs:
    def counts(self) -> dict[str, int]:
        raise OperationalError("SELECT", {}, Exception("connection refused"))


class _DownRuntime:
    jobs = _DownJobs()
    db = None
    settings = None


def test_a_database_that_does_not_answer_gives_database_up_0_not_a_failed_scrape() -> None:
    metrics.record_feedback("helpful")
    samples = scrape(_DownRuntime())
    assert value(samples, "cmebot_database_up") == 0
    assert value(samples, "cmebot_feedback_total", rating="helpful") >= 1  # what was counted is still served
    assert not any(name == "cmebot_jobs" for name, _ in samples)


_CHILD = """
import sys
from bot.services import metrics
metrics.record_feedback("helpful")
metrics.record_slack_api_error("chat.postMessage", "ratelimited")
metrics.record_index(int(sys.argv[1]), 1_700_000_000.0)
"""

_SCRAPER = """
from bot.services import metrics

class Jobs:
    def counts(self):
        raise OSError("no database in this test")

class Runtime:
    jobs = Jobs()

print(metrics.exposition(Runtime()).decode())
"""


def test_multiprocess_mode_adds_up_every_process_counters(tmp_path: Path) -> None:
    """Fronts and workers are separate processes: with PROMETHEUS_MULTIPROC_DIR, one scrape sees them all."""
    folder = tmp_path / "prometheus"
    folder.mkdir()
    env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(folder), "PYTHONPATH": str(PROJECT_ROOT)}
    for chunks in ("40", "41"):
        subprocess.run([sys.executable, "-c", textwrap.dedent(_CHILD), chunks], env=env, check=True, timeout=120)
    scraped = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(_SCRAPER)], env=env, check=True, timeout=120, capture_output=True
    ).stdout.decode()
    samples = {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(scraped)
        for sample in family.samples
    }
    assert value(samples, "cmebot_feedback_total", rating="helpful") == 2
    assert value(samples, "cmebot_slack_api_errors_total", method="chat.postMessage", error="ratelimited") == 2
    # The index gauges are "live" (the largest among running processes): the two that exited no longer count, and
    # the scraping process answers from no index.
    assert value(samples, "cmebot_index_chunks") == 0
    assert value(samples, "cmebot_database_up") == 0
