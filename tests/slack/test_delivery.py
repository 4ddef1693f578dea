"""Delivery: signatures checked as Slack signs, retries answered once (also across a restart), health."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest

from tests.support.slack_api import SlackApiStandIn
from tests.support.slack_app import SlackAppHarness, mention_event, message_event
from tests.support.slack_signing import signed_headers

QUESTION = "How far back do we collect financial relationships for faculty?"


def test_retried_event_is_answered_once_also_after_restart(
    slack_app: SlackAppHarness, slack_api: SlackApiStandIn
) -> None:
    event = mention_event(f"<@U0BOT> {QUESTION}", channel="C1")
    assert slack_app.send_event(event, event_id="EvRETRY1").status == 200
    slack_api.wait_for("chat.postMessage")

    assert slack_app.send_event(event, event_id="EvRETRY1", retry_num=1).status == 200
    slack_app.restart()
    assert slack_app.send_event(event, event_id="EvRETRY1", retry_num=2).status == 200

    # Retries are dropped before the ack; once a later event is answered, a duplicate could no longer appear.
    marker = message_event(QUESTION, channel="D9", user="U9")
    slack_app.send_event(marker, event_id="EvMARKER")
    posts = slack_api.wait_for("chat.postMessage", count=2)
    assert [p.args["channel"] for p in posts] == ["C1", "D9"]
    assert slack_app.runtime.questions.counts().questions == 2


def test_forged_signature_and_stale_timestamp_get_401(slack_app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    body = slack_app.event_body(mention_event(f"<@U0BOT> {QUESTION}"))
    forged = signed_headers("not-the-signing-secret", body)
    assert slack_app.request("POST", "/slack/events", body.encode(), forged).status == 401

    stale = signed_headers(slack_app.signing_secret, body, timestamp=int(time.time()) - 6 * 60)
    assert slack_app.request("POST", "/slack/events", body.encode(), stale).status == 401

    unsigned = {"Content-Type": "application/json"}
    assert slack_app.request("POST", "/slack/events", body.encode(), unsigned).status == 401

    tampered = signed_headers(slack_app.signing_secret, body)
    assert slack_app.request("POST", "/slack/events", body.replace("faculty", "staff").encode(), tampered).status == 401

    # Correctly signed, the same body is accepted; the rejected ones never reached a listener.
    assert slack_app.post_signed(body).status == 200
    slack_api.wait_for("chat.postMessage")
    assert len(slack_api.calls_to("chat.postMessage")) == 1


def test_url_verification_and_health_check(slack_app: SlackAppHarness) -> None:
    challenge = slack_app.post_signed('{"type": "url_verification", "challenge": "abc123", "token": "t"}')
    assert challenge.status == 200 and challenge.json()["challenge"] == "abc123"
    health = slack_app.request("GET", "/healthz")
    assert health.status == 200 and health.json() == {"ok": True}
    assert slack_app.request("GET", "/nowhere").status == 404


def test_ack_comes_before_the_answer(
    slack_app: SlackAppHarness, slack_api: SlackApiStandIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Hold the engine until the ack is back: if answering ran before the ack, this request would hang.
    release = threading.Event()
    ask = slack_app.runtime.ask

    def held_ask(*args: Any, **kwargs: Any) -> Any:
        assert release.wait(10)
        return ask(*args, **kwargs)

    monkeypatch.setattr(slack_app.runtime, "ask", held_ask)
    reply = slack_app.send_event(mention_event(f"<@U0BOT> {QUESTION}"))
    assert reply.status == 200
    assert not slack_api.calls_to("chat.postMessage")
    release.set()
    slack_api.wait_for("chat.postMessage")


def test_a_redelivery_that_overtakes_the_first_delivery_is_still_answered_once(
    slack_app: SlackAppHarness, slack_api: SlackApiStandIn
) -> None:
    # Slack can redeliver before the first delivery's answer job has claimed the event: whichever claims
    # first answers, the other is skipped.
    event = mention_event(f"<@U0BOT> {QUESTION}", channel="C5")
    assert slack_app.send_event(event, event_id="EvRACE", retry_num=1).status == 200
    assert slack_app.send_event(event, event_id="EvRACE").status == 200
    slack_app.stop()  # waits for every answer job already accepted
    assert [p.args["channel"] for p in slack_api.calls_to("chat.postMessage")] == ["C5"]


def test_other_events_are_claimed_before_any_listener_runs(slack_app: SlackAppHarness) -> None:
    event = {"type": "team_join", "user": {"id": "U77", "is_bot": False}, "event_ts": "1.0"}
    assert slack_app.send_event(event, event_id="EvJOIN").status == 200
    # Claimed before the ack: the ledger refuses the same event id now, so a redelivery would be dropped.
    assert slack_app.runtime.events.claim("slack-event:EvJOIN") is False
