"""The real process: `cmebot run --http` started, sent a burst of questions, stopped by SIGTERM or killed with
SIGKILL, and started again. Every acknowledged question is answered exactly once, with no apology.

The bot runs as a subprocess on the test's data folder (a copy of the pre-built index) against the Web API
stand-in; requests are signed as Slack signs them. Timings are compressed through the environment."""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT, Settings
from tests.support.slack_api import SlackApiStandIn
from tests.support.slack_app import SIGNING_SECRET, event_envelope, mention_event
from tests.support.slack_signing import signed_headers

QUESTION = "How far back do we collect financial relationships for faculty?"
APOLOGY = "Sorry, something went wrong"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class BotProcess:
    def __init__(self, settings: Settings, api: SlackApiStandIn, log_path: Path) -> None:
        self.port = _free_port()
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("CMEBOT_", "SLACK_"))},
            "HF_HUB_OFFLINE": "1",
            "TRANSFORMERS_OFFLINE": "1",
            "CMEBOT_DATA_DIR": str(settings.data_dir),
            "CMEBOT_KNOWLEDGE_DIR": str(settings.knowledge_dir),
            "SLACK_BOT_TOKEN": "xoxb-1111-2222-testbottoken",
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "SLACK_API_URL": api.url,
            "CMEBOT_JOB_LEASE_SECONDS": "2",
            "CMEBOT_JOB_SWEEP_SECONDS": "0.3",
            "CMEBOT_JOB_REQUEUE_SECONDS": "3",
            "CMEBOT_RETRY_BASE_SECONDS": "0.05",
            "CMEBOT_SHUTDOWN_GRACE_SECONDS": "5",
            "CMEBOT_LOG_LEVEL": "INFO",
        }
        self.log_path = log_path
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 180) -> None:
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot", "run", "--http", "--port", str(self.port)],
            cwd=PROJECT_ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"the bot exited at start:\n{self.log_path.read_text()[-3000:]}")
            try:
                if self.request("GET", "/healthz")[0] == 200:
                    return
            except OSError:
                time.sleep(0.2)
        raise AssertionError(f"the bot was not ready within {timeout}s:\n{self.log_path.read_text()[-3000:]}")

    def request(
        self, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None
    ) -> tuple[int, str]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            reply = connection.getresponse()
            return reply.status, reply.read().decode("utf-8", "replace")
        finally:
            connection.close()

    def ask(self, channel: str, event_id: str) -> int:
        body = event_envelope(mention_event(f"<@U0BOT> {QUESTION}", channel=channel), event_id)
        return self.request("POST", "/slack/events", body.encode(), signed_headers(SIGNING_SECRET, body))[0]

    def signal(self, signum: int) -> None:
        assert self.process is not None
        self.process.send_signal(signum)

    def wait(self, timeout: float = 60) -> int:
        assert self.process is not None
        return self.process.wait(timeout)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)


@pytest.fixture
def bot(settings: Settings, slack_api: SlackApiStandIn, tmp_path: Path) -> Iterator[BotProcess]:
    process = BotProcess(settings, slack_api, tmp_path / "bot.log")
    try:
        yield process
    finally:
        process.stop()


def _wait_answered(api: SlackApiStandIn, channels: list[str], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if all(api.posted(channel) for channel in channels):
            time.sleep(1.0)  # long enough for a duplicate to show up, if the bot were to post one
            return
        time.sleep(0.1)
    missing = [channel for channel in channels if not api.posted(channel)]
    raise AssertionError(f"{len(missing)} of {len(channels)} questions never answered")


def _assert_once_each(api: SlackApiStandIn, channels: list[str]) -> None:
    for channel in channels:
        posted = api.posted(channel)
        assert len(posted) == 1, f"{channel}: {len(posted)} messages"
        assert not posted[0]["text"].startswith(APOLOGY)


def test_sigterm_during_a_burst_loses_nothing(bot: BotProcess, slack_api: SlackApiStandIn) -> None:
    bot.start()
    channels = [f"CTERM{i:02d}" for i in range(20)]
    assert [bot.ask(channel, f"EvTERM{i}") for i, channel in enumerate(channels)] == [200] * 20
    bot.signal(signal.SIGTERM)
    assert bot.wait(timeout=30) == 0  # a clean exit within the grace period
    assert "Stopping: finishing answers in flight" in bot.log_path.read_text()
    bot.start()
    _wait_answered(slack_api, channels)
    _assert_once_each(slack_api, channels)


def test_kill_9_mid_answer_then_restart_answers_everything_once(bot: BotProcess, slack_api: SlackApiStandIn) -> None:
    bot.start()
    channels = [f"CKILL{i:02d}" for i in range(10)]
    assert [bot.ask(channel, f"EvKILL{i}") for i, channel in enumerate(channels)] == [200] * 10
    slack_api.wait_for("chat.postMessage", timeout=60)  # mid-burst: answering has started
    bot.signal(signal.SIGKILL)
    bot.wait(timeout=10)
    bot.start()
    # Slack redelivers what it thinks was not acknowledged; those are dropped as duplicates.
    assert bot.ask(channels[-1], "EvKILL9") == 200
    _wait_answered(slack_api, channels)
    _assert_once_each(slack_api, channels)
