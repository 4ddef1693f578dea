"""Exactly one handling per Slack event, even when Slack redelivers it (same event_id, X-Slack-Retry-Num),
when the redelivery reaches another replica, or when it arrives after a restart; and no second handling of a
signed slash command or interaction replayed within the signature window.

* Questions (mentions and member DMs) never get here: the intake (bot/slack/intake.py) turns
  them into jobs whose unique key is the event id.
* Every other event is claimed in the database ledger (runtime.events.claim) before the ack and dropped there if
  already claimed, so no listener runs twice. Plain channel messages, which no feature answers and which
  arrive by the thousand, are claimed only when redelivered.
* Slash commands and interactions carry no event id; Slack signs each request with a timestamp, and a request
  is only accepted within five minutes of it. A signature seen before is a replay: acked and dropped.

Ledger keys are namespaced ("slack-event:<event_id>", "slack-signature:<hash>")."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import BoltRequest, BoltResponse

from bot.runtime import Runtime

log = logging.getLogger(__name__)


def event_key(body: dict[str, Any]) -> str | None:
    event_id = body.get("event_id") if body.get("type") == "event_callback" else None
    return f"slack-event:{event_id}" if event_id else None


def _kind(body: dict[str, Any]) -> str:
    event = body.get("event")
    return str(event.get("type", "")) if isinstance(event, dict) else ""


def _signature_key(req: BoltRequest) -> str | None:
    signature = req.headers.get("x-slack-signature")
    value = signature[0] if isinstance(signature, list) and signature else signature
    return f"slack-signature:{hashlib.sha256(str(value).encode()).hexdigest()[:40]}" if value else None


def dedupe_events(runtime: Runtime) -> Callable[..., BoltResponse | None]:
    """Global Bolt middleware: claim (and drop duplicates) before the ack; see the module docstring."""

    def middleware(body: dict[str, Any], req: BoltRequest, next_: Callable[[], BoltResponse]) -> BoltResponse | None:
        key = event_key(body)
        if key is None:
            # Not an event: a command or interaction. In HTTP mode its signature identifies the request.
            replay = _signature_key(req) if body.get("type") != "url_verification" else None
            if replay is not None and not runtime.events.claim(replay, kind="replay"):
                log.warning("Dropped a replayed request (%s)", body.get("type") or body.get("command") or "?")
                return BoltResponse(status=200, body="")
            return next_()
        redelivery = bool(req.headers.get("x-slack-retry-num"))
        if _kind(body) == "message" and not redelivery:
            return next_()
        if not runtime.events.claim(key, kind=_kind(body)):
            log.info("Dropped a redelivery of %s (%s)", key, _kind(body))
            return BoltResponse(status=200, body="")
        return next_()

    return middleware
