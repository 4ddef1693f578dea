"""The Slack app served in HTTP mode on a real 127.0.0.1 port, talking to the Web API stand-in.

Requests are signed exactly as Slack signs them, so the app's own signature check runs on every one.
See tests/support/fixtures.py for the pytest fixtures built on this."""

from __future__ import annotations

import http.client
import itertools
import json
import threading
import time
import uuid
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from pydantic import SecretStr

from bot.runtime import Runtime
from bot.slack.app import build_app
from bot.slack.jobs import SlackJobs, jobs_for
from bot.slack.runner import create_http_server
from tests.support.slack_api import BOT_USER_ID, TEAM_ID, SlackApiStandIn
from tests.support.slack_signing import signed_headers

BOT_TOKEN = "xoxb-1111-2222-testbottoken"
APP_TOKEN = "xapp-1-A0TEST-3333-testapptoken"
SIGNING_SECRET = "test-signing-secret-0123456789abcdef"
APP_ID = "A0TEST"

_ts = itertools.count(1)

COMPRESSED_TIMINGS: dict[str, Any] = {
    "job_lease_seconds": 1.5,
    "job_sweep_seconds": 0.2,
    "job_requeue_seconds": 3.0,
    "retry_base_seconds": 0.05,
    "slack_timeout": 3.0,
    "rate_limit_inline_seconds": 0.5,
    "shutdown_grace_seconds": 5.0,
    "post_workers": 4,
}


def next_ts() -> str:
    """A fresh Slack-style message timestamp, unique within the test session."""
    return f"1710000000.{next(_ts):06d}"


def mention_event(
    text: str, *, user: str = "U1", channel: str = "C1", ts: str | None = None, thread_ts: str | None = None
) -> dict[str, Any]:
    """An app_mention event as Slack sends it; `text` should contain <@U0BOT> like a real mention."""
    event = {
        "type": "app_mention",
        "user": user,
        "text": text,
        "ts": ts or next_ts(),
        "channel": channel,
        "event_ts": ts or next_ts(),
    }
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


def message_event(
    text: str,
    *,
    user: str = "U1",
    channel: str = "D1",
    channel_type: str = "im",
    ts: str | None = None,
    thread_ts: str | None = None,
    **fields: Any,
) -> dict[str, Any]:
    """A message event (message.im by default); pass subtype=, bot_id= etc. through `fields`."""
    stamp = ts or next_ts()
    event = {
        "type": "message",
        "user": user,
        "text": text,
        "ts": stamp,
        "channel": channel,
        "channel_type": channel_type,
        "event_ts": stamp,
        **fields,
    }
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


def event_envelope(event: dict[str, Any], event_id: str | None = None) -> str:
    """The Events API callback body Slack POSTs for `event` (JSON text, ready to sign)."""
    return json.dumps(
        {
            "token": "legacy-verification-token",
            "team_id": TEAM_ID,
            "api_app_id": APP_ID,
            "event": event,
            "type": "event_callback",
            "event_id": event_id or f"Ev{uuid.uuid4().hex[:12].upper()}",
            "event_time": int(time.time()),
            "authorizations": [{"team_id": TEAM_ID, "user_id": BOT_USER_ID, "is_bot": True}],
            "is_ext_shared_channel": False,
        }
    )


@dataclass
class Response:
    status: int
    body: str
    elapsed_ms: float
    headers: dict[str, str] = field(default_factory=dict)

    def json(self) -> Any:
        return json.loads(self.body) if self.body else None


