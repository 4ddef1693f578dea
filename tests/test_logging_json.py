"""CMEBOT_LOG_FORMAT=json: every line is a JSON object; at INFO no line holds what a member wrote (ids and lengths
instead), no line holds a secret, and DEBUG still shows the text for a developer."""

from __future__ import annotations

import io
import json
import logging
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from pydantic import SecretStr

from bot.logging_setup import JsonFormatter, RedactSecrets, configure_logging
from bot.runtime import Runtime
from tests.support.slack_api import SlackApiStandIn
from tests.support.slack_app import SlackAppHarness, mention_event

QUESTION = "Our cardiology grand rounds series got Pfizer money for the catered lunch, is that commercial support?"
SIGNING = "json-log-signing-secret-0123"


@pytest.fixture
def json_log(monkeypatch: pytest.MonkeyPatch, runtime: Runtime) -> Iterator[io.StringIO]:
    """The process's logging as `cmebot` sets it up with CMEBOT_LOG_FORMAT=json, writing into a buffer."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    stream = io.StringIO()
    monkeypatch.setattr(sys, "stderr", stream)  # where configure_logging's handler writes
    root.handlers[:] = []
    settings = runtime.settings.model_copy(
        update={"log_format": "json", "log_level": "INFO", "slack_signing_secret": SecretStr(SIGNING)}
    )
    configure_logging(settings)
    try:
        yield stream
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)


def records(stream: io.StringIO) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stream.getvalue().splitlines() if line.strip()]


def test_json_lines_carry_ids_and_lengths_never_the_question(
    json_log: io.StringIO, slack_app: SlackAppHarness, slack_api: SlackApiStandIn
) -> None:
    assert isinstance(logging.getLogger().handlers[0].formatter, JsonFormatter)
    event = mention_event(f"<@U0BOT> {QUESTION}", channel="C1")
    assert slack_app.send_event(event).status == 200
    slack_api.wait_for("chat.postMessage")
    slack_app.wait_for_jobs()

    lines = records(json_log)  # every line parses
    assert lines and all({"time", "level", "logger", "message"} <= set(line) for line in lines)
    output = json_log.getvalue()
    assert QUESTION not in output and "Pfizer" not in output and "catered lunch" not in output
    [asked] = [line for line in lines if line.get("question_id") is not None and line["logger"] == "bot.runtime"]
    assert asked["level"] == "INFO"
    assert asked["surface"] == "slack_mention" and asked["chars"] == len(QUESTION)
    assert isinstance(asked["question_id"], int) and asked["mode"]


def test_secrets_passed_to_logging_are_not_written(json_log: io.StringIO) -> None:
    log = logging.getLogger("bot.test")
    log.warning("calling Slack with %s", "xoxb-1234-5678-secretvalue", extra={"auth": "Bearer xoxb-9999-8888-other"})
    log.warning("verifying with %s", SIGNING)
    log.error("database down: postgresql://cmebot:pw-0987654321@db:5432/cmebot unreachable")
    try:
        raise RuntimeError("model refused key sk-abcdefghijklmnop")
    except RuntimeError:
        log.exception("model call failed")
    output = json_log.getvalue()
    for secret in (
        "xoxb-1234-5678-secretvalue",
        "xoxb-9999-8888-other",
        SIGNING,
        "pw-0987654321",
        "sk-abcdefghijklmnop",
    ):
        assert secret not in output
    lines = records(json_log)
    assert "[redacted]" in lines[0]["auth"]
    assert "RuntimeError" in lines[-1]["exception"]


def test_debug_still_shows_the_text_for_a_developer(json_log: io.StringIO, runtime: Runtime) -> None:
    logging.getLogger().setLevel(logging.DEBUG)
    _, question_id = runtime.ask(QUESTION, surface="console")
    texts = [line for line in records(json_log) if line.get("question_id") == question_id]
    assert any(QUESTION in line["message"] and line["level"] == "DEBUG" for line in texts)
    assert all(QUESTION not in line["message"] for line in texts if line["level"] != "DEBUG")


def test_text_format_is_the_default(runtime: Runtime) -> None:
    from bot.logging_setup import log_formatter

    assert runtime.settings.log_format == "text"
    assert not isinstance(log_formatter(runtime.settings), JsonFormatter)
    assert isinstance(RedactSecrets([]), logging.Filter)
