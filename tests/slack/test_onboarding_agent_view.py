"""Onboarding where the app's agent view is on: the welcome DM and its checklist are the same top-level message as
ever, the Home tab is the checklist home, the Messages tab (the agent conversation) gets suggested prompts, and a
new member's first question in that DM is answered in its own thread, leaving the welcome untouched.
(tests/slack/test_welcome.py runs every welcome scenario with the agent view off and on.)"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.onboarding import OnboardingService
from bot.runtime import Runtime
from bot.slack.blocks.onboarding import TICK
from tests.slack.agent_support import answers_in, app_context_changed, messages_tab_opened
from tests.slack.onboarding_support import blocks_of, dms_to, eventually, team_join, texts
from tests.support.slack_api import SlackApiStandIn
from tests.support.slack_app import SlackAppHarness, message_event

NEW = "U0AGNEW1"


@pytest.fixture(params=["auto", "on"])
def app(request: pytest.FixtureRequest, runtime: Runtime, slack_api: SlackApiStandIn) -> Iterator[SlackAppHarness]:
    harness = SlackAppHarness(runtime, slack_api, agent_view=request.param)
    if request.param == "auto":  # the workspace shows it has the agent view by sending an agent event
        harness.send_event(app_context_changed("D0SOMEONE", None, user="U0SOMEONE"))
        slack_api.wait_for("assistant.threads.setSuggestedPrompts")
    slack_api.reset()
    try:
        yield harness
    finally:
        harness.stop()


def test_the_welcome_and_its_checklist_work_with_the_agent_view_on(
    app: SlackAppHarness, slack_api: SlackApiStandIn
) -> None:
    app.send_event(team_join(NEW))
    [dm] = slack_api.wait_for("chat.postMessage")
    assert "thread_ts" not in dm.args  # the welcome is a message of its own, not an agent thread's reply
    assert "Welcome to the CME community, Dana!" in texts(blocks_of(dm))
    service = OnboardingService(app.runtime.db, app.runtime.settings)
    stored = eventually(lambda: service.welcome_message(NEW))

    # Home tab: the checklist home. Messages tab: the agent conversation's suggestions, and nothing else.
    app.send_event({**messages_tab_opened(stored.channel, user=NEW), "tab": "home"})
    [home] = slack_api.wait_for("views.publish")
    assert home.args["user_id"] == NEW
    app.send_event(messages_tab_opened(stored.channel, user=NEW))
    [prompts] = slack_api.wait_for("assistant.threads.setSuggestedPrompts")
    assert prompts.args["channel_id"] == stored.channel and len(prompts.args["prompts"]) == 4

    # Ticking a step still updates the welcome in place.
    app.block_action(
        TICK,
        "samples",
        user_id=NEW,
        channel_id=stored.channel,
        message_ts=stored.ts,
        block_id="onboarding_item:samples",
    )
    [update] = slack_api.wait_for("chat.update")
    assert (update.args["channel"], update.args["ts"]) == (stored.channel, stored.ts)
    assert ":white_check_mark: *3. Review sample CME activities*" in texts(blocks_of(update))
    slack_api.wait_for("views.publish", count=2)

    # The new member asks their first question in that DM: it gets its own thread; the welcome is left as it was.
    question = message_event(
        "How far back do we collect financial relationships for faculty?", channel=stored.channel, user=NEW
    )
    app.send_event(question)
    app.wait_for_jobs()
    [answer] = answers_in(slack_api, stored.channel)
    assert answer["thread_ts"] == question["ts"] and "24" in answer["text"]
    app.stop()
    assert len(dms_to(slack_api, NEW)) == 2  # the welcome, and the answer in the question's thread
    assert [c.args["ts"] for c in slack_api.calls_to("chat.update")] == [stored.ts]
    assert len(slack_api.calls_to("views.publish")) == 2  # the Home tab open and the tick; not the Messages tab
