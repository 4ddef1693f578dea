"""Slack's agent experience over real HTTP: assistant thread events through Bolt's Assistant middleware, the agent
view's app_context_changed and Messages tab, prompts that follow the channel the member is viewing, and a question
typed in an agent thread answered once, durably, with the thread's status line set and cleared."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

import pytest
from slack_sdk.models.blocks import Block, ContextActionsBlock, FeedbackButtonsElement

from bot.runtime import Runtime
from bot.slack.answering import PROGRESS_REACTION
from bot.slack.blocks.answer import FEEDBACK_HELPFUL, FEEDBACK_NATIVE
from tests.slack.agent_support import (
    answers_in,
    app_context_changed,
    messages_tab_opened,
    thread_context_changed,
    thread_started,
)
from tests.support.slack_api import BOT_USER_ID, SlackApiStandIn
from tests.support.slack_app import SlackAppHarness, message_event, next_ts

QUESTION = "How far back do we collect financial relationships for faculty?"
DEFAULT_TITLES = [
    "Is this webinar accredited?",
    "How many credits for my session?",
    "Start a needs assessment",
    "What does Standard 3 require?",
]
_dm = itertools.count(1)


def dm_channel() -> str:
    return f"D0AGENT{next(_dm):03d}"


def prompt_titles(call: Any) -> list[str]:
    return [p["title"] for p in call.args["prompts"]]


@pytest.fixture
def app(runtime: Runtime, slack_api: SlackApiStandIn) -> Iterator[SlackAppHarness]:
    harness = SlackAppHarness(runtime, slack_api)
    try:
        yield harness
    finally:
        harness.stop()


def test_a_new_assistant_thread_gets_a_greeting_and_the_default_prompts(
    app: SlackAppHarness, slack_api: SlackApiStandIn
) -> None:
    channel, root = dm_channel(), next_ts()
    slack_api.set_channel("C0LOUNGE", name="lounge")
    assert app.send_event(thread_started(channel, root, viewing="C0LOUNGE")).status == 200
    [prompts] = slack_api.wait_for("assistant.threads.setSuggestedPrompts")
    [greeting] = slack_api.calls_to("chat.postMessage")
    assert greeting.args["channel"] == channel and greeting.args["thread_ts"] == root
    assert "accredited CME" in greeting.args["text"]
    # The greeting holds the thread's context (Bolt's thread context store), so every replica can read it.
    assert greeting.args["metadata"]["event_type"] == "assistant_thread_context"
    assert greeting.args["metadata"]["event_payload"]["channel_id"] == "C0LOUNGE"
    assert prompts.args["channel_id"] == channel and prompts.args["thread_ts"] == root
    assert prompt_titles(prompts) == DEFAULT_TITLES
    assert prompts.args["title"]


@pytest.mark.parametrize(
    ("name", "first"),
    [
        ("grand-rounds", "Does our grand rounds count as an RSS?"),
        ("cardiology-rss", "Does our grand rounds count as an RSS?"),
        ("coi-disclosures", "Who must disclose, and how far back?"),
        ("general", "Is this webinar accredited?"),
    ],
)
def test_suggested_prompts_follow_the_channel_the_member_is_viewing(
    app: SlackAppHarness, slack_api: SlackApiStandIn, name: str, first: str
) -> None:
    viewing = f"C0{name.upper().replace('-', '')[:8]}"
    slack_api.set_channel(viewing, name=name)
    app.send_event(thread_started(dm_channel(), next_ts(), viewing=viewing))
    [prompts] = slack_api.wait_for("assistant.threads.setSuggestedPrompts")
    titles = prompt_titles(prompts)
    assert titles[0] == first and len(titles) == 4
    assert len(set(titles)) == 4  # a channel prompt is never repeated among the defaults


def test_context_changes_are_stored_on_the_greeting_and_move_the_prompts(
    app: SlackAppHarness, slack_api: SlackApiStandIn
) -> None:
    channel, root = dm_channel(), next_ts()
    slack_api.set_channel("C0GR", name="grand-rounds")
    slack_api.set_channel("C0GEN", name="general")
    app.send_event(thread_started(channel, root, viewing="C0GEN"))
    slack_api.wait_for("assistant.threads.setSuggestedPrompts")
    [greeting] = slack_api.posted(channel)

    app.send_event(thread_context_changed(channel, root, viewing="C0GR"))
    prompts = slack_api.wait_for("assistant.threads.setSuggestedPrompts", count=2)
    assert prompt_titles(prompts[1])[0] == "Does our grand rounds count as an RSS?"
    [update] = slack_api.calls_to("chat.update")
    assert update.args["ts"] == greeting["ts"]
    assert update.args["metadata"] == {
        "event_type": "assistant_thread_context",
        "event_payload": update.args["metadata"]["event_payload"],
    }
    assert update.args["metadata"]["event_payload"]["channel_id"] == "C0GR"
    [stored] = slack_api.posted(channel)
    assert stored["metadata"]["event_payload"]["channel_id"] == "C0GR"


def test_a_context_change_never_rewrites_an_answers_metadata(app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    # No greeting in the thread (it failed), only an answer: the context has nowhere safe to go, so it is not saved
    # on the answer (whose metadata is what makes re-posting exactly-once).
    channel, root = dm_channel(), next_ts()
    slack_api.fail_next("chat.postMessage", error="internal_error")
    app.send_event(thread_started(channel, root))
    slack_api.wait_for("assistant.threads.setSuggestedPrompts")
    app.send_event(message_event(QUESTION, channel=channel, user="U1", thread_ts=root))
    app.wait_for_jobs()
    [answer] = answers_in(slack_api, channel)
    app.send_event(thread_context_changed(channel, root, viewing="C0OTHER"))
    slack_api.wait_for("assistant.threads.setSuggestedPrompts", count=2)
    assert not slack_api.calls_to("chat.update")
    assert answers_in(slack_api, channel)[0]["metadata"] == answer["metadata"]


def test_a_question_in_an_assistant_thread_is_answered_once_with_the_status_set_and_cleared(
    app: SlackAppHarness, slack_api: SlackApiStandIn
) -> None:
    channel, root = dm_channel(), next_ts()
    app.send_event(thread_started(channel, root, viewing="C0GEN"))
    slack_api.wait_for("assistant.threads.setSuggestedPrompts")
    question = message_event(QUESTION, channel=channel, user="U1", thread_ts=root)
    assert app.send_event(question, event_id="EvAGENTQ").status == 200
    assert app.send_event(question, event_id="EvAGENTQ", retry_num=1).status == 200  # Slack's redelivery
    app.wait_for_jobs()
    app.send_event(question, event_id="EvAGENTQ", retry_num=2)
    app.stop()

    [answer] = answers_in(slack_api, channel)
    assert answer["thread_ts"] == root and "24" in answer["text"]
    assert len(slack_api.posted(channel)) == 2  # the greeting and the one answer
    statuses = slack_api.calls_to("assistant.threads.setStatus")
    assert [s.args["status"] for s in statuses] == ["Searching the Standards...", ""]
    assert all(s.args["channel_id"] == channel and s.args["thread_ts"] == root for s in statuses)
    assert statuses[0].args["loading_messages"]
    methods = slack_api.methods()
    status_set, status_cleared = (i for i, m in enumerate(methods) if m == "assistant.threads.setStatus")
    answered = max(i for i, m in enumerate(methods) if m == "chat.postMessage")
    assert status_set < answered < status_cleared
    assert not slack_api.calls_to("reactions.add")  # the status line, not the hourglass

    # Slack's own thumbs, valid Block Kit by slack_sdk's models; no Helpful / Not helpful buttons.
    [native] = [b for b in answer["blocks"] if b["type"] == "context_actions"]
    parsed = Block.parse(native)
    assert isinstance(parsed, ContextActionsBlock) and isinstance(parsed.elements[0], FeedbackButtonsElement)
    parsed.validate_json()
    assert parsed.elements[0].action_id == FEEDBACK_NATIVE
    assert FEEDBACK_HELPFUL not in str(answer["blocks"])
    assert app.runtime.questions.counts().questions == 1


def test_agent_view_dm_opens_a_thread_per_question(app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    # The agent experience: no assistant_thread_started; app_context_changed tells which channel is viewed, and
    # each top-level message to the bot is answered in its own thread.
    channel = dm_channel()
    slack_api.set_channel("C0GR2", name="grand-rounds")
    app.send_event(app_context_changed(channel, "C0GR2"))
    [prompts] = slack_api.wait_for("assistant.threads.setSuggestedPrompts")
    assert prompts.args["channel_id"] == channel and "thread_ts" not in prompts.args  # agent apps name no thread
    assert prompt_titles(prompts)[0] == "Does our grand rounds count as an RSS?"

    question = message_event(QUESTION, channel=channel, user="U2")
    app.send_event(question)
    app.wait_for_jobs()
    [answer] = answers_in(slack_api, channel)
    assert answer["thread_ts"] == question["ts"]
    # The status is cleared just after the job is recorded as posted: wait for that call, then check them all.
    slack_api.wait_for("assistant.threads.setStatus", count=2)
    statuses = slack_api.calls_to("assistant.threads.setStatus")
    assert [(s.args["thread_ts"], s.args["status"]) for s in statuses] == [
        (question["ts"], "Searching the Standards..."),
        (question["ts"], ""),
    ]

    # Opening the Messages tab suggests prompts for what the member was last seen viewing; the Home tab is as before.
    app.send_event(messages_tab_opened(channel, user="U1"))
    prompts_again = slack_api.wait_for("assistant.threads.setSuggestedPrompts", count=2)
    assert prompt_titles(prompts_again[1])[0] == "Does our grand rounds count as an RSS?"
    app.send_event({**messages_tab_opened(channel, user="U1"), "tab": "home"})
    [home] = slack_api.wait_for("views.publish")
    assert home.args["user_id"] == "U1"
    app.stop()
    assert len(slack_api.calls_to("assistant.threads.setSuggestedPrompts")) == 2


def test_without_the_agent_surface_dms_work_as_before(app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    # No agent event ever came from this workspace: a DM is answered at the top level with the hourglass, and the
    # Messages tab gets no suggestions (Slack would refuse them).
    app.send_event(messages_tab_opened("D0CLASSIC"))
    event = message_event(QUESTION, channel="D0CLASSIC", user="U3")
    app.send_event(event)
    app.wait_for_jobs()
    [answer] = answers_in(slack_api, "D0CLASSIC")
    assert "thread_ts" not in answer
    assert [b["type"] for b in answer["blocks"]][-1] == "actions"
    assert slack_api.calls_to("reactions.add")[0].args["name"] == PROGRESS_REACTION
    app.stop()
    assert not [m for m in slack_api.methods() if m.startswith("assistant.")]


def test_a_refused_status_falls_back_to_the_hourglass(runtime: Runtime, slack_api: SlackApiStandIn) -> None:
    harness = SlackAppHarness(runtime, slack_api, agent_view="on")
    slack_api.refuse("assistant.threads.setStatus", error="not_allowed")
    try:
        event = message_event(QUESTION, channel="D0NOSTATUS", user="U4")
        harness.send_event(event)
        harness.wait_for_jobs()
        [answer] = answers_in(slack_api, "D0NOSTATUS")
        assert answer["thread_ts"] == event["ts"]
        slack_api.wait_for("reactions.remove")
        [added] = slack_api.calls_to("reactions.add")
        assert added.args["timestamp"] == event["ts"]
    finally:
        harness.stop()


def test_agent_view_off_keeps_classic_dms_even_after_agent_events(runtime: Runtime, slack_api: SlackApiStandIn) -> None:
    harness = SlackAppHarness(runtime, slack_api, agent_view="off")
    try:
        harness.send_event(app_context_changed("D0OFF", None))
        slack_api.wait_for("assistant.threads.setSuggestedPrompts")
        harness.send_event(message_event(QUESTION, channel="D0OFF", user="U5"))
        harness.wait_for_jobs()
        [answer] = answers_in(slack_api, "D0OFF")
        assert "thread_ts" not in answer
    finally:
        harness.stop()
    assert not slack_api.calls_to("assistant.threads.setStatus")


def test_the_bot_user_is_the_greeter(app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    channel = dm_channel()
    app.send_event(thread_started(channel, next_ts()))
    slack_api.wait_for("assistant.threads.setSuggestedPrompts")
    [greeting] = slack_api.posted(channel)
    assert greeting["user"] == BOT_USER_ID
