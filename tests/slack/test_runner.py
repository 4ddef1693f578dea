"""Running the app: refusing bad settings, Socket Mode over a real WebSocket, and multi-workspace OAuth."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator

import pytest
from pydantic import SecretStr
from sqlalchemy import text

from bot.runtime import Runtime
from bot.slack.runner import run_slack, socket_mode_handler
from tests.support.slack_api import BOT_USER_ID, SlackApiStandIn
from tests.support.slack_app import APP_TOKEN, SlackAppHarness, mention_event
from tests.support.socket_mode import SocketModeStandIn

QUESTION = "How far back do we collect financial relationships for faculty?"
TOKEN_KEY = "9mJ0-2rW3lT4r1b2Zc7S3h2mN4qG8pVx5yK6uE1aD0o="
OAUTH = {
    "slack_client_id": "111.222",
    "slack_client_secret": SecretStr("oauth-client-secret"),
    "token_key": SecretStr(TOKEN_KEY),
}


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
    harness = SlackAppHarness(runtime, slack_api, **OAUTH)
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

        # At rest the token is encrypted: the database never holds it in plain text.
        with harness.runtime.db.engine.connect() as connection:
            stored = " ".join(
                str(value)
                for table in ("slack_installations", "slack_bots")
                for row in connection.execute(text(f"SELECT * FROM {table}"))
                for value in row
            )
        assert "xoxb-installed-token" not in stored and "enc1:" in stored

        # Key rotation: a new key first, `cmebot tokens rotate`, and the old key can go.
        from cryptography.fernet import Fernet

        from bot.slack.installations import installation_store

        new_key = Fernet.generate_key().decode()
        rotating = harness.runtime.settings.model_copy(update={"token_key": SecretStr(f"{new_key},{TOKEN_KEY}")})
        assert installation_store(rotating, harness.runtime.db.engine).rotate() == 2
        only_new = harness.runtime.settings.model_copy(update={"token_key": SecretStr(new_key)})
        bot = installation_store(only_new, harness.runtime.db.engine).find_bot(enterprise_id=None, team_id="T0TEST")
        assert bot is not None and bot.bot_token == "xoxb-installed-token"

        # Uninstalling the app deletes the workspace's installation and its tokens.
        assert harness.send_event({"type": "app_uninstalled", "event_ts": "1"}).status == 200
        store = installation_store(rotating, harness.runtime.db.engine)
        deadline = time.monotonic() + 10
        while store.find_bot(enterprise_id=None, team_id="T0TEST") is not None:
            assert time.monotonic() < deadline, "the uninstall did not delete the bot token"
            time.sleep(0.05)
    finally:
        harness.stop()
        harness.runtime.close()


def test_oauth_mode_without_a_token_key_refuses_to_start(runtime: Runtime, capsys: pytest.CaptureFixture[str]) -> None:
    runtime.settings = runtime.settings.model_copy(
        update={
            "slack_client_id": "111.222",
            "slack_client_secret": SecretStr("s"),
            "slack_signing_secret": SecretStr("x"),
        }
    )
    with pytest.raises(SystemExit) as exited:
        run_slack(runtime, http=True, port=0)
    assert exited.value.code == 2
    error = capsys.readouterr().err
    assert "CMEBOT_TOKEN_KEY" in error and "Traceback" not in error
