"""Running the app: refusing bad settings, Socket Mode over a real WebSocket, and multi-workspace OAuth."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from pydantic import SecretStr

from bot.runtime import Runtime
from bot.slack.runner import run_slack, socket_mode_handler
from tests.support.slack_api import BOT_USER_ID, SlackApiStandIn
from tests.support.slack_app import APP_TOKEN, SlackAppHarness, mention_event
from tests.support.socket_mode import SocketModeStandIn

QUESTION = "How far back do we collect financial relationships for faculty?"


def test_http_mode_refuses_to_start_without_a_signing_secret(
    runtime: Runtime, capsys: pytest.CaptureFixture[str]
) -> None:
    runtime.settings = runtime.settings.model_copy(update={"slack_bot_token": SecretStr("xoxb-1-2-abc")})
    with pytest.raises(SystemExit) as exited:
        run_slack(runtime, http=True, port=0)
    assert exited.value.code == 2
    error = capsys.readouterr().err
    assert "SLACK_SIGNING_SECRET" in error and "Traceback" not in error


def test_socket_mode_refuses_to_start_without_an_app_token(
    runtime: Runtime, capsys: pytest.CaptureFixture[str]
) -> None:
    runtime.settings = runtime.settings.model_copy(update={"slack_bot_token": SecretStr("xoxb-1-2-abc")})
    with pytest.raises(SystemExit) as exited:
        run_slack(runtime, http=False)
    assert exited.value.code == 2
    assert "SLACK_APP_TOKEN" in capsys.readouterr().err


@pytest.fixture
def socket_mode() -> Iterator[SocketModeStandIn]:
    stand_in = SocketModeStandIn()
    yield stand_in
    stand_in.close()


def test_socket_mode_envelope_is_acked_and_answered(
    slack_app: SlackAppHarness, slack_api: SlackApiStandIn, socket_mode: SocketModeStandIn
) -> None:
    slack_api.socket_mode_url = socket_mode.url
    handler = socket_mode_handler(slack_app.runtime, slack_app.app)
    handler.connect()
    try:
        [opened] = slack_api.wait_for("apps.connections.open")
        assert opened.token == APP_TOKEN  # the app-level token opens the socket, not the bot token
        event = mention_event(f"<@U0BOT> {QUESTION}", channel="C3")
        socket_mode.send(
            {
                "envelope_id": "env-1",
                "type": "events_api",
                "accepts_response_payload": False,
                "retry_attempt": 0,
                "retry_reason": "",
                "payload": json.loads(slack_app.event_body(event, "EvSOCKET1")),
            }
        )
        assert socket_mode.wait_for_ack("env-1") == {"envelope_id": "env-1"}
        [post] = slack_api.wait_for("chat.postMessage")
        assert post.args["channel"] == "C3" and post.args["thread_ts"] == event["ts"]
        assert post.token == slack_app.bot_token
    finally:
        handler.close()


def test_socket_mode_redelivery_and_a_failed_post_still_give_one_answer(
    slack_app: SlackAppHarness, slack_api: SlackApiStandIn, socket_mode: SocketModeStandIn
) -> None:
    # The same guarantees as HTTP mode: the job is written before the envelope is acked, a redelivered
    # envelope (retry_attempt 1) is dropped, and a 500 on the post is retried without an apology.
    slack_api.socket_mode_url = socket_mode.url
    slack_api.fail_next("chat.postMessage", status=500)
    handler = socket_mode_handler(slack_app.runtime, slack_app.app)
    handler.connect()
    try:
        slack_api.wait_for("apps.connections.open")
        event = mention_event(f"<@U0BOT> {QUESTION}", channel="C4")
        for attempt in (0, 1):
            socket_mode.send(
                {
                    "envelope_id": f"env-{attempt}",
                    "type": "events_api",
                    "accepts_response_payload": False,
                    "retry_attempt": attempt,
                    "retry_reason": "timeout" if attempt else "",
                    "payload": json.loads(slack_app.event_body(event, "EvSOCKET2")),
                }
            )
            assert socket_mode.wait_for_ack(f"env-{attempt}") == {"envelope_id": f"env-{attempt}"}
        slack_app.wait_for_jobs()
        [answer] = slack_api.posted("C4")
        assert "24" in answer["text"]
    finally:
        handler.close()


def test_oauth_install_stores_the_installation_and_survives_restart(
    runtime: Runtime, slack_api: SlackApiStandIn
) -> None:
    harness = SlackAppHarness(
        runtime, slack_api, slack_client_id="111.222", slack_client_secret=SecretStr("oauth-client-secret")
    )
    try:
        install = harness.request("GET", "/slack/install")
        assert install.status == 200
        state = re.search(r"state=([\w-]+)", install.body)
        assert state is not None and "client_id=111.222" in install.body
        assert "app_mentions:read" in install.body.replace("%3A", ":")
        cookie = install.headers["set-cookie"].split(";")[0]

        callback = harness.request(
            "GET", f"/slack/oauth_redirect?code=temp-code&state={state.group(1)}", headers={"Cookie": cookie}
        )
        assert callback.status == 200
        [exchange] = slack_api.calls_to("oauth.v2.access")
        assert exchange.args["code"] == "temp-code"

        # Events for the installed workspace are answered with the installation's own bot token, also after
        # a restart, because the installation lives in the app's database.
        harness.restart()
        harness.send_event(mention_event(f"<@{BOT_USER_ID}> {QUESTION}"))
        [post] = slack_api.wait_for("chat.postMessage")
        assert post.token == "xoxb-installed-token"
    finally:
        harness.stop()
        harness.runtime.close()
