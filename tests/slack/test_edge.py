"""The HTTP edge: oversized, unsigned, malformed and replayed requests, and what members may do with buttons."""

from __future__ import annotations

import json
import logging
import socket
from urllib.parse import urlencode

import pytest
from sqlalchemy import func, select

from bot.storage.models import Feedback
from tests.support.slack_api import SlackApiStandIn
from tests.support.slack_app import SlackAppHarness, mention_event
from tests.support.slack_signing import signed_headers

QUESTION = "How far back do we collect financial relationships for faculty?"


def test_a_huge_unsigned_body_is_refused_and_not_logged(
    slack_app: SlackAppHarness, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    # A 50 MB POST: the server answers 413 on the headers alone and closes, without reading the body.
    with socket.create_connection(("127.0.0.1", slack_app.port), timeout=10) as raw:
        raw.sendall(
            b"POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            b"Content-Length: 52428800\r\n\r\n" + b"A" * 65536
        )
        status_line = raw.recv(4096).split(b"\r\n", 1)[0]
    assert b" 413 " in status_line
    # Just over the cap, sent whole: refused too, and nothing of it logged.
    body = b'{"type": "event_callback", "junk": "' + b"A" * (1024 * 1024) + b'"}'
    try:
        status = slack_app.request("POST", "/slack/events", body, {"Content-Type": "application/json"}).status
    except (ConnectionResetError, BrokenPipeError):
        status = 413  # refused before the client finished sending
    assert status == 413
    assert "AAAAAAAAAA" not in caplog.text
    assert slack_app.request("GET", "/healthz").status == 200


def test_a_rejected_body_never_reaches_the_log(slack_app: SlackAppHarness, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    # A raw newline in the body would forge a log line if the body were logged.
    forged = b'{"text": "x\n2026-11-30 INFO bot: admin granted to U666"}'
    for headers in (
        {"Content-Type": "application/json"},
        signed_headers("wrong-secret", forged),
    ):
        assert slack_app.request("POST", "/slack/events", forged, headers).status == 401
    assert "admin granted" not in caplog.text


@pytest.mark.parametrize(
    "body",
    [
        '{"type": "event_callback", "event": ',
        "not json at all {",
        "[" * 5000 + "]" * 5000,
        '{"a":' * 3000 + "1" + "}" * 3000,
    ],
    ids=["truncated", "invalid", "deep-array", "deep-object"],
)
def test_malformed_signed_bodies_get_400_not_500(slack_app: SlackAppHarness, body: str) -> None:
    reply = slack_app.post_signed(body)
    assert reply.status == 400
    assert "Traceback" not in reply.body


def test_a_malformed_interaction_payload_gets_400(slack_app: SlackAppHarness) -> None:
    body = urlencode({"payload": '{"type": "block_actions", '})
    assert slack_app.post_signed(body, content_type="application/x-www-form-urlencoded").status == 400


def test_a_non_numeric_timestamp_header_gets_400(slack_app: SlackAppHarness) -> None:
    body = slack_app.event_body(mention_event(f"<@U0BOT> {QUESTION}"))
    headers = signed_headers(slack_app.signing_secret, body)
    headers["X-Slack-Request-Timestamp"] = "yesterday"
    assert slack_app.request("POST", "/slack/events", body.encode(), headers).status == 400


def test_a_replayed_slash_command_is_answered_once(slack_app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    form = urlencode(
        {
            "team_id": "T0TEST",
            "channel_id": "C1",
            "user_id": "U1",
            "command": "/cme",
            "text": QUESTION,
            "api_app_id": "A0TEST",
            "response_url": slack_api.response_url("replayed"),
            "trigger_id": "trigger-replayed",
        }
    )
    headers = signed_headers(slack_app.signing_secret, form, content_type="application/x-www-form-urlencoded")
    for _ in range(3):  # the same signed request, sent three times within the five-minute window
        assert slack_app.request("POST", "/slack/events", form.encode(), headers).status == 200
    slack_app.wait_for_jobs()
    answers = [c for c in slack_api.calls_to("response_url") if c.args["_hook"] == "replayed"]
    assert len(answers) == 1
    assert slack_app.runtime.questions.counts().questions == 1


def _vote_count(app: SlackAppHarness) -> int:
    with app.runtime.db.session() as session:
        return int(session.scalar(select(func.count(Feedback.id))) or 0)


def test_one_vote_per_member_per_answer_and_it_can_change(
    slack_app: SlackAppHarness, slack_api: SlackApiStandIn
) -> None:
    slack_app.send_event(mention_event(f"<@U0BOT> {QUESTION}", channel="C1"))
    slack_app.wait_for_jobs()
    question_id = slack_app.runtime.questions.recent_for_user("U1")[0].id
    for _ in range(5):
        slack_app.block_action("answer_feedback_helpful", str(question_id), user_id="U2")
    slack_app.block_action("answer_feedback_not_helpful", str(question_id), user_id="U2")
    slack_app.block_action("answer_feedback_helpful", str(question_id), user_id="U3")
    slack_api.wait_for("response_url", count=7)
    assert _vote_count(slack_app) == 2
    counts = slack_app.runtime.questions.counts()
    assert (counts.helpful, counts.not_helpful) == (1, 1)


def test_only_the_asker_can_share_a_private_answer(slack_app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    slack_app.send_command("/cme", QUESTION, user_id="U1", channel_id="C1")
    slack_app.wait_for_jobs()
    question_id = slack_app.runtime.questions.recent_for_user("U1")[0].id
    slack_api.reset()
    # Another member sends a Share click carrying U1's question id (a tampered or forwarded value).
    slack_app.block_action("answer_share", str(question_id), user_id="U2", channel_id="C9")
    [refusal] = slack_api.wait_for("response_url")
    assert "Only the member who asked" in refusal.args["text"]
    assert not slack_api.calls_to("chat.postMessage")
    slack_app.block_action("answer_share", str(question_id), user_id="U1", channel_id="C1")
    [shared] = slack_api.wait_for("chat.postMessage")
    assert shared.args["channel"] == "C1"


def test_a_replayed_interaction_is_processed_once(slack_app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    slack_app.send_event(mention_event(f"<@U0BOT> {QUESTION}", channel="C1"))
    slack_app.wait_for_jobs()
    question_id = slack_app.runtime.questions.recent_for_user("U1")[0].id
    payload = {
        "type": "block_actions",
        "user": {"id": "U4"},
        "team": {"id": "T0TEST"},
        "api_app_id": "A0TEST",
        "channel": {"id": "C1"},
        "container": {"type": "message", "channel_id": "C1"},
        "trigger_id": "trigger-vote",
        "response_url": slack_api.response_url("vote"),
        "actions": [
            {"type": "button", "action_id": "answer_feedback_helpful", "block_id": "b", "value": str(question_id)}
        ],
    }
    body = urlencode({"payload": json.dumps(payload)})
    headers = signed_headers(slack_app.signing_secret, body, content_type="application/x-www-form-urlencoded")
    for _ in range(3):
        assert slack_app.request("POST", "/slack/events", body.encode(), headers).status == 200
    slack_api.wait_for("response_url")
    slack_app.stop()
    assert len([c for c in slack_api.calls_to("response_url") if c.args["_hook"] == "vote"]) == 1
