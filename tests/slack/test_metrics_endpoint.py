"""GET /metrics over real HTTP: HTTP mode's port (beside /healthz, optionally behind a bearer token) and the
separate metrics port of Socket Mode; the counters move when a member's question is answered through Slack."""

from __future__ import annotations

import http.client
import json
from collections.abc import Iterator

import pytest
from prometheus_client.parser import text_string_to_metric_families
from pydantic import SecretStr

from bot.runtime import Runtime
from bot.services.metrics_http import serve_metrics
from bot.slack.blocks.answer import FEEDBACK_HELPFUL
from bot.slack.runner import socket_mode_handler
from tests.support.slack_api import SlackApiStandIn
from tests.support.slack_app import SlackAppHarness, mention_event
from tests.support.socket_mode import SocketModeStandIn

QUESTION = "How far back do we collect financial relationships for faculty?"
METRICS_TOKEN = "metrics-token-0123456789abcdef"

Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]


def parse(text: str) -> Samples:
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def value(samples: Samples, name: str, **labels: str) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


def get(port: int, path: str = "/metrics", headers: dict[str, str] | None = None) -> tuple[int, str, dict[str, str]]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers=headers or {})
        reply = connection.getresponse()
        return reply.status, reply.read().decode(), {k.lower(): v for k, v in reply.getheaders()}
    finally:
        connection.close()


def _feedback_value(blocks: list[dict]) -> str:
    [actions] = [block for block in blocks if block["type"] == "actions"]
    return next(e["value"] for e in actions["elements"] if e["action_id"] == FEEDBACK_HELPFUL)


def test_metrics_move_after_a_question_answered_over_http(
    slack_app: SlackAppHarness, slack_api: SlackApiStandIn
) -> None:
    status, text, headers = get(slack_app.port)
    assert status == 200 and headers["content-type"].startswith("text/plain; version=")
    before = parse(text)
    # The progress reaction fails (a missing scope): a Slack API error, counted by method and code.
    slack_api.fail_next("reactions.add", error="missing_scope")

    event = mention_event(f"<@U0BOT> {QUESTION}", channel="C1")
    assert slack_app.send_event(event).status == 200
    [post] = slack_api.wait_for("chat.postMessage")
    slack_app.wait_for_jobs()
    slack_app.block_action(FEEDBACK_HELPFUL, _feedback_value(post.args["blocks"]), user_id="U1", message_ts="1.1")
    slack_api.wait_for("response_url")  # the thank-you: the vote is recorded by now

    after = parse(get(slack_app.port)[1])
    surface = {"surface": "slack_mention"}
    assert value(after, "cmebot_questions_total", **surface) == value(before, "cmebot_questions_total", **surface) + 1
    answered = sum(
        value(after, "cmebot_answers_total", mode=m) - value(before, "cmebot_answers_total", mode=m)
        for m in ("card", "tool", "extractive", "llm", "community")
    )
    assert answered == 1
    latency = sum(
        value(after, "cmebot_answer_latency_seconds_count", mode=m)
        - value(before, "cmebot_answer_latency_seconds_count", mode=m)
        for m in ("card", "tool", "extractive", "llm", "community")
    )
    assert latency == 1
    assert value(after, "cmebot_feedback_total", rating="helpful") == (
        value(before, "cmebot_feedback_total", rating="helpful") + 1
    )
    error = {"method": "reactions.add", "error": "missing_scope"}
    assert value(after, "cmebot_slack_api_errors_total", **error) == (
        value(before, "cmebot_slack_api_errors_total", **error) + 1
    )
    # Read from the database at scrape time: the job is done, nothing waits.
    assert value(after, "cmebot_jobs", state="posted") == 1
    assert value(after, "cmebot_jobs", state="queued") == 0
    assert value(after, "cmebot_database_up") == 1


