"""The HTTP edge in front of Bolt: what reaches the app is small, signed by Slack, and parseable.

Bolt parses a body before checking its signature, answers a malformed one with a 500 and a traceback, and logs
the whole body of a request that fails verification. Here, before Bolt sees anything:
  * the body is capped (CMEBOT_MAX_REQUEST_BYTES, 1 MB; Slack's payloads are a few KB): 413 above it;
  * a missing or non-numeric timestamp header is a 400; a missing, stale or wrong signature a 401;
  * a body that is not the JSON or form Slack sends (invalid, truncated, nested too deep) is a 400;
  * nothing of a rejected body is logged: one line with the reason and the size.
Only then is the request handed to Bolt, which verifies the signature again as it always does."""

from __future__ import annotations

import io
import json
import logging
import time
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import parse_qs

from slack_sdk.signature import SignatureVerifier

log = logging.getLogger(__name__)

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]
# Deeper than any payload Slack sends (a modal's view state is about 10 levels); a hostile body nests thousands.
MAX_JSON_DEPTH = 64


class Rejected(Exception):
    def __init__(self, status: str, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


def guarded(bolt: WsgiApp, signing_secret: str, max_bytes: int) -> WsgiApp:
    verifier = SignatureVerifier(signing_secret)

    def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        try:
            body = _read_body(environ, max_bytes)
            _check(environ, body, verifier)
        except Rejected as rejected:
            size = environ.get("CONTENT_LENGTH") or "?"
            log.warning("Rejected a request to %s: %s (%s bytes)", environ.get("PATH_INFO"), rejected.reason, size)
            payload = rejected.reason.encode()
            start_response(rejected.status, [("Content-Type", "text/plain"), ("Content-Length", str(len(payload)))])
            return [payload]
        environ["wsgi.input"] = io.BytesIO(body)
        environ["CONTENT_LENGTH"] = str(len(body))
        return bolt(environ, start_response)

    return application


def _read_body(environ: dict[str, Any], max_bytes: int) -> bytes:
    raw_length = str(environ.get("CONTENT_LENGTH") or "0").strip()
    if not raw_length.isdigit():
        raise Rejected("400 Bad Request", "bad Content-Length")
    length = int(raw_length)
    if length > max_bytes:
        raise Rejected("413 Payload Too Large", "body too large")
    body = environ["wsgi.input"].read(length) if length else b""
    if len(body) != length:
        raise Rejected("400 Bad Request", "truncated body")
    return body


def _header(environ: dict[str, Any], name: str) -> str:
    return str(environ.get("HTTP_" + name.upper().replace("-", "_")) or "")


def _check(environ: dict[str, Any], body: bytes, verifier: SignatureVerifier) -> None:
    timestamp = _header(environ, "X-Slack-Request-Timestamp")
    signature = _header(environ, "X-Slack-Signature")
    if not timestamp or not signature:
        raise Rejected("401 Unauthorized", "not signed")
    if not timestamp.isdigit():
        raise Rejected("400 Bad Request", "bad timestamp header")
    if abs(time.time() - int(timestamp)) > 60 * 5:
        raise Rejected("401 Unauthorized", "stale timestamp")
    if not verifier.is_valid(body=body, timestamp=timestamp, signature=signature):
        raise Rejected("401 Unauthorized", "bad signature")
    _parse(environ, body)


def _parse(environ: dict[str, Any], body: bytes) -> None:
    """Parse as Bolt will, so a malformed (even correctly signed) body is a 400 here, not a 500 there."""
    try:
        text = body.decode("utf-8")
        content_type = str(environ.get("CONTENT_TYPE") or "")
        if "application/json" in content_type or text.startswith("{"):
            _depth_checked(json.loads(text))
            return
        form = parse_qs(text, keep_blank_values=True, strict_parsing=bool(text))
        if "payload" in form:
            _depth_checked(json.loads(form["payload"][0]))
    except (ValueError, RecursionError, UnicodeDecodeError) as exc:
        raise Rejected("400 Bad Request", "malformed body") from exc


def _depth_checked(value: Any) -> None:
    if not isinstance(value, dict):
        raise ValueError("not a JSON object")
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_JSON_DEPTH:
            raise ValueError("nested too deep")
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else ()
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