class SlackAppHarness:
    """Builds the Bolt app on `runtime`, serves it with waitress on a free port, and sends it Slack requests."""

    def __init__(self, runtime: Runtime, api: SlackApiStandIn, **settings: Any) -> None:
        self.api = api
        self.signing_secret = SIGNING_SECRET
        self.bot_token = BOT_TOKEN
        updates: dict[str, Any] = {
            "slack_bot_token": SecretStr(BOT_TOKEN),
            "slack_app_token": SecretStr(APP_TOKEN),
            "slack_signing_secret": SecretStr(SIGNING_SECRET),
            "slack_api_url": api.url,
            # Leases, sweeps and retries compressed from seconds-to-minutes to fractions of a second.
            **COMPRESSED_TIMINGS,
        }
        updates.update(settings)
        runtime.settings = runtime.settings.model_copy(update=updates)
        self.runtime = runtime
        self._server: Any = None
        self._thread: threading.Thread | None = None
        self.start()

    # --- lifecycle -----------------------------------------------------------------------------------
    def start(self, workers: bool = True) -> None:
        self.app = build_app(self.runtime)
        self.jobs: SlackJobs = jobs_for(self.runtime)
        if workers:
            self.jobs.start()
        self._server = create_http_server(self.runtime, host="127.0.0.1", port=0, threads=16, app=self.app)
        self.port = int(self._server.effective_port)
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._serve, args=(self._server, self._stopping), daemon=True)
        self._thread.start()

    @staticmethod
    def _serve(server: Any, stopping: threading.Event) -> None:
        # waitress's own run() loops until its sockets are closed from outside, which races with select();
        # polling in short rounds lets stop() end the loop first and close the sockets afterwards.
        from waitress import wasyncore

        while not stopping.is_set():
            wasyncore.loop(timeout=0.05, map=server._map, count=1)

    def stop(self, drain: bool = True) -> None:
        """Stop serving; with `drain`, first let every accepted question be answered (as tests expect)."""
        if self._server is None:
            return
        from waitress import wasyncore

        if drain and self.jobs.running:
            self.wait_for_jobs()
        self._stopping.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server.task_dispatcher.shutdown(cancel_pending=False, timeout=5)
        wasyncore.close_all(self._server._map)
        self.app.listener_runner.listener_executor.shutdown(wait=True)  # type: ignore[attr-defined]
        self.jobs.stop()
        self._server = None

    def wait_for_jobs(self, timeout: float = 30.0) -> None:
        """Until every job is posted or failed (the workers keep running)."""
        deadline = time.monotonic() + timeout
        while self.runtime.jobs.unfinished():
            if time.monotonic() > deadline:
                raise AssertionError(f"jobs still unfinished after {timeout}s: {self.runtime.jobs.counts()}")
            time.sleep(0.05)

    def restart(self) -> Runtime:
        """A new process in all but name: a fresh Runtime and app on the same database, a new port."""
        self.stop()
        self.runtime.close()
        self.runtime = Runtime(self.runtime.settings)
        self.start()
        return self.runtime

    close = stop

    # --- requests ------------------------------------------------------------------------------------
    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def request(self, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None) -> Response:
        started = time.perf_counter()
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            reply = connection.getresponse()
            text = reply.read().decode("utf-8", "replace")
        finally:
            connection.close()
        headers = {name.lower(): value for name, value in reply.getheaders()}
        return Response(reply.status, text, (time.perf_counter() - started) * 1000, headers)

    def post_signed(
        self,
        body: str,
        *,
        content_type: str = "application/json",
        timestamp: int | None = None,
        extra_headers: dict[str, str] | None = None,
    ) -> Response:
        headers = signed_headers(self.signing_secret, body, timestamp=timestamp, content_type=content_type)
        headers.update(extra_headers or {})
        return self.request("POST", "/slack/events", body.encode("utf-8"), headers)

    def event_body(self, event: dict[str, Any], event_id: str | None = None) -> str:
        return event_envelope(event, event_id)

    def send_event(self, event: dict[str, Any], event_id: str | None = None, retry_num: int | None = None) -> Response:
        """POST an Events API callback; retry_num adds X-Slack-Retry-Num as Slack's redeliveries do."""
        extra = {}
        if retry_num is not None:
            extra = {"X-Slack-Retry-Num": str(retry_num), "X-Slack-Retry-Reason": "http_timeout"}
        return self.post_signed(self.event_body(event, event_id), extra_headers=extra)

    def send_command(
        self,
        command: str,
        text: str = "",
        *,
        user_id: str = "U1",
        channel_id: str = "C1",
        trigger_id: str | None = None,
        response_url: str | None = None,
    ) -> Response:
        """POST a slash command, form-encoded; its response_url points at the stand-in ("response_url" calls)."""
        form = {
            "token": "legacy-verification-token",
            "team_id": TEAM_ID,
            "team_domain": "cme-test",
            "channel_id": channel_id,
            "channel_name": "general" if channel_id.startswith("C") else "directmessage",
            "user_id": user_id,
            "user_name": user_id.lower(),
            "command": command,
            "text": text,
            "api_app_id": APP_ID,
            "is_enterprise_install": "false",
            "response_url": response_url or self.api.response_url(),
            "trigger_id": trigger_id or f"trigger-{uuid.uuid4().hex[:8]}",
        }
        return self.post_signed(urlencode(form), content_type="application/x-www-form-urlencoded")

    def send_interaction(self, payload: dict[str, Any]) -> Response:
        """POST an interaction (block_actions, view_submission, view_closed, shortcut) as `payload=`.

        Team, app id and a response_url on the stand-in are filled in when the payload leaves them out."""
        full = dict(payload)
        full.setdefault("team", {"id": TEAM_ID, "domain": "cme-test"})
        full.setdefault("api_app_id", APP_ID)
        full.setdefault("token", "legacy-verification-token")
        full.setdefault("is_enterprise_install", False)
        if full.get("type") == "block_actions":
            full.setdefault("response_url", self.api.response_url())
        body = urlencode({"payload": json.dumps(full)})
        return self.post_signed(body, content_type="application/x-www-form-urlencoded")

    def block_action(
        self,
        action_id: str,
        value: str,
        *,
        user_id: str = "U1",
        channel_id: str = "C1",
        message_ts: str | None = None,
        block_id: str = "actions",
    ) -> Response:
        """Click a button: a block_actions payload for `action_id` carrying `value`."""
        container: dict[str, Any] = {"type": "message", "channel_id": channel_id, "is_ephemeral": message_ts is None}
        payload: dict[str, Any] = {
            "type": "block_actions",
            "user": {"id": user_id, "username": user_id.lower(), "team_id": TEAM_ID},
            "channel": {"id": channel_id, "name": "general"},
            "container": container,
            "trigger_id": f"trigger-{uuid.uuid4().hex[:8]}",
            "actions": [
                {
                    "type": "button",
                    "action_id": action_id,
                    "block_id": block_id,
                    "value": value,
                    "action_ts": str(time.time()),
                }
            ],
        }
        if message_ts is not None:
            container["message_ts"] = message_ts
            payload["message"] = {"type": "message", "ts": message_ts, "user": BOT_USER_ID, "text": ""}
        return self.send_interaction(payload)
