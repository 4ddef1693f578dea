"""Cited answers over real HTTP: a signed request in, Web API calls out to the stand-in."""

from __future__ import annotations

import logging

import pytest

from bot.slack.answering import PROGRESS_REACTION
from bot.slack.blocks.answer import FEEDBACK_HELPFUL, FEEDBACK_NOT_HELPFUL
from tests.support.slack_api import SlackApiStandIn
from tests.support.slack_app import SlackAppHarness, mention_event, message_event

QUESTION = "How far back do we collect financial relationships for faculty?"


def _texts(blocks: list[dict]) -> str:
    parts = []
    for block in blocks:
        if block.get("text"):
            parts.append(block["text"]["text"])
        for element in block.get("elements", []):
            if isinstance(element.get("text"), str):
                parts.append(element["text"])
    return "\n".join(parts)


def test_mention_gets_threaded_answer_with_sources(slack_app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    event = mention_event(f"<@U0BOT> {QUESTION}", channel="C1")
    reply = slack_app.send_event(event)
    assert reply.status == 200

    [post] = slack_api.wait_for("chat.postMessage")
    assert post.args["channel"] == "C1"
    assert post.args["thread_ts"] == event["ts"]
    text = _texts(post.args["blocks"])
    assert "24" in text
    assert "*Sources*" in text and "*1. " in text
    assert "Extractive answer" in text
    [actions] = [b for b in post.args["blocks"] if b["type"] == "actions"]
    ids = [e["action_id"] for e in actions["elements"]]
    assert ids == [FEEDBACK_HELPFUL, FEEDBACK_NOT_HELPFUL]
    question_id = int(actions["elements"][0]["value"])
    logged = slack_app.runtime.questions.get(question_id)
    assert logged is not None and logged.surface == "slack_mention" and logged.channel_id == "C1"

    # Progress: the hourglass goes on the member's message and comes off once the answer is posted.
    slack_api.wait_for("reactions.remove")
    [added] = slack_api.calls_to("reactions.add")
    assert added.args.items() >= {"channel": "C1", "timestamp": event["ts"], "name": PROGRESS_REACTION}.items()
    methods = slack_api.methods()
    assert methods.index("reactions.add") < methods.index("chat.postMessage") < methods.index("reactions.remove")
    assert post.token == slack_app.bot_token


def test_dm_is_answered_in_the_dm(slack_app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    event = message_event(QUESTION, channel="D1", user="U7")
    assert slack_app.send_event(event).status == 200
    [post] = slack_api.wait_for("chat.postMessage")
    assert post.args["channel"] == "D1"
    assert "thread_ts" not in post.args  # a DM is a conversation of its own: answer at the top level
    assert "24" in _texts(post.args["blocks"])
    logged = slack_app.runtime.questions.recent_for_user("U7")
    assert [row.surface for row in logged] == ["slack_dm"]


def test_thread_follow_up_uses_the_earlier_turn(slack_app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    # "How far back?" means nothing alone (the engine declines it); in the thread it follows the lookback question.
    alone, _ = slack_app.runtime.ask("How far back?")
    assert alone.abstained

    parent = mention_event(f"<@U0BOT> {QUESTION}", channel="C2")
    slack_app.send_event(parent)
    [first] = slack_api.wait_for("chat.postMessage")
    follow_up = mention_event("<@U0BOT> How far back?", channel="C2", thread_ts=parent["ts"])
    slack_api.set_thread(
        "C2",
        parent["ts"],
        [
            {"type": "message", "user": "U1", "text": parent["text"], "ts": parent["ts"]},
            {"type": "message", "user": "U0BOT", "bot_id": "B0BOT", "text": first.args["text"], "ts": "1.5"},
            {"type": "message", "user": "U1", "text": follow_up["text"], "ts": follow_up["ts"]},
        ],
    )
    slack_app.send_event(follow_up)
    posts = slack_api.wait_for("chat.postMessage", count=2)
    [replies] = slack_api.calls_to("conversations.replies")
    assert replies.args["ts"] == parent["ts"]
    assert posts[1].args["thread_ts"] == parent["ts"]
    assert "24" in _texts(posts[1].args["blocks"])
    assert "Declined" not in _texts(posts[1].args["blocks"])


def test_bot_own_edited_and_deleted_messages_are_ignored(
    slack_app: SlackAppHarness, slack_api: SlackApiStandIn
) -> None:
    ignored = [
        message_event(QUESTION, user="U0BOT", bot_id="B0BOT"),  # our own answer echoed back
        message_event(QUESTION, user="U9", bot_id="B9OTHER"),  # another bot
        message_event(QUESTION, subtype="bot_message", bot_id="B9OTHER"),
        message_event(
            "", subtype="message_changed", message={"type": "message", "user": "U1", "text": QUESTION, "ts": "1.1"}
        ),
        message_event("", subtype="message_deleted", deleted_ts="1.1"),
        {**mention_event(f"<@U0BOT> {QUESTION}"), "bot_id": "B9OTHER"},
    ]
    for event in ignored:
        assert slack_app.send_event(event).status == 200
    # Ignoring is decided before the ack, so once a later question is answered nothing else can follow.
    marker = message_event(QUESTION, channel="D5", user="U5")
    slack_app.send_event(marker)
    slack_api.wait_for("chat.postMessage")
    assert [c.args["channel"] for c in slack_api.calls_to("chat.postMessage")] == ["D5"]
    assert slack_app.runtime.questions.counts().questions == 1


def test_empty_mention_gets_a_kind_hello(slack_app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    event = mention_event("<@U0BOT>", user="U3")
    slack_app.send_event(event)
    [post] = slack_api.wait_for("chat.postMessage")
    assert post.args["thread_ts"] == event["ts"]
    assert post.args["text"].startswith("Hi <@U3>!")
    assert "/cme" in post.args["text"]
    assert slack_app.runtime.questions.counts().questions == 0  # nothing was asked, nothing logged


def test_a_40000_character_message_is_answered_within_slack_limits(
    slack_app: SlackAppHarness, slack_api: SlackApiStandIn
) -> None:
    filler = " Some context about our regional grand rounds series and its planning committee." * 600
    text = (f"<@U0BOT> {QUESTION}" + filler)[:40_000]
    assert len(text) == 40_000
    slack_app.send_event(mention_event(text))
    posts = slack_api.wait_for("chat.postMessage")
    for post in posts:
        assert len(post.args["text"]) <= 40_000
        assert len(post.args["blocks"]) <= 50
        for block in post.args["blocks"]:
            if block["type"] == "section":
                assert len(block["text"]["text"]) <= 3000
    # The engine reads the first 2,000 characters and says so in the answer's footer.
    assert "That message is very long" in _texts(posts[-1].args["blocks"])
    assert "I read the first 2,000 characters" in _texts(posts[-1].args["blocks"])


def test_rate_limited_post_is_retried_after_retry_after(slack_app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    slack_api.fail_next("chat.postMessage", status=429, retry_after=0)
    slack_app.send_event(mention_event(f"<@U0BOT> {QUESTION}"))
    posts = slack_api.wait_for("chat.postMessage", count=2)
    assert [p.status for p in posts] == [429, 200]
    assert posts[0].args["blocks"] == posts[1].args["blocks"]  # the same answer, delivered once
    assert len(slack_api.calls_to("chat.postMessage", ok=True)) == 1


def test_failure_gives_an_apology_and_logs_no_secrets(
    slack_app: SlackAppHarness, slack_api: SlackApiStandIn, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    slack_app.restart()  # start-up (token verification with auth.test) is logged at DEBUG too
    slack_api.fail_next("chat.postMessage", error="invalid_auth")
    event = mention_event(f"<@U0BOT> {QUESTION}", channel="C4")
    slack_app.send_event(event)
    posts = slack_api.wait_for("chat.postMessage", count=2)
    assert posts[1].args["thread_ts"] == event["ts"]
    assert posts[1].args["text"].startswith("Sorry, something went wrong")
    assert "Traceback" not in posts[1].args["text"]
    slack_api.wait_for("reactions.remove")  # progress is cleared even when answering failed
    assert "Could not answer a slack_mention question in C4" in caplog.text  # one line, with the reason
    assert "auth.test" in caplog.text and "chat.postMessage" in caplog.text  # the SDK's request logs were captured
    for secret in (slack_app.bot_token, slack_app.signing_secret, "xapp-1-A0TEST"):
        assert secret not in caplog.text
