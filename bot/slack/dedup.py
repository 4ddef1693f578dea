"""Exactly one answer per Slack event, even when Slack redelivers it (same event_id, X-Slack-Retry-Num),
when the redelivery reaches another replica, or when it arrives after a restart.

The durable record is the database ledger (runtime.events.claim): the first claim of an event id wins.
Where the claim happens depends on the event:

* Questions (app_mention, message) arrive in bursts, and a database write before the ack would put every
  ack behind SQLite's single writer. Their first delivery is acked at once and the listener claims the id
  before doing anything visible, so a concurrent or later redelivery still loses the race.
* Redeliveries (X-Slack-Retry-Num present) and every other event type are claimed before the ack, and
  dropped there if already claimed: no listener runs for them at all.

Ledger keys are namespaced ("slack-event:<event_id>"), so features can use the ledger for keys of their own."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import BoltContext, BoltRequest, BoltResponse

from bot.runtime import Runtime

log = logging.getLogger(__name__)

# Claimed by the listener, after the ack (see the module docstring).
CLAIMED_IN_LISTENER = frozenset({"app_mention", "message"})
_CLAIMED = "cmebot_event_claimed"


def event_key(body: dict[str, Any]) -> str | None:
    event_id = body.get("event_id") if body.get("type") == "event_callback" else None
    return f"slack-event:{event_id}" if event_id else None


def _kind(body: dict[str, Any]) -> str:
    event = body.get("event")
    return str(event.get("type", "")) if isinstance(event, dict) else ""


def dedupe_events(runtime: Runtime) -> Callable[..., BoltResponse | None]:
    """Global Bolt middleware: claim (and drop duplicates) before the ack, except first deliveries of questions."""

    def middleware(
        body: dict[str, Any], req: BoltRequest, context: BoltContext, next_: Callable[[], BoltResponse]
    ) -> BoltResponse | None:
        key = event_key(body)
        if key is None:
            return next_()
        redelivery = bool(req.headers.get("x-slack-retry-num"))
        if _kind(body) in CLAIMED_IN_LISTENER and not redelivery:
            return next_()
        if not runtime.events.claim(key, kind=_kind(body)):
            log.info("Dropped a redelivery of %s (%s)", key, _kind(body))
            return BoltResponse(status=200, body="")
        context[_CLAIMED] = True
        return next_()

    return middleware


def claim_event(runtime: Runtime, body: dict[str, Any], context: BoltContext) -> bool:
    """In a question listener, before anything visible: True if this delivery is the one to act on."""
    if context.get(_CLAIMED):
        return True  # the middleware already claimed it (a redelivery that won the race)
    key = event_key(body)
    if key is None or runtime.events.claim(key, kind=_kind(body)):
        return True
    log.info("Skipped %s: another delivery of the same event already claimed it", key)
    return False
