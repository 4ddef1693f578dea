"""Cited answers over real HTTP: a signed request in, Web API calls out to the stand-in."""

from __future__ import annotations

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
