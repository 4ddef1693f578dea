"""Questions by @-mention (answered in the mention's thread) and in a DM with the bot (answered in the DM).

They are taken in by a global middleware (installed by bot/slack/app.py before the event ledger) rather than
a listener: the job row must be written before the ack,
and Bolt acks an event before its listener runs. The middleware persists the question as a job
(bot/slack/jobs.py), queues it and acks; a redelivery of the same event finds its job and is acked and dropped.
If the database is down the request fails with a 500 and is not acked, so Slack delivers it again later."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from slack_bolt import BoltContext, BoltResponse

from bot.runtime import Runtime
from bot.slack.answer_channels import turn_away
from bot.slack.answering import SlackQuestion
from bot.slack.dedup import event_key
from bot.slack.jobs import jobs_for, question_payload
from bot.slack.uploads import file_entries

log = logging.getLogger(__name__)

# The events the intake takes (manifest.yml subscribes to them: app_mention, message.im).
INTAKE_EVENTS = ("app_mention", "message")


def is_member_dm(event: dict[str, Any]) -> bool:
    """A member's own new message in a DM with the bot (no subtype: not an edit, deletion or join notice)."""
    return (
        event.get("channel_type") == "im"
        and event.get("subtype") in (None, "file_share")
        and not event.get("bot_id")
        and bool(event.get("user"))
    )


def question_from_body(body: dict[str, Any]) -> SlackQuestion | None:
    """The member's question in an Events API body, or None when the event is not one."""
    event = body.get("event") if body.get("type") == "event_callback" else None
    if not isinstance(event, dict) or not event.get("channel") or not event.get("ts"):
        return None
    if event.get("type") == "app_mention" and event.get("user"):
        return SlackQuestion(
            channel=str(event["channel"]),
            user=str(event["user"]),
            ts=str(event["ts"]),
            thread_ts=str(event.get("thread_ts") or event["ts"]),
            text=str(event.get("text") or ""),
            surface="slack_mention",
        )
    if event.get("type") == "message" and is_member_dm(event):
        thread_ts = event.get("thread_ts")
        return SlackQuestion(
            channel=str(event["channel"]),
            user=str(event["user"]),
            ts=str(event["ts"]),
            thread_ts=str(thread_ts) if thread_ts else None,
            text=str(event.get("text") or ""),
            surface="slack_dm",
        )
    return None


def question_intake(runtime: Runtime) -> Callable[..., BoltResponse | None]:
    jobs = jobs_for(runtime)

    def middleware(
        body: dict[str, Any], context: BoltContext, next_: Callable[[], BoltResponse]
    ) -> BoltResponse | None:
        question = question_from_body(body)
        if question is None:
            return next_()
        key = event_key(body) or f"slack-message:{question.channel}:{question.ts}"
        event = body.get("event") or {}
        if question.surface == "slack_dm" and event.get("files") and runtime.roles.is_admin(question.user):
            # An admin sharing documents with the bot: they are indexed (bot/slack/uploads.py), not answered.
            payload = question_payload(question, team_id=context.team_id, files=file_entries(event))
            if not jobs.submit(key, "upload", payload):
                log.info("Dropped a redelivery of %s", key)
            return BoltResponse(status=200, body="")
        if turn_away(runtime, jobs, question, {"team_id": context.team_id, "enterprise_id": context.enterprise_id}):
            # Outside CMEBOT_ANSWER_CHANNELS: no job, only a one-time pointer to where the bot answers.
            return BoltResponse(status=200, body="")
        agent = question.surface == "slack_dm" and jobs.agent.enabled(context.team_id)
        if agent:
            # Slack's agent view: each new message to the bot opens its own thread, and the answer goes in it
            # (with the thread's status line, native feedback and, with an LLM, streaming).
            question = replace(question, thread_ts=question.thread_ts or question.ts)
        payload = question_payload(
            question,
            team_id=context.team_id,
            enterprise_id=context.enterprise_id,
            bot_user_id=context.bot_user_id,
            bot_id=context.bot_id,
            agent=agent,
            # A flyer shared with the question ("@bot is this accredited?" on a PDF): the checker reads it.
            files=file_entries(event),
        )
        if not jobs.submit(key, question.surface, payload):
            log.info("Dropped a redelivery of %s", key)
        return BoltResponse(status=200, body="")

    return middleware
