"""Serving the Bolt app: Socket Mode (no public URL needed) or HTTP mode behind a load balancer.

HTTP mode serves, on one port:
  POST /slack/events          events, slash commands and interactivity (signed by Slack)
  GET  /slack/install         OAuth install page (only with SLACK_CLIENT_ID / SLACK_CLIENT_SECRET)
  GET  /slack/oauth_redirect  OAuth callback (same)
  GET  /healthz               liveness for the load balancer
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Iterable
from typing import Any

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler

from bot.runtime import Runtime
from bot.slack.app import build_app

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


class StartupError(Exception):
    """A configuration problem that must stop the bot before it serves anything."""


def wsgi_app(app: App) -> WsgiApp:
    """The WSGI application for HTTP mode: Bolt's handler plus a health check."""
    slack = SlackRequestHandler(app, path=EVENTS_PATH)

    def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == HEALTH_PATH and environ.get("REQUEST_METHOD") in ("GET", "HEAD"):
            body = json.dumps({"ok": True}).encode()
            start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
            return [body]
        return slack(environ, start_response)

    return application


def check_http_settings(runtime: Runtime) -> None:
    # Without the signing secret every request would be unverifiable; serving anyway would answer forgeries.
    if runtime.settings.slack_signing_secret is None:
        raise StartupError(
            "HTTP mode needs SLACK_SIGNING_SECRET (Slack app settings > Basic Information > Signing Secret) "
            "to verify that requests come from Slack. Set it in .env, or use Socket Mode with SLACK_APP_TOKEN."
        )


def create_http_server(
    runtime: Runtime,
    *,
    host: str = "0.0.0.0",
    port: int = 3000,
    threads: int = 16,
    app: App | None = None,
) -> Any:
    """A waitress server for HTTP mode, not yet running (call .run(), or .close() to stop).

    port=0 picks a free port (see .effective_port); tests and the benchmark serve it in a thread."""
    import waitress

    check_http_settings(runtime)
    bolt = app or build_app(runtime)
    # connection_limit: a burst of Slack deliveries should wait in our task queue, not in the TCP backlog.
    return waitress.create_server(
        wsgi_app(bolt), host=host, port=port, threads=threads, ident="cmebot", connection_limit=1000
    )


def run_slack(runtime: Runtime, http: bool = False, port: int = 3000) -> None:
    """`cmebot run`: HTTP mode with --http, otherwise Socket Mode. Exits with status 2 on bad settings."""
    try:
        _run(runtime, http, port)
    except StartupError as exc:
        sys.stderr.write(f"Cannot start the Slack app: {exc}\n")
        raise SystemExit(2) from None


def _run(runtime: Runtime, http: bool, port: int) -> None:
    settings = runtime.settings
    if http:
        server = create_http_server(runtime, port=port)
        runtime.engine  # noqa: B018  (load the model now, not during the first member's question)
        log.info("Serving Slack HTTP mode on port %s (POST %s)", server.effective_port, EVENTS_PATH)
        server.run()
        return
    if settings.slack_app_token is None:
        raise StartupError(
            "Socket Mode needs SLACK_APP_TOKEN (an xapp- token with connections:write); "
            "or run `cmebot run --http --port 3000` behind a public HTTPS URL."
        )
    handler = socket_mode_handler(runtime)
    runtime.engine  # noqa: B018
    log.info("Connecting to Slack in Socket Mode")
    handler.start()


def socket_mode_handler(runtime: Runtime, app: App | None = None) -> Any:
    """Bolt's Socket Mode handler (slack_sdk's built-in WebSocket client) for the app; .start() blocks,
    .connect() returns once connected (tests), .close() disconnects."""
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    token = runtime.settings.slack_app_token
    if token is None:
        raise StartupError("Socket Mode needs SLACK_APP_TOKEN")
    return SocketModeHandler(app or build_app(runtime), token.get_secret_value())
