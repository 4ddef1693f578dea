"""Events of community knowledge: an expert's save reaction on a reply, and replies in an escalation's thread.

Channel messages arrive because the bot is subscribed to them for exactly this; they are looked at only to see
whether they reply to a question the bot posted for the experts, and are not stored."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from bot.runtime import Runtime
from bot.slack.community import CommunitySlack


def is_channel_reply(event: dict[str, Any]) -> bool:
    return (
        event.get("channel_type") in ("channel", "group")
        and event.get("subtype") is None
        and bool(event.get("thread_ts"))
        and event.get("thread_ts") != event.get("ts")
        and bool(event.get("user"))
        and not event.get("bot_id")
    )


def register(app: App, runtime: Runtime) -> None:
    community = CommunitySlack(runtime)

    @app.event("reaction_added")
    def on_reaction(event: dict[str, Any], body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        item = event.get("item") or {}
        if event.get("reaction") != runtime.settings.save_reaction or item.get("type") != "message":
            return
        saved = community.save_from_reaction(
            client,
            team=str(context.team_id or body.get("team_id") or ""),
            reactor=str(event.get("user") or ""),
            channel=str(item.get("channel") or ""),
            ts=str(item.get("ts") or ""),
        )
        if saved is not None:
            client.chat_postEphemeral(
                channel=saved.channel_id,
                user=saved.saved_by,
                text=f"Saved as verified community answer #{saved.id}: \u201c{saved.question[:150]}\u201d",
            )

    @app.event("message", matchers=[is_channel_reply])
    def on_channel_reply(event: dict[str, Any], body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        community.expert_replied(
            client,
            team=str(context.team_id or body.get("team_id") or ""),
            channel=str(event["channel"]),
            thread_ts=str(event["thread_ts"]),
            user=str(event["user"]),
            ts=str(event["ts"]),
            text=str(event.get("text") or ""),
        )

    # A channel archived, or the bot removed from it: visibility follows (bot.services.community.channel_closed).
    for kind, why in (
        ("channel_archive", "the channel was archived"),
        ("group_archive", "the channel was archived"),
        ("channel_left", "the bot was removed from the channel"),
        ("group_left", "the bot was removed from the channel"),
    ):
        _on_channel_closed(app, runtime, kind, why)


def _on_channel_closed(app: App, runtime: Runtime, kind: str, why: str) -> None:
    @app.event(kind)
    def closed(event: dict[str, Any], body: dict[str, Any], context: BoltContext) -> None:
        channel = event.get("channel")
        channel_id = channel.get("id") if isinstance(channel, dict) else channel
        if channel_id:
            runtime.community.channel_closed(str(context.team_id or body.get("team_id") or ""), str(channel_id), why)
