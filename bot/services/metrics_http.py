"""Serving GET /metrics: as a route of HTTP mode's server (bot/slack/runner.py), and as a small server of its own
on CMEBOT_METRICS_HOST:CMEBOT_METRICS_PORT for processes without one (Socket Mode, `cmebot worker`).

With CMEBOT_METRICS_TOKEN set, a scrape must send `Authorization: Bearer <token>` (Prometheus: `authorization:
{credentials: ...}` in the scrape config); anything else gets a 401 and no figures."""

from __future__ import annotations

import hmac
import logging
import threading
from collections.abc import Callable, Iterable
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from bot.services import metrics

log = logging.getLogger(__name__)

METRICS_PATH = "/metrics"

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def metrics_app(runtime: Any) -> WsgiApp:
    """The WSGI application answering GET/HEAD /metrics for `runtime`, behind the token when one is set."""
    secret = runtime.settings.metrics_token
    token = secret.get_secret_value().encode() if secret is not None else b""

    def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
            return _plain(start_response, "405 Method Not Allowed", b"GET only\n", [("Allow", "GET, HEAD")])
        if token and not _authorized(environ, token):
            return _plain(start_response, "401 Unauthorized", b"a bearer token is required\n", _challenge())
        body = metrics.exposition(runtime)
        start_response(
            "200 OK",
            [("Content-Type", metrics.CONTENT_TYPE), ("Content-Length", str(len(body))), ("Cache-Control", "no-store")],
        )
        return [b""] if environ.get("REQUEST_METHOD") == "HEAD" else [body]

    return application


def _authorized(environ: dict[str, Any], token: bytes) -> bool:
    scheme, _, given = str(environ.get("HTTP_AUTHORIZATION") or "").partition(" ")
    # Constant-time comparison: the time taken says nothing about how much of a guess was right.
    return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), token)


def _challenge() -> list[tuple[str, str]]:
    return [("WWW-Authenticate", 'Bearer realm="cmebot metrics"')]


def _plain(
    start_response: Callable[..., Any], status: str, body: bytes, headers: list[tuple[str, str]]
) -> Iterable[bytes]:
    start_response(status, [("Content-Type", "text/plain"), ("Content-Length", str(len(body))), *headers])
    return [body]


class _ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True  # a slow scraper must not keep a stopping process alive


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        # One line per scrape every few seconds would drown the bot's own log.
        pass


class MetricsServer:
    """/metrics on its own address, served from a daemon thread; close() stops it."""

    def __init__(self, runtime: Any, host: str, port: int) -> None:
        app = metrics_app(runtime)

        def routed(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
            if environ.get("PATH_INFO") in (METRICS_PATH, "/"):
                return app(environ, start_response)
            return _plain(start_response, "404 Not Found", b"not found\n", [])

        self._server = make_server(host, port, routed, server_class=_ThreadingServer, handler_class=_QuietHandler)
        self._thread = threading.Thread(target=self._server.serve_forever, name="cmebot-metrics", daemon=True)

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def host(self) -> str:
        return str(self._server.server_address[0])

    def start(self) -> MetricsServer:
        self._thread.start()
        return self

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


def serve_metrics(runtime: Any) -> MetricsServer | None:
    """The metrics server when CMEBOT_METRICS_PORT is set (0: any free port), else None."""
    settings = runtime.settings
    if settings.metrics_port is None:
        return None
    server = MetricsServer(runtime, settings.metrics_host, settings.metrics_port).start()
    log.info("Serving /metrics on %s:%s", server.host, server.port)
    return server
