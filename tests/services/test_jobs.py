"""The job table decides who works on a question: one lease at a time, taken over when it runs out."""

from __future__ import annotations

import threading
import time

from bot.services.jobs import JobStore
from bot.storage.db import Database

PAYLOAD = {"channel": "C1", "ts": "1.0", "text": "How far back?"}


def test_a_key_makes_one_job(db: Database) -> None:
    store = JobStore(db)
    assert store.create("slack-event:Ev1", "slack_mention", PAYLOAD) is not None
    assert store.create("slack-event:Ev1", "slack_mention", PAYLOAD) is None
    assert store.counts() == {"queued": 1}


def test_of_many_workers_racing_for_a_job_exactly_one_takes_it(db: Database) -> None:
    store = JobStore(db)
    job = store.create("slack-event:Ev2", "slack_mention", PAYLOAD)
    assert job is not None
    winners: list[str] = []
    start = threading.Barrier(6)

    def race(owner: str) -> None:
        start.wait()
        if store.take(job.id, "answer", owner, 30) is not None:
            winners.append(owner)

    threads = [threading.Thread(target=race, args=(f"host:{i}:x",)) for i in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(winners) == 1


def test_a_lease_that_runs_out_is_taken_over_and_the_old_owner_loses_it(db: Database) -> None:
    store = JobStore(db)
    job = store.create("slack-event:Ev3", "slack_mention", PAYLOAD)
    assert job is not None
    assert store.take(job.id, "answer", "a:1:x", 0.2) is not None
    assert store.take(job.id, "answer", "b:2:x", 30) is None  # still leased
    time.sleep(0.3)
    assert store.due(requeue_after=60) == [(job.id, "answer")]
    assert store.take(job.id, "answer", "b:2:x", 30) is not None
    assert store.renew(job.id, "a:1:x", 30) is False  # the first worker can no longer write
    assert store.store_messages(job.id, "a:1:x", [{"text": "stale"}], None) is False
    assert store.store_messages(job.id, "b:2:x", [{"text": "24 months"}], 7) is True
    ready = store.get(job.id)
    assert ready is not None and ready.state == "ready" and ready.messages == [{"text": "24 months"}]


def test_a_post_taken_over_is_marked_uncertain(db: Database) -> None:
    store = JobStore(db)
    job = store.create("slack-event:Ev4", "slack_mention", PAYLOAD)
    assert job is not None
    store.take(job.id, "answer", "a:1:x", 30)
    store.store_messages(job.id, "a:1:x", [{"text": "answer"}], None)
    first = store.take(job.id, "post", "a:1:x", 0.1)
    assert first is not None and not first.uncertain
    time.sleep(0.2)
    second = store.take(job.id, "post", "b:2:x", 30)
    assert second is not None and second.uncertain


def test_retry_later_waits_and_counts_attempts(db: Database) -> None:
    store = JobStore(db)
    job = store.create("slack-event:Ev5", "slack_mention", PAYLOAD)
    assert job is not None
    store.take(job.id, "answer", "a:1:x", 30)
    assert store.retry_later(job.id, "a:1:x", "answer", 0.3, error="boom")
    assert store.take(job.id, "answer", "a:1:x", 30) is None  # not before its time
    time.sleep(0.35)
    again = store.take(job.id, "answer", "a:1:x", 30)
    assert again is not None and again.answer_attempts == 1 and again.error == "boom"


def test_a_graceful_stop_hands_jobs_back_at_once(db: Database) -> None:
    store = JobStore(db)
    job = store.create("slack-event:Ev6", "slack_mention", PAYLOAD)
    assert job is not None
    store.take(job.id, "answer", "a:1:x", 3600)
    assert store.release_owner("a:1:x") == 1
    assert store.due(requeue_after=60) == [(job.id, "answer")]
    assert store.take(job.id, "answer", "b:2:x", 30) is not None
