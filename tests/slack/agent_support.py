"""Helpers for the agent-surface tests: Slack's agent events as Slack sends them, and the bot's answers in a DM."""

from __future__ import annotations

from typing import Any

from bot.slack.jobs import METADATA_EVENT
from tests.support.slack_api import TEAM_ID, SlackApiStandIn
from tests.support.slack_app import next_ts


def thread_started(channel: str, thread_ts: str, *, viewing: str | None = None, user: str = "U1") -> dict[str, Any]:
    context = {"channel_id": viewing, "team_id": TEAM_ID, "enterprise_id": None} if viewing else {}
    return {
        "type": "assistant_thread_started",
        "assistant_thread": {"user_id": user, "context": context, "channel_id": channel, "thread_ts": thread_ts},
        "event_ts": next_ts(),
    }


def thread_context_changed(channel: str, thread_ts: str, viewing: str, user: str = "U1") -> dict[str, Any]:
    event = thread_started(channel, thread_ts, viewing=viewing, user=user)
    return {**event, "type": "assistant_thread_context_changed"}


def app_context_changed(channel: str, viewing: str | None, user: str = "U1") -> dict[str, Any]:
    entities = [{"type": "slack#/types/channel_id", "value": viewing, "team_id": TEAM_ID}] if viewing else []
    return {
        "type": "app_context_changed",
        "user": user,
        "channel": channel,
        "context": {"entities": entities} if entities else {},
        "event_ts": next_ts(),
    }


def messages_tab_opened(channel: str, user: str = "U1") -> dict[str, Any]:
    return {"type": "app_home_opened", "user": user, "channel": channel, "tab": "messages", "event_ts": next_ts()}


def answers_in(api: SlackApiStandIn, channel: str) -> list[dict[str, Any]]:
    """The bot's answers in `channel`: messages whose metadata names an answer job."""
    return [m for m in api.posted(channel) if (m.get("metadata") or {}).get("event_type") == METADATA_EVENT]
