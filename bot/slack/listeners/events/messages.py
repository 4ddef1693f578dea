"""Questions by @-mention (answered in the mention's thread) and in a DM with the bot (answered in the DM)."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from bot.runtime import Runtime
from bot.slack.answering import SlackQuestion, answer_question


def is_member_dm(event: dict[str, Any]) -> bool:
    """A member's own new message in a DM with the bot (no subtype: not an edit, deletion or join notice)."""
    return (
        event.get("channel_type") == "im"
        and event.get("subtype") in (None, "file_share")
        and not event.get("bot_id")
        and bool(event.get("user"))
    )


def register(app: App, runtime: Runtime) -> None:
    @app.event("app_mention")
    def on_mention(event: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        if not event.get("user"):
            return  # no member to answer (other bots' mentions are dropped before the ack, in bot/slack/app.py)
        answer_question(
            runtime,
            client,
            SlackQuestion(
                channel=event["channel"],
                user=event["user"],
                ts=event["ts"],
                thread_ts=event.get("thread_ts") or event["ts"],
                text=event.get("text") or "",
                surface="slack_mention",
            ),
            bot_user_id=context.bot_user_id,
            bot_id=context.bot_id,
        )

    # The matcher keeps this listener to DMs, so message events from other channels stay free for other features.
    @app.event("message", matchers=[is_member_dm])
    def on_direct_message(event: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        answer_question(
            runtime,
            client,
            SlackQuestion(
                channel=event["channel"],
                user=event["user"],
                ts=event["ts"],
                thread_ts=event.get("thread_ts"),
                text=event.get("text") or "",
                surface="slack_dm",
            ),
            bot_user_id=context.bot_user_id,
            bot_id=context.bot_id,
        )
