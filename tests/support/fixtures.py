"""Slack fixtures, loaded for every test through `pytest_plugins` in tests/conftest.py.

    slack_api   the Web API stand-in (tests/support/slack_api.py) on a free 127.0.0.1 port
    slack_app   the real Bolt app built on the `runtime` fixture, pointed at slack_api.url and served in
                HTTP mode (waitress) on a free port; requests are signed like Slack's

Typical use:

    from tests.support.slack_app import mention_event

    def test_mention_is_answered_in_thread(slack_app, slack_api):
        event = mention_event("<@U0BOT> How far back do faculty disclosures go?")
        assert slack_app.send_event(event).status == 200          # acked
        [post] = slack_api.wait_for("chat.postMessage")           # answered after the ack
        assert post.args["thread_ts"] == event["ts"]

    slack_app.send_command("/cme", "question", user_id="U1", channel_id="C1")  -> Response
    slack_app.block_action("answer_feedback_helpful", "42")   (or send_interaction(payload) for any payload)
    slack_app.send_event(event, event_id="Ev1", retry_num=1)  a redelivery of the same event id
    slack_app.restart()                                        fresh Runtime + app on the same database
    slack_api.wait_for("views.open"); slack_api.calls_to("response_url")  (respond() via response_url)
    slack_api.set_user("U2", is_restricted=True); slack_api.set_thread("C1", ts, [...messages])
    slack_api.fail_next("chat.postMessage", status=429, retry_after=0)

Questions (mentions, member DMs, /cme) become jobs before the ack (bot/slack/intake.py, bot/slack/jobs.py); a
redelivery finds its job and is dropped. Every other event is claimed by event_id in bot/slack/dedup.py (ledger key
"slack-event:<event_id>") before any listener runs, so features need not de-duplicate again. The harness runs the
answer and post workers with leases, sweeps and retries compressed; slack_app.wait_for_jobs() waits until every job
is posted or failed, and slack_app.stop() does the same before stopping (stop(drain=False) does not).
The bot's user id in the stand-in is U0BOT.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.runtime import Runtime
from tests.support.slack_api import SlackApiStandIn
from tests.support.slack_app import SlackAppHarness


@pytest.fixture
def slack_api() -> Iterator[SlackApiStandIn]:
    with SlackApiStandIn() as stand_in:
        yield stand_in


@pytest.fixture
def slack_app(runtime: Runtime, slack_api: SlackApiStandIn) -> Iterator[SlackAppHarness]:
    harness = SlackAppHarness(runtime, slack_api)
    try:
        yield harness
    finally:
        harness.stop()
        if harness.runtime is not runtime:  # restart() made a runtime of its own; the fixture disposes the first
            harness.runtime.close()
