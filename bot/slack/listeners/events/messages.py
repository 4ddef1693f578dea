"""Questions by @-mention (answered in the mention's thread) and in a DM with the bot (answered in the DM)."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from bot.runtime import Runtime
from bot.slack.answering import SlackQuestion, answer_question, submit_answer
from bot.slack.dedup import claim_event


def is_member_dm(event: dict[str, Any]) -> bool:
    """A member's own new message in a DM with the bot (no subtype: not an edit, deletion or join notice)."""
    return (
        event.get("channel_type") == "im"
        and event.get("subtype") in (None, "file_share")
        and not event.get("bot_id")
        and bool(event.get("user"))
    )


def register(app: App, runtime: Runtime) -> None:
    def answer_later(question: SlackQuestion, body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        def work() -> None:
            # The claim is the job's first step, before anything the member can see; on the answer pool,
            # claims do not compete with the acks of a burst for the database or the interpreter.
            if claim_event(runtime, body, context):
                answer_question(runtime, client, question, bot_user_id=context.bot_user_id, bot_id=context.bot_id)

        submit_answer(runtime, work)

    @app.event("app_mention")
    def on_mention(event: dict[str, Any], body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        # Other bots' mentions never get here: they are dropped before the ack (bot/slack/app.py).
        if not event.get("user"):
            return
        question = SlackQuestion(
            channel=event["channel"],
            user=event["user"],
            ts=event["ts"],
            thread_ts=event.get("thread_ts") or event["ts"],
            text=event.get("text") or "",
            surface="slack_mention",
        )
        answer_later(question, body, client, context)

    # The matcher keeps this listener to DMs, so message events from other channels stay free for other features.
    @app.event("message", matchers=[is_member_dm])
    def on_direct_message(event: dict[str, Any], body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        question = SlackQuestion(
            channel=event["channel"],
            user=event["user"],
            ts=event["ts"],
            thread_ts=event.get("thread_ts"),
            text=event.get("text") or "",
            surface="slack_dm",
        )
        answer_later(question, body, client, context)
