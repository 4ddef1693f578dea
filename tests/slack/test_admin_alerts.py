"""Errors that need a person reach the admin channel on the Slack stand-in: once per kind per hour whatever the
number of replicas, from the workers' sweeper, with nothing secret and nothing a member wrote."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from pydantic import SecretStr
from sqlalchemy.exc import OperationalError

from bot.runtime import Runtime
from bot.services import health
from bot.services.health import DATABASE_UNREACHABLE, JOBS_FAILING, LLM_KEY_REJECTED
from bot.slack.admin_alerts import admin_channel
from bot.slack.jobs import SlackJobs
from tests.support.slack_api import SlackApiStandIn
from tests.support.slack_app import BOT_TOKEN, COMPRESSED_TIMINGS, SlackAppHarness, mention_event

ADMIN = "C0ADMIN"
T0 = datetime(2030, 3, 4, 10, 5, tzinfo=UTC)
LLM_KEY = "sk-live-0123456789abcdefghij"
QUESTION = "Can my hospital's pharma sponsor pick our grand rounds speakers?"


@pytest.fixture(autouse=True)
def _no_problems_left_over() -> Iterator[None]:
    health.PROBLEMS.reset()
    yield
    health.PROBLEMS.reset()


def replica(runtime: Runtime, slack_api: SlackApiStandIn, **settings: object) -> tuple[SlackJobs, Runtime]:
    """A worker process in all but name: its own runtime on the shared database, and its job pipeline, not started
    (the test drives the alerts with a fixed clock). The pipeline holds its runtime weakly: the caller keeps it."""
    updates = {
        "slack_bot_token": SecretStr(BOT_TOKEN),
        "slack_api_url": slack_api.url,
        "admin_channel": ADMIN,
        "llm_api_key": SecretStr(LLM_KEY),
        **COMPRESSED_TIMINGS,
        **settings,
    }
    worker = Runtime(runtime.settings.model_copy(update=updates))
    return SlackJobs(worker), worker


def admin_posts(slack_api: SlackApiStandIn) -> list[str]:
    return [call.args["text"] for call in slack_api.calls_to("chat.postMessage") if call.args.get("channel") == ADMIN]


def test_an_alert_is_posted_once_per_kind_per_hour_across_replicas(
    runtime: Runtime, slack_api: SlackApiStandIn
) -> None:
    first, first_runtime = replica(runtime, slack_api)
    second, second_runtime = replica(runtime, slack_api)  # another process on the same database
    try:
        health.PROBLEMS.report(LLM_KEY_REJECTED, "AuthenticationError, HTTP 401", T0)
        health.PROBLEMS.report(DATABASE_UNREACHABLE, "OperationalError", T0)

        assert first.alerts.check(T0) == [LLM_KEY_REJECTED]  # the database only once it has lasted
        assert second.alerts.check(T0 + timedelta(minutes=2)) == []
        assert sorted(second.alerts.check(T0 + timedelta(minutes=6))) == [DATABASE_UNREACHABLE]
        assert first.alerts.check(T0 + timedelta(minutes=40)) == []
        assert sorted(first.alerts.check(T0 + timedelta(hours=1))) == [DATABASE_UNREACHABLE, LLM_KEY_REJECTED]
        assert second.alerts.check(T0 + timedelta(hours=1, minutes=1)) == []

        posts = admin_posts(slack_api)
        assert len(posts) == 4
        assert sum("refused the API key" in text for text in posts) == 2
        assert sum("database has been unreachable" in text for text in posts) == 2
        for text in posts:
            assert LLM_KEY not in text and BOT_TOKEN not in text
            assert "since 2030-03-04 10:05 UTC" in text  # since when
            assert "Check:" in text  # and what to look at
        [call] = slack_api.calls_to("chat.postMessage")[:1]
        assert call.token == BOT_TOKEN
    finally:
        for jobs, worker in ((first, first_runtime), (second, second_runtime)):
            jobs.queues.close()
            worker.close()


def test_failing_jobs_are_alerted_without_what_the_members_asked(
    slack_app: SlackAppHarness, slack_api: SlackApiStandIn
) -> None:
    # Every answer post, and the apology after it, is refused for good (channel_not_found): each question fails.
    slack_api.fail_next("chat.postMessage", error="channel_not_found", times=4)
    for n in range(2):
        event = mention_event(f"<@U0BOT> {QUESTION} ({n})", channel=f"C9{n}")
        assert slack_app.send_event(event).status == 200
    slack_app.wait_for_jobs()
    assert slack_app.runtime.jobs.counts().get("failed") == 2

    jobs, worker = replica(slack_app.runtime, slack_api, alert_failed_jobs=2)  # a worker of the same deployment
    try:
        assert jobs.alerts.check(datetime.now(UTC)) == [JOBS_FAILING]
    finally:
        jobs.queues.close()
        worker.close()
    [text] = admin_posts(slack_api)
    assert "2 questions finally failed in the last hour" in text
    assert "grand rounds" not in text and "pharma" not in text


def test_the_sweeper_notices_an_unreachable_database_and_its_return(
    slack_app: SlackAppHarness, slack_api: SlackApiStandIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = slack_app.jobs.store
    real = store.lease_owners

    def down() -> list[str]:
        raise OperationalError("SELECT lease_owner", {}, Exception("could not connect to server"))

    monkeypatch.setattr(store, "lease_owners", down)
    _wait_until(lambda: DATABASE_UNREACHABLE in health.PROBLEMS.active())
    since = health.PROBLEMS.active()[DATABASE_UNREACHABLE].since
    monkeypatch.setattr(store, "lease_owners", real)
    _wait_until(lambda: DATABASE_UNREACHABLE not in health.PROBLEMS.active())
    assert since <= datetime.now(UTC)
    assert admin_posts(slack_api) == []  # a short outage is not a person's problem


def _wait_until(condition, timeout: float = 15.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached")
        time.sleep(0.05)


def test_the_admin_channel_may_name_its_workspace() -> None:
    assert admin_channel("C0ADMIN") == ("", "C0ADMIN")
    assert admin_channel("T0TEAM:C0ADMIN") == ("T0TEAM", "C0ADMIN")
    assert admin_channel("") == ("", "")
