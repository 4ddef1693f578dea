"""Every acknowledged question is answered exactly once, whatever Slack's Web API or the workers do.

Over real HTTP against the stand-in, with leases, sweeps and retries compressed (tests/support/slack_app.py).
Each test asserts what the member sees: how many answers, whether an apology appeared, in which order."""

from __future__ import annotations

import os
import socket
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import update
from sqlalchemy.exc import OperationalError

from bot.storage.models._types import utcnow
from bot.storage.models.jobs import AnswerJob
from tests.support.slack_api import SlackApiStandIn
from tests.support.slack_app import SlackAppHarness, mention_event, message_event

QUESTION = "How far back do we collect financial relationships for faculty?"
APOLOGY = "Sorry, something went wrong"


def _answers(api: SlackApiStandIn, channel: str) -> list[dict[str, Any]]:
    """What the member sees in `channel`: the bot's messages, answers and apologies alike."""
    return api.posted(channel)


def _apologies(api: SlackApiStandIn, channel: str) -> list[dict[str, Any]]:
    return [m for m in api.posted(channel) if m["text"].startswith(APOLOGY)]


def _ask(app: SlackAppHarness, channel: str, event_id: str | None = None) -> dict[str, Any]:
    event = mention_event(f"<@U0BOT> {QUESTION}", channel=channel)
    assert app.send_event(event, event_id=event_id).status == 200
    return event


@pytest.mark.parametrize(
    "fault",
    [{"status": 500}, {"status": 503}, {"status": 200, "error": "internal_error"}],
    ids=["500", "503", "internal_error"],
)
def test_a_transient_post_failure_is_retried_without_an_apology(
    slack_app: SlackAppHarness, slack_api: SlackApiStandIn, fault: dict[str, Any]
) -> None:
    slack_api.fail_next("chat.postMessage", **fault)
    event = _ask(slack_app, "C1")
    slack_app.wait_for_jobs()
    [answer] = _answers(slack_api, "C1")
    assert answer["thread_ts"] == event["ts"] and "24" in answer["text"]
    assert not _apologies(slack_api, "C1")
    assert len(slack_api.calls_to("chat.postMessage")) == 2  # the failed attempt and the retry


def test_a_post_that_landed_despite_a_500_is_not_posted_again(
    slack_app: SlackAppHarness, slack_api: SlackApiStandIn
) -> None:
    # Slack posted the message, then answered 500: the retry must find it in the thread, not post a second.
    slack_api.fail_next("chat.postMessage", status=500, after_effect=True)
    _ask(slack_app, "C2")
    slack_app.wait_for_jobs()
    assert len(_answers(slack_api, "C2")) == 1
    assert slack_api.calls_to("conversations.replies")  # it looked before deciding
    assert len(slack_api.calls_to("chat.postMessage")) == 1


def test_a_post_slower_than_the_timeout_gives_one_answer_and_no_apology(
    slack_app: SlackAppHarness, slack_api: SlackApiStandIn
) -> None:
    # The stand-in posts at once but answers after 4 s; the client gives up at 3 s (the 35 s post of the issue).
    slack_api.delay_next("chat.postMessage", 4.0, channel="C3")
    _ask(slack_app, "C3")
    slack_app.wait_for_jobs()
    [answer] = _answers(slack_api, "C3")
    assert not answer["text"].startswith(APOLOGY)


def test_six_rate_limits_in_a_row_still_end_in_the_answer(
    slack_app: SlackAppHarness, slack_api: SlackApiStandIn
) -> None:
    slack_api.fail_next("chat.postMessage", status=429, retry_after=0, times=6)
    _ask(slack_app, "C4")
    slack_app.wait_for_jobs()
    [answer] = _answers(slack_api, "C4")
    assert "24" in answer["text"]
    assert len(slack_api.calls_to("chat.postMessage", ok=False)) == 6


def test_a_long_retry_after_is_waited_out_by_the_queue_not_by_a_worker(
    slack_app: SlackAppHarness, slack_api: SlackApiStandIn
) -> None:
    # Retry-After 2 s is above the inline limit (0.5 s here): the job goes back to the queue with that delay,
    # and meanwhile another channel's answer is posted.
    slack_api.fail_next("chat.postMessage", status=429, retry_after=2)
    _ask(slack_app, "C5")
    slack_api.wait_for("chat.postMessage", ok=False)
    _ask(slack_app, "C6")
    slack_app.wait_for_jobs()
    order = [c.args["channel"] for c in slack_api.calls_to("chat.postMessage", ok=True)]
    assert order == ["C6", "C5"]


