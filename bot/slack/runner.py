"""Serving the Bolt app: Socket Mode (no public URL needed) or HTTP mode behind a load balancer.

HTTP mode serves, on one port:
  POST /slack/events          events, slash commands and interactivity (signed by Slack)
  GET  /slack/install         OAuth install page (only with SLACK_CLIENT_ID / SLACK_CLIENT_SECRET)
  GET  /slack/oauth_redirect  OAuth callback (same)
  GET  /healthz               liveness for the load balancer
  GET  /metrics               Prometheus metrics (bearer token CMEBOT_METRICS_TOKEN when set; bot/services/metrics.py)

Processes without that server (Socket Mode, `cmebot worker`) serve /metrics on CMEBOT_METRICS_PORT when it is set.
"""

from __future__ import annotations

import json
import logging
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler

from bot.runtime import Runtime
from bot.services.metrics_http import METRICS_PATH, metrics_app, serve_metrics
from bot.slack.app import build_app
from bot.slack.edge import guarded

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


class StartupError(Exception):
    """A configuration problem that must stop the bot before it serves anything."""


def wsgi_app(
    app: App, signing_secret: str, max_request_bytes: int = 1_048_576, metrics: WsgiApp | None = None
) -> WsgiApp:
    """The WSGI application for HTTP mode: a health check, metrics, and Bolt's handler behind the edge checks
    (bot/slack/edge.py: size cap, signature and parse checks before Bolt sees a request)."""
    slack = SlackRequestHandler(app, path=EVENTS_PATH)
    checked = guarded(slack, signing_secret, max_request_bytes)

    def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path, method = environ.get("PATH_INFO"), environ.get("REQUEST_METHOD")
        if path == HEALTH_PATH and method in ("GET", "HEAD"):
            body = json.dumps({"ok": True}).encode()
            start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
            return [body]
        if path == METRICS_PATH and metrics is not None:
            return metrics(environ, start_response)
        if path == EVENTS_PATH and method == "POST":
            return checked(environ, start_response)
        # OAuth install and redirect pages, and 404s, are Bolt's.
        return slack(environ, start_response)

    return application


def check_oauth_settings(runtime: Runtime) -> None:
    """Multi-workspace installs keep workspace tokens encrypted: without a key the bot must not start."""
    if runtime.settings.multi_workspace:
        from bot.slack.installations import TokenKeyError, cipher

        try:
            cipher(runtime.settings)
        except TokenKeyError as exc:
            raise StartupError(str(exc)) from None


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
    settings = runtime.settings
    secret = settings.slack_signing_secret.get_secret_value() if settings.slack_signing_secret else ""
    return waitress.create_server(
        wsgi_app(bolt, secret, settings.max_request_bytes, metrics_app(runtime)),
        host=host,
        port=port,
        threads=threads,
        ident="cmebot",
        connection_limit=1000,
        # waitress refuses a larger body itself (413) before it is read into memory or reaches any code.
        max_request_body_size=settings.max_request_bytes,
    )


def run_slack(runtime: Runtime, http: bool = False, port: int = 3000, workers: bool = True) -> None:
    """`cmebot run`: HTTP mode with --http, otherwise Socket Mode. Exits with status 2 on bad settings."""
    try:
        _run(runtime, http, port, workers)
    except StartupError as exc:
        sys.stderr.write(f"Cannot start the Slack app: {exc}\n")
        raise SystemExit(2) from None


def run_workers(runtime: Runtime) -> None:
    """`cmebot worker`: answer workers only (no Slack connection), until SIGTERM or Ctrl-C."""
    from bot.slack.jobs import jobs_for

    warm_up(runtime)
    stop = _stop_on_signals()
    jobs = jobs_for(runtime).start()
    metrics_server = serve_metrics(runtime)
    log.info("Worker ready")
    stop.wait()
    log.info("Stopping: finishing answers in flight (up to %ss)", runtime.settings.shutdown_grace_seconds)
    jobs.stop()
    if metrics_server is not None:
        metrics_server.close()


def warm_up(runtime: Runtime) -> None:
    """Load and exercise what the first question needs (model, index, cards, database), so that the first
    event after a start or a deploy is handled as fast as the rest. Nothing is logged as a question."""
    started = time.perf_counter()
    runtime.engine.ask("How far back must faculty disclose financial relationships?")
    runtime.jobs.counts()
    log.info("Warmed up in %.1fs", time.perf_counter() - started)


def _stop_on_signals() -> threading.Event:
    """SIGTERM (a deploy, systemd, docker stop) and SIGINT (Ctrl-C) ask for a graceful stop."""
    stop = threading.Event()

    def handler(signum: int, _frame: object) -> None:
        log.info("Received %s", signal.Signals(signum).name)
        stop.set()

    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)
    return stop


def _run(runtime: Runtime, http: bool, port: int, workers: bool) -> None:
    from bot.slack.jobs import jobs_for

    settings = runtime.settings
    check_oauth_settings(runtime)
    if http:
        check_http_settings(runtime)
    elif settings.slack_app_token is None:
        raise StartupError(
            "Socket Mode needs SLACK_APP_TOKEN (an xapp- token with connections:write); "
            "or run `cmebot run --http --port 3000` behind a public HTTPS URL."
        )
    bolt = build_app(runtime)
    if workers:
        warm_up(runtime)  # before listening: requests must not queue behind the model loading
    stop = _stop_on_signals()
    jobs = jobs_for(runtime).start() if workers else None
    # HTTP mode serves /metrics on its own port too; a separate port is for Socket Mode, or to keep it private.
    metrics_server = serve_metrics(runtime)
    if http:
        if settings.metrics_token is None:
            log.info("GET %s is open: set CMEBOT_METRICS_TOKEN, or block it at the load balancer", METRICS_PATH)
        server = create_http_server(runtime, port=port, app=bolt)
        serving = threading.Thread(target=server.run, name="cmebot-http", daemon=True)
        serving.start()
        log.info("Serving Slack HTTP mode on port %s (POST %s)", server.effective_port, EVENTS_PATH)
        stop.wait()
        # Stop taking requests first; every question already acknowledged is a job row by now.
        server.close()
    else:
        handler = socket_mode_handler(runtime, bolt)
        handler.connect()
        log.info("Connected to Slack in Socket Mode")
        stop.wait()
        handler.close()
    if jobs is not None:
        log.info("Stopping: finishing answers in flight (up to %ss)", settings.shutdown_grace_seconds)
        jobs.stop()
    if metrics_server is not None:
        metrics_server.close()
    log.info("Stopped")


def socket_mode_handler(runtime: Runtime, app: App | None = None) -> Any:
    """Bolt's Socket Mode handler (slack_sdk's built-in WebSocket client) for the app; .start() blocks,
    .connect() returns once connected (tests), .close() disconnects."""
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    token = runtime.settings.slack_app_token
    if token is None:
        raise StartupError("Socket Mode needs SLACK_APP_TOKEN")
    return SocketModeHandler(app or build_app(runtime), token.get_secret_value())
