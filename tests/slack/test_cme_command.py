"""/cme: a private answer with a Share button; feedback buttons store ratings and thank the clicker."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.slack.blocks.answer import FEEDBACK_HELPFUL, FEEDBACK_NOT_HELPFUL, SHARE
from bot.storage.models import Feedback
from tests.support.slack_api import SlackApiStandIn
from tests.support.slack_app import SlackAppHarness, mention_event

QUESTION = "How far back do we collect financial relationships for faculty?"


def _button_values(blocks: list[dict]) -> dict[str, str]:
    return {e["action_id"]: e["value"] for b in blocks if b["type"] == "actions" for e in b["elements"]}


def test_cme_without_text_explains_itself(slack_app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    reply = slack_app.send_command("/cme", "  ")
    assert reply.status == 200
    body = reply.json()
    assert body["response_type"] == "ephemeral"
    assert "/cme your question" in body["text"] and "/needs-assessment" in body["text"]
    assert slack_app.runtime.questions.counts().questions == 0


def test_cme_answers_privately_then_shares_in_channel(slack_app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    reply = slack_app.send_command("/cme", QUESTION, user_id="U2", channel_id="C7")
    assert reply.status == 200
    assert reply.json()["text"].startswith("Looking that up")  # progress, straight in the ack

    [private] = slack_api.wait_for("response_url")
    assert private.args["response_type"] == "ephemeral"
    assert "24" in private.args["blocks"][0]["text"]["text"]
    buttons = _button_values(private.args["blocks"])
    assert set(buttons) == {FEEDBACK_HELPFUL, FEEDBACK_NOT_HELPFUL, SHARE}
    assert not slack_api.calls_to("chat.postMessage")  # nothing public yet

    slack_app.block_action(SHARE, buttons[SHARE], user_id="U2", channel_id="C7")
    [public] = slack_api.wait_for("chat.postMessage")
    assert public.args["channel"] == "C7"
    blocks = public.args["blocks"]
    assert blocks[0]["text"]["text"].startswith("<@U2> asked:")
    assert "24" in blocks[1]["text"]["text"]
    assert any(b["type"] == "section" and b["text"]["text"].startswith("*1. <") for b in blocks)  # linked source
    assert SHARE not in _button_values(blocks)  # already public: only the feedback buttons remain
    # The private copy is removed once the answer is in the channel.
    delete = slack_api.wait_for("response_url", count=2)[1]
    assert delete.args.get("delete_original") is True


def test_share_in_a_channel_without_the_bot_explains_how_to_invite_it(
    slack_app: SlackAppHarness, slack_api: SlackApiStandIn
) -> None:
    slack_app.send_command("/cme", QUESTION, channel_id="C8")
    [private] = slack_api.wait_for("response_url")
    slack_api.fail_next("chat.postMessage", error="not_in_channel")
    slack_app.block_action(SHARE, _button_values(private.args["blocks"])[SHARE], channel_id="C8")
    notice = slack_api.wait_for("response_url", count=2)[1]
    assert "/invite" in notice.args["text"]
    assert notice.args["response_type"] == "ephemeral"


def test_feedback_click_is_stored_and_acknowledged(slack_app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    slack_app.send_event(mention_event(f"<@U0BOT> {QUESTION}", channel="C1"))
    [post] = slack_api.wait_for("chat.postMessage")
    question_id = _button_values(post.args["blocks"])[FEEDBACK_NOT_HELPFUL]

    reply = slack_app.block_action(FEEDBACK_NOT_HELPFUL, question_id, user_id="U6", channel_id="C1", message_ts="9.9")
    assert reply.status == 200
    [thanks] = slack_api.wait_for("response_url")
    assert thanks.args["response_type"] == "ephemeral" and thanks.args["replace_original"] is False
    assert thanks.args["text"].startswith("Thanks for telling me")

    with slack_app.runtime.db.session() as session:
        [row] = session.scalars(select(Feedback)).all()
    assert (row.user_id, row.rating, row.question_log_id) == ("U6", "not_helpful", int(question_id))
    assert row.question == QUESTION and "24" in row.answer and row.sources
    assert slack_app.runtime.questions.counts().not_helpful == 1


def test_cme_failure_gives_a_private_apology(
    slack_app: SlackAppHarness, slack_api: SlackApiStandIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_ask(*args: object, **kwargs: object) -> None:
        raise RuntimeError("index unavailable")

    monkeypatch.setattr(slack_app.runtime, "ask", broken_ask)
    assert slack_app.send_command("/cme", QUESTION).status == 200
    [apology] = slack_api.wait_for("response_url")
    assert apology.args["response_type"] == "ephemeral"
    assert apology.args["text"].startswith("Sorry, something went wrong")
    assert "index unavailable" not in str(apology.args)  # details go to the log, not to the member
