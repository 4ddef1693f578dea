"""Slack's native feedback buttons (a feedback_buttons element in a context_actions block) on answers in agent
conversations: valid Block Kit, and every click goes to the same store as the classic buttons, one vote per member
per answer (changeable), whichever buttons the member used."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from slack_sdk.models.blocks import ActionsBlock, Block, ContextActionsBlock
from sqlalchemy import func, select

from bot.answering.models import Answer
from bot.runtime import Runtime
from bot.slack.blocks.answer import ASK_EXPERTS, FEEDBACK_HELPFUL, FEEDBACK_NATIVE, SHARE, answer_messages
from bot.storage.models import Feedback
from tests.support.slack_api import SlackApiStandIn
from tests.support.slack_app import SlackAppHarness, message_event

QUESTION = "How far back do we collect financial relationships for faculty?"


def test_native_feedback_blocks_are_valid_block_kit_and_keep_the_other_buttons() -> None:
    answer = Answer(question="q", answer="I don't know.", abstained=True, mode="abstained", reason="not in my sources")
    [message] = answer_messages(answer, 42, share=True, escalate=True, native_feedback=True)
    footer = [Block.parse(b) for b in message.blocks if b["type"] in ("context_actions", "actions")]
    native, classic = footer
    assert isinstance(native, ContextActionsBlock) and isinstance(classic, ActionsBlock)
    for block in footer:
        block.validate_json()
    thumbs = native.elements[0]
    assert thumbs.action_id == FEEDBACK_NATIVE
    assert (thumbs.positive_button.to_dict()["value"], thumbs.negative_button.to_dict()["value"]) == (
        "helpful:42",
        "not_helpful:42",
    )
    # Share and Ask the experts have no native form: they stay buttons; Helpful / Not helpful are gone.
    assert [e.action_id for e in classic.elements] == [SHARE, ASK_EXPERTS]
    assert FEEDBACK_HELPFUL not in str(message.blocks)

    [plain] = answer_messages(Answer(question="q", answer="24 months.", abstained=False), 7, native_feedback=True)
    assert [b["type"] for b in plain.blocks][-3:] == ["divider", "context", "context_actions"]


@pytest.fixture
def app(runtime: Runtime, slack_api: SlackApiStandIn) -> Iterator[SlackAppHarness]:
    harness = SlackAppHarness(runtime, slack_api, agent_view="on")
    try:
        yield harness
    finally:
        harness.stop()


def _thumb(app: SlackAppHarness, value: str, user: str, channel: str, message_ts: str) -> None:
    """A click on one of the native thumbs, as Slack sends it (block_actions with a feedback_buttons action)."""
    app.send_interaction(
        {
            "type": "block_actions",
            "user": {"id": user, "username": user.lower()},
            "channel": {"id": channel, "name": "directmessage"},
            "container": {"type": "message", "channel_id": channel, "message_ts": message_ts, "is_ephemeral": False},
            "message": {"type": "message", "ts": message_ts, "user": "U0BOT", "text": ""},
            "trigger_id": f"trigger-{uuid.uuid4().hex[:8]}",
            "actions": [
                {
                    "type": "feedback_buttons",
                    "action_id": FEEDBACK_NATIVE,
                    "block_id": "fb",
                    "value": value,
                    "text": {"type": "plain_text", "text": "Helpful" if value.startswith("helpful") else "Not helpful"},
                    "action_ts": str(time.time()),
                }
            ],
        }
    )


def _votes(app: SlackAppHarness) -> list[tuple[str, str]]:
    with app.runtime.db.session() as session:
        return sorted((row.user_id, row.rating) for row in session.scalars(select(Feedback)))


def _count(app: SlackAppHarness) -> int:
    with app.runtime.db.session() as session:
        return int(session.scalar(select(func.count(Feedback.id))) or 0)


def test_native_feedback_votes_once_per_member(app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    event = message_event(QUESTION, channel="D0THUMBS", user="U1")
    app.send_event(event)
    app.wait_for_jobs()
    [answer] = slack_api.posted("D0THUMBS")
    [native] = [b for b in answer["blocks"] if b["type"] == "context_actions"]
    positive: dict[str, Any] = native["elements"][0]["positive_button"]
    negative: dict[str, Any] = native["elements"][0]["negative_button"]
    question_id = positive["value"].split(":")[1]
    assert int(question_id) == app.runtime.questions.recent_for_user("U1")[0].id

    for _ in range(3):
        _thumb(app, positive["value"], "U1", "D0THUMBS", answer["ts"])
    _thumb(app, negative["value"], "U1", "D0THUMBS", answer["ts"])  # a change of mind, not a second vote
    _thumb(app, negative["value"], "U2", "D0THUMBS", answer["ts"])
    # The same member on a classic button for the same answer: still their one vote.
    app.block_action(FEEDBACK_HELPFUL, question_id, user_id="U2", channel_id="D0THUMBS", message_ts=answer["ts"])
    thanks = slack_api.wait_for("response_url", count=6)
    assert all(t.args["response_type"] == "ephemeral" for t in thanks)
    assert _votes(app) == [("U1", "not_helpful"), ("U2", "helpful")]
    counts = app.runtime.questions.counts()
    assert (counts.helpful, counts.not_helpful) == (1, 1)

    # A value the bot never rendered is ignored, not stored.
    _thumb(app, "maybe:" + question_id, "U3", "D0THUMBS", answer["ts"])
    app.stop()
    assert _count(app) == 2
