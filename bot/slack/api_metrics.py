"""Counting Slack Web API errors by method and error code, for /metrics (cmebot_slack_api_errors_total).

slack_sdk hands every response (200s with ok:false included), every HTTP error and every connection error to a
client's retry handlers, in order, until one asks for a retry. A handler first in the list that never retries
sees them all. Bolt copies the app client's handlers into the client it makes for each request, so listeners'
calls are counted as well as the workers' (bot/slack/jobs.py) without wrapping any client."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

from slack_sdk.http_retry.handler import RetryHandler
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState

from bot.services import metrics


class CountSlackErrors(RetryHandler):
    """Records each failed attempt (a retried 429 counts each time) and lets the next handlers decide on retrying."""

    def __init__(self) -> None:
        super().__init__(max_retry_count=0)

    def can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        error_code = _error_code(response, error)
        if error_code:
            metrics.record_slack_api_error(_method(request.url), error_code)
        return False

    def _can_retry(self, **_: Any) -> bool:
        return False


def _method(url: str) -> str:
    """chat.postMessage for .../api/chat.postMessage; a response_url or webhook is "response_url"."""
    path = urlsplit(url).path
    _, sep, method = path.rpartition("/api/")
    return method.strip("/") if sep and method else "response_url"


def _error_code(response: HttpResponse | None, error: Exception | None) -> str:
    if response is None:
        # No reply at all: a timeout or a dropped connection.
        return "timeout" if isinstance(error, TimeoutError) else "connection_error"
    body = response.body if isinstance(response.body, dict) else _parsed(response.data)
    if response.status_code == 429:
        return "ratelimited"
    if isinstance(body, dict) and body.get("ok") is False:
        return str(body.get("error") or "unknown_error")
    if response.status_code >= 400:
        return f"http_{response.status_code}"
    return ""


def _parsed(data: bytes | None) -> Any:
    try:
        return json.loads(data) if data else None
    except ValueError:
        return None