def test_a_decline_is_counted_with_its_reason(slack_app: SlackAppHarness, slack_api: SlackApiStandIn) -> None:
    before = parse(get(slack_app.port)[1])
    event = mention_event("<@U0BOT> What dose of apixaban should my patient with AF take?", channel="C1")
    assert slack_app.send_event(event).status == 200
    slack_api.wait_for("chat.postMessage")
    slack_app.wait_for_jobs()
    after = parse(get(slack_app.port)[1])
    assert value(after, "cmebot_declines_total", reason="clinical") == (
        value(before, "cmebot_declines_total", reason="clinical") + 1
    )
    assert value(after, "cmebot_answers_total", mode="abstained") == (
        value(before, "cmebot_answers_total", mode="abstained") + 1
    )


@pytest.fixture
def guarded_app(runtime: Runtime, slack_api: SlackApiStandIn) -> Iterator[SlackAppHarness]:
    harness = SlackAppHarness(runtime, slack_api, metrics_token=SecretStr(METRICS_TOKEN))
    try:
        yield harness
    finally:
        harness.stop()


def test_the_metrics_token_refuses_scrapes_without_it(guarded_app: SlackAppHarness) -> None:
    for headers in ({}, {"Authorization": "Bearer wrong-token"}, {"Authorization": f"Basic {METRICS_TOKEN}"}):
        status, body, reply_headers = get(guarded_app.port, headers=headers)
        assert status == 401
        assert "cmebot_" not in body
        assert reply_headers["www-authenticate"].startswith("Bearer")
    status, body, _ = get(guarded_app.port, headers={"Authorization": f"Bearer {METRICS_TOKEN}"})
    assert status == 200 and "cmebot_questions_total" in body
    # The load balancer's health check needs no token.
    assert get(guarded_app.port, "/healthz")[0] == 200


def test_metrics_are_not_behind_the_slack_signature_check(slack_app: SlackAppHarness) -> None:
    # Prometheus cannot sign like Slack: /metrics is its own route, and a POST there is refused, not passed to Bolt.
    assert get(slack_app.port)[0] == 200
    assert slack_app.request("POST", "/metrics", b"{}").status == 405


def test_socket_mode_serves_metrics_on_its_own_port(runtime: Runtime, slack_api: SlackApiStandIn) -> None:
    harness = SlackAppHarness(runtime, slack_api, metrics_port=0)  # 0: any free port
    socket_mode = SocketModeStandIn()
    slack_api.socket_mode_url = socket_mode.url
    server = serve_metrics(harness.runtime)
    handler = socket_mode_handler(harness.runtime, harness.app)
    try:
        assert server is not None
        assert server.host == "127.0.0.1"  # CMEBOT_METRICS_HOST's default: not reachable from other machines
        before = parse(get(server.port)[1])
        handler.connect()
        slack_api.wait_for("apps.connections.open")
        event = mention_event(f"<@U0BOT> {QUESTION}", channel="C5")
        socket_mode.send(
            {
                "envelope_id": "env-metrics",
                "type": "events_api",
                "accepts_response_payload": False,
                "retry_attempt": 0,
                "retry_reason": "",
                "payload": json.loads(harness.event_body(event, "EvMETRICS1")),
            }
        )
        assert socket_mode.wait_for_ack("env-metrics") == {"envelope_id": "env-metrics"}
        slack_api.wait_for("chat.postMessage")
        harness.wait_for_jobs()

        status, text, _ = get(server.port)
        assert status == 200
        after = parse(text)
        surface = {"surface": "slack_mention"}
        assert value(after, "cmebot_questions_total", **surface) == (
            value(before, "cmebot_questions_total", **surface) + 1
        )
        assert get(server.port, "/elsewhere")[0] == 404
    finally:
        handler.close()
        if server is not None:
            server.close()
        socket_mode.close()
        harness.stop()


def test_no_metrics_port_means_no_metrics_server(runtime: Runtime) -> None:
    assert runtime.settings.metrics_port is None
    assert serve_metrics(runtime) is None
