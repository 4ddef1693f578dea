"""Two replicas on PostgreSQL and Redis, as in production: each question is answered once, whichever replica
Slack delivers it to, however often, and whichever replica's workers take it.

PostgreSQL (127.0.0.1:5432, database `test`) gets a schema for the test; Redis (127.0.0.1:6379) a database
number of its own, emptied before and after."""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text

from bot.config import Settings
from bot.runtime import Runtime
from tests.support.slack_api import SlackApiStandIn
from tests.support.slack_app import SlackAppHarness, mention_event

POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
QUESTION = "How far back do we collect financial relationships for faculty?"

pytestmark = pytest.mark.postgres


@pytest.fixture
def shared(settings: Settings) -> Iterator[Settings]:
    import redis

    schema = f"rep_{uuid.uuid4().hex[:8]}"
    admin = create_engine(POSTGRES)
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    redis_db = random.randint(1, 15)
    redis_url = f"redis://127.0.0.1:6379/{redis_db}"
    redis.Redis.from_url(redis_url).flushdb()
    try:
        yield settings.model_copy(
            update={"database_url": f"{POSTGRES}?options=-csearch_path%3D{schema}", "redis_url": redis_url}
        )
    finally:
        redis.Redis.from_url(redis_url).flushdb()
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


def test_two_replicas_answer_each_question_once(shared: Settings, slack_api: SlackApiStandIn) -> None:
    first = SlackAppHarness(Runtime(shared), slack_api)
    second = SlackAppHarness(Runtime(shared), slack_api)
    replicas = [first, second]
    try:
        channels = [f"CREP{i:02d}" for i in range(12)]
        for i, channel in enumerate(channels):
            event = mention_event(f"<@U0BOT> {QUESTION}", channel=channel)
            # Every question reaches one replica, and its redelivery the other (Slack retries anywhere).
            assert replicas[i % 2].send_event(event, event_id=f"EvREP{i}").status == 200
            assert replicas[(i + 1) % 2].send_event(event, event_id=f"EvREP{i}", retry_num=1).status == 200
        first.wait_for_jobs(timeout=60)
        for channel in channels:
            [answer] = slack_api.posted(channel)
            assert "24" in answer["text"]
        assert first.runtime.questions.counts().questions == len(channels)
    finally:
        for replica in replicas:
            replica.stop()
            replica.runtime.close()


def test_a_job_queued_on_redis_survives_a_replica_restart(shared: Settings, slack_api: SlackApiStandIn) -> None:
    # A front without workers queues the question on Redis; the process goes away; another replica's workers,
    # started later, answer it.
    front = SlackAppHarness(Runtime(shared), slack_api)
    front.stop(drain=False)
    front.start(workers=False)
    assert front.send_event(mention_event(f"<@U0BOT> {QUESTION}", channel="CRED")).status == 200
    front.stop(drain=False)
    front.runtime.close()
    worker = SlackAppHarness(Runtime(shared), slack_api)
    try:
        worker.wait_for_jobs(timeout=60)
        [answer] = slack_api.posted("CRED")
        assert "24" in answer["text"]
    finally:
        worker.stop()
        worker.runtime.close()