def test_a_slow_channel_does_not_hold_up_the_others(slack_app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    slack_api.delay_next("chat.postMessage", 2.5, channel="CSLOW")
    _ask(slack_app, "CSLOW")
    _ask(slack_app, "CFAST")
    slack_api.wait_for("chat.postMessage")  # calls are recorded when answered: the first answered is CFAST
    assert [c.args["channel"] for c in slack_api.calls_to("chat.postMessage")] == ["CFAST"]
    slack_app.wait_for_jobs()
    assert len(_answers(slack_api, "CSLOW")) == 1


def test_a_permanent_post_error_gives_one_apology(slack_app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    slack_api.fail_next("chat.postMessage", error="invalid_blocks")
    _ask(slack_app, "C7")
    slack_app.wait_for_jobs()
    [apology] = _answers(slack_api, "C7")
    assert apology["text"].startswith(APOLOGY)
    assert slack_app.runtime.jobs.counts() == {"failed": 1}


def test_when_answering_keeps_failing_the_member_gets_one_apology(
    slack_app: SlackAppHarness, slack_api: SlackApiStandIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []

    def broken(question: str, *args: Any, **kwargs: Any) -> Any:
        calls.append(question)
        raise RuntimeError("the engine fell over")

    monkeypatch.setattr(slack_app.runtime, "ask", broken)
    _ask(slack_app, "C8")
    slack_app.wait_for_jobs()
    assert len(calls) == slack_app.runtime.settings.answer_max_attempts
    [apology] = _answers(slack_api, "C8")
    assert apology["text"].startswith(APOLOGY)


def test_a_job_whose_worker_died_is_taken_over_and_answered_once(
    slack_app: SlackAppHarness, slack_api: SlackApiStandIn
) -> None:
    # A question acknowledged by a process that then died mid-answer: its job is leased by a pid that no
    # longer exists on this host. The sweeper sees the process is gone and takes the job over at once.
    slack_app.stop(drain=False)
    slack_app.start(workers=False)  # a front without workers: the job is written and stays queued
    _ask(slack_app, "C9", event_id="EvDIED")
    dead = f"{socket.gethostname()[:60]}:{_unused_pid()}:deadbeef"
    with slack_app.runtime.db.session() as session:
        session.execute(
            update(AnswerJob).values(state="answering", lease_owner=dead, lease_until=utcnow() + timedelta(hours=1))
        )
    slack_app.stop(drain=False)
    slack_app.start()  # a new process: workers and sweeper
    slack_app.wait_for_jobs()
    assert len(_answers(slack_api, "C9")) == 1
    # Slack's redelivery of the same event after the restart is acked and dropped.
    assert (
        slack_app.send_event(mention_event(f"<@U0BOT> {QUESTION}", channel="C9"), "EvDIED", retry_num=1).status == 200
    )
    slack_app.wait_for_jobs()
    assert len(_answers(slack_api, "C9")) == 1


def test_a_job_leased_on_another_machine_is_taken_over_when_its_lease_runs_out(
    slack_app: SlackAppHarness, slack_api: SlackApiStandIn
) -> None:
    slack_app.stop(drain=False)
    slack_app.start(workers=False)
    _ask(slack_app, "C10")
    with slack_app.runtime.db.session() as session:
        # Mid-post on another machine: one cannot tell whether that process is alive, only that its lease ends.
        session.execute(
            update(AnswerJob).values(
                state="answering", lease_owner="other-host:4242:cafe", lease_until=utcnow() + timedelta(seconds=1)
            )
        )
    slack_app.stop(drain=False)
    slack_app.start()
    slack_app.wait_for_jobs()
    assert len(_answers(slack_api, "C10")) == 1


def test_a_takeover_mid_post_posts_only_what_is_missing(slack_app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    # The first worker posted the answer and died before recording it: the job is "posting", nothing recorded.
    slack_app.stop(drain=False)
    slack_app.start(workers=False)
    _ask(slack_app, "C11", event_id="EvMIDPOST")
    slack_app.stop(drain=False)
    slack_app.start()
    slack_app.wait_for_jobs()
    [posted] = _answers(slack_api, "C11")
    with slack_app.runtime.db.session() as session:
        session.execute(
            update(AnswerJob).values(
                state="posting", posted=[], lease_owner="other-host:1:dead", lease_until=utcnow() - timedelta(seconds=1)
            )
        )
    slack_app.wait_for_jobs()
    assert _answers(slack_api, "C11") == [posted]
    job = slack_app.runtime.jobs.by_key("slack-event:EvMIDPOST")
    assert job is not None and job.state == "posted" and job.posted == [posted["ts"]]


def test_a_database_outage_at_intake_is_not_acked_so_slack_delivers_again(
    slack_app: SlackAppHarness, slack_api: SlackApiStandIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = slack_app.runtime.jobs
    create = store.create

    def down(*args: Any, **kwargs: Any) -> Any:
        raise OperationalError("INSERT", {}, Exception("database is down"))

    monkeypatch.setattr(store, "create", down)
    event = mention_event(f"<@U0BOT> {QUESTION}", channel="C12")
    assert slack_app.send_event(event, event_id="EvDBDOWN").status >= 500  # not acked: Slack will retry
    monkeypatch.setattr(store, "create", create)
    assert slack_app.send_event(event, event_id="EvDBDOWN", retry_num=1).status == 200
    slack_app.wait_for_jobs()
    assert len(_answers(slack_api, "C12")) == 1


def test_dm_answers_survive_a_takeover_too(slack_app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    # Top-level DM answers have no thread: the check before re-posting reads the conversation's history.
    slack_api.fail_next("chat.postMessage", status=500, after_effect=True)
    event = message_event(QUESTION, channel="D13", user="U13")
    assert slack_app.send_event(event).status == 200
    slack_app.wait_for_jobs()
    assert len(_answers(slack_api, "D13")) == 1
    assert slack_api.calls_to("conversations.history")


def _unused_pid() -> int:
    pid = 4_000_000
    while True:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return pid
        except PermissionError:
            pass
        pid += 1


def test_a_database_outage_while_answering_delays_the_answer_but_loses_nothing(
    slack_app: SlackAppHarness, slack_api: SlackApiStandIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The question was acknowledged (its job written); then the database goes away for the workers. The task
    # they took is lost with the error; once the database is back, the sweeper queues the job again.
    store = slack_app.runtime.jobs
    take = store.take
    outage: list[int] = []

    def down(job_id: int, *args: Any, **kwargs: Any) -> Any:
        if len(outage) < 3:
            outage.append(job_id)
            raise OperationalError("UPDATE", {}, Exception("database is down"))
        return take(job_id, *args, **kwargs)

    monkeypatch.setattr(store, "take", down)
    _ask(slack_app, "C14")
    slack_app.wait_for_jobs(timeout=60)
    assert outage
    assert len(_answers(slack_api, "C14")) == 1
